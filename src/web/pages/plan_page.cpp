// The plan (Kế hoạch) of a commune for a plan year: a form for every value of a plan file, each section of
// the template prefilled with its default wording, a preview of the appendix table computed from the form
// and the village table, and "Tạo văn bản", which writes the plan folder (the plan file the form makes and
// the village table) and calls the same use case as `kehoach plan` on it (app/make_plan.h). Every save is
// a new version: a draft (Đang nhập), or with its documents (Đã hoàn thành).
//
//   GET  /don-vi/{unit}/ke-hoach?nam=YYYY
//   POST /don-vi/{unit}/ke-hoach?nam=YYYY   the form (web/plan_form.h has its fields) and hanh-dong:
//        xem-truoc (preview, nothing saved), luu (save a draft), tao-van-ban (save and make the documents)
//        or de-nghi-dieu-chinh (ask the province for the figures typed, with ly-do-dieu-chinh, the reason);
//        tu-phien-ban, the version the form was opened on: when another officer saved one since, nothing is
//        saved and the form comes back (409) as typed, beside the version saved meanwhile
// Once the plan is approved (web/submission_work.h) the form gives way to the notice and the POST is refused
// (403) with the reason. Once the province has given targets (web/target_work.h), the form starts from them and a
// plan whose figures depart from them is not saved (422, each difference at its field, saying how to ask for
// others) until the province agrees to the figures asked for.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "app/make_plan.h"
#include "app/plan_sections.h"
#include "compute/appendix.h"
#include "compute/target_assignment.h"
#include "model/input_error.h"
#include "read/plan_reader.h"
#include "store/audit.h"
#include "store/database.h"
#include "store/sessions.h"
#include "template/part_template.h"
#include "text/unicode.h"
#include "web/audit_words.h"
#include "web/form_text.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/layout.h"
#include "web/plan_form.h"
#include "web/plan_work.h"
#include "web/plan_year.h"
#include "web/routes.h"
#include "web/save_conflict.h"
#include "web/submission_work.h"
#include "web/target_work.h"
#include "web/village_table.h"
#include "web/work_versions.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr int kBlankAgencies = 2;

std::string page_path(const RequestContext& context, int year) {
  return unit_path(context.unit->id, "ke-hoach") + year_query(year);
}

// What a section is called on the form (templates/README.md names them); the key itself for a user's own.
std::string section_label(const std::string& key) {
  static const std::map<std::string, std::string> labels{
      {"general_goal", "Mục tiêu tổng quát"},
      {"specific_goal", "Mục tiêu cụ thể"},
      {"analysis", "Phân tích hộ nghèo, hộ cận nghèo cuối năm trước"},
      {"leadership", "Công tác lãnh đạo, điều hành"},
      {"communication", "Về tuyên truyền"},
      {"policy", "Về cơ chế, chính sách"},
      {"resources", "Về huy động nguồn lực"},
      {"activities", "Nội dung hoạt động"},
      {"budget", "Kinh phí thực hiện"},
      {"solutions", "Giải pháp thực hiện"},
      {"purpose", "Mục đích, yêu cầu"},
      {"awareness", "Nâng cao nhận thức, trách nhiệm trong công tác giảm nghèo và tín dụng chính sách"},
      {"livelihood", "Mô hình hỗ trợ hội viên, phụ nữ phát triển kinh tế, giảm nghèo"},
      {"supervision", "Giám sát, phản biện xã hội, trợ giúp pháp lý, bình đẳng giới"},
      {"closing", "Câu kết (Trên đây là Kế hoạch …)"},
  };
  const auto found = labels.find(key);
  return found == labels.end() ? "Phần " + key : found->second;
}

// What the error summary calls a field when it quotes the plan reader.
std::string field_label(const PlanForm& form, const std::string& field) {
  static const std::map<std::string, std::string> labels{
      {"so-van-ban", "Số văn bản"}, {"ky-hieu", "Ký hiệu"}, {"ngay-ban-hanh", "Ngày ban hành"}, {"mau", "Mẫu văn bản"},
      {"co-quan-cap-tren", "Cơ quan cấp trên"}, {"co-quan-ban-hanh", "Cơ quan ban hành"},
      {"ten-don-vi", "Đơn vị ban hành"}, {"dia-danh", "Địa danh"}, {"chi-tieu-ngheo", "Chỉ tiêu hộ nghèo"},
      {"gia-tri-ngheo", "Chỉ tiêu hộ nghèo"}, {"chi-tieu-can-ngheo", "Chỉ tiêu hộ cận nghèo"},
      {"gia-tri-can-ngheo", "Chỉ tiêu hộ cận nghèo"}, {"ten-phu-luc", "Tên phụ lục"}, {"trich-yeu", "Trích yếu"},
      {"can-cu", "Căn cứ"}, {"cau-dan", "Câu dẫn"}, {"chi-tieu-khac", "Các chỉ tiêu khác"}, {"noi-nhan", "Nơi nhận"},
      {"ky-tm", "Thẩm quyền ký"}, {"ky-kt", "Ký thay"}, {"chuc-vu", "Chức vụ người ký"}, {"nguoi-ky", "Họ tên người ký"},
      {"han-q1", "Hạn nộp báo cáo quý I"}, {"han-6m", "Hạn nộp báo cáo 6 tháng"}, {"han-9m", "Hạn nộp báo cáo 9 tháng"},
      {"han-nam", "Hạn nộp báo cáo năm"}};
  if (const auto found = labels.find(field); found != labels.end()) return found->second;
  if (field.rfind("phan-", 0) == 0) return section_label(field.substr(5));
  if (field.rfind("co-quan-", 0) == 0) return "Tổ chức thực hiện, cơ quan " + field.substr(8, field.find('-', 8) - 8);
  if (field.rfind("co-dinh-", 0) == 0) {
    const std::size_t row = static_cast<std::size_t>(std::stoul(field.substr(8)));
    const std::string village = row >= 1 && row <= form.fixed.size() ? form.fixed[row - 1].village : "";
    return "Giao cố định cho " + village;
  }
  return "";
}

