#include "model/indicator.h"

namespace kehoach {

const char* indicator_households(Indicator indicator) {
  return indicator == Indicator::Poor ? "hộ nghèo" : "hộ cận nghèo";
}

const char* indicator_heading(Indicator indicator) {
  return indicator == Indicator::Poor ? "Hộ nghèo" : "Hộ cận nghèo";
}

const char* indicator_adjective(Indicator indicator) { return indicator == Indicator::Poor ? "nghèo" : "cận nghèo"; }

std::string stage_heading(Indicator indicator, Stage stage, int year) {
  const std::string kind = indicator_adjective(indicator);
  const std::string year_text = std::to_string(year);
  switch (stage) {
    case Stage::Reduction: return "Giảm hộ " + kind + " trong năm " + year_text;
    case Stage::End: return "Hộ " + kind + " cuối năm " + year_text;
    case Stage::Start:
    case Stage::Unspecified: break;
  }
  return "Hộ " + kind + " đầu năm " + year_text;
}

}  // namespace kehoach
