// Documents after the consultation through the handlers, on both engines (issue 14,
// docs/documents.md): the close issues them all and captures once, the patient finds them under
// the right profile, only the patient and the issuing practitioner read them, every read is
// audited, nothing readable is stored, corrections keep both versions, and the pharmacist's
// page verifies and dispenses once.
#include "booking_fixture.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::test {
namespace {

class Documents : public BookingFlows {
 protected:
  // Booked for `profile` on Monday 14:00, and the clock at 14:05 with both signed in again.
  std::string held(const std::string& profile, const std::string& key) {
    auto r = book(pat_, monday("14:00"), key, profile);
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.body.value("id", "");
    auto c =
        h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
    EXPECT_EQ(c.status, 200) << c.body;
    at("2026-11-23T13:05:00");
    relogin();
    return id;
  }

  static nlohmann::json full_close() {
    return {{"amount_cents", 2500},
            {"report",
             {{"history", "Toux sèche depuis trois jours."},
              {"findings", "Pas de dyspnée à l'échange."},
              {"conclusion", "Rhinopharyngite."},
              {"advice", "Hydratation, repos."}}},
            {"prescription",
             {{"drugs",
               {{{"name", "Paracétamol"},
                 {"strength", "1 g"},
                 {"form", "comprimé"},
                 {"posology", "1 comprimé toutes les 6 heures si fièvre"},
                 {"duration", "5 jours"}},
                {{"name", "Ibuprofène"},
                 {"strength", "400 mg"},
                 {"form", "comprimé"},
                 {"posology", "1 comprimé matin et soir au repas"},
                 {"duration", "3 jours"},
                 {"renewals", 1}}}},
              {"tests", {"NFS"}}}},
            {"sick_leave",
             {{"from", "2026-11-23"},
              {"to", "2026-11-24"},
              {"outings", "free"},
              {"reason", "Syndrome grippal fébrile"}}},
            {"care_sheet", true}};
  }

  std::string close_path(const std::string& id) { return "/api/v1/consultations/" + id + "/close"; }

  std::vector<std::string> kinds(const nlohmann::json& items) {
    std::vector<std::string> out;
    for (const auto& d : items) out.push_back(d["kind"]);
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string payment_state(const std::string& id) {
    return h_.get(pat_, "/api/v1/appointments/" + id).body["payment"].value("state", "");
  }

  std::string text_of(const std::string& sql) {
    auto rows = h_.app().block_on(h_.db().query(sql));
    std::string all;
    if (!rows) return all;
    for (std::size_t i = 0; i < rows->size(); ++i)
      for (std::size_t j = 0; j < rows->row(i).size(); ++j)
        if (!rows->row(i).is_null(j)) {
          const auto& v = rows->row(i).at(j);
          if (const auto* s = std::get_if<std::string>(&v)) all += *s;
          if (const auto* b = std::get_if<storage::Blob>(&v)) all += b->bytes;
        }
    return all;
  }
};

TEST_P(Documents, TheCloseIssuesEverythingInTheHoldersSpaceAndCapturesOnce) {
  const auto id = held(holder_, "close-all");
  auto closed = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.body["appointment"]["status"], "done");
  EXPECT_EQ(closed.body["appointment"]["payment"]["captured_cents"], 2500);
  EXPECT_EQ(kinds(closed.body["documents"]),
            (std::vector<std::string>{"care_sheet", "prescription", "report", "sick_leave"}));
  for (const auto& d : closed.body["documents"]) {
    EXPECT_EQ(d["profile_id"], holder_);
    EXPECT_EQ(d["consultation_id"], id);
    EXPECT_EQ(d["practitioner"]["name"], "Dr Claire Martin");
    EXPECT_EQ(d["version"], 1);
  }

  // A retried close (its answer lost on the way): the same documents, captured once.
  auto again = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.body["documents"], closed.body["documents"]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'captured'"), 1);

  auto mine = h_.get(pat_, "/api/v1/me/documents?profile=" + holder_);
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.body["items"].size(), 4U);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_).body["items"].size(), 0U);
  // The patient is told by email that documents are there, never what they are.
  const auto mail = h_.last_mail_to("parent@example.fr");
  EXPECT_NE(mail.subject.find("documents"), std::string::npos) << mail.subject;
  EXPECT_EQ(mail.text.find("Paracétamol"), std::string::npos);
  EXPECT_EQ(mail.text.find("grippal"), std::string::npos);

  // The RGPD export lists them under the appointment, with their PDFs in the ZIP.
  auto exported = h_.get(pat_, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  std::size_t listed = 0;
  for (const auto& a : exported.body["appointments"])
    if (a["id"] == id) listed = a["documents"].size();
  EXPECT_EQ(listed, 4U);
  auto zip = h_.get(pat_, "/api/v1/me/export.zip");
  ASSERT_EQ(zip.status, 200);

  for (const auto& d : mine.body["items"]) {
    auto pdf = h_.get(pat_, "/api/v1/documents/" + d["id"].get<std::string>() + "/pdf");
    ASSERT_EQ(pdf.status, 200) << d;
    EXPECT_EQ(pdf.headers.get("Content-Type").value_or(""), "application/pdf");
    EXPECT_EQ(
        h_.get(doc_.client, "/api/v1/documents/" + d["id"].get<std::string>() + "/pdf").status,
        200);
  }
}

