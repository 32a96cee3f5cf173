// The practitioner's side of the health space and the medical profile, on both engines (issue
// 15, docs/health-space.md): what the patient attached and the profile's other visible
// documents, never a hidden one; only the consultation's practitioner, until 30 days after it;
// the medical profile sealed and every read audited and shown in "Qui a consulté mon dossier";
// the RGPD export and the account's deletion.
#include "health_fixture.hpp"

namespace cabinet::test {
namespace {

class HealthPractitioner : public HealthFlows {
 protected:
  std::string base(const std::string& id) { return "/api/v1/consultations/" + id; }

  Client assistant_of_doc() {
    auto invite =
        h_.post(doc_.client, "/api/v1/practitioner/assistants", {{"email", "aide@example.fr"}});
    EXPECT_EQ(invite.status, 201) << invite.body;
    Client assistant;
    EXPECT_EQ(h_.post(assistant, "/api/v1/auth/signup/assistant",
                      {{"token", h_.link_token("aide@example.fr", "/inscription/assistant")},
                       {"password", Harness::kPassword},
                       {"phone", "0611223344"},
                       {"first_name", "Inès"},
                       {"last_name", "Roux"}})
                  .status,
              201);
    h_.login(assistant, "aide@example.fr");
    return assistant;
  }

  static nlohmann::json allergy() {
    return {{"items",
             {{{"category", "allergy"},
               {"label", "Pénicilline"},
               {"detail", "urticaire en 2019"},
               {"date", "2019"}}}},
            {"height_cm", 110},
            {"weight_kg", "18,5"}};
  }
};

TEST_P(HealthPractitioner, ThePanelShowsWhatThePatientSharedAndNothingHidden) {
  auto pdf = upload(pat_, child_, test_files::pdf(), "bilan.pdf");
  auto photo = upload(pat_, child_, test_files::png(), "eruption.png", "&kind=other");
  auto other = upload(pat_, holder_, test_files::png(), "parent.png", "&kind=other");
  ASSERT_EQ(pdf.status, 201);
  ASSERT_EQ(photo.status, 201);
  ASSERT_EQ(other.status, 201);
  const auto pdf_id = pdf.body["id"].get<std::string>();
  const auto photo_id = photo.body["id"].get<std::string>();
  ASSERT_EQ(h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + pdf_id, {{"hidden", true}})
                .status,
            200);

  auto r = book(pat_, monday("14:00"), "panel", child_);
  ASSERT_EQ(r.status, 201) << r.body;
  const auto id = r.body["id"].get<std::string>();
  const auto shares = "/api/v1/me/appointments/" + id + "/documents";
  // Not yet confirmed: the practitioner sees nothing.
  EXPECT_EQ(h_.get(doc_.client, base(id) + "/patient-documents").status, 404);
  // A hidden document is not attached; another profile's neither.
  auto refused = h_.put(pat_, shares, {{"ids", {photo_id, pdf_id}}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body["error"]["field"], "ids[1]");
  auto elsewhere = h_.put(pat_, shares, {{"ids", {other.body["id"]}}});
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_EQ(elsewhere.body["error"]["field"], "ids[0]");
  EXPECT_EQ(h_.put(pat_, shares, {{"ids", "tout"}}).status, 400);
  auto shared = h_.put(pat_, shares, {{"ids", {photo_id, photo_id}}});
  ASSERT_EQ(shared.status, 200) << shared.body;
  EXPECT_EQ(ids(shared.body["items"]), std::vector<std::string>{photo_id});
  EXPECT_EQ(ids(h_.get(pat_, shares).body["items"]), std::vector<std::string>{photo_id});

  ASSERT_EQ(
      h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}})
          .status,
      200);
  at("2026-11-23T13:05:00");
  relogin();
  auto panel = h_.get(doc_.client, base(id) + "/patient-documents");
  ASSERT_EQ(panel.status, 200) << panel.body;
  EXPECT_EQ(ids(panel.body["attached"]), std::vector<std::string>{photo_id});
  EXPECT_TRUE(panel.body["others"].empty()) << panel.body;  // the PDF is hidden
  const auto& item = panel.body["attached"][0];
  EXPECT_EQ(item["source"], "patient");
  EXPECT_EQ(item["mime"], "image/png");
  EXPECT_EQ(item["practitioner"], nullptr);
  EXPECT_EQ(item["url"], base(id) + "/patient-documents/" + photo_id);
  auto image = h_.get(doc_.client, item["url"].get<std::string>());
  ASSERT_EQ(image.status, 200);
  EXPECT_TRUE(image.raw.starts_with("\x89PNG"));
  EXPECT_EQ(h_.get(doc_.client, base(id) + "/patient-documents/" + pdf_id).status, 404);
  EXPECT_EQ(
      h_.get(doc_.client, base(id) + "/patient-documents/" + other.body["id"].get<std::string>())
          .status,
      404);
  // Hiding an attached document takes it out of the panel at once.
  ASSERT_EQ(
      h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + photo_id, {{"hidden", true}})
          .status,
      200);
  EXPECT_TRUE(h_.get(doc_.client, base(id) + "/patient-documents").body["attached"].empty());
  EXPECT_EQ(h_.get(doc_.client, item["url"].get<std::string>()).status, 404);

  EXPECT_EQ(audits("health.documents.list"), 2);
  EXPECT_EQ(audits("health.document.read"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log a JOIN profiles p ON p.id = a.profile_id"
                  " WHERE a.action LIKE 'health.%' AND p.public_id <> '" +
                  child_ + "' AND a.action <> 'health.document.add'"),
            0);
}

