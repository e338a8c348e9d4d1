#include "entities/clusters.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace sitrep::entities {
namespace {

constexpr uint32_t kBoundary = std::numeric_limits<uint32_t>::max();

// Spherical k-means of rows (n x d, unit length) with weights; centres start at rows spread
// evenly over the input (which is frequency-sorted), so the run is deterministic.
std::vector<uint32_t> KMeans(const std::vector<float>& rows, const std::vector<float>& weight,
                             size_t n, size_t d, size_t k, uint32_t iterations, uint64_t seed) {
  k = std::min(k, n);
  std::vector<float> centres(k * d);
  std::mt19937_64 rng(seed);
  for (size_t c = 0; c < k; ++c) {
    size_t pick = (c * n) / k + (k < n ? rng() % std::max<size_t>(1, n / k) : 0);
    pick = std::min(pick, n - 1);
    std::copy_n(&rows[pick * d], d, &centres[c * d]);
  }
  std::vector<uint32_t> assign(n, 0);
  for (uint32_t it = 0; it < iterations; ++it) {
    for (size_t i = 0; i < n; ++i) {
      const float* x = &rows[i * d];
      float best = -std::numeric_limits<float>::infinity();
      uint32_t arg = 0;
      for (size_t c = 0; c < k; ++c) {
        const float* m = &centres[c * d];
        float dot = 0;
        for (size_t j = 0; j < d; ++j) dot += x[j] * m[j];
        if (dot > best) {
          best = dot;
          arg = static_cast<uint32_t>(c);
        }
      }
      assign[i] = arg;
    }
    std::vector<float> sums(k * d, 0.0f);
    std::vector<uint32_t> sizes(k, 0);
    for (size_t i = 0; i < n; ++i) {
      ++sizes[assign[i]];
      for (size_t j = 0; j < d; ++j) sums[assign[i] * d + j] += weight[i] * rows[i * d + j];
    }
    for (size_t c = 0; c < k; ++c) {
      if (sizes[c] == 0) continue;  // keep the old centre
      float norm = 0;
      for (size_t j = 0; j < d; ++j) norm += sums[c * d + j] * sums[c * d + j];
      norm = std::sqrt(norm);
      if (norm > 0)
        for (size_t j = 0; j < d; ++j) centres[c * d + j] = sums[c * d + j] / norm;
    }
  }
  return assign;
}

}  // namespace

uint32_t ClusterBuilder::Intern(std::string_view word) {
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(words_.size());
  ids_.emplace(std::string(word), id);
  words_.emplace_back(word);
  counts_.push_back(0);
  return id;
}

void ClusterBuilder::AddSentence(const std::vector<std::string_view>& tokens) {
  for (std::string_view t : tokens) {
    uint32_t id = Intern(t);
    ++counts_[id];
    stream_.push_back(id);
  }
  stream_.push_back(kBoundary);
  token_count_ += tokens.size();
}

StringMap<ClusterIds> ClusterBuilder::Build(const ClusterOptions& options) const {
  // Vocabulary by frequency (ties by spelling, for determinism).
  std::vector<uint32_t> order(words_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<int32_t> row_of(words_.size(), -1), context_of(words_.size(), -1);
  size_t n = 0;
  for (uint32_t id : order) {
    if (counts_[id] < options.min_count || n >= options.max_words) break;
    row_of[id] = static_cast<int32_t>(n++);
  }
  const size_t c_count = std::min<size_t>(options.context_words, n);
  for (size_t c = 0; c < c_count; ++c) context_of[order[c]] = static_cast<int32_t>(c);
  if (n == 0) return {};
  // Co-occurrence counts with the left (0..C) and right (C..2C) neighbour.
  std::unordered_map<uint64_t, uint32_t> co;
  co.reserve(stream_.size());
  std::vector<uint64_t> context_total(2 * c_count, 0), row_total(n, 0);
  uint64_t total = 0;
  for (size_t i = 0; i < stream_.size(); ++i) {
    uint32_t w = stream_[i];
    if (w == kBoundary || row_of[w] < 0) continue;
    auto add = [&](uint32_t neighbour, size_t side) {
      if (neighbour == kBoundary || context_of[neighbour] < 0) return;
      uint64_t c = side * c_count + static_cast<uint64_t>(context_of[neighbour]);
      ++co[static_cast<uint64_t>(row_of[w]) * 2 * c_count + c];
      ++context_total[c];
      ++row_total[row_of[w]];
      ++total;
    };
    if (i > 0) add(stream_[i - 1], 0);
    if (i + 1 < stream_.size()) add(stream_[i + 1], 1);
  }
  // Random projection of the PPMI rows.
  const size_t d = options.dimensions;
  std::vector<float> projection(2 * c_count * d);
  std::mt19937_64 rng(options.seed);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (float& v : projection) v = normal(rng);
  std::vector<float> rows(n * d, 0.0f);
  std::vector<std::pair<uint64_t, uint32_t>> cells(co.begin(), co.end());
  std::sort(cells.begin(), cells.end());  // fixed summation order
  for (const auto& [key, count] : cells) {
    uint64_t r = key / (2 * c_count), c = key % (2 * c_count);
    double pmi = std::log(static_cast<double>(count) * total /
                          (static_cast<double>(row_total[r]) * context_total[c]));
    if (pmi <= 0) continue;
    for (size_t j = 0; j < d; ++j) rows[r * d + j] += static_cast<float>(pmi) * projection[c * d + j];
  }
  std::vector<float> weight(n, 1.0f);
  for (size_t r = 0; r < n; ++r) {
    float norm = 0;
    for (size_t j = 0; j < d; ++j) norm += rows[r * d + j] * rows[r * d + j];
    norm = std::sqrt(norm);
    if (norm > 0)
      for (size_t j = 0; j < d; ++j) rows[r * d + j] /= norm;
  }
  const size_t k = options.clusters;
  std::vector<uint32_t> fine = KMeans(rows, weight, n, d, k, options.iterations, options.seed);
  // Coarser levels: k-means over the fine centres, weighted by cluster size.
  size_t k_used = std::min(k, n);
  std::vector<float> centres(k_used * d, 0.0f);
  std::vector<float> sizes(k_used, 0.0f);
  for (size_t r = 0; r < n; ++r) {
    sizes[fine[r]] += 1;
    for (size_t j = 0; j < d; ++j) centres[fine[r] * d + j] += rows[r * d + j];
  }
  for (size_t c = 0; c < k_used; ++c) {
    float norm = 0;
    for (size_t j = 0; j < d; ++j) norm += centres[c * d + j] * centres[c * d + j];
    norm = std::sqrt(norm);
    if (norm > 0)
      for (size_t j = 0; j < d; ++j) centres[c * d + j] /= norm;
  }
  std::vector<uint32_t> mid =
      KMeans(centres, sizes, k_used, d, std::max<size_t>(1, k / 4), options.iterations,
             options.seed + 1);
  std::vector<uint32_t> coarse =
      KMeans(centres, sizes, k_used, d, std::max<size_t>(1, k / 16), options.iterations,
             options.seed + 2);
  StringMap<ClusterIds> out;
  out.reserve(n);
  for (uint32_t id : order) {
    int32_t r = row_of[id];
    if (r < 0) continue;
    uint32_t f = fine[r];
    // 0 means "no cluster" in the features, so ids start at 1.
    out.emplace(words_[id], ClusterIds{static_cast<uint16_t>(coarse[f] + 1),
                                       static_cast<uint16_t>(mid[f] + 1),
                                       static_cast<uint16_t>(f + 1)});
  }
  return out;
}

}  // namespace sitrep::entities
