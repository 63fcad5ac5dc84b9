#pragma once
// An id column that may be NULL (who did it, when the command line did; a version not yet sent), as Poco::Data
// binds and reads it, and the std::optional the records hold.
#include <Poco/Nullable.h>
#include <Poco/Types.h>

#include <cstdint>
#include <optional>

namespace kehoach {

using OptionalId = Poco::Nullable<Poco::Int64>;

inline OptionalId nullable(const std::optional<std::int64_t>& id) { return id ? OptionalId(*id) : OptionalId(); }

inline std::optional<std::int64_t> optional(const OptionalId& id) {
  return id.isNull() ? std::nullopt : std::optional<std::int64_t>(id.value());
}

}  // namespace kehoach
