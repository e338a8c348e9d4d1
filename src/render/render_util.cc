#include "render/render_util.h"

namespace sitrep {

std::string DisplayText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::string DateOrUnknown(const Article& a) { return a.date ? a.date->ToIso() : "date unknown"; }

}  // namespace sitrep
