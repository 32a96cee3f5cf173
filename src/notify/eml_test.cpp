#include "notify/eml.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cabinet::notify {
namespace {

Email sample() {
  return Email{"<k3x9q2@cabinet>",
               "Cabinet <no-reply@cabinet.localhost>",
               "Hélène Dupont <helene@example.fr>",
               "Votre code de sécurité",
               "Bonjour Hélène,\n\nVotre code : 482 913.\nIl expire dans 10 minutes.\n",
               "<p>Bonjour Hélène,</p>\n<p>Votre code : <strong>482 913</strong>.</p>",
               1'790'000'000};
}

std::string header_block(const std::string& eml) { return eml.substr(0, eml.find("\r\n\r\n")); }

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

TEST(EmlRender, WritesTheHeadersOfAMultipartAlternative) {
  const std::string eml = render_eml(sample());
  const std::string headers = header_block(eml);
  EXPECT_NE(headers.find("Message-ID: <k3x9q2@cabinet>\r\n"), std::string::npos) << headers;
  EXPECT_NE(headers.find("Date: Mon, 21 Sep 2026 14:13:20 +0000\r\n"), std::string::npos);
  EXPECT_NE(headers.find("From: Cabinet <no-reply@cabinet.localhost>\r\n"), std::string::npos);
  EXPECT_NE(headers.find("To: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(headers.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(headers.find("MIME-Version: 1.0\r\n"), std::string::npos);
  EXPECT_NE(headers.find("Content-Type: multipart/alternative;\r\n boundary=\"=_cabinet_"),
            std::string::npos);
  EXPECT_NE(eml.find("Content-Type: text/plain; charset=utf-8\r\n"
                     "Content-Transfer-Encoding: quoted-printable\r\n\r\nBonjour H=C3=A9l=C3=A8ne"),
            std::string::npos);
  EXPECT_LT(eml.find("text/plain"), eml.find("text/html"));  // the richest part comes last
}

TEST(EmlRender, IsSevenBitWithCrlfLineEndsAndShortLines) {
  Email email = sample();
  email.text = std::string(300, 'x') + "\n" + email.text;
  const std::string eml = render_eml(email);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < eml.size(); ++i) {
    ASSERT_LT(static_cast<unsigned char>(eml[i]), 0x80U) << "at " << i;
    if (eml[i] == '\n') {
      ASSERT_GT(i, 0U);
      ASSERT_EQ(eml[i - 1], '\r') << "bare LF at " << i;
      EXPECT_LE(i - 1 - line_start, 78U) << eml.substr(line_start, i - line_start);
      line_start = i + 1;
    }
  }
  EXPECT_TRUE(eml.ends_with("--\r\n"));
}

TEST(EmlRender, UsesASingleTextPartWithoutHtml) {
  Email email = sample();
  email.html.clear();
  const std::string eml = render_eml(email);
  EXPECT_EQ(eml.find("multipart"), std::string::npos);
  EXPECT_NE(header_block(eml).find("Content-Type: text/plain; charset=utf-8\r\n"
                                   "Content-Transfer-Encoding: quoted-printable"),
            std::string::npos);
  EXPECT_TRUE(eml.ends_with("10 minutes.\r\n\r\n")) << eml;
}

TEST(EmlRender, TheBoundaryIsFreshAndAbsentFromTheBodies) {
  Email email = sample();
  const std::string first = render_eml(email);
  const auto at = first.find("boundary=\"") + 10;
  const std::string boundary = first.substr(at, first.find('"', at) - at);
  email.text = "--" + boundary + "\n--" + boundary + "--\n";
  const std::string second = render_eml(email);
  EXPECT_EQ(second.find("boundary=\"" + boundary + "\""), std::string::npos);
  EXPECT_EQ(parse_eml(second).text, email.text);
}

TEST(EmlRender, RefusesHeaderInjection) {
  for (auto change : std::initializer_list<void (*)(Email&)>{
           [](Email& e) { e.subject = "Bonjour\r\nBcc: victim@example.org"; },
           [](Email& e) { e.subject = "Bonjour\nBcc: victim@example.org"; },
           [](Email& e) { e.to = "helene@example.fr\r\nBcc: victim@example.org"; },
           [](Email& e) { e.from = "Cabinet <a@b.fr>\rX-Evil: 1"; },
           [](Email& e) { e.message_id = "<a@b>\r\nBcc: victim@example.org"; },
       }) {
    Email email = sample();
    change(email);
    const auto checked = check_email(email);
    ASSERT_FALSE(checked.ok()) << email.subject << email.to << email.from;
    EXPECT_EQ(checked.error().code, ErrorCode::invalid_request);
    // Even unchecked, rendering cannot produce an extra header line.
    const std::string headers = header_block(render_eml(email));
    EXPECT_EQ(headers.find("\nBcc:"), std::string::npos) << headers;
    EXPECT_EQ(headers.find("\nX-Evil:"), std::string::npos) << headers;
  }
}

TEST(EmlRender, RefusesWhatCannotBeSent) {
  EXPECT_TRUE(check_email(sample()).ok());
  const auto refused = [](void (*change)(Email&)) {
    Email email = sample();
    change(email);
    const auto r = check_email(email);
    return !r.ok() && r.error().code == ErrorCode::invalid_request;
  };
  EXPECT_TRUE(refused([](Email& e) { e.message_id.clear(); }));
  EXPECT_TRUE(refused([](Email& e) { e.message_id = "<two words@cabinet>"; }));
  EXPECT_TRUE(refused([](Email& e) { e.message_id = "<é@cabinet>"; }));
  EXPECT_TRUE(refused([](Email& e) { e.to = "Hélène"; }));
  EXPECT_TRUE(refused([](Email& e) { e.to = "hélène@example.fr"; }));
  EXPECT_TRUE(refused([](Email& e) { e.from = ""; }));
  EXPECT_TRUE(refused([](Email& e) { e.subject = "\xc3"; }));
  EXPECT_TRUE(refused([](Email& e) { e.text = "\xff"; }));
}

TEST(EmlAddress, TakesTheAddressOutOfAMailbox) {
  EXPECT_EQ(address_of("Cabinet <no-reply@cabinet.localhost>"), "no-reply@cabinet.localhost");
  EXPECT_EQ(address_of("  patient@example.fr "), "patient@example.fr");
  EXPECT_EQ(address_of("\"Dupont <x>\" <h@example.fr>"), "h@example.fr");
  EXPECT_EQ(address_of("no at sign"), "");
  EXPECT_EQ(address_of("Name <a@b.fr"), "");
  EXPECT_EQ(address_of("@example.fr"), "");
  EXPECT_EQ(address_of("a@b.fr>\r\nRCPT TO:<c@d.fr"), "");
}

TEST(EmlRoundTrip, ParseGivesBackWhatRenderWrote) {
  const Email email = sample();
  const ParsedEmail parsed = parse_eml(render_eml(email));
  EXPECT_EQ(parsed.message_id, email.message_id);
  EXPECT_EQ(parsed.from, email.from);
  EXPECT_EQ(parsed.to, email.to);
  EXPECT_EQ(parsed.subject, email.subject);
  EXPECT_EQ(parsed.date, email.created_at);
  EXPECT_EQ(parsed.text, email.text);
  EXPECT_EQ(parsed.html, email.html);
}

// An appointment's .ics travels as a base64 attachment beside the readable parts, byte for byte
// (CRLF lines included), and parse_eml gives it back without mixing it into the text.
TEST(EmlRoundTrip, AnAttachmentTravelsBesideTheBody) {
  for (const bool html : {true, false}) {
    Email email = sample();
    if (!html) email.html.clear();
    const std::string ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Rendez-vous Dr Éléonore "
        "Martin – Suivi\r\n" +
        std::string(200, 'x') + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    email.attachments.push_back({"rendez-vous.ics", "text/calendar; charset=utf-8", ics});
    const std::string eml = render_eml(email);
    EXPECT_NE(header_block(eml).find("multipart/mixed"), std::string::npos);
    for (std::size_t start = 0, nl = 0; (nl = eml.find("\r\n", start)) != std::string::npos;
         start = nl + 2) {
      EXPECT_LE(nl - start, 998U);
    }
    const auto parsed = parse_eml(eml);
    EXPECT_EQ(parsed.text, email.text);
    EXPECT_EQ(parsed.html, email.html);
    ASSERT_EQ(parsed.attachments.size(), 1U);
    EXPECT_EQ(parsed.attachments[0].filename, "rendez-vous.ics");
    EXPECT_EQ(parsed.attachments[0].content_type, "text/calendar; charset=utf-8");
    EXPECT_EQ(parsed.attachments[0].content, ics);
    EXPECT_TRUE(check_email(email).ok());
  }
  Email bad = sample();
  bad.attachments.push_back({"a\"b.ics\r\nX-Evil: 1", "text/calendar", "x"});
  EXPECT_FALSE(check_email(bad).ok());
  EXPECT_EQ(render_eml(bad).find("\r\nX-Evil"), std::string::npos);
}

TEST(EmlRoundTrip, TextOnlyAndAwkwardBodies) {
  for (const std::string& text :
       {std::string(), std::string("\n"), std::string("no final line end"),
        std::string(".\n..\nFrom the start\n=3D is not an escape\n"),
        std::string(1000, 'z') + "\n" + std::string(100, ' '), std::string("tab\tend\t")}) {
    Email email = sample();
    email.text = text;
    email.html.clear();
    EXPECT_EQ(parse_eml(render_eml(email)).text, text);
    email.html = "<p>" + text + "</p>";
    const ParsedEmail parsed = parse_eml(render_eml(email));
    EXPECT_EQ(parsed.text, text);
    EXPECT_EQ(parsed.html, email.html);
  }
}

TEST(EmlRoundTrip, ReadsTheMessageAsAMaildirStoresIt) {
  // aiosmtpd's Mailbox writes LF line ends and adds the envelope in front.
  const Email email = sample();
  const std::string stored =
      "X-Peer: ('127.0.0.1', 40000)\nX-MailFrom: no-reply@cabinet.localhost\n" +
      replace_all(render_eml(email), "\r\n", "\n");
  const ParsedEmail parsed = parse_eml(stored);
  EXPECT_EQ(parsed.subject, email.subject);
  EXPECT_EQ(parsed.text, email.text);
  EXPECT_EQ(parsed.html, email.html);
  EXPECT_EQ(parsed.message_id, email.message_id);
}

TEST(EmlParse, ReadsNestedMultipartsBase64AndLatin1) {
  const std::string mail =
      "Message-ID: <other@example>\r\n"
      "Date: 2 Jan 2006 15:04:05 -0700\r\n"
      "Subject: =?ISO-8859-1?Q?R=E9sultat?=\r\n"
      "\t=?UTF-8?B?IGQnYW5hbHlzZQ==?=\r\n"
      "Content-Type: multipart/mixed; boundary=outer\r\n"
      "\r\n"
      "preamble\r\n"
      "--outer\r\n"
      "Content-Type: multipart/alternative;\r\n boundary=\"inner; quoted\"\r\n"
      "\r\n"
      "--inner; quoted\r\n"
      "Content-Type: text/plain; charset=\"ISO-8859-1\"\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "r=E9sultat normal\r\n"
      "--inner; quoted\r\n"
      "Content-Type: text/html; charset=utf-8\r\n"
      "Content-Transfer-Encoding: base64\r\n"
      "\r\n"
      "PHA+csOpc3VsdGF0\r\nPC9wPg==\r\n"
      "--inner; quoted--\r\n"
      "--outer\r\n"
      "Content-Type: text/plain\r\n"
      "Content-Disposition: attachment; filename=x.txt\r\n"
      "\r\n"
      "not the body\r\n"
      "--outer--\r\n"
      "epilogue\r\n";
  const ParsedEmail parsed = parse_eml(mail);
  EXPECT_EQ(parsed.subject, "Résultat d'analyse");
  EXPECT_EQ(parsed.date, 1'136'239'445);
  EXPECT_EQ(parsed.text, "résultat normal");
  EXPECT_EQ(parsed.html, "<p>résultat</p>");
}

TEST(EmlParse, NeverThrowsOnGarbage) {
  for (const std::string& junk :
       {std::string(), std::string("\r\n\r\n"), std::string("no headers at all"),
        std::string("Content-Type: multipart/alternative; boundary=\r\n\r\n--\r\n"),
        std::string("Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n--b\r\n"),
        std::string("Subject: =?UTF-8?B?!!!?= =?\r\n\r\n="), std::string(1, '\0')}) {
    const ParsedEmail parsed = parse_eml(junk);
    EXPECT_TRUE(parsed.html.empty());
  }
  std::string deep;
  for (int i = 0; i < 50; ++i) {
    deep += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\n\n--b" +
            std::to_string(i) + "\n";
  }
  EXPECT_TRUE(parse_eml(deep).text.empty());
}

}  // namespace
}  // namespace cabinet::notify
