#include "dedupe/minhash.h"

#include <algorithm>
#include <array>
#include <limits>

#include <xxhash.h>

#include "sitrep/dedupe.h"

namespace sitrep {
namespace dedupe_internal {
namespace {

// Words as ASCII alphanumerics plus any UTF-8 byte >= 0x80 (so every non-ASCII script forms
// words without a Unicode table; case folding is ASCII only, which is enough for copy detection).
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

// Mixes the k word hashes of a window into one shingle hash (order-sensitive).
inline uint64_t CombineWindow(const uint64_t* words, uint32_t k) {
  return XXH3_64bits(words, sizeof(uint64_t) * k);
}

}  // namespace

void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>& out) {
  out.clear();
  const uint32_t k = std::max<uint32_t>(1, shingle_words);
  std::vector<uint64_t> words;
  words.reserve(text.size() / 5 + 1);
  char buffer[256];
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    while (i < n && !IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= n) break;
    size_t length = 0;
    uint64_t hash = 0;
    bool long_word = false;
    size_t start = i;
    while (i < n && IsWordByte(static_cast<unsigned char>(text[i]))) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (length < sizeof(buffer)) {
        buffer[length++] = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      } else {
        long_word = true;
      }
      ++i;
    }
    // Words over 256 bytes (URLs without separators, base64) hash on their raw bytes.
    hash = long_word ? XXH3_64bits(text.data() + start, i - start) : XXH3_64bits(buffer, length);
    words.push_back(hash);
  }
  if (words.empty()) return;
  if (words.size() < k) {
    out.push_back(CombineWindow(words.data(), static_cast<uint32_t>(words.size())));
    return;
  }
  out.reserve(words.size() - k + 1);
  for (size_t w = 0; w + k <= words.size(); ++w) out.push_back(CombineWindow(&words[w], k));
}

std::vector<uint64_t> ShingleSet(std::string_view text, uint32_t shingle_words) {
  std::vector<uint64_t> hashes;
  ShingleHashes(text, shingle_words, hashes);
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  return hashes;
}

double SetJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() && b.empty()) return 0;
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

}  // namespace dedupe_internal

namespace {

// Fast range reduction: a uniform 64-bit x to [0, n).
inline uint32_t Reduce(uint64_t x, uint32_t n) {
  return static_cast<uint32_t>(((x >> 32) * n) >> 32);
}

inline uint64_t Mix(uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace

namespace dedupe_internal {

// One-permutation MinHash (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017):
// each shingle hash falls into one of `count` bins by its value and each bin keeps its minimum,
// so a signature costs one pass over the shingles instead of `count` passes. An empty bin (short
// texts) copies the bin found by a probe sequence that depends only on the bin index, so two
// texts fill their empty bins the same way and equal bins still mean shared minima.
MinHashSignature SignShingles(const std::vector<uint64_t>& shingles, uint32_t count) {
  count = std::max<uint32_t>(1, count);
  constexpr uint64_t kEmpty = std::numeric_limits<uint64_t>::max();
  MinHashSignature signature(count, kEmpty);
  if (shingles.empty()) return signature;
  uint64_t* sig = signature.data();
  for (uint64_t shingle : shingles) {
    uint64_t x = Mix(shingle ^ 0x5157524550ull);  // re-mix: shingle hashes also key the LSH sets
    uint32_t bin = Reduce(x, count);
    // Within a bin, order by the low bits (the bin index came from the high ones).
    uint64_t v = (x << 32) | (x >> 32);
    if (v < sig[bin]) sig[bin] = v;
  }
  std::vector<uint32_t> empty;
  for (uint32_t i = 0; i < count; ++i) {
    if (sig[i] == kEmpty) empty.push_back(i);
  }
  if (empty.size() == count) return signature;
  MinHashSignature filled = signature;
  for (uint32_t i : empty) {
    for (uint64_t attempt = 1;; ++attempt) {
      uint32_t j = Reduce(Mix((static_cast<uint64_t>(i) << 32) ^ attempt), count);
      if (signature[j] != kEmpty) {
        // Mark the borrowed value with the receiving bin, so that two texts agree on bin i
        // only when they borrowed the same minimum from the same place.
        filled[i] = Mix(signature[j] ^ (static_cast<uint64_t>(j) << 1));
        break;
      }
    }
  }
  return filled;
}

}  // namespace dedupe_internal

MinHashSignature Sign(std::string_view text, const DedupeOptions& options) {
  thread_local std::vector<uint64_t> shingles;
  dedupe_internal::ShingleHashes(text, options.shingle_words, shingles);
  return dedupe_internal::SignShingles(shingles, options.num_hashes);
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace sitrep
