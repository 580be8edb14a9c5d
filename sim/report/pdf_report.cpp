#include "report/pdf_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/core.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "io/output_file.hpp"
#include "report/chart_layout.hpp"

namespace werkstroom::report {

namespace {

// A4 in points, and the page's margins.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 48.0;
constexpr double kContentWidth = kPageWidth - 2.0 * kMargin;
constexpr double kBody = 9.0;  // body text size, points
constexpr double kChartUnits = 760.0;
constexpr double kChartFont = 12.0;  // in chart units

const char* kFace = "DejaVu Sans";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutDeleter>;

void set_colour(cairo_t* cr, Rgb c, double alpha = 1.0) {
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

Rgb tone_colour(Tone tone) {
  switch (tone) {
    case Tone::better:
      return {0.80, 0.925, 0.80};
    case Tone::worse:
      return {0.965, 0.81, 0.80};
    case Tone::unclear:
      return {0.894, 0.894, 0.894};
    case Tone::none:
      break;
  }
  return {1.0, 1.0, 1.0};
}

/// `text` with the spaces inside an amount or a unit ("€ 1.234", "+3 %-punt") made
/// non-breaking, so that a wrapped cell breaks between figures, not inside one.
std::string keep_together(std::string text) {
  static const std::string kNoBreak = "\u00a0";
  for (const std::string& glued : {std::string("€ "), std::string(" %-punt"), std::string(" pp")}) {
    const std::string replacement = glued.front() == ' '
                                        ? kNoBreak + glued.substr(1)
                                        : glued.substr(0, glued.size() - 1) + kNoBreak;
    for (std::size_t at = text.find(glued); at != std::string::npos;
         at = text.find(glued, at + replacement.size())) {
      text.replace(at, glued.size(), replacement);
    }
  }
  return text;
}

class PdfWriter {
 public:
  PdfWriter(cairo_t* cr, std::string footer) : cr_(cr), footer_(std::move(footer)) {}

  /// A layout of `text` in `size` points (bold when asked), wrapped at `width` (<= 0: none).
  LayoutPtr layout(const std::string& text, double size, bool bold, double width) const {
    LayoutPtr l(pango_cairo_create_layout(cr_));
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, kFace);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(l.get(), font);
    pango_font_description_free(font);
    if (width > 0.0) {
      pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
      pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    }
    pango_layout_set_text(l.get(), keep_together(text).c_str(), -1);
    return l;
  }

  static double height_of(PangoLayout* l) {
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }
  static double width_of(PangoLayout* l) {
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(w) / PANGO_SCALE;
  }

  void draw(PangoLayout* l, double x, double y, Rgb colour = {0.13, 0.13, 0.13}) {
    set_colour(cr_, colour);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  /// Starts a new page unless `height` still fits on this one.
  void ensure(double height) {
    if (y_ + height > kPageHeight - kMargin) new_page();
  }

  void new_page() {
    finish_page();
    cairo_show_page(cr_);
    y_ = kMargin;
  }

  void finish_page() {
    ++page_;
    const LayoutPtr l = layout(fmt::format("{} · {}", footer_, page_), 7.5, false, kContentWidth);
    pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
    draw(l.get(), kMargin, kPageHeight - kMargin + 14.0, {0.45, 0.45, 0.45});
  }

  void title(const std::string& text, const std::string& subtitle) {
    const LayoutPtr t = layout(text, 17.0, true, kContentWidth);
    draw(t.get(), kMargin, y_);
    y_ += height_of(t.get()) + 4.0;
    const LayoutPtr s = layout(subtitle, kBody, false, kContentWidth);
    draw(s.get(), kMargin, y_, {0.35, 0.35, 0.35});
    y_ += height_of(s.get()) + 10.0;
  }

  /// A heading, kept on a page with at least `keep` points of what follows.
  void heading(const std::string& text, double size, double keep) {
    const LayoutPtr l = layout(text, size, true, kContentWidth);
    const double h = height_of(l.get());
    ensure(h + 8.0 + keep);
    y_ += 8.0;
    draw(l.get(), kMargin, y_);
    y_ += h + 2.0;
    if (size > 12.0) {
      set_colour(cr_, {0.13, 0.13, 0.13});
      cairo_set_line_width(cr_, 1.2);
      cairo_move_to(cr_, kMargin, y_);
      cairo_line_to(cr_, kMargin + kContentWidth, y_);
      cairo_stroke(cr_);
      y_ += 5.0;
    }
  }

  void paragraph(const Paragraph& p) {
    const double inset = p.emphasis ? 8.0 : 0.0;
    const LayoutPtr l =
        layout(p.text, p.emphasis ? 10.0 : kBody, p.emphasis, kContentWidth - 2.0 * inset);
    const double h = height_of(l.get()) + 2.0 * inset;
    ensure(h + 4.0);
    if (p.emphasis) {
      set_colour(cr_, {0.95, 0.95, 0.95});
      cairo_rectangle(cr_, kMargin, y_, kContentWidth, h);
      cairo_fill(cr_);
      set_colour(cr_, palette(0));
      cairo_rectangle(cr_, kMargin, y_, 3.5, h);
      cairo_fill(cr_);
    }
    draw(l.get(), kMargin + inset, y_ + inset);
    y_ += h + 6.0;
  }

  void bullets(const Bullets& b) {
    for (const std::string& item : b.items) {
      const LayoutPtr l = layout(item, kBody, false, kContentWidth - 14.0);
      const double h = height_of(l.get());
      ensure(h + 2.0);
      const LayoutPtr dot = layout("•", kBody, false, 0.0);
      draw(dot.get(), kMargin + 3.0, y_);
      draw(l.get(), kMargin + 14.0, y_);
      y_ += h + 2.5;
    }
    y_ += 4.0;
  }

  void legend(const Legend& legend) {
    double x = kMargin;
    const double size = 8.0;
    for (const auto& [tone, text] : legend.items) {
      const LayoutPtr l = layout(text, size, false, 0.0);
      const double w = 16.0 + width_of(l.get()) + 14.0;
      if (x + w > kMargin + kContentWidth && x > kMargin) {
        x = kMargin;
        y_ += size * 1.6;
      }
      ensure(size * 1.6);
      set_colour(cr_, tone_colour(tone));
      cairo_rectangle(cr_, x, y_ + 1.5, 11.0, 8.0);
      cairo_fill_preserve(cr_);
      set_colour(cr_, {0.6, 0.6, 0.6});
      cairo_set_line_width(cr_, 0.5);
      cairo_stroke(cr_);
      draw(l.get(), x + 15.0, y_);
      x += w;
    }
    y_ += size * 1.6 + 6.0;
  }

  void table(const Table& t) {
    const std::size_t columns = t.header.size();
    if (columns == 0) return;
    const double size = columns > 5 ? 7.0 : 7.8;
    const double pad = 3.0;
    // Column widths: each its natural width (the longest cell, unwrapped), scaled down to the
    // page where the table is too wide; the first column never below a third of its own.
    std::vector<double> natural(columns, 0.0);
    const auto measure = [&](const std::string& text, std::size_t c, bool bold) {
      const LayoutPtr l = layout(text, size, bold, 0.0);
      natural[c] = std::max(natural[c], width_of(l.get()) + 2.0 * pad + 1.0);
    };
    for (std::size_t c = 0; c < columns; ++c) measure(t.header[c], c, true);
    for (const auto& row : t.rows) {
      for (std::size_t c = 0; c < columns && c < row.size(); ++c) measure(row[c].text, c, false);
    }
    double total = 0.0;
    for (const double w : natural) total += w;
    std::vector<double> widths = natural;
    // Columns of numbers keep their width (a number is not broken over lines) when the other
    // columns can give up the room
    // (a column of numbers: four in five of its cells read as numbers; the first column never).
    std::vector<bool> numbers(columns, false);
    double fixed = 0.0;
    for (std::size_t c = 1; c < columns; ++c) {
      std::size_t count = 0;
      for (const auto& row : t.rows) {
        if (c < row.size() && reads_as_number(row[c].text)) ++count;
      }
      numbers[c] = !t.rows.empty() && 5 * count >= 4 * t.rows.size();
      if (numbers[c]) fixed += natural[c];
    }
    if (total > kContentWidth && fixed < kContentWidth * 0.8 && fixed > 0.0) {
      const double rest = total - fixed;
      for (std::size_t c = 0; c < columns; ++c) {
        if (!numbers[c]) widths[c] = natural[c] * (kContentWidth - fixed) / rest;
      }
    } else if (total > kContentWidth) {
      // Shrink the widest columns first: cap every column at a common width found by
      // bisection so that the sum fits.
      double lo = 0.0;
      double hi = *std::max_element(natural.begin(), natural.end());
      for (int i = 0; i < 40; ++i) {
        const double cap = (lo + hi) / 2.0;
        double sum = 0.0;
        for (const double w : natural) sum += std::min(w, cap);
        (sum > kContentWidth ? hi : lo) = cap;
      }
      for (double& w : widths) w = std::min(w, lo);
    }
    const auto row_height = [&](const std::vector<std::string>& texts, bool bold) {
      double h = 0.0;
      for (std::size_t c = 0; c < columns && c < texts.size(); ++c) {
        const LayoutPtr l = layout(texts[c], size, bold, widths[c] - 2.0 * pad);
        h = std::max(h, height_of(l.get()));
      }
      return h + 2.0 * pad;
    };
    const auto draw_row = [&](const std::vector<Cell>& cells, bool bold) {
      std::vector<std::string> texts;
      texts.reserve(cells.size());
      for (const Cell& c : cells) texts.push_back(c.text);
      const double h = row_height(texts, bold);
      double x = kMargin;
      for (std::size_t c = 0; c < columns; ++c) {
        const Tone tone = c < cells.size() ? cells[c].tone : Tone::none;
        set_colour(cr_, bold ? Rgb{0.93, 0.93, 0.93} : tone_colour(tone));
        cairo_rectangle(cr_, x, y_, widths[c], h);
        cairo_fill_preserve(cr_);
        set_colour(cr_, {0.75, 0.75, 0.75});
        cairo_set_line_width(cr_, 0.5);
        cairo_stroke(cr_);
        if (c < texts.size()) {
          const LayoutPtr l = layout(texts[c], size, bold, widths[c] - 2.0 * pad);
          if (!bold && c > 0 && reads_as_number(texts[c])) {
            pango_layout_set_alignment(l.get(), PANGO_ALIGN_RIGHT);
          }
          draw(l.get(), x + pad, y_ + pad);
        }
        x += widths[c];
      }
      y_ += h;
      return h;
    };
    std::vector<Cell> header;
    header.reserve(columns);
    for (const std::string& h : t.header) header.push_back({h});
    ensure(row_height(t.header, true) +
           (t.rows.empty() ? 0.0 : row_height({t.rows.front().front().text}, false) + 20.0));
    draw_row(header, true);
    for (const auto& row : t.rows) {
      std::vector<std::string> texts;
      texts.reserve(row.size());
      for (const Cell& c : row) texts.push_back(c.text);
      const double h = row_height(texts, false);
      if (y_ + h > kPageHeight - kMargin) {
        new_page();
        draw_row(header, true);  // the header again on the new page
      }
      draw_row(row, false);
    }
    y_ += 8.0;
  }

  /// A chart: its title, the drawing (the layout of chart_layout.hpp scaled to the page) and
  /// its caption, kept on one page.
  void chart(const Chart& c, experiment::Language language) {
    const ChartLayout l = layout_chart(c, kChartUnits, kChartFont, language);
    const double scale = kContentWidth / kChartUnits;
    const LayoutPtr caption = layout(c.caption, 8.0, false, kContentWidth);
    const LayoutPtr title_layout = layout(c.title, 10.0, true, kContentWidth);
    const double needed = height_of(title_layout.get()) + 4.0 + l.height * scale + 4.0 +
                          height_of(caption.get()) + 10.0;
    ensure(needed);
    y_ += 4.0;
    draw(title_layout.get(), kMargin, y_);
    y_ += height_of(title_layout.get()) + 4.0;
    cairo_save(cr_);
    cairo_translate(cr_, kMargin, y_);
    cairo_scale(cr_, scale, scale);
    draw_chart(c, l);
    cairo_restore(cr_);
    y_ += l.height * scale + 4.0;
    draw(caption.get(), kMargin, y_, {0.33, 0.33, 0.33});
    y_ += height_of(caption.get()) + 12.0;
  }

 private:
  /// Text at (x, baseline y) in chart units, anchored at its start (0), middle (0.5) or end (1).
  void chart_text(const std::string& text, double x, double y, double anchor, Rgb colour) {
    const LayoutPtr l = layout(text, kChartFont, false, 0.0);
    const double baseline = static_cast<double>(pango_layout_get_baseline(l.get())) / PANGO_SCALE;
    draw(l.get(), x - anchor * width_of(l.get()), y - baseline, colour);
  }

  void line(double x1, double y1, double x2, double y2, Rgb colour, double width, bool dashed) {
    set_colour(cr_, colour);
    cairo_set_line_width(cr_, width);
    if (dashed) {
      const std::array<double, 2> dash = {5.0, 3.0};
      cairo_set_dash(cr_, dash.data(), 2, 0.0);
    }
    cairo_move_to(cr_, x1, y1);
    cairo_line_to(cr_, x2, y2);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0.0);
  }

  void draw_chart(const Chart& c, const ChartLayout& l) {
    const Rgb ink{0.2, 0.2, 0.2};
    const Rgb grid{0.85, 0.85, 0.85};
    for (std::size_t i = 0; i < l.y_ticks.size(); ++i) {
      const double y = l.y(l.y_ticks[i]);
      const bool zero = l.y_ticks[i] == 0.0;
      line(l.left, y, l.right, y, zero ? grey() : grid, zero ? 1.2 : 0.8, false);
      chart_text(l.y_tick_labels[i], l.left - kChartFont * 0.4, y + kChartFont * 0.35, 1.0, ink);
    }
    for (std::size_t m = 0; m < l.months; ++m) {
      const double x = l.x(static_cast<double>(m));
      line(x, l.bottom, x, l.bottom + kChartFont * 0.3, ink, 1.0, false);
      if (l.labelled(m)) chart_text(c.months[m], x, l.month_label_y, 0.5, ink);
      if (l.year_shown[m]) {
        chart_text(c.years[m], x, l.year_label_y, 0.5, ink);
      }
    }
    line(l.left, l.bottom, l.right, l.bottom, ink, 1.0, false);
    line(l.left, l.top, l.left, l.bottom, ink, 1.0, false);
    chart_text(c.x_label, (l.left + l.right) / 2.0, l.x_label_y, 0.5, ink);
    cairo_save(cr_);
    cairo_translate(cr_, kChartFont * 1.1, (l.top + l.bottom) / 2.0);
    cairo_rotate(cr_, -std::numbers::pi / 2.0);
    chart_text(c.y_label, 0.0, 0.0, 0.5, ink);
    cairo_restore(cr_);
    if (c.marker_month) {
      const double x = l.x(static_cast<double>(*c.marker_month) + 0.5);
      const std::array<double, 2> dash = {2.0, 3.0};
      set_colour(cr_, grey());
      cairo_set_line_width(cr_, 1.0);
      cairo_set_dash(cr_, dash.data(), 2, 0.0);
      cairo_move_to(cr_, x, l.top);
      cairo_line_to(cr_, x, l.bottom);
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0.0);
      chart_text(c.marker_label, x, l.top - kChartFont * 0.5, 0.5, grey());
    }
    for (const ChartSeries& s : c.series) {
      if (!s.band) continue;
      for (const auto& [first, last] : finite_runs(s.low, s.high)) {
        cairo_move_to(cr_, l.x(static_cast<double>(first)), l.y(s.high[first]));
        for (std::size_t m = first + 1; m <= last; ++m) {
          cairo_line_to(cr_, l.x(static_cast<double>(m)), l.y(s.high[m]));
        }
        for (std::size_t m = last + 1; m-- > first;) {
          cairo_line_to(cr_, l.x(static_cast<double>(m)), l.y(s.low[m]));
        }
        cairo_close_path(cr_);
        set_colour(cr_, palette(s.colour), 0.18);
        cairo_fill(cr_);
      }
    }
    for (const ReferenceLine& r : c.lines) {
      const std::array<double, 2> dash = {7.0, 4.0};
      set_colour(cr_, r.colour ? palette(*r.colour) : grey());
      cairo_set_line_width(cr_, 1.4);
      cairo_set_dash(cr_, dash.data(), 2, 0.0);
      cairo_move_to(cr_, l.left, l.y(r.value));
      cairo_line_to(cr_, l.right, l.y(r.value));
      cairo_stroke(cr_);
      cairo_set_dash(cr_, nullptr, 0, 0.0);
    }
    for (const ChartSeries& s : c.series) {
      for (const auto& [first, last] : finite_runs(s.mean, s.mean)) {
        cairo_move_to(cr_, l.x(static_cast<double>(first)), l.y(s.mean[first]));
        for (std::size_t m = first + 1; m <= last; ++m) {
          cairo_line_to(cr_, l.x(static_cast<double>(m)), l.y(s.mean[m]));
        }
        set_colour(cr_, palette(s.colour));
        cairo_set_line_width(cr_, 2.2);
        if (s.dashed) {
          const std::array<double, 2> dash = {5.0, 3.0};
          cairo_set_dash(cr_, dash.data(), 2, 0.0);
        }
        cairo_stroke(cr_);
        cairo_set_dash(cr_, nullptr, 0, 0.0);
      }
    }
    for (const LegendEntry& e : l.legend) {
      const Rgb colour = e.colour ? palette(*e.colour) : grey();
      const double mid = e.y - kChartFont * 0.35;
      if (e.band) {
        set_colour(cr_, colour, 0.18);
        cairo_rectangle(cr_, e.x, mid - kChartFont * 0.5, kChartFont * 2.2, kChartFont);
        cairo_fill(cr_);
      }
      line(e.x, mid, e.x + kChartFont * 2.2, mid, colour, 2.2, e.dashed);
      chart_text(e.text, e.x + kChartFont * 2.7, e.y, 0.0, ink);
    }
  }

