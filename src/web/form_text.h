#pragma once
// The text of form fields as the plan and report forms fill and read them: lists typed one item a line,
// dates as the plan reader takes them, and a reason or an explanation typed in its box.
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

// A reason or an explanation as typed in its box: line breaks as the browser sends them (CR LF) made LF,
// NFC, spaces around trimmed.
std::string typed_text(const std::string& value);

// What keeps such a text from being kept as it is (longer than `most` characters, or a character nobody sees),
// said of its `label` ("Lý do"); "" when it is fine.
std::string text_problem(const std::string& text, const std::string& label, std::size_t most = 2000);

}  // namespace kehoach
