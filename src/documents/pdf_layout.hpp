#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "documents/rendering.hpp"

// Pages of a document, laid out before any is drawn: the body flows from page to page (text
// breaks between lines), then every page is painted with its header, the stand-in banner and
// its "Page n / m" footer, now that m is known.
namespace cabinet::documents::pdf {

// A4 in PostScript points, cairo's PDF unit.
inline constexpr double kPageWidth = 595.276;
inline constexpr double kPageHeight = 841.89;
inline constexpr double kMargin = 50;

struct Style {
  double size = 10;
  bool bold = false;
  bool italic = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
  double grey = 0;  // 0 black … 1 white
};

inline constexpr Style kBody{};
inline constexpr Style kBold{.bold = true};
inline constexpr Style kItalic{.italic = true};
inline constexpr Style kSmall{.size = 8.5, .grey = 0.25};
inline constexpr Style kHeading{.size = 11.5, .bold = true};
inline constexpr Style kTitle{.size = 17, .bold = true, .align = PANGO_ALIGN_CENTER};

using Layout = std::shared_ptr<PangoLayout>;
using Draw = std::function<void(cairo_t*)>;

class Pages {
 public:
  explicit Pages(const Rendering& r);

  // A layout of plain text (or pango markup, already escaped) wrapped at `width` points.
  [[nodiscard]] Layout text(std::string_view text, const Style& style, double width) const;
  [[nodiscard]] Layout markup(std::string_view markup, const Style& style, double width) const;
  [[nodiscard]] Layout text(std::string_view t, const Style& style = kBody) const {
    return text(t, style, width());
  }
  [[nodiscard]] Layout markup(std::string_view m, const Style& style = kBody) const {
    return markup(m, style, width());
  }
  [[nodiscard]] static double height(const Layout& layout);

  [[nodiscard]] double left() const { return kMargin; }
  [[nodiscard]] double width() const { return kPageWidth - 2 * kMargin; }
  [[nodiscard]] double y() const { return y_; }
  [[nodiscard]] double remaining() const { return body_bottom_ - y_; }
  [[nodiscard]] bool page_empty() const { return y_ == body_top_; }
  [[nodiscard]] double body_height() const { return body_bottom_ - body_top_; }
  [[nodiscard]] std::size_t page_count() const { return pages_.size(); }

  void space(double points);
  // Starts a new page unless `height` fits on this one or would not fit on any.
  void keep(double height);
  void new_page();
  // Places a layout line by line at the cursor, breaking pages between lines. With `uri`, the
  // text is a link (a cairo LINK tag around each line).
  void flow(const Layout& layout, double indent = 0, const std::string& uri = {});
  // A heading with room for at least `with` points after it on the same page.
  void heading(std::string_view text, double with = 40);
  // Draws something on the current page (absolute coordinates) without moving the cursor.
  void draw(Draw op) { pages_.back().push_back(std::move(op)); }
  // Moves the cursor down to `y` if it is above it.
  void advance_to(double y);

  // Paints every page and returns the PDF.
  [[nodiscard]] std::string finish();

 private:
  void paint_frame(cairo_t* cr, int page, int count) const;

  const Rendering& r_;
  Layout header_left_;
  Layout banner_;
  double body_top_ = 0;
  double body_bottom_ = 0;
  double y_ = 0;
  std::vector<std::vector<Draw>> pages_;
};

// Draws `layout` with its top-left corner at (x, y).
void show(cairo_t* cr, const Layout& layout, double x, double y);

}  // namespace cabinet::documents::pdf