TEST_P(Documents, AChildsDocumentsAreUnderTheChildsProfile) {
  const auto id = held(child_, "child");
  auto body = full_close();
  body.erase("sick_leave");
  auto refused = h_.post(doc_.client, close_path(id), body);
  // A child's prescription needs the weight (R.5132-3): nothing issued, nothing captured.
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.body["error"]["field"], "prescription.weight_kg");
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(payment_state(id), "held");
  body["prescription"]["weight_kg"] = "24,5";
  auto closed = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_).body["items"].size(), 3U);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents").body["items"].size(), 0U);  // the holder's
}

TEST_P(Documents, OnlyThePatientAndTheIssuingPractitionerSeeThem) {
  // The others first: signing up takes the operator's session, which ages with the clock.
  auto other_patient = h_.patient("autre@example.fr", "Paul");
  auto other_doc = doc("Hugo", "Bernard", "general_medicine", in("75056", "75011", {}));
  auto invite = h_.post(doc_.client, "/api/v1/practitioner/assistants", {{"email", "aide@ex.fr"}});
  ASSERT_EQ(invite.status, 201) << invite.body;
  Client assistant;
  ASSERT_EQ(h_.post(assistant, "/api/v1/auth/signup/assistant",
                    {{"token", h_.link_token("aide@ex.fr", "/inscription/assistant")},
                     {"password", Harness::kPassword},
                     {"phone", "0611223344"},
                     {"first_name", "Inès"},
                     {"last_name", "Roux"}})
                .status,
            201);
  Client nobody;
  const auto id = held(holder_, "authz");
  h_.login(assistant, "aide@ex.fr");
  h_.login(other_patient, "autre@example.fr");
  h_.login(other_doc.client, "doc2@example.fr");
  auto closed = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(closed.status, 200) << closed.body;
  const std::string doc_id = closed.body["documents"][0]["id"];

  const std::vector<std::pair<http::Method, std::string>> routes{
      {http::Method::get, "/api/v1/documents/" + doc_id + "/pdf"},
      {http::Method::get, "/api/v1/consultations/" + id + "/documents"},
      {http::Method::get, "/api/v1/consultations/" + id + "/draft"},
      {http::Method::put, "/api/v1/consultations/" + id + "/draft"},
      {http::Method::post, "/api/v1/consultations/" + id + "/documents"},
      {http::Method::post, "/api/v1/consultations/" + id + "/close"},
      {http::Method::post, "/api/v1/documents/" + doc_id + "/pharmacy"},
  };
  for (const auto& [method, path] : routes) {
    const nlohmann::json body =
        method == http::Method::get ? nlohmann::json(nullptr) : nlohmann::json{{"kind", "report"}};
    for (auto* who : {&other_patient, &other_doc.client, &assistant}) {
      const auto r = h_.call(*who, method, path, body);
      // Patients may not use the practitioner's routes at all (403 by role); otherwise 404.
      EXPECT_TRUE(r.status == 404 || r.status == 403) << path << " " << r.status << r.body;
      EXPECT_NE(r.status, 200) << path;
    }
    EXPECT_EQ(h_.call(nobody, method, path, body).status, 401) << path;
  }
  EXPECT_EQ(h_.get(other_patient, "/api/v1/me/documents?profile=" + holder_).status, 404);
  EXPECT_EQ(h_.get(other_doc.client, "/api/v1/me/documents").status, 403);
}

TEST_P(Documents, EveryReadIsAuditedAndNothingReadableIsStored) {
  const auto id = held(holder_, "audit");
  auto closed = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(closed.status, 200) << closed.body;
  for (const auto& d : closed.body["documents"])
    ASSERT_EQ(h_.get(pat_, "/api/v1/documents/" + d["id"].get<std::string>() + "/pdf").status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'document.issue'"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'document.read'"), 4);
  // Issuing read the patient's NIR, coverage and médecin traitant: traced once.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'profile.administrative.read'"
                  " AND detail = 'documents'"),
            1);
  ASSERT_EQ(h_.get(pat_, "/api/v1/me/documents").status, 200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'documents.list'"), 1);

  const auto stored = text_of("SELECT content, pdf FROM documents") +
                      text_of("SELECT sealed_key, payload FROM prescriptions") +
                      text_of("SELECT body FROM closing_drafts");
  EXPECT_FALSE(stored.empty());
  for (const char* secret :
       {"Paracétamol", "toutes les 6 heures", "grippal", "Rhinopharyngite", "Toux", "%PDF", "Léa"})
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;
}

