#include <doctest/doctest.h>

#include "app/batch_jobs.h"
#include "compute/cascade.h"
#include "compute/household_tally.h"
#include "model/input_error.h"
#include "model/unit_tree_builder.h"
#include "read/cascade_reader.h"
#include "test_support.h"

using namespace kehoach;

namespace {

struct Village {
  std::vector<std::string> path;
  long long households, poor, near_poor;
};

UnitTree tree_of(std::vector<std::string> levels, const std::vector<Village>& villages) {
  UnitTreeBuilder builder(std::move(levels));
  for (const auto& v : villages) {
    HouseholdTally& t = builder.tree().nodes[static_cast<std::size_t>(builder.unit_of(v.path))].tally;
    t.households = v.households;
    t.poor = v.poor;
    t.near_poor = v.near_poor;
  }
  UnitTree tree = std::move(builder.tree());
  roll_up(tree);
  return tree;
}

CascadeSpec spec_of(const std::string& yaml) { return parse_cascade(yaml, "phan-bo.yaml"); }

// Every unit's children add up to it, indicator by indicator, at every level.
void check_levels_add_up(const UnitTree& tree, const CascadeResult& result) {
  for (std::size_t node = 0; node < tree.nodes.size(); ++node) {
    if (!result.tables[node]) continue;
    const AppendixTable& table = *result.tables[node];
    for (std::size_t k = 0; k < table.indicators.size(); ++k) {
      long long sum = 0;
      for (const auto& row : table.rows) sum += row.figures[k].reduction;
      CHECK(sum == table.total.figures[k].reduction);
      if (static_cast<int>(node) != result.top) CHECK(table.total.figures[k].reduction == result.row_of(tree, static_cast<int>(node))->figures[k].reduction);
    }
  }
}

const std::vector<Village> kProvince = {
    {{"Tỉnh Hà Tĩnh", "Xã A", "Thôn 1"}, 100, 10, 10},
    {{"Tỉnh Hà Tĩnh", "Xã A", "Thôn 2"}, 100, 10, 0},
    {{"Tỉnh Hà Tĩnh", "Xã B", "Thôn 1"}, 200, 20, 10},
    {{"Tỉnh Hà Tĩnh", "Xã B", "Thôn 2"}, 100, 0, 10},
};

}  // namespace

TEST_CASE("a province's reduction is split among its communes, then each commune's among its villages") {
  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, kProvince);
  const CascadeResult result = split_cascade(tree, spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 8 }\n"));
  CHECK(result.top == 1);  // the province, the file's only top unit
  const AppendixTable& province = *result.tables[1];
  REQUIRE(province.rows.size() == 2);
  CHECK(province.rows[0].figures[0].reduction == 4);  // Xã A: 20 of 40 poor → 4 of 8
  CHECK(province.rows[1].figures[0].reduction == 4);
  const int commune_b = tree.nodes[1].children[1];
  const AppendixTable& b = *result.tables[static_cast<std::size_t>(commune_b)];
  CHECK(b.unit_label == "Thôn");
  CHECK(b.rows[0].figures[0].reduction == 4);  // Thôn 1 has all of Xã B's poor
  CHECK(b.rows[1].figures[0].reduction == 0);
  check_levels_add_up(tree, result);
}

TEST_CASE("an end-rate target becomes households at the top, fixed figures hold at any level and the rest is shared") {
  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, kProvince);
  const CascadeResult result = split_cascade(tree, spec_of(R"(year: 2026
units: u.csv
targets:
  poor: { end_rate: "5,00%" }
  near_poor: { reduce: 12 }
fixed:
  "Xã B": { poor: 6 }
  "Xã A / Thôn 2": { poor: 2 }
)"));
  const AppendixTable& province = *result.tables[1];
  CHECK(province.total.figures[0].reduction == 15);  // 40 poor of 500 → at most 25 (5,00%)
  CHECK(province.rows[1].figures[0].reduction == 6);  // fixed
  CHECK(province.rows[1].figures[0].fixed);
  CHECK(province.rows[0].figures[0].reduction == 9);
  CHECK(province.rows[0].figures[1].reduction == 4);  // near-poor: 10 of 30 → 4, 20 of 30 → 8
  const int commune_a = tree.nodes[1].children[0];
  const AppendixTable& a = *result.tables[static_cast<std::size_t>(commune_a)];
  CHECK(a.rows[1].figures[0].reduction == 2);  // fixed in a village
  CHECK(a.rows[0].figures[0].reduction == 7);  // the rest of Xã A's 9
  CHECK(a.rows[0].figures[1].reduction == 4);  // Thôn 1 has all of Xã A's near-poor
  check_levels_add_up(tree, result);
}

