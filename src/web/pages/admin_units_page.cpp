// The unit tree, for administrators: the units as they are, a form that adds one, and a form that adds
// a whole tree from a units table (.csv or .xlsx, as `kehoach batch` reads it: read/unit_tree_reader.h,
// so its messages are the command line's, naming the user's file, row and column).
#include <filesystem>
#include <map>
#include <system_error>

#include "model/input_error.h"
#include "read/unit_tree_reader.h"
#include "store/sessions.h"
#include "store/units.h"
#include "web/access.h"
#include "web/audit_words.h"
#include "web/form_view.h"
#include "web/html.h"
#include "web/labels.h"
#include "web/layout.h"
#include "web/routes.h"
#include "web/table_form.h"
#include "web/unit_admin.h"

namespace kehoach {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUnitsPath = "/quan-tri/don-vi";

struct UnitsView {
  std::vector<UnitRecord> units;          // the tree, parents first
  std::map<std::int64_t, std::size_t> at; // id → index in `units`
  std::string path_name(const UnitRecord& unit) const {
    std::string name = unit.full_name();
    std::optional<std::int64_t> parent = unit.parent_id;
    for (int step = 0; parent && step < 16; ++step) {
      const auto found = at.find(*parent);
      if (found == at.end()) break;
      const UnitRecord& above = units[found->second];
      name = above.full_name() + " › " + name;
      parent = above.parent_id;
    }
    return name;
  }
};

UnitsView load_units(RequestContext& context) {
  UnitsView view;
  view.units = unit_tree_list(context.db);
  for (std::size_t i = 0; i < view.units.size(); ++i) view.at[view.units[i].id] = i;
  return view;
}

// The tree as nested lists; a commune's villages folded in a <details> (a province has thousands).
// `children`: each unit's children by index, the top units under -1.
std::string tree_html(const UnitsView& view, const std::map<std::int64_t, std::vector<std::size_t>>& children,
                      std::int64_t parent) {
  const auto found = children.find(parent);
  if (found == children.end()) return "";
  std::string html = "<ul class=\"tree\">\n";
  for (std::size_t index : found->second) {
    const UnitRecord& unit = view.units[index];
    const std::string below = tree_html(view, children, unit.id);
    const std::string name = escape_html(unit.full_name());
    if (below.empty()) {
      html += "<li>" + name + "</li>\n";
    } else if (unit.tier == Tier::Commune) {
      const std::size_t count = children.at(unit.id).size();
      html += "<li><details><summary>" + name + " (" + std::to_string(count) + " thôn, tổ dân phố)</summary>\n" + below +
              "</details></li>\n";
    } else {
      html += "<li>" + name + "\n" + below + "</li>\n";
    }
  }
  return html + "</ul>\n";
}

std::string tree_html(const UnitsView& view) {
  std::map<std::int64_t, std::vector<std::size_t>> children;
  for (std::size_t i = 0; i < view.units.size(); ++i) children[view.units[i].parent_id.value_or(-1)].push_back(i);
  return tree_html(view, children, -1);
}

std::vector<Choice> parent_choices(const UnitsView& view) {
  std::vector<Choice> choices{{"", "Không (đơn vị cấp cao nhất: tỉnh)"}};
  for (const UnitRecord& unit : view.units)
    if (unit.tier != Tier::Village) choices.push_back({std::to_string(unit.id), view.path_name(unit)});
  return choices;
}

std::vector<Choice> level_choices() {
  std::vector<Choice> choices{{"", "Chọn cấp"}};
  for (const std::string& word : unit_level_words()) choices.push_back({word, word});
  return choices;
}

Reply units_page(RequestContext& context, const UnitForm& unit_form, const std::string& upload_parent,
                 const FormErrors& errors, int status) {
  const UnitsView view = load_units(context);
  const std::vector<Choice> parents = parent_choices(view);
  std::string body = "<h2>Danh sách đơn vị</h2>\n";
  const std::string tree = tree_html(view);
  body += tree.empty() ? "<p>Chưa có đơn vị nào. Hãy thêm tỉnh trước, rồi các xã, phường và thôn, tổ dân phố; hoặc "
                         "thêm cả cây đơn vị từ một tệp.</p>\n"
                       : tree;

  body += "<h2 id=\"them-don-vi\">Thêm một đơn vị</h2>\n";
  body += post_form(kUnitsPath, context.csrf(),
                    select_field({.id = "cap", .label = "Cấp", .value = unit_form.level_word}, level_choices(), errors) +
                        text_field({.id = "ten", .label = "Tên đơn vị", .value = unit_form.name,
                                    .hint = "Không cần ghi chữ chỉ cấp: ví dụ An Hòa Thịnh, Sâm Cồn."},
                                   errors) +
                        select_field({.id = "thuoc", .label = "Thuộc đơn vị", .value = unit_form.parent}, parents, errors) +
                        submit_button("Thêm đơn vị"));

  body += "<h2 id=\"them-tu-tep\">Thêm từ tệp đơn vị</h2>\n"
          "<p>Tệp .csv, .xlsx hoặc .xls như tệp đơn vị của lệnh <code>kehoach batch</code>: dòng tiêu đề có các cột cấp "
          "(Tỉnh, Xã, Thôn…) và các cột Tổng số hộ, Hộ nghèo, Hộ cận nghèo; mỗi thôn, tổ dân phố một dòng. Đơn vị đã có "
          "(cùng tên, cùng đơn vị cấp trên) được giữ nguyên, không thêm lần nữa.</p>\n";
  body += post_form(std::string(kUnitsPath) + "/tai-len", context.csrf(),
                    file_field({.id = "tep-don-vi", .label = "Tệp đơn vị"}, ".csv,.xlsx,.xls", errors) +
                        select_field({.id = "dat-duoi", .label = "Đặt các đơn vị của tệp dưới",
                                      .value = upload_parent,
                                      .hint = "Để trống khi cột cấp đầu tiên của tệp là tỉnh."},
                                     parents, errors) +
                        submit_button("Tải lên và thêm"),
                    true);
  return page_reply(context, {"Đơn vị", "Quản trị", body, &errors}, status);
}

Reply show_units(RequestContext& context) { return units_page(context, {}, "", FormErrors{}, 200); }

Reply add_one_unit(RequestContext& context) {
  const FormData& form = context.posted();
  const UnitForm values{form.value("cap"), form.value("ten"), form.value("thuoc")};
  FormErrors errors;
  const std::optional<UnitRecord> unit = create_unit(context.site, context.db, values, errors, audit_actor(context));
  if (!unit) return units_page(context, values, "", errors, 422);
  std::string where;
  if (unit->parent_id)
    if (const std::optional<UnitRecord> parent = find_unit(context.db, *unit->parent_id)) where = " thuộc " + parent->full_name();
  set_session_notice(context.db, context.who->session.token_hash, "Đã thêm " + unit->full_name() + where + ".");
  return redirect_to(kUnitsPath);
}

// The reader's message about the uploaded copy, naming the user's file instead of the copy.
std::string about_users_file(std::string message, const std::string& copy, const std::string& name) {
  for (std::size_t at = message.find(copy); at != std::string::npos; at = message.find(copy, at + name.size()))
    message.replace(at, copy.size(), name);
  return message;
}

Reply add_units_from_file(RequestContext& context) {
  const FormData& form = context.posted();
  const std::string parent_value = form.value("dat-duoi");
  FormErrors errors;
  std::optional<UnitRecord> parent;
  if (!parent_value.empty()) {
    if (const std::optional<std::int64_t> id = parse_id(parent_value)) parent = find_unit(context.db, *id);
    if (!parent) errors.add("dat-duoi", "Đơn vị đã chọn không còn; hãy chọn lại.");
  }
  const UploadedFile* file = form.file("tep-don-vi");
  std::string extension;
  if (file) {
    extension = fs::path(file->file_name).extension().string();
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  if (!file)
    errors.add("tep-don-vi", "Hãy chọn tệp đơn vị (.csv, .xlsx hoặc .xls).");
  else if (extension != ".csv" && extension != ".xlsx" && extension != ".xls")
    errors.add("tep-don-vi", "Tệp " + fs::path(file->file_name).filename().string() +
                                 " không phải tệp .csv, .xlsx hoặc .xls; hãy chọn tệp đơn vị dạng .csv, .xlsx hoặc .xls.");
  if (!errors.empty()) return units_page(context, {}, parent_value, errors, 422);

  // The readers know a table by its extension: the copy gets the file's, never its name.
  const std::string name = fs::path(file->file_name).filename().string();
  const std::string copy = file->path + extension;
  std::error_code ignored;
  fs::rename(file->path, copy, ignored);
  UnitImport imported;
  try {
    const UnitTree tree = read_unit_tree(copy);
    imported = import_unit_tree(context.site, context.db, tree, parent, audit_actor(context));
  } catch (const InputError& e) {
    errors.add("tep-don-vi", upload_message(about_users_file(e.what(), copy, name)));
  } catch (const ImportRefused& e) {
    errors.add("tep-don-vi", e.what());
  }
  fs::remove(copy, ignored);
  if (!errors.empty()) return units_page(context, {}, parent_value, errors, 422);
  std::string notice = "Đã thêm " + std::to_string(imported.added) + " đơn vị từ tệp " + name;
  if (imported.existing) notice += " (" + std::to_string(imported.existing) + " đơn vị đã có từ trước, giữ nguyên)";
  set_session_notice(context.db, context.who->session.token_hash, notice + ".");
  return redirect_to(kUnitsPath);
}

}  // namespace

void add_admin_unit_routes(Router& router) {
  router.add({"GET", kUnitsPath, Access::Administrator, show_units});
  router.add({"POST", kUnitsPath, Access::Administrator, add_one_unit});
  router.add({"POST", std::string(kUnitsPath) + "/tai-len", Access::Administrator, add_units_from_file});
}

}  // namespace kehoach
