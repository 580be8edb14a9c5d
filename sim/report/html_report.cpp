#include "report/html_report.hpp"

#include <fmt/core.h>

#include <type_traits>

#include "report/chart_layout.hpp"
#include "report/svg_chart.hpp"

namespace werkstroom::report {

namespace {

constexpr const char* kStyle = R"(
:root { --ink: #222; --muted: #555; --rule: #ccc; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: var(--ink);
       max-width: 1120px; margin: 0 auto; padding: 24px 32px 48px; line-height: 1.45;
       font-size: 15px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 20px; }
h2 { font-size: 20px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; margin-top: 30px; }
h3 { font-size: 16px; margin: 22px 0 6px; }
p.headline { font-size: 16px; font-weight: bold; background: #f3f3f3; padding: 10px 14px;
             border-left: 5px solid #0072b2; }
table { border-collapse: collapse; margin: 10px 0; font-size: 13.5px; width: 100%; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #eee; }
td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.mono { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; word-break: break-all; }
.better { background: #cdeccd; }
.worse { background: #f6cfcc; }
.unclear { background: #e4e4e4; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; margin: 4px 0 10px; }
.legend span.swatch { display: inline-block; width: 16px; height: 12px; border: 1px solid #999;
                      vertical-align: -1px; margin-right: 5px; }
figure { margin: 14px 0 22px; }
figcaption { color: var(--muted); font-size: 13.5px; margin-top: 2px; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
li { margin: 3px 0; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { page-break-after: avoid; break-after: avoid; }
  figure, table, p.headline, .legend { page-break-inside: avoid; break-inside: avoid; }
  table.long { page-break-inside: auto; break-inside: auto; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

std::string tone_class(Tone tone) {
  switch (tone) {
    case Tone::better:
      return "better";
    case Tone::worse:
      return "worse";
    case Tone::unclear:
      return "unclear";
    case Tone::none:
      break;
  }
  return "";
}

bool hash_like(const std::string& text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string render(const Paragraph& p) {
  return fmt::format("<p{}>{}</p>\n", p.emphasis ? R"( class="headline")" : "", escape_xml(p.text));
}

std::string render(const Bullets& b) {
  std::string out = "<ul>\n";
  for (const std::string& item : b.items) out += "<li>" + escape_xml(item) + "</li>\n";
  return out + "</ul>\n";
}

// Rows a table may have and still be kept on one printed page; a longer one (the key figures)
// starts where it is and breaks between rows, its header repeated on the next page, so its
// heading is not left alone above an empty half page.
constexpr std::size_t kRowsKeptTogether = 12;

std::string render(const Table& t) {
  std::string out = t.rows.size() > kRowsKeptTogether ? "<table class=\"long\">\n<thead><tr>"
                                                      : "<table>\n<thead><tr>";
  for (const std::string& h : t.header) out += "<th>" + escape_xml(h) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string cls = tone_class(row[i].tone);
      if (i > 0 && reads_as_number(row[i].text)) cls += cls.empty() ? "number" : " number";
      if (hash_like(row[i].text)) cls += cls.empty() ? "mono" : " mono";
      out +=
          (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">") + escape_xml(row[i].text) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string render(const Legend& l) {
  std::string out = "<div class=\"legend\">";
  for (const auto& [tone, text] : l.items) {
    out += fmt::format(R"(<span><span class="swatch {}"></span>{}</span>)", tone_class(tone),
                       escape_xml(text));
  }
  return out + "</div>\n";
}

std::string render(const Chart& c, experiment::Language language) {
  return fmt::format("<figure>\n<h3>{}</h3>\n{}<figcaption>{}</figcaption>\n</figure>\n",
                     escape_xml(c.title), svg_chart(c, language), escape_xml(c.caption));
}

}  // namespace

std::string html_report(const ReportModel& model) {
  const experiment::Language language =
      model.language_code == "nl" ? experiment::Language::nl : experiment::Language::en;
  std::string out;
  out += fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
      model.language_code, escape_xml(model.title), kStyle);
  out += fmt::format("<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n", escape_xml(model.title),
                     escape_xml(model.subtitle));
  for (const Section& section : model.sections) {
    out += fmt::format("<section>\n<h2>{}</h2>\n", escape_xml(section.heading));
    for (const Block& block : section.blocks) {
      out += std::visit(
          [language](const auto& b) -> std::string {
            if constexpr (std::is_same_v<std::decay_t<decltype(b)>, Chart>) {
              return render(b, language);
            } else {
              return render(b);
            }
          },
          block);
    }
    out += "</section>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace werkstroom::report
