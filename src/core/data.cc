#include "core/data.h"

#include <map>
#include <string>

namespace sitrep {
namespace {

// Function-local static: registrars in other translation units may run before any global here.
std::map<std::string, std::string_view, std::less<>>& Registry() {
  static std::map<std::string, std::string_view, std::less<>> registry;
  return registry;
}

}  // namespace

EmbeddedDataRegistrar::EmbeddedDataRegistrar(const char* name, const char* begin,
                                             const char* end) {
  Registry()[name] = std::string_view(begin, static_cast<size_t>(end - begin));
}

std::string_view EmbeddedData(std::string_view name) {
  auto it = Registry().find(name);
  return it == Registry().end() ? std::string_view() : it->second;
}

std::vector<std::string_view> EmbeddedLines(std::string_view name) {
  std::vector<std::string_view> lines;
  std::string_view data = EmbeddedData(name);
  while (!data.empty()) {
    size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace sitrep
