// Internals of the timeline builder shared with its tests and the Timeline17 scorer.
#pragma once

#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/time.h"

namespace sitrep::time_internal {

// A sentence anchored to one complete day.
struct DatedSentence {
  uint32_t article = 0;     // Article::index
  uint32_t sentence = 0;    // index into Article::sentences
  Span span;                // the sentence
  Span time;                // the expression (empty when from the publication date)
  CivilDate date;
  std::string value;
  double weight = 1.0;      // 1 for a stated date; publication_date_weight otherwise
  bool from_publication = false;
};

// Tags the article and anchors its sentences: one DatedSentence per day-precise DATE/TIME
// inside a sentence; sentences without one get the publication date at the given weight
// (0 = none).
std::vector<DatedSentence> DateSentences(const Article& article, const TimeOptions& options,
                                         double publication_date_weight);

// ROUGE-N counts between a peer and one reference over RougeLikeTokens (ROUGE-1.5.5 tokens
// and stems from sitrep::eval, stop words removed).
struct NgramCounts {
  double hits = 0;
  double peer = 0;
  double model = 0;
};
NgramCounts CountNgrams(const std::vector<std::string>& peer_tokens,
                        const std::vector<std::string>& model_tokens, int n);
std::vector<std::string> RougeLikeTokens(std::string_view text);

// The tilse "align_date_content_costs_many_to_one" ROUGE-n F of a predicted timeline against
// one reference (date -> token lists of the date's summary).
struct DatedTokens {
  int64_t day = 0;
  std::vector<std::string> tokens;
};
double AlignedRougeF(const std::vector<DatedTokens>& predicted,
                     const std::vector<DatedTokens>& reference, int n);
double DateF1(const std::vector<int64_t>& predicted, const std::vector<int64_t>& reference);

}  // namespace sitrep::time_internal
