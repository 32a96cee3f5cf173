// The operator's account tools (docs/operator.md "Accounts"): every route refused to every
// other role, a partner administrator included; a suspension that ends sessions at once, cancels
// the practitioner's appointments with notice and voided holds, and refuses the next sign-in;
// reactivation; the RPPS extract and its checks; the operator log.
#include "booking_fixture.hpp"

namespace cabinet::test {
namespace {

using http::Method;

class OperatorAccounts : public BookingFlows {
 protected:
  // An operator account administering a white-label partner: it signs in as partner_admin.
  Client partner_admin() {
    run("INSERT INTO partners (public_id, name, kind, created_at, updated_at)"
        " VALUES ('ptnr-urgence', 'Urgence Docteurs', 'brand', 0, 0)");
    auto c = h_.operator_("partenaire@cabinet.test");
    run("UPDATE accounts SET partner_id = (SELECT id FROM partners WHERE public_id ="
        " 'ptnr-urgence') WHERE email = 'partenaire@cabinet.test'");
    return c;
  }

  void run(const std::string& sql) {
    auto r = h_.app().block_on(h_.db().query(sql));
    ASSERT_TRUE(r.ok()) << sql;
  }

  std::string account_id(Client& c) {
    return h_.get(c, "/api/v1/me").body["account"]["id"].get<std::string>();
  }

  Reply suspend(const std::string& id, const nlohmann::json& body) {
    return h_.post(op_, "/api/v1/operator/accounts/" + id + "/suspend", body);
  }

  std::vector<std::string> log_actions() {
    auto log = h_.get(op_, "/api/v1/operator/log");
    EXPECT_EQ(log.status, 200) << log.body;
    std::vector<std::string> out;
    for (const auto& e : log.body["items"]) {
      EXPECT_TRUE(e["actor_role"] == "operator" || e["actor_role"] == "partner_admin") << e;
      out.push_back(e["action"].get<std::string>());
    }
    return out;
  }

  static bool has(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  }

