// dedupe: find exact and near copies of articles (syndicated wire stories, updated versions,
// scraped copies).
//
// Method: MinHash over word 5-shingles of each article's kept text, LSH banding for candidate
// pairs, then the exact shingle Jaccard of each candidate pair against the threshold (the
// estimate only prunes pairs far below it); groups are the connected components, and each keeps
// its best copy (longest clean body, then earliest date, then first in the corpus).
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

struct DedupeOptions {
  uint32_t shingle_words = 5;
  uint32_t num_hashes = 128;      // signature length; must be a multiple of bands
  uint32_t bands = 32;
  double threshold = 0.8;         // estimated Jaccard at or above: near-duplicate
};

using MinHashSignature = std::vector<uint64_t>;

// Signature of a text (words lower-cased, punctuation ignored).
MinHashSignature Sign(std::string_view text, const DedupeOptions& options);
// Estimated Jaccard similarity of two signatures of equal length.
double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b);

struct DuplicateGroup {
  uint32_t kept = 0;                 // article index of the copy that stays
  std::vector<uint32_t> copies;      // the others, with their similarity to `kept`
  std::vector<double> similarity;
};

struct DedupeResult {
  std::vector<DuplicateGroup> groups;  // only groups of two or more
  std::vector<int32_t> duplicate_of;   // per article: index of its kept copy, or -1
};

// Groups near-duplicate articles. Uses each article's kept blocks (call Clean first); an
// article with no blocks is read whole.
DedupeResult Dedupe(std::span<const Article> articles, const DedupeOptions& options);

// The kept (body) text of an article, blocks joined by newlines.
std::string BodyText(const Article& article);

// The measurement: a near-duplicate set built from the real articles of a cluster JSONL
// file (../shared/data/duc2006/duc2006.jsonl): each source gets perturbed copies (word edits,
// truncation, added boilerplate, reordered paragraphs, combinations, heavy edits), and the other
// articles of its event are the hard negatives. Positives are same-source pairs whose exact
// shingle Jaccard is >= options.threshold; precision counts grouped pairs of different sources.
struct DedupeEvaluation {
  size_t articles = 0, sources = 0;
  uint64_t positives = 0, found = 0, predicted_pairs = 0, wrong_pairs = 0;
  double precision = 0, recall = 0;
  double signatures_per_s = 0, mb_per_s = 0;  // Sign() alone, one core
  double dedupe_s = 0;                        // the whole Dedupe() call
};
Result<DedupeEvaluation> EvaluateDedupe(const std::string& cluster_jsonl_path,
                                        const DedupeOptions& options, uint32_t max_sources = 1250);

}  // namespace sitrep
