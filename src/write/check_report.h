#pragma once
// What `kehoach check` prints: one line per finding in the "file:row, cột X (…)" form, or JSON.
#include <string>
#include <vector>

#include "compute/table_check.h"
#include "model/received_table.h"

namespace kehoach {

std::string check_report_text(const ReceivedTable& table, const std::vector<Finding>& findings);
std::string check_report_json(const ReceivedTable& table, const std::vector<Finding>& findings);

}  // namespace kehoach
