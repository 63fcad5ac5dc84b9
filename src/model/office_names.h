#pragma once
// The names of the offices the templates' default wording mentions (who advises on poverty reduction,
// the province department above, a district's offices), with the dates they apply from: the 2025
// reorganisation renamed most of them, so a document takes the names in force on its own date.
// Plain data, read from data/offices by read/office_reader; chosen here.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/date.h"

namespace kehoach {

struct OfficeName {
  std::string role;                 // "poverty": what the office does for the plan
  std::vector<std::string> levels;  // issuer levels it serves ("Xã", "Phường"); empty: any issuer
  Date from;                        // in force from this date
  std::string name;                 // "Phòng Kinh tế"
  std::string mention;              // inside a sentence ("công chức Lao động - …"); defaults to name
  std::string abbreviation;         // on the "Lưu: VT, …" line ("LĐTBXH"); may be empty
  std::string source;               // the document that gives the name
  bool confirmed = true;            // false: not checked against the legal text
};

struct OfficeBook {
  std::string file;                 // for messages
  std::vector<OfficeName> names;    // in file order
};

// For every role, the name in force on `date` for an issuer whose level word is `level` ("Xã",
// "Huyện"; empty when unknown): among the names for that level the one with the latest `from` not
// after the date, else among the names for any level, else among another level's. Roles with no
// name in force yet are left out.
std::map<std::string, OfficeName> offices_in_force(const OfficeBook& book, const std::string& level, const Date& date);

// The date that chooses a document's names: its own date (the first of the month when the day is
// left blank), or 1 January of its year for a draft without one.
Date naming_date(const std::optional<Date>& document_date, int year);

}  // namespace kehoach
