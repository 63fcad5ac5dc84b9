#include "model/national_programme.h"

namespace kehoach {

const std::vector<ProgrammeProject>& national_programme_2021_2025() {
  static const std::vector<ProgrammeProject> projects = {
      {1, "Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo, các xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo", {}},
      {2, "Đa dạng hóa sinh kế, phát triển mô hình giảm nghèo", {}},
      {3, "Hỗ trợ phát triển sản xuất, cải thiện dinh dưỡng",
       {"Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp", "Cải thiện dinh dưỡng"}},
      {4, "Phát triển giáo dục nghề nghiệp, việc làm bền vững",
       {"Phát triển giáo dục nghề nghiệp vùng nghèo, vùng khó khăn",
        "Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng", "Hỗ trợ việc làm bền vững"}},
      {5, "Hỗ trợ nhà ở cho hộ nghèo, hộ cận nghèo trên địa bàn các huyện nghèo", {}},
      {6, "Truyền thông và giảm nghèo về thông tin",
       {"Giảm nghèo về thông tin", "Truyền thông về giảm nghèo đa chiều"}},
      {7, "Nâng cao năng lực và giám sát, đánh giá Chương trình",
       {"Nâng cao năng lực thực hiện Chương trình", "Giám sát, đánh giá"}},
  };
  return projects;
}

}  // namespace kehoach
