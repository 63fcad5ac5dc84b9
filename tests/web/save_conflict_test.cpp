// Two officers of one commune saving the same work from the same version (web/work_versions.h, VersionConflict):
// the first save is kept, the second is refused (409) and shown the newer version beside its own input, which
// it can then save deliberately; nothing is lost, nothing replaced unseen, even when both saves arrive at once.
// The typed village table, its upload, the plan form and the report form. On the test server's database:
// SQLite, or PostgreSQL under web.postgresql.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "store/versions.h"
#include "web/work_versions.h"
#include "page_forms.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

// Commune A with two officers, each signed in in a browser of their own.
struct TwoOfficers {
  TestServer server{{}, [](SiteConfig& config) { config.make_pdf = false; }};
  SmallTree tree{server};
  AccountRecord hoa = server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
  AccountRecord binh = server.account("xa.anhoathinh2", Role::CommuneOfficer, tree.commune_a.id);
  Browser first = server.browser(), second = server.browser();
  TwoOfficers() {
    REQUIRE(TestServer::sign_in(first, "xa.anhoathinh").status == 303);
    REQUIRE(TestServer::sign_in(second, "xa.anhoathinh2").status == 303);
  }
  std::vector<VersionRecord> versions(WorkKind kind, int year) {
    Poco::Data::Session db = server.site().database().session();
    return versions_of(db, tree.commune_a.id, year, kind);
  }
  std::string version_link(const VersionRecord& version) {
    return "<a href=\"" + path_of(tree.commune_a, "phien-ban/" + std::to_string(version.id)) + "\">phiên bản " +
           std::to_string(version.number) + "</a>";
  }
};

const std::string kTable = "?nam=2026";

// The typed table's fields with Sâm Cồn's households given, as the page `opened` had them (its token and the
// version it was opened on included), "Lưu bảng" pressed.
Fields typed_table(const Page& opened, const std::string& action, const std::string& households) {
  return typed_into(form_fields(opened, action),
                    {{"hanh-dong", "luu"}, {"so-dong", "2"}, {"thon-1-ten", "Sâm Cồn"}, {"thon-1-so-ho", households},
                     {"thon-1-ngheo", "5"}, {"thon-1-can-ngheo", "7"}, {"thon-2-ten", "Trùa"}, {"thon-2-so-ho", "300"},
                     {"thon-2-ngheo", "20"}, {"thon-2-can-ngheo", "10"}});
}

// The text from the first `from` to the next `to` after it ("" when `from` is not there).
std::string between_marks(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t start = text.find(from);
  if (start == std::string::npos) return "";
  const std::size_t end = text.find(to, start + from.size());
  return text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

Fields without(Fields fields, const std::string& name) {
  fields.erase(std::remove_if(fields.begin(), fields.end(), [&](const auto& field) { return field.first == name; }),
               fields.end());
  return fields;
}

}  // namespace

TEST_CASE("the typed village table saved by two officers from one version: the second is told, sees both, saves again") {
  TwoOfficers s;
  const std::string page = path_of(s.tree.commune_a, "thon") + kTable;
  REQUIRE(s.first.post(page, typed_table(s.first.get(page), page, "100")).status == 303);  // version 1
  const Page hoa_opened = s.first.get(page);
  const Page binh_opened = s.second.get(page);
  CHECK(value_of(hoa_opened, "tu-phien-ban") == "1");
  CHECK(value_of(binh_opened, "tu-phien-ban") == "1");

  REQUIRE(s.first.post(page, typed_table(hoa_opened, page, "120")).status == 303);  // version 2
  const long long audit_rows = s.server.count("audit_log");
  const Page refused = s.second.post(page, typed_table(binh_opened, page, "130"));
  CHECK(refused.status == 409);
  const std::vector<VersionRecord> after = s.versions(WorkKind::VillageTable, 2026);
  REQUIRE(after.size() == 2);  // nothing saved over version 2
  CHECK(s.server.count("audit_log") == audit_rows);
  // Told, in the error summary and above the form, who saved which version when, with a link to it.
  CHECK(refused.has("href=\"#xung-dot\""));
  CHECK(refused.has("Trong lúc bạn nhập, Người dùng xa.anhoathinh đã lưu phiên bản 2 (" +
                    escape_html(vietnam_time(after.front().created_at))));
  CHECK(refused.has("<section class=\"panel conflict\" id=\"xung-dot\""));
  CHECK(refused.has("Người dùng xa.anhoathinh đã lưu " + s.version_link(after.front())));
  // Both: the table saved meanwhile (Bảng đang dùng: 120 + 300 households) and the officer's own, still typed.
  const std::string in_use = between_marks(refused.body, "Bảng đang dùng", "id=\"xung-dot\"");
  CHECK(in_use.find(">120<") != std::string::npos);
  CHECK(in_use.find(">420<") != std::string::npos);
  CHECK(value_of(refused, "thon-1-so-ho") == "130");
  // And where they differ, cell by cell: only Sâm Cồn's households.
  const std::string differ = between_marks(refused.body, "<h3>Chỗ khác nhau</h3>", "</table>");
  CHECK(differ.find("<tr><th scope=\"row\">Sâm Cồn</th><td>Tổng số hộ</td><td class=\"number\">120</td>"
                    "<td class=\"number\">130</td></tr>") != std::string::npos);
  CHECK(differ.find("Trùa") == std::string::npos);
  CHECK(value_of(refused, "tu-phien-ban") == "2");  // opened now on version 2: saving again is deliberate

  const Page again = s.second.post(page, typed_into(form_fields(refused, page), {{"hanh-dong", "luu"}}));
  CHECK(again.status == 303);
  const std::vector<VersionRecord> kept = s.versions(WorkKind::VillageTable, 2026);
  REQUIRE(kept.size() == 3);
  CHECK(kept.front().created_by == s.binh.id);
  CHECK(s.second.get(page).has(">130<"));
  // Every version is there to read: the first officer's 120 as version 2.
  CHECK(s.second.get(path_of(s.tree.commune_a, "phien-ban/" + std::to_string(kept[1].id))).has(">120<"));
}

