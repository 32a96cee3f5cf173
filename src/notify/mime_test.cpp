#include "notify/mime.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "core/utf8.hpp"

namespace cabinet::notify {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (auto end = text.find("\r\n"); end != std::string::npos; end = text.find("\r\n", start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  lines.push_back(text.substr(start));
  return lines;
}

std::string unfold(std::string header) {
  for (auto pos = header.find("\r\n"); pos != std::string::npos; pos = header.find("\r\n")) {
    header.erase(pos, 2);
  }
  return header;
}

TEST(EmlQuotedPrintable, KeepsPlainTextAndEscapesTheRest) {
  EXPECT_EQ(encode_quoted_printable("Bonjour, votre rendez-vous est confirmé."),
            "Bonjour, votre rendez-vous est confirm=C3=A9.");
  EXPECT_EQ(encode_quoted_printable("1+1=2"), "1+1=3D2");
  EXPECT_EQ(encode_quoted_printable(std::string("nul\0byte\x7f", 9)), "nul=00byte=7F");
  EXPECT_EQ(encode_quoted_printable(""), "");
}

TEST(EmlQuotedPrintable, EscapesTrailingWhitespaceOnly) {
  EXPECT_EQ(encode_quoted_printable("a b\tc"), "a b\tc");
  EXPECT_EQ(encode_quoted_printable("fin  \nsuite\t"), "fin =20\r\nsuite=09");
  EXPECT_EQ(encode_quoted_printable(" "), "=20");
}

TEST(EmlQuotedPrintable, AnyLineBreakBecomesCrlf) {
  EXPECT_EQ(encode_quoted_printable("a\nb\r\nc\rd\n"), "a\r\nb\r\nc\r\nd\r\n");
  EXPECT_EQ(encode_quoted_printable("\n\n"), "\r\n\r\n");
}

TEST(EmlQuotedPrintable, EscapesADotOpeningALine) {
  EXPECT_EQ(encode_quoted_printable(".\n.cache a.b"), "=2E\r\n=2Ecache a.b");
}

TEST(EmlQuotedPrintable, SoftBreaksKeepLinesWithin76Columns) {
  EXPECT_EQ(encode_quoted_printable(std::string(76, 'a')), std::string(76, 'a'));
  EXPECT_EQ(encode_quoted_printable(std::string(77, 'a')), std::string(75, 'a') + "=\r\n" + "aa");
  for (const std::string& text :
       {std::string(500, 'x'), std::string(200, ' ') + "end", std::string(300, '='), [] {
          std::string s;
          for (int i = 0; i < 120; ++i) s += "é";
          return s;
        }()}) {
    const std::string encoded = encode_quoted_printable(text);
    const auto lines = lines_of(encoded);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_LE(lines[i].size(), 76U) << lines[i];
      if (i + 1 < lines.size()) {
        EXPECT_TRUE(lines[i].ends_with('=')) << lines[i];
      }
      // An escape is never cut by a soft break: every '=' but a soft break's starts "=XY".
      const bool soft = i + 1 < lines.size();
      for (std::size_t k = 0; k < lines[i].size() - (soft ? 1 : 0); ++k) {
        if (lines[i][k] == '=') {
          ASSERT_LT(k + 2, lines[i].size()) << lines[i];
          EXPECT_TRUE(std::isxdigit(lines[i][k + 1]) && std::isxdigit(lines[i][k + 2]));
        }
      }
      EXPECT_FALSE(lines[i].ends_with(' ') || lines[i].ends_with('\t')) << lines[i];
    }
    EXPECT_EQ(decode_quoted_printable(encoded), text);
  }
}

TEST(EmlQuotedPrintable, EveryByteRoundTrips) {
  std::string text;
  for (int round = 0; round < 3; ++round) {
    for (int c = 0; c < 256; ++c) {
      if (c != '\r' && c != '\n') text.push_back(static_cast<char>(c));
    }
    text += " \t\nligne suivante \t\n";
  }
  EXPECT_EQ(decode_quoted_printable(encode_quoted_printable(text)), text);
}

TEST(EmlQuotedPrintable, DecodingIsLenient) {
  EXPECT_EQ(decode_quoted_printable("soft=\r\nbreak"), "softbreak");
  EXPECT_EQ(decode_quoted_printable("soft=\nbreak=  \r\nhere"), "softbreakhere");
  EXPECT_EQ(decode_quoted_printable("s=c3=a9curit=C3=A9"), "sécurité");
  EXPECT_EQ(decode_quoted_printable("a = b =4 =ZZ ="), "a = b =4 =ZZ ");
  EXPECT_EQ(decode_quoted_printable("added   \r\nspaces\t\r\n"), "added\nspaces\n");
}

TEST(EmlHeaderWords, PlainAsciiSubjectsStayReadableAndFold) {
  EXPECT_EQ(encode_unstructured_header("Subject", "Rendez-vous confirmé"),
            "Subject: =?UTF-8?B?UmVuZGV6LXZvdXMgY29uZmlybcOp?=");
  EXPECT_EQ(encode_unstructured_header("Subject", "Appointment confirmed"),
            "Subject: Appointment confirmed");
  EXPECT_EQ(encode_unstructured_header("Subject", ""), "Subject:");
  std::string long_subject;
  for (int i = 0; i < 30; ++i) long_subject += "word" + std::to_string(i) + " ";
  const std::string header = encode_unstructured_header("Subject", long_subject);
  for (const auto& line : lines_of(header)) EXPECT_LE(line.size(), 78U) << line;
  EXPECT_GT(lines_of(header).size(), 1U);
  EXPECT_EQ(unfold(header), "Subject: " + long_subject);
}

TEST(EmlHeaderWords, AccentedSubjectsBecomeUtf8EncodedWords) {
  const std::string subject = "Votre code de sécurité";
  const std::string header = encode_unstructured_header("Subject", subject);
  EXPECT_TRUE(header.starts_with("Subject: =?UTF-8?B?")) << header;
  EXPECT_TRUE(std::all_of(header.begin(), header.end(),
                          [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
  EXPECT_EQ(decode_header_value(unfold(header).substr(9)), subject);
}

TEST(EmlHeaderWords, LongSubjectsFoldBetweenWholeCharacters) {
  std::string subject = "Rappel : ";
  for (int i = 0; i < 40; ++i) subject += "é€😀";
  const std::string header = encode_unstructured_header("Subject", subject);
  const auto lines = lines_of(header);
  ASSERT_GT(lines.size(), 3U);
  for (const auto& line : lines) {
    EXPECT_LE(line.size(), 78U) << line;
    // Each word decodes on its own to valid UTF-8: no character is split between two words.
    const auto word = line.substr(line.find("=?"));
    EXPECT_TRUE(is_valid_utf8(decode_header_value(word))) << word;
  }
  EXPECT_EQ(decode_header_value(unfold(header).substr(9)), subject);
}

TEST(EmlHeaderWords, ControlCharactersNeverReachTheHeader) {
  const std::string header =
      encode_unstructured_header("Subject", "Bonjour\r\nBcc: victim@example.org\n");
  EXPECT_EQ(header.find('\n'), std::string::npos);
  EXPECT_EQ(header, "Subject: Bonjour  Bcc: victim@example.org ");
  EXPECT_EQ(encode_address_header("To", "a@b.fr\r\nBcc: c@d.fr").find('\n'), std::string::npos);
}

TEST(EmlHeaderWords, DecodesQAndBWordsInUtf8AndLatin1) {
  EXPECT_EQ(decode_header_value("=?UTF-8?Q?Votre_code_de_s=C3=A9curit=C3=A9?="),
            "Votre code de sécurité");
  EXPECT_EQ(decode_header_value("=?iso-8859-1?q?s=E9curit=E9?="), "sécurité");
  // Whitespace between two words is folding, not text; around plain text it stays.
  EXPECT_EQ(decode_header_value("=?UTF-8?B?Vm90cmUg?=  =?utf-8?b?Y29kZQ==?= ici"),
            "Votre code ici");
  EXPECT_EQ(decode_header_value("Re: =?UTF-8?Q?caf=C3=A9?= !"), "Re: café !");
  EXPECT_EQ(decode_header_value("=?UTF-8?X?nope?= =?broken"), "=?UTF-8?X?nope?= =?broken");
  EXPECT_EQ(decode_header_value("=?UTF-8*fr?Q?d=C3=A9j=C3=A0?="), "déjà");
}

TEST(EmlHeaderWords, AddressHeadersQuoteOrEncodeTheDisplayName) {
  EXPECT_EQ(encode_address_header("From", "Cabinet <no-reply@cabinet.localhost>"),
            "From: Cabinet <no-reply@cabinet.localhost>");
  EXPECT_EQ(encode_address_header("To", "patient@example.fr"), "To: patient@example.fr");
  EXPECT_EQ(encode_address_header("To", "Dr. Martin, cardiologue <m@example.fr>"),
            "To: \"Dr. Martin, cardiologue\" <m@example.fr>");
  const std::string encoded = encode_address_header("To", "Hélène Dupont <h@example.fr>");
  EXPECT_EQ(encoded, "To: =?UTF-8?B?SMOpbMOobmUgRHVwb250?= <h@example.fr>");
  EXPECT_EQ(decode_header_value(encoded.substr(4)), "Hélène Dupont <h@example.fr>");
}

TEST(EmlDate, FormatsUtcAndParsesBack) {
  EXPECT_EQ(format_rfc5322_date(0), "Thu, 01 Jan 1970 00:00:00 +0000");
  EXPECT_EQ(format_rfc5322_date(1'790'000'000), "Mon, 21 Sep 2026 14:13:20 +0000");
  for (std::int64_t t : {0L, 951'782'400L, 1'790'000'000L, 4'102'444'799L}) {
    EXPECT_EQ(parse_rfc5322_date(format_rfc5322_date(t)), t);
  }
  EXPECT_EQ(parse_rfc5322_date("Mon, 2 Jan 2006 15:04:05 -0700"), 1'136'239'445);
  EXPECT_EQ(parse_rfc5322_date("2 Jan 2006 15:04:05 -0700 (MST)"), 1'136'239'445);
  EXPECT_EQ(parse_rfc5322_date("Mon, 2 Jan 2006 15:04 +0100"), 1'136'210'640);
  EXPECT_EQ(parse_rfc5322_date("yesterday"), std::nullopt);
  EXPECT_EQ(parse_rfc5322_date(""), std::nullopt);
}

}  // namespace
}  // namespace cabinet::notify
