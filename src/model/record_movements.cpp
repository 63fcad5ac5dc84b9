#include "model/record_movements.h"

namespace kehoach {

MovementCounts& MovementCounts::operator+=(const MovementCounts& other) {
  for (std::size_t i = 0; i < kMovementCount; ++i) {
    poor[i] += other.poor[i];
    near_poor[i] += other.near_poor[i];
  }
  return *this;
}

}  // namespace kehoach
