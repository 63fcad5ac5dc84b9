#include "write/batch_index.h"

#include <fstream>

#include "model/input_error.h"
#include "package/atomic_file.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
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

void write_whole(const std::string& path, const std::string& text) {
  AtomicFile file(path);
  {
    std::ofstream out(file.temporary_path(), std::ios::binary);
    out << text;
    if (!out) throw OutputError("không ghi được " + path);
  }
  file.commit();
}

std::string csv_text(const BatchIndex& index) {
  std::string text = "\xEF\xBB\xBF" "Đơn vị,Cấp,Số hộ";
  for (const auto& label : index.indicator_labels)
    for (const char* column : {" đầu năm", " giảm", " cuối năm", " tỷ lệ cuối năm (%)"})
      text += "," + csv_field(label + column);
  text += ",Kế hoạch,Phụ lục\n";
  for (const auto& e : index.entries) {
    text += csv_field(e.unit) + "," + csv_field(e.level) + "," + std::to_string(e.households);
    for (const auto& f : e.figures)
      text += "," + std::to_string(f.start) + "," + std::to_string(f.reduction) + "," + std::to_string(f.end) + "," +
              csv_field(f.end_rate);
    text += "," + csv_field(e.plan_file) + "," + csv_field(e.appendix_file) + "\n";
  }
  return text;
}

std::string html_text_of(const BatchIndex& index) {
  std::string h = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + html_text(index.title) +
                  "</title>\n<style>body{font-family:'Times New Roman',serif}table{border-collapse:collapse}"
                  "td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}</style></head><body>\n<h1>" +
                  html_text(index.title) + "</h1>\n<table>\n<tr><th>Đơn vị</th><th>Cấp</th><th>Số hộ</th>";
  for (const auto& label : index.indicator_labels)
    h += "<th>" + html_text(label) + " đầu năm</th><th>Giảm</th><th>Cuối năm</th><th>Tỷ lệ (%)</th>";
  h += "<th>Tệp</th></tr>\n";
  for (const auto& e : index.entries) {
    h += "<tr><td>" + html_text(e.unit) + "</td><td>" + html_text(e.level) + "</td><td class=\"n\">" +
         format_count(e.households) + "</td>";
    for (const auto& f : e.figures)
      h += "<td class=\"n\">" + format_count(f.start) + "</td><td class=\"n\">" + format_count(f.reduction) +
           "</td><td class=\"n\">" + format_count(f.end) + "</td><td class=\"n\">" + html_text(f.end_rate) + "</td>";
    h += "<td>";
    if (!e.plan_file.empty()) h += "<a href=\"" + html_text(e.plan_file) + "\">Kế hoạch</a> · ";
    h += "<a href=\"" + html_text(e.appendix_file) + "\">Phụ lục</a></td></tr>\n";
  }
  return h + "</table>\n</body></html>\n";
}

}  // namespace

void write_batch_index(const BatchIndex& index, const std::string& folder) {
  write_whole(folder + "/index.csv", csv_text(index));
  write_whole(folder + "/index.html", html_text_of(index));
}

}  // namespace kehoach