TEST_CASE("a page's own buttons (add a row) keep the version the form was opened on, a client without the field is not checked") {
  TwoOfficers s;
  const std::string page = path_of(s.tree.commune_a, "thon") + kTable;
  const Page opened = s.second.get(page);
  CHECK(value_of(opened, "tu-phien-ban") == "0");
  REQUIRE(s.first.post(page, typed_table(s.first.get(page), page, "100")).status == 303);
  // "Thêm dòng" after the other's save: the form still says it was opened before it, so the save is refused.
  const Page added = s.second.post(page, typed_into(typed_table(opened, page, "140"), {{"hanh-dong", "them-dong"}}));
  CHECK(added.status == 200);
  CHECK(value_of(added, "tu-phien-ban") == "0");
  CHECK(s.second.post(page, typed_into(form_fields(added, page), {{"hanh-dong", "luu"}})).status == 409);
  CHECK(s.versions(WorkKind::VillageTable, 2026).size() == 1);
  // A form posted without tu-phien-ban (a script, not the page) is saved as before.
  CHECK(s.second.post(page, without(typed_table(opened, page, "150"), "tu-phien-ban")).status == 303);
  CHECK(s.versions(WorkKind::VillageTable, 2026).size() == 2);
}

TEST_CASE("an upload after another officer's save is refused too, and the newer table shown") {
  TwoOfficers s;
  const std::string page = path_of(s.tree.commune_a, "thon") + kTable;
  const std::string upload = path_of(s.tree.commune_a, "thon/tai-len") + kTable;
  const Page opened = s.second.get(page);
  REQUIRE(s.first.post(page, typed_table(s.first.get(page), page, "100")).status == 303);
  const Page refused = s.second.post_file(upload, {{"csrf", opened.csrf(upload)}, {"tu-phien-ban", value_of(opened, "tu-phien-ban")}},
                                          "tep-thon", "bang-moi.csv", bytes_of(example_path("an-hoa-thinh-2022/thon.csv")));
  CHECK(refused.status == 409);
  CHECK(refused.has("Tệp bang-moi.csv bạn vừa tải lên chưa được lưu"));
  CHECK(refused.has("Người dùng xa.anhoathinh đã lưu " + s.version_link(s.versions(WorkKind::VillageTable, 2026).front())));
  CHECK(s.versions(WorkKind::VillageTable, 2026).size() == 1);
  CHECK(s.second.post_file(upload, {{"csrf", refused.csrf(upload)}, {"tu-phien-ban", value_of(refused, "tu-phien-ban")}},
                           "tep-thon", "bang-moi.csv", bytes_of(example_path("an-hoa-thinh-2022/thon.csv")))
            .status == 303);
  CHECK(s.versions(WorkKind::VillageTable, 2026).size() == 2);
}

