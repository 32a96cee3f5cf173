// The feuille de soins (PAY2, PAY5): the acts as a table, the total, who advances what.
#include <array>
#include <string>

#include "documents/pdf_layout.hpp"
#include "documents/pdf_parts.hpp"
#include "documents/pdf_text.hpp"

namespace cabinet::documents::pdf {
namespace {

constexpr double kCellPad = 3;

struct Column {
  std::string_view title;
  double width;
  PangoAlignment align;
};

// 495 points: the A4 width between the margins.
constexpr std::array<Column, 5> kColumns{{{"Date", 96, PANGO_ALIGN_LEFT},
                                          {"Acte", 50, PANGO_ALIGN_LEFT},
                                          {"Libellé", 194, PANGO_ALIGN_LEFT},
                                          {"Montant", 70, PANGO_ALIGN_RIGHT},
                                          {"Dépassement", 85, PANGO_ALIGN_RIGHT}}};

struct Row {
  std::array<Layout, 5> cells;
  double height = 0;
};

Row make_row(const Pages& p, const std::array<std::string, 5>& texts, bool bold) {
  Row row;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    row.cells[i] = p.text(texts[i], Style{.size = 9.5, .bold = bold, .align = kColumns[i].align},
                          kColumns[i].width - 2 * kCellPad);
    row.height = std::max(row.height, Pages::height(row.cells[i]) + 2 * kCellPad);
  }
  return row;
}

void place(Pages& p, const Row& row, bool header) {
  const double top = p.y();
  const double left = p.left();
  const double width = p.width();
  p.draw([row, top, left, width, header](cairo_t* cr) {
    if (header) {
      cairo_rectangle(cr, left, top, width, row.height);
      cairo_set_source_rgb(cr, 0.92, 0.92, 0.92);
      cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, left, top + row.height);
    cairo_line_to(cr, left + width, top + row.height);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    double x = left;
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      show(cr, row.cells[i], x + kCellPad, top + kCellPad);
      x += kColumns[i].width;
    }
  });
  p.space(row.height);
}

void table(Pages& p, const std::vector<CareSheetLine>& lines) {
  std::array<std::string, 5> titles;
  for (std::size_t i = 0; i < kColumns.size(); ++i) titles[i] = kColumns[i].title;
  const auto header = make_row(p, titles, true);
  p.keep(3 * header.height);
  place(p, header, true);
  for (const auto& line : lines) {
    const auto row = make_row(
        p, {line.date, line.act, line.label, euros(line.amount_cents), euros(line.excess_cents)},
        false);
    if (row.height > p.body_height() - header.height) {
      // A row taller than a page (an absurd label) cannot be a row: it becomes a paragraph.
      p.flow(p.text(line.date + " — " + line.act + " — " + line.label + " — " +
                    euros(line.amount_cents) + " — dépassement " + euros(line.excess_cents)));
      continue;
    }
    if (row.height > p.remaining()) {
      p.new_page();
      place(p, header, true);  // the columns' names again on the new page
    }
    place(p, row, false);
  }
}

}  // namespace

void care_sheet(Pages& p, const Rendering& r, const CareSheetBody& b) {
  title_block(p, r, r.title);
  patient_block(p, r);
  table(p, b.lines);
  p.space(6);
  p.flow(p.markup("<b>Total : " + escape(euros(b.total_cents)) + "</b>",
                  Style{.size = 11, .align = PANGO_ALIGN_RIGHT}));
  p.space(12);
  const auto box = [](bool checked) { return checked ? "☒ " : "☐ "; };
  p.keep(60);
  p.flow(p.text(box(b.tiers_payant_amo) + std::string("Tiers payant — part obligatoire (AMO)")));
  p.flow(p.text(box(b.tiers_payant_amc) + std::string("Tiers payant — part complémentaire (AMC)")));
  p.flow(p.text(box(b.css_ame) + std::string("Complémentaire santé solidaire (CSS) / AME")));
  p.space(8);
  if (!b.paid_by_patient.empty()) p.flow(p.text(b.paid_by_patient, kBold));
  p.space(8);
  if (!b.practitioner_ids.empty()) {
    p.flow(p.markup("<b>Identifiants du praticien :</b> " + escape(b.practitioner_ids)));
  }
  if (!b.transmission.empty()) p.flow(p.text(b.transmission, kItalic));
  signature(p, r);
}

}  // namespace cabinet::documents::pdf
