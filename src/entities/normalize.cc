#include <utf8proc.h>

#include <cstdlib>

#include "entities/gazetteer_format.h"

namespace sitrep::entities {

std::string NormalizePlaceName(std::string_view name) {
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t len = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()), static_cast<utf8proc_ssize_t>(name.size()),
      &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                                     UTF8PROC_STRIPMARK | UTF8PROC_IGNORE));
  std::string folded;
  if (len >= 0 && mapped) folded.assign(reinterpret_cast<const char*>(mapped), static_cast<size_t>(len));
  else folded.assign(name);  // invalid UTF-8: fold ASCII only
  std::free(mapped);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (c == '\'' || c == '.' || c == '`') continue;
    // U+2019/U+2018/U+02BC/U+02BB apostrophes.
    if (c == 0xE2 && i + 2 < folded.size() && static_cast<unsigned char>(folded[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(folded[i + 2]) == 0x98 ||
         static_cast<unsigned char>(folded[i + 2]) == 0x99)) {
      i += 2;
      continue;
    }
    if (c == 0xCA && i + 1 < folded.size() &&
        (static_cast<unsigned char>(folded[i + 1]) == 0xBC || static_cast<unsigned char>(folded[i + 1]) == 0xBB)) {
      i += 1;
      continue;
    }
    if (c == '-' || c == ' ' || c == '\t' || c == ',' || c == '/' || c == '(' || c == ')') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      continue;
    }
    out.push_back(static_cast<char>(c));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace sitrep::entities