TEST_P(HealthPractitioner, OnlyTheConsultationsPractitionerUntilThirtyDaysAfter) {
  auto bob = h_.patient("bob@example.fr", "Bob");
  auto other = doc("Paul", "Durand", "general_medicine",
                   in("75056", "75012", {{"video", true}, {"tiers_payant", false}}));
  auto assistant = assistant_of_doc();
  const auto id = held(child_, "matrix");
  // The clock moved a day: everyone signs in again.
  h_.login(bob, "bob@example.fr");
  h_.login(other.client, "doc2@example.fr");
  h_.login(assistant, "aide@example.fr");
  ASSERT_EQ(h_.put(pat_, "/api/v1/profiles/" + child_ + "/medical", allergy()).status, 200);
  auto own = upload(pat_, child_, test_files::png(), "photo.png");
  const auto file = own.body["id"].get<std::string>();
  Client anonymous;
  const std::vector<std::pair<http::Method, std::string>> practitioner_routes{
      {http::Method::get, base(id) + "/patient-documents"},
      {http::Method::get, base(id) + "/patient-documents/" + file},
      {http::Method::get, base(id) + "/medical"},
      {http::Method::post, base(id) + "/medical/items"},
  };
  const nlohmann::json item{{"category", "treatment"}, {"label", "Ventoline"}};
  for (const auto& [method, path] : practitioner_routes) {
    for (auto* c : {&bob, &other.client, &assistant, &pat_})
      EXPECT_EQ(h_.call(*c, method, path, item).status, 404) << path;
    EXPECT_EQ(h_.call(anonymous, method, path, item).status, 401) << path;
    EXPECT_EQ(h_.call(doc_.client, method, path, item).status / 100, 2) << path;
  }
  const std::vector<std::pair<http::Method, std::string>> patient_routes{
      {http::Method::get, "/api/v1/me/documents?profile=" + child_},
      {http::Method::get, "/api/v1/me/documents/" + file + "/file"},
      {http::Method::patch, "/api/v1/me/documents/" + file},
      {http::Method::del, "/api/v1/me/documents/" + file},
      {http::Method::get, "/api/v1/me/appointments/" + id + "/documents"},
      {http::Method::put, "/api/v1/me/appointments/" + id + "/documents"},
      {http::Method::get, "/api/v1/profiles/" + child_ + "/medical"},
      {http::Method::put, "/api/v1/profiles/" + child_ + "/medical"},
  };
  for (const auto& [method, path] : patient_routes) {
    EXPECT_EQ(
        h_.call(bob, method, path, {{"hidden", true}, {"ids", nlohmann::json::array()}}).status,
        404)
        << path;
    for (auto* c : {&doc_.client, &other.client, &assistant})
      EXPECT_EQ(h_.call(*c, method, path, nlohmann::json::object()).status, 403) << path;
    EXPECT_EQ(h_.call(anonymous, method, path, nlohmann::json::object()).status, 401) << path;
  }
  EXPECT_EQ(upload(bob, child_, test_files::png(), "intrus.png").status, 404);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents/" + file + "/file").status, 200);  // still there

  // After the consultation: 30 days of follow-up, then nothing.
  closed_with_report(id);
  h_.clock().advance(std::chrono::hours(24 * 29));
  relogin();
  EXPECT_EQ(h_.get(doc_.client, base(id) + "/medical").status, 200);
  EXPECT_EQ(h_.put(pat_, "/api/v1/me/appointments/" + id + "/documents", {{"ids", {file}}}).status,
            409);  // a past appointment's shares stay as they were
  h_.clock().advance(std::chrono::hours(24 * 2));
  relogin();
  EXPECT_EQ(h_.get(doc_.client, base(id) + "/medical").status, 404);
  EXPECT_EQ(h_.get(doc_.client, base(id) + "/patient-documents").status, 404);
}

