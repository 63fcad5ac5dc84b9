#pragma once
// Use case: a plan file and what happened since the start of the year (movement tables, or household
// lists compared) into the periodic results report: its figures, and its Word report, Excel table and,
// on request, PDF.
#include <optional>
#include <string>
#include <vector>

#include "text/legacy_encoding.h"
#include "app/documents.h"
#include "app/plan_input.h"
#include "model/period.h"
#include "model/report.h"
#include "text/rate.h"

namespace kehoach {

struct ReportRequest {
  std::string plan_file;
  Period period = Period::H1;
  std::optional<Rate> threshold;                  // none: the plan file's, else the period's default
  std::vector<std::string> movements;             // movement tables of consecutive periods, added up
  std::optional<std::string> records_end;         // or the household list at the end of the period
  std::optional<std::string> records_earlier;     // with it, an older list (re-poor, re-near-poor)
  std::string sheet;                              // XLSX sheet of the movements or of those lists
  bool skip_bad_rows = false;                     // in those lists
  EncodingChoice encoding = EncodingChoice::Auto;  // --encoding, for every table read
  std::string template_name = "bao-cao";
  std::string output;                             // the Word file; empty: plan file + "-bao-cao-KỲ.docx"
  bool pdf = false;
};

struct ReportFiguresResult {
  PlanInput input;
  Report report;
  Messages messages;  // the plan's, then the lists compared and rows left out
};

// The report's figures (for JSON and for the documents). Throws InputError.
ReportFiguresResult compute_report(const ReportRequest& request);

struct ReportDocuments {
  ReportFiguresResult figures;
  DocumentsWritten written;
};

// The figures and the documents; a report addressed to the issuer's parent for want of `reports:
// addressees` warns so. Throws InputError, TemplateError, OutputError.
ReportDocuments make_report(const ReportRequest& request);

}  // namespace kehoach
