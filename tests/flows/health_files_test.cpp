// The patient's own files through the handlers, on both engines (issue 15,
// docs/health-space.md): added under a profile and judged by content, listed with the
// practitioners' documents, hidden, downloaded, deleted; hostile or broken uploads refused with a
// clear 4xx and nothing written; nothing readable stored.
#include "health_fixture.hpp"

namespace cabinet::test {
namespace {

class HealthFiles : public HealthFlows {};

TEST_P(HealthFiles, OwnFilesAreListedPerProfileDownloadedHiddenAndDeleted) {
  auto pdf = upload(pat_, child_, test_files::pdf(), "bilan.pdf");
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_EQ(pdf.body["source"], "patient");
  EXPECT_EQ(pdf.body["kind"], "lab_result");
  EXPECT_EQ(pdf.body["title"], "Bilan sanguin");
  EXPECT_EQ(pdf.body["name"], "bilan.pdf");
  EXPECT_EQ(pdf.body["mime"], "application/pdf");
  EXPECT_EQ(pdf.body["profile_id"], child_);
  EXPECT_EQ(pdf.body["hidden"], false);
  const auto id = pdf.body["id"].get<std::string>();
  EXPECT_TRUE(id.starts_with("f_"));
  EXPECT_EQ(pdf.body["url"], "/api/v1/me/documents/" + id + "/file");
  h_.clock().advance(std::chrono::seconds(5));
  auto photo = upload(pat_, child_, test_files::png(), "photo.png", "&kind=imaging");
  ASSERT_EQ(photo.status, 201) << photo.body;
  EXPECT_EQ(photo.body["title"], "photo");  // none typed: the name without its extension

  // Newest first, under the child only; the kind filter.
  auto list = h_.get(pat_, "/api/v1/me/documents?profile=" + child_);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_EQ(ids(list.body["items"]),
            (std::vector<std::string>{photo.body["id"].get<std::string>(), id}));
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents").body["items"].size(), 0U);  // the holder's
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_ + "&kind=lab_result")
                .body["items"]
                .size(),
            1U);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_ + "&kind=astrologie").status,
            400);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_ + "&practitioner=" + doc_.id)
                .body["items"]
                .size(),
            0U);

  auto file = h_.get(pat_, "/api/v1/me/documents/" + id + "/file");
  ASSERT_EQ(file.status, 200);
  EXPECT_TRUE(file.raw.starts_with("%PDF-"));
  EXPECT_NE(file.raw.find("Bonjour"), std::string::npos);
  EXPECT_EQ(file.headers.get("Content-Type").value_or(""), "application/pdf");
  EXPECT_TRUE(file.headers.get("Content-Disposition").value_or("").starts_with("inline"));
  EXPECT_EQ(file.headers.get("X-Content-Type-Options").value_or(""), "nosniff");
  EXPECT_EQ(file.headers.get("Content-Security-Policy").value_or(""), "sandbox");
  EXPECT_EQ(audits("health.document.read"), 1);

  auto hidden = h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + id,
                        {{"hidden", true}, {"title", "Prise de sang mars"}});
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(hidden.body["hidden"], true);
  EXPECT_EQ(hidden.body["title"], "Prise de sang mars");
  EXPECT_EQ(
      h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + id, {{"kind", "x"}}).status,
      400);
  EXPECT_EQ(
      h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + id, {{"hidden", "oui"}}).status,
      400);

  // Nothing readable in the database: title, name and body are sealed.
  const auto stored = text_of("SELECT title, name, body FROM health_files");
  for (const std::string secret : {"Bilan", "Prise de sang", "bilan.pdf", "Bonjour"})
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;

  EXPECT_EQ(h_.del(pat_, "/api/v1/me/documents/" + id).status, 204);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents/" + id + "/file").status, 404);
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_).body["items"].size(), 1U);
  EXPECT_EQ(audits("health.document.delete"), 1);
  EXPECT_EQ(audits("health.document.add"), 2);
}

