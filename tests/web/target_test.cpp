// Giao chỉ tiêu: a province's targets split down to every commune and village as `kehoach batch` splits them
// (compared with batch's own output on the same data), previewed, given as versions; a commune's plan form filled
// with its figures; a plan with other figures refused until the province agrees to them, and made with them after;
// the form's problems at their fields; communes without a village table named.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/check_statistics.h"
#include "app/plan_input.h"
#include "app/run_batch.h"
#include "compute/target_assignment.h"
#include "store/audit.h"
#include "store/target_assignments.h"
#include "store/versions.h"
#include "text/unicode.h"
#include "page_forms.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

namespace fs = std::filesystem;

constexpr const char* kKyAnh = "Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nThôn 1,400,30,20\nThôn 2,300,20,25\nThôn 3,250,15,10\n";
constexpr const char* kBacHongLinh = "Tổ dân phố,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\nTổ dân phố 1,500,10,15\nTổ dân phố 2,450,12,10\n";

// The targets typed: the province's poor to 3,20%, 40 near-poor fewer; a village of An Hòa Thịnh to have no poor
// household left, the ward 2 poor households fewer.
const Fields kTargets{{"chi-tieu-ngheo", "ty-le"},       {"gia-tri-ngheo", "3,20"},
                      {"chi-tieu-can-ngheo", "so-ho"},   {"gia-tri-can-ngheo", "40"},
                      {"so-co-dinh", "3"},               {"co-dinh-1-don-vi", "Xã An Hòa Thịnh / Tân Thịnh"},
                      {"co-dinh-1-ngheo", "hết"},        {"co-dinh-2-don-vi", "Phường Bắc Hồng Lĩnh"},
                      {"co-dinh-2-ngheo", "2"}};

// The same targets as a cascade file of `kehoach batch`.
constexpr const char* kCascade =
    "year: 2026\nunits: don-vi.csv\ntargets:\n  poor: { end_rate: \"3,20%\" }\n  near_poor: { reduce: 40 }\nfixed:\n"
    "  \"Xã An Hòa Thịnh / Tân Thịnh\": { poor: all }\n  \"Phường Bắc Hồng Lĩnh\": { poor: 2 }\n";

Fields with(Fields fields, const std::string& action) {
  fields.emplace_back("hanh-dong", action);
  return fields;
}

struct Province {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  SmallTree tree{server};
  UnitRecord ward = server.unit(Tier::Commune, "Phường", "Bắc Hồng Lĩnh", tree.province.id);
  Browser officer = server.browser();  // the province's
  Browser commune = server.browser();  // An Hòa Thịnh's

  Province() {
    server.account("tinh.hatinh", Role::ProvinceOfficer, tree.province.id);
    server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
    server.account("xa.kyanh", Role::CommuneOfficer, tree.commune_b.id);
    server.account("phuong.bachonglinh", Role::CommuneOfficer, ward.id);
    REQUIRE(TestServer::sign_in(officer, "tinh.hatinh").status == 303);
    REQUIRE(TestServer::sign_in(commune, "xa.anhoathinh").status == 303);
  }

  void upload_tables(bool ward_too = true) {
    upload(commune, tree.commune_a, bytes_of(example_path("an-hoa-thinh-2022/thon.csv")));
    Browser b = server.browser();
    REQUIRE(TestServer::sign_in(b, "xa.kyanh").status == 303);
    upload(b, tree.commune_b, kKyAnh);
    if (!ward_too) return;
    Browser w = server.browser();
    REQUIRE(TestServer::sign_in(w, "phuong.bachonglinh").status == 303);
    upload(w, ward, kBacHongLinh);
  }

  static void upload(Browser& browser, const UnitRecord& unit, const std::string& bytes) {
    const std::string table = path_of(unit, "thon") + "?nam=2026";
    const std::string upload = path_of(unit, "thon/tai-len") + "?nam=2026";
    REQUIRE(browser.post_file(upload, {{"csrf", browser.get(table).csrf(upload)}}, "tep-thon", "thon.csv", bytes).status == 303);
  }

