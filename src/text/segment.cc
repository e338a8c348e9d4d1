// Sentence boundaries. A rule-based splitter rather than ICU's break iterator alone: ICU splits
// after "Gov.", "Brig. Gen.", "Sept." and initials. A period ends a sentence unless the word
// before it is a known abbreviation or an initial, or the next word starts in lower case;
// abbreviations of class `any` ("U.S.", "a.m.") end one only before a capitalized function word.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

#include "sitrep/text.h"
#include "text/lexicon.h"

namespace sitrep {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool IsClosing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }

// The code point at text[i] (ICU decoding; invalid bytes give U+FFFD).
UChar32 CodePointAt(std::string_view text, size_t i) {
  UChar32 c;
  int32_t idx = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), idx, static_cast<int32_t>(text.size()),
          c);
  return c < 0 ? 0xFFFD : c;
}

bool IsEllipsisAt(std::string_view text, size_t i) {
  return i + 2 < text.size() && static_cast<uint8_t>(text[i]) == 0xE2 &&
         static_cast<uint8_t>(text[i + 1]) == 0x80 && static_cast<uint8_t>(text[i + 2]) == 0xA6;
}

// The word starting at k (letters, digits, apostrophes), lower-cased ASCII only.
std::string NextWordLower(std::string_view text, size_t k, size_t end) {
  std::string w;
  while (k < end && (std::isalnum(static_cast<unsigned char>(text[k])) || text[k] == '\'')) {
    w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[k]))));
    ++k;
  }
  return w;
}

// The token that ends just before the period at `dot`, without the period, lower-cased.
std::string TokenBefore(std::string_view text, size_t begin, size_t dot) {
  size_t s = dot;
  while (s > begin && !IsSpace(text[s - 1]) && text[s - 1] != '(' && text[s - 1] != '"' &&
         text[s - 1] != '[')
    --s;
  std::string tok(text.substr(s, dot - s));
  for (char& ch : tok) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return tok;
}

// What the next sentence would start with.
enum class Next { kUpper, kLower, kDigit, kOther };
Next Classify(std::string_view text, size_t k) {
  UChar32 c = CodePointAt(text, k);
  if (c == '"' || c == '\'' || c == '(' || c == '[') {
    // Look through an opening quote or bracket.
    if (k + 1 < text.size()) {
      UChar32 d = CodePointAt(text, k + 1);
      if (u_islower(d)) return Next::kLower;
    }
    return Next::kUpper;
  }
  if (u_isupper(c) || u_istitle(c)) return Next::kUpper;
  if (u_islower(c)) return Next::kLower;
  if (u_isdigit(c)) return Next::kDigit;
  if (u_isalpha(c)) return Next::kUpper;  // scripts without case
  return Next::kOther;
}

bool IsPeriodBoundary(std::string_view text, size_t begin, size_t dot, size_t next, size_t end) {
  Next kind = Classify(text, next);
  if (kind == Next::kLower) return false;
  std::string tok = TokenBefore(text, begin, dot);
  const auto& abbrevs = GetLexicon().abbreviations;
  auto capitalized_function_word = [&] {
    if (kind != Next::kUpper) return false;
    size_t k = next;
    while (k < end && (text[k] == '"' || text[k] == '(')) ++k;
    return IsStopWord(NextWordLower(text, k, end));
  };
  if (auto it = abbrevs.find(tok); it != abbrevs.end()) {
    switch (it->second) {
      case AbbrevClass::kTitle:
        return false;
      case AbbrevClass::kMonth:
      case AbbrevClass::kNumber:
        if (kind == Next::kDigit) return false;
        return capitalized_function_word();
      case AbbrevClass::kAny:
        return capitalized_function_word();
    }
  }
  // An initial ("George W. Bush", "J. K. Rowling"): one letter, possibly after other initials.
  if (tok.size() == 1 && std::isalpha(static_cast<unsigned char>(tok[0]))) {
    return capitalized_function_word();
  }
  // Dotted acronyms not in the list ("U.N.E.S.C.O"): letters separated by periods.
  if (tok.size() >= 3 && tok.find('.') != std::string::npos) {
    bool dotted = true;
    for (size_t i = 0; i < tok.size(); ++i) {
      bool letter = std::isalpha(static_cast<unsigned char>(tok[i])) != 0;
      if ((i % 2 == 0 && !letter) || (i % 2 == 1 && tok[i] != '.')) dotted = false;
    }
    if (dotted) return capitalized_function_word();
  }
  return kind != Next::kOther || text[next] == '-';
}

void Emit(std::string_view text, size_t b, size_t e, std::vector<Span>& out) {
  while (b < e && IsSpace(text[b])) ++b;
  while (e > b && IsSpace(text[e - 1])) --e;
  if (e > b) out.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, Span range) {
  std::vector<Span> out;
  size_t end = std::min<size_t>(range.end, text.size());
  size_t start = range.begin;
  size_t i = start;
  while (i < end) {
    char c = text[i];
    bool ellipsis = IsEllipsisAt(text, i);
    if (c != '.' && c != '!' && c != '?' && !ellipsis) {
      ++i;
      continue;
    }
    size_t j = i + (ellipsis ? 3 : 1);
    bool multi = ellipsis;
    while (j < end && (text[j] == '.' || text[j] == '!' || text[j] == '?' || IsEllipsisAt(text, j))) {
      j += IsEllipsisAt(text, j) ? 3 : 1;
      multi = true;
    }
    while (j < end && IsClosing(text[j])) ++j;
    if (j >= end) break;
    if (!IsSpace(text[j])) {
      i = j;
      continue;
    }
    size_t k = j;
    while (k < end && IsSpace(text[k])) ++k;
    if (k >= end) break;
    bool boundary;
    if (c == '.' && !multi) {
      boundary = IsPeriodBoundary(text, start, i, k, end);
    } else {
      Next kind = Classify(text, k);
      boundary = kind == Next::kUpper || kind == Next::kDigit;
    }
    if (boundary) {
      Emit(text, start, j, out);
      start = k;
    }
    i = k;
  }
  Emit(text, start, end, out);
  return out;
}

std::vector<Span> SplitSentences(std::string_view text) {
  return SplitSentences(text, Span{0, static_cast<uint32_t>(text.size())});
}

void SegmentArticle(Article& article) {
  article.sentences.clear();
  std::string_view text = article.text;
  for (uint32_t b = 0; b < article.blocks.size(); ++b) {
    const Block& block = article.blocks[b];
    if (!block.kept()) continue;
    for (const Span& s : SplitSentences(text, block.span)) {
      Sentence sentence;
      sentence.span = s;
      sentence.block = b;
      sentence.index_in_article = static_cast<uint32_t>(article.sentences.size());
      article.sentences.push_back(sentence);
    }
  }
}

}  // namespace sitrep
