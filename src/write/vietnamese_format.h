#pragma once
// How Vietnamese administrative documents write numbers, rates, dates and document numbers
// (Nghị định 30/2020, domain.md sections 2 and 3). Every output takes its text from here.
#include <optional>
#include <string>

#include "model/plan.h"
#include "model/rate.h"

namespace kehoach {

std::string format_count(long long count);      // 2047 -> "2.047"
std::string format_rate(Rate rate);             // {625} -> "6,25"
std::string format_date(const Date& date);      // "ngày 05 tháng 01 năm 2022", "ngày 23 tháng 3 năm 2023"
                                                // day 0 (a draft): "ngày       tháng 01 năm 2022"

// The blanks a draft leaves for the office to fill in by hand.
inline constexpr const char* kDraftBlank = "      ";

// "05/KH-UBND"; a draft (no number) gives "      /KH-UBND".
std::string document_number(const std::optional<int>& number, const std::string& symbol);

// "ngày 05 tháng 01 năm 2022"; a draft (no date) gives "ngày       tháng       năm 2022".
std::string document_date(const std::optional<Date>& date, int year);

// "Ủy ban nhân dân xã An Hòa Thịnh": the issuer as the text of a sentence names it.
std::string issuer_name(const Plan& plan);

// "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân xã An Hòa Thịnh)":
// always the plan's own number and date, so an appendix cannot cite the wrong plan.
std::string attachment_line(const Plan& plan);

}  // namespace kehoach
