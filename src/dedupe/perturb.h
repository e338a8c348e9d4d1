// Internal: the near-duplicate evaluation set, built at test/bench time from real articles in
// ../shared (never committed), and its scoring.
//
// Each source article (DUC 2006 clusters: 25 articles on one event, so same-topic distinct
// articles are the hard negatives) gets perturbed copies: word edits, truncation, added
// boilerplate, reordered paragraphs and combinations, plus a heavy edit that usually falls
// below the threshold. Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/dedupe.h"
#include "sitrep/status.h"

namespace sitrep::dedupe_internal {

struct PerturbedSet {
  std::vector<Article> articles;
  std::vector<int32_t> origin;     // per article: the source article it derives from
  std::vector<std::string> kind;   // "original", "edit", "truncate", "boilerplate", ...
};

// Reads cluster JSONL (the ../shared format) and builds the set from up to max_sources
// documents. Sources that are already near-copies of an earlier source (Jaccard >= 0.5) are left
// out so that the only true duplicates are the ones made here.
Result<PerturbedSet> BuildPerturbedSet(const std::string& cluster_jsonl_path, uint32_t max_sources,
                                       uint64_t seed);

struct DedupeScore {
  double precision = 0;          // grouped pairs that share an origin / grouped pairs
  double recall = 0;             // same-origin pairs with exact Jaccard >= threshold that were grouped
  uint64_t predicted_pairs = 0;
  uint64_t wrong_pairs = 0;      // grouped pairs of different origins
  uint64_t positives = 0;
  uint64_t found = 0;
};
DedupeScore ScoreDedupe(const PerturbedSet& set, const DedupeResult& result,
                        const DedupeOptions& options);

}  // namespace sitrep::dedupe_internal
