// Dedupe: MinHash signatures, LSH banding for candidates, exact shingle Jaccard to decide.
//
// Why exact Jaccard on the candidates: with 128 hashes the estimate has a standard deviation of
// about 0.035 near 0.8, so pairs close to the threshold would flip at random; the candidates are
// few, and intersecting two sorted hash vectors costs microseconds.
#include <algorithm>
#include <numeric>
#include <unordered_set>

#include <xxhash.h>

#include "dedupe/minhash.h"
#include "sitrep/dedupe.h"

namespace sitrep {
namespace {

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Unite(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Best copy first: longest body, then earliest known date, then first in the corpus (which,
// for a crawl, is the first seen and most often the original outlet).
bool BetterCopy(const Article& a, size_t a_len, const Article& b, size_t b_len) {
  if (a_len != b_len) return a_len > b_len;
  if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
  if (a.date && *a.date != *b.date) return *a.date < *b.date;
  return a.index < b.index;
}

}  // namespace

std::string BodyText(const Article& article) {
  std::string out;
  bool any = false;
  for (const Block& block : article.blocks) {
    if (!block.kept()) continue;
    if (any) out += '\n';
    out.append(article.View(block.span));
    any = true;
  }
  if (!any && article.blocks.empty()) return article.text;
  return out;
}

DedupeResult Dedupe(std::span<const Article> articles, const DedupeOptions& options) {
  const size_t n = articles.size();
  DedupeResult result;
  result.duplicate_of.assign(n, -1);
  if (n < 2) return result;
  const uint32_t num_hashes = std::max<uint32_t>(1, options.num_hashes);
  const uint32_t bands = std::clamp<uint32_t>(options.bands, 1, num_hashes);
  const uint32_t rows = num_hashes / bands;

  std::vector<std::vector<uint64_t>> sets(n);
  std::vector<MinHashSignature> signatures(n);
  std::vector<size_t> body_bytes(n);
  for (size_t i = 0; i < n; ++i) {
    std::string body = BodyText(articles[i]);
    body_bytes[i] = body.size();
    dedupe_internal::ShingleHashes(body, options.shingle_words, sets[i]);
    if (!sets[i].empty()) signatures[i] = dedupe_internal::SignShingles(sets[i], num_hashes);
    std::sort(sets[i].begin(), sets[i].end());
    sets[i].erase(std::unique(sets[i].begin(), sets[i].end()), sets[i].end());
  }

  // LSH: (band key, article) entries sorted by key; equal keys are candidate pairs.
  std::vector<std::pair<uint64_t, uint32_t>> entries;
  entries.reserve(n * bands);
  for (size_t i = 0; i < n; ++i) {
    if (sets[i].empty()) continue;  // no words: nothing to compare
    for (uint32_t band = 0; band < bands; ++band) {
      uint64_t key = XXH3_64bits_withSeed(&signatures[i][band * rows], rows * sizeof(uint64_t), band);
      entries.emplace_back(key, static_cast<uint32_t>(i));
    }
  }
  std::sort(entries.begin(), entries.end());
  std::unordered_set<uint64_t> candidates;
  constexpr size_t kMaxPairsPerBucket = 64;  // bounds work when thousands of copies are identical
  for (size_t lo = 0; lo < entries.size();) {
    size_t hi = lo + 1;
    while (hi < entries.size() && entries[hi].first == entries[lo].first) ++hi;
    for (size_t x = lo; x < hi; ++x) {
      size_t limit = std::min(hi, x + 1 + kMaxPairsPerBucket);
      for (size_t y = x + 1; y < limit; ++y) {
        uint32_t a = entries[x].second, b = entries[y].second;
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        candidates.insert((static_cast<uint64_t>(a) << 32) | b);
      }
    }
    lo = hi;
  }

  UnionFind components(n);
  std::vector<uint64_t> sorted_candidates(candidates.begin(), candidates.end());
  std::sort(sorted_candidates.begin(), sorted_candidates.end());
  for (uint64_t pair : sorted_candidates) {
    uint32_t a = static_cast<uint32_t>(pair >> 32), b = static_cast<uint32_t>(pair);
    // Far below the threshold by estimate: skip the exact check (4 standard deviations).
    if (EstimateJaccard(signatures[a], signatures[b]) < options.threshold - 0.15) continue;
    if (dedupe_internal::SetJaccard(sets[a], sets[b]) >= options.threshold) components.Unite(a, b);
  }

  std::vector<std::vector<uint32_t>> members(n);
  for (uint32_t i = 0; i < n; ++i) members[components.Find(i)].push_back(i);
  for (auto& group : members) {
    if (group.size() < 2) continue;
    uint32_t best = group[0];
    for (uint32_t i : group) {
      if (BetterCopy(articles[i], body_bytes[i], articles[best], body_bytes[best])) best = i;
    }
    DuplicateGroup out;
    out.kept = best;
    for (uint32_t i : group) {
      if (i == best) continue;
      out.copies.push_back(i);
      out.similarity.push_back(dedupe_internal::SetJaccard(sets[i], sets[best]));
      result.duplicate_of[i] = static_cast<int32_t>(best);
    }
    result.groups.push_back(std::move(out));
  }
  return result;
}

}  // namespace sitrep