TEST_CASE("a fixed figure a lower unit cannot carry, or a path that is not there, is refused saying where") {
  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, kProvince);
  const std::string head = "year: 2026\nunits: u.csv\ntargets:\n  near_poor: { reduce: 12 }\nfixed:\n";
  CHECK_THROWS_WITH_AS(split_cascade(tree, spec_of(head + "  \"Xã A / Thôn 1\": { near_poor: all }\n")),
                       "phan-bo.yaml: khi chia chỉ tiêu của Xã A cho các đơn vị cấp dưới: các chỉ tiêu giao cố định "
                       "cộng lại là giảm 10 hộ cận nghèo, vượt chỉ tiêu chung là giảm 4 hộ cận nghèo.",
                       InputError);
  CHECK_THROWS_WITH_AS(split_cascade(tree, spec_of(head + "  \"Xã C / Thôn 1\": { near_poor: 1 }\n")),
                       "phan-bo.yaml:6: fixed: không có đơn vị \"Xã C / Thôn 1\" trong tệp đơn vị; ghi đường dẫn từ "
                       "dưới đơn vị cao nhất, các cấp cách nhau bằng \" / \" (ví dụ \"Xã An Hòa Thịnh / Thôn Sâm Cồn\").",
                       InputError);
}

TEST_CASE("with several top units (a country's provinces) the split starts from all of them, four levels deep") {
  std::vector<Village> country;
  for (const auto& v : kProvince) country.push_back({{"Cả nước", v.path[0], v.path[1], v.path[2]}, v.households, v.poor, v.near_poor});
  for (const auto& v : kProvince)
    country.push_back({{"Cả nước", "Tỉnh Nghệ An", v.path[1], v.path[2]}, v.households * 2, v.poor * 2, v.near_poor});
  UnitTree tree = tree_of({"Nước", "Tỉnh", "Xã", "Thôn"}, country);
  const CascadeResult one_top = split_cascade(tree, spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 30 }\n"));
  CHECK(one_top.top == 1);
  const AppendixTable& provinces = *one_top.tables[1];
  CHECK(provinces.rows[0].figures[0].reduction == 10);  // 40 of 120 poor
  CHECK(provinces.rows[1].figures[0].reduction == 20);
  check_levels_add_up(tree, one_top);

  std::vector<Village> provinces_only;
  for (const auto& v : country) provinces_only.push_back({{v.path[1], v.path[2], v.path[3]}, v.households, v.poor, v.near_poor});
  tree = tree_of({"Tỉnh", "Xã", "Thôn"}, provinces_only);
  const CascadeResult several = split_cascade(tree, spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 30 }\n"));
  CHECK(several.top == 0);
  CHECK(several.tables[0]->rows.size() == 2);
  check_levels_add_up(tree, several);
}

TEST_CASE("unit paths are split at \" / \" and cleaned") {
  CHECK(split_unit_path("Xã An Hòa Thịnh / Thôn  Sâm Cồn") == std::vector<std::string>{"Xã An Hòa Thịnh", "Thôn Sâm Cồn"});
  CHECK(split_unit_path("Thôn 1/2") == std::vector<std::string>{"Thôn 1/2"});
}