void add_reader_problem(const PlanForm& form, FormErrors& errors, const std::string& field, const std::string& problem) {
  const std::string label = field_label(form, field);
  errors.add(field, label.empty() ? problem : label + ": " + problem);
}

// ---- The page ---------------------------------------------------------------------------------------

struct PlanView {
  PlanForm form;
  FormErrors errors;
  std::optional<PlanInput> preview;  // the figures shown above the form
  bool previewing = false;           // the preview is of the form just posted, not of a saved version
  bool table_changed = false;        // the village table was saved again after the plan shown
  int opened_on = 0;                 // the version the form is opened on (tu-phien-ban)
  std::optional<VersionRecord> conflict;  // saved meanwhile by another officer: this save was refused
  std::optional<CommuneTargets> targets;        // the targets the province gave, when it did
  std::vector<TargetDifference> differences;    // of the form just posted from them
  bool saved_differs = false;                   // the saved version departs from them: the form shows them instead
  std::string request_reason;                   // ly-do-dieu-chinh as typed
};

std::string fixed_table(const PlanForm& form, const FormErrors& errors) {
  std::string html =
      "<p class=\"field-hint\" id=\"co-dinh-goi-y\">Giao cố định cho thôn (không bắt buộc): ghi số hộ thôn đó giảm, hoặc "
      "<strong>hết</strong> để thôn không còn hộ nào; để trống thì thôn được chia theo tỷ lệ số hộ.</p>\n"
      "<div class=\"table-scroll\">\n<table class=\"table fixed-table\">\n<caption class=\"table-caption\">Giao cố định "
      "cho từng thôn</caption>\n<thead><tr><th scope=\"col\">Thôn</th><th scope=\"col\">Hộ nghèo giảm</th><th "
      "scope=\"col\">Hộ cận nghèo giảm</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < form.fixed.size(); ++i) {
    const int row = static_cast<int>(i + 1);
    const FixedFields& fixed = form.fixed[i];
    html += "<tr><th scope=\"row\">" + escape_html(fixed.village) + "<input type=\"hidden\" name=\"co-dinh-" +
            std::to_string(row) + "-thon\" value=\"" + escape_html(fixed.village) + "\"></th>";
    for (Indicator indicator : {Indicator::Poor, Indicator::NearPoor}) {
      const std::string id = fixed_field(row, indicator);
      const std::string message = errors.message_for(id);
      const std::string words = indicator == Indicator::Poor ? "Hộ nghèo giảm" : "Hộ cận nghèo giảm";
      html += std::string("<td") + (message.empty() ? "" : " class=\"cell--error\"") + "><label class=\"visually-hidden\" for=\"" +
              id + "\">" + escape_html(words + ", " + fixed.village) + "</label>";
      if (!message.empty())
        html += "<span class=\"cell-error\" id=\"" + id + "-loi\"><span class=\"visually-hidden\">Lỗi: </span>" +
                escape_html(message) + "</span>";
      html += "<input class=\"input input--number\" type=\"text\" id=\"" + id + "\" name=\"" + id + "\" value=\"" +
              escape_html(indicator == Indicator::Poor ? fixed.poor : fixed.near_poor) +
              "\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"co-dinh-goi-y" +
              (message.empty() ? "\"" : " " + id + "-loi\" aria-invalid=\"true\"") + "></td>";
    }
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table>\n</div>\n<input type=\"hidden\" name=\"so-thon\" value=\"" +
         std::to_string(form.fixed.size()) + "\">\n";
}

std::string fieldset(const std::string& legend, const std::string& inner) {
  return "<fieldset class=\"fieldset\">\n<legend class=\"fieldset-legend\">" + escape_html(legend) + "</legend>\n" + inner +
         "</fieldset>\n";
}