TEST_CASE("the plan form saved by two officers from one version: no documents made for nothing, both shown, saved again") {
  TwoOfficers s;
  make_example_plan(s.first, s.tree.commune_a);  // version 1 of the plan
  const std::string page = path_of(s.tree.commune_a, "ke-hoach") + "?nam=2022";
  const Page hoa_opened = s.first.get(page);
  const Page binh_opened = s.second.get(page);
  CHECK(value_of(binh_opened, "tu-phien-ban") == "1");
  REQUIRE(s.first.post(page, typed_into(form_fields(hoa_opened, page), {{"so-van-ban", "45"}, {"ngay-ban-hanh", "15/03/2022"}, {"hanh-dong", "luu"}}))
              .status == 303);
  const long long files = s.server.count("stored_files");
  const Page refused =
      s.second.post(page, typed_into(form_fields(binh_opened, page), {{"so-van-ban", "46"}, {"ngay-ban-hanh", "16/03/2022"}, {"hanh-dong", "tao-van-ban"}}));
  CHECK(refused.status == 409);
  const std::vector<VersionRecord> plans = s.versions(WorkKind::Plan, 2022);
  REQUIRE(plans.size() == 2);
  CHECK(s.server.count("stored_files") == files);  // the documents were not made
  CHECK(refused.has("Trong lúc bạn nhập, Người dùng xa.anhoathinh đã lưu phiên bản 2"));
  CHECK(refused.has("Người dùng xa.anhoathinh đã lưu " + s.version_link(plans.front()) + " của Kế hoạch năm 2022"));
  // The version saved meanwhile, with its appendix, in the section; the officer's own form below, as typed.
  const std::string section = between_marks(refused.body, "id=\"xung-dot\"", "</section>");
  CHECK(section.find("<h3>Phụ lục chỉ tiêu</h3>") != std::string::npos);
  CHECK(section.find("Kế hoạch số 45/KH-UBND") != std::string::npos);
  CHECK(value_of(refused, "so-van-ban") == "46");
  CHECK(value_of(refused, "tu-phien-ban") == "2");
  CHECK(refused.has("Tính từ các ô đang nhập dưới đây"));
  const Page again = s.second.post(page, typed_into(form_fields(refused, page), {{"hanh-dong", "tao-van-ban"}}));
  CHECK(again.status == 303);
  const std::vector<VersionRecord> kept = s.versions(WorkKind::Plan, 2022);
  REQUIRE(kept.size() == 3);
  CHECK(kept.front().state == WorkState::Done);
  CHECK(kept.front().created_by == s.binh.id);
}

TEST_CASE("the report form saved by two officers from one version: the second is refused with both shown") {
  TwoOfficers s;
  make_example_plan(s.first, s.tree.commune_a);
  const std::string page = path_of(s.tree.commune_a, "bao-cao") + "?nam=2022&ky=6m";
  const Page hoa_opened = s.first.get(page);
  const Page binh_opened = s.second.get(page);
  CHECK(value_of(binh_opened, "tu-phien-ban") == "0");
  REQUIRE(s.first.post(page, typed_into(form_fields(hoa_opened, page), {{"so-van-ban", "30"}, {"ngay-ban-hanh", "08/06/2022"}, {"hanh-dong", "luu"}}))
              .status == 303);
  const Page refused =
      s.second.post(page, typed_into(form_fields(binh_opened, page), {{"so-van-ban", "31"}, {"ngay-ban-hanh", "09/06/2022"}, {"hanh-dong", "luu"}}));
  CHECK(refused.status == 409);
  const std::vector<VersionRecord> reports = s.versions(WorkKind::Report6m, 2022);
  REQUIRE(reports.size() == 1);
  CHECK(refused.has("Người dùng xa.anhoathinh đã lưu " + s.version_link(reports.front()) +
                    " của Báo cáo 6 tháng đầu năm 2022"));
  CHECK(between_marks(refused.body, "id=\"xung-dot\"", "</section>").find("<h3>Kết quả</h3>") != std::string::npos);
  CHECK(value_of(refused, "so-van-ban") == "31");
  CHECK(value_of(refused, "tu-phien-ban") == "1");
  CHECK(s.second.post(page, typed_into(form_fields(refused, page), {{"hanh-dong", "luu"}})).status == 303);
  CHECK(s.versions(WorkKind::Report6m, 2022).size() == 2);
}

TEST_CASE("two saves from one version arriving at once: exactly one is kept, the other refused, round after round") {
  TwoOfficers s;
  const std::string page = path_of(s.tree.commune_a, "thon") + kTable;
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    CAPTURE(round);
    const Fields hoa = typed_table(s.first.get(page), page, std::to_string(100 + round));
    const Fields binh = typed_table(s.second.get(page), page, std::to_string(200 + round));
    int first_status = 0, second_status = 0;
    std::thread one([&] { first_status = s.first.post(page, hoa).status; });
    std::thread two([&] { second_status = s.second.post(page, binh).status; });
    one.join();
    two.join();
    std::vector<int> statuses{first_status, second_status};
    std::sort(statuses.begin(), statuses.end());
    CHECK(statuses == std::vector<int>{303, 409});
    CHECK(s.versions(WorkKind::VillageTable, 2026).size() == static_cast<std::size_t>(round + 1));
  }
}
