#pragma once
// Tình hình nộp as an Excel workbook: the period's counts at the top (each percentage a formula over the
// counts, carrying its computed value), then a row per unit that should send: its state, when it first sent
// and last changed, its deadline and whether it was on time. Laid out as the province's other tables are
// (Times New Roman, borders, A4 landscape, the header repeated on every printed page).
#include <string>
#include <vector>

#include "compute/submission_status.h"
#include "package/atomic_file.h"

namespace kehoach {

struct StatusSheetRow {
  std::string unit;          // "Xã An Hòa Thịnh"
  std::string within;        // the district it lies in ("Huyện Hương Sơn"), or ""
  std::string state;         // "Đã duyệt"
  std::string first_sent;    // "05/06/2026 09:15", or ""
  std::string last_changed;  // the same, or ""
  std::string deadline;      // "10/06/2026", or ""
  std::string timeliness;    // "Đúng hạn", "Nộp muộn", "Quá hạn, chưa gửi", "Chưa đến hạn", or ""
};

struct StatusSheet {
  std::string title;      // "TÌNH HÌNH NỘP KẾ HOẠCH NĂM 2026"
  std::string unit;       // "Tỉnh Hà Tĩnh"
  std::string as_of;      // "Số liệu lúc 12/06/2026 10:30 (giờ Việt Nam)"
  std::string deadline;   // "Hạn nộp: 10/06/2026 (tỉnh đặt)", or what is known of it
  std::string filter;     // "Chỉ các đơn vị: Quá hạn, chưa gửi", or "" for all
  StatusCounts counts;    // of every unit, whatever the filter keeps
  bool with_within = false;  // a column for the district (some units lie in one)
  std::vector<StatusSheetRow> rows;
};

// Throws OutputError when the file cannot be written.
void write_status_workbook(const StatusSheet& sheet, long long timestamp, const AtomicFile& file);

}  // namespace kehoach
