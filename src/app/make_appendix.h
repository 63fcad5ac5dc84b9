#pragma once
// Use case: a plan file into its Excel appendix (the targets split among its units).
#include <string>

#include "app/plan_input.h"

namespace kehoach {

struct AppendixRequest {
  std::string plan_file;
  std::string output;  // empty: the plan file's name + "-phu-luc.xlsx", in the current folder
  EncodingChoice encoding = EncodingChoice::Auto;  // --encoding
};

struct AppendixWritten {
  PlanInput input;
  std::string path;  // the workbook written
};

// Throws InputError (also when the output is one of the files read), OutputError. (The figures alone, for JSON: load_plan.)
AppendixWritten make_appendix(const AppendixRequest& request);

}  // namespace kehoach