TEST_CASE("a cascade file gives its year, units, top targets, fixed figures by path and the plans' level, template and date") {
  const CascadeSpec spec = parse_cascade(R"(year: 2026
units: { file: don-vi.xlsx, sheet: Thôn }
targets:
  poor: { end_rate: "3,20%" }
  near_poor: { reduce: 80 }
fixed:
  "Phường Bắc Hồng Lĩnh": { poor: 4 }
  "Xã An Hòa Thịnh / Thôn Tân Thịnh": { poor: all, near_poor: 2 }
plans: { level: Xã, template: xa, date: 2026-01-15 }
)", "data/phan-bo.yaml");
  CHECK(spec.year == 2026);
  CHECK(spec.units_path == "data/don-vi.xlsx");
  CHECK(spec.units_sheet == "Thôn");
  REQUIRE(spec.targets.size() == 2);
  CHECK(spec.targets[0].end_rate->hundredths == 320);
  CHECK(spec.targets[1].reduce == 80);
  REQUIRE(spec.fixed.size() == 3);
  CHECK(spec.fixed[1].path == std::vector<std::string>{"Xã An Hòa Thịnh", "Thôn Tân Thịnh"});
  CHECK(spec.fixed[1].figure.all);
  CHECK(spec.fixed[2].indicator == Indicator::NearPoor);
  CHECK(spec.fixed[2].figure.reduction == 2);
  CHECK(spec.fixed[2].line == 8);
  CHECK(spec.plan_level == "Xã");
  CHECK(spec.date->day == 15);
}

TEST_CASE("a cascade file needs units or records, not both, and knows its keys") {
  const auto error_of = [](const std::string& yaml) {
    return testing::error_of([&] { parse_cascade(yaml, "phan-bo.yaml"); });
  };
  CHECK(error_of("year: 2026\ntargets: { poor: { reduce: 1 } }\n") ==
        "phan-bo.yaml:1: ghi một trong hai: units (bảng đơn vị có số hộ từng thôn) hoặc records (danh sách hộ).");
  CHECK(error_of("year: 2026\nunits: a.csv\nrecords: b.csv\ntargets: { poor: { reduce: 1 } }\n") ==
        "phan-bo.yaml:1: ghi một trong hai: units (bảng đơn vị có số hộ từng thôn) hoặc records (danh sách hộ).");
  CHECK(error_of("year: 2026\nunits: a.csv\ntargets: { poor: { reduce: 1, fixed: { A: 1 } } }\n") ==
        "phan-bo.yaml:3: khóa \"fixed\" không có trong mẫu tệp phân bổ; các khóa dùng được ở đây: reduce, end_rate.");
  CHECK(error_of("year: 2026\nunits: a.csv\ntargets: { poor: { reduce: 1 } }\nfixed: { \"Xã A\": 3 }\n") ==
        "phan-bo.yaml:4: số cố định của \"Xã A\" phải ghi như { poor: 3 } hoặc { near_poor: all }.");
}

TEST_CASE("batch folders are named from the units, and two names that fold alike get two folders") {
  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, {
      {{"Tỉnh Hà Tĩnh", "Xã An Hòa", "Thôn 1"}, 100, 10, 10},
      {{"Tỉnh Hà Tĩnh", "Xã An Hoa", "Thôn 1"}, 100, 10, 10},
      {{"Tỉnh Hà Tĩnh", "Phường Bắc Hà", "Tổ dân phố 1"}, 100, 10, 10},
  });
  const CascadeSpec spec = spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 6 }\n");
  const CascadeResult result = split_cascade(tree, spec);
  const std::vector<BatchJob> jobs = batch_jobs(tree, result, spec, 1, "xa", "mẫu", {});
  REQUIRE(jobs.size() == 4);
  CHECK(jobs[0].folder.empty());
  CHECK_FALSE(jobs[0].plan);
  CHECK(jobs[0].appendix_file() == "phu-luc.xlsx");
  CHECK(jobs[1].folder == "xa-an-hoa");
  CHECK(jobs[2].folder == "xa-an-hoa-2");
  CHECK(jobs[3].plan_file() == "phuong-bac-ha/ke-hoach.docx");
  CHECK(jobs[1].document.unit == "xã An Hòa");
  CHECK(jobs[1].document.parent_body == "UBND TỈNH HÀ TĨNH");
  CHECK(jobs[3].document.place == "Bắc Hà");
  CHECK(jobs[1].fingerprint != jobs[2].fingerprint);
  CHECK(batch_jobs(tree, result, spec, 1, "xa", "mẫu khác", {})[1].fingerprint != jobs[1].fingerprint);  // a new template rewrites
  CHECK(jobs[3].document.unit == "phường Bắc Hà");
  CHECK(jobs[3].document.text.template_name == "xa");
}