  Reply import(const std::string& bytes) {
    return h_.call(op_, Method::post, "/api/v1/operator/rpps-extract", nullptr,
                   {{"Content-Type", "text/plain"}}, true, bytes);
  }
};

TEST_P(OperatorAccounts, EveryOperatorRouteIsRefusedToEveryOtherRole) {
  auto partner = partner_admin();
  Client anonymous;
  const auto target = account_id(pat_);
  const std::vector<std::pair<Method, std::string>> routes{
      {Method::get, "/api/v1/operator/accounts?q=Martin"},
      {Method::post, "/api/v1/operator/accounts/" + target + "/suspend"},
      {Method::post, "/api/v1/operator/accounts/" + target + "/reactivate"},
      {Method::get, "/api/v1/operator/rpps-extract"},
      {Method::post, "/api/v1/operator/rpps-extract"},
      {Method::get, "/api/v1/operator/log"},
      {Method::get, "/api/v1/operator/practitioners"},
  };
  const nlohmann::json body{{"reason", "Essai d'accès"}};
  for (const auto& [method, path] : routes) {
    EXPECT_EQ(h_.call(anonymous, method, path, body).status, 401) << path;
    for (auto* who : {&pat_, &doc_.client, &partner}) {
      auto r = h_.call(*who, method, path, body);
      EXPECT_EQ(r.status, 403) << path << " " << r.body;
    }
  }
  // Nothing happened to the patient.
  EXPECT_EQ(h_.get(pat_, "/api/v1/me").status, 200);
  // The practitioner's own share is refused to everyone else, the operator included.
  for (auto* who : {&pat_, &op_, &partner}) {
    EXPECT_EQ(h_.get(*who, "/api/v1/practitioner/teleconsultation-share").status, 403);
    EXPECT_EQ(
        h_.put(*who, "/api/v1/practitioner/teleconsultation-share/2026", {{"in_person", 1}}).status,
        403);
  }
}

TEST_P(OperatorAccounts, SuspendingAPractitionerCancelsTheirAppointmentsAndEndsTheirSessions) {
  const auto appointment = booked(monday("14:00"), "k-suspend");
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + appointment).body["payment"]["state"], "held");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 1);
  const auto doctor = account_id(doc_.client);
  run("INSERT INTO queue_duty (practitioner_id, specialty, since) SELECT id, 'general_medicine', 0"
      " FROM accounts WHERE email = 'doc1@example.fr'");

  // The reason is required and bounded; an operator cannot suspend themselves.
  EXPECT_EQ(suspend(doctor, nlohmann::json::object()).body["error"]["field"], "reason");
  EXPECT_EQ(suspend(doctor, {{"reason", "  "}}).body["error"]["field"], "reason");
  EXPECT_EQ(suspend(doctor, {{"reason", std::string(501, 'x')}}).body["error"]["field"], "reason");
  auto self = suspend(account_id(op_), {{"reason", "Par erreur"}});
  EXPECT_EQ(self.status, 400);
  EXPECT_EQ(self.body["error"]["field"], "id");
  EXPECT_EQ(suspend("inconnu", {{"reason", "Motif"}}).status, 404);
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/me").status, 200);  // nothing happened yet

  const std::string reason = "Inscription à l'Ordre non confirmée";
  auto done = suspend(doctor, {{"reason", reason}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["status"], "suspended");
  EXPECT_EQ(done.body["suspension_reason"], reason);
  EXPECT_EQ(done.body["cancelled_appointments"], 1);

  // Their session answers 401 at once, and they are off immediate-consultation duty.
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/me").status, 401);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_duty"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sessions s JOIN accounts a ON a.id = s.account_id"
                  " WHERE a.email = 'doc1@example.fr' AND s.revoked_at IS NULL"),
            0);
  // The appointment is cancelled, its hold voided, the patient told without the reason.
  auto after = h_.get(pat_, "/api/v1/appointments/" + appointment);
  EXPECT_EQ(after.body["status"], "cancelled");
  EXPECT_EQ(after.body["cancelled_by"], "operator");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'voided'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 0);
  // Found by its subject: the confirmation was written in the same second, and the mailbox's
  // order between two mails of one second is not the outbox's on every engine.
  notify::ParsedEmail told;
  for (const auto& m : h_.mail()) {
    if (m.to.find("parent@example.fr") != std::string::npos &&
        m.subject.starts_with("Rendez-vous annulé")) {
      told = m;
      break;
    }
  }
  EXPECT_FALSE(told.subject.empty()) << "no cancellation email to the patient";
  EXPECT_NE(told.text.find("ne consulte plus sur Cabinet"), std::string::npos) << told.text;
  EXPECT_EQ(told.text.find(reason), std::string::npos);
  // The practitioner is told why, and is no longer listed.
  const auto letter = h_.last_mail_to("doc1@example.fr");
  EXPECT_EQ(letter.subject, "Votre compte Cabinet est suspendu");
  EXPECT_NE(letter.text.find(reason), std::string::npos);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + doc_.id).status, 404);

  // Signing in is refused with its own code.
  Client again;
  auto login = h_.post(again, "/api/v1/auth/login",
                       {{"email", "doc1@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(login.status, 403);
  EXPECT_EQ(login.code(), "account_suspended");

  // Suspending again changes nothing and tells nobody twice.
  const auto letters = sent_to("doc1@example.fr").size();
  auto twice = suspend(doctor, {{"reason", "Encore"}});
  EXPECT_EQ(twice.status, 200);
  EXPECT_EQ(twice.body["suspension_reason"], reason);
  EXPECT_EQ(sent_to("doc1@example.fr").size(), letters);

  // The operator finds them by name, email or RPPS, suspended.
  auto found = h_.get(op_, "/api/v1/operator/accounts?q=martin&role=practitioner");
  ASSERT_EQ(found.status, 200) << found.body;
  ASSERT_EQ(found.body["items"].size(), 1U) << found.body;
  const auto& item = found.body["items"][0];
  EXPECT_EQ(item["id"], doctor);
  EXPECT_EQ(item["status"], "suspended");
  EXPECT_EQ(item["rpps"], rpps_number(101));
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/accounts?q=" + rpps_number(101)).body["items"].size(),
            1U);
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/accounts?q=DOC1@example").body["items"].size(), 1U);
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/accounts?status=suspended").body["items"].size(), 1U);
  auto patients = h_.get(op_, "/api/v1/operator/accounts?role=patient");
  ASSERT_EQ(patients.body["items"].size(), 1U);
  // Who the patient is, never what they consulted for.
  for (const auto& [key, value] : patients.body["items"][0].items()) {
    EXPECT_TRUE(key == "id" || key == "role" || key == "status" || key == "email" ||
                key == "first_name" || key == "last_name" || key == "created_at" ||
                key == "suspended_at" || key == "suspension_reason")
        << key;
  }
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/accounts?role=operator").body["error"]["field"], "role");
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/accounts?page=0").body["error"]["field"], "page");

  // Reactivated: told by email, can sign in again.
  EXPECT_EQ(
      h_.post(op_, "/api/v1/operator/accounts/" + doctor + "/reactivate", nlohmann::json::object())
          .body["error"]["field"],
      "reason");
  auto back = h_.post(op_, "/api/v1/operator/accounts/" + doctor + "/reactivate",
                      {{"reason", "Inscription confirmée par l'Ordre"}});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.body["status"], "active");
  EXPECT_TRUE(back.body["suspension_reason"].is_null());
  EXPECT_EQ(h_.last_mail_to("doc1@example.fr").subject,
            "Votre compte Cabinet est de nouveau actif");
  h_.clock().advance(std::chrono::seconds(1));
  h_.login(doc_.client, "doc1@example.fr");
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/me").status, 200);

  // Every operator action is in the log; nobody else's.
  const auto actions = log_actions();
  for (const auto* a :
       {"practitioner.verify", "account.suspend", "appointment.cancel", "account.reactivate"})
    EXPECT_TRUE(has(actions, a)) << a;
  EXPECT_FALSE(has(actions, "appointment.create"));
  auto log = h_.get(op_, "/api/v1/operator/log");
  EXPECT_EQ(log.body["items"][0]["action"], "account.reactivate");  // newest first
  EXPECT_EQ(log.body["items"][0]["object_email"], "doc1@example.fr");
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/log?page=x").body["error"]["field"], "page");
}

