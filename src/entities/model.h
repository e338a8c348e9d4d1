// The NER model's internals: labels, feature table, weights, Viterbi decoding and the file
// format (little-endian):
//   "SRNER001" | u32 labels, each u8 length + bytes | u32 cluster words, each u16 length +
//   bytes + 3 x u16 ids | u32 lexicon entries, each u16 length + bytes + u8 type mask |
//   u32 lexicon max tokens | u64 features | f32 scale | u64 keys[features] |
//   i16 weights[features x labels] (x scale) | f32 transitions[(labels + 1) x labels] |
//   u8 passes (1 or 2) | for 2: u64 second-pass features | f32 scale | u64 keys[..] |
//   i16 weights[.. x labels] | f32 transitions[(labels + 1) x labels]
// Row `labels` of the transitions is the sentence start. "SRNER001" files (one pass, no passes
// byte) still load.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities/features.h"
#include "sitrep/entities.h"

namespace sitrep::entities {

// O, then B/I/L/U for PER, ORG, LOC, MISC.
const std::vector<std::string>& BilouLabelNames();
inline constexpr int kLabelCount = 17;

// Open-addressing map from feature hash to weight row (and, for a table over two models'
// keys, a second row). Key and rows share one 16-byte slot, so a lookup costs one cache miss:
// the model's tables are megabytes, and NER time is mostly these misses.
class FeatureTable {
 public:
  // Row of keys[i]: rows[i], or i when rows is empty; second row: rows2[i], or -1.
  void Build(const std::vector<uint64_t>& keys, const std::vector<int32_t>& rows = {},
             const std::vector<int32_t>& rows2 = {});
  int64_t Find(uint64_t key) const {
    const Slot* slot = Probe(key);
    return slot ? slot->row : -1;
  }
  // Both rows (-1 = none), or {-1, -1} when the key is absent.
  std::array<int32_t, 2> FindBoth(uint64_t key) const {
    const Slot* slot = Probe(key);
    return slot ? std::array<int32_t, 2>{slot->row, slot->row2} : std::array<int32_t, 2>{-1, -1};
  }
  // Hints the cache about the slot `key` will be looked up in.
  void Prefetch(uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Home(key == 0 ? 1 : key)]);
  }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (key 0 is stored as 1)
    int32_t row = -1;
    int32_t row2 = -1;
  };
  size_t Home(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ull) >> shift_; }
  const Slot* Probe(uint64_t key) const {
    if (slots_.empty()) return nullptr;
    if (key == 0) key = 1;
    const size_t mask = slots_.size() - 1;
    for (size_t slot = Home(key);; slot = (slot + 1) & mask) {
      if (slots_[slot].key == key) return &slots_[slot];
      if (slots_[slot].key == 0) return nullptr;
    }
  }
  std::vector<Slot> slots_;
  int shift_ = 64;
};

// Constrained first-order Viterbi: scores[i * L + l] are emission scores, transitions as in
// the file. Writes the best valid BILOU label index per token.
void Viterbi(const std::vector<float>& scores, size_t n, const float* transitions,
             std::vector<int>& labels);

// True when label `cur` may follow `prev` (prev = kLabelCount for the sentence start).
bool AllowedTransition(int prev, int cur);

}  // namespace sitrep::entities

namespace sitrep {

struct NerModel::Rep {
  entities::FeatureResources resources;
  std::vector<uint64_t> keys;
  entities::FeatureTable table;
  std::vector<float> weights;        // keys.size() x kLabelCount
  std::vector<float> transitions;    // (kLabelCount + 1) x kLabelCount
  // Second pass (empty keys2 = none): its own weights over the same features plus the
  // document-level features of the first pass's labels (entities::SecondPassFeatures).
  std::vector<uint64_t> keys2;
  entities::FeatureTable table2;
  std::vector<float> weights2;       // keys2.size() x kLabelCount
  std::vector<float> transitions2;   // (kLabelCount + 1) x kLabelCount
  // Both passes' rows of every key (keys and keys2 together): one probe per feature for both
  // passes. -1 = no row in that pass. Built by Index().
  entities::FeatureTable both;  // row = first pass's row, row2 = second pass's (-1 = none)

  // Builds table, table2 and both from keys and keys2, and the lexicon's prefix set (Parse
  // calls it; change resources.lexicon after it and call it again).
  void Index();

  // Best label index per token of one sentence (first pass only).
  // history (may be null) is what was said earlier in the document; the caller adds this
  // sentence's labels to it afterwards.
  void Decode(const std::vector<std::string_view>& tokens, std::vector<int>& labels,
              const entities::DocumentHistory* history = nullptr,
              const entities::DocumentContext* context = nullptr) const;
  // First-pass emission scores (tokens x kLabelCount) of one sentence.
  void Scores(const std::vector<std::string_view>& tokens, std::vector<float>& scores,
              const entities::DocumentHistory* history,
              const entities::DocumentContext* context) const;
  // Labels of a whole document: first pass with history and context aggregation, then the
  // second pass when the model has one.
  void DecodeDocument(const std::vector<std::vector<std::string_view>>& sentences,
                      std::vector<std::vector<int>>& labels) const;
  std::string Serialize() const;
  static Result<std::unique_ptr<Rep>> Parse(std::string_view bytes, const std::string& source);
};

}  // namespace sitrep
