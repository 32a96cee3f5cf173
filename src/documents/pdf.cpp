#include "documents/pdf.hpp"

#include <algorithm>

#include "documents/pdf_layout.hpp"
#include "documents/pdf_parts.hpp"
#include "documents/pdf_text.hpp"

namespace cabinet::documents {
namespace pdf {

void title_block(Pages& p, const Rendering& r, std::string_view title) {
  p.flow(p.text(title, kTitle));
  p.space(8);
  std::string date = "Le " + r.issued_on;
  if (!r.place.empty()) date += " — " + r.place;
  p.flow(p.text(date, Style{.align = PANGO_ALIGN_RIGHT}));
  if (r.version > 1) {
    std::string version = "Version " + std::to_string(r.version);
    if (!r.replaces.empty()) version += " — remplace la version du " + r.replaces;
    p.flow(p.text(version, Style{.bold = true, .align = PANGO_ALIGN_RIGHT}));
  }
  p.space(12);
}

double patient_block(Pages& p, const Rendering& r, double reserved, double min_height) {
  constexpr double kPad = 6;
  const auto& who = r.patient;
  std::string m = "<b>" + escape(who.last_name) + " " + escape(who.first_name) + "</b>";
  m += "\nSexe : " + escape(sex_label(who.sex));
  // The agreement French readers expect; "Né(e)" only when the sex is not known.
  const char* born = who.sex == "female" ? " — Née le "
                     : who.sex == "male" ? " — Né le "
                                         : " — Né(e) le ";
  if (!who.birth_date.empty()) m += born + escape(who.birth_date);
  if (who.weight_kg) m += "\nPoids : " + escape(*who.weight_kg) + " kg";
  if (who.nir) m += "\nNIR : " + escape(*who.nir);
  const double box_width = p.width() - reserved;
  const auto layout = p.markup(m, kBody, box_width - 2 * kPad);
  const double h = std::max(Pages::height(layout) + 2 * kPad, min_height);
  p.keep(h);
  const double top = p.y();
  const double left = p.left();
  p.draw([=](cairo_t* cr) {
    cairo_rectangle(cr, left, top, box_width, h);
    cairo_set_source_rgb(cr, 0.95, 0.95, 0.95);
    cairo_fill(cr);
  });
  p.space(kPad);
  p.flow(layout, kPad);
  p.advance_to(top + h);
  p.space(12);
  return top;
}

void signature(Pages& p, const Rendering& r) {
  constexpr double kBoxWidth = 220;
  constexpr double kPad = 8;
  const auto layout =
      p.markup("<span size='smaller'>Signature électronique du praticien</span>\n<b>" +
                   escape(r.prescriber.name) + "</b>\nLe " + escape(r.issued_on),
               kBody, kBoxWidth - 2 * kPad);
  const double h = Pages::height(layout) + 2 * kPad;
  p.space(16);
  p.keep(h);
  const double top = p.y();
  const double left = p.left() + p.width() - kBoxWidth;
  p.draw([=](cairo_t* cr) {
    cairo_rectangle(cr, left, top, kBoxWidth, h);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.4);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    show(cr, layout, left + kPad, top + kPad);
  });
  p.advance_to(top + h);
}

void bullets(Pages& p, const std::vector<std::string>& lines) {
  constexpr double kIndent = 14;
  for (const auto& line : lines) {
    const auto bullet = p.text("•", kBody, kIndent);
    const auto text = p.text(line, kBody, p.width() - kIndent);
    p.keep(std::min(Pages::height(text), 2 * Pages::height(bullet)));
    // The bullet sits on the text's first line: keep() left room for both on this page.
    p.flow(bullet);
    p.space(-Pages::height(bullet));
    p.flow(text, kIndent);
    p.space(2);
  }
}

namespace {

bool draw_body(Pages& p, const Rendering& r) {
  switch (r.kind) {
    case Kind::prescription:
      if (r.prescription) prescription(p, r, *r.prescription);
      return r.prescription.has_value();
    case Kind::report:
      if (r.report) report(p, r, *r.report);
      return r.report.has_value();
    case Kind::sick_leave:
      if (r.sick_leave) sick_leave(p, r, *r.sick_leave);
      return r.sick_leave.has_value();
    case Kind::certificate:
      if (r.certificate) certificate(p, r, *r.certificate);
      return r.certificate.has_value();
    case Kind::care_sheet:
      if (r.care_sheet) care_sheet(p, r, *r.care_sheet);
      return r.care_sheet.has_value();
  }
  return false;
}

}  // namespace
}  // namespace pdf

std::string render_pdf(const Rendering& r) {
  pdf::Pages p(r);
  if (!pdf::draw_body(p, r)) {
    // A kind without its body (a caller's bug): still a valid document, saying who and when.
    pdf::title_block(p, r, r.title);
    pdf::patient_block(p, r);
    pdf::signature(p, r);
  }
  return p.finish();
}

}  // namespace cabinet::documents
