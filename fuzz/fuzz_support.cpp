#include "fuzz_support.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <variant>

#include "app/make_report.h"
#include "app/plan_input.h"
#include "read/template_locator.h"
#include "read/template_package.h"
#include "text/unicode.h"
#include "write/plan_template_data.h"
#include "write/report_template_data.h"

namespace fs = std::filesystem;

namespace kehoach::fuzz {
namespace {

// One folder per process, removed when the process ends normally (a crash leaves it for the
// reproduction; scripts/fuzz points TMPDIR into build-fuzz/ and empties it).
const fs::path& scratch() {
  static const fs::path folder = [] {
    fs::path path = fs::temp_directory_path() / ("kehoach-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(path);
    std::atexit([] { std::error_code ignored; fs::remove_all(scratch(), ignored); });
    return path;
  }();
  return folder;
}

}  // namespace

std::string source_path(const std::string& relative) { return std::string(KEHOACH_SOURCE_DIR) + "/" + relative; }

std::string write_input(const std::string& name, std::string_view bytes) {
  const fs::path path = scratch() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) fail("cannot write the input to " + path.string());
  return path.string();
}

void copy_examples(const std::string& examples) {
  static std::map<std::string, bool> copied;
  if (copied[examples]) return;
  for (const auto& entry : fs::directory_iterator(source_path("data/examples/" + examples))) {
    const std::string name = entry.path().filename().string();
    fs::copy_file(entry.path(), scratch() / name, fs::copy_options::overwrite_existing);
    fs::copy_file(entry.path(), scratch() / (examples + "-" + name), fs::copy_options::overwrite_existing);
  }
  copied[examples] = true;
}

const DocumentTemplate& shipped_template(const std::string& name) {
  static std::map<std::string, DocumentTemplate> compiled;
  auto found = compiled.find(name);
  if (found == compiled.end()) {
    const std::string location = templates_folder() + "/" + name;
    found = compiled.emplace(name, DocumentTemplate::compile(read_template_package(location), "templates/" + name)).first;
  }
  return found->second;
}

namespace {

// `more` added to `data`, records merged key by key; where both have a value that is not a record,
// `data` keeps its own.
void merge(TemplateRecord& data, const TemplateRecord& more) {
  for (const auto& [key, value] : more) {
    const auto found = data.find(key);
    if (found == data.end()) {
      data.emplace(key, value);
    } else if (auto* mine = std::get_if<TemplateRecord>(&found->second.value)) {
      if (const auto* theirs = std::get_if<TemplateRecord>(&value.value)) merge(*mine, *theirs);
    }
  }
}

}  // namespace

const TemplateRecord& example_record() {
  static const TemplateRecord record = [] {
    const std::string plan_file = source_path("data/examples/an-hoa-thinh-2022/ke-hoach.yaml");
    const PlanInput input = load_plan(plan_file);
    TemplateRecord data;
    for (const std::string name : {"xa", "huyen", "hoi-phu-nu"})
      merge(data, plan_template_data(input.plan, input.table, shipped_template(name).names(), name));
    ReportRequest request;
    request.plan_file = plan_file;
    request.movements = {source_path("data/examples/an-hoa-thinh-2022/bien-dong-6-thang.csv")};
    const ReportFiguresResult figures = compute_report(request);
    merge(data, report_template_data(figures.input.plan, figures.report, shipped_template("bao-cao").names(), "bao-cao"));
    return data;
  }();
  return record;
}

void fail(const std::string& what) {
  std::fprintf(stderr, "kehoach fuzz: %s\n", what.c_str());
  std::abort();
}

void check_message(const char* message) {
  const std::string_view text(message);
  // KEHOACH_FUZZ_VERBOSE=1: each refusal printed, to see how far a seed goes.
  static const bool verbose = std::getenv("KEHOACH_FUZZ_VERBOSE") != nullptr;
  if (verbose) std::fprintf(stderr, "refused: %s\n", message);
  if (text.empty()) fail("an error with an empty message");
  if (!is_valid_utf8(text)) fail("an error message that is not valid UTF-8");
}

}  // namespace kehoach::fuzz
