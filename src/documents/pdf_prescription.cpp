// The ordonnance (CSP R.5132-3): who prescribes on every page, the patient, each drug with how
// and how long, the number and its QR code for the pharmacist; lab and imaging tests on a page of
// their own, since they go to a laboratory, not to the pharmacy.
#include <string>

#include "documents/pdf_layout.hpp"
#include "documents/pdf_parts.hpp"
#include "documents/pdf_qr.hpp"
#include "documents/pdf_text.hpp"

namespace cabinet::documents::pdf {
namespace {

constexpr double kQrSize = 96;
constexpr double kQrColumn = 130;
constexpr double kDrugIndent = 16;
constexpr std::string_view kTestsTitle = "Ordonnance — examens biologiques et d'imagerie";
constexpr std::string_view kMention = "Ordonnance établie par téléconsultation";

// The patient on the left; on the right the QR code, with the number under it.
void identity(Pages& p, const Rendering& r, const PrescriptionBody& b) {
  if (b.number.empty() && b.verify_url.empty()) {
    patient_block(p, r);
    return;
  }
  const auto number = p.text(
      "N° " + b.number, Style{.size = 9.5, .bold = true, .align = PANGO_ALIGN_CENTER}, kQrColumn);
  const double top = patient_block(p, r, kQrColumn + 10, kQrSize + 4 + Pages::height(number));
  const double column = p.left() + p.width() - kQrColumn;
  if (auto qr = qr_code(b.verify_url, column + (kQrColumn - kQrSize) / 2, top, kQrSize)) {
    p.draw(std::move(*qr));
  }
  const double number_top = top + kQrSize + 4;
  p.draw([number, column, number_top](cairo_t* cr) { show(cr, number, column, number_top); });
  if (!b.verify_url.empty()) {
    p.flow(p.text("Vérification par le pharmacien (QR code ou lien) :", kSmall));
    p.flow(p.text(b.verify_url, Style{.size = 8.5, .grey = 0.1}), 0, clean(b.verify_url));
    p.space(8);
  }
}

void mention(Pages& p) {
  p.flow(p.text(kMention, kItalic));
  p.space(10);
}

void drug(Pages& p, int index, const Drug& d) {
  const auto name =
      p.markup("<b>" + std::to_string(index) + ". " + escape(drug_heading(d)) + "</b>");
  std::string details = clean(d.posology);
  if (!d.duration.empty()) details += "\nDurée / quantité : " + clean(d.duration);
  if (d.renewals > 0) details += "\nÀ renouveler " + std::to_string(d.renewals) + " fois";
  const auto rest = p.text(details, kBody, p.width() - kDrugIndent);
  p.keep(Pages::height(name) + Pages::height(rest));
  p.flow(name);
  p.flow(rest, kDrugIndent);
  p.space(9);
}

}  // namespace

void prescription(Pages& p, const Rendering& r, const PrescriptionBody& b) {
  if (!b.drugs.empty() || !b.other.empty() || b.tests.empty()) {
    title_block(p, r, r.title);
    identity(p, r, b);
    mention(p);
    int index = 0;
    for (const auto& d : b.drugs) drug(p, ++index, d);
    if (!b.other.empty()) {
      p.heading("Autres prescriptions");
      bullets(p, b.other);
    }
    signature(p, r);
  }
  if (!b.tests.empty()) {
    if (!p.page_empty()) p.new_page();
    title_block(p, r, kTestsTitle);
    identity(p, r, b);
    mention(p);
    bullets(p, b.tests);
    signature(p, r);
  }
}

}  // namespace cabinet::documents::pdf
