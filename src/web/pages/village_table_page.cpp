// The village table (bảng số liệu thôn) of a commune for a plan year: the table in use with its totals,
// a form to upload a CSV or XLSX file (read by the same reader, with the same messages, as `kehoach
// appendix`; every problem in the error summary, each linked to its cell in the file as read), a table to
// type the figures in (one row per village of the unit tree, rows added and removed by buttons, no
// script), and the versions saved. A table is saved only when it reads without a problem.
//
//   GET  /don-vi/{unit}/thon?nam=YYYY
//   POST /don-vi/{unit}/thon?nam=YYYY            the typed table: hanh-dong = luu | them-dong | xoa-dong;
//        so-dong, thon-N-ten, thon-N-so-ho, thon-N-ngheo, thon-N-can-ngheo, thon-N-xoa (N from 1)
//   POST /don-vi/{unit}/thon/tai-len?nam=YYYY    the upload: tep-thon
// Both forms carry tu-phien-ban, the version they were opened on: when another officer saved a version since,
// nothing is saved and the page comes back (409) with the newer table above and the officer's input below.
// Only the unit's own officers see the forms (others read the table, told who changes it). Once the table is
// approved (web/submission_work.h) its forms give way to the notice and both POSTs are refused (403) with the
// reason.
#include <algorithm>
#include <fstream>

#include "store/sessions.h"
#include "text/unicode.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/table_form.h"
#include "web/layout.h"
#include "web/plan_year.h"
#include "web/routes.h"
#include "web/save_conflict.h"
#include "web/submission_work.h"
#include "web/village_table.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

constexpr const char* kFileField = "tep-thon";
constexpr int kMostTypedRows = 400;
constexpr int kBlankRowsAdded = 1;

std::string page_path(const RequestContext& context, int year) {
  return unit_path(context.unit->id, "thon") + year_query(year);
}
std::string upload_path(const RequestContext& context, int year) {
  return unit_path(context.unit->id, "thon/tai-len") + year_query(year);
}

// What the page shows besides its forms: the table in use, or where it would be.
std::string current_table(const RequestContext& context, const std::optional<VillageTable>& table, int year) {
  std::string html = "<h2>Bảng đang dùng</h2>\n";
  if (!table) return html + "<p>Chưa có bảng số liệu thôn năm " + std::to_string(year) +
                       ". Hãy tải lên tệp hoặc nhập trực tiếp ở dưới.</p>\n";
  html += "<p>" + escape_html(version_line(context, table->version)) + "; tệp <a href=\"" +
          escape_html(version_file_path(table->version.unit_id, table->version.id, table->file.name)) + "\" download>" +
          escape_html(table->file.name) + "</a>.</p>\n";
  if (table->check.statistics)
    html += statistics_html(*table->check.statistics, "Số hộ, hộ nghèo, hộ cận nghèo đầu năm " + std::to_string(year));
  else if (!table->check.problems.empty())
    html += "<p>Bảng này không còn đọc được: " + escape_html(upload_message(table->check.problems.front().what())) + "</p>\n";
  return html;
}

struct UploadView {
  const StatisticsCheck* check = nullptr;  // the file just refused, shown as read
  std::string file_name;
};

std::string upload_form(const RequestContext& context, int year, const FormErrors& errors, const UploadView& refused,
                        int opened_on) {
  std::string html =
      "<h2>Tải lên tệp</h2>\n<p>Tệp CSV hoặc Excel (.xlsx), mỗi thôn một dòng, có các cột <strong>Thôn</strong> (hoặc "
      "Đơn vị, Tổ dân phố), <strong>Tổng số hộ</strong>, <strong>Hộ nghèo</strong>, <strong>Hộ cận nghèo</strong> (có "
      "thể thêm Số khẩu), như bảng dùng cho <code>kehoach appendix</code>. Số hộ viết <code>2.047</code> cũng được.</p>\n";
  const std::string fields =
      file_field({.id = kFileField, .label = "Tệp bảng số liệu thôn", .hint = "CSV hoặc Excel .xlsx, .xls (trang tính đầu tiên)."},
                 ".csv,.xlsx,.xls,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
                 "application/vnd.ms-excel", errors) +
      opened_on_field(opened_on) + submit_button("Tải lên và lưu");
  html += post_form(upload_path(context, year), context.csrf(), fields, true);
  if (refused.check && !refused.check->grid.rows.empty())
    html += "<p>Tệp <strong>" + escape_html(refused.file_name) + "</strong> như kehoach đọc được; ô có lỗi được tô đỏ. "
            "Sửa tệp rồi tải lên lại. Không có gì được lưu.</p>\n" +
            grid_html(refused.check->grid, refused.check->problems, "Tệp " + refused.file_name);
  return html;
}

