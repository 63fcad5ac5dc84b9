#pragma once
// The text of form fields as the plan and report forms fill and read them: lists typed one item a line,
// and dates as the plan reader takes them.
#include <string>
#include <vector>

#include "model/date.h"
#include "model/report_settings.h"

namespace kehoach {

// The items joined with `between` ("\n" for a list a box shows a line each, "\n\n" for paragraphs).
std::string joined(const std::vector<std::string>& items, const std::string& between);

// The lines of a list typed one item a line, each cleaned, blank ones left out.
std::vector<std::string> typed_items(const std::string& text);

// "15/03/2022", or "03/2022" for a draft without its day.
std::string date_text(const Date& date);

// A report's due date: "10/06", or "10/01/2023" when it falls in another year than the plan's.
std::string due_text(const ReportDue& due);

}  // namespace kehoach
