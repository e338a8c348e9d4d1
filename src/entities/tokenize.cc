// NerTokenize: CoNLL-2003 / Penn-Treebank-like tokens, because the tagger was trained on them.
// Whitespace separates chunks; leading and trailing punctuation come off a chunk one mark at a
// time; clitics ('s, n't, 'll ...) split off; a final period stays on abbreviations ("U.S.",
// "Mr.", "J.") and comes off elsewhere. Bytes >= 0x80 are letters except the typographic quotes
// and dashes, so any UTF-8 text tokenizes without decoding.
#include <array>
#include <string_view>
#include <vector>

#include "sitrep/entities.h"

namespace sitrep {
namespace {

bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Length of a punctuation mark starting at text[i] ("“" is 3 bytes), 0 when not punctuation.
size_t PunctAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case '"': case '\'': case '`':
    case ',': case ';': case ':': case '!': case '?': case '<': case '>': case '*': case '|':
      return 1;
    default: break;
  }
  // U+2018..U+201D quotes, U+2013/2014 dashes, U+2026 ellipsis, U+00AB/BB guillemets.
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if ((d >= 0x98 && d <= 0x9D) || d == 0x93 || d == 0x94 || d == 0xA6) return 3;
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    unsigned char d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xAB || d == 0xBB) return 2;
  }
  return 0;
}

// Length of a punctuation mark ending at text[end) (0 when none).
size_t PunctBefore(std::string_view s, size_t begin, size_t end) {
  if (end == begin) return 0;
  if (end - begin >= 3 && PunctAt(s, end - 3) == 3) return 3;
  if (end - begin >= 2 && PunctAt(s, end - 2) == 2) return 2;
  return PunctAt(s, end - 1) == 1 ? 1 : 0;
}

bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

constexpr std::array<std::string_view, 48> kAbbreviations = {
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr", "Adm", "Maj",
    "Gov", "Sen", "Rep", "Rev", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "No",
    "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt",
    "Ft", "Pres", "Gov", "Calif", "Fla", "Mass", "Ariz", "Penn", "approx"};

// Whether chunk (ending in '.') keeps its period: "U.S.", "J.", "Mr.", "a.m.".
bool KeepsPeriod(std::string_view word) {
  std::string_view stem = word.substr(0, word.size() - 1);
  if (stem.empty()) return false;
  if (stem.find('.') != std::string_view::npos) return true;            // U.S. / a.m.
  if (stem.size() == 1 && IsAlpha(static_cast<unsigned char>(stem[0]))) return true;  // J.
  for (std::string_view a : kAbbreviations)
    if (stem == a) return true;
  return false;
}

void EmitChunk(std::string_view s, size_t b, size_t e, std::vector<Span>& out) {
  std::vector<Span> tail;  // trailing marks, in reverse
  while (b < e) {
    size_t n = PunctAt(s, b);
    if (n == 0 || b + n > e) break;
    // "'s" at the start of a chunk (after a space) is a clitic token on its own.
    if (s[b] == '\'' && e - b == 2 && (s[b + 1] == 's' || s[b + 1] == 'S')) break;
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(b + n)});
    b += n;
  }
  while (e > b) {
    size_t n = PunctBefore(s, b, e);
    if (n > 0) {
      tail.push_back({static_cast<uint32_t>(e - n), static_cast<uint32_t>(e)});
      e -= n;
      continue;
    }
    if (s[e - 1] == '.') {
      size_t dots = 0;
      while (e - dots > b && s[e - 1 - dots] == '.') ++dots;
      if (dots >= 2) {  // "..." ellipsis
        tail.push_back({static_cast<uint32_t>(e - dots), static_cast<uint32_t>(e)});
        e -= dots;
        continue;
      }
      if (e - b > 1 && !KeepsPeriod(s.substr(b, e - b))) {
        tail.push_back({static_cast<uint32_t>(e - 1), static_cast<uint32_t>(e)});
        e -= 1;
        continue;
      }
    }
    break;
  }
  if (e > b) {
    // Clitics: 's 'S ’s n't 're 've 'll 'd 'm.
    std::string_view w = s.substr(b, e - b);
    size_t cut = 0;
    auto ends = [&](std::string_view suffix) {
      return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
    };
    for (std::string_view suffix : {"'s", "'S", "\xE2\x80\x99s", "'re", "'ve", "'ll", "'d", "'m"}) {
      if (ends(suffix) && IsAlpha(static_cast<unsigned char>(w[w.size() - suffix.size() - 1]))) {
        cut = suffix.size();
        break;
      }
    }
    if (!cut && (ends("n't") || ends("N'T")) && w.size() > 3) cut = 3;
    // Trailing apostrophe of a plural possessive ("states'") stays a separate mark.
    if (!cut && w.size() > 1 && w.back() == '\'') cut = 1;
    if (cut) {
      out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e - cut)});
      out.push_back({static_cast<uint32_t>(e - cut), static_cast<uint32_t>(e)});
    } else {
      out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
  }
  for (auto it = tail.rbegin(); it != tail.rend(); ++it) out.push_back(*it);
}

}  // namespace

std::vector<Span> NerTokenize(std::string_view text) {
  std::vector<Span> out;
  size_t i = 0, n = text.size();
  while (i < n) {
    while (i < n && IsSpace(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < n && !IsSpace(static_cast<unsigned char>(text[i]))) ++i;
    // "--" separates words even without spaces ("said--and").
    size_t start = b;
    for (size_t j = b; j + 1 < i; ++j) {
      if (text[j] != '-' || text[j + 1] != '-') continue;
      if (j > start) EmitChunk(text, start, j, out);
      size_t k = j;
      while (k < i && text[k] == '-') ++k;
      out.push_back({static_cast<uint32_t>(j), static_cast<uint32_t>(k)});
      start = k;
      j = k - 1;
    }
    if (i > start) EmitChunk(text, start, i, out);
  }
  return out;
}

}  // namespace sitrep