TEST_CASE("a unit name too long for a folder name is shortened the same way each time, and two stay two") {
  std::string long_name = "Xã";
  for (int i = 0; i < 60; ++i) long_name += " Hòa Bình";
  const std::string folder = folder_name(long_name);
  CHECK(folder.size() <= kFolderNameBytes);
  CHECK(folder.rfind("xa-hoa-binh-hoa-binh-", 0) == 0);
  CHECK(folder == folder_name(long_name));
  CHECK(folder != folder_name(long_name + " Mới"));
  CHECK(folder_name("Xã An Hòa Thịnh") == "xa-an-hoa-thinh");
  // Letters outside Vietnamese take several bytes each: cut between letters, never inside one.
  std::string wide = "Xã ";
  for (int i = 0; i < 200; ++i) wide += "東";
  const std::string cut = folder_name(wide);
  CHECK(cut.size() <= kFolderNameBytes);
  CHECK(cut.size() > kFolderNameBytes / 2);
  CHECK(cut.substr(0, 3) == "xa-");
  CHECK((cut.size() - 3 - 9) % 3 == 0);  // "xa-", whole letters of three bytes, "-" and eight hex digits

  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, {
      {{"Tỉnh Hà Tĩnh", long_name, "Thôn 1"}, 100, 10, 10},
      {{"Tỉnh Hà Tĩnh", long_name + " Mới", "Thôn 1"}, 100, 10, 10},
      {{"Tỉnh Hà Tĩnh", "Xã Ngắn", "Thôn 1"}, 100, 10, 10},
  });
  const CascadeSpec spec = spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 6 }\n");
  const std::vector<BatchJob> jobs = batch_jobs(tree, split_cascade(tree, spec), spec, 1, "xa", "mẫu", {});
  REQUIRE(jobs.size() == 4);
  CHECK(jobs[1].folder_shortened);
  CHECK(jobs[2].folder_shortened);
  CHECK(jobs[1].folder != jobs[2].folder);
  CHECK_FALSE(jobs[3].folder_shortened);
  CHECK(jobs[3].folder == "xa-ngan");
}

TEST_CASE("the index gives each unit its own level word: a ward under a column written Xã is a Phường") {
  const UnitTree tree = tree_of({"Tỉnh", "Xã", "Thôn"}, {
      {{"Tỉnh Hà Tĩnh", "An Hòa Thịnh", "Sâm Cồn"}, 100, 10, 10},
      {{"Tỉnh Hà Tĩnh", "Phường Bắc Hồng Lĩnh", "Tổ dân phố 1"}, 100, 10, 10},
  });
  CHECK(unit_level_word(tree, tree.at_level(0)[0]) == "Tỉnh");
  CHECK(unit_level_word(tree, tree.at_level(1)[0]) == "Xã");
  CHECK(unit_level_word(tree, tree.at_level(1)[1]) == "Phường");
  CHECK(unit_level_word(tree, tree.at_level(2)[1]) == "Tổ dân phố");
  CHECK(unit_level_word(tree, tree.at_level(2)[0]) == "Thôn");
}

TEST_CASE("without a template key the plans of communes and wards get xa, of districts huyen, of an unknown level none") {
  const CascadeSpec spec = spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 1 }\n");
  const UnitTree communes = tree_of({"Tỉnh", "Xã", "Thôn"}, {{{"Tỉnh A", "Phường B", "Tổ 1"}, 100, 10, 10}});
  CHECK(batch_template(communes, spec, 1) == "xa");
  const UnitTree districts = tree_of({"Tỉnh", "Đơn vị", "Xã"}, {{{"Tỉnh A", "Huyện B", "Xã C"}, 100, 10, 10},
                                                               {{"Tỉnh A", "Quận D", "Phường E"}, 100, 10, 10}});
  CHECK(batch_template(districts, spec, 1) == "huyen");
  const UnitTree unknown = tree_of({"Tỉnh", "Đơn vị", "Thôn"}, {{{"Tỉnh A", "B", "Thôn C"}, 100, 10, 10}});
  CHECK_THROWS_WITH_AS(batch_template(unknown, spec, 1), doctest::Contains("plans: { template: xa }"), InputError);
  const CascadeSpec chosen = spec_of("year: 2026\nunits: u.csv\ntargets:\n  poor: { reduce: 1 }\nplans: { template: huyen }\n");
  CHECK(batch_template(communes, chosen, 1) == "huyen");
}
