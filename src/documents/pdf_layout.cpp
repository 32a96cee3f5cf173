#include "documents/pdf_layout.hpp"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <stdexcept>

#include "documents/pdf_text.hpp"

namespace cabinet::documents::pdf {
namespace {

constexpr double kHeaderTop = 36;
constexpr double kFooterRule = kPageHeight - 42;
constexpr double kBannerPadding = 5;

// Pango's font maps are not thread-safe: each thread that draws PDFs has its own, with its own
// context, kept for the thread's life (building one costs more than a page).
class ThreadFonts {
 public:
  ThreadFonts() : map_(pango_cairo_font_map_new()), context_(pango_font_map_create_context(map_)) {
    // Points as device units, and outlines exactly as designed: the PDF is scaled by whoever
    // views or prints it, so hinting for a pixel grid would only distort spacing.
    pango_cairo_context_set_resolution(context_, 72);
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context_, options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context_, FALSE);
    pango_context_set_language(context_, pango_language_from_string("fr-FR"));
  }
  ~ThreadFonts() {
    g_object_unref(context_);
    g_object_unref(map_);
  }
  ThreadFonts(const ThreadFonts&) = delete;
  ThreadFonts& operator=(const ThreadFonts&) = delete;

  [[nodiscard]] PangoContext* context() const { return context_; }

