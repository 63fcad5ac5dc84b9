#include <ctime>
#include <ostream>

#include "app/summarise_households.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "cli/terminal.h"
#include "compute/rate.h"
#include "write/households_json.h"
#include "write/records_notes.h"
#include "write/vietnamese_format.h"

namespace kehoach {
namespace {

constexpr const char* kHouseholdsHelp = R"(kehoach households: tổng hợp kết quả rà soát hộ gia đình theo từng đơn vị.

Cách dùng:
  kehoach households HỘ.csv [--year NĂM | --standard CHUẨN.yaml] [-o TỔNG_HỢP.xlsx] [--json]
  kehoach households HỘ_CUỐI_KỲ.csv --start HỘ_ĐẦU_KỲ.csv [--earlier HỘ_NĂM_TRƯỚC.csv] …

Tệp hộ gia đình (CSV, XLSX hoặc XLS) ghi mỗi hộ một dòng: "Mã hộ", các cột đơn vị từ cấp cao đến cấp thấp
("Tỉnh", "Xã", "Thôn", … bao nhiêu cấp cũng được; tên cột là tên cấp), "Khu vực" (Nông thôn/Thành thị),
"Số khẩu", "Thu nhập bình quân" (đồng/người, theo tháng hoặc năm như chuẩn nghèo; hoặc "Điểm thu nhập"),
12 cột chỉ số thiếu hụt ("Việc làm", "Người phụ thuộc trong hộ", … ghi "x" khi thiếu hụt) và, nếu có, các
cột nhóm "Có người có khả năng lao động", "Bảo trợ xã hội", "Dân tộc thiểu số", "Người có công".
Danh sách đầy đủ tên cột: README.md, mục "Tệp hộ gia đình".

Phân loại: thu nhập bằng hoặc thấp hơn chuẩn và thiếu hụt từ 3 chỉ số: hộ nghèo; ít hơn 3: hộ cận nghèo;
trên chuẩn đến mức trung bình: hộ có mức sống trung bình. Mỗi đơn vị cấp trên là tổng các đơn vị cấp dưới.

Với --start, so sánh hai danh sách theo mã hộ và tính mọi cột biến động của biểu rà soát (thoát nghèo,
tái nghèo, phát sinh mới, tăng/giảm khác) cho từng đơn vị. Hộ mới tách hoặc chuyển đến: ghi mã hộ gốc
hoặc "chuyển đến" ở cột "Tách từ hộ" để được tính là tăng khác thay vì phát sinh mới.

Ghi: TỔNG_HỢP.xlsx (trang Tổng hợp, Thiếu hụt hộ nghèo, Thiếu hụt hộ cận nghèo và, với --start, Biến
động hộ nghèo, Biến động hộ cận nghèo; số cấp trên là công thức cộng cấp dưới; mỗi trang in vừa khổ A4
ngang). Chỉ có số tổng hợp, không ghi thông tin từng hộ, không ghi tên tệp (tên tệp in ra màn hình).

)";

int current_year() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return local.tm_year + 1900;
}

int year_option(const Arguments& args) {
  return args.has("year") ? integer_option(args, "year", 1900, 2200, "một năm, ví dụ 2024") : current_year();
}

// The per-unit table on the terminal: one line a unit, indented by level.
void print_table(std::ostream& out, const UnitTree& tree) {
  out << "Đơn vị | Số hộ | Hộ nghèo | Tỷ lệ % | Hộ cận nghèo | Tỷ lệ %\n";
  auto line = [&](int node) {
    const UnitNode& unit = tree.nodes[static_cast<std::size_t>(node)];
    const HouseholdTally& t = unit.tally;
    out << std::string(2 * static_cast<std::size_t>(unit.level + 1), ' ') << unit.name << " | " << format_count(t.households)
        << " | " << format_count(t.poor) << " | " << format_rate(rate_of(t.poor, t.households)) << " | "
        << format_count(t.near_poor) << " | " << format_rate(rate_of(t.near_poor, t.households)) << '\n';
  };
  for (int node : tree.listed()) line(node);
}

}  // namespace

const CommandSpec& households_spec() {
  static const CommandSpec spec{
      .name = "households",
      .help = kHouseholdsHelp,
      .options = {{"year", 0, "NĂM",
                   "Năm rà soát (tên bảng: \"cuối năm NĂM\"); chọn chuẩn nghèo áp dụng năm này trong\n"
                   "data/standards (mặc định: năm hiện tại)."},
                  {"standard", 0, "TỆP", "Tệp chuẩn nghèo khác (ví dụ data/standards/dia-phuong/…)."},
                  {"sheet", 0, "TÊN", "Trang tính (XLSX, XLS)."},
                  {"start", 0, "TỆP", "Danh sách hộ đầu kỳ; HỘ.csv khi đó là danh sách cuối kỳ."},
                  {"earlier", 0, "TỆP", "Danh sách cũ hơn, để nhận ra hộ tái nghèo, tái cận nghèo."},
                  {"skip-bad-rows", 0, "",
                   "Bỏ qua các dòng có giá trị sai (mặc định: báo lỗi và không ghi gì); số dòng\n"
                   "bỏ qua được in ra và ghi vào phần ghi chú của kết quả."},
                  {"output", 'o', "TỆP", "Tệp Excel kết quả (mặc định: tên tệp hộ + \"-tong-hop.xlsx\")."},
                  {"json", 0, "", "In số liệu tổng hợp (JSON), không ghi tệp."},
                  encoding_option()},
      .missing_input = "thiếu tệp hộ gia đình (CSV, XLSX hoặc XLS).",
  };
  return spec;
}

int households_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(households_spec(), words, console.out);
  if (!args) return kExitOk;
  const ExitOnSignal stop("households");
  HouseholdsRequest request;
  request.records = args->positional[0];
  request.year = year_option(*args);
  if (args->has("earlier") && !args->has("start")) throw UsageError("--earlier chỉ dùng cùng --start.");
  request.standard_file = args->value("standard");
  request.sheet = args->value("sheet");
  if (args->has("start")) request.start = args->value("start");
  if (args->has("earlier")) request.earlier = args->value("earlier");
  request.skip_bad_rows = args->has("skip-bad-rows");
  request.encoding = encoding_choice(*args);

  const HouseholdsSummary summary = summarise_households(request);
  if (args->has("json")) {
    tell(console, "households", summary.messages, false);
    console.out << households_json(summary.report());
    return kExitOk;
  }
  tell(console, "households", {{}, summary.messages.warnings});
  const std::string output = write_households_summary(summary, args->value("output"));
  tell(console, "households", {summary.messages.notices, {}});
  print_table(console.out, summary.census.units);
  console.out << "Đã ghi bảng tổng hợp: " << output << " (" << format_count(summary.census.records.households) << " hộ, "
              << summary.census.units.nodes.size() - 1 << " đơn vị; " << standard_label(summary.standard) << ").\n";
  return kExitOk;
}

}  // namespace kehoach