  cairo_t* cr_;
  std::string footer_;
  double y_ = kMargin;
  int page_ = 0;
};

}  // namespace

void write_pdf_report(const std::filesystem::path& path, const ReportModel& model) {
  io::PendingFile file(path, "PDF report");
  cairo_surface_t* surface =
      cairo_pdf_surface_create(file.temporary().c_str(), kPageWidth, kPageHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, model.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "werkstroom report");
  cairo_t* cr = cairo_create(surface);
  const experiment::Language language =
      model.language_code == "nl" ? experiment::Language::nl : experiment::Language::en;
  {
    PdfWriter writer(cr, model.title);
    writer.title(model.title, model.subtitle);
    for (const Section& section : model.sections) {
      // A heading stays with its first block: a chart needs most of a third of the page.
      const bool chart_first =
          !section.blocks.empty() && std::holds_alternative<Chart>(section.blocks.front());
      writer.heading(section.heading, 13.0, chart_first ? kPageHeight * 0.4 : 60.0);
      for (const Block& block : section.blocks) {
        std::visit(
            [&writer, language](const auto& b) {
              using T = std::decay_t<decltype(b)>;
              if constexpr (std::is_same_v<T, Paragraph>) writer.paragraph(b);
              if constexpr (std::is_same_v<T, Bullets>) writer.bullets(b);
              if constexpr (std::is_same_v<T, Table>) writer.table(b);
              if constexpr (std::is_same_v<T, Legend>) writer.legend(b);
              if constexpr (std::is_same_v<T, Chart>) writer.chart(b, language);
            },
            block);
      }
    }
    writer.finish_page();
  }
  cairo_show_page(cr);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t written = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS || written != CAIRO_STATUS_SUCCESS) {
    throw io::WriteError(
        fmt::format("cannot write PDF report {}: {}", path.string(),
                    cairo_status_to_string(drawn != CAIRO_STATUS_SUCCESS ? drawn : written)));
  }
  file.commit();
}

}  // namespace werkstroom::report
