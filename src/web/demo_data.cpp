#include "web/demo_data.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

#include "read/unit_tree_reader.h"
#include "store/accounts.h"
#include "store/database.h"
#include "store/ids.h"
#include "store/units.h"
#include "web/unit_admin.h"

#ifndef KEHOACH_SOURCE_EXAMPLES
#define KEHOACH_SOURCE_EXAMPLES ""
#endif

namespace kehoach {
namespace {

namespace fs = std::filesystem;

struct DemoAccount {
  const char* login;
  const char* display_name;
  Role role;
  const char* unit;  // the unit's full name below the province, "" for the province, null for none
};

constexpr DemoAccount kDemoAccounts[] = {
    {"quantri", "Nguyễn Văn Quân", Role::Administrator, nullptr},
    {"tinh.hatinh", "Trần Thị Hà", Role::ProvinceOfficer, ""},
    {"xa.anhoathinh", "Lê Thị Hoa", Role::CommuneOfficer, "Xã An Hòa Thịnh"},
    {"xa.kyanh", "Phạm Văn Kỳ", Role::CommuneOfficer, "Xã Kỳ Anh"},
    {"xa.sontay", "Hoàng Thị Sơn", Role::CommuneOfficer, "Xã Sơn Tây"},
};

UnitRecord ensure_unit(Site& site, Poco::Data::Session& db, std::optional<std::int64_t> parent, Tier tier,
                       const std::string& word, const std::string& name) {
  UnitRecord unit;
  unit.parent_id = parent;
  unit.tier = tier;
  unit.level_word = word;
  unit.name = name;
  unit.created_at = site.now();
  Transaction transaction(site.database(), db);
  lock_table(db, "units");
  if (std::optional<UnitRecord> there = find_child_unit(db, parent, unit.full_name())) return *there;
  unit = add_unit(db, unit);
  AuditEntry entry = audit_entry({0, "", site.now()}, "unit.create");
  entry.unit_id = unit.id;
  entry.detail = "Thêm " + unit.full_name() + " (dữ liệu mẫu).";
  append_audit(db, entry);
  transaction.commit();
  return unit;
}

// The part of `tree` made of the units named `kept` (by their written name, at any level) with their
// ancestors and everything below them.
UnitTree only(const UnitTree& tree, const std::vector<std::string>& kept) {
  std::vector<int> keep(tree.nodes.size(), 0);
  for (int index : tree.preorder()) {
    const UnitNode& node = tree.nodes[static_cast<std::size_t>(index)];
    const bool named = std::find(kept.begin(), kept.end(), node.name) != kept.end();
    if (named || keep[static_cast<std::size_t>(node.parent)] == 2) keep[static_cast<std::size_t>(index)] = 2;
    if (named)  // its ancestors, to hang it from
      for (int above = node.parent; above > 0; above = tree.nodes[static_cast<std::size_t>(above)].parent)
        keep[static_cast<std::size_t>(above)] = std::max(keep[static_cast<std::size_t>(above)], 1);
  }
  UnitTree part;
  part.levels = tree.levels;
  part.nodes.push_back(tree.nodes[0]);
  part.nodes[0].children.clear();
  std::vector<int> moved(tree.nodes.size(), 0);
  for (int index : tree.preorder()) {
    if (!keep[static_cast<std::size_t>(index)]) continue;
    UnitNode node = tree.nodes[static_cast<std::size_t>(index)];
    node.parent = moved[static_cast<std::size_t>(node.parent)];
    node.children.clear();
    moved[static_cast<std::size_t>(index)] = static_cast<int>(part.nodes.size());
    part.nodes[static_cast<std::size_t>(node.parent)].children.push_back(static_cast<int>(part.nodes.size()));
    part.nodes.push_back(std::move(node));
  }
  return part;
}

}  // namespace

std::string examples_folder() {
  std::vector<fs::path> folders;
  std::error_code error;
  const fs::path program = fs::read_symlink("/proc/self/exe", error);
  if (!error) {
    folders.push_back(program.parent_path().parent_path() / "data" / "examples");
    folders.push_back(program.parent_path().parent_path() / "share" / "kehoach" / "examples");
  }
  if (*KEHOACH_SOURCE_EXAMPLES) folders.emplace_back(KEHOACH_SOURCE_EXAMPLES);
  for (const fs::path& folder : folders)
    if (fs::is_regular_file(folder / "an-hoa-thinh-2022" / "thon.csv", error)) return folder.string();
  throw std::runtime_error("không tìm thấy thư mục ví dụ của kehoach (data/examples) để nạp dữ liệu mẫu");
}

std::vector<NewPassword> load_demo(Site& site) {
  const fs::path examples(examples_folder());
  Poco::Data::Session db = site.database().session();
  const AuditActor by{0, "", site.now()};  // the command line: no account, no address
  const UnitRecord province = ensure_unit(site, db, std::nullopt, Tier::Province, "Tỉnh", "Hà Tĩnh");
  // Kỳ Anh and Sơn Tây with their villages: the table's rows of those two communes, under the province.
  // An Hòa Thịnh's villages from its plan's own table: one level column, "Thôn".
  const UnitRecord an_hoa_thinh = ensure_unit(site, db, province.id, Tier::Commune, "Xã", "An Hòa Thịnh");
  import_unit_tree(site, db, read_unit_tree((examples / "an-hoa-thinh-2022" / "thon.csv").string()), an_hoa_thinh, by);
  const UnitTree table = read_unit_tree((examples / "ha-tinh-2026" / "don-vi.csv").string());
  import_unit_tree(site, db, only(table, {"Xã Kỳ Anh", "Xã Sơn Tây"}), std::nullopt, by);

  std::vector<NewPassword> accounts;
  for (const DemoAccount& demo : kDemoAccounts) {
    std::optional<std::int64_t> unit;
    if (demo.unit) {
      const std::optional<UnitRecord> found =
          *demo.unit ? find_child_unit(db, province.id, demo.unit) : std::optional<UnitRecord>(province);
      if (!found) throw std::runtime_error(std::string("dữ liệu mẫu thiếu ") + demo.unit);
      unit = found->id;
    }
    if (const std::optional<AccountRecord> there = find_account_by_login(db, demo.login)) {
      accounts.push_back(*reset_password(site, db, there->id, by));
      continue;
    }
    AccountForm form{demo.login, demo.display_name, role_key(demo.role), unit ? std::to_string(*unit) : ""};
    FormErrors errors;
    const std::optional<NewPassword> made = create_account(site, db, form, errors, by);
    if (!made) throw std::runtime_error("không tạo được tài khoản mẫu " + std::string(demo.login));
    accounts.push_back(*made);
  }
  return accounts;
}

}  // namespace kehoach
