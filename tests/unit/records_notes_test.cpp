#include <doctest/doctest.h>

#include <algorithm>

#include "write/records_notes.h"

using namespace kehoach;

namespace {

PovertyStandard standard_2022() {
  PovertyStandard s;
  s.name = "Chuẩn nghèo đa chiều giai đoạn 2022–2025";
  s.document = "Nghị định 07/2021/NĐ-CP";
  s.file = "data/standards/quoc-gia-2022-2025.yaml";
  return s;
}

PovertyStandard unconfirmed_2027() {
  PovertyStandard s;
  s.name = "Chuẩn nghèo đa chiều giai đoạn 2027–2030";
  s.confirmed = false;
  s.file = "data/standards/quoc-gia-2027-2030.yaml";
  return s;
}

RecordsSummary list(const std::string& source, long long households, long long skipped = 0) {
  return RecordsSummary{source, {"Xã", "Thôn"}, households, skipped};
}

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("the standard's label has its legal text after a comma, so that a bracketed line has one pair") {
  CHECK(standard_label(standard_2022()) == "Chuẩn nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP");
  CHECK(standard_by_line(standard_2022()) == "(Theo chuẩn nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP)");
  // A file written the old way, the document in brackets in the name, reads the same.
  PovertyStandard old = standard_2022();
  old.name = "Chuẩn nghèo đa chiều giai đoạn 2022–2025 (Nghị định 07/2021/NĐ-CP)";
  old.document = "";
  CHECK(standard_by_line(old) == standard_by_line(standard_2022()));
  // Without a document, the name alone; a name that is not "Chuẩn …" keeps its capital.
  CHECK(standard_by_line(unconfirmed_2027()) == "(Theo chuẩn nghèo đa chiều giai đoạn 2027–2030)");
  PovertyStandard local = standard_2022();
  local.name = "Nghị quyết chuẩn nghèo Thành phố";
  local.document = "";
  CHECK(standard_by_line(local) == "(Theo Nghị quyết chuẩn nghèo Thành phố)");
}

TEST_CASE("the notes under a table from one list say what the list is and its count, never its file") {
  const RecordsSummary records = list("/du-lieu/ho-gia-dinh-cuoi-2021.csv", 2047);
  const auto notes = records_notes({{noted(records, NotedList::Role::Only, 2021)}, standard_2022()});
  CHECK(notes == std::vector<std::string>{"Số liệu tính từ danh sách hộ rà soát cuối năm 2021 (2.047 hộ) theo chuẩn "
                                          "nghèo đa chiều giai đoạn 2022–2025, Nghị định 07/2021/NĐ-CP."});
  CHECK_FALSE(mentions(notes, "ho-gia-dinh"));
  CHECK_FALSE(mentions(notes, ".csv"));
  CHECK(records_on_terminal(records) == "/du-lieu/ho-gia-dinh-cuoi-2021.csv (2.047 hộ)");
}

TEST_CASE("two lists get a line each, rows left out counted, then the standard") {
  const RecordsSummary start = list("dau.xlsx", 2047), end = list("cuoi.csv", 2045, 3);
  const auto notes = records_notes({{noted(start, NotedList::Role::PeriodStart, 2022),
                                     noted(end, NotedList::Role::PeriodEnd, 2022)},
                                    standard_2022()});
  CHECK(notes == std::vector<std::string>{
                     "Danh sách hộ rà soát đầu kỳ: 2.047 hộ.",
                     "Danh sách hộ rà soát cuối năm 2022: 2.045 hộ; đã bỏ qua 3 dòng có giá trị sai.",
                     "Hộ nghèo, hộ cận nghèo xác định theo chuẩn nghèo đa chiều giai đoạn 2022–2025, "
                     "Nghị định 07/2021/NĐ-CP."});
  CHECK(records_on_terminal(end) == "cuoi.csv (2.045 hộ; đã bỏ qua 3 dòng có giá trị sai)");
}

TEST_CASE("a report's lists: the start of the year, and now (a year-end review or an update for the period)") {
  const RecordsSummary start = list("dau.csv", 2047), end = list("cuoi.csv", 2045);
  NotedList now = noted(end, NotedList::Role::Now, 2022);
  CHECK(list_lead(noted(start, NotedList::Role::YearStart, 2021)) ==
        "Số liệu đầu năm tính từ danh sách hộ rà soát cuối năm 2021");
  CHECK(list_lead(now) == "Số liệu hiện nay tính từ danh sách hộ rà soát cuối năm 2022");
  now.update = Period::H1;
  CHECK(list_lead(now) == "Số liệu hiện nay tính từ danh sách hộ cập nhật 6 tháng đầu năm 2022");
  // Notes with no list: only a standard not yet confirmed says anything.
  CHECK(records_notes({{}, standard_2022()}).empty());
  CHECK(records_notes({{}, unconfirmed_2027()}).size() == 1);
  CHECK(records_notes({}).empty());
}

TEST_CASE("a standard not yet confirmed adds a note under the table and a warning for the terminal") {
  CHECK(unconfirmed_standard_note(standard_2022()).empty());
  CHECK(unconfirmed_standard_warning(standard_2022()).empty());
  const RecordsSummary records = list("ho.csv", 10);
  const auto notes = records_notes({{noted(records, NotedList::Role::Only, 2027)}, unconfirmed_2027()});
  REQUIRE(notes.size() == 2);
  CHECK(notes[1] == "Chuẩn nghèo đa chiều giai đoạn 2027–2030 chưa được văn bản pháp luật xác nhận: số liệu tính theo "
                    "các mức dự kiến, cần tính lại khi có văn bản chính thức.");
  const std::string warning = unconfirmed_standard_warning(unconfirmed_2027());
  CHECK(warning.rfind("cảnh báo: áp dụng Chuẩn nghèo đa chiều giai đoạn 2027–2030 "
                      "(data/standards/quoc-gia-2027-2030.yaml), các mức của chuẩn này chưa được văn bản pháp luật xác "
                      "nhận", 0) == 0);
}
