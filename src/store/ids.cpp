#include "store/ids.h"

#include <Poco/Data/Statement.h>

#include "store/database.h"

namespace kehoach {

using namespace Poco::Data::Keywords;

std::int64_t next_id(Poco::Data::Session& session, const std::string& table) {
  Poco::Data::Statement update(session);
  update << sql(session, "UPDATE id_counters SET next_id = next_id + 1 WHERE table_name = ?"), bind(table);
  if (update.execute() != 1) throw StoreError("cơ sở dữ liệu thiếu bộ đếm mã của bảng " + table + ".");
  Poco::Int64 next = 0;
  session << sql(session, "SELECT next_id FROM id_counters WHERE table_name = ?"), bind(table), into(next), now;
  return next - 1;
}

void lock_table(Poco::Data::Session& session, const std::string& table) {
  Poco::Data::Statement update(session);
  update << sql(session, "UPDATE id_counters SET next_id = next_id WHERE table_name = ?"), bind(table);
  if (update.execute() != 1) throw StoreError("cơ sở dữ liệu thiếu bộ đếm mã của bảng " + table + ".");
}

}  // namespace kehoach
