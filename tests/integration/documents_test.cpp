// Documents after a consultation over real sockets (issue 14, docs/documents.md): the
// compte-rendu says what happened in the call (the patient's reconnection), and the patient's
// open page is told of each document the moment it is issued, without asking.
#include <cstdio>
#include <fstream>

#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class DocumentsTest : public SignedInServerTest {
 protected:
  // pdftotext's reading of a PDF (poppler-utils, installed by scripts/install-deps).
  std::string text_of(const std::string& pdf) {
    const auto path = dir_.path() / "doc.pdf";
    {
      std::ofstream out(path, std::ios::binary);
      out << pdf;
    }
    auto r = run_command({"/usr/bin/pdftotext", "-layout", path.string(), "-"}, dir_.path());
    EXPECT_EQ(r.status, 0) << r.output;
    return r.output;
  }
};

TEST_P(DocumentsTest, TheReportTellsTheReconnectionAndThePatientsPageGetsEachDocumentAtOnce) {
  const auto id = book_video();
  const auto port = node().port();
  WsClient doctor(port, cookie_of(people().practitioner_cookie));
  ASSERT_TRUE(doctor.read().has_value());
  doctor.send(msg("join", id));
  next(doctor, "joined");
  {
    WsClient patient_ws(port, patient(0));
    ASSERT_TRUE(patient_ws.read().has_value());
    patient_ws.send(msg("join", id));
    next(patient_ws, "joined");
    doctor.send(msg("admit", id));
    next(patient_ws, "admitted");
  }  // the patient's network drops
  WsClient again(port, patient(0));
  ASSERT_TRUE(again.read().has_value());
  again.send(msg("join", id));
  EXPECT_EQ(next(again, "joined")["admitted"], true);

  // "Mes documents" open in another tab of the patient.
  WsClient page(port, patient(0));
  ASSERT_TRUE(page.read().has_value());
  page.send(R"({"type":"watch_documents"})");
  next(page, "watching_documents");
  // The practitioner's socket may not watch a patient's documents.
  doctor.send(R"({"type":"watch_documents"})");
  EXPECT_EQ(next(doctor, "error")["code"], "forbidden");

  const nlohmann::json form{
      {"amount_cents", 2000},
      {"report", {{"conclusion", "Angine virale probable."}, {"advice", "Repos."}}},
      {"prescription",
       {{"drugs",
         {{{"name", "Paracétamol"},
           {"strength", "500 mg"},
           {"posology", "2 gélules 3 fois par jour"},
           {"duration", "4 jours"}}}}}}};
  auto closed =
      http().post_json("/api/v1/consultations/" + id + "/close", form.dump(), as_doctor());
  ASSERT_EQ(closed.status, 200) << closed.body;
  const auto docs = closed.json()["documents"];
  ASSERT_EQ(docs.size(), 2U);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    auto issued = next(page, "document_issued");
    EXPECT_EQ(issued["document"]["consultation_id"], id);
  }

  std::string report;
  for (const auto& d : docs)
    if (d["kind"] == "report") report = d["id"];
  auto pdf = http().get("/api/v1/documents/" + report + "/pdf", patient(0));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  const auto text = text_of(pdf.body);
  EXPECT_NE(text.find("reconnexion du patient"), std::string::npos) << text;
  EXPECT_NE(text.find("Angine virale probable."), std::string::npos) << text;
  EXPECT_NE(text.find("RPPS"), std::string::npos) << text;
  // Another patient, with the same address, gets nothing.
  EXPECT_EQ(http().get("/api/v1/documents/" + report + "/pdf", patient(1)).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, DocumentsTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
