#include "write/report_json.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "write/records_notes.h"
#include "write/report_labels.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr new_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }
double number(Rate rate) { return static_cast<double>(rate.hundredths) / 100.0; }
Object::Ptr figures_json(const ReportFigures& f, Indicator indicator) {
  Object::Ptr o = new_object();
  o->set("start", f.start);
  o->set("start_rate", number(f.start_rate));
  if (f.movements_known) {
    Object::Ptr movements = new_object();
    const auto& columns = movement_columns(indicator);
    for (std::size_t m = 0; m < kMovementCount; ++m) movements->set(columns[m].key, f.movements[m]);
    o->set("movements", movements);
  }
  o->set("end", f.end);
  o->set("end_rate", number(f.end_rate));
  o->set("target_rate", number(f.target_rate));
  o->set("target", f.target);
  o->set("achieved", f.achieved);
  if (f.share) o->set("share", number(*f.share));
  else o->set("share", Poco::Dynamic::Var());
  return o;
}

Object::Ptr row_json(const Report& report, const ReportRow& row) {
  Object::Ptr o = new_object();
  o->set("name", row.name);
  o->set("households", row.households);
  if (row.end_households) o->set("end_households", *row.end_households);  // what end_rate is a share of
  for (std::size_t k = 0; k < report.indicators.size(); ++k)
    o->set(indicator_key(report.indicators[k]), figures_json(row.figures[k], report.indicators[k]));
  o->set("behind", row.behind);
  return o;
}

}  // namespace

std::string report_json(const Plan& plan, const Report& report) {
  Object::Ptr root = new_object();
  root->set("year", report.year);
  root->set("period", std::string(period_key(report.period)));
  root->set("period_label", period_label(report.period, report.year));
  root->set("issuer", issuer_name(plan));
  root->set("threshold", number(report.threshold));
  Array::Ptr units = new Array;
  Array::Ptr behind = new Array;
  for (const auto& row : report.rows) {
    units->add(row_json(report, row));
    if (row.behind) behind->add(row.name);
  }
  root->set("units", units);
  root->set("total", row_json(report, report.total));
  if (const std::vector<std::string> lines = records_notes(report.notes); !lines.empty()) {
    Poco::JSON::Array::Ptr notes = new Poco::JSON::Array;
    for (const auto& note : lines) notes->add(note);
    root->set("notes", notes);
  }
  root->set("behind", behind);
  std::ostringstream out;
  root->stringify(out, 2);
  out << '\n';
  return out.str();
}

}  // namespace kehoach