TEST_P(OperatorAccounts, SuspendedPatientsSessionsEndAndTheyCannotSignIn) {
  const auto patient = account_id(pat_);
  ASSERT_EQ(suspend(patient, {{"reason", "Comportement abusif envers un praticien"}}).status, 200);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.last_mail_to("parent@example.fr").subject, "Votre compte Cabinet est suspendu");
  Client again;
  auto login = h_.post(again, "/api/v1/auth/login",
                       {{"email", "parent@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(login.code(), "account_suspended");
}

TEST_P(OperatorAccounts, RppsExtractIsCheckedAgainstPendingPractitioners) {
  auto pending = [&](const std::string& email, const std::string& first, const std::string& last,
                     const std::string& specialty, const std::string& rpps) {
    Client c;
    auto r = h_.post(c, "/api/v1/auth/signup/practitioner",
                     {{"email", email},
                      {"password", Harness::kPassword},
                      {"phone", "07 12 34 56 78"},
                      {"first_name", first},
                      {"last_name", last},
                      {"rpps", rpps},
                      {"specialty", specialty}});
    EXPECT_EQ(r.status, 201) << r.body;
  };
  pending("moreau@example.fr", "Julien", "Moreau", "psychiatry", rpps_number(201));
  pending("bernard@example.fr", "Sophie", "Bernard", "dermatology", rpps_number(202));
  pending("absent@example.fr", "Paul", "Absent", "general_medicine", rpps_number(203));

  auto before = h_.get(op_, "/api/v1/operator/practitioners?status=pending");
  ASSERT_EQ(before.body.size(), 3U);
  EXPECT_EQ(before.body[0]["rpps_checks"]["luhn_ok"], true);
  EXPECT_EQ(before.body[0]["rpps_checks"]["extract_imported"], false);
  EXPECT_TRUE(before.body[0]["rpps_checks"]["in_extract"].is_null());

  const std::string header =
      "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|"
      "Prénom d'exercice|Code profession|Libellé profession|Libellé savoir-faire|\r\n";
  const auto line = [](const std::string& rpps, const std::string& last, const std::string& first,
                       const std::string& specialty) {
    return "8|" + rpps + "|8" + rpps + "|" + last + "|" + first + "|10|Médecin|" + specialty +
           "|\r\n";
  };
  // A file that is not the extract: refused, nothing written.
  auto bad = import("nom;prenom;rpps\nMOREAU;JULIEN;" + rpps_number(201) + "\n");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "file");
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/rpps-extract").body["people"], 0);

  auto ok = import(header + line(rpps_number(201), "MOREAU", "JULIEN", "Psychiatrie") +
                   line(rpps_number(202), "BERNARD", "SOPHIE", "Pédiatrie"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.body["people"], 2);
  auto status = h_.get(op_, "/api/v1/operator/rpps-extract");
  EXPECT_EQ(status.body["people"], 2);
  EXPECT_FALSE(status.body["imported_at"].is_null());

  std::map<std::string, nlohmann::json> checks;
  for (const auto& p : h_.get(op_, "/api/v1/operator/practitioners?status=pending").body)
    checks[p["last_name"].get<std::string>()] = p["rpps_checks"];
  EXPECT_EQ(checks["Moreau"]["in_extract"], true);
  EXPECT_EQ(checks["Moreau"]["name_matches"], true);
  EXPECT_EQ(checks["Moreau"]["specialty_matches"], true);
  EXPECT_EQ(checks["Bernard"]["in_extract"], true);
  EXPECT_EQ(checks["Bernard"]["name_matches"], true);
  EXPECT_EQ(checks["Bernard"]["specialty_matches"], false);
  EXPECT_EQ(checks["Bernard"]["extract"]["specialties"], "Pédiatrie");
  EXPECT_EQ(checks["Absent"]["in_extract"], false);
  EXPECT_TRUE(checks["Absent"]["name_matches"].is_null());

  // Rejecting is audited with its reason, like the import.
  auto list = h_.get(op_, "/api/v1/operator/accounts?q=bernard").body["items"];
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(
      h_.post(op_, "/api/v1/operator/practitioners/" + list[0]["id"].get<std::string>() + "/reject",
              {{"reason", "Spécialité différente au RPPS"}})
          .status,
      200);
  const auto actions = log_actions();
  EXPECT_TRUE(has(actions, "rpps_extract.import"));
  EXPECT_TRUE(has(actions, "practitioner.reject"));
}

TEST_P(OperatorAccounts, TeleconsultationShareLeavesOutTheMedecinTraitantsPatients) {
  // A psychiatrist's cap is 40 % (set up first: sessions end when the clock moves below).
  auto psy = doc("Jean", "Roux", "psychiatry", in("75056", "75011", {{"video", true}}));
  auto psy_share = h_.get(psy.client, "/api/v1/practitioner/teleconsultation-share");
  ASSERT_EQ(psy_share.status, 200) << psy_share.body;
  EXPECT_DOUBLE_EQ(psy_share.body["cap"].get<double>(), 0.40);
  EXPECT_EQ(psy_share.body["year"], 2026);

  // The holder names Dr Claire Martin as médecin traitant; the child has none.
  auto admin = h_.put(pat_, "/api/v1/me/profiles/" + holder_ + "/administrative",
                      {{"medecin_traitant", {{"name", "Dr Claire MARTIN"}}}});
  ASSERT_EQ(admin.status, 200) << admin.body;
  const auto a = booked(monday("14:00"), "k-1");
  const auto b = booked(monday("14:20"), "k-2");
  auto c = book(pat_, monday("14:40"), "k-3", holder_);
  ASSERT_EQ(c.status, 201) << c.body;
  ASSERT_EQ(h_.post(pat_, "/api/v1/appointments/" + c.body["id"].get<std::string>() + "/confirm",
                    {{"payment_method", "tok_visa"}})
                .status,
            200);
  at("2026-11-23T15:00:00");
  relogin();
  for (const auto& id : {a, b, c.body["id"].get<std::string>()}) {
    auto closed = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                          {{"amount_cents", 0}});
    ASSERT_EQ(closed.status, 200) << closed.body;
  }
  auto share = h_.get(doc_.client, "/api/v1/practitioner/teleconsultation-share?year=2026");
  ASSERT_EQ(share.status, 200) << share.body;
  EXPECT_EQ(share.body["teleconsultations"], 3);
  EXPECT_EQ(share.body["medecin_traitant_excluded"], 1);
  EXPECT_EQ(share.body["counted"], 2);
  EXPECT_TRUE(share.body["in_person_declared"].is_null());
  EXPECT_DOUBLE_EQ(share.body["cap"].get<double>(), 0.20);
  EXPECT_EQ(share.body["level"], "over");  // nothing declared in person yet
  EXPECT_NE(share.body["source"].get<std::string>().find("87.7"), std::string::npos);

  auto declared =
      h_.put(doc_.client, "/api/v1/practitioner/teleconsultation-share/2026", {{"in_person", 37}});
  ASSERT_EQ(declared.status, 200) << declared.body;
  EXPECT_EQ(declared.body["in_person_declared"], 37);
  EXPECT_EQ(declared.body["activity"], 40);
  EXPECT_DOUBLE_EQ(declared.body["share"].get<double>(), 0.05);
  EXPECT_EQ(declared.body["level"], "ok");
  // Last year's activity is its own.
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/practitioner/teleconsultation-share?year=2025")
                .body["teleconsultations"],
            0);

  EXPECT_EQ(
      h_.put(doc_.client, "/api/v1/practitioner/teleconsultation-share/2026", {{"in_person", -1}})
          .body["error"]["field"],
      "in_person");
  EXPECT_EQ(
      h_.put(doc_.client, "/api/v1/practitioner/teleconsultation-share/2026", {{"in_person", "12"}})
          .body["error"]["field"],
      "in_person");
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/practitioner/teleconsultation-share?year=20x6")
                .body["error"]["field"],
            "year");
  EXPECT_EQ(
      h_.put(doc_.client, "/api/v1/practitioner/teleconsultation-share/1999", {{"in_person", 3}})
          .body["error"]["field"],
      "year");
}

INSTANTIATE_TEST_SUITE_P(Engines, OperatorAccounts, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
