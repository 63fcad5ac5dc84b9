#include "model/movements.h"

namespace kehoach {

const std::array<MovementColumn, kMovementCount>& movement_columns(Indicator indicator) {
  static const std::array<MovementColumn, kMovementCount> poor = {{
      {"to_near_poor", "Thoát nghèo thành hộ cận nghèo", -1},
      {"above_line", "Thoát nghèo vượt chuẩn cận nghèo", -1},
      {"other_decrease", "Giảm khác", -1},
      {"from_near_poor", "Hộ cận nghèo rơi xuống nghèo", +1},
      {"re_poor", "Tái nghèo", +1},
      {"new_poor", "Phát sinh mới", +1},
      {"other_increase", "Tăng khác", +1},
  }};
  static const std::array<MovementColumn, kMovementCount> near_poor = {{
      {"above_line", "Thoát cận nghèo", -1},
      {"to_poor", "Rơi xuống hộ nghèo", -1},
      {"other_decrease", "Giảm khác", -1},
      {"from_poor", "Hộ nghèo thoát thành cận nghèo", +1},
      {"re_near_poor", "Tái cận nghèo", +1},
      {"new_near_poor", "Phát sinh mới", +1},
      {"other_increase", "Tăng khác", +1},
  }};
  return indicator == Indicator::Poor ? poor : near_poor;
}

}  // namespace kehoach