TEST_P(HealthFiles, ContentDecidesAndHostileFilesAreRefused) {
  // A ".png" that is really a PDF: stored as what it is.
  auto disguised = upload(pat_, holder_, test_files::pdf(), "radio.png");
  ASSERT_EQ(disguised.status, 201) << disguised.body;
  EXPECT_EQ(disguised.body["mime"], "application/pdf");

  auto script =
      upload(pat_, holder_,
             test_files::pdf("/OpenAction 5 0 R", "<< /S /JavaScript /JS (app.alert(1)) >>"),
             "ordonnance.pdf");
  EXPECT_EQ(script.status, 422) << script.body;
  EXPECT_EQ(script.code(), "unsafe_file");
  EXPECT_NE(script.message().find("JavaScript"), std::string::npos) << script.message();

  // A JPEG with a ZIP and a PDF after it: kept as a clean JPEG, the tail gone.
  const auto tail = std::string("PK\x03\x04") + "SECRET-ZIP" + test_files::pdf();
  auto polyglot = upload(pat_, holder_, test_files::jpeg() + tail, "photo.jpg");
  ASSERT_EQ(polyglot.status, 201) << polyglot.body;
  EXPECT_EQ(polyglot.body["mime"], "image/jpeg");
  auto got = h_.get(pat_, polyglot.body["url"].get<std::string>());
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.headers.get("Content-Type").value_or(""), "image/jpeg");
  EXPECT_TRUE(got.raw.starts_with("\xff\xd8"));
  EXPECT_EQ(got.raw.find("SECRET-ZIP"), std::string::npos);
  EXPECT_EQ(got.raw.find("%PDF"), std::string::npos);

  const auto before = count("SELECT COUNT(*) FROM health_files");
  const auto added = audits("health.document.add");
  struct Bad {
    std::string bytes;
    std::string name;
    int status;
  };
  const auto png = test_files::png();
  const std::vector<Bad> bad{
      {"", "vide.pdf", 400},
      {std::string(5UL * 1024 * 1024 + 1, 'a'), "gros.txt", 413},
      {png.substr(0, png.size() - 12), "coupee.png", 422},
      {"#!/bin/sh\nrm -rf /\n\x7f\x45\x4c\x46\x00\x01", "script.sh", 415},
      {test_files::pdf(), "..%2F..%2Fetc%2Fpasswd", 400},
      {test_files::pdf(), "bilan%0A.pdf", 400},
      {test_files::pdf(), "facture%E2%80%AEfdp.exe", 400},
  };
  for (const auto& b : bad) {
    auto r = upload(pat_, holder_, b.bytes, b.name);
    EXPECT_EQ(r.status, b.status) << b.name << " " << r.body;
    EXPECT_FALSE(r.code().empty()) << b.name;
    EXPECT_FALSE(r.message().empty()) << b.name;
  }
  EXPECT_EQ(upload(pat_, holder_, test_files::pdf(), "a.pdf", "&kind=horoscope").status, 400);
  EXPECT_EQ(upload(pat_, holder_, test_files::pdf(), "a.pdf", "&title=").status, 201);
  EXPECT_EQ(
      upload(pat_, holder_, test_files::pdf(), "a.pdf", "&title=" + std::string(121, 'x')).status,
      400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_files"), before + 1);
  EXPECT_EQ(audits("health.document.add"), added + 1);
}

TEST_P(HealthFiles, APractitionersDocumentIsHiddenNeverDeleted) {
  const auto appointment = held(child_, "issued");
  const auto issued = closed_with_report(appointment);
  ASSERT_FALSE(issued.empty());
  auto list = h_.get(pat_, "/api/v1/me/documents?profile=" + child_);
  ASSERT_EQ(list.body["items"].size(), 1U);
  const auto& d = list.body["items"][0];
  EXPECT_EQ(d["source"], "practitioner");
  EXPECT_EQ(d["hidden"], false);
  EXPECT_EQ(d["url"], "/api/v1/documents/" + issued + "/pdf");
  EXPECT_EQ(d["kind"], "report");  // the documents' own fields are still there
  EXPECT_EQ(d["practitioner"]["name"], "Dr Claire Martin");
  EXPECT_EQ(h_.get(pat_, "/api/v1/me/documents?profile=" + child_ + "&practitioner=" + doc_.id)
                .body["items"]
                .size(),
            1U);

  auto refused = h_.del(pat_, "/api/v1/me/documents/" + issued);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.code(), "not_deletable");
  EXPECT_NE(refused.message().find("masquer"), std::string::npos);
  EXPECT_EQ(
      h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + issued, {{"title", "Autre"}})
          .status,
      400);
  auto hidden =
      h_.call(pat_, http::Method::patch, "/api/v1/me/documents/" + issued, {{"hidden", true}});
  ASSERT_EQ(hidden.status, 200) << hidden.body;
  EXPECT_EQ(hidden.body["hidden"], true);
  EXPECT_EQ(hidden.body["source"], "practitioner");
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), 1);
  // The issuer keeps their own copy in the consultation's documents.
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/documents/" + issued + "/pdf").status, 200);
  // But not in the panel.
  auto panel = h_.get(doc_.client, "/api/v1/consultations/" + appointment + "/patient-documents");
  ASSERT_EQ(panel.status, 200) << panel.body;
  EXPECT_FALSE(has(ids(panel.body["others"]), issued));
  EXPECT_EQ(
      h_.get(doc_.client, "/api/v1/consultations/" + appointment + "/patient-documents/" + issued)
          .status,
      404);
}

TEST_P(HealthFiles, ARelativesProfileGoesWithItsFilesAndMedicalProfile) {
  auto grandma = h_.post(pat_, "/api/v1/me/profiles",
                         {{"first_name", "Jeanne"},
                          {"last_name", "Durand"},
                          {"birth_date", "1940-02-01"},
                          {"relationship", "parent"}});
  ASSERT_EQ(grandma.status, 201) << grandma.body;
  const auto id = grandma.body["id"].get<std::string>();
  ASSERT_EQ(upload(pat_, id, test_files::pdf(), "ordonnance.pdf").status, 201);
  ASSERT_EQ(h_.put(pat_, "/api/v1/profiles/" + id + "/medical",
                   {{"items", {{{"category", "treatment"}, {"label", "Kardégic"}}}}})
                .status,
            200);
  ASSERT_EQ(upload(pat_, child_, test_files::png(), "photo.png").status, 201);
  EXPECT_EQ(h_.del(pat_, "/api/v1/me/profiles/" + id).status, 204);
  EXPECT_EQ(count("SELECT COUNT(*) FROM health_files"), 1);  // the child's stays
  EXPECT_EQ(count("SELECT COUNT(*) FROM medical_profiles"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, HealthFiles, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