TEST_P(Documents, ACorrectionKeepsBothVersionsAndTheOldPrescriptionIsNoLongerValid) {
  const auto id = held(holder_, "versions");
  auto closed = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(closed.status, 200) << closed.body;
  nlohmann::json old;
  for (const auto& d : closed.body["documents"])
    if (d["kind"] == "prescription") old = d;
  auto body = full_close()["prescription"];
  body["kind"] = "prescription";
  body["replaces"] = old["id"];
  body["drugs"][0]["posology"] = "1 comprimé toutes les 8 heures si fièvre";
  auto corrected = h_.post(doc_.client, "/api/v1/consultations/" + id + "/documents", body);
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  EXPECT_EQ(corrected.body["version"], 2);
  EXPECT_EQ(corrected.body["replaces"], old["id"]);
  EXPECT_NE(corrected.body["number"], old["number"]);
  // Replacing the old version again is refused: one successor each.
  EXPECT_EQ(h_.post(doc_.client, "/api/v1/consultations/" + id + "/documents", body).status, 409);
  auto mine = h_.get(pat_, "/api/v1/me/documents").body["items"];
  ASSERT_EQ(mine.size(), 5U);
  bool old_marked = false;
  for (const auto& d : mine)
    if (d["id"] == old["id"]) old_marked = d["replaced_by"] == corrected.body["id"];
  EXPECT_TRUE(old_marked) << mine;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'document.correct'"), 1);
  auto check = h_.get(pat_, "/api/v1/prescriptions/" + old["number"].get<std::string>());
  EXPECT_EQ(check.body, (nlohmann::json{{"valid", false}, {"dispensed", false}}));
}

TEST_P(Documents, RefusedPartsIssueNothingAndCaptureNothing) {
  const auto id = held(holder_, "refused");
  auto body = full_close();
  body["sick_leave"]["to"] = "2026-11-27";  // five days, not the médecin traitant
  auto capped = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(capped.status, 422) << capped.body;
  EXPECT_EQ(capped.code(), "sick_leave_cap");
  EXPECT_EQ(capped.body["error"]["field"], "sick_leave.to");
  body = full_close();
  body["certificates"] = {{{"type", "sport_licence"}}};
  auto sport = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(sport.status, 422) << sport.body;
  EXPECT_EQ(sport.code(), "requires_examination");
  EXPECT_EQ(sport.body["error"]["field"], "certificates[0].type");
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document_counters WHERE value > 0"), 0);
  EXPECT_EQ(payment_state(id), "held");

  // The médecin traitant may issue the five days.
  const std::string rpps =
      h_.get(doc_.client, "/api/v1/me").body["account"]["practitioner"]["rpps"];
  ASSERT_EQ(h_.put(pat_, "/api/v1/me/profiles/" + holder_ + "/administrative",
                   {{"medecin_traitant", {{"name", "Dr Claire Martin"}, {"rpps", rpps}}}})
                .status,
            200);
  body = full_close();
  body["sick_leave"]["to"] = "2026-11-27";
  body["certificates"] = {{{"type", "sick_child"}}};
  auto allowed = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(allowed.status, 200) << allowed.body;
  EXPECT_EQ(allowed.body["documents"].size(), 5U);
}

TEST_P(Documents, AnArretStartsOnTheDayOfTheCallEvenWhenClosedAfterMidnight) {
  const auto id = held(holder_, "midnight");
  at("2026-11-23T23:10:00");  // Tuesday 00:10 in Paris: the call was on Monday
  relogin();
  auto body = full_close();
  body["sick_leave"]["from"] = "2026-11-22";  // the day before the call: backdated
  auto backdated = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(backdated.status, 400) << backdated.body;
  EXPECT_EQ(backdated.body["error"]["field"], "sick_leave.from");
  body["sick_leave"]["from"] = "2026-11-23";  // Monday, the day of the call
  body["sick_leave"]["to"] = "2026-11-25";
  auto closed = h_.post(doc_.client, close_path(id), body);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.body["documents"].size(), 4U);
}

