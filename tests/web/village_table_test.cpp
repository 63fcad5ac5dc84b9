// The village table page: an upload read by the same reader as `kehoach appendix` (every problem listed and
// linked to its cell, nothing saved), a table typed on the page ("2.047" is 2.047 households, rows added
// and removed without script), every save a new version, another commune's versions 404.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "app/check_statistics.h"
#include "read/statistics_reader.h"
#include "read/table_file.h"
#include "store/versions.h"
#include "text/legacy_encoding.h"
#include "../unit/test_support.h"
#include "web/html.h"
#include "web_fixture.h"

using namespace kehoach;
using namespace kehoach::testing;

namespace {

std::string example_bytes(const std::string& name) {
  std::ifstream in(std::string(KEHOACH_EXAMPLES) + "/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string path_of(const UnitRecord& unit, const std::string& page = "") {
  return "/don-vi/" + std::to_string(unit.id) + (page.empty() ? "" : "/" + page);
}

std::vector<VersionRecord> tables_of(TestServer& server, const UnitRecord& unit, int year) {
  Poco::Data::Session db = server.site().database().session();
  return versions_of(db, unit.id, year, WorkKind::VillageTable);
}

// The first link of the page to a version's file whose name is `name`.
std::string file_link(const Page& page, const std::string& name) {
  const std::size_t end = page.body.find("/" + name + "\"");
  if (end == std::string::npos) return "";
  const std::size_t start = page.body.rfind("href=\"", end) + 6;
  return page.body.substr(start, end + name.size() + 1 - start);
}

struct Signed {
  TestServer server;
  SmallTree tree{server};
  Browser browser = server.browser();
  Signed() {
    server.account("xa.anhoathinh", Role::CommuneOfficer, tree.commune_a.id);
    TestServer::sign_in(browser, "xa.anhoathinh");
  }
  std::string page(int year = 2022) { return path_of(tree.commune_a, "thon") + "?nam=" + std::to_string(year); }
  std::string upload_action(int year = 2022) {
    return path_of(tree.commune_a, "thon/tai-len") + "?nam=" + std::to_string(year);
  }
  Page upload(const std::string& name, const std::string& bytes) {
    const std::string token = browser.get(page()).csrf(upload_action());
    return browser.post_file(upload_action(), {{"csrf", token}}, "tep-thon", name, bytes);
  }
};

}  // namespace

TEST_CASE("An Hòa Thịnh's thon.csv uploaded: a version saved, the table shown back with its totals") {
  Signed s;
  const Page before = s.browser.get(s.page());
  REQUIRE(before.status == 200);
  CHECK(before.has("<h1>Bảng số liệu thôn năm 2022</h1>"));
  CHECK(before.has("Chưa có bảng số liệu thôn năm 2022"));
  // The typed table starts from the villages of the unit tree.
  CHECK(before.has("name=\"thon-1-ten\" value=\"Sâm Cồn\""));
  CHECK(before.has("name=\"thon-2-ten\" value=\"Trùa\""));

  const Page saved = s.upload("thon.csv", example_bytes("an-hoa-thinh-2022/thon.csv"));
  CHECK(saved.status == 303);
  CHECK(saved.header("location") == s.page());
  const std::vector<VersionRecord> versions = tables_of(s.server, s.tree.commune_a, 2022);
  REQUIRE(versions.size() == 1);
  CHECK(versions[0].number == 1);
  CHECK(versions[0].state == WorkState::Done);

  const Page shown = s.browser.get(s.page());
  CHECK(shown.has("Đã lưu bảng số liệu thôn năm 2022 từ tệp thon.csv (phiên bản 1, 19 thôn)."));
  CHECK(shown.has("<th scope=\"row\">Sâm Cồn</th><td class=\"number\">166</td><td class=\"number\">10</td>"
                  "<td class=\"number\">6,02</td><td class=\"number\">12</td>"));
  // The totals, as the appendix computes them: 2.047 households, 128 poor (6,25%), 171 near-poor (8,35%).
  CHECK(shown.has("<th scope=\"row\">Tổng cộng</th><td class=\"number\">2.047</td><td class=\"number\">128</td>"
                  "<td class=\"number\">6,25</td><td class=\"number\">171</td><td class=\"number\">8,35</td>"));
  // The typed table now starts from the table in use.
  CHECK(shown.has("name=\"thon-19-ten\" value=\"Tân Thịnh\""));
  CHECK(shown.has("name=\"thon-1-so-ho\" value=\"166\""));
  // The file kept is the file uploaded, byte for byte, downloadable from the version.
  const std::string link = file_link(shown, "thon.csv");
  REQUIRE_FALSE(link.empty());
  const Page download = s.browser.get(link);
  CHECK(download.status == 200);
  CHECK(download.body == example_bytes("an-hoa-thinh-2022/thon.csv"));
  CHECK(download.header("content-disposition").find("attachment; filename=\"thon.csv\"") == 0);

  // Again: a second version, the first still there to read.
  CHECK(s.upload("thon.csv", example_bytes("an-hoa-thinh-2022/thon.csv")).status == 303);
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).size() == 2);
  const Page first = s.browser.get(path_of(s.tree.commune_a, "phien-ban/" + std::to_string(versions[0].id)));
  CHECK(first.status == 200);
  CHECK(first.has("Bảng số liệu thôn: phiên bản 1"));
  CHECK(first.has("<td class=\"number\">2.047</td>"));
  // Another year has its own table.
  CHECK(s.browser.get(s.page(2023)).has("Chưa có bảng số liệu thôn năm 2023"));
}