std::string target_fields(const PlanForm& form, const FormErrors& errors, Indicator indicator) {
  const bool poor = indicator == Indicator::Poor;
  const std::string words = poor ? "hộ nghèo" : "hộ cận nghèo";
  return select_field({.id = poor ? "chi-tieu-ngheo" : "chi-tieu-can-ngheo",
                       .label = poor ? "Chỉ tiêu hộ nghèo" : "Chỉ tiêu hộ cận nghèo",
                       .value = poor ? form.poor_kind : form.near_poor_kind},
                      {{"ty-le", "Giảm tỷ lệ " + words + " còn (%)"},
                       {"so-ho", "Giảm số " + words + " (hộ)"},
                       {"khong", "Không đặt chỉ tiêu " + words}},
                      errors) +
         text_field({.id = target_field(indicator),
                     .label = poor ? "Tỷ lệ hoặc số hộ nghèo" : "Tỷ lệ hoặc số hộ cận nghèo",
                     .value = poor ? form.poor_value : form.near_poor_value,
                     .hint = "Tỷ lệ cuối năm, ví dụ 4,93; hoặc số hộ giảm trong năm, ví dụ 27.",
                     .autocomplete = "off",
                     .width_class = "input--short"},
                    errors);
}

// Enough lines for a section's text to show whole (about 80 characters a line), within bounds.
int rows_for(const std::string& text) {
  int rows = 1;
  std::size_t line = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++rows;
      line = 0;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++line > 80) {
      ++rows;
      line = 0;
    }
  }
  return std::clamp(rows + 1, 4, 20);
}

std::string sections_fields(const PlanForm& form, const FormErrors& errors) {
  std::string keys;
  std::string html = "<p class=\"hint\">Mỗi phần đã điền sẵn chữ mặc định của mẫu, với số liệu của kế hoạch này. Sửa "
                     "tại chỗ nếu cần; để nguyên hoặc xoá trống thì văn bản dùng chữ mặc định (số liệu luôn theo chỉ "
                     "tiêu mới nhất). Các đoạn cách nhau một dòng trống. Đổi mẫu rồi bấm Xem trước để thấy các phần "
                     "của mẫu mới.</p>\n";
  for (const SectionFields& section : form.sections) {
    keys += (keys.empty() ? "" : ",") + section.key;
    html += text_area({.id = "phan-" + section.key, .label = section_label(section.key), .value = section.text}, errors,
                      rows_for(section.text)) +
            "<input type=\"hidden\" name=\"phan-" + escape_html(section.key) + "-goc\" value=\"" +
            escape_html(section.original) + "\">\n";
  }
  return "<input type=\"hidden\" name=\"cac-phan\" value=\"" + escape_html(keys) + "\">\n" + html;
}

std::string agencies_fields(const PlanForm& form, const FormErrors& errors) {
  std::vector<AgencyFields> agencies;
  for (const AgencyFields& agency : form.agencies)
    if (!agency.blank()) agencies.push_back(agency);
  agencies.resize(agencies.size() + kBlankAgencies);
  std::string html = "<p class=\"hint\">Mỗi cơ quan một nhóm: tên, rồi các nhiệm vụ, mỗi nhiệm vụ một dòng. Để trống "
                     "tất cả thì văn bản dùng phần Tổ chức thực hiện mặc định của mẫu. Cần thêm cơ quan: bấm Xem trước, "
                     "sẽ có thêm ô trống.</p>\n<input type=\"hidden\" name=\"so-co-quan\" value=\"" +
                     std::to_string(agencies.size()) + "\">\n";
  for (std::size_t i = 0; i < agencies.size(); ++i) {
    const std::string n = std::to_string(i + 1);
    html += "<div class=\"group\">\n" +
            text_field({.id = "co-quan-" + n + "-ten", .label = "Cơ quan " + n, .value = agencies[i].name,
                        .width_class = "input--wide"}, errors) +
            text_area({.id = "co-quan-" + n + "-nhiem-vu", .label = "Nhiệm vụ của cơ quan " + n, .value = agencies[i].tasks},
                      errors, 4) +
            "</div>\n";
  }
  return html;
}

