#include "model/household.h"

namespace kehoach {

const std::array<const char*, kDeprivationCount>& deprivation_names() {
  static const std::array<const char*, kDeprivationCount> names = {
      "Việc làm", "Người phụ thuộc trong hộ", "Dinh dưỡng", "Bảo hiểm y tế", "Trình độ giáo dục của người lớn",
      "Tình trạng đi học của trẻ em", "Chất lượng nhà ở", "Diện tích nhà ở bình quân đầu người",
      "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh", "Sử dụng dịch vụ viễn thông",
      "Phương tiện phục vụ tiếp cận thông tin"};
  return names;
}

}  // namespace kehoach
