#include "web/plan_year.h"

#include <vector>

#include "web/html.h"

namespace kehoach {
namespace {

constexpr int kFirstYear = 2000, kLastYear = 2100;

}  // namespace

int page_year(const RequestContext& context) {
  const std::string text = context.query_value("nam");
  if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos) {
    const int year = std::stoi(text);
    if (year >= kFirstYear && year <= kLastYear) return year;
  }
  return context.site.current_year();
}

std::string year_form(const RequestContext& context, int year) {
  const int now = context.site.current_year();
  std::vector<int> years;
  for (int y = now + 1; y >= now - 3; --y) years.push_back(y);
  if (year > now + 1 || year < now - 3) years.insert(years.begin(), year);
  std::string html = "<form method=\"get\" action=\"" + escape_html(context.path) +
                     "\" class=\"year-form\">\n<label for=\"nam\">Năm kế hoạch</label>\n<select class=\"select\" id=\"nam\" "
                     "name=\"nam\">\n";
  for (int y : years)
    html += "<option value=\"" + std::to_string(y) + "\"" + (y == year ? " selected" : "") + ">" + std::to_string(y) +
            "</option>\n";
  return html + "</select>\n<button type=\"submit\" class=\"button button--secondary\">Xem</button>\n</form>\n";
}

std::string year_query(int year) { return "?nam=" + std::to_string(year); }

}  // namespace kehoach
