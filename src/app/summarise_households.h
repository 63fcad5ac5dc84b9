#pragma once
// Use case: a household review list (and, to see the period's movements, the list at its start) into
// every unit's figures, for JSON or the household workbook.
#include <optional>
#include <string>

#include "text/legacy_encoding.h"
#include "app/household_input.h"
#include "app/messages.h"
#include "model/households_report.h"
#include "package/input_log.h"

namespace kehoach {

struct HouseholdsRequest {
  std::string records;                    // the list at the end of the period (or the only one)
  int year = 0;                           // of the review; chooses the standard unless one is given
  std::string standard_file;              // a standard file instead of the shipped one of the year
  std::string sheet;
  std::optional<std::string> start;       // the list at the start of the period: movements
  std::optional<std::string> earlier;     // with it, an older list (re-poor, re-near-poor)
  bool skip_bad_rows = false;
  EncodingChoice encoding = EncodingChoice::Auto;  // --encoding
};

// Everything the figures are made of, owned, so that the report below can refer to it.
struct HouseholdsSummary {
  PovertyStandard standard;
  HouseholdCensus census;                 // the end list: its records and units, rolled up
  std::optional<MovementCensus> movements;
  int year = 0;
  Messages messages;                      // the files read or compared, rows left out, an unconfirmed standard
  InputFiles inputs;                      // the files read, which the workbook may not overwrite

  HouseholdsReport report() const;
};

// Throws InputError.
HouseholdsSummary summarise_households(const HouseholdsRequest& request);

// The household workbook at `output` (empty: the list's name + "-tong-hop.xlsx", in the current folder);
// returns the path written. Throws OutputError; InputError when the output is one of the lists read.
std::string write_households_summary(const HouseholdsSummary& summary, const std::string& output);

}  // namespace kehoach
