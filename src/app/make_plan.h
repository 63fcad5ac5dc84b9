#pragma once
// Use case: a plan file into its Word plan, its Excel appendix and, on request, a PDF.
#include <string>

#include "app/documents.h"
#include "app/plan_input.h"

namespace kehoach {

struct PlanRequest {
  std::string plan_file;
  std::string output;  // the Word file; empty: the plan file's name + ".docx", in the current folder
  bool pdf = false;
  EncodingChoice encoding = EncodingChoice::Auto;  // --encoding
};

struct PlanDocuments {
  PlanInput input;
  DocumentsWritten written;
};

// Throws InputError (the plan, its statistics or records, its template), TemplateError, OutputError.
PlanDocuments make_plan(const PlanRequest& request);

}  // namespace kehoach
