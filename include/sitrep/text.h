// text: the language layer every later stage shares: normalization, sentences, tokens, stems,
// stop words (English).
//
// Method: ICU NFC plus typographic folding; sentence boundaries from a rule-based splitter with
// an abbreviation list (data/abbreviations.txt) so "U.S.", "Gov.", "Brig. Gen.", "Sept. 12",
// "a.m.", "No. 2", initials and decimals stay intact; tokens by character class; Snowball stems.
// Invariant: sentence and token spans are byte ranges of the input string; nothing is rewritten.
// Thread safety: free functions are thread-safe; a Stemmer instance is not (use one per thread).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"

namespace sitrep {

// Makes any byte string valid, normalized UTF-8: invalid sequences become U+FFFD (counted in
// *repairs), then NFC, CR/LF to LF, non-breaking and other spaces to ' ', curly quotes to
// ASCII quotes, hyphen variants to '-', zero-width and control characters removed.
std::string NormalizeText(std::string_view bytes, size_t* repairs = nullptr);

// Runs of ASCII whitespace (space, tab, CR, LF) become one space; leading and trailing
// whitespace is dropped. For comparing and printing a sentence that spans lines.
std::string CollapseSpaces(std::string_view text);

// Sentence spans inside text[range.begin, range.end). Leading/trailing whitespace is excluded.
std::vector<Span> SplitSentences(std::string_view text, Span range);
std::vector<Span> SplitSentences(std::string_view text);

// Fills article.sentences from its kept blocks.
void SegmentArticle(Article& article);

enum class TokenKind : uint8_t { kWord, kNumber, kPunct, kSymbol };
struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
};
// Tokens of text (spans into it): words keep inner apostrophes, hyphens and periods of
// abbreviations ("U.S.", "al-Assad", "don't"); numbers keep separators ("20,000", "3.5").
std::vector<Token> Tokenize(std::string_view text);

// Lower-cases UTF-8 (full Unicode case folding) into out.
void FoldCase(std::string_view in, std::string& out);

// English Snowball stemmer (libstemmer). One instance per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  // Stem of a lower-case word; the view is valid until the next call.
  std::string_view Stem(std::string_view lower_word);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// True for English function words (data/stopwords-en.txt), given lower-case.
bool IsStopWord(std::string_view lower_word);

// Lower-cased, stemmed content terms of a sentence (stop words and punctuation removed).
std::vector<std::string> ContentTerms(std::string_view sentence, Stemmer& stemmer);

}  // namespace sitrep
