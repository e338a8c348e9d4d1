// The sentences of one event as the summarizers see them: candidates with stemmed content terms,
// bigram concepts, position, length, readability and the articles that repeat them.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dedupe.h"
#include "sitrep/summarize.h"

namespace sitrep::summarize {

struct Candidate {
  uint32_t article = 0;        // Article::index position in the span given to Summarize
  uint32_t sentence = 0;       // index into Article::sentences
  Span span;                   // the text shown: the sentence, less a leading dateline
  uint32_t words = 0;          // whitespace-separated words of the shown text
  uint32_t position = 0;       // index of the sentence in its article
  std::vector<uint32_t> terms;     // content-word stem ids, sorted, with repeats (no stop words)
  std::vector<uint32_t> concepts;  // distinct bigram-concept ids, sorted
  bool from_copy = false;      // its article is a syndicated copy of another (support only)
  bool readable = true;        // stands on its own (no dangling pronoun, quote, question ...)
  bool attributed = false;     // has a reporting verb ("said", "told"): someone's words, not
                               // the reporter's
};

struct EventModel {
  std::vector<Candidate> candidates;  // every sentence of every article, in article order
  std::vector<double> article_weight; // 1 = on topic; lower for articles far from the centroid
  std::vector<std::vector<uint32_t>> article_candidates;  // per article: its candidates
  uint32_t num_terms = 0;
  uint32_t num_bigrams = 0;
  uint32_t num_articles_used = 0;     // articles that are not copies
};

// Builds the model. Sentences of articles marked as copies in `dedupe` are kept (for citations)
// with from_copy set. Thread safety: reentrant.
EventModel BuildEventModel(std::span<const Article> articles, const DedupeResult& dedupe);

// Summarize over a model already built from `articles` (BuildBrief builds it once for both the
// summary and the articles' relevance).
Result<Summary> SummarizeModel(std::span<const Article> articles, const EventModel& model,
                               const SummaryOptions& options);

// Number of whitespace-separated words.
uint32_t CountWords(std::string_view text);

// Length of a leading dateline ("PHOENIX _ ", "WASHINGTON (AP) -- ", "BEIJING, May 3 (Xinhua)
// -- ") in `sentence`, or 0.
size_t DatelineLength(std::string_view sentence);

}  // namespace sitrep::summarize
