#include "write/check_report.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "model/input_error.h"
#include "text/column_letter.h"
#include "text/hidden_characters.h"

namespace kehoach {
namespace {

// "bang.csv, dòng 3 (Trùa), cột G (Giảm hộ nghèo - Tỷ lệ %): ghi 1.8, đúng là 1,90 (2/105 hộ)." The officer
// who receives a hundred tables reads unit names, not row numbers, so the row carries its unit.
std::string finding_line(const ReceivedTable& table, const Finding& f) {
  const std::string unit = f.unit.empty() ? "" : " (" + f.unit + ")";
  const std::string column = format_location(Location{"", {}, f.column, f.column_name});
  const std::string stated = f.stated.empty() ? "ô trống" : "ghi " + f.stated;
  return table.source + ", dòng " + std::to_string(f.row) + unit + column + ": " + stated + ", đúng là " + f.expected +
         " (" + f.reason + ").";
}

std::string scope(const ReceivedTable& table) {
  return std::to_string(table.units.size()) + " đơn vị" + (table.total ? ", có dòng tổng" : ", không có dòng tổng");
}

}  // namespace

std::string check_report_text(const ReceivedTable& table, const std::vector<Finding>& findings) {
  std::ostringstream out;
  for (const auto& f : findings) out << finding_line(table, f) << '\n';
  if (findings.empty())
    out << "Kiểm tra " << table.source << ": không có chỗ sai (" << scope(table) << ").\n";
  else
    out << "Kiểm tra " << table.source << ": " << findings.size() << " chỗ sai (" << scope(table) << ").\n";
  if (!table.households)
    out << "Lưu ý: bảng không có cột \"Tổng số hộ\" nên chưa kiểm tra được các cột tỷ lệ.\n";
  return visible_text(out.str());  // cells quoted as written reach the terminal without their controls
}

std::string check_report_json(const ReceivedTable& table, const std::vector<Finding>& findings) {
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("source", table.source);
  root.set("units", static_cast<int>(table.units.size()));
  root.set("has_total", table.total.has_value());
  root.set("rates_checked", table.households.has_value());
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const auto& f : findings) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("row", f.row);
    o->set("unit", f.unit);
    o->set("column", column_letter(f.column));
    o->set("column_name", f.column_name);
    o->set("stated", f.stated);
    o->set("expected", f.expected);
    o->set("reason", f.reason);
    list->add(o);
  }
  root.set("findings", list);
  std::ostringstream out;
  root.stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace kehoach
