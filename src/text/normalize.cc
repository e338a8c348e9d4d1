// NormalizeText: bytes in, valid NFC UTF-8 out, with typographic variants folded so that later
// stages (sentence splitting, tokens, dedupe shingles) see one form of each quote, space and
// hyphen. Why fold quotes: syndicated copies differ mostly in such typography.
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <string>

#include "sitrep/text.h"

namespace sitrep {
namespace {

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

// The folded form of one code point: -1 drops it, otherwise the replacement.
UChar32 Fold(UChar32 c) {
  switch (c) {
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A: case 0x202F:
    case 0x205F: case 0x3000: case '\t': case '\f': case '\v':
      return ' ';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2212:
      return '-';
    case 0x2028: case 0x2029: case 0x0085:
      return '\n';
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return -1;
    default:
      break;
  }
  if (c < 0x20 && c != '\n') return -1;  // C0 controls (CR handled by the caller)
  if (c >= 0x7F && c < 0xA0) return -1;  // DEL and C1 controls
  return c;
}

}  // namespace

std::string NormalizeText(std::string_view bytes, size_t* repairs) {
  std::string folded;
  folded.reserve(bytes.size());
  size_t repaired = 0;
  bool ascii = true;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t n = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  // Skip a leading byte-order mark.
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3;
  while (i < n) {
    uint8_t b = s[i];
    if (b < 0x80) {  // fast path
      ++i;
      if (b == '\r') {
        if (i < n && s[i] == '\n') ++i;
        folded.push_back('\n');
      } else if (b >= 0x20 || b == '\n') {
        folded.push_back(static_cast<char>(b == 0x7F ? ' ' : b));
      } else if (b == '\t' || b == '\f' || b == '\v') {
        folded.push_back(' ');
      }
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      ++repaired;
      c = 0xFFFD;
    }
    UChar32 f = Fold(c);
    if (f < 0) continue;
    if (f >= 0x80) ascii = false;
    AppendUtf8(folded, f);
  }
  if (repairs) *repairs = repaired;
  if (ascii) return folded;

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return folded;
  if (nfc->isNormalizedUTF8(folded, status) && U_SUCCESS(status)) return folded;
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(folded.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, folded, sink, nullptr, status);
  return U_SUCCESS(status) ? out : folded;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace sitrep
