// Word clusters from unlabelled text, for the tagger's cluster features.
//
// Method: each word (frequency >= min_count) gets a vector of positive PMI with its left and right
// neighbours among the most frequent words, randomly projected to `dimensions` and normalised;
// spherical k-means (deterministic seeding) gives the finest level, and k-means over those
// centroids gives two coarser levels (a shallow hierarchy standing in for Brown-cluster
// prefixes). Deterministic for a given input order and seed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "entities/features.h"

namespace sitrep::entities {

struct ClusterOptions {
  uint32_t clusters = 512;       // finest level; the coarser levels have /4 and /16
  uint32_t min_count = 3;
  uint32_t max_words = 60000;
  uint32_t context_words = 1000;
  uint32_t dimensions = 64;
  uint32_t iterations = 10;
  uint64_t seed = 1;
};

class ClusterBuilder {
 public:
  void AddSentence(const std::vector<std::string_view>& tokens);
  uint64_t tokens() const { return token_count_; }
  StringMap<ClusterIds> Build(const ClusterOptions& options) const;

 private:
  uint32_t Intern(std::string_view word);
  StringMap<uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> stream_;  // word ids, kBoundary between sentences
  uint64_t token_count_ = 0;
};

}  // namespace sitrep::entities