std::string typed_cell(int row, const std::string& part, const std::string& label, const std::string& value,
                       const FormErrors& errors, bool number) {
  return input_cell({typed_field(row, part), label + " dòng " + std::to_string(row), value, number}, errors);
}

std::string typed_form(const RequestContext& context, int year, const std::vector<TypedRow>& rows,
                       const std::string& unit_column, const FormErrors& errors, int opened_on) {
  std::string html =
      "<h2>Hoặc nhập trực tiếp</h2>\n<p>Mỗi thôn một dòng. Dòng để trống được bỏ qua. Bấm <strong>Thêm dòng</strong> "
      "để có thêm dòng trống; đánh dấu ô <strong>Xoá</strong> rồi bấm <strong>Xoá dòng đã chọn</strong> để bỏ dòng.</p>\n";
  std::string inner = "<input type=\"hidden\" name=\"so-dong\" value=\"" + std::to_string(rows.size()) + "\">\n" +
                      opened_on_field(opened_on);
  inner += "<div class=\"table-scroll\">\n<table class=\"table typed-table\">\n<caption class=\"table-caption\">Bảng số liệu "
           "thôn năm " + std::to_string(year) + "</caption>\n<thead><tr><th scope=\"col\">TT</th><th scope=\"col\">" +
           escape_html(unit_column) + "</th><th scope=\"col\">Tổng số hộ</th><th scope=\"col\">Hộ nghèo</th><th "
           "scope=\"col\">Hộ cận nghèo</th><th scope=\"col\">Xoá</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const int row = static_cast<int>(i + 1);
    const TypedRow& typed = rows[i];
    const std::string remove = typed_field(row, "xoa");
    inner += "<tr><td>" + std::to_string(row) + "</td>" + typed_cell(row, "ten", unit_column, typed.name, errors, false) +
             typed_cell(row, "so-ho", "Tổng số hộ", typed.households, errors, true) +
             typed_cell(row, "ngheo", "Hộ nghèo", typed.poor, errors, true) +
             typed_cell(row, "can-ngheo", "Hộ cận nghèo", typed.near_poor, errors, true) +
             "<td class=\"checkbox-cell\"><input type=\"checkbox\" class=\"checkbox\" id=\"" + remove + "\" name=\"" + remove +
             "\" value=\"1\"><label for=\"" + remove + "\"><span class=\"visually-hidden\">Xoá dòng " +
             std::to_string(row) + "</span></label></td></tr>\n";
  }
  inner += "</tbody>\n</table>\n</div>\n<div class=\"button-group\">\n" +
           action_button("Lưu bảng", "hanh-dong", "luu") +
           action_button("Thêm dòng", "hanh-dong", "them-dong", "button button--secondary") +
           action_button("Xoá dòng đã chọn", "hanh-dong", "xoa-dong", "button button--secondary") + "</div>\n";
  return html + post_form(page_path(context, year), context.csrf(), inner);
}

// "2.047", "2047", " 2 047 ": one count as typed or shown, to compare.
std::string count_key(const std::string& text) {
  std::string key;
  for (char c : text)
    if (c != '.' && c != ' ') key += c;
  return key;
}

// The cells where the officer's typed table differs from the table saved meanwhile: village, column, saved,
// typed; "" when they hold the same figures.
std::string differences(const Statistics& saved, const std::vector<TypedRow>& typed, int number) {
  const std::vector<TypedRow> kept = rows_of_statistics(saved);
  const auto find = [](const std::vector<TypedRow>& rows, const std::string& name) -> const TypedRow* {
    for (const TypedRow& row : rows)
      if (!row.blank() && name_key(row.name) == name_key(name)) return &row;
    return nullptr;
  };
  std::vector<std::string> names;
  for (const std::vector<TypedRow>* rows : {&kept, &typed})
    for (const TypedRow& row : *rows) {
      const auto same = [&](const std::string& name) { return name_key(name) == name_key(row.name); };
      if (!row.blank() && std::none_of(names.begin(), names.end(), same)) names.push_back(row.name);
    }
  std::string rows_html;
  for (const std::string& name : names) {
    const TypedRow* a = find(kept, name);
    const TypedRow* b = find(typed, name);
    const std::pair<const char*, std::string TypedRow::*> columns[] = {
        {"Tổng số hộ", &TypedRow::households}, {"Hộ nghèo", &TypedRow::poor}, {"Hộ cận nghèo", &TypedRow::near_poor}};
    for (const auto& [label, member] : columns) {
      const std::string was = a ? a->*member : "không có";
      const std::string now = b ? b->*member : "không có";
      if (count_key(was) == count_key(now)) continue;
      rows_html += "<tr><th scope=\"row\">" + escape_html(name) + "</th><td>" + label + "</td><td class=\"number\">" +
                   escape_html(was) + "</td><td class=\"number\">" + escape_html(now) + "</td></tr>\n";
    }
  }
  if (rows_html.empty()) return "<p>Hai bảng có cùng số liệu.</p>\n";
  return "<h3>Chỗ khác nhau</h3>\n" + scroll_box("Chỗ khác nhau") +
         "<table class=\"table\">\n<caption class=\"visually-hidden\">Chỗ bảng bạn nhập khác phiên bản " +
         std::to_string(number) + "</caption>\n<thead><tr><th scope=\"col\">Thôn</th><th scope=\"col\">Cột</th>"
         "<th scope=\"col\">Phiên bản " + std::to_string(number) + " đã lưu</th><th scope=\"col\">Bạn nhập</th></tr>"
         "</thead>\n<tbody>\n" + rows_html + "</tbody>\n</table>\n</div>\n";
}

