#include <unistd.h>

#include <atomic>
#include <iostream>
#include <ostream>
#include <sstream>

#include "app/run_batch.h"
#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/stop_signals.h"
#include "cli/terminal.h"
#include "text/number_words.h"
#include "write/cascade_json.h"

namespace kehoach {
namespace {

constexpr const char* kBatchHelp = R"(kehoach batch: chia chỉ tiêu của tỉnh (hoặc cả nước) xuống từng xã, từng thôn và lập
dự thảo Kế hoạch, Phụ lục cho mọi xã một lần.

Cách dùng:
  kehoach batch PHAN_BO.yaml -o THƯ_MỤC [--jobs N] [--json]

Tệp phân bổ (YAML):
  year: 2026
  units: don-vi.csv              # mỗi thôn một dòng: các cột cấp (Tỉnh, Xã, Thôn…), Tổng số hộ, Hộ nghèo,
                                 # Hộ cận nghèo; hoặc records: danh sách hộ rà soát (như kehoach households)
  targets:                       # chỉ tiêu của đơn vị cao nhất
    poor: { end_rate: "3,50%" }
    near_poor: { reduce: 1200 }
  fixed:                         # số cố định ở bất kỳ cấp nào, đường dẫn tính từ dưới đơn vị cao nhất
    "Xã An Hòa Thịnh": { poor: 3 }
    "Xã An Hòa Thịnh / Thôn Sâm Cồn": { near_poor: all }
  plans: { level: Xã, template: xa }   # cấp lập kế hoạch (mặc định: cấp trên cấp thấp nhất) và mẫu
                                       # (mặc định: xa cho xã, phường; huyen cho huyện, quận);
                                       # date: 2026-01-15 ghi ngày cho mọi kế hoạch (số để trống)

Ở mỗi cấp, chỉ tiêu của đơn vị được chia cho các đơn vị cấp dưới như Phụ lục: sau các số cố định, phần
còn lại chia theo tỷ lệ số hộ đầu năm, phần dư lớn nhất được thêm 1 hộ; tổng các đơn vị cấp dưới luôn
bằng đơn vị cấp trên.

Ghi vào THƯ_MỤC: mỗi xã một thư mục (ke-hoach.docx: dự thảo, số và ngày để trống; phu-luc.xlsx), phụ lục
của mỗi đơn vị cấp trên (phu-luc.xlsx ở thư mục của nó, của đơn vị cao nhất ở THƯ_MỤC), index.csv và
index.html liệt kê mọi đơn vị với số liệu và tệp. Chạy lại chỉ ghi lại các xã có số liệu đổi. Ctrl-C dừng
gọn: các tệp đã ghi đều trọn vẹn, chạy lại để làm tiếp.

)";

int jobs_option(const Arguments& args) {
  return args.has("jobs") ? integer_option(args, "jobs", 1, 256, "số luồng từ 1 đến 256") : 0;
}

// Ctrl-C and SIGTERM ask for a stop instead of killing the process half way through a file.
std::atomic<bool> g_stop{false};
extern "C" void stop_batch(int) { g_stop.store(true); }

std::string duration(double seconds) {
  const long long whole = static_cast<long long>(seconds + 0.5);
  if (whole < 60) return std::to_string(whole) + " giây";
  return std::to_string(whole / 60) + " phút " + std::to_string(whole % 60) + " giây";
}

// "1234/3321 đơn vị · 250 đơn vị/giây · còn khoảng 8 giây", redrawn in place on a terminal.
void draw_progress(std::ostream& err, const BatchProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
  std::ostringstream line;
  line << "\r" << p.done << "/" << p.total << " đơn vị";
  if (rate > 0) {
    line << " · " << static_cast<long long>(rate + 0.5) << " đơn vị/giây";
    if (!p.final && p.done < p.total) line << " · còn khoảng " << duration(static_cast<double>(p.total - p.done) / rate);
  }
  line << "        ";
  err << line.str() << (p.final ? "\n" : "") << std::flush;
}

}  // namespace

const CommandSpec& batch_spec() {
  static const CommandSpec spec{
      .name = "batch",
      .help = kBatchHelp,
      .options = {{"output", 'o', "THƯ_MỤC", "Thư mục kết quả. Bắt buộc (trừ khi --json)."},
                  {"jobs", 0, "N", "Số luồng (mặc định: mọi nhân của máy)."},
                  {"json", 0, "", "In số liệu đã chia của mọi đơn vị (JSON), không ghi tệp."},
                  encoding_option()},
      .missing_input = "thiếu tệp phân bổ (YAML).",
  };
  return spec;
}

int batch_command(const std::vector<std::string>& words, Console console) {
  const std::optional<Arguments> args = command_arguments(batch_spec(), words, console.out);
  if (!args) return kExitOk;
  const int jobs = jobs_option(*args);
  if (!args->has("json") && !args->has("output")) throw UsageError("thiếu -o THƯ_MỤC (thư mục ghi kết quả).");

  if (args->has("json")) {
    const CascadeFigures figures = split_cascade_file(args->positional[0], encoding_choice(*args));
    tell(console, "batch", figures.messages, false);
    write_cascade_json(console.out, figures.tree, figures.cascade);
    return kExitOk;
  }
  // Progress only on a terminal: a log or a pipe gets the summary alone.
  const bool terminal = &console.err == &std::cerr && ::isatty(STDERR_FILENO);
  g_stop.store(false);
  const SignalHandlers stop_on_signal(stop_batch);
  BatchRequest request{args->positional[0], args->value("output"), jobs, {}, &g_stop, encoding_choice(*args)};
  if (terminal) request.progress = [&](const BatchProgress& p) { draw_progress(console.err, p); };
  const BatchResult result = run_batch_request(request);
  tell(console, "batch", result.figures.messages);
  const BatchRun& run = result.run;
  for (const auto& error : run.errors) console.err << "kehoach batch: " << error << '\n';
  for (const auto& problem : result.problems) console.err << "kehoach batch: " << problem << '\n';
  if (run.interrupted) {
    console.err << "kehoach batch: đã dừng theo yêu cầu sau " << run.written + run.skipped << "/" << result.jobs.size()
                << " đơn vị; các tệp đã ghi đều trọn vẹn. Chạy lại lệnh để làm tiếp.\n";
    return kExitStopped;
  }
  // What the folder holds: the units that failed and an index that could not be written are not counted.
  console.out << "Đã ghi vào " << request.folder << ": " << result.plans_made << " kế hoạch xã, "
              << result.appendices_made << " phụ lục" << (result.index_written ? ", index.csv, index.html" : "") << " ("
              << run.written << " đơn vị ghi mới, " << run.skipped << " đơn vị không đổi";
  if (run.failed) console.out << ", " << run.failed << " đơn vị không ghi được";
  console.out << ") trong " << format_rate(Rate{static_cast<long long>(run.seconds * 100 + 0.5)}) << " giây.\n";
  return run.failed || !result.problems.empty() ? kExitOutput : kExitOk;
}

}  // namespace kehoach