TEST_CASE("a broken village table: every problem listed with the reader's words, linked to its cell, nothing saved") {
  Signed s;
  const std::string broken =
      "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n"
      "1,Sâm Cồn,166,10,12\n"
      "2,Trùa,105,abc,7\n"
      "3,Nậy,0,7,9\n"
      "4,Sâm Cồn,130,8,17\n"
      "5,Đông Hà,127,80,60\n";
  const Page page = s.upload("thon-loi.csv", broken);
  CHECK(page.status == 422);
  CHECK(page.has("<title>Lỗi: Bảng số liệu thôn năm 2022 – kehoach</title>"));
  CHECK(page.has("Có lỗi cần sửa"));
  // The first message is exactly the command line's for the same file.
  ScratchFolder scratch;
  // (run in the folder of the file, as an officer does: `kehoach appendix` names it as it was given)
  const std::string written = scratch.write("thon-loi.csv", broken);
  std::string cli_message = error_of([&] { read_statistics(read_table_file(written)); });
  cli_message.erase(0, scratch.path().string().size() + 1);
  CHECK(cli_message.rfind("thon-loi.csv:3, cột D (Hộ nghèo): ", 0) == 0);
  CHECK(page.has("<li><a href=\"#o-3-D\">" + escape_html(cli_message) + "</a></li>"));
  // Every row with a problem, each linked to its cell, and the cells in the table as read.
  for (const std::string cell : {"o-3-D", "o-4-C", "o-5-B", "o-6-C"}) {
    CAPTURE(cell);
    CHECK(page.has("<a href=\"#" + cell + "\">"));
    CHECK(page.has("<td id=\"" + cell + "\" class=\"cell--error\" tabindex=\"-1\">"));
  }
  CHECK(page.has(escape_html("thon-loi.csv:5, cột B (Thôn): \"Sâm Cồn\" đã có ở dòng 2")));
  CHECK(page.has("<td id=\"o-2-B\">Sâm Cồn</td>"));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).empty());
  CHECK(s.server.count("stored_files") == 0);

  // A file that is no table at all, and no file: the message at the file field.
  const Page pdf = s.upload("bang.pdf", "%PDF-1.4 ...");
  CHECK(pdf.status == 422);
  CHECK(pdf.has("<a href=\"#tep-thon\">bang.pdf: đây là tệp PDF"));
  const std::string token = s.browser.get(s.page()).csrf(s.upload_action());
  const Page none = s.browser.post_file(s.upload_action(), {{"csrf", token}}, "tep-thon", "", "");
  CHECK(none.status == 422);
  CHECK(none.has("<a href=\"#tep-thon\">Hãy chọn tệp bảng số liệu thôn"));
  // A missing column: the header row.
  const Page columns = s.upload("thieu-cot.csv", "Thôn,Tổng số hộ,Hộ nghèo\nSâm Cồn,166,10\n");
  CHECK(columns.status == 422);
  CHECK(columns.has("<a href=\"#o-1\">" + escape_html("thieu-cot.csv:1: không tìm thấy cột \"Hộ cận nghèo\".")));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).empty());
}

