#include "documents/pdf.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <future>
#include <regex>
#include <string>
#include <vector>

#include "documents/pdf_text.hpp"
#include "test_db.hpp"

// What a reader of the PDF sees, read back by the tools a user's computer has: pdftotext and
// pdfinfo (poppler-utils) for the text, pdftoppm and zbarimg (zbar-tools) for the QR code.
namespace cabinet::documents {
namespace {

constexpr const char* kRpps = "RPPS 10101010101";
constexpr const char* kNumber = "RX7K2M9Q4";
constexpr const char* kUrl =
    "https://cabinet.example.fr/verifier/RX7K2M9Q4?cle=3q2-7wEjRVZ4kLqT0xM9Ag";
constexpr const char* kStandin = "Document de démonstration — non transmis à l'Assurance Maladie";

// Runs the command-line tools on one PDF, in a temp dir of its own.
class PdfReader {
 public:
  explicit PdfReader(const std::string& pdf) : file_(dir_.path() / "doc.pdf") {
    std::ofstream(file_, std::ios::binary) << pdf;
  }

  // pdftotext -layout, of one page (1-based) or of all (0), with runs of spaces made one: the
  // columns' widths are not what the tests are about. (pdftotext turns no-break spaces into
  // spaces too.)
  [[nodiscard]] std::string text(int page = 0) const {
    const std::string range =
        page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
    return std::regex_replace(run("pdftotext -layout" + range + " " + quoted() + " -"),
                              std::regex("[ ]+"), " ");
  }

  [[nodiscard]] std::string info() const { return run("pdfinfo " + quoted()); }

  [[nodiscard]] int pages() const {
    std::smatch m;
    const auto out = info();
    return std::regex_search(out, m, std::regex("Pages:\\s+(\\d+)")) ? std::stoi(m[1]) : -1;
  }