  std::string page() const { return path_of(tree.province, "giao-chi-tieu") + "?nam=2026"; }
  std::string plan() const { return path_of(tree.commune_a, "ke-hoach") + "?nam=2026"; }
  Page give(const Fields& fields, const std::string& action = "giao") { return officer.submit(page(), page(), with(fields, action)); }

  std::vector<AssignmentRow> latest_rows() {
    Poco::Data::Session db = server.site().database().session();
    const std::vector<AssignmentRecord> versions = assignments_of(db, tree.province.id, 2026);
    REQUIRE_FALSE(versions.empty());
    return assignment_rows(db, versions.front().id);
  }

  // The plan form as the page fills it, posted with `typed` in it.
  Page post_plan(const Fields& typed) {
    const Page page = commune.get(plan());
    return commune.submit(plan(), plan(), typed_into(form_fields(page, plan()), typed));
  }

  // The latest plan version's figures, read from its plan folder as `kehoach plan` reads it.
  PlanInput saved_plan() {
    Poco::Data::Session db = server.site().database().session();
    const std::optional<VersionRecord> version = latest_version(db, tree.commune_a.id, 2026, WorkKind::Plan);
    REQUIRE(version);
    const std::string folder = server.scratch().file("ke-hoach-" + std::to_string(version->number));
    fs::create_directories(folder);
    for (const VersionFile& file : version_files(db, version->id))
      if (file.role == "input") fs::copy_file(server.site().files().path_of(file.sha256), fs::path(folder) / file.name);
    return load_plan((fs::path(folder) / "ke-hoach.yaml").string());
  }
};

// The same data as `kehoach batch` takes it: a units table of every village (An Hòa Thịnh's example table and the two
// typed above) and the cascade file, in `folder`; returns the cascade file's path.
std::string batch_folder(const std::string& folder) {
  fs::create_directories(folder);
  std::string units = "Tỉnh,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  const auto add = [&](const std::string& commune, const std::string& file) {
    const StatisticsCheck check = check_statistics_file(file, "thon.csv");
    REQUIRE(check.statistics);
    for (const UnitStatistics& v : check.statistics->units)
      units += "Tỉnh Hà Tĩnh," + commune + "," + v.name + "," + std::to_string(v.households) + "," + std::to_string(v.poor) +
               "," + std::to_string(v.near_poor) + "\n";
  };
  add("Xã An Hòa Thịnh", example_path("an-hoa-thinh-2022/thon.csv"));
  for (const auto& [commune, bytes] : {std::pair{"Xã Kỳ Anh", kKyAnh}, std::pair{"Phường Bắc Hồng Lĩnh", kBacHongLinh}}) {
    const std::string file = folder + "/" + fold(commune) + ".csv";
    std::ofstream(file) << bytes;
    add(commune, file);
  }
  std::ofstream(folder + "/don-vi.csv") << units;
  std::ofstream(folder + "/phan-bo.yaml") << kCascade;
  return folder + "/phan-bo.yaml";
}

// A line of a CSV file as its cells (a quoted cell may hold a comma).
std::vector<std::string> csv_cells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.emplace_back();
    else cells.back() += c;
  }
  return cells;
}

}  // namespace

