// Feature extraction for the NER tagger: every token becomes a list of 64-bit feature hashes
// (template id + strings, XXH3). Shared by the trainer and the tagger so both see the same
// features.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sitrep::entities {

inline constexpr int kClusterLevels = 3;
using ClusterIds = std::array<uint16_t, kClusterLevels>;  // coarse to fine

// Transparent string hashing so string_view lookups do not allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const;
};
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

// Lexicon mask bits above the four entity types: what kind of place a LOC name is.
inline constexpr uint8_t kLexiconCountry = 1u << 4;
inline constexpr uint8_t kLexiconRegion = 1u << 5;
inline constexpr uint8_t kLexiconCity = 1u << 6;

// Word clusters and the name lexicon (bit t = EntityType t, plus kLexicon* place kinds) the
// features read.
struct FeatureResources {
  StringMap<ClusterIds> clusters;
  StringMap<uint8_t> lexicon;  // lower-cased token sequences joined by ' '
  uint32_t lexicon_max_tokens = 4;
  // Every proper token prefix of a multi-token lexicon entry ("new", "new york" for "new york
  // city"): a span that is neither an entry nor a prefix cannot grow into one, so the lexicon
  // scan stops there. Empty = not built (the scan tries every length; same answers, slower).
  StringMap<bool> lexicon_prefixes;
  void BuildLexiconPrefixes();
};

// The features of one sentence: features[offsets[i] .. offsets[i+1]) belong to token i.
struct SentenceFeatures {
  std::vector<uint64_t> features;
  std::vector<uint32_t> offsets;
  size_t size() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// What the tagger said earlier in the same document about each capitalised token (Ratinov &
// Roth's "extended prediction history"): counts of PER/ORG/LOC/MISC/O labels.
struct DocumentHistory {
  StringMap<std::array<uint16_t, 5>> counts;
  void Clear() { counts.clear(); }
  // labels are BILOU label indexes (0 = O).
  void Add(const std::vector<std::string_view>& tokens, const std::vector<int>& labels);
};

// The history features of one token (none for lower-case tokens or unseen ones).
void HistoryFeatures(const DocumentHistory& history, std::string_view token,
                     std::vector<uint64_t>& out);
// Every key HistoryFeatures can produce (the trainer keeps them all).
std::vector<uint64_t> AllHistoryFeatures();

// Context aggregation (Ratinov & Roth 2009): for each capitalised token of a document, the
// words next to all its occurrences in that document ("L:said", "R:said"), at most 24.
struct DocumentContext {
  StringMap<std::vector<std::string>> contexts;
  void Build(const std::vector<std::vector<std::string_view>>& sentences);
};

// Second pass (Krishnan & Manning 2006): what the first pass said about the same words across
// the whole document, before and after. For each capitalised token: the labels the first pass
// gave its other occurrences (token majority), the labels of the other occurrences of the
// entity it is part of (entity majority), the types of longer entities it is part of elsewhere
// (super-entity), and whether it appears in lower case elsewhere. labels are BILOU indexes of the
// first pass, one vector per sentence; out gets one SentenceFeatures per sentence.
void SecondPassFeatures(const std::vector<std::vector<std::string_view>>& sentences,
                        const std::vector<std::vector<int>>& labels,
                        std::vector<SentenceFeatures>& out);

// history and context may be null (no document).
void ExtractFeatures(const FeatureResources& resources, const std::vector<std::string_view>& tokens,
                     SentenceFeatures& out, const DocumentHistory* history = nullptr,
                     const DocumentContext* context = nullptr);

// "Xxxx" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d".
std::string ShortShape(std::string_view word);
void LowerAscii(std::string_view in, std::string& out);

}  // namespace sitrep::entities