TEST_P(Documents, ThePharmacistVerifiesWithTheKeyAndDispensesOnce) {
  const auto id = held(holder_, "pharmacy");
  auto closed = h_.post(doc_.client, close_path(id), full_close());
  ASSERT_EQ(closed.status, 200) << closed.body;
  std::string number;
  for (const auto& d : closed.body["documents"])
    if (d["kind"] == "prescription") number = d["number"];
  ASSERT_EQ(number.size(), 12U);
  // The key is printed in the QR only; read it back from the sealed row as the PDF has it.
  auto rows = h_.app().block_on(
      h_.db().query("SELECT d.public_id, x.sealed_key FROM prescriptions x JOIN documents d"
                    " ON d.id = x.document_id"));
  ASSERT_TRUE(rows && rows->size() == 1);
  auto key =
      h_.app().keys().open(rows->row(0).bytes(1), "prescriptions.key:" + rows->row(0).text(0));
  ASSERT_TRUE(key.ok());

  Client pharmacist;
  const std::string base = "/api/v1/prescriptions/" + number;
  EXPECT_EQ(h_.get(pharmacist, base).body, (nlohmann::json{{"valid", true}, {"dispensed", false}}));
  EXPECT_EQ(h_.get(pharmacist, base + "?key=wrong").body,
            (nlohmann::json{{"valid", true}, {"dispensed", false}}));
  EXPECT_EQ(h_.get(pharmacist, "/api/v1/prescriptions/999999999999").body,
            (nlohmann::json{{"valid", false}, {"dispensed", false}}));
  auto full = h_.get(pharmacist, base + "?key=" + *key);
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.body["authentic"], true);
  EXPECT_EQ(full.body["standin"], true);
  EXPECT_EQ(full.body["practitioner"]["name"], "Dr Claire Martin");
  EXPECT_EQ(full.body["items"].size(), 3U);
  EXPECT_NE(full.body["items"][0].get<std::string>().find("toutes les 6 heures"),
            std::string::npos);

  EXPECT_EQ(h_.post(pharmacist, base + "/dispense", {{"key", "wrong"}}).status, 404);
  auto first = h_.post(pharmacist, base + "/dispense", {{"key", *key}});
  ASSERT_EQ(first.status, 200) << first.body;
  auto second = h_.post(pharmacist, base + "/dispense", {{"key", *key}});
  EXPECT_EQ(second.status, 409);
  EXPECT_EQ(second.code(), "already_dispensed");
  EXPECT_EQ(h_.get(pharmacist, base).body["dispensed"], true);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'prescription.dispense'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action ="
                  " 'prescription.dispense_refused'"),
            1);
  auto mine = h_.get(pat_, "/api/v1/me/documents").body["items"];
  for (const auto& d : mine) {
    if (d["kind"] == "prescription") {
      EXPECT_EQ(d["dispensed"], true);
    }
  }
}

TEST_P(Documents, TheDraftIsKeptAsTypedAndBadInputIsAClearError) {
  const auto id = held(holder_, "draft");
  const std::string draft = "/api/v1/consultations/" + id + "/draft";
  EXPECT_EQ(h_.get(doc_.client, draft).body, nlohmann::json::object());
  const nlohmann::json typed{{"report", {{"history", "Toux"}}}, {"amount_cents", 2500}};
  ASSERT_EQ(h_.put(doc_.client, draft, typed).status, 204);
  EXPECT_EQ(h_.get(doc_.client, draft).body, typed);
  EXPECT_EQ(h_.put(doc_.client, draft, nlohmann::json::array()).status, 400);
  EXPECT_EQ(h_.put(doc_.client, draft, {{"x", std::string(70000, 'a')}}).status, 413);

  for (const auto& bad : std::vector<nlohmann::json>{
           {{"amount_cents", "25"}},
           {{"amount_cents", 999999}},
           {{"amount_cents", 2500}, {"css_ame", true}},
           {{"amount_cents", 2500}, {"report", "texte"}},
           {{"amount_cents", 2500}, {"report", {{"history", 12}}}},
           {{"amount_cents", 2500}, {"prescription", {{"drugs", {{{"name", "X"}}}}}}},
           {{"amount_cents", 2500}, {"prescription", {{"drugs", nlohmann::json::array()}}}},
           {{"amount_cents", 2500}, {"sick_leave", {{"from", "demain"}}}},
           {{"amount_cents", 2500}, {"certificates", {{{"type", "inconnu"}}}}},
           {{"amount_cents", 2500}, {"care_sheet", "oui"}},
       }) {
    auto r = h_.post(doc_.client, close_path(id), bad);
    EXPECT_EQ(r.status / 100, 4) << bad << r.body;
    EXPECT_FALSE(r.code().empty()) << bad;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(payment_state(id), "held");
}

INSTANTIATE_TEST_SUITE_P(Engines, Documents, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
