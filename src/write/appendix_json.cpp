#include "write/appendix_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "write/appendix_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr new_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

double number(Rate rate) { return static_cast<double>(rate.hundredths) / 100.0; }

Object::Ptr figures_json(const IndicatorFigures& f) {
  Object::Ptr o = new_object();
  o->set("start", f.start);
  o->set("start_rate", number(f.start_rate));
  o->set("reduction", f.reduction);
  o->set("reduction_rate", number(f.reduction_rate));
  o->set("end", f.end);
  o->set("end_rate", number(f.end_rate));
  return o;
}

Object::Ptr row_json(const AppendixRow& row, const AppendixTable& table, bool with_fixed) {
  Object::Ptr o = new_object();
  o->set("name", row.name);
  o->set("households", row.households);
  for (std::size_t k = 0; k < row.figures.size(); ++k) {
    Object::Ptr f = figures_json(row.figures[k]);
    if (with_fixed) f->set("fixed", row.figures[k].fixed);
    o->set(indicator_key(table.indicators[k].indicator), f);
  }
  return o;
}

Array::Ptr indicators_json(const AppendixTable& table) {
  Array::Ptr list = new Array;
  for (const auto& target : table.indicators) {
    Object::Ptr o = new_object();
    o->set("indicator", std::string(indicator_key(target.indicator)));
    o->set("target_reduction", target.target_reduction);
    if (target.from_rate) o->set("target_end_rate", number(target.requested_end_rate));
    list->add(o);
  }
  return list;
}

}  // namespace

std::string appendix_json(const Plan& plan, const AppendixTable& table) {
  Object::Ptr root = new_object();
  root->set("year", table.year);
  root->set("issuer", issuer_name(plan));
  root->set("document_number", document_number(plan.number, plan.symbol));
  root->set("draft", !plan.number || !plan.date);
  root->set("title", appendix_title(plan, table));
  root->set("attachment", attachment_line(plan));
  root->set("unit_label", table.unit_label);
  root->set("indicators", indicators_json(table));
  Array::Ptr units = new Array;
  for (const auto& row : table.rows) units->add(row_json(row, table, true));
  root->set("units", units);
  root->set("total", row_json(table.total, table, false));
  std::ostringstream out;
  root->stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace kehoach