TEST_CASE("a village table typed in TCVN3 is converted on upload, too little evidence refused with the form's advice") {
  Signed s;
  auto tcvn3 = [](const std::string& text) { return *encode_legacy(text, LegacyEncoding::Tcvn3); };
  // A CSV saved from a table typed with the .VnTime fonts: every byte of its text in TCVN3.
  const std::string old_table =
      tcvn3("TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Sâm Cồn,166,10,12\n2,Trùa,105,7,7\n3,Nậy,97,7,9\n");
  CHECK(s.upload("thon-cu.csv", old_table).status == 303);
  const Page shown = s.browser.get(s.page());
  CHECK(shown.has("<th scope=\"row\">Sâm Cồn</th>"));
  CHECK(shown.has("<th scope=\"row\">Nậy</th>"));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).size() == 1);

  // Two cells that TCVN3 could be, among Unicode ones: too little to convert on its own. The command line
  // asks for --encoding, which a form does not have: the page says to convert the column and upload again.
  const std::string weak = "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Sâm Cồn,166,10,12\n2,Trùa,105,7,7\n3," +
                           tcvn3("Nậy") + ",97,7,9\n4," + tcvn3("Cừa Quán") + ",99,5,6\n";
  const Page refused = s.upload("thon-yeu.csv", weak);
  CHECK(refused.status == 422);
  CHECK(refused.has(escape_html("thon-yeu.csv:4, cột B: chữ ở cột B có thể được gõ bằng mã TCVN3")));
  CHECK(refused.has(escape_html("nếu đúng vậy, hãy chuyển cả cột về Unicode (bằng công cụ chuyển mã, như Unikey), lưu lại "
                                "rồi tải lên lại; nếu chữ trong bảng đã đúng, hãy nhập các dòng trực tiếp thay vì tải tệp lên.")));
  CHECK_FALSE(refused.has("--encoding"));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).size() == 1);
}

