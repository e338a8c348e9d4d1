// Snowball English stemmer (libstemmer) behind sitrep's own small class, and content terms.
#include <libstemmer.h>

#include <string>

#include "sitrep/text.h"

namespace sitrep {

struct Stemmer::Rep {
  sb_stemmer* stemmer = sb_stemmer_new("english", "UTF_8");
  ~Rep() { sb_stemmer_delete(stemmer); }
};

Stemmer::Stemmer() : rep_(std::make_unique<Rep>()) {}
Stemmer::~Stemmer() = default;

std::string_view Stemmer::Stem(std::string_view lower_word) {
  if (!rep_->stemmer) return lower_word;
  const sb_symbol* out = sb_stemmer_stem(rep_->stemmer,
                                         reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                         static_cast<int>(lower_word.size()));
  if (!out) return lower_word;
  return std::string_view(reinterpret_cast<const char*>(out),
                          static_cast<size_t>(sb_stemmer_length(rep_->stemmer)));
}

std::vector<std::string> ContentTerms(std::string_view sentence, Stemmer& stemmer) {
  std::vector<std::string> terms;
  std::string lower;
  for (const Token& t : Tokenize(sentence)) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    FoldCase(sentence.substr(t.span.begin, t.span.size()), lower);
    if (IsStopWord(lower)) continue;
    if (t.kind == TokenKind::kNumber) {
      terms.push_back(lower);
    } else {
      terms.emplace_back(stemmer.Stem(lower));
    }
  }
  return terms;
}

}  // namespace sitrep