struct PageState {
  std::vector<TypedRow> rows;
  FormErrors errors;
  UploadView refused;
  int opened_on = 0;                      // the version the forms are opened on (tu-phien-ban)
  std::optional<VersionRecord> conflict;  // saved meanwhile by another officer: this save was refused
  std::string yours;                      // then where the officer's input is
  std::string beside;                     // and where the two differ
};

Reply render(RequestContext& context, int year, const PageState& state, int status) {
  const std::optional<VillageTable> table = latest_village_table(context, year);
  const std::vector<UnitRecord> villages = child_units(context.db, context.unit->id);
  const std::string column = table && table->check.statistics ? table->check.statistics->unit_column
                                                               : typed_unit_column(villages);
  std::string body = year_form(context, year);
  body += "<p>Số hộ, hộ nghèo, hộ cận nghèo của từng thôn đầu năm " + std::to_string(year) +
          " (kết quả rà soát cuối năm " + std::to_string(year - 1) + "): số liệu Kế hoạch năm " + std::to_string(year) +
          " chia chỉ tiêu theo. Mỗi lần lưu là một phiên bản mới.</p>\n";
  body += current_table(context, table, year);
  body += submission_section(context, WorkKind::VillageTable, year);
  if (work_forms_shown(context, WorkKind::VillageTable, year)) {  // others read it; approved: the section says why nothing changes
    // The newer table is "Bảng đang dùng" above; the officer's own is in the forms below.
    if (state.conflict) body += conflict_section(context, *state.conflict, state.yours, false, state.beside);
    body += upload_form(context, year, state.errors, state.refused, state.opened_on);
    body += typed_form(context, year, state.rows, column, state.errors, state.opened_on);
  }
  body += versions_section(context, versions_of(context.db, context.unit->id, year, WorkKind::VillageTable));
  return page_reply(context, {"Bảng số liệu thôn năm " + std::to_string(year), context.unit->full_name(), body,
                              &state.errors, true},
                    status);
}

// The rows the typed table starts with: the table in use, else the villages of the unit tree.
std::vector<TypedRow> starting_rows(RequestContext& context, int year) {
  const std::optional<VillageTable> table = latest_village_table(context, year);
  if (table && table->check.statistics) return rows_of_statistics(*table->check.statistics);
  std::vector<TypedRow> rows = rows_of_villages(child_units(context.db, context.unit->id));
  if (rows.empty()) rows.resize(5);
  return rows;
}

bool is_commune(const RequestContext& context) { return context.unit->tier == Tier::Commune; }

Reply show(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  PageState state;
  state.rows = starting_rows(context, page_year(context));
  state.opened_on = latest_number(context, WorkKind::VillageTable, page_year(context));
  return render(context, page_year(context), state, 200);
}

std::vector<TypedRow> posted_rows(const FormData& form) {
  int count = 0;
  try {
    count = std::stoi(form.value("so-dong"));
  } catch (const std::exception&) {
    count = 0;
  }
  count = std::clamp(count, 0, kMostTypedRows);
  std::vector<TypedRow> rows;
  for (int row = 1; row <= count; ++row)
    rows.push_back({clean_text(form.value(typed_field(row, "ten"))), clean_text(form.value(typed_field(row, "so-ho"))),
                    clean_text(form.value(typed_field(row, "ngheo"))), clean_text(form.value(typed_field(row, "can-ngheo")))});
  return rows;
}

