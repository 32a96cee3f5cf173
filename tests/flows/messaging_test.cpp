// "Contacter mon praticien" through the handlers, on both engines (issue 15, MSG1;
// docs/messaging.md): after a consultation the patient writes, the practitioner answers and the
// patient's socket hears it with the unread count; emails say that a message arrived and never
// what; texts are sealed; reads are audited and in "Qui a consulté mon dossier"; the rules
// (prior consultation, opt-in, closed conversations, limits, bad input) answer clear errors.
#include "messaging_fixture.hpp"
#include "upload_samples.hpp"

namespace cabinet::test {
namespace {

using Messaging = MessagingFlows;

std::size_t mails_to(const std::vector<std::string>& sent, const char* prefix) {
  std::size_t n = 0;
  for (const auto& s : sent) n += s.starts_with(prefix) ? 1 : 0;
  return n;
}

TEST_P(Messaging, ThePatientWritesThePractitionerAnswersAndTheSocketHearsIt) {
  ASSERT_EQ(turn_on().status, 200);
  auto doctors = h_.get(pat_, "/api/v1/messaging/practitioners");
  ASSERT_EQ(doctors.status, 200) << doctors.body;
  ASSERT_EQ(doctors.body["items"].size(), 1U);
  EXPECT_EQ(doctors.body["items"][0]["id"], doc_.id);
  EXPECT_EQ(doctors.body["items"][0]["name"], "Dr Claire Martin");
  EXPECT_EQ(doctors.body["items"][0]["open"], true);

  auto socket = watching(pat_, "parent@example.fr", Role::patient);
  auto heard = socket->take();
  ASSERT_EQ(heard.size(), 1U);
  EXPECT_EQ(heard[0], (nlohmann::json{{"type", "unread"}, {"count", 0}}));

  auto opened = open(pat_, "  La Ventoline secrète est finie, pouvez-vous la renouveler ?\n");
  ASSERT_EQ(opened.status, 201) << opened.body;
  const auto id = opened.body["id"].get<std::string>();
  EXPECT_TRUE(id.starts_with("c_"));
  EXPECT_EQ(opened.body["status"], "open");
  EXPECT_EQ(opened.body["reason"], "renewal");
  EXPECT_EQ(opened.body["profile"]["id"], child_);
  EXPECT_EQ(opened.body["practitioner"]["name"], "Dr Claire Martin");
  ASSERT_EQ(opened.body["messages"].size(), 1U);
  EXPECT_EQ(opened.body["messages"][0]["text"],
            "La Ventoline secrète est finie, pouvez-vous la renouveler ?");
  EXPECT_EQ(opened.body["messages"][0]["mine"], true);

  // The practitioner is told that a message arrived, with the link, and nothing else.
  const auto to_doctor = h_.last_mail_to("doc1@example.fr");
  EXPECT_EQ(to_doctor.subject, "Nouveau message d'un patient");
  EXPECT_NE(to_doctor.text.find("/praticien/messages/" + id), std::string::npos) << to_doctor.text;
  for (const char* secret : {"Ventoline", "renouvel", "Tom", "Léa", "Durand"}) {
    EXPECT_EQ(to_doctor.text.find(secret), std::string::npos) << secret;
    EXPECT_EQ(to_doctor.html.find(secret), std::string::npos) << secret;
  }

  auto list = h_.get(doc_.client, "/api/v1/conversations");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.body["items"].size(), 1U);
  EXPECT_EQ(list.body["items"][0]["unread"], 1);
  EXPECT_EQ(list.body["items"][0]["last_message"]["from"], "patient");
  EXPECT_FALSE(list.body["items"][0].contains("messages"));
  auto read = h_.get(doc_.client, "/api/v1/conversations/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body["messages"][0]["mine"], false);
  EXPECT_EQ(read.body["messages"][0]["from"]["role"], "patient");
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/conversations").body["items"][0]["unread"], 0);

  auto answer = write(doc_.client, id, "Je vous la represcris : Ventoline 100 µg.");
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.body["from"]["name"], "Dr Claire Martin");
  heard = socket->take();
  ASSERT_EQ(heard.size(), 2U);
  EXPECT_EQ(heard[0]["type"], "message");
  EXPECT_EQ(heard[0]["conversation"], id);
  EXPECT_EQ(heard[0]["message"]["text"], "Je vous la represcris : Ventoline 100 µg.");
  EXPECT_EQ(heard[0]["message"]["mine"], false);
  EXPECT_EQ(heard[1], (nlohmann::json{{"type", "unread"}, {"count", 1}}));

