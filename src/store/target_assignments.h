#pragma once
// Assigned targets (Giao chỉ tiêu, model/target_assignment.h): every save of a province's split is a new
// version with every unit's figures, never changed afterwards; a commune's requests to plan other figures
// (Đề nghị điều chỉnh) with the figures asked for, and the province's answer to each, one at most. Who, when
// and from where are kept with each. Rows are only ever inserted.
#include <Poco/Data/Session.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/target_assignment.h"

namespace kehoach {

struct AssignmentRecord {
  std::int64_t id = 0;
  std::int64_t unit_id = 0;  // the province whose targets these are
  int year = 0;
  int number = 0;            // 1, 2, … per unit and year
  std::string cascade_sha256, units_sha256;  // the files it was split from (stored_files)
  std::int64_t created_at = 0;
  std::optional<std::int64_t> created_by;
  std::string client_address;  // where it was given from
};

// A unit of an assignment: `position` 0 is the top, each parent before its children.
struct AssignmentRow {
  int position = 0;
  std::optional<int> parent;                  // the parent's position; none for the top
  std::optional<std::int64_t> unit_id;        // the units table's unit; none for a village of a village table
  std::string name;
  long long households = 0;
  std::optional<std::int64_t> table_version;  // a commune: the village table version its villages came from
  std::vector<AssignedFigure> figures;        // poor, then near-poor, those the assignment has
};

// A new version of the province's targets for the year, numbered after its last (the id taken first, whose
// counter's lock keeps two saves from taking one number), with every unit's row. Within a transaction, after
// record_stored_file of its two files.
AssignmentRecord add_assignment(Poco::Data::Session& session, AssignmentRecord assignment,
                                const std::vector<AssignmentRow>& rows);

std::optional<AssignmentRecord> find_assignment(Poco::Data::Session& session, std::int64_t id);
// Every version of the unit's targets for the year, newest first.
std::vector<AssignmentRecord> assignments_of(Poco::Data::Session& session, std::int64_t unit, int year);
// Every unit of the version, by position.
std::vector<AssignmentRow> assignment_rows(Poco::Data::Session& session, std::int64_t assignment);
// The row of the units table's `unit` in the version, then the rows of its children; empty when it has none.
std::vector<AssignmentRow> assignment_rows_of_unit(Poco::Data::Session& session, std::int64_t assignment, std::int64_t unit);

struct AdjustmentDecision {
  bool agreed = false;
  std::string note;
  std::int64_t at = 0;
  std::optional<std::int64_t> by;
  std::string client_address;
};

struct AdjustmentRecord {
  std::int64_t id = 0;
  std::int64_t assignment_id = 0;
  std::int64_t unit_id = 0;  // the commune that asks
  int year = 0;
  std::string reason;
  std::optional<std::int64_t> table_version;  // the village table its figures were computed on
  std::int64_t asked_at = 0;
  std::optional<std::int64_t> asked_by;
  std::string client_address;
  std::optional<AdjustmentDecision> decision;  // none: waiting for the province
};

// Records the request with the figures asked for (the unit's own and its villages'). Within a transaction
// that took lock_adjustments first and found no request of the unit still waiting.
AdjustmentRecord add_adjustment(Poco::Data::Session& session, AdjustmentRecord adjustment, const UnitTargets& figures);
// The lock of the requests and their answers: taken before looking for a request waiting or an answer given.
void lock_adjustments(Poco::Data::Session& session);

std::optional<AdjustmentRecord> find_adjustment(Poco::Data::Session& session, std::int64_t id);
// The requests made against a version of the targets, newest first; of one unit when `unit` is given.
std::vector<AdjustmentRecord> adjustments_of(Poco::Data::Session& session, std::int64_t assignment,
                                             std::optional<std::int64_t> unit = std::nullopt);
// The figures a request asked for.
UnitTargets adjustment_figures(Poco::Data::Session& session, std::int64_t adjustment);
// Records the province's answer. Within a transaction that took lock_adjustments and found none given yet.
void add_adjustment_decision(Poco::Data::Session& session, std::int64_t adjustment, const AdjustmentDecision& decision);

}  // namespace kehoach
