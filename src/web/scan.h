// Internal: byte scans the web readers run over every page (markup, text nodes), 16 bytes at a
// step with SSE2 where the target has it, else one byte at a time (same results). Inline because
// markup has a '<' every few dozen bytes: a library call per search cost more than the search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sitrep::web {

// HTML's and readability's whitespace: space, \t, \n, \v, \f, \r.
inline bool IsAsciiSpace(char c) {
  return c == ' ' || static_cast<unsigned char>(c - '\t') <= '\r' - '\t';
}

// The same without \v (what metadata.cc has always collapsed).
inline bool IsAsciiSpaceNoVt(char c) { return IsAsciiSpace(c) && c != '\v'; }

// Appends `text` to `out` with each run of whitespace (kVerticalTab: \v counts as whitespace)
// written as one ' ', and none at the start of an empty `out`: the same as appending char by
// char with "if (!out.empty() && out.back() != ' ') out += ' '" for whitespace, without a
// branch per byte. A trailing ' ' is left for the caller.
template <bool kVerticalTab>
void AppendCollapsed(std::string& out, std::string_view text) {
  const size_t old = out.size();
  out.resize(old + text.size());  // collapsing only shrinks
  char* const begin = out.data();
  char* w = begin + old;
  bool last_space = old == 0 || begin[old - 1] == ' ';
  for (char c : text) {
    bool white = kVerticalTab ? IsAsciiSpace(c) : IsAsciiSpaceNoVt(c);
    *w = white ? ' ' : c;
    w += !(white && last_space);
    last_space = white;
  }
  out.resize(static_cast<size_t>(w - begin));
}

// The next `c` in [p, end), or nullptr.
inline const char* FindByte(const char* p, const char* end, char c) {
#if defined(__SSE2__)
  const __m128i needle = _mm_set1_epi8(c);
  while (end - p >= 16) {
    __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, needle)));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    if (*p == c) return p;
  }
  return nullptr;
}

struct TextCounts {
  uint32_t non_space = 0;  // bytes that are not IsAsciiSpace
  uint32_t commas = 0;
};

inline TextCounts CountText(std::string_view text) {
  TextCounts out;
  const char* p = text.data();
  const char* const end = p + text.size();
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(' ');
  const __m128i comma = _mm_set1_epi8(',');
  const __m128i tab_minus_one = _mm_set1_epi8('\t' - 1);
  const __m128i cr_plus_one = _mm_set1_epi8('\r' + 1);
  const __m128i zero = _mm_setzero_si128();
  while (end - p >= 16) {
    // Per-lane counters (a matching lane is -1, so subtracting counts it), summed every 255
    // blocks before a lane can overflow.
    __m128i white_lanes = zero, comma_lanes = zero;
    size_t blocks = static_cast<size_t>(end - p) / 16;
    if (blocks > 255) blocks = 255;
    for (size_t b = 0; b < blocks; ++b, p += 16) {
      __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      // \t..\r by two signed compares: bytes >= 0x80 are negative, so never in the range.
      __m128i control = _mm_and_si128(_mm_cmpgt_epi8(block, tab_minus_one),
                                      _mm_cmplt_epi8(block, cr_plus_one));
      white_lanes = _mm_sub_epi8(white_lanes, _mm_or_si128(control, _mm_cmpeq_epi8(block, space)));
      comma_lanes = _mm_sub_epi8(comma_lanes, _mm_cmpeq_epi8(block, comma));
    }
    __m128i white = _mm_sad_epu8(white_lanes, zero), commas = _mm_sad_epu8(comma_lanes, zero);
    uint32_t white_count = static_cast<uint32_t>(_mm_cvtsi128_si32(white) +
                                                 _mm_cvtsi128_si32(_mm_srli_si128(white, 8)));
    out.non_space += static_cast<uint32_t>(blocks * 16) - white_count;
    out.commas += static_cast<uint32_t>(_mm_cvtsi128_si32(commas) +
                                        _mm_cvtsi128_si32(_mm_srli_si128(commas, 8)));
  }
#endif
  for (; p < end; ++p) {
    out.non_space += !IsAsciiSpace(*p);
    out.commas += *p == ',';
  }
  return out;
}

}  // namespace sitrep::web
