// Internal: the light tokenizer and word tests the figure, date and cause readers share.
//
// Why not sitrep::Tokenize: these readers only need ASCII-lower-cased words, numbers with their
// separators and single punctuation marks, and they run over every kept sentence of every
// article, so one pass that lower-cases into a reused buffer keeps extraction well above 20 MB/s.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"

namespace sitrep::figures {

enum class TokKind : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t begin = 0;       // byte offsets into the scanned sentence
  uint32_t end = 0;
  TokKind kind = TokKind::kWord;
  bool capitalized = false;
  bool space_before = true;  // whitespace (or sentence start) right before the token
  std::string_view lower;   // ASCII lower-case form (view into the scanner's buffer)
};

// Tokens of one sentence. Words keep inner apostrophes, hyphens and dotted abbreviations
// ("village's", "year-old", "a.m."); numbers keep "," and "." between digits; a number glued to
// letters ("4th", "G7") is a word. Non-ASCII letters count as word bytes; "€" and "£" are
// punctuation tokens of their own.
class Scanner {
 public:
  void Scan(std::string_view sentence);
  const std::vector<Tok>& tokens() const { return tokens_; }
  std::string_view sentence() const { return sentence_; }
  std::string_view Raw(const Tok& t) const { return sentence_.substr(t.begin, t.end - t.begin); }

 private:
  std::string_view sentence_;
  std::string lower_;
  std::vector<Tok> tokens_;
};

// Sentence spans to scan for an article: Article::sentences when filled, else the sentences of
// the kept blocks (or of the whole text when there are no blocks). Never a dropped block.
std::vector<Span> ScanUnits(const Article& article);

inline bool Is(const Tok& t, std::string_view w) { return t.lower == w; }
bool IsAny(const Tok& t, std::initializer_list<std::string_view> words);
inline bool IsPunct(const Tok& t, char c) {
  return t.kind == TokKind::kPunct && t.lower.size() == 1 && t.lower[0] == c;
}

// 1..7 (Monday..Sunday) for a weekday name or its possessive ("tuesday's"), else 0.
int WeekdayOf(std::string_view lower);
// 1..12 for a month name or common abbreviation, else 0.
int MonthOf(std::string_view lower);

// Normalized event noun for a trigger word ("quake" -> "earthquake", "blaze" -> "fire"), or "".
std::string_view EventOf(std::string_view lower);

// Reporting verbs ("said", "told", "estimated", ...).
bool IsReportingVerb(std::string_view lower);

// Function words used when deciding where a noun phrase ends.
bool IsFunctionWord(std::string_view lower);

}  // namespace sitrep::figures
