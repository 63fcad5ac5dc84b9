#pragma once
// Pages read as a browser reads them and the examples typed into their forms, for the tests of the commune's
// pages: a form's fields as a browser would send them untouched, a field's value, the example plan of An Hòa
// Thịnh as the plan form takes it, and that plan made through the pages (the village table uploaded, "Tạo
// văn bản" pressed).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/plan_input.h"
#include "read/plan_reader.h"
#include "web/html.h"
#include "web_fixture.h"

namespace kehoach::testing {

inline std::string example_path(const std::string& name) { return std::string(KEHOACH_EXAMPLES) + "/" + name; }

inline std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string path_of(const UnitRecord& unit, const std::string& page = "") {
  return "/don-vi/" + std::to_string(unit.id) + (page.empty() ? "" : "/" + page);
}

inline std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

inline std::string html_text(std::string text) {
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  return text;
}

// An attribute of a tag as written ("" when it has none), its character references read.
inline std::string attribute(const std::string& tag, const std::string& name) {
  const std::size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return "";
  const std::size_t start = at + name.size() + 3;
  return html_text(tag.substr(start, tag.find('"', start) - start));
}

// Every field of the page's form posting to `action`, as a browser sends it untouched: inputs (checkboxes
// only when checked, no buttons), textareas, the selected option of each select.
inline Fields form_fields(const Page& page, const std::string& action) {
  Fields fields;
  const std::size_t begin = page.body.find("action=\"" + escape_html(action) + "\"");
  const std::size_t end = page.body.find("</form>", begin);
  if (begin == std::string::npos) return fields;
  for (std::size_t at = page.body.find('<', begin); at < end; at = page.body.find('<', at + 1)) {
    const std::string tag = page.body.substr(at, page.body.find('>', at) - at + 1);
    if (tag.rfind("<input", 0) == 0) {
      const std::string type = attribute(tag, "type");
      if (type == "file" || (type == "checkbox" && tag.find(" checked") == std::string::npos)) continue;
      fields.emplace_back(attribute(tag, "name"), attribute(tag, "value"));
    } else if (tag.rfind("<textarea", 0) == 0) {
      const std::size_t text = at + tag.size();
      fields.emplace_back(attribute(tag, "name"), html_text(page.body.substr(text, page.body.find("</textarea>", text) - text)));
    } else if (tag.rfind("<select", 0) == 0) {
      const std::size_t close = page.body.find("</select>", at);
      const std::string options = page.body.substr(at, close - at);
      std::size_t chosen = options.find(" selected>");
      if (chosen == std::string::npos) chosen = options.find("<option");
      const std::size_t option = options.rfind("<option", chosen);
      fields.emplace_back(attribute(tag, "name"), attribute(options.substr(option, options.find('>', option) - option + 1), "value"));
    }
  }
  return fields;
}

// `fields` with each of `typed` put in (replacing a field of the same name, or added).
inline Fields typed_into(Fields fields, const Fields& typed) {
  for (const auto& [name, value] : typed) {
    bool found = false;
    for (auto& field : fields)
      if (field.first == name) field.second = value, found = true;
    if (!found) fields.emplace_back(name, value);
  }
  return fields;
}

// The example plan of An Hòa Thịnh (data/examples/an-hoa-thinh-2022/ke-hoach.yaml) typed into the form.
inline Fields example_fields(const std::string& action) {
  const Plan plan = read_plan(example_path("an-hoa-thinh-2022/ke-hoach.yaml"));
  const PlanText& text = plan.text;
  Fields fields{{"so-van-ban", ""}, {"ky-hieu", "KH-UBND"}, {"ngay-ban-hanh", ""}, {"mau", "xa"},
                {"co-quan-cap-tren", plan.parent_body}, {"co-quan-ban-hanh", plan.issuing_body},
                {"ten-don-vi", plan.unit}, {"dia-danh", plan.place},
                {"chi-tieu-ngheo", "ty-le"}, {"gia-tri-ngheo", "4,93"},
                {"chi-tieu-can-ngheo", "ty-le"}, {"gia-tri-can-ngheo", "5,86%"},
                {"ten-phu-luc", plan.appendix_title}, {"trich-yeu", text.summary},
                {"can-cu", joined(text.legal_bases)}, {"cau-dan", text.preamble}, {"chi-tieu-khac", joined(text.goals)},
                {"noi-nhan", joined(text.recipients)}, {"ky-tm", text.signature.authority},
                {"ky-kt", text.signature.deputy}, {"chuc-vu", text.signature.title}, {"nguoi-ky", ""},
                {"han-6m", "10/06"}, {"han-nam", "10/11"}, {"hanh-dong", action}};
  fields.emplace_back("so-co-quan", std::to_string(text.agencies.size()));
  for (std::size_t i = 0; i < text.agencies.size(); ++i) {
    fields.emplace_back("co-quan-" + std::to_string(i + 1) + "-ten", text.agencies[i].name);
    fields.emplace_back("co-quan-" + std::to_string(i + 1) + "-nhiem-vu", joined(text.agencies[i].tasks));
  }
  // The villages in the table's order, with the fixed figures the example gives.
  std::vector<std::string> villages;
  for (const AppendixRow& row : load_plan(example_path("an-hoa-thinh-2022/ke-hoach.yaml")).table.rows)
    villages.push_back(row.name);
  fields.emplace_back("so-thon", std::to_string(villages.size()));
  for (std::size_t i = 0; i < villages.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    const std::string& name = villages[i];
    fields.emplace_back("co-dinh-" + n + "-thon", name);
    for (const Target& target : plan.targets)
      for (const FixedFigure& fixed : target.fixed)
        if (fixed.unit == name)
          fields.emplace_back("co-dinh-" + n + (target.indicator == Indicator::Poor ? "-ngheo" : "-can-ngheo"),
                              fixed.all ? "hết" : std::to_string(fixed.reduction));
  }
  return fields;
}

// The value of the page's input named `name` ("" when there is none).
inline std::string value_of(const Page& page, const std::string& name) {
  const std::size_t at = page.body.find("name=\"" + name + "\"");
  if (at == std::string::npos) return "(no such field)";
  const std::size_t end = page.body.find('>', at);
  const std::size_t value = page.body.find("value=\"", at);
  if (value == std::string::npos || value > end) return "";
  return html_text(page.body.substr(value + 7, page.body.find('"', value + 7) - value - 7));
}


// An Hòa Thịnh's example plan made through the pages by a signed-in officer of `commune` for 2022: its village
// table uploaded, the plan form filled with the example and "Tạo văn bản" pressed.
inline void make_example_plan(Browser& browser, const UnitRecord& commune) {
  const std::string table = path_of(commune, "thon") + "?nam=2022";
  const std::string upload = path_of(commune, "thon/tai-len") + "?nam=2022";
  REQUIRE(browser.post_file(upload, {{"csrf", browser.get(table).csrf(upload)}}, "tep-thon", "thon.csv",
                            bytes_of(example_path("an-hoa-thinh-2022/thon.csv"))).status == 303);
  const std::string plan = path_of(commune, "ke-hoach") + "?nam=2022";
  REQUIRE(browser.submit(plan, plan, example_fields("tao-van-ban")).status == 303);
}

}  // namespace kehoach::testing