TEST_CASE("giao chỉ tiêu: the split of every commune and village is the one kehoach batch makes of the same data") {
  Province site;
  site.upload_tables();
  const Page preview = site.give(kTargets, "xem-truoc");
  CHECK(preview.status == 200);
  CHECK(preview.has("chưa lưu"));
  CHECK(site.server.count("target_assignments") == 0);
  CHECK(site.give(kTargets).status == 303);
  CHECK(site.server.count("target_assignments") == 1);
  const std::vector<AssignmentRow> rows = site.latest_rows();

  // batch's split of the same data (app/run_batch.h, what `kehoach batch` runs), unit by unit.
  const std::string cascade = batch_folder(site.server.scratch().file("batch"));
  const CascadeFigures figures = split_cascade_file(cascade);
  const std::vector<AssignedUnit> expected = assigned_units(figures.tree, figures.cascade, figures.spec);
  REQUIRE(rows.size() == expected.size());
  CHECK(rows.size() == 1 + 3 + 19 + 3 + 2);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(rows[i].name == (expected[i].path.empty() ? std::string("Tỉnh Hà Tĩnh") : expected[i].path.back()));
    CHECK(rows[i].households == expected[i].households);
    CHECK(rows[i].figures == expected[i].figures);
  }
  // The poor: 215 of 3.947 households, at most 3,20% left: 126, 89 fewer; the fixed figures kept.
  CHECK(rows[0].figures[0].reduction == 89);
  CHECK(rows[0].figures[1].reduction == 40);
  const auto row_named = [&](const std::string& name) {
    return *std::find_if(rows.begin(), rows.end(), [&](const AssignmentRow& row) { return row.name == name; });
  };
  CHECK(row_named("Tân Thịnh").figures[0] == AssignedFigure{Indicator::Poor, 4, 4, FixedKind::All});
  CHECK(row_named("Phường Bắc Hồng Lĩnh").figures[0] == AssignedFigure{Indicator::Poor, 22, 2, FixedKind::Count});

  // And batch's own output: its index lists every commune with the figures the page gave it.
  const BatchResult batch = run_batch_request({cascade, site.server.scratch().file("batch-ra"), 1, {}, nullptr});
  REQUIRE(batch.index_written);
  std::ifstream index(site.server.scratch().file("batch-ra") + "/index.csv");
  int communes = 0;
  for (std::string line; std::getline(index, line);) {
    const std::vector<std::string> cells = csv_cells(line);
    for (const AssignmentRow& row : rows) {
      if (!row.table_version || cells.front() != row.name) continue;
      ++communes;
      CAPTURE(row.name);
      CHECK(cells[2] == std::to_string(row.households));
      CHECK(cells[4] == std::to_string(row.figures[0].reduction));
      CHECK(cells[8] == std::to_string(row.figures[1].reduction));
    }
  }
  CHECK(communes == 3);

  // The page shows the version with a table per commune, and the files batch takes give the same split.
  const Page page = site.officer.get(site.page());
  CHECK(page.has("Phiên bản 1, giao lúc"));
  CHECK(page.has("<h3 id=\"phien-ban-"));
  CHECK(page.has("Chỉ tiêu năm 2026 của các thôn, tổ dân phố thuộc Xã Kỳ Anh"));
  CHECK(page.has("class=\"table-scroll\""));
  Poco::Data::Session db = site.server.site().database().session();
  const AssignmentRecord version = assignments_of(db, site.tree.province.id, 2026).front();
  const std::string own = site.server.scratch().file("tai-ve");
  fs::create_directories(own);
  for (const char* name : {"phan-bo.yaml", "don-vi.csv"}) {
    const Page file = site.officer.get(path_of(site.tree.province, "giao-chi-tieu/" + std::to_string(version.id) + "/" + name));
    REQUIRE(file.status == 200);
    std::ofstream(own + "/" + name, std::ios::binary) << file.body;
  }
  const CascadeFigures again = split_cascade_file(own + "/phan-bo.yaml");
  CHECK(assigned_units(again.tree, again.cascade, again.spec) == expected);
}

