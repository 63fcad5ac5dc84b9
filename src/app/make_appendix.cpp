#include "app/make_appendix.h"

#include <filesystem>

#include "package/input_log.h"
#include "package/output_set.h"
#include "write/appendix_workbook.h"

namespace kehoach {

AppendixWritten make_appendix(const AppendixRequest& request) {
  const InputLog reads;  // what the appendix is made from, which it may not overwrite
  AppendixWritten result{load_plan(request.plan_file, request.encoding), request.output};
  if (result.path.empty()) result.path = std::filesystem::path(result.input.plan.file).stem().string() + "-phu-luc.xlsx";
  OutputSet outputs(&reads.files());
  write_appendix_workbook(result.input.plan, result.input.table, outputs.add(result.path));
  outputs.commit();
  return result;
}

}  // namespace kehoach
