#pragma once
// A poverty standard (chuẩn nghèo) as data: which households count as poor, near-poor or middle
// income in a period. The national standards and local ones differ in lines, in the income basis
// (per month or per year) and in the number of deprivations that makes a household poor, so none of
// it is in code (domain.md section 4). Files live in data/standards/.
#include <optional>
#include <string>

namespace kehoach {

enum class Area { Rural, Urban };

struct AreaLines {
  long long poor = 0;                     // income per person at or below: poor or near-poor
  std::optional<long long> near_poor;     // a local standard's second band: near-poor above `poor` up to this
  std::optional<long long> middle;        // middle income above the lines up to this
  // The review form scores income in points instead of đồng (140 points = the rural line of
  // 2022–2025); a record with a score is placed by these instead of the amounts.
  std::optional<long long> poor_score, middle_score;
};

struct PovertyStandard {
  std::string name;            // "Chuẩn nghèo đa chiều giai đoạn 2022–2025"
  std::string document;        // the legal text that sets it, "Nghị định 07/2021/NĐ-CP"; "" when none is known
  // False when the lines are not yet set by a legal text (reported in the press, a draft): such a
  // standard is applied only with a warning on the terminal and a note under every table.
  bool confirmed = true;
  std::string file;            // where it was read from, for messages
  int first_year = 0, last_year = 0;
  bool per_year = false;       // lines are per person per year (otherwise per month)
  AreaLines rural, urban;
  int poor_deprivations = 3;   // deprived in at least this many indicators (with low income): poor
};

enum class Classification { Poor, NearPoor, MiddleIncome, Other };

}  // namespace kehoach
