#pragma once
// How Vietnamese administrative documents write numbers, rates, dates and document numbers
// (Nghị định 30/2020, domain.md sections 2 and 3). Every output takes its text from here.
#include <optional>
#include <string>

#include "model/plan.h"
#include "text/number_words.h"

namespace kehoach {

std::string format_date(const Date& date);      // "ngày 05 tháng 01 năm 2022", "ngày 23 tháng 3 năm 2023"
                                                // day 0 (a draft): "ngày … tháng 01 năm 2022" (a blank)

// The blank a draft leaves for the office to fill in by hand: three FIGURE SPACEs (U+2007, each as
// wide as a digit: 1,5 em in all). Word and LibreOffice stretch only ordinary spaces to justify a
// line, and a figure space is a no-break space, so the blank keeps its width inside a justified
// paragraph ("Thực hiện Kế hoạch số …") and is never split across two lines.
inline constexpr const char* kDraftBlank = "\u2007\u2007\u2007";
// Between a blank and the words beside it, an EN SPACE (U+2002, fixed at 1/2 em) instead of an
// ordinary space, so that no part of the gap stretches; a line may still break after it.
inline constexpr const char* kBlankSeparator = "\u2002";

// "05/KH-UBND"; a draft (no number) gives kDraftBlank + "/KH-UBND".
std::string document_number(const std::optional<int>& number, const std::string& symbol);

// "ngày 05 tháng 01 năm 2022"; a draft (no date) gives "ngày … tháng … năm 2022" with two blanks.
std::string document_date(const std::optional<Date>& date, int year);

// "Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2022": how a sentence cites a document; a draft's
// blanks are set off by fixed spaces only (kBlankSeparator), never by ordinary ones.
std::string document_citation(const std::string& kind, const std::optional<int>& number, const std::string& symbol,
                              const std::optional<Date>& date, int year);

// "Ủy ban nhân dân xã An Hòa Thịnh": the issuer as the text of a sentence names it.
std::string issuer_name(const Plan& plan);

// "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)":
// always the plan's own number and date, so an appendix cannot cite the wrong plan.
std::string attachment_line(const Plan& plan);

}  // namespace kehoach