TEST_CASE("giao chỉ tiêu: a commune's plan form starts from its figures, marked, and the plan made with them") {
  Province site;
  site.upload_tables();
  REQUIRE(site.give(kTargets).status == 303);
  const std::vector<AssignmentRow> rows = site.latest_rows();
  const AssignmentRow& commune = *std::find_if(rows.begin(), rows.end(), [](const AssignmentRow& r) { return r.name == "Xã An Hòa Thịnh"; });
  const Page page = site.commune.get(site.plan());
  REQUIRE(page.status == 200);
  CHECK(page.has("Chỉ tiêu được giao"));
  CHECK(page.has("do Tỉnh Hà Tĩnh giao (phiên bản 1, ngày "));
  CHECK(value_of(page, "gia-tri-ngheo") == std::to_string(commune.figures[0].reduction));
  CHECK(value_of(page, "gia-tri-can-ngheo") == std::to_string(commune.figures[1].reduction));
  CHECK(page.has("<option value=\"so-ho\" selected>"));
  // Tân Thịnh, the 19th village, fixed as the province fixed it; the others split by the rule, as the province split them.
  CHECK(value_of(page, "co-dinh-19-thon") == "Tân Thịnh");
  CHECK(value_of(page, "co-dinh-19-ngheo") == "hết");
  CHECK(value_of(page, "co-dinh-1-ngheo") == "");

  // Made as filled: the plan's figures are the province's, village by village.
  CHECK(site.post_plan({{"hanh-dong", "tao-van-ban"}}).status == 303);
  const PlanInput plan = site.saved_plan();
  UnitTargets assigned;
  assigned.own = commune.figures;
  for (const AssignmentRow& row : rows)
    if (row.parent == commune.position) assigned.parts.push_back({row.name, row.households, row.figures});
  CHECK(target_differences(assigned, planned_targets(plan.plan, plan.table)).empty());
  CHECK(plan.table.total.figures[0].reduction == commune.figures[0].reduction);
  CHECK(plan.table.rows[18].figures[0].end == 0);
}

