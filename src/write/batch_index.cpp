#include "write/batch_index.h"

#include <string_view>

#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

bool has_notes(const BatchIndex& index) {
  for (const auto& entry : index.entries)
    if (!entry.note.empty()) return true;
  return false;
}

std::string html_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string index_csv(const BatchIndex& index) {
  std::string text = "\xEF\xBB\xBF" "Đơn vị,Cấp,Số hộ";
  for (const auto& label : index.indicator_labels)
    for (const char* column : {" đầu năm", " giảm", " cuối năm", " tỷ lệ cuối năm (%)"})
      text += "," + csv_field(label + column);
  const bool notes = has_notes(index);
  text += std::string(",Kế hoạch,Phụ lục") + (notes ? ",Ghi chú" : "") + "\n";
  for (const auto& e : index.entries) {
    text += csv_field(e.unit) + "," + csv_field(e.level) + "," + std::to_string(e.households);
    for (const auto& f : e.figures)
      text += "," + std::to_string(f.start) + "," + std::to_string(f.reduction) + "," + std::to_string(f.end) + "," +
              csv_field(f.end_rate);
    text += "," + csv_field(e.plan_file) + "," + csv_field(e.appendix_file) + (notes ? "," + csv_field(e.note) : "") + "\n";
  }
  return text;
}

std::string index_html(const BatchIndex& index) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + html_text(index.title) +
                  "</title>\n<style>body{font-family:'Times New Roman',serif}table{border-collapse:collapse}"
                  "td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}</style></head><body>\n<h1>" +
                  html_text(index.title) + "</h1>\n<table>\n<tr><th>Đơn vị</th><th>Cấp</th><th>Số hộ</th>";
  for (const auto& label : index.indicator_labels)
    h += "<th>" + html_text(label) + " đầu năm</th><th>Giảm</th><th>Cuối năm</th><th>Tỷ lệ (%)</th>";
  const bool notes = has_notes(index);
  h += std::string("<th>Tệp</th>") + (notes ? "<th>Ghi chú</th>" : "") + "</tr>\n";
  for (const auto& e : index.entries) {
    h += "<tr><td>" + html_text(e.unit) + "</td><td>" + html_text(e.level) + "</td><td class=\"n\">" +
         format_count(e.households) + "</td>";
    for (const auto& f : e.figures)
      h += "<td class=\"n\">" + format_count(f.start) + "</td><td class=\"n\">" + format_count(f.reduction) +
           "</td><td class=\"n\">" + format_count(f.end) + "</td><td class=\"n\">" + html_text(f.end_rate) + "</td>";
    h += "<td>";
    if (!e.plan_file.empty()) h += "<a href=\"" + html_text(e.plan_file) + "\">Kế hoạch</a> · ";
    if (!e.appendix_file.empty()) h += "<a href=\"" + html_text(e.appendix_file) + "\">Phụ lục</a>";
    h += "</td>";
    if (notes) h += "<td>" + html_text(e.note) + "</td>";
    h += "</tr>\n";
  }
  return h + "</table>\n</body></html>\n";
}

std::string csv_field(const std::string& text) {
  // Excel and LibreOffice run a cell that starts so as a formula, even in a CSV file.
  const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
  const std::string shown = formula ? "'" + text : text;
  if (shown.find_first_of(",\"\n\r") == std::string::npos) return shown;
  std::string quoted = "\"";
  for (char c : shown) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

}  // namespace kehoach