std::string plan_form_html(const RequestContext& context, int year, const PlanView& view) {
  const PlanForm& form = view.form;
  const FormErrors& errors = view.errors;
  auto field = [&](const std::string& id, const std::string& label, const std::string& value, const std::string& hint = "",
                   const std::string& width = "") {
    return text_field({.id = id, .label = label, .value = value, .hint = hint, .autocomplete = "off", .width_class = width},
                      errors);
  };
  auto area = [&](const std::string& id, const std::string& label, const std::string& value, const std::string& hint,
                  int rows) { return text_area({.id = id, .label = label, .value = value, .hint = hint}, errors, rows); };
  std::string inner;
  inner += fieldset("Văn bản",
                    field("so-van-ban", "Số văn bản", form.number, "Ví dụ 45. Để trống số và ngày khi còn là dự thảo.",
                          "input--short") +
                        field("ky-hieu", "Ký hiệu", form.symbol, "Mặc định KH-UBND.", "input--medium") +
                        field("ngay-ban-hanh", "Ngày ban hành", form.date, "Ngày/tháng/năm, ví dụ 15/03/" + std::to_string(year) + ".",
                              "input--medium") +
                        select_field({.id = "mau", .label = "Mẫu văn bản", .value = form.template_name}, template_choices(),
                                     errors));
  inner += fieldset("Cơ quan ban hành",
                    field("co-quan-cap-tren", "Cơ quan cấp trên", form.parent, "Dòng trên tên cơ quan, ví dụ UBND HUYỆN HƯƠNG SƠN.") +
                        field("co-quan-ban-hanh", "Cơ quan ban hành", form.body, "Ví dụ Ủy ban nhân dân.") +
                        field("ten-don-vi", "Đơn vị ban hành", form.unit, "Ví dụ xã An Hòa Thịnh.") +
                        field("dia-danh", "Địa danh", form.place, "Ghi ở dòng ngày tháng, ví dụ An Hòa Thịnh."));
  inner += fieldset("Chỉ tiêu giảm nghèo năm " + std::to_string(year),
                    (view.targets ? targets_box_html(context, *view.targets, view.differences, true) : std::string()) +
                        target_fields(form, errors, Indicator::Poor) + target_fields(form, errors, Indicator::NearPoor) +
                        fixed_table(form, errors) +
                        (view.targets ? requests_html(context, *view.targets, view.request_reason, errors, true) : std::string()) +
                        field("ten-phu-luc", "Tên phụ lục", form.appendix_title,
                              "Để trống: CHỈ TIÊU GIẢM HỘ NGHÈO, HỘ CẬN NGHÈO NĂM " + std::to_string(year) + ".", "input--wide"));
  inner += fieldset("Nội dung văn bản",
                    area("trich-yeu", "Trích yếu", form.summary,
                         "Mỗi dòng một dòng. Để trống: Thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm " +
                             std::to_string(year) + ".",
                         2) +
                        area("can-cu", "Căn cứ", form.legal_bases, "Mỗi căn cứ một dòng; dấu ; và dấu . cuối được thêm tự động.", 5) +
                        field("cau-dan", "Câu dẫn", form.preamble, "Để trống: “… xây dựng Kế hoạch … như sau:”.", "input--wide") +
                        area("chi-tieu-khac", "Các chỉ tiêu khác", form.goals,
                             "Mỗi chỉ tiêu một dòng, sau các chỉ tiêu hộ nghèo, hộ cận nghèo. Để trống: các chỉ tiêu mặc định của mẫu.",
                             5));
  inner += fieldset("Các phần của mẫu", sections_fields(form, errors));
  inner += fieldset("Tổ chức thực hiện", agencies_fields(form, errors));
  inner += fieldset("Nơi nhận và chữ ký",
                    area("noi-nhan", "Nơi nhận", form.recipients,
                         "Mỗi nơi một dòng. Thiếu dòng “Lưu: …” thì được thêm “Lưu: VT, …”.", 4) +
                        field("ky-tm", "Thẩm quyền ký", form.authority, "Ví dụ TM. ỦY BAN NHÂN DÂN.") +
                        field("ky-kt", "Ký thay", form.deputy, "Ví dụ KT. CHỦ TỊCH (để trống nếu Chủ tịch ký).") +
                        field("chuc-vu", "Chức vụ người ký", form.title, "Ví dụ PHÓ CHỦ TỊCH.") +
                        field("nguoi-ky", "Họ tên người ký", form.signer, "Ghi khi ban hành."));
  std::string schedule;
  for (const auto& [period, id, label] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"q1", "han-q1", "Báo cáo quý I"},
           {"6m", "han-6m", "Báo cáo 6 tháng"},
           {"9m", "han-9m", "Báo cáo 9 tháng"},
           {"year", "han-nam", "Báo cáo năm"}}) {
    const auto found = form.schedule.find(period);
    schedule += field(id, label, found == form.schedule.end() ? "" : found->second, "Ngày/tháng, ví dụ 10/06.", "input--short");
  }
  inner += fieldset("Lịch nộp báo cáo", "<p class=\"hint\">Hạn nộp các báo cáo kế hoạch yêu cầu; trang chính nhắc hạn "
                                        "nộp. Để trống kỳ không phải báo cáo.</p>\n" + schedule);
  inner += opened_on_field(view.opened_on);
  inner += "<div class=\"button-group\">\n" + action_button("Xem trước", "hanh-dong", "xem-truoc", "button button--secondary") +
           action_button("Lưu bản nháp", "hanh-dong", "luu", "button button--secondary") +
           action_button("Tạo văn bản", "hanh-dong", "tao-van-ban") + "</div>\n";
  return "<h2 id=\"nhap-ke-hoach\">Nhập kế hoạch</h2>\n<p>Bấm <strong>Xem trước</strong> để tính lại phụ lục (chưa lưu), "
         "<strong>Lưu bản nháp</strong> để lưu một phiên bản, <strong>Tạo văn bản</strong> để lưu và tạo văn bản Kế hoạch "
         "(Word), Phụ lục (Excel) và bản PDF.</p>\n" +
         post_form(page_path(context, year), context.csrf(), inner, false, "plan-form");
}

