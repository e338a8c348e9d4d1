// Internal: the article-extraction-benchmark's scoring, re-implemented exactly: tokens are
// Python's \w+ (Unicode letters, digits and '_'), 4-token shingles with counts, per-page
// tp/fp/fn, precision and recall averaged over pages, F1 of the averages, and exact-match
// accuracy (equal token lists).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitrep::web {

std::vector<std::string_view> BenchmarkTokens(std::string_view text);

struct PageScore {
  double tp = 0, fp = 0, fn = 0;  // normalized to sum 1, as the benchmark does
  bool exact = false;
};
PageScore ScorePage(std::string_view truth, std::string_view prediction);

struct CorpusScore {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  size_t pages = 0;
};
CorpusScore ScoreCorpus(const std::vector<PageScore>& pages);

}  // namespace sitrep::web
