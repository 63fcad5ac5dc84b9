#pragma once
// The domain's vocabulary, written once: the two indicators a plan targets (poor and near-poor
// households), the stages of a target table (start, reduction, end of the year), and the words every
// document, table and message uses for them. Level words live in model/unit_level, office names in
// data/offices.
#include <string>

namespace kehoach {

enum class Indicator { Poor, NearPoor };

// "poor" / "near_poor": how JSON and templates name an indicator.
inline const char* indicator_key(Indicator indicator) { return indicator == Indicator::Poor ? "poor" : "near_poor"; }

// "hộ nghèo" / "hộ cận nghèo": an indicator's households inside a sentence.
const char* indicator_households(Indicator indicator);

// "Hộ nghèo" / "Hộ cận nghèo": the same heading a table's group of columns.
const char* indicator_heading(Indicator indicator);

// "nghèo" / "cận nghèo": what a household is ("Hộ nghèo đầu năm", "Giảm hộ cận nghèo").
const char* indicator_adjective(Indicator indicator);

// Where in the year a count of a target table stands. Unspecified: a header that says no stage
// ("Hộ nghèo"), read as the start.
enum class Stage { Unspecified, Start, Reduction, End };

// "Hộ nghèo đầu năm 2022", "Giảm hộ nghèo trong năm 2022", "Hộ nghèo cuối năm 2022": the header of a
// stage's columns in a target table.
std::string stage_heading(Indicator indicator, Stage stage, int year);

// The row that sums a table, and what a table names its whole.
inline constexpr const char* kTotalLabel = "Tổng cộng";

}  // namespace kehoach