  // The QR codes zbarimg finds on one page rendered at 150 dpi, as printed.
  [[nodiscard]] std::string qr(int page) const {
    const auto png = dir_.path() / ("page-" + std::to_string(page));
    run("pdftoppm -r 150 -png -singlefile -f " + std::to_string(page) + " -l " +
        std::to_string(page) + " " + quoted() + " '" + png.string() + "'");
    auto out = run("zbarimg --raw -q '" + png.string() + ".png'", true);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

 private:
  [[nodiscard]] std::string quoted() const { return "'" + file_.string() + "'"; }

  static std::string run(const std::string& command, bool allow_failure = false) {
    std::string out;
    FILE* pipe = popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) throw std::runtime_error("popen: " + command);
    char buffer[4096];
    while (const auto n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = pclose(pipe);
    if (status != 0 && !allow_failure) {
      ADD_FAILURE() << command << " exited with status " << status;
    }
    return out;
  }

  test::TempDir dir_;
  std::filesystem::path file_;
};

Rendering base(Kind kind, std::string title) {
  Rendering r;
  r.kind = kind;
  r.title = std::move(title);
  r.issued_on = "7 décembre 2026";
  r.place = "Téléconsultation";
  r.prescriber = {.name = "Dr Claire Martin",
                  .qualification = "Médecin généraliste",
                  .rpps = "10101010101",
                  .address = "12 rue de la Paix, 75002 Paris",
                  .phone = "01 23 45 67 89"};
  r.patient = {.first_name = "Léa",
               .last_name = "Dupont",
               .sex = "female",
               .birth_date = "3 mars 1988",
               .weight_kg = std::nullopt,
               .nir = std::nullopt};
  return r;
}

Rendering prescription(int drugs = 2) {
  auto r = base(Kind::prescription, "Ordonnance");
  PrescriptionBody b;
  const Drug samples[] = {
      {"Amoxicilline 1 g", "1 g", "comprimé dispersible", "1 comprimé matin et soir", "6 jours", 0},
      {"Paracétamol", "500 mg", "gélule", "2 gélules jusqu'à 3 fois par jour si fièvre", "1 boîte",
       2}};
  for (int i = 0; i < drugs; ++i) b.drugs.push_back(samples[i % 2]);
  b.tests = {"NFS", "CRP"};
  b.other = {"Kinésithérapie respiratoire, 6 séances"};
  b.number = kNumber;
  b.verify_url = kUrl;
  r.prescription = b;
  return r;
}

Rendering sick_leave(std::optional<std::string> reason) {
  auto r = base(Kind::sick_leave, "Avis d'arrêt de travail");
  r.sick_leave = SickLeaveBody{.from = "7 décembre 2026",
                               .to = "9 décembre 2026",
                               .days = 3,
                               .prolongation = false,
                               .outings = "Sorties autorisées de 9 h à 11 h et de 14 h à 16 h",
                               .reference = "AAT-STANDIN-000042",
                               .medical_reason = std::move(reason)};
  return r;
}

TEST(PdfText, EurosInFrench) {
  EXPECT_EQ(pdf::euros(2500), "25,00\u00a0€");
  EXPECT_EQ(pdf::euros(5), "0,05\u00a0€");
  EXPECT_EQ(pdf::euros(123456), "1\u00a0234,56\u00a0€");
  EXPECT_EQ(pdf::euros(-300), "-3,00\u00a0€");
}

TEST(PdfText, WordsAndCleaning) {
  EXPECT_EQ(pdf::sex_label("female"), "Femme");
  EXPECT_EQ(pdf::sex_label("male"), "Homme");
  EXPECT_EQ(pdf::sex_label(""), "—");
  EXPECT_EQ(pdf::days(1), "1 jour");
  EXPECT_EQ(pdf::days(3), "3 jours");
  // The strength and form the name already carries are not repeated.
  EXPECT_EQ(pdf::drug_heading({"Amoxicilline 1 G", "1 g", "comprimé", "", "", 0}),
            "Amoxicilline 1 G — comprimé");
  EXPECT_EQ(pdf::drug_heading({"Doliprane", "1 g", "", "", "", 0}), "Doliprane 1 g");
  EXPECT_EQ(pdf::clean("a\x01"
                       "b\n\xff"),
            "a b\n\uFFFD");
  EXPECT_EQ(pdf::escape("<b>&"), "&lt;b&gt;&amp;");
}

TEST(PdfPrescription, StartsAsAPdfWithItsMetadataAndLink) {
  const auto pdf = render_pdf(prescription());
  ASSERT_EQ(pdf.rfind("%PDF-", 0), 0U);
  const PdfReader reader(pdf);
  const auto info = reader.info();
  for (const char* expected :
       {"Title: +Ordonnance\n", "Author: +Dr Claire Martin\n", "Creator: +Cabinet\n",
        "Page size: +595.276 x 841.89 pts \\(A4\\)"}) {
    EXPECT_TRUE(std::regex_search(info, std::regex(expected))) << expected << " not in:\n" << info;
  }
  // The verification URL is a link (annotations are not compressed by cairo).
  EXPECT_NE(pdf.find("/URI"), std::string::npos);
}

TEST(PdfPrescription, ShowsWhatThePharmacistChecks) {
  const PdfReader reader(render_pdf(prescription()));
  const auto text = reader.text(1);
  for (const char* expected : {"Dr Claire Martin",
                               "Médecin généraliste",
                               kRpps,
                               "12 rue de la Paix, 75002 Paris",
                               "Tél. 01 23 45 67 89",
                               "Ordonnance",
                               "Le 7 décembre 2026 — Téléconsultation",
                               "Dupont Léa",
                               "Sexe : Femme — Née le 3 mars 1988",
                               "N° RX7K2M9Q4",
                               "Ordonnance établie par téléconsultation",
                               "1. Amoxicilline 1 g — comprimé dispersible",
                               "1 comprimé matin et soir",
                               "Durée / quantité : 6 jours",
                               "2. Paracétamol 500 mg — gélule",
                               "2 gélules jusqu'à 3 fois par jour si fièvre",
                               "À renouveler 2 fois",
                               "Autres prescriptions",
                               "Kinésithérapie respiratoire, 6 séances",
                               "Signature électronique du praticien",
                               "Page 1 / 2",
                               kUrl}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
  EXPECT_EQ(text.find("À renouveler 0"), std::string::npos);
}

TEST(PdfPrescription, TestsHaveAPageOfTheirOwn) {
  const PdfReader reader(render_pdf(prescription()));
  ASSERT_EQ(reader.pages(), 2);
  const auto first = reader.text(1);
  const auto second = reader.text(2);
  EXPECT_EQ(first.find("NFS"), std::string::npos) << first;
  EXPECT_EQ(first.find("CRP"), std::string::npos) << first;
  for (const char* expected : {"Ordonnance — examens biologiques et d'imagerie", "NFS", "CRP",
                               kRpps, "Dupont Léa", "N° RX7K2M9Q4", "Page 2 / 2"}) {
    EXPECT_NE(second.find(expected), std::string::npos) << expected << " not in:\n" << second;
  }
  EXPECT_EQ(second.find("Amoxicilline"), std::string::npos) << second;
}

TEST(PdfPrescription, QrCodeReadsAsTheVerificationUrl) {
  const PdfReader reader(render_pdf(prescription()));
  EXPECT_EQ(reader.qr(1), kUrl);
  EXPECT_EQ(reader.qr(2), kUrl);
}

TEST(PdfPrescription, FortyDrugsFlowOverPagesEachWithTheHeader) {
  auto r = prescription(40);
  r.prescription->tests.clear();
  const PdfReader reader(render_pdf(r));
  const int pages = reader.pages();
  ASSERT_GE(pages, 3);
  const std::string all = reader.text();
  for (int i = 1; i <= 40; ++i) {
    EXPECT_NE(all.find(std::to_string(i) + ". "), std::string::npos) << "drug " << i;
  }
  for (int page = 1; page <= pages; ++page) {
    const auto text = reader.text(page);
    EXPECT_NE(text.find(kRpps), std::string::npos) << "page " << page << ":\n" << text;
    EXPECT_NE(text.find("Page " + std::to_string(page) + " / " + std::to_string(pages)),
              std::string::npos)
        << text;
  }
}

TEST(PdfPrescription, AChildsWeightAndACorrectionsVersion) {
  auto r = prescription();
  r.patient.weight_kg = "14,5";
  r.version = 2;
  r.replaces = "6 décembre 2026";
  const auto text = PdfReader(render_pdf(r)).text(1);
  EXPECT_NE(text.find("Poids : 14,5 kg"), std::string::npos) << text;
  EXPECT_NE(text.find("Version 2 — remplace la version du 6 décembre 2026"), std::string::npos)
      << text;
}

TEST(PdfStandin, NoticeOnEveryPageOfALongReport) {
  auto r = base(Kind::report, "Compte-rendu de téléconsultation");
  r.standin_notice = kStandin;
  std::string history;
  for (int i = 0; i < 400; ++i) history += "Douleur lombaire depuis trois jours, sans fièvre. ";
  history += "FIN-DE-L-HISTOIRE";
  r.report = ReportBody{.motif = "Lombalgie",
                        .history = history,
                        .findings = "",
                        .conclusion = "Lombalgie commune",
                        .advice = "Marche quotidienne",
                        .started = "7 décembre 2026 à 10 h 02",
                        .ended = "7 décembre 2026 à 10 h 16",
                        .duration = "14 min",
                        .participants = {"Dr Claire Martin (praticien)", "Léa Dupont (patiente)"},
                        .incidents = {"10 h 07 : passage au téléphone (caméra en panne)"}};
  const PdfReader reader(render_pdf(r));
  const int pages = reader.pages();
  ASSERT_GE(pages, 2);
  for (int page = 1; page <= pages; ++page) {
    const auto text = reader.text(page);
    EXPECT_NE(text.find(kStandin), std::string::npos) << "page " << page << ":\n" << text;
    EXPECT_NE(text.find(kRpps), std::string::npos) << "page " << page;
  }
  const auto all = reader.text();
  for (const char* expected :
       {"Motif", "Histoire", "FIN-DE-L-HISTOIRE", "Conclusion", "Conseils", "Marche quotidienne",
        "Début : 7 décembre 2026 à 10 h 02", "Durée : 14 min", "Léa Dupont (patiente)",
        "10 h 07 : passage au téléphone (caméra en panne)"}) {
    EXPECT_NE(all.find(expected), std::string::npos) << expected;
  }
  EXPECT_EQ(all.find("Examen / constatations"), std::string::npos) << "empty section shown";
}

TEST(PdfSickLeave, TheEmployersCopyNeverShowsTheMedicalReason) {
  const auto employer = PdfReader(render_pdf(sick_leave(std::nullopt))).text();
  const auto medical = PdfReader(render_pdf(sick_leave("Lombosciatique aiguë"))).text();
  for (const auto* text : {&employer, &medical}) {
    for (const char* expected :
         {"Du 7 décembre 2026 au 9 décembre 2026 inclus, soit 3 jours", "Arrêt de travail initial",
          "Sorties autorisées de 9 h à 11 h et de 14 h à 16 h", "AAT-STANDIN-000042"}) {
      EXPECT_NE(text->find(expected), std::string::npos) << expected << " not in:\n" << *text;
    }
  }
  EXPECT_NE(employer.find("Volet 3 — à adresser à l'employeur"), std::string::npos) << employer;
  EXPECT_EQ(employer.find("Lombosciatique"), std::string::npos) << employer;
  EXPECT_EQ(employer.find("Motif médical"), std::string::npos) << employer;
  EXPECT_NE(medical.find("Motif médical"), std::string::npos) << medical;
  EXPECT_NE(medical.find("Lombosciatique aiguë"), std::string::npos) << medical;
  EXPECT_EQ(medical.find("Volet 3"), std::string::npos) << medical;
}

TEST(PdfCertificate, TitleAndText) {
  auto r = base(Kind::certificate, "Certificat médical");
  r.certificate = CertificateBody{
      .title = "Certificat de contre-indication temporaire au sport scolaire",
      .text =
          "Je soussignée certifie que l'état de santé de l'enfant contre-indique le sport "
          "scolaire du 7 au 21 décembre 2026."};
  const auto text = PdfReader(render_pdf(r)).text();
  EXPECT_NE(text.find("Certificat de contre-indication temporaire au sport scolaire"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Je soussignée certifie"), std::string::npos) << text;
}

TEST(PdfCareSheet, LinesTotalAndWhoAdvances) {
  auto r = base(Kind::care_sheet, "Feuille de soins");
  r.patient.nir = "2 88 03 75 112 042 17";
  r.care_sheet = CareSheetBody{
      .lines = {{"7 décembre 2026", "TCG", "Téléconsultation de médecine générale", 2500, 0},
                {"7 décembre 2026", "MCG", "Majoration de coordination", 500, 1000}},
      .total_cents = 4000,
      .tiers_payant_amo = true,
      .tiers_payant_amc = false,
      .css_ame = false,
      .paid_by_patient = "Le patient a réglé 12,50 €",
      .practitioner_ids = "RPPS 10101010101 — AM 751234567",
      .transmission = "Transmise à l'Assurance Maladie (FSE n° 000123)"};
  const auto text = PdfReader(render_pdf(r)).text();
  for (const char* expected :
       {"NIR : 2 88 03 75 112 042 17", "Date", "Acte", "Libellé", "Montant", "Dépassement", "TCG",
        "Téléconsultation de médecine générale", "25,00 €", "10,00 €", "Total : 40,00 €",
        "☒ Tiers payant — part obligatoire (AMO)", "☐ Tiers payant — part complémentaire (AMC)",
        "☐ Complémentaire santé solidaire", "Le patient a réglé 12,50 €", "AM 751234567",
        "FSE n° 000123"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " not in:\n" << text;
  }
}

TEST(PdfRobustness, HostileTextStillMakesADocument) {
  auto r = base(Kind::report, std::string("Compte-rendu \xff\xfe"));
  std::string long_word(20000, 'x');
  r.report = ReportBody{.motif = std::string("a\0b\x01<b>&amp;</span>", 19),
                        .history = long_word,
                        .findings = "\xc3\x28 invalid",
                        .conclusion = "fin"};
  r.prescriber.name = "<i>Dr</i> & co";
  std::string pdf;
  ASSERT_NO_THROW(pdf = render_pdf(r));
  const PdfReader reader(pdf);
  EXPECT_GE(reader.pages(), 2);
  const auto text = reader.text();
  EXPECT_NE(text.find("<i>Dr</i> & co"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("<b>&amp;</span>"), std::string::npos);
}

TEST(PdfConcurrency, ThreadsDrawAtTheSameTime) {
  constexpr int kThreads = 6;
  std::vector<std::future<std::string>> results;
  results.reserve(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    results.push_back(std::async(std::launch::async, [i] {
      std::string last;
      for (int n = 0; n < 5; ++n) last = render_pdf(i % 2 == 0 ? prescription(8) : sick_leave("x"));
      return last;
    }));
  }
  for (auto& result : results) {
    const auto pdf = result.get();
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0U);
    EXPECT_NE(PdfReader(pdf).text().find(kRpps), std::string::npos);
  }
}

}  // namespace
}  // namespace cabinet::documents