Reply save_typed(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  const int year = page_year(context);
  const FormData& form = context.posted();
  PageState state;
  state.rows = posted_rows(form);
  state.opened_on = opened_on(context).value_or(latest_number(context, WorkKind::VillageTable, year));
  const std::string action = form.value("hanh-dong");
  if (action == "them-dong") {
    if (static_cast<int>(state.rows.size()) + kBlankRowsAdded <= kMostTypedRows) state.rows.resize(state.rows.size() + kBlankRowsAdded);
    return render(context, year, state, 200);
  }
  if (action == "xoa-dong") {
    std::vector<TypedRow> kept;
    for (std::size_t i = 0; i < state.rows.size(); ++i)
      if (form.value(typed_field(static_cast<int>(i + 1), "xoa")).empty()) kept.push_back(state.rows[i]);
    if (kept.size() == state.rows.size()) {
      state.errors.add(typed_field(1, "xoa"), "Hãy đánh dấu ô Xoá ở những dòng cần bỏ, rồi bấm Xoá dòng đã chọn.");
      return render(context, year, state, 422);
    }
    state.rows = kept.empty() ? std::vector<TypedRow>(1) : kept;
    return render(context, year, state, 200);
  }
  const std::optional<VillageTable> table = latest_village_table(context, year);
  const std::string column = table && table->check.statistics ? table->check.statistics->unit_column
                                                               : typed_unit_column(child_units(context.db, context.unit->id));
  const TypedCsv csv = typed_csv(state.rows, column);
  if (!check_typed(state.rows, csv, state.errors)) return render(context, year, state, 422);
  const WorkFolder folder(context.site);
  const std::string path = folder.file("thon.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << csv.text;
    if (!out.flush()) throw OutputError("không ghi được bảng số liệu tạm.");
  }
  VersionRecord version;
  try {
    version = save_version(context, WorkKind::VillageTable, year, WorkState::Done, {{"input", "thon.csv", path}},
                           "Nhập trực tiếp", opened_on(context));
  } catch (const VersionConflict& conflict) {
    state.conflict = conflict.newer();
    state.opened_on = conflict.newer().number;  // saving again now is deliberate
    state.yours = "Bảng bạn nhập vẫn ở dưới, chưa lưu; bảng mới nhất đã lưu ở mục Bảng đang dùng phía trên. Xem lại "
                  "cả hai rồi bấm Lưu bảng để lưu bảng của bạn thành phiên bản mới.";
    const VillageTable newer = village_table_of(context, conflict.newer());
    if (newer.check.statistics) state.beside = differences(*newer.check.statistics, state.rows, conflict.newer().number);
    add_conflict(state.errors, context, conflict.newer());
    return render(context, year, state, 409);
  }
  set_session_notice(context.db, context.who->session.token_hash,
                     "Đã lưu bảng số liệu thôn năm " + std::to_string(year) + " (phiên bản " + std::to_string(version.number) + ").");
  return redirect_to(page_path(context, year));
}

Reply upload(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  const int year = page_year(context);
  PageState state;
  state.rows = starting_rows(context, year);  // a refused file comes back with the latest table's rows: opened on it
  state.opened_on = latest_number(context, WorkKind::VillageTable, year);
  const UploadedFile* file = context.posted().file(kFileField);
  if (!file) {
    state.errors.add(kFileField, "Hãy chọn tệp bảng số liệu thôn (CSV hoặc Excel .xlsx).");
    return render(context, year, state, 422);
  }
  const std::string name = upload_name(file->file_name);
  const StatisticsCheck check = check_statistics_file(file->path, name);
  if (!check.problems.empty()) {
    for (const InputError& problem : check.problems) state.errors.add(problem_anchor(problem, kFileField), upload_message(problem.what()));
    state.refused = {&check, name};
    return render(context, year, state, 422);
  }
  const std::string kept = "thon" + table_extension(file->path, name);
  VersionRecord version;
  try {
    version = save_version(context, WorkKind::VillageTable, year, WorkState::Done, {{"input", kept, file->path}},
                           "Tải lên tệp", opened_on(context));
  } catch (const VersionConflict& conflict) {
    state.conflict = conflict.newer();
    state.opened_on = conflict.newer().number;
    state.rows = starting_rows(context, year);
    state.yours = "Tệp " + name + " bạn vừa tải lên chưa được lưu; bảng mới nhất đã lưu ở mục Bảng đang dùng phía trên. "
                  "Nếu vẫn muốn thay bằng tệp của bạn, hãy tải lên lại.";
    add_conflict(state.errors, context, conflict.newer());
    return render(context, year, state, 409);
  }
  set_session_notice(context.db, context.who->session.token_hash,
                     "Đã lưu bảng số liệu thôn năm " + std::to_string(year) + " từ tệp " + name + " (phiên bản " +
                         std::to_string(version.number) + ", " + std::to_string(check.statistics->units.size()) + " thôn).");
  return redirect_to(page_path(context, year));
}

}  // namespace

void add_village_table_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/thon", Access::Unit, show});
  const WorkKindOf village_table = [](const RequestContext&) { return std::optional<WorkKind>(WorkKind::VillageTable); };
  router.add({"POST", "/don-vi/{unit}/thon", Access::UnitWork, unless_approved(village_table, save_typed)});
  router.add({"POST", "/don-vi/{unit}/thon/tai-len", Access::UnitWork, unless_approved(village_table, upload)});
}

}  // namespace kehoach