TEST_CASE("giao chỉ tiêu: another figure is refused until the province agrees to it, and the plan is made with it after") {
  Province site;
  site.upload_tables();
  REQUIRE(site.give(kTargets).status == 303);
  const std::string assigned = value_of(site.commune.get(site.plan()), "gia-tri-ngheo");
  const std::string other = std::to_string(std::stoi(assigned) - 3);
  const long long versions = site.server.count("versions");

  // Saved with another figure: refused at the field, saying why and how; nothing saved.
  for (const char* action : {"tao-van-ban", "luu"}) {
    const Page refused = site.post_plan({{"gia-tri-ngheo", other}, {"hanh-dong", action}});
    CHECK(refused.status == 422);
    CHECK(refused.has("href=\"#gia-tri-ngheo\""));
    CHECK_FALSE(refused.has("href=\"#co-dinh-"));  // the villages follow from the total: it alone is told
    CHECK(refused.has("Toàn xã: chỉ tiêu là giảm " + assigned + " hộ nghèo, kế hoạch ghi giảm " + other));
    CHECK(refused.has("Gửi đề nghị điều chỉnh"));
  }
  // A village's figure changed alone: refused at that village's cell.
  const Page village = site.post_plan({{"co-dinh-1-ngheo", "0"}, {"hanh-dong", "luu"}});
  CHECK(village.status == 422);
  CHECK(village.has("href=\"#co-dinh-1-ngheo\""));
  CHECK(site.server.count("versions") == versions);

  // The request: without a reason, refused; with one, recorded with the figures asked for.
  CHECK(site.post_plan({{"gia-tri-ngheo", other}, {"hanh-dong", "de-nghi-dieu-chinh"}}).status == 422);
  const Page asked = site.post_plan({{"gia-tri-ngheo", other}, {"ly-do-dieu-chinh", "Hai thôn sáp nhập, số hộ nghèo thực tế ít hơn."},
                                     {"hanh-dong", "de-nghi-dieu-chinh"}});
  CHECK(asked.status == 303);
  CHECK(site.server.count("target_adjustments") == 1);
  // While it waits, still refused, and a second request too.
  CHECK(site.post_plan({{"gia-tri-ngheo", other}, {"hanh-dong", "luu"}}).status == 422);
  CHECK(site.post_plan({{"gia-tri-ngheo", other}, {"ly-do-dieu-chinh", "Lần nữa."}, {"hanh-dong", "de-nghi-dieu-chinh"}}).status == 422);
  CHECK(site.commune.get(site.plan()).has("đang chờ tỉnh trả lời"));

  // The province sees it and agrees; only its own officers may answer.
  const Page province = site.officer.get(site.page());
  CHECK(province.has("Hai thôn sáp nhập, số hộ nghèo thực tế ít hơn."));
  CHECK(province.has("Chờ tỉnh trả lời"));
  Poco::Data::Session db = site.server.site().database().session();
  const AdjustmentRecord request = adjustments_of(db, assignments_of(db, site.tree.province.id, 2026).front().id).front();
  const std::string decide = path_of(site.tree.province, "giao-chi-tieu/de-nghi/" + std::to_string(request.id)) + "?nam=2026";
  CHECK(site.commune.post(decide, {{"csrf", site.commune.get(site.plan()).csrf()}, {"hanh-dong", "dong-y"}}).status == 404);
  CHECK(site.officer.submit(site.page(), decide, {{"hanh-dong", "dong-y"}, {"ghi-chu-" + std::to_string(request.id), "Đồng ý."}})
            .status == 303);
  CHECK(site.server.count("adjustment_decisions") == 1);
  // Answered once only.
  const Page twice = site.officer.post(decide, {{"csrf", site.officer.get(site.page()).csrf()}, {"hanh-dong", "tu-choi"},
                                                {"ghi-chu-" + std::to_string(request.id), "Không."}});
  CHECK(twice.status == 409);
  CHECK(site.server.count("adjustment_decisions") == 1);

  // Given, asked for and agreed to, each a row of the audit log under its unit, by its login, without a figure.
  const std::vector<AuditRow> log = read_audit(db, {std::nullopt, "", "target.", 0, 0}, 0, 10).rows;
  REQUIRE(log.size() == 3);
  CHECK(log[0].entry.action == "target.agree");
  CHECK(log[0].login == "tinh.hatinh");
  CHECK(log[0].entry.unit_id == site.tree.commune_a.id);
  CHECK(log[0].entry.detail == "Đồng ý đề nghị điều chỉnh chỉ tiêu năm 2026 của Xã An Hòa Thịnh. Ý kiến: Đồng ý.");
  CHECK(log[1].entry.action == "target.request");
  CHECK(log[1].login == "xa.anhoathinh");
  CHECK(log[1].entry.detail ==
        "Đề nghị điều chỉnh chỉ tiêu năm 2026 được giao. Lý do: Hai thôn sáp nhập, số hộ nghèo thực tế ít hơn.");
  CHECK(log[2].entry.action == "target.assign");
  CHECK(log[2].entry.unit_id == site.tree.province.id);
  CHECK(log[2].entry.detail == "Giao chỉ tiêu năm 2026 (phiên bản 1) cho các đơn vị trực thuộc.");
  for (const AuditRow& row : log) CHECK(row.entry.detail.find(other) == std::string::npos);
  // The commune's form now starts from the figure agreed, and the plan with it is made.
  const Page agreed = site.commune.get(site.plan());
  CHECK(agreed.has("theo đề nghị điều chỉnh Tỉnh Hà Tĩnh đồng ý ngày"));
  CHECK(value_of(agreed, "gia-tri-ngheo") == other);
  CHECK(site.post_plan({{"hanh-dong", "tao-van-ban"}}).status == 303);
  CHECK(site.saved_plan().table.total.figures[0].reduction == std::stoll(other));
  // The figure assigned is now the one departed from.
  CHECK(site.post_plan({{"gia-tri-ngheo", assigned}, {"hanh-dong", "luu"}}).status == 422);
}