TEST_P(HealthPractitioner, TheMedicalProfileIsSealedSharedWithThePractitionerAndAudited) {
  const auto path = "/api/v1/profiles/" + child_ + "/medical";
  auto empty = h_.get(pat_, path);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.body["profile_id"], child_);
  EXPECT_TRUE(empty.body["items"].empty());
  auto put = h_.put(pat_, path, allergy());
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(put.body["items"][0]["added_by"]["role"], "patient");
  auto bad = allergy();
  bad["items"][0]["label"] = "";
  auto refused = h_.put(pat_, path, bad);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.body["error"]["field"], "items[0].label");
  EXPECT_EQ(text_of("SELECT body FROM medical_profiles").find("Pénicilline"), std::string::npos);
  EXPECT_EQ(text_of("SELECT body FROM medical_profiles").find("urticaire"), std::string::npos);

  const auto id = held(child_, "medical");
  auto seen = h_.get(doc_.client, base(id) + "/medical");
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_EQ(seen.body["items"][0]["label"], "Pénicilline");
  auto added = h_.post(doc_.client, base(id) + "/medical/items",
                       {{"category", "treatment"}, {"label", "Ventoline"}, {"date", "2026-11"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.body["added_by"]["name"], "Dr Claire Martin");
  EXPECT_EQ(h_.post(doc_.client, base(id) + "/medical/items", {{"category", "allergy"}})
                .body["error"]["field"],
            "label");
  auto mine = h_.get(pat_, path);
  ASSERT_EQ(mine.body["items"].size(), 2U);
  EXPECT_EQ(mine.body["items"][1]["added_by"]["role"], "practitioner");
  // The patient's next save keeps who added it.
  auto again = h_.put(pat_, path, mine.body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.body["items"][1]["added_by"]["name"], "Dr Claire Martin");

  // Every read and write is in the audit log, with the child's profile, and in the access log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log a JOIN profiles p ON p.id = a.profile_id"
                  " WHERE a.action = 'health.medical.read' AND p.public_id = '" +
                  child_ + "'"),
            3);
  EXPECT_EQ(audits("health.medical.write"), 3);
  auto log = h_.get(pat_, "/api/v1/me/access-log");
  ASSERT_EQ(log.status, 200) << log.body;
  bool practitioner_read = false;
  for (const auto& e : log.body) {
    if (e.value("action", "") != "health.medical.read") continue;
    const auto sentence = e.value("sentence", "");
    if (sentence.find("Claire Martin") != std::string::npos) {
      practitioner_read = true;
      EXPECT_NE(sentence.find("allergies"), std::string::npos) << sentence;
    }
  }
  EXPECT_TRUE(practitioner_read) << log.body;
}

TEST_P(HealthPractitioner, TheExportHasItAllAndDeletionKeepsOnlyThePractitionersDocuments) {
  const auto id = held(child_, "export");
  const auto issued = closed_with_report(id);
  ASSERT_EQ(h_.put(pat_, "/api/v1/profiles/" + child_ + "/medical", allergy()).status, 200);
  auto own = upload(pat_, child_, test_files::pdf(), "bilan.pdf");
  ASSERT_EQ(own.status, 201);
  ASSERT_EQ(h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + issued, {{"hidden", true}})
                .status,
            200);

  auto exported = h_.get(pat_, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto& health = exported.body["health"];
  bool found = false;
  for (const auto& p : health["profiles"]) {
    if (p["profile_id"] != child_) continue;
    found = true;
    ASSERT_EQ(p["own_files"].size(), 1U);
    EXPECT_EQ(p["own_files"][0]["name"], "bilan.pdf");
    EXPECT_EQ(p["own_files"][0]["title"], "Bilan sanguin");
    EXPECT_EQ(p["medical_profile"]["items"][0]["label"], "Pénicilline");
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(health["hidden_documents"][0]["id"], issued);
  EXPECT_NE(health["practitioners_documents"]["fr"].get<std::string>().find("conservés"),
            std::string::npos);
  auto zip = h_.get(pat_, "/api/v1/me/export.zip");
  ASSERT_EQ(zip.status, 200);
  EXPECT_NE(zip.raw.find("health/" + child_ + "/"), std::string::npos);

  ASSERT_EQ(
      h_.call(pat_, http::Method::del, "/api/v1/me", {{"password", Harness::kPassword}}).status,
      204);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_files"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM medical_profiles"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_shares"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 1);  // kept for the legal retention period
}

INSTANTIATE_TEST_SUITE_P(Engines, HealthPractitioner, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
