#include "web/router.h"

#include <stdexcept>

namespace kehoach {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 1;  // after the leading '/'
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

bool is_parameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool matches(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
  if (path.empty() || path[0] != '/') return false;
  const std::vector<std::string> want = segments(pattern), have = segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (is_parameter(want[i])) {
      if (have[i].empty()) return false;
      found[want[i].substr(1, want[i].size() - 2)] = have[i];
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(Route route) {
  for (const Route& known : routes_)
    if (known.method == route.method && known.pattern == route.pattern)
      throw std::logic_error("route already there: " + route.method + " " + route.pattern);
  if ((route.access == Access::Unit || route.access == Access::UnitWork) && route.pattern.find("{unit}") == std::string::npos)
    throw std::logic_error("a Unit route needs {unit}: " + route.pattern);
  routes_.push_back(std::move(route));
}

void Router::replace(Route route) {
  for (Route& known : routes_)
    if (known.method == route.method && known.pattern == route.pattern) {
      known = std::move(route);
      return;
    }
  add(std::move(route));
}

Router::Match Router::match(const std::string& method, const std::string& path) const {
  Match result;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!matches(route.pattern, path, params)) continue;
    if (route.method != method) {
      result.other_method = true;
      continue;
    }
    result.route = &route;
    result.params = std::move(params);
    return result;
  }
  return result;
}

}  // namespace kehoach