TEST_CASE("giao chỉ tiêu: a request refused stays refused, with the province's reason for the commune to read") {
  Province site;
  site.upload_tables();
  REQUIRE(site.give(kTargets).status == 303);
  const std::string other = std::to_string(std::stoi(value_of(site.commune.get(site.plan()), "gia-tri-ngheo")) + 1);
  REQUIRE(site.post_plan({{"gia-tri-ngheo", other}, {"ly-do-dieu-chinh", "Thêm một hộ."}, {"hanh-dong", "de-nghi-dieu-chinh"}})
              .status == 303);
  Poco::Data::Session db = site.server.site().database().session();
  const AdjustmentRecord request = adjustments_of(db, assignments_of(db, site.tree.province.id, 2026).front().id).front();
  const std::string decide = path_of(site.tree.province, "giao-chi-tieu/de-nghi/" + std::to_string(request.id)) + "?nam=2026";
  const std::string note = "ghi-chu-" + std::to_string(request.id);
  const Page bare = site.officer.submit(site.page(), decide, {{"hanh-dong", "tu-choi"}});
  CHECK(bare.status == 422);
  CHECK(bare.has("href=\"#" + note + "\""));
  CHECK(site.officer.submit(site.page(), decide, {{"hanh-dong", "tu-choi"}, {note, "Chỉ tiêu cả tỉnh không đổi được."}}).status == 303);
  const Page page = site.commune.get(site.plan());
  CHECK(page.has("Không đồng ý"));
  CHECK(page.has("Chỉ tiêu cả tỉnh không đổi được."));
  CHECK(site.post_plan({{"gia-tri-ngheo", other}, {"hanh-dong", "luu"}}).status == 422);
  // A new request may follow.
  CHECK(site.post_plan({{"gia-tri-ngheo", other}, {"ly-do-dieu-chinh", "Xin xem lại."}, {"hanh-dong", "de-nghi-dieu-chinh"}})
            .status == 303);
}

TEST_CASE("giao chỉ tiêu: each problem of the form at its field, nothing saved") {
  Province site;
  site.upload_tables();
  const auto refused = [&](Fields fields, const std::string& field, const std::string& says) {
    const Page page = site.give(fields, "xem-truoc");
    CAPTURE(field);
    CHECK(page.status == 422);
    CHECK(page.has("href=\"#" + field + "\""));
    CHECK(html_text(page.body).find(says) != std::string::npos);
  };
  refused(typed_into(kTargets, {{"gia-tri-ngheo", "3,2x"}}), "gia-tri-ngheo", "Tỷ lệ hộ nghèo \"3,2x\" không hợp lệ");
  refused(typed_into(kTargets, {{"co-dinh-1-don-vi", "Xã An Hòa Thịnh / Tân Thinh"}}), "co-dinh-1-don-vi",
          "Có phải là \"Tân Thịnh\"?");
  refused(typed_into(kTargets, {{"co-dinh-2-don-vi", "Xã Không Có"}}), "co-dinh-2-don-vi", "Không có đơn vị \"Xã Không Có\"");
  refused(typed_into(kTargets, {{"co-dinh-2-ngheo", "hai"}}), "co-dinh-2-ngheo", "phải là số hộ giảm");
  // A village given more than it has: at that village's figure, as the split says it.
  refused(typed_into(kTargets, {{"co-dinh-1-ngheo", "9"}}), "co-dinh-1-ngheo", "chỉ có 4 hộ nghèo");
  // Fixed figures above the target of the unit they share: at the first of them.
  refused(typed_into(kTargets, {{"gia-tri-can-ngheo", "3"}, {"co-dinh-3-don-vi", "Xã Kỳ Anh"}, {"co-dinh-3-can-ngheo", "5"}}),
          "co-dinh-3-can-ngheo", "vượt chỉ tiêu chung");
  refused(typed_into(kTargets, {{"co-dinh-3-don-vi", "phường bắc hồng lĩnh"}, {"co-dinh-3-can-ngheo", "1"}}), "co-dinh-3-don-vi",
          "đã có ở dòng 2");
  CHECK(site.server.count("target_assignments") == 0);
  CHECK(site.server.count("stored_files") == 3);  // the three village tables only
}

