// Sentence grouping of NER tokens (internal): the tagger decodes one sentence at a time.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/article.h"

namespace sitrep::entities {

// [first, last) token index ranges: a sentence ends after ".", "!" or "?" (optionally followed
// by closing quotes/brackets) when the next token starts with an upper-case letter, a digit or a
// quote, at a blank line or line break between tokens, and after 120 tokens at the latest.
std::vector<std::pair<size_t, size_t>> GroupSentences(std::string_view text,
                                                      const std::vector<Span>& tokens);

}  // namespace sitrep::entities
