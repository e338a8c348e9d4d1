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

// Parameters of the i-th hash function h_i(x) = a_i * x + b_i (mod 2^64), a_i odd. Drawn once
// from a fixed-seed splitmix64 stream so signatures are stable across runs and machines.
struct HashFamily {
  std::vector<uint64_t> a, b;
  explicit HashFamily(uint32_t count) : a(count), b(count) {
    uint64_t state = 0x5157524550ull;  // fixed seed
    auto next = [&state]() {
      uint64_t z = (state += 0x9E3779B97F4A7C15ull);
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      return z ^ (z >> 31);
    };
    for (uint32_t i = 0; i < count; ++i) {
      a[i] = next() | 1;
      b[i] = next();
    }
  }
};

const HashFamily& Family(uint32_t count) {
  // The default length is shared; other lengths are built per call (rare).
  static const HashFamily kDefault(128);
  if (count == 128) return kDefault;
  thread_local HashFamily custom(0);
  if (custom.a.size() != count) custom = HashFamily(count);
  return custom;
}

}  // namespace

MinHashSignature Sign(std::string_view text, const DedupeOptions& options) {
  const uint32_t count = std::max<uint32_t>(1, options.num_hashes);
  MinHashSignature signature(count, std::numeric_limits<uint64_t>::max());
  thread_local std::vector<uint64_t> shingles;
  dedupe_internal::ShingleHashes(text, options.shingle_words, shingles);
  if (shingles.empty()) return signature;
  // Repeated shingles change no minimum: skip them cheaply when adjacent-equal after sorting.
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  const HashFamily& family = Family(count);
  const uint64_t* a = family.a.data();
  const uint64_t* b = family.b.data();
  uint64_t* sig = signature.data();
  for (uint64_t x : shingles) {
    for (uint32_t i = 0; i < count; ++i) {
      uint64_t v = a[i] * x + b[i];
      sig[i] = v < sig[i] ? v : sig[i];
    }
  }
  return signature;
}

double EstimateJaccard(const MinHashSignature& a, const MinHashSignature& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  size_t equal = 0;
  for (size_t i = 0; i < a.size(); ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(a.size());
}

}  // namespace sitrep