TEST_CASE("giao chỉ tiêu: communes without a village table named, nothing split; versions listed and each shown") {
  Province site;
  site.upload_tables(false);
  const Page waiting = site.officer.get(site.page());
  CHECK(waiting.has("Chưa chia được chỉ tiêu năm 2026: 1 đơn vị chưa có bảng số liệu thôn"));
  CHECK(waiting.has(">Phường Bắc Hồng Lĩnh</a>"));
  CHECK_FALSE(waiting.has("name=\"gia-tri-ngheo\""));
  CHECK(site.officer.post(site.page(), with(typed_into({{"csrf", waiting.csrf()}}, kTargets), "giao")).status == 409);
  CHECK(site.server.count("target_assignments") == 0);

  Browser w = site.server.browser();
  REQUIRE(TestServer::sign_in(w, "phuong.bachonglinh").status == 303);
  Province::upload(w, site.ward, kBacHongLinh);
  REQUIRE(site.give(kTargets).status == 303);
  site.server.advance(3600);
  REQUIRE(site.give(typed_into(kTargets, {{"gia-tri-can-ngheo", "30"}})).status == 303);
  const Page page = site.officer.get(site.page());
  CHECK(page.has("Phiên bản 2, giao lúc"));
  CHECK(page.has("giảm 89 hộ nghèo, giảm 30 hộ cận nghèo"));
  CHECK(page.has("giảm 89 hộ nghèo, giảm 40 hộ cận nghèo"));
  CHECK(value_of(page, "gia-tri-can-ngheo") == "30");  // the form starts from the version shown
  const Page first = site.officer.get(site.page() + "&phien-ban=1");
  CHECK(first.has("Phiên bản 1, giao lúc"));
  CHECK(first.has("Đây là một phiên bản cũ"));
  CHECK(value_of(first, "gia-tri-can-ngheo") == "40");
  CHECK(site.officer.get(site.page() + "&phien-ban=7").status == 404);
  // The commune plans with the latest.
  CHECK(site.commune.get(site.plan()).has("(phiên bản 2, ngày "));

  // Reading is for anyone who sees the province; giving is for its own officers.
  site.server.account("quantri", Role::Administrator, std::nullopt);
  Browser admin = site.server.browser();
  REQUIRE(TestServer::sign_in(admin, "quantri").status == 303);
  const Page read = admin.get(site.page());
  CHECK(read.status == 200);
  CHECK_FALSE(read.has("name=\"gia-tri-ngheo\""));
  CHECK(read.has("Chỉ cán bộ của Tỉnh Hà Tĩnh giao chỉ tiêu và trả lời đề nghị điều chỉnh; tài khoản của bạn chỉ xem được."));
  CHECK(admin.post(site.page(), with(typed_into({{"csrf", read.csrf()}}, kTargets), "giao")).status == 403);
  CHECK(site.commune.get(site.page()).status == 404);
  CHECK(site.officer.get(path_of(site.tree.commune_a, "giao-chi-tieu") + "?nam=2026").status == 404);
  CHECK(site.server.count("target_assignments") == 2);
  // The province's home links the page.
  CHECK(site.officer.get(path_of(site.tree.province)).has("href=\"" + path_of(site.tree.province, "giao-chi-tieu") + "?nam="));
}

