#pragma once
// Whom a report is addressed to ("Kính gửi:"): the plan file's `reports: addressees`, or else the
// issuer's parent body, the level the report goes up to. A report always has an addressee.
#include <string>
#include <vector>

#include "model/plan.h"

namespace kehoach {

struct ReportAddressees {
  std::vector<std::string> names;
  bool from_parent = false;  // the plan file gave none: the issuer's parent, written as a sentence names it
};

// Throws InputError naming the plan file and the key to add when it gives neither addressees nor
// a parent body.
ReportAddressees report_addressees(const Plan& plan);

// "UBND HUYỆN HƯƠNG SƠN" -> "Ủy ban nhân dân huyện Hương Sơn": a body as the header writes it
// (upper case, abbreviated) in the normal case of a sentence. Known abbreviations are spelled out,
// the level word (tỉnh, thành phố, huyện, xã, …) is lower case and the place name after the last
// one capitalised word by word. A name already in mixed case keeps its letters.
std::string body_in_sentence(const std::string& header_name);

}  // namespace kehoach
