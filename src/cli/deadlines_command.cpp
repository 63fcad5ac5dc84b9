#include <ctime>
#include <ostream>
#include <sstream>

#include "app/plan_deadlines.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "model/date.h"
#include "write/deadline_words.h"
#include "write/report_labels.h"

namespace kehoach {
namespace {

constexpr const char* kDeadlinesHelp = R"(kehoach deadlines: các báo cáo kế hoạch yêu cầu và hạn nộp.

Cách dùng:
  kehoach deadlines KẾ_HOẠCH.yaml [--today NGÀY]

Lịch báo cáo ghi trong tệp kế hoạch:
  reports:
    schedule: { 6m: 10/06, year: 10/11 }     # kỳ: ngày/tháng (hoặc ngày/tháng/năm)
    6m: { number: 30, date: 08/06/2022 }     # báo cáo đã ban hành: số và ngày

Báo cáo đã có ngày ban hành được ghi "đã ban hành ngày …" (đúng hạn hoặc chậm bao nhiêu ngày), không
tính quá hạn nữa.

)";

Date today_or(const Arguments& args) {
  if (args.has("today")) {
    Date d;
    char a = 0, b = 0;
    std::istringstream in(args.value("today"));
    const std::string text = args.value("today");
    const bool iso = text.find('-') != std::string::npos;
    const bool ok = iso ? (in >> d.year >> a >> d.month >> b >> d.day) && a == '-' && b == '-'
                        : (in >> d.day >> a >> d.month >> b >> d.year) && a == '/' && b == '/';
    if (!ok || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month))
      throw UsageError("--today \"" + text + "\" không phải ngày; ghi 2022-06-01 hoặc 01/06/2022.");
    return d;
  }
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace

const CommandSpec& deadlines_spec() {
  static const CommandSpec spec{
      .name = "deadlines",
      .help = kDeadlinesHelp,
      .options = {{"today", 0, "NGÀY", "Tính số ngày còn lại từ ngày này (2022-06-01 hoặc 01/06/2022) thay vì hôm nay."}},
      .missing_input = "thiếu tệp kế hoạch (YAML).",
  };
  return spec;
}

int deadlines_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(deadlines_spec(), words, console.out);
  if (!args) return kExitOk;
  const Date today = today_or(*args);
  const PlanDeadlines result = plan_deadlines(args->positional[0], today);
  const Plan& plan = result.plan;
  const auto& deadlines = result.deadlines;
  if (deadlines.empty()) {
    console.out << plan.file << ": kế hoạch chưa ghi lịch báo cáo (khóa reports: schedule: { 6m: 10/06, year: 10/11 }).\n";
    return kExitOk;
  }
  for (const auto& d : deadlines)
    console.out << "Báo cáo " << period_label(d.period, plan.year) << ": hạn " << day_month_year(d.due)
                << deadline_status(d, plan.reports.symbol) << "\n";
  return kExitOk;
}

}  // namespace kehoach