TEST_CASE("giao chỉ tiêu: a province with districts is split through them as batch splits a units table of four levels; "
          "communes at two depths are not split") {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  const UnitRecord province = server.unit(Tier::Province, "Tỉnh", "Hà Tĩnh");
  const UnitRecord district = server.unit(Tier::District, "Huyện", "Hương Sơn", province.id);
  const UnitRecord a = server.unit(Tier::Commune, "Xã", "An Hòa Thịnh", district.id);
  const UnitRecord b = server.unit(Tier::Commune, "Xã", "Kỳ Anh", district.id);
  server.unit(Tier::District, "Huyện", "Vũ Quang", province.id);  // no commune below it: left out
  server.account("tinh.hatinh", Role::ProvinceOfficer, province.id);
  Browser officer = server.browser();
  REQUIRE(TestServer::sign_in(officer, "tinh.hatinh").status == 303);
  for (const auto& [login, unit, bytes] : {std::tuple{"xa.a", a, bytes_of(example_path("an-hoa-thinh-2022/thon.csv"))},
                                           std::tuple{"xa.b", b, std::string(kKyAnh)}}) {
    server.account(login, Role::CommuneOfficer, unit.id);
    Browser commune = server.browser();
    REQUIRE(TestServer::sign_in(commune, login).status == 303);
    Province::upload(commune, unit, bytes);
  }
  const std::string page = path_of(province, "giao-chi-tieu") + "?nam=2026";
  const Fields targets{{"chi-tieu-ngheo", "so-ho"}, {"gia-tri-ngheo", "50"}, {"chi-tieu-can-ngheo", "khong"},
                       {"so-co-dinh", "1"}, {"co-dinh-1-don-vi", "Huyện Hương Sơn / Xã Kỳ Anh / Thôn 2"}, {"co-dinh-1-ngheo", "6"},
                       {"hanh-dong", "giao"}};
  REQUIRE(officer.submit(page, page, targets).status == 303);
  Poco::Data::Session db = server.site().database().session();
  const std::vector<AssignmentRow> rows = assignment_rows(db, assignments_of(db, province.id, 2026).front().id);

  const std::string folder = server.scratch().file("batch");
  fs::create_directories(folder);
  std::string units = "Tỉnh,Huyện,Xã,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n";
  std::ofstream(folder + "/ky-anh.csv") << kKyAnh;
  for (const auto& [name, file] : {std::pair{"Xã An Hòa Thịnh", example_path("an-hoa-thinh-2022/thon.csv")},
                                   std::pair{"Xã Kỳ Anh", folder + "/ky-anh.csv"}}) {
    const StatisticsCheck check = check_statistics_file(file, "thon.csv");
    REQUIRE(check.statistics);
    for (const UnitStatistics& v : check.statistics->units)
      units += std::string("Tỉnh Hà Tĩnh,Huyện Hương Sơn,") + name + "," + v.name + "," + std::to_string(v.households) + "," +
               std::to_string(v.poor) + "," + std::to_string(v.near_poor) + "\n";
  }
  std::ofstream(folder + "/don-vi.csv") << units;
  std::ofstream(folder + "/phan-bo.yaml") << "year: 2026\nunits: don-vi.csv\ntargets:\n  poor: { reduce: 50 }\nfixed:\n"
                                             "  \"Huyện Hương Sơn / Xã Kỳ Anh / Thôn 2\": { poor: 6 }\n";
  const CascadeFigures figures = split_cascade_file(folder + "/phan-bo.yaml");
  const std::vector<AssignedUnit> expected = assigned_units(figures.tree, figures.cascade, figures.spec);
  REQUIRE(rows.size() == expected.size());
  CHECK(rows.size() == 1 + 1 + 2 + 19 + 3);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    CAPTURE(i);
    CHECK(rows[i].households == expected[i].households);
    CHECK(rows[i].figures == expected[i].figures);
  }
  CHECK(rows[1].name == "Huyện Hương Sơn");
  CHECK(rows[1].unit_id == district.id);
  CHECK(rows[2].parent == 1);
  CHECK(rows[2].table_version.has_value());

  // A commune straight under the province beside those under a district: named, nothing split.
  const UnitRecord c = server.unit(Tier::Commune, "Phường", "Bắc Hồng Lĩnh", province.id);
  const Page uneven = officer.get(page);
  CHECK(uneven.has("các xã, phường phải ở cùng một cấp"));
  CHECK(uneven.has("<li>Phường Bắc Hồng Lĩnh</li>"));
  CHECK(officer.submit(page, page, targets).status == 409);
}
