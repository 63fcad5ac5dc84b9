#pragma once
// Use case: a cascade file (a province's targets, its units down to the villages) split down every level,
// and every plan unit's draft plan and appendix written, with the appendices of the units above them, an
// index, and the fingerprints that let a second run skip what did not change.
#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "text/legacy_encoding.h"
#include "app/batch_jobs.h"
#include "app/batch_runner.h"
#include "app/messages.h"
#include "compute/cascade.h"
#include "model/cascade.h"
#include "model/unit_tree.h"

namespace kehoach {

struct CascadeFigures {
  CascadeSpec spec;
  UnitTree tree;          // rolled up
  CascadeResult cascade;  // every unit's table, its notes set
  Messages messages;      // an unconfirmed standard
};

// The units read (a units table, or household records classified) and the targets split. Throws
// InputError.
// `encoding`: --encoding, for the units table or the household list.
CascadeFigures split_cascade_file(const std::string& cascade_file, EncodingChoice encoding = EncodingChoice::Auto);

struct BatchRequest {
  std::string cascade_file;
  std::string folder;                                  // where the files go
  int jobs = 0;                                        // threads; 0 = every core
  std::function<void(const BatchProgress&)> progress;  // may be empty
  const std::atomic<bool>* stop = nullptr;             // set (Ctrl-C): finish the jobs under way, start none
  EncodingChoice encoding = EncodingChoice::Auto;      // --encoding
};

struct BatchResult {
  CascadeFigures figures;   // its messages also say which folder names were shortened
  std::vector<BatchJob> jobs;
  BatchRun run;    // written, skipped, failed (with each failure's line), interrupted
  int plans = 0;   // plan units among the jobs
  // What the folder holds once the run ends (written now or kept from the last run): the failed units'
  // files are not counted, nor an index that could not be written.
  int plans_made = 0, appendices_made = 0;
  bool index_written = false;
  std::vector<std::string> problems;  // the index or the fingerprints that could not be written
};

// The top unit's appendix alone, written into `output` exactly as run_batch_request writes the output folder's
// phu-luc.xlsx (the same split, the same job, the same writer), without the plans and appendices below it: how
// a province's pages aggregate the approved plans of the communes (written as a cascade file whose figures are
// all fixed) into the province's appendix.
struct TopAppendix {
  CascadeFigures figures;
  Plan document;        // the top job's: the plan the appendix belongs to
  AppendixTable table;  // the top unit's: a row per unit directly below it, and the total
};
// Throws InputError (cascade file, units), OutputError.
TopAppendix make_top_appendix(const std::string& cascade_file, const std::string& output);

// Throws InputError (cascade file, units, template, an output that is one of the inputs), TemplateError;
// OutputError when the folder cannot be made. A unit whose files cannot be written is a line of
// `run.errors` (its plan and appendix both left out, never one without the other), the others written
// all the same; the index lists every unit, with files for those written.
BatchResult run_batch_request(const BatchRequest& request);

}  // namespace kehoach