Reply render(RequestContext& context, int year, const PlanView& view, int status) {
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, WorkKind::Plan);
  std::string body = year_form(context, year);
  body += "<p>Trạng thái: " + state_tag(latest ? latest->state : WorkState::NotStarted) +
          (latest ? " " + escape_html(version_line(context, *latest)) + "." : std::string()) + "</p>\n";
  if (view.targets)
    body += "<p>" + escape_html("Chỉ tiêu được giao" +
                                std::string(view.targets->agreed ? " (theo đề nghị điều chỉnh tỉnh đã đồng ý)" : "") + ": " +
                                reductions_text(view.targets->in_force.own) + ".") +
            " <a href=\"#chi-tieu-duoc-giao\">Xem chỉ tiêu từng thôn</a>.</p>\n";
  if (latest && latest->state == WorkState::Done)
    body += "<h2>Văn bản đã tạo</h2>\n<p>Của phiên bản " + std::to_string(latest->number) + ":</p>\n" +
            file_links(context, *latest, "output");
  body += "<h2 id=\"xem-truoc\">Xem trước phụ lục</h2>\n";
  if (view.preview) {
    body += view.previewing ? "<p>Tính từ các ô đang nhập dưới đây và bảng số liệu thôn mới nhất; <strong>chưa lưu</strong>.</p>\n"
                            : "<p>Của phiên bản đã lưu mới nhất.</p>\n";
    if (view.table_changed)
      body += "<div class=\"panel\"><p>Bảng số liệu thôn đã được lưu lại sau phiên bản kế hoạch này; bấm Xem trước để "
              "tính lại chỉ tiêu theo bảng mới.</p></div>\n";
    if (view.saved_differs)
      body += "<div class=\"panel\"><p>Phiên bản đã lưu khác chỉ tiêu được giao; các ô chỉ tiêu của mẫu nhập dưới đây đã "
              "điền lại theo chỉ tiêu được giao.</p></div>\n";
    body += appendix_preview(*view.preview);
  } else {
    body += "<p>Nhập chỉ tiêu rồi bấm Xem trước để thấy chỉ tiêu của từng thôn.</p>\n";
  }
  body += submission_section(context, WorkKind::Plan, year);
  if (view.conflict)
    body += conflict_section(context, *view.conflict,
                             "Kế hoạch bạn nhập vẫn ở trong biểu mẫu dưới đây, chưa lưu (phần Xem trước phụ lục ở trên "
                             "tính từ đó). Xem lại cả hai rồi bấm Lưu bản nháp hoặc Tạo văn bản để lưu kế hoạch của bạn "
                             "thành phiên bản mới.");
  if (work_forms_shown(context, WorkKind::Plan, year)) body += plan_form_html(context, year, view);
  else if (view.targets)
    body += "<h2>Chỉ tiêu được giao</h2>\n" + targets_box_html(context, *view.targets, {}, false) +
            requests_html(context, *view.targets, "", view.errors, false);
  body += versions_section(context, versions_of(context.db, context.unit->id, year, WorkKind::Plan));
  return page_reply(context, {"Kế hoạch năm " + std::to_string(year), context.unit->full_name(), body, &view.errors, true}, status);
}

Reply no_table(RequestContext& context, int year) {
  std::string body = year_form(context, year);
  body += "<div class=\"panel\"><p>Chưa có bảng số liệu thôn năm " + std::to_string(year) +
          ": kế hoạch chia chỉ tiêu theo số hộ của từng thôn. Hãy <a href=\"" +
          escape_html(unit_path(context.unit->id, "thon") + year_query(year)) + "\">nhập bảng số liệu thôn</a> trước.</p></div>\n";
  body += versions_section(context, versions_of(context.db, context.unit->id, year, WorkKind::Plan));
  return page_reply(context, {"Kế hoạch năm " + std::to_string(year), context.unit->full_name(), body, nullptr, true});
}

// ---- The plan folder of a form ----------------------------------------------------------------------

std::vector<std::string> village_names(const Statistics& statistics) {
  std::vector<std::string> names;
  for (const UnitStatistics& unit : statistics.units) names.push_back(unit.name);
  return names;
}

std::vector<std::string> section_keys(const PlanForm& form) {
  std::vector<std::string> keys;
  for (const SectionFields& section : form.sections) keys.push_back(section.key);
  return keys;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw OutputError("không ghi được tệp tạm " + path + ".");
}

