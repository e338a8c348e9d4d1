// summarize: an extractive multi-document summary under a length budget, every sentence cited.
//
// Method: the default ("concepts", chosen by measurement on DUC 2006, docs/benchmarks.md) covers
// the word bigrams most articles share (Gillick & Favre's concepts, greedy by gain per square
// root of length); others stay selectable by name (SummaryOptions::method). Syndicated copies
// give support (citations), never a second pick; off-topic articles weigh less.
// Invariant: every summary sentence is a Sentence span of an input article, shown unaltered
// beyond whitespace; each cites every article that says it or nearly says it.
// Thread safety: Summarize() is reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dedupe.h"
#include "sitrep/status.h"

namespace sitrep {

struct SummaryOptions {
  uint32_t max_words = 100;      // word budget (whitespace-separated words); 0 = no word limit
  uint32_t max_sentences = 0;    // sentence budget; 0 = no sentence limit
  std::string method = "default";
  uint64_t seed = 1;             // for methods that draw at random (the Random baseline)
  bool standalone_only = true;   // only sentences that read alone: no opening pronoun or
                                 // connective, no bare quote, question or first person
  bool overflow_last = false;    // the last sentence may run past max_words (for evaluations
                                 // that cut summaries at the budget, as DUC did)
};

struct Citation {
  uint32_t article = 0;          // Article::index
  Span span;                     // the sentence in that article that says it
  double similarity = 1.0;       // 1 = the same sentence
};

struct SummarySentence {
  uint32_t article = 0;          // the article whose sentence is shown
  Span span;
  double score = 0;
  std::vector<Citation> citations;  // every supporting article, the shown one first
};

struct Summary {
  std::string method;
  std::vector<SummarySentence> sentences;  // in reading order
};

// Names accepted by SummaryOptions::method, the default first ("default" is also accepted).
// "concepts" (bigram-concept coverage, Gillick & Favre), "submodular" (Lin & Bilmes),
// "centroid" (MEAD), "lexrank", "textrank", "lead" (newest article's first sentences), "random".
std::vector<std::string> SummaryMethods();

// Summarizes the articles (cleaned and segmented). `dedupe` marks syndicated copies; pass an
// empty result when unknown. Fails only on an unknown method name.
Result<Summary> Summarize(std::span<const Article> articles, const DedupeResult& dedupe,
                          const SummaryOptions& options);

}  // namespace sitrep
