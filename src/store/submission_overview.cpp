#include "store/submission_overview.h"

#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>
#include <Poco/Tuple.h>

#include <vector>

#include "store/database.h"
#include "store/optional_id.h"

namespace kehoach {
namespace {

using namespace Poco::Data::Keywords;

}  // namespace

std::map<std::int64_t, SubmissionSummary> submissions_of_year(Poco::Data::Session& session, int year, WorkKind kind) {
  using Row = Poco::Tuple<Poco::Int64, std::string, OptionalId, Poco::Int64, OptionalId>;
  std::vector<Row> rows;
  // The first sending from the history: a submission's row is made by it, so every row has one.
  session << sql(session, "SELECT s.unit_id, s.state, s.version_id, s.changed_at, MIN(e.acted_at) FROM submissions s "
                          "LEFT JOIN submission_events e ON e.submission_id = s.id AND e.action = 'submit' "
                          "WHERE s.plan_year = ? AND s.kind = ? GROUP BY s.unit_id, s.state, s.version_id, s.changed_at"),
      bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))), into(rows), now;
  std::map<std::int64_t, SubmissionSummary> summaries;
  for (const Row& row : rows) {
    const std::optional<SubmissionState> state = submission_state_from_key(row.get<1>());
    if (!state) throw StoreError("bảng bài nộp có trạng thái \"" + row.get<1>() + "\" không rõ.");
    SubmissionSummary summary{row.get<0>(), *state, std::nullopt, row.get<3>(), std::nullopt};
    if (!row.get<2>().isNull()) summary.version_id = row.get<2>().value();
    if (!row.get<4>().isNull()) summary.first_sent = row.get<4>().value();
    summaries[summary.unit_id] = summary;
  }
  return summaries;
}

std::map<std::int64_t, std::int64_t> last_saves(Poco::Data::Session& session, int year, WorkKind kind) {
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64>> rows;
  session << sql(session, "SELECT unit_id, MAX(created_at) FROM versions WHERE plan_year = ? AND kind = ? GROUP BY unit_id"),
      bind(static_cast<Poco::Int64>(year)), bind(std::string(work_kind_key(kind))), into(rows), now;
  std::map<std::int64_t, std::int64_t> saves;
  for (const auto& row : rows) saves[row.get<0>()] = row.get<1>();
  return saves;
}

}  // namespace kehoach
