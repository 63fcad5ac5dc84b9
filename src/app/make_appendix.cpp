#include "app/make_appendix.h"

#include <filesystem>

#include "write/appendix_workbook.h"

namespace kehoach {

AppendixWritten make_appendix(const AppendixRequest& request) {
  AppendixWritten result{load_plan(request.plan_file), request.output};
  if (result.path.empty()) result.path = std::filesystem::path(result.input.plan.file).stem().string() + "-phu-luc.xlsx";
  write_appendix_workbook(result.input.plan, result.input.table, result.path);
  return result;
}

}  // namespace kehoach