  const auto to_patient = h_.last_mail_to("parent@example.fr");
  EXPECT_EQ(to_patient.subject, "Nouveau message de Dr Claire Martin");
  EXPECT_NE(to_patient.text.find("/messages/" + id), std::string::npos);
  EXPECT_EQ(to_patient.text.find("Ventoline"), std::string::npos);

  // A second answer before the patient read the first: no second email.
  ASSERT_EQ(write(doc_.client, id, "Deux bouffées si besoin.").status, 201);
  EXPECT_EQ(mails_to(sent_to("parent@example.fr"), "email:Nouveau message"), 1U);
  EXPECT_EQ(socket->take().back(), (nlohmann::json{{"type", "unread"}, {"count", 2}}));
  auto mine = h_.get(pat_, "/api/v1/conversations/" + id);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.body["messages"].size(), 3U);
  EXPECT_EQ(mine.body["unread"], 0);
  EXPECT_EQ(socket->take().back(), (nlohmann::json{{"type", "unread"}, {"count", 0}}));
  // Read, then a new answer: a new email.
  ASSERT_EQ(write(doc_.client, id, "Bonne journée.").status, 201);
  EXPECT_EQ(mails_to(sent_to("parent@example.fr"), "email:Nouveau message"), 2U);

  // Nothing readable at rest.
  const auto stored = bytes_of("conversation_messages") + bytes_of("conversations");
  EXPECT_EQ(stored.find("Ventoline"), std::string::npos);
  EXPECT_EQ(stored.find("bouffées"), std::string::npos);
  EXPECT_EQ(bytes_of("outbox").find("Ventoline"), std::string::npos);

  // Every read and every message is audited with the child's profile, and the parent sees the
  // practitioner's read in "Qui a consulté mon dossier".
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'messaging.conversation.read'"),
            2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'messaging.message.send'"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'messaging.%'"
                  " AND profile_id IS NULL"),
            0);
  auto log = h_.get(pat_, "/api/v1/me/access-log");
  ASSERT_EQ(log.status, 200) << log.body;
  bool seen = false;
  for (const auto& e : log.body)
    seen = seen || e.value("sentence", "") == "Dr Claire Martin a lu les messages de Tom.";
  EXPECT_TRUE(seen) << log.body.dump(1);
}