// A plan folder for the form: the village table in use and the plan file the form makes.
struct FormFolder {
  WorkFolder folder;
  std::string plan_file;
  PlanYaml yaml;
  FormFolder(const RequestContext& context, const VillageTable& table)
      : folder(context.site), plan_file(folder.file(kPlanFile)) {
    copy_to(context, table.file, folder);
  }
  void write(const PlanYaml& made) {
    yaml = made;
    write_text(plan_file, yaml.text);
  }
};

// The plan of the form for the defaults of its sections, or nullopt when it does not read yet. Without
// targets yet it is read with targets of no households (a template's wording needs some), whose figures
// the defaults show until targets are typed: a default left as it is follows the targets when they come.
std::optional<PlanInput> plan_for_defaults(const RequestContext& context, const PlanForm& form, int year,
                                           const VillageTable& table) {
  try {
    FormFolder folder(context, table);
    folder.write(plan_yaml(form, year, table.file.name, {}, true));
    return load_plan(folder.plan_file);
  } catch (const InputError&) {
    return std::nullopt;
  }
}

// The form's sections made those of its template: each with the template's default (the text shown when the
// form has none for it, and its hash), in the template's order; a section of another template left out.
void lay_sections(PlanForm& form, const std::optional<PlanInput>& input) {
  if (!input) return;
  std::vector<SectionDefault> defaults;
  try {
    Plan plan = input->plan;
    plan.text.template_name = form.template_name;
    defaults = plan_section_defaults(PlanInput{plan, input->table, input->analysis, {}});
  } catch (const InputError&) {
    return;
  } catch (const TemplateError&) {
    return;
  }
  std::vector<SectionFields> sections;
  for (const SectionDefault& section : defaults) {
    std::string text;
    for (const std::string& paragraph : section.paragraphs) text += (text.empty() ? "" : "\n\n") + paragraph;
    const auto given = std::find_if(form.sections.begin(), form.sections.end(),
                                    [&](const SectionFields& s) { return s.key == section.key; });
    // Text the officer changed stays; a default shown before (its figures perhaps changed since) is
    // shown again as the template has it now.
    const bool typed = given != form.sections.end() && !normal_section_text(given->text).empty() &&
                       section_hash(given->text) != given->original;
    sections.push_back({section.key, typed ? given->text : text, section_hash(text)});
  }
  form.sections = std::move(sections);
}

// Which field a problem of the targets belongs to: each target computed alone (compute/appendix.h) on the
// table; the village the message quotes, or the target's value.
std::string target_problem_field(const PlanForm& form, const std::string& yaml, const Statistics& statistics) {
  Plan plan;
  try {
    plan = parse_plan(yaml, kPlanFile);
  } catch (const InputError&) {
    return "gia-tri-ngheo";
  }
  for (const Target& target : plan.targets) {
    Plan alone = plan;
    alone.targets = {target};
    try {
      build_appendix(alone, statistics);
    } catch (const InputError& e) {
      for (std::size_t i = 0; i < form.fixed.size(); ++i)
        if (e.problem().find("\"" + form.fixed[i].village + "\"") != std::string::npos &&
            !(target.indicator == Indicator::Poor ? form.fixed[i].poor : form.fixed[i].near_poor).empty())
          return fixed_field(static_cast<int>(i + 1), target.indicator);
      return target_field(target.indicator);
    }
  }
  return has_targets(form) && form.poor_kind == "khong" ? "gia-tri-can-ngheo" : "gia-tri-ngheo";
}

// The plan reader's problems with the form, every one: each refused field set aside in turn (and those
// the form's own checks refused, first) until the rest reads.
void add_reader_problems(const PlanForm& form, int year, const VillageTable& table, FormErrors& errors) {
  constexpr int kMostProblems = 40;
  PlanForm rest = form;
  for (const FieldError& error : errors.all()) set_aside(rest, error.field_id);
  for (int tries = 0; tries < kMostProblems; ++tries) {
    const PlanYaml yaml = plan_yaml(rest, year, table.file.name, section_keys(rest));
    try {
      parse_plan(yaml.text, kPlanFile);
      return;
    } catch (const InputError& e) {
      const std::string field = e.where().row ? yaml.field_of_line(*e.where().row) : "";
      if (field.empty() || !errors.message_for(field).empty()) {
        if (errors.empty()) add_reader_problem(form, errors, field.empty() ? "so-van-ban" : field, e.problem());
        return;
      }
      add_reader_problem(form, errors, field, e.problem());
      if (!set_aside(rest, field)) return;
    }
  }
}