 private:
  PangoFontMap* map_;
  PangoContext* context_;
};

PangoContext* thread_context() {
  thread_local const ThreadFonts fonts;
  return fonts.context();
}

Layout new_layout(const Style& style, double width) {
  Layout layout(pango_layout_new(thread_context()), g_object_unref);
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family_static(font, "DejaVu Sans");
  pango_font_description_set_size(font, static_cast<int>(style.size * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
  // Words longer than the line (a URL, a pasted code) break anywhere rather than overflow.
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  return layout;
}

// The colour goes into the layout, under any markup, so that drawing needs no style.
void set_grey(const Layout& layout, double grey) {
  if (grey <= 0) return;
  const auto level = static_cast<guint16>(grey * 65535);
  PangoAttrList* attrs = pango_layout_get_attributes(layout.get());
  PangoAttrList* owned = attrs != nullptr ? pango_attr_list_ref(attrs) : pango_attr_list_new();
  pango_attr_list_insert_before(owned, pango_attr_foreground_new(level, level, level));
  pango_layout_set_attributes(layout.get(), owned);
  pango_attr_list_unref(owned);
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {  // bad_alloc must not unwind through cairo's C frames
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

void rule(cairo_t* cr, double y) {
  cairo_set_source_rgb(cr, 0.55, 0.55, 0.55);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, kMargin, y);
  cairo_line_to(cr, kPageWidth - kMargin, y);
  cairo_stroke(cr);
}

// cairo's attribute strings quote with ' and escape with a backslash.
std::string link_attributes(const std::string& uri) {
  std::string out = "uri='";
  for (const char c : uri) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

void show(cairo_t* cr, const Layout& layout, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
}

Pages::Pages(const Rendering& r) : r_(r) {
  const auto& who = r.prescriber;
  std::string header = "<span size='larger' weight='bold'>" + escape(who.name) + "</span>";
  for (const auto& line : {who.qualification, who.rpps.empty() ? std::string() : "RPPS " + who.rpps,
                           who.address, who.phone.empty() ? std::string() : "Tél. " + who.phone}) {
    if (line.empty()) continue;
    header += '\n';  // appended, not "\n" + …: GCC 12 warns (-Wrestrict) on that falsely
    header += escape(line);
  }
  header_left_ = markup(header, Style{.size = 9.5}, width());
  body_top_ = kHeaderTop + height(header_left_) + 16;
  if (r.standin_notice) {
    banner_ = text(*r.standin_notice, Style{.size = 9.5, .bold = true, .align = PANGO_ALIGN_CENTER},
                   width() - 2 * kBannerPadding);
    body_top_ += height(banner_) + 2 * kBannerPadding + 12;
  }
  body_bottom_ = kFooterRule - 12;
  new_page();
}

Layout Pages::text(std::string_view t, const Style& style, double w) const {
  auto layout = new_layout(style, w);
  const auto cleaned = clean(t);
  pango_layout_set_text(layout.get(), cleaned.data(), static_cast<int>(cleaned.size()));
  set_grey(layout, style.grey);
  return layout;
}

Layout Pages::markup(std::string_view m, const Style& style, double w) const {
  auto layout = new_layout(style, w);
  pango_layout_set_markup(layout.get(), m.data(), static_cast<int>(m.size()));
  set_grey(layout, style.grey);
  return layout;
}

double Pages::height(const Layout& layout) {
  int w = 0;
  int h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Pages::space(double points) { y_ = std::min(y_ + points, body_bottom_); }

void Pages::keep(double h) {
  if (h > remaining() && h <= body_height() && !page_empty()) new_page();
}

void Pages::new_page() {
  pages_.emplace_back();
  y_ = body_top_;
}

void Pages::advance_to(double y) { y_ = std::max(y_, std::min(y, body_bottom_)); }

void Pages::flow(const Layout& layout, double indent, const std::string& uri) {
  const std::string attributes = uri.empty() ? std::string() : link_attributes(uri);
  PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter, nullptr, &logical);
    const double top = static_cast<double>(logical.y) / PANGO_SCALE;
    const double h = static_cast<double>(logical.height) / PANGO_SCALE;
    const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
    if (h > remaining() && !page_empty()) new_page();
    // The layout keeps its lines alive as long as it lives, and the op holds the layout.
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter);
    const double x = left() + indent + static_cast<double>(logical.x) / PANGO_SCALE;
    const double y = y_ + baseline - top;
    draw([layout, line, x, y, attributes](cairo_t* cr) {
      if (!attributes.empty()) cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
      cairo_move_to(cr, x, y);
      pango_cairo_show_layout_line(cr, line);
      if (!attributes.empty()) cairo_tag_end(cr, CAIRO_TAG_LINK);
    });
    y_ += h;
  } while (pango_layout_iter_next_line(iter) != 0);
  pango_layout_iter_free(iter);
}

void Pages::heading(std::string_view t, double with) {
  const auto layout = text(t, kHeading);
  space(6);
  keep(height(layout) + with);
  flow(layout);
  space(3);
}

void Pages::paint_frame(cairo_t* cr, int page, int count) const {
  show(cr, header_left_, left(), kHeaderTop);
  rule(cr, kHeaderTop + height(header_left_) + 6);
  if (banner_) {
    const double top = kHeaderTop + height(header_left_) + 14;
    const double h = height(banner_) + 2 * kBannerPadding;
    cairo_rectangle(cr, left(), top, width(), h);
    cairo_set_source_rgb(cr, 1, 0.94, 0.8);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.7, 0.35, 0);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.45, 0.15, 0);
    show(cr, banner_, left() + kBannerPadding, top + kBannerPadding);
  }
  rule(cr, kFooterRule);
  const Style footer{.size = 8, .grey = 0.3};
  cairo_set_source_rgb(cr, 0, 0, 0);
  show(cr, text(r_.title, footer, width() * 0.7), left(), kFooterRule + 5);
  show(cr,
       text("Page " + std::to_string(page) + " / " + std::to_string(count),
            Style{.size = 8, .align = PANGO_ALIGN_RIGHT, .grey = 0.3}, width() * 0.3),
       left() + width() * 0.7, kFooterRule + 5);
}

std::string Pages::finish() {
  std::string out;
  const std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
      cairo_pdf_surface_create_for_stream(append, &out, kPageWidth, kPageHeight),
      cairo_surface_destroy);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, clean(r_.title).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 clean(r_.prescriber.name).c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Cabinet");
  {
    const std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                                cairo_destroy);
    const auto count = static_cast<int>(pages_.size());
    for (int i = 0; i < count; ++i) {
      paint_frame(cr.get(), i + 1, count);
      for (const auto& op : pages_[static_cast<std::size_t>(i)]) {
        cairo_save(cr.get());
        cairo_set_source_rgb(cr.get(), 0, 0, 0);
        op(cr.get());
        cairo_restore(cr.get());
      }
      cairo_show_page(cr.get());
    }
  }
  cairo_surface_finish(surface.get());
  if (const auto status = cairo_surface_status(surface.get()); status != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("pdf: cairo: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace cabinet::documents::pdf

#if defined(__SANITIZE_ADDRESS__)
// Fontconfig leaks a few hundred bytes while parsing its configuration, once per process, in the
// thread pango starts to load it: not ours, and not growing (bench/pdf_bench.cpp checks that
// generations do not leak). LSan's default fast unwinding stops at fontconfig's frame, so the
// library is named rather than the function. Every sanitized binary that draws PDFs links this.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
#endif