TEST_CASE("a village table typed on the page: 2.047 households, rows added and removed, problems at their fields") {
  Signed s;
  const std::string action = s.page();
  Fields fields{{"so-dong", "3"},
                {"thon-1-ten", "Sâm Cồn"}, {"thon-1-so-ho", "2.047"}, {"thon-1-ngheo", "128"}, {"thon-1-can-ngheo", "171"},
                {"thon-2-ten", "Trùa"}, {"thon-2-so-ho", "105"}, {"thon-2-ngheo", "7"}, {"thon-2-can-ngheo", "7"},
                {"thon-3-ten", ""}, {"thon-3-so-ho", ""}, {"thon-3-ngheo", ""}, {"thon-3-can-ngheo", ""}};

  // Thêm dòng: one row more, nothing saved.
  Fields add = fields;
  add.emplace_back("hanh-dong", "them-dong");
  const Page added = s.browser.submit(s.page(), action, add);
  CHECK(added.status == 200);
  CHECK(added.has("name=\"so-dong\" value=\"4\""));
  CHECK(added.has("id=\"thon-4-ten\""));
  CHECK(added.has("name=\"thon-1-so-ho\" value=\"2.047\""));
  // Xoá dòng: the rows marked go.
  Fields remove = fields;
  remove.emplace_back("thon-2-xoa", "1");
  remove.emplace_back("hanh-dong", "xoa-dong");
  const Page removed = s.browser.submit(s.page(), action, remove);
  CHECK(removed.status == 200);
  CHECK(removed.has("name=\"so-dong\" value=\"2\""));
  CHECK_FALSE(removed.has("value=\"Trùa\""));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).empty());

  // A problem: at its field, in the reader's words, nothing saved.
  Fields bad = fields;
  bad[7].second = "abc";  // thon-2-ngheo
  bad[3].second = "3.000";  // thon-1-ngheo: more than the households
  bad.emplace_back("hanh-dong", "luu");
  const Page refused = s.browser.submit(s.page(), action, bad);
  CHECK(refused.status == 422);
  CHECK(refused.has("<a href=\"#thon-2-ngheo\">Dòng 2, Hộ nghèo: "));
  CHECK(refused.has("<a href=\"#thon-1-so-ho\">Dòng 1, Tổng số hộ: &quot;Sâm Cồn&quot; có 3000 hộ nghèo"));
  CHECK(refused.has("aria-invalid=\"true\" aria-describedby=\"thon-2-ngheo-loi\""));
  CHECK(refused.has("name=\"thon-2-ngheo\" value=\"abc\""));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).empty());

  // A name a spreadsheet would read as a formula is not written into the CSV kept.
  Fields formula = fields;
  formula[5].second = "=HYPERLINK(\"http://x\")";  // thon-2-ten
  formula.emplace_back("hanh-dong", "luu");
  const Page refused_formula = s.browser.submit(s.page(), action, formula);
  CHECK(refused_formula.status == 422);
  CHECK(refused_formula.has("<a href=\"#thon-2-ten\">Dòng 2, Tên: tên thôn không bắt đầu bằng dấu ="));
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).empty());

  // Saved: "2.047" read as 2.047 households.
  Fields good = fields;
  good.emplace_back("hanh-dong", "luu");
  const Page saved = s.browser.submit(s.page(), action, good);
  CHECK(saved.status == 303);
  REQUIRE(tables_of(s.server, s.tree.commune_a, 2022).size() == 1);
  const Page shown = s.browser.get(s.page());
  CHECK(shown.has("Đã lưu bảng số liệu thôn năm 2022 (phiên bản 1)."));
  CHECK(shown.has("<th scope=\"row\">Sâm Cồn</th><td class=\"number\">2.047</td><td class=\"number\">128</td>"
                  "<td class=\"number\">6,25</td>"));
  CHECK(shown.has("<th scope=\"row\">Tổng cộng</th><td class=\"number\">2.152</td>"));
  // The file kept is a CSV that `kehoach appendix` reads to the same figures.
  const Page csv = s.browser.get(file_link(shown, "thon.csv"));
  CHECK(csv.status == 200);
  CHECK(csv.body == "TT,Thôn,Tổng số hộ,Hộ nghèo,Hộ cận nghèo\n1,Sâm Cồn,2.047,128,171\n2,Trùa,105,7,7\n");
  ScratchFolder scratch;
  const Statistics statistics = read_statistics(read_table_file(scratch.write("thon.csv", csv.body)));
  REQUIRE(statistics.units.size() == 2);
  CHECK(statistics.units[0].households == 2047);
}

TEST_CASE("another commune's officer gets 404 for the village table's versions and files") {
  Signed s;
  REQUIRE(s.upload("thon.csv", example_bytes("an-hoa-thinh-2022/thon.csv")).status == 303);
  const VersionRecord version = tables_of(s.server, s.tree.commune_a, 2022).front();
  const std::string own = path_of(s.tree.commune_a, "phien-ban/" + std::to_string(version.id));
  CHECK(s.browser.get(own).status == 200);
  CHECK(s.browser.get(own + "/thon.csv").status == 200);
  CHECK(s.browser.get(own + "/ke-hoach.docx").status == 404);
  CHECK(s.browser.get(own + "/..%2Fkehoach.db").status == 404);

  s.server.account("xa.kyanh", Role::CommuneOfficer, s.tree.commune_b.id);
  Browser other = s.server.browser();
  TestServer::sign_in(other, "xa.kyanh");
  for (const std::string& path : {own, own + "/thon.csv",
                                  path_of(s.tree.commune_b, "phien-ban/" + std::to_string(version.id)),
                                  path_of(s.tree.commune_b, "phien-ban/" + std::to_string(version.id) + "/thon.csv"),
                                  path_of(s.tree.commune_a, "thon") + "?nam=2022"}) {
    CAPTURE(path);
    const Page page = other.get(path);
    CHECK(page.status == 404);
    CHECK_FALSE(page.has("Sâm Cồn"));
  }
  const std::string token = other.get(path_of(s.tree.commune_b, "thon")).csrf();
  CHECK(other.post_file(s.upload_action(), {{"csrf", token}}, "tep-thon", "thon.csv",
                        example_bytes("an-hoa-thinh-2022/thon.csv")).status == 404);
  CHECK(tables_of(s.server, s.tree.commune_a, 2022).size() == 1);
}