// The form checked and read as `kehoach plan` reads a plan folder; on success the folder holds the plan
// file the version keeps and the figures are returned.
std::optional<PlanInput> read_form(PlanForm& form, int year, const VillageTable& table,
                                   FormFolder& folder, FormErrors& errors) {
  check_form(form, errors);
  add_reader_problems(form, year, table, errors);
  if (!errors.empty()) return std::nullopt;
  folder.write(plan_yaml(form, year, table.file.name, section_keys(form)));
  std::optional<PlanInput> input;
  try {
    input = load_plan(folder.plan_file);
  } catch (const InputError& e) {
    if (e.where().row) {
      const std::string field = folder.yaml.field_of_line(*e.where().row);
      add_reader_problem(form, errors, field.empty() ? "so-van-ban" : field, e.problem());
    } else {
      const std::string field = target_problem_field(form, folder.yaml.text, *table.check.statistics);
      add_reader_problem(form, errors, field, e.problem());
    }
    return std::nullopt;
  }
  // The sections the chosen template has, with the defaults they are compared with; the plan file
  // written again with those only.
  lay_sections(form, input);
  folder.write(plan_yaml(form, year, table.file.name, section_keys(form)));
  try {
    return load_plan(folder.plan_file);
  } catch (const InputError& e) {
    const std::string field = e.where().row ? folder.yaml.field_of_line(*e.where().row) : "";
    add_reader_problem(form, errors, field.empty() ? "mau" : field, e.problem());
    return std::nullopt;
  }
}

// ---- Handlers ---------------------------------------------------------------------------------------

bool is_commune(const RequestContext& context) { return context.unit->tier == Tier::Commune; }

Reply show(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  const int year = page_year(context);
  const std::optional<VillageTable> table = latest_village_table(context, year);
  if (!table || !table->check.statistics) return no_table(context, year);
  const std::vector<std::string> villages = village_names(*table->check.statistics);
  PlanView view;
  view.targets = commune_targets(context, year);
  const bool targets_table_changed = view.targets && view.targets->in_force_table() != table->version.id;
  const std::optional<VersionRecord> latest = latest_version(context.db, context.unit->id, year, WorkKind::Plan);
  view.opened_on = latest ? latest->number : 0;
  if (latest) view.preview = load_version_plan(context, *latest);
  if (view.preview) {
    for (const VersionFile& file : version_files(context.db, latest->id))
      if (file.role == "input" && file.name != kPlanFile) view.table_changed = file.sha256 != table->file.sha256;
    view.form = form_of_plan(view.preview->plan, villages);
    // A plan saved before the targets were given, or before others were agreed: the form takes the targets.
    view.saved_differs = view.targets && !target_differences(view.targets->in_force,
                                                             planned_targets(view.preview->plan, view.preview->table)).empty();
    if (view.saved_differs) lay_targets_on(view.form, *view.targets, targets_table_changed);
    lay_sections(view.form, view.preview);
  } else {
    std::optional<UnitRecord> parent;
    if (context.unit->parent_id) parent = find_unit(context.db, *context.unit->parent_id);
    view.form = starter_form(*context.unit, parent, villages);
    if (view.targets) lay_targets_on(view.form, *view.targets, targets_table_changed);
    lay_sections(view.form, plan_for_defaults(context, view.form, year, *table));
  }
  return render(context, year, view, 200);
}

// Đề nghị điều chỉnh: the figures of the form just read asked of the province, with the reason. Refused (422, at the
// reason) without targets given, without a reason, with the figures given, or while another request waits; checked
// again under the lock of the requests, with the targets as they are then.
Reply ask_adjustment(RequestContext& context, int year, const VillageTable& table, PlanView& view) {
  view.previewing = true;
  const std::string field = "ly-do-dieu-chinh";
  if (!view.targets) view.errors.add("gia-tri-ngheo", "Tỉnh chưa giao chỉ tiêu năm " + std::to_string(year) + " nên không có gì để đề nghị điều chỉnh.");
  else if (view.targets->pending)
    view.errors.add(field, "Đề nghị gửi lúc " + vietnam_time(view.targets->pending->asked_at) +
                               " đang chờ tỉnh trả lời; khi tỉnh trả lời mới gửi đề nghị khác được.");
  else if (view.differences.empty())
    view.errors.add(field, "Các ô chỉ tiêu đang đúng chỉ tiêu được giao: hãy nhập số muốn dùng vào các ô chỉ tiêu rồi mới "
                           "gửi đề nghị điều chỉnh.");
  if (const std::string problem = text_problem(view.request_reason, "Lý do"); !problem.empty()) view.errors.add(field, problem);
  else if (view.request_reason.empty()) view.errors.add(field, "Hãy ghi lý do đề nghị điều chỉnh để tỉnh xem xét.");
  if (!view.errors.empty()) return render(context, year, view, 422);
  const CommuneTargets& targets = *view.targets;
  Transaction transaction(context.site.database(), context.db);
  lock_adjustments(context.db);
  const std::optional<CommuneTargets> now = commune_targets(context, year);
  if (!now || now->assignment.id != targets.assignment.id || now->pending || (now->agreed ? now->agreed->id : 0) !=
                                                                                  (targets.agreed ? targets.agreed->id : 0)) {
    view.targets = now;
    view.errors.add(field, "Chỉ tiêu được giao hoặc đề nghị điều chỉnh vừa thay đổi từ khi mở trang; hãy xem lại rồi gửi.");
    return render(context, year, view, 409);
  }
  AdjustmentRecord request{0, targets.assignment.id, context.unit->id, year, view.request_reason, table.version.id,
                           context.now, context.who->account.id, context.client_address, std::nullopt};
  add_adjustment(context.db, request, planned_targets(view.preview->plan, view.preview->table));
  AuditEntry entry = audit_entry(audit_actor(context), "target.request");
  entry.unit_id = context.unit->id;
  entry.plan_year = year;
  entry.detail = "Đề nghị điều chỉnh chỉ tiêu năm " + std::to_string(year) + " được giao. Lý do: " + view.request_reason;
  append_audit(context.db, entry);
  transaction.commit();
  set_session_notice(context.db, context.who->session.token_hash,
                     "Đã gửi đề nghị điều chỉnh chỉ tiêu lên " + targets.province.full_name() +
                         "; khi tỉnh đồng ý, các ô chỉ tiêu điền theo số đề nghị và kế hoạch lưu được.");
  return redirect_to(page_path(context, year));
}

