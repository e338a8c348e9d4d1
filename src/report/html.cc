// EscapeHtml: the one routine every piece of article text goes through on its way into the page.
#include <utf8proc.h>

#include "sitrep/report.h"

namespace sitrep {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (n <= 0 || cp < 0) {
      out += "\xEF\xBF\xBD";  // one replacement character per bad byte: nothing is skipped silently
      ++pos;
      continue;
    }
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': case '\n': out += static_cast<char>(cp); break;
      case '\r':  // CR LF reads as LF; a lone CR is a line break too
        if (pos + 1 >= size || bytes[pos + 1] != '\n') out += '\n';
        break;
      default:
        // C0/C1 controls and noncharacters are parse errors in HTML.
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp & 0xFFFE) == 0xFFFE ||
            (cp >= 0xFDD0 && cp <= 0xFDEF)) {
          out += "\xEF\xBF\xBD";
        } else {
          out.append(text.substr(static_cast<size_t>(pos), static_cast<size_t>(n)));
        }
    }
    pos += n;
  }
  return out;
}

}  // namespace sitrep