TEST_P(Messaging, OnlyAfterAConsultationAndWhenThePractitionerReceivesMessages) {
  // Off by default.
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/me/messaging").body,
            (nlohmann::json{{"enabled", false}, {"assistants_see_conversations", false}}));
  EXPECT_EQ(h_.get(pat_, "/api/v1/messaging/practitioners").body["items"][0]["open"], false);
  EXPECT_EQ(open(pat_, "Bonjour").code(), "messaging_closed");
  ASSERT_EQ(turn_on().status, 200);

  auto stranger = h_.patient("inconnu@example.fr", "Inès");
  const auto own = h_.get(stranger, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  auto never = open(stranger, "Bonjour", "renewal", own);
  EXPECT_EQ(never.status, 403);
  EXPECT_EQ(never.code(), "no_prior_consultation");
  EXPECT_EQ(h_.get(stranger, "/api/v1/messaging/practitioners").body["items"].size(), 0U);
  // Another account's profile, an unknown practitioner: not found.
  EXPECT_EQ(open(stranger, "Bonjour", "renewal", child_).status, 404);
  EXPECT_EQ(h_.post(pat_, "/api/v1/conversations",
                    {{"practitioner_id", "nobody"},
                     {"profile_id", child_},
                     {"reason", "other"},
                     {"message", "Bonjour"}})
                .status,
            404);
  // Any profile of the account may write: the holder too, though the child was consulted.
  EXPECT_EQ(open(pat_, "Pour moi cette fois", "result", holder_).status, 201);

  // Bad input: a 400 naming the field, nothing stored.
  const auto before = count("SELECT COUNT(*) FROM conversation_messages");
  for (const auto& [body, field] :
       std::vector<std::pair<nlohmann::json, std::string>>{{"", "message"},
                                                           {" \n\t ", "message"},
                                                           {std::string(5001, 'a'), "message"},
                                                           {123, "message"},
                                                           {"Lisez \u202Eexe.fdp", "message"},
                                                           {"Bip\x07", "message"}}) {
    auto r = open(pat_, body);
    EXPECT_EQ(r.status, 400) << body << r.body;
    EXPECT_EQ(r.body["error"].value("field", ""), field) << body;
  }
  auto reason = open(pat_, "Bonjour", "urgent");
  EXPECT_EQ(reason.status, 400);
  EXPECT_EQ(reason.body["error"]["field"], "reason");
  EXPECT_EQ(open(pat_, std::string(5000, 'a')).status, 201);
  EXPECT_EQ(count("SELECT COUNT(*) FROM conversation_messages"), before + 1);

  // The practitioner closes one conversation: no one writes in it any more.
  const auto id = conversation();
  EXPECT_EQ(h_.post(pat_, "/api/v1/conversations/" + id + "/close").status, 403);
  auto closed = h_.post(doc_.client, "/api/v1/conversations/" + id + "/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.body["status"], "closed");
  EXPECT_EQ(write(pat_, id, "Encore une question").code(), "conversation_closed");
  EXPECT_EQ(write(doc_.client, id, "Une précision").status, 409);
  EXPECT_EQ(h_.get(pat_, "/api/v1/conversations/" + id).body["status"], "closed");

  // Messaging turned off: the patient may not write, the practitioner may still answer.
  const auto other = conversation();
  ASSERT_EQ(h_.put(doc_.client, "/api/v1/me/messaging", {{"enabled", false}}).status, 200);
  EXPECT_EQ(write(pat_, other, "Et maintenant ?").code(), "messaging_closed");
  EXPECT_EQ(write(doc_.client, other, "Je vous réponds quand même.").status, 201);
  EXPECT_EQ(h_.put(doc_.client, "/api/v1/me/messaging", {{"enabled", "oui"}}).status, 400);
}

TEST_P(Messaging, APatientOpensFiveConversationsADayAndSendsThirtyMessagesAnHour) {
  ASSERT_EQ(turn_on().status, 200);
  std::string id;
  for (int i = 0; i < 5; ++i) id = conversation("Question " + std::to_string(i));
  auto sixth = open(pat_, "Une de trop");
  EXPECT_EQ(sixth.status, 429);
  EXPECT_EQ(sixth.code(), "rate_limited");
  EXPECT_TRUE(sixth.headers.get("Retry-After").has_value());
  // The five first messages count (the refused sixth conversation wrote none): 25 more.
  for (int i = 0; i < 25; ++i)
    ASSERT_EQ(write(pat_, id, "Message " + std::to_string(i)).status, 201) << i;
  auto over = write(pat_, id, "Un de trop");
  EXPECT_EQ(over.status, 429);
  EXPECT_EQ(over.code(), "rate_limited");
  // The practitioner's allowance is theirs.
  EXPECT_EQ(write(doc_.client, id, "Je lis tout cela.").status, 201);
}

TEST_P(Messaging, AttachmentsGoThroughTheGateAndAreSealedAndAudited) {
  ASSERT_EQ(turn_on().status, 200);
  const auto id = conversation();
  auto sent = attach(pat_, id, "Résultats : glycémie 0,95 g/L\n", "bilan%20sang.txt",
                     "?message=Voici%20mon%20bilan");
  ASSERT_EQ(sent.status, 201) << sent.body;
  EXPECT_EQ(sent.body["text"], "Voici mon bilan");
  ASSERT_EQ(sent.body["attachments"].size(), 1U);
  const auto file = sent.body["attachments"][0];
  EXPECT_EQ(file["name"], "bilan sang.txt");
  EXPECT_EQ(file["mime"], "text/plain");

  auto back = h_.get(doc_.client, file["url"].get<std::string>());
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.headers.get("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'messaging.attachment.read'"), 1);
  const auto stored = bytes_of("conversation_attachments");
  EXPECT_EQ(stored.find("glycémie"), std::string::npos);
  EXPECT_EQ(stored.find("bilan sang"), std::string::npos);

  // The type is the content's: a GIF is refused whatever its name; empty is a 400.
  const auto rows = count("SELECT COUNT(*) FROM conversation_attachments");
  auto gif = attach(pat_, id, std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14), "photo.png");
  EXPECT_EQ(gif.status, 415) << gif.body;
  EXPECT_EQ(attach(pat_, id, "", "vide.txt").status, 400);
  // A PDF that would run JavaScript when opened never reaches the practitioner.
  auto scripted = attach(
      pat_, id, test_files::pdf("/OpenAction 5 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>"),
      "ordonnance.pdf");
  EXPECT_EQ(scripted.status, 422) << scripted.body;
  EXPECT_EQ(scripted.code(), "unsafe_file");
  EXPECT_EQ(attach(pat_, id, "texte", "x.txt", "?message=%E2%80%AE").status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM conversation_attachments"), rows);
  EXPECT_EQ(attach(pat_, id, std::string(5 * 1024 * 1024 + 1, 'a'), "gros.txt").status, 413);
}

INSTANTIATE_TEST_SUITE_P(Engines, Messaging, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