Reply post(RequestContext& context) {
  if (!is_commune(context)) return error_page(context, 404);
  const int year = page_year(context);
  const std::optional<VillageTable> table = latest_village_table(context, year);
  if (!table || !table->check.statistics) return no_table(context, year);
  PlanView view;
  view.opened_on = opened_on(context).value_or(latest_number(context, WorkKind::Plan, year));
  view.form = posted_form(context.posted());
  view.targets = commune_targets(context, year);
  view.request_reason = typed_text(context.posted().value("ly-do-dieu-chinh"));
  lay_fixed_on(view.form, village_names(*table->check.statistics));
  FormFolder folder(context, *table);
  view.preview = read_form(view.form, year, *table, folder, view.errors);
  if (!view.preview) {
    lay_sections(view.form, plan_for_defaults(context, view.form, year, *table));
    return render(context, year, view, 422);
  }
  const std::string action = context.posted().value("hanh-dong");
  if (view.targets)
    view.differences = target_differences(view.targets->in_force, planned_targets(view.preview->plan, view.preview->table));
  if (action == "de-nghi-dieu-chinh") return ask_adjustment(context, year, *table, view);
  if (action != "luu" && action != "tao-van-ban") {
    view.previewing = true;
    return render(context, year, view, 200);
  }
  // Figures other than those given are not saved: the province agrees to them first.
  if (!view.differences.empty()) {
    add_target_errors(*view.targets, view.differences, view.form, view.errors);
    view.previewing = true;
    return render(context, year, view, 422);
  }
  std::vector<NewFile> files{{"input", kPlanFile, folder.plan_file},
                             {"input", table->file.name, folder.folder.file(table->file.name)}};
  std::string notice;
  WorkState state = WorkState::Draft;
  try {
    if (action == "tao-van-ban") {
      check_opened_on(context, WorkKind::Plan, year, opened_on(context));  // before making documents for nothing
      const WorkFolder made(context.site);
      const PlanDocuments documents =
          make_plan({folder.plan_file, made.file("ke-hoach.docx"), context.site.config().make_pdf});
      for (const WrittenFile& written : documents.written.files)
        files.push_back({"output", fs::path(written.path).filename().string(), written.path});
      state = WorkState::Done;
      const VersionRecord version = save_version(context, WorkKind::Plan, year, state, files, "Tạo văn bản", opened_on(context));
      std::string names;
      for (const WrittenFile& written : documents.written.files)
        names += (names.empty() ? "" : ", ") + fs::path(written.path).filename().string();
      notice = "Đã tạo văn bản kế hoạch năm " + std::to_string(year) + " (phiên bản " + std::to_string(version.number) +
               "): " + names + ".";
      if (!documents.written.problem.empty() && context.site.config().make_pdf)
        notice += " Chưa tạo được bản PDF: " + documents.written.problem;
    } else {
      const VersionRecord version = save_version(context, WorkKind::Plan, year, state, files, "Lưu bản nháp", opened_on(context));
      notice = "Đã lưu bản nháp kế hoạch năm " + std::to_string(year) + " (phiên bản " + std::to_string(version.number) + ").";
    }
  } catch (const VersionConflict& conflict) {
    // The officer's form comes back as typed, its preview above it, beside the version saved meanwhile.
    view.conflict = conflict.newer();
    view.opened_on = conflict.newer().number;  // saving again now is deliberate
    view.previewing = true;
    add_conflict(view.errors, context, conflict.newer());
    return render(context, year, view, 409);
  }
  set_session_notice(context.db, context.who->session.token_hash, notice);
  return redirect_to(page_path(context, year));
}

}  // namespace

void add_plan_routes(Router& router) {
  router.add({"GET", "/don-vi/{unit}/ke-hoach", Access::Unit, show});
  router.add({"POST", "/don-vi/{unit}/ke-hoach", Access::UnitWork,
              unless_approved([](const RequestContext&) { return std::optional<WorkKind>(WorkKind::Plan); }, post)});
}

}  // namespace kehoach
