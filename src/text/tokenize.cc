// Tokens by character class (ICU properties), keeping the inner punctuation that belongs to a
// word or number: "don't", "al-Assad", "U.S.", "20,000", "3.5", "9:30".
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

#include <memory>

#include "sitrep/text.h"

namespace sitrep {
namespace {

struct Cursor {
  std::string_view text;
  UChar32 At(size_t i, size_t* len) const {
    if (i >= text.size()) {
      *len = 0;
      return -1;
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      *len = 1;
      return static_cast<unsigned char>(text[i]);
    }
    int32_t idx = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), idx, static_cast<int32_t>(text.size()),
            c);
    *len = static_cast<size_t>(idx) - i;
    return c < 0 ? 0xFFFD : c;
  }
};

// ICU property lookups cost a function call each; news text is mostly ASCII, where the answers
// are these (checked against ICU for every ASCII code point in text_test.cc).
bool IsAsciiLetter(UChar32 c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(UChar32 c) { return c >= '0' && c <= '9'; }

bool IsLetter(UChar32 c) { return c < 0x80 ? IsAsciiLetter(c) : u_isalpha(c) != 0; }
bool IsDigit(UChar32 c) { return c < 0x80 ? IsAsciiDigit(c) : u_isdigit(c) != 0; }

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return c >= 0 && (IsAsciiLetter(c) || IsAsciiDigit(c));
  return u_isalpha(c) || u_isdigit(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool IsSpace(UChar32 c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(c);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Cursor cur{text};
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    UChar32 c = cur.At(i, &len);
    if (IsSpace(c)) {
      i += len;
      continue;
    }
    Token tok;
    tok.span.begin = static_cast<uint32_t>(i);
    if (IsWordChar(c)) {
      bool has_letter = false;
      bool dotted = false;  // letter.letter. acronyms
      size_t j = i;
      while (j < text.size()) {
        size_t l;
        UChar32 d = cur.At(j, &l);
        if (IsWordChar(d)) {
          has_letter |= IsLetter(d);
          j += l;
          continue;
        }
        // Inner punctuation joins when a word character follows.
        if (d == '\'' || d == '-' || d == '.' || d == ',' || d == ':' || d == '/' || d == '&') {
          size_t l2;
          UChar32 e = cur.At(j + l, &l2);
          if (!IsWordChar(e)) break;
          // "," ":" "/" only inside numbers; "&" only between letters (AT&T).
          bool prev_digit = j > 0 && IsAsciiDigit(static_cast<unsigned char>(text[j - 1]));
          if ((d == ',' || d == ':' || d == '/') && !(prev_digit && IsDigit(e))) break;
          if (d == '&' && !(u_isupper(e) && j > 0 && std::isupper(static_cast<unsigned char>(text[j - 1])))) break;
          if (d == '.' && !(prev_digit && IsDigit(e))) {
            // A period inside a word only for single-letter acronym parts ("U.S.").
            size_t seg = j;
            while (seg > i && text[seg - 1] != '.') --seg;
            if (j - seg != 1) break;
            dotted = true;
          }
          j += l;
          continue;
        }
        break;
      }
      // Keep the final period of a dotted acronym ("U.S.").
      if (dotted && j < text.size() && text[j] == '.') ++j;
      tok.kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
      i = j;
    } else {
      bool punct = (U_GET_GC_MASK(c) & U_GC_P_MASK) != 0;
      tok.kind = punct ? TokenKind::kPunct : TokenKind::kSymbol;
      i += len;
    }
    tok.span.end = static_cast<uint32_t>(i);
    tokens.push_back(tok);
  }
  return tokens;
}

void FoldCase(std::string_view in, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char ch : in) {
    if (static_cast<unsigned char>(ch) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out.resize(in.size());
    for (size_t i = 0; i < in.size(); ++i)
      out[i] = in[i] >= 'A' && in[i] <= 'Z' ? static_cast<char>(in[i] | 0x20) : in[i];
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  static thread_local std::unique_ptr<UCaseMap, void (*)(UCaseMap*)> map(
      ucasemap_open("", U_FOLD_CASE_DEFAULT, &status), ucasemap_close);
  out.resize(in.size() * 3 + 4);
  status = U_ZERO_ERROR;
  int32_t n = ucasemap_utf8FoldCase(map.get(), out.data(), static_cast<int32_t>(out.size()),
                                    in.data(), static_cast<int32_t>(in.size()), &status);
  if (U_FAILURE(status)) {
    out.assign(in);
    return;
  }
  out.resize(static_cast<size_t>(n));
}

}  // namespace sitrep
