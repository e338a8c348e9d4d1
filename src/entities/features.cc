#include "entities/features.h"

#include <algorithm>

#include <xxhash.h>

namespace sitrep::entities {

size_t StringHash::operator()(std::string_view s) const { return XXH3_64bits(s.data(), s.size()); }

void LowerAscii(std::string_view in, std::string& out) {
  out.assign(in);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

std::string ShortShape(std::string_view word) {
  std::string shape;
  char last = 0;
  for (unsigned char c : word) {
    char k;
    if (c >= 'A' && c <= 'Z') k = 'X';
    else if (c >= 'a' && c <= 'z') k = 'x';
    else if (c >= '0' && c <= '9') k = 'd';
    else if (c >= 0x80) k = 'x';
    else k = static_cast<char>(c);
    if (k != last) shape.push_back(k);
    last = k;
  }
  return shape;
}

namespace {

// Template ids; the hash of a feature is XXH3(template byte + parts joined by 0x1f).
enum Template : uint8_t {
  kBias = 1, kWord, kLower, kShape, kPrefix, kSuffix, kPrevWord, kNextWord, kPrev2Word, kNext2Word,
  kPrevCur, kCurNext, kShapePrevCur, kShapeCurNext, kShape3, kCluster, kClusterPrev, kClusterNext,
  kClusterPrev2, kClusterNext2, kLex, kLexPrev, kLexNext, kLexShape, kCapsLower, kFirstShape,
  kLength, kHyphenParts, kPrevShapeWord, kNextShapeWord, kSentenceCaps, kHistSeen, kHistMajor, kAggContext,
  kTokSeen, kTokMajor, kEntMajor, kSuper, kLowerElsewhere, kTokMajorOwn, kTokMajorShare,
  kSuperPosition, kLexKind, kLexKindShape,
};

class Hasher {
 public:
  uint64_t operator()(Template t, std::string_view a) {
    buf_.clear();
    buf_.push_back(static_cast<char>(t));
    buf_.append(a);
    return XXH3_64bits(buf_.data(), buf_.size());
  }
  uint64_t operator()(Template t, std::string_view a, std::string_view b) {
    buf_.clear();
    buf_.push_back(static_cast<char>(t));
    buf_.append(a);
    buf_.push_back('\x1f');
    buf_.append(b);
    return XXH3_64bits(buf_.data(), buf_.size());
  }
  uint64_t operator()(Template t, std::string_view a, std::string_view b, std::string_view c) {
    buf_.clear();
    buf_.push_back(static_cast<char>(t));
    buf_.append(a);
    buf_.push_back('\x1f');
    buf_.append(b);
    buf_.push_back('\x1f');
    buf_.append(c);
    return XXH3_64bits(buf_.data(), buf_.size());
  }
  uint64_t Int(Template t, uint32_t level, uint32_t value) {
    uint64_t v = (static_cast<uint64_t>(t) << 56) | (static_cast<uint64_t>(level) << 40) | value;
    return XXH3_64bits(&v, sizeof v);
  }

 private:
  std::string buf_;
};

struct TokenInfo {
  std::string lower;
  std::string shape;
  ClusterIds cluster{};  // 0 = unknown
  uint16_t lex = 0;      // bit (type * 4 + position B/I/L/U)
  uint8_t lex_types = 0;
  uint8_t lex_kinds = 0;  // kLexiconCountry/Region/City >> 4
};

bool IsAllCapsSentence(const std::vector<std::string_view>& tokens) {
  int letters = 0;
  for (std::string_view t : tokens)
    for (char c : t) {
      if (c >= 'a' && c <= 'z') return false;
      if (c >= 'A' && c <= 'Z') ++letters;
    }
  return letters >= 4;
}

}  // namespace

namespace {
bool Capitalised(std::string_view token) {
  return token.size() >= 2 && token[0] >= 'A' && token[0] <= 'Z';
}
}  // namespace

void DocumentHistory::Add(const std::vector<std::string_view>& tokens,
                          const std::vector<int>& labels) {
  for (size_t i = 0; i < tokens.size() && i < labels.size(); ++i) {
    if (!Capitalised(tokens[i])) continue;
    int type = labels[i] == 0 ? 4 : (labels[i] - 1) / 4;
    auto it = counts.find(tokens[i]);
    if (it == counts.end()) it = counts.emplace(std::string(tokens[i]), std::array<uint16_t, 5>{}).first;
    if (it->second[type] < 0xFFFF) ++it->second[type];
  }
}

void HistoryFeatures(const DocumentHistory& history, std::string_view token,
                     std::vector<uint64_t>& out) {
  if (!Capitalised(token)) return;
  auto it = history.counts.find(token);
  if (it == history.counts.end()) return;
  thread_local Hasher hash;
  int major = 0;
  for (int t = 0; t < 5; ++t) {
    if (it->second[t]) out.push_back(hash.Int(kHistSeen, t, 0));
    if (it->second[t] > it->second[major]) major = t;
  }
  out.push_back(hash.Int(kHistMajor, major, 0));
}

std::vector<uint64_t> AllHistoryFeatures() {
  Hasher hash;
  std::vector<uint64_t> keys;
  for (int t = 0; t < 5; ++t) {
    keys.push_back(hash.Int(kHistSeen, t, 0));
    keys.push_back(hash.Int(kHistMajor, t, 0));
  }
  return keys;
}

void DocumentContext::Build(const std::vector<std::vector<std::string_view>>& sentences) {
  constexpr size_t kMaxContexts = 24;
  contexts.clear();
  std::string lower;
  for (const auto& tokens : sentences) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (!Capitalised(tokens[i])) continue;
      auto it = contexts.find(tokens[i]);
      if (it == contexts.end()) it = contexts.emplace(std::string(tokens[i]), std::vector<std::string>{}).first;
      auto& list = it->second;
      if (list.size() >= kMaxContexts) continue;
      auto add = [&](std::string_view side, std::string_view word) {
        LowerAscii(word, lower);
        std::string c = std::string(side) + lower;
        if (list.size() < kMaxContexts && std::find(list.begin(), list.end(), c) == list.end())
          list.push_back(std::move(c));
      };
      add("L:", i > 0 ? tokens[i - 1] : std::string_view("<s>"));
      add("R:", i + 1 < tokens.size() ? tokens[i + 1] : std::string_view("</s>"));
    }
  }
}

void SecondPassFeatures(const std::vector<std::vector<std::string_view>>& sentences,
                        const std::vector<std::vector<int>>& labels,
                        std::vector<SentenceFeatures>& out) {
  using Counts = std::array<uint16_t, 5>;  // PER ORG LOC MISC O
  thread_local Hasher hash;
  StringMap<Counts> token_counts, entity_counts, part_counts;
  StringMap<bool> lower_seen;
  auto type_of = [](int label) { return label == 0 ? 4 : (label - 1) / 4; };
  auto bump = [](StringMap<Counts>& map, const std::string& key, int type, int delta) {
    auto it = map.find(key);
    if (it == map.end()) it = map.emplace(key, Counts{}).first;
    it->second[type] = static_cast<uint16_t>(it->second[type] + delta);
  };
  // Entities of a sentence as [first, last) token ranges with their type.
  struct Entity { size_t first, last; int type; std::string key; };
  std::vector<std::vector<Entity>> entities(sentences.size());
  std::vector<std::vector<std::string>> lowers(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& tokens = sentences[s];
    auto& lower = lowers[s];
    lower.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      LowerAscii(tokens[i], lower[i]);
      int type = i < labels[s].size() ? type_of(labels[s][i]) : 4;
      if (Capitalised(tokens[i])) bump(token_counts, lower[i], type, 1);
      else if (!tokens[i].empty() && tokens[i][0] >= 'a' && tokens[i][0] <= 'z') lower_seen[lower[i]] = true;
    }
    for (size_t i = 0; i < labels[s].size() && i < tokens.size(); ++i) {
      int l = labels[s][i];
      if (l == 0) continue;
      int pos = (l - 1) % 4;
      if (pos == 0 || pos == 3) entities[s].push_back({i, i + 1, type_of(l), lower[i]});
      else if (!entities[s].empty()) {
        entities[s].back().last = i + 1;
        entities[s].back().key += ' ';
        entities[s].back().key += lower[i];
      }
    }
    for (const Entity& e : entities[s]) {
      bump(entity_counts, e.key, e.type, 1);
      if (e.last - e.first > 1)
        for (size_t j = e.first; j < e.last; ++j) {
          bump(part_counts, lower[j], e.type, 1);
          // first / inside / last word of a longer entity, by type
          int where = j == e.first ? 0 : j + 1 == e.last ? 2 : 1;
          bump(part_counts, lower[j] + '\x1f' + static_cast<char>('0' + where), e.type, 1);
        }
    }
  }
  out.resize(sentences.size());
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto& tokens = sentences[s];
    SentenceFeatures& sf = out[s];
    sf.features.clear();
    sf.offsets.assign(1, 0);
    // The entity (if any) each token belongs to.
    std::vector<int> entity_of(tokens.size(), -1);
    for (size_t e = 0; e < entities[s].size(); ++e)
      for (size_t j = entities[s][e].first; j < entities[s][e].last; ++j)
        entity_of[j] = static_cast<int>(e);
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (Capitalised(tokens[i])) {
        const std::string& key = lowers[s][i];
        int own = i < labels[s].size() ? type_of(labels[s][i]) : 4;
        auto majority = [](const Counts& c) {
          int major = 0;
          for (int t = 1; t < 5; ++t)
            if (c[t] > c[major]) major = t;
          return major;
        };
        Counts c = token_counts.at(key);
        --c[own];
        bool any = false;
        for (int t = 0; t < 5; ++t)
          if (c[t]) {
            any = true;
            sf.features.push_back(hash.Int(kTokSeen, t, 0));
          }
        if (any) {
          int major = majority(c);
          uint32_t total = 0;
          for (int t = 0; t < 5; ++t) total += c[t];
          // How many other occurrences, and whether they all agree.
          uint32_t bucket = (total == 1 ? 0 : total <= 3 ? 1 : 2) * 2 + (c[major] == total);
          sf.features.push_back(hash.Int(kTokMajor, major, 0));
          sf.features.push_back(hash.Int(kTokMajorOwn, major, static_cast<uint32_t>(own)));
          sf.features.push_back(hash.Int(kTokMajorShare, major, bucket));
        }
        if (entity_of[i] >= 0) {
          const Entity& e = entities[s][entity_of[i]];
          Counts ec = entity_counts.at(e.key);
          --ec[e.type];
          bool other = false;
          for (int t = 0; t < 4; ++t) other |= ec[t] > 0;
          if (other) sf.features.push_back(hash.Int(kEntMajor, majority(ec), static_cast<uint32_t>(e.type)));
        }
        if (auto it = part_counts.find(key); it != part_counts.end()) {
          Counts pc = it->second;
          if (entity_of[i] >= 0) {
            const Entity& e = entities[s][entity_of[i]];
            if (e.last - e.first > 1) --pc[e.type];
          }
          for (int t = 0; t < 4; ++t)
            if (pc[t]) sf.features.push_back(hash.Int(kSuper, t, static_cast<uint32_t>(own)));
          for (int where = 0; where < 3; ++where) {
            auto pit = part_counts.find(key + '\x1f' + static_cast<char>('0' + where));
            if (pit == part_counts.end()) continue;
            Counts wc = pit->second;
            if (entity_of[i] >= 0) {
              const Entity& e = entities[s][entity_of[i]];
              size_t j = i;
              int own_where = j == e.first ? 0 : j + 1 == e.last ? 2 : 1;
              if (e.last - e.first > 1 && own_where == where) --wc[e.type];
            }
            for (int t = 0; t < 4; ++t)
              if (wc[t]) sf.features.push_back(hash.Int(kSuperPosition, t * 3 + where, 0));
          }
        }
        if (lower_seen.count(key)) sf.features.push_back(hash.Int(kLowerElsewhere, own, 0));
      }
      sf.offsets.push_back(static_cast<uint32_t>(sf.features.size()));
    }
  }
}

void ExtractFeatures(const FeatureResources& res, const std::vector<std::string_view>& tokens,
                     SentenceFeatures& out, const DocumentHistory* history,
                     const DocumentContext* context) {
  thread_local std::vector<TokenInfo> info;
  thread_local Hasher hash;
  thread_local std::string key;
  const size_t n = tokens.size();
  info.resize(n);
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = info[i];
    LowerAscii(tokens[i], t.lower);
    t.shape = ShortShape(tokens[i]);
    t.cluster = {};
    t.lex = 0;
    t.lex_types = 0;
    t.lex_kinds = 0;
    auto it = res.clusters.find(tokens[i]);
    if (it == res.clusters.end()) it = res.clusters.find(t.lower);
    if (it != res.clusters.end()) t.cluster = it->second;
  }
  // Lexicon: every span of up to lexicon_max_tokens tokens that is a known name.
  if (!res.lexicon.empty()) {
    for (size_t i = 0; i < n; ++i) {
      key.clear();
      for (size_t len = 1; len <= res.lexicon_max_tokens && i + len <= n; ++len) {
        if (len > 1) key.push_back(' ');
        key.append(info[i + len - 1].lower);
        auto it = res.lexicon.find(key);
        if (it == res.lexicon.end()) {
          if (!res.lexicon_prefixes.empty() && !res.lexicon_prefixes.count(key)) break;
          continue;
        }
        for (int type = 0; type < 4; ++type) {
          if (!(it->second & (1u << type))) continue;
          for (size_t j = i; j < i + len; ++j) {
            int pos = len == 1 ? 3 : j == i ? 0 : j + 1 == i + len ? 2 : 1;
            info[j].lex |= static_cast<uint16_t>(1u << (type * 4 + pos));
            info[j].lex_types |= static_cast<uint8_t>(1u << type);
          }
        }
        for (size_t j = i; j < i + len; ++j) info[j].lex_kinds |= static_cast<uint8_t>(it->second >> 4);
      }
    }
  }
  const bool caps = IsAllCapsSentence(tokens);
  static const std::string kStart = "<s>", kEnd = "</s>";
  auto lower_at = [&](ptrdiff_t j) -> std::string_view {
    if (j < 0) return kStart;
    if (j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return info[j].lower;
  };
  auto shape_at = [&](ptrdiff_t j) -> std::string_view {
    if (j < 0) return kStart;
    if (j >= static_cast<ptrdiff_t>(n)) return kEnd;
    return info[j].shape;
  };
  auto cluster_at = [&](ptrdiff_t j, int level) -> uint32_t {
    if (j < 0) return 0xFFFE;
    if (j >= static_cast<ptrdiff_t>(n)) return 0xFFFD;
    return info[j].cluster[level];
  };
  out.features.clear();
  out.offsets.assign(1, 0);
  auto& f = out.features;
  for (size_t ui = 0; ui < n; ++ui) {
    const ptrdiff_t i = static_cast<ptrdiff_t>(ui);
    const TokenInfo& t = info[ui];
    std::string_view w = tokens[ui];
    f.push_back(hash(kBias, ""));
    f.push_back(hash(kWord, w));
    f.push_back(hash(kLower, t.lower));
    f.push_back(hash(kShape, t.shape));
    for (size_t k = 1; k <= 4 && k <= w.size(); ++k) {
      f.push_back(hash.Int(kPrefix, static_cast<uint32_t>(k), 0) ^ hash(kPrefix, w.substr(0, k)));
      f.push_back(hash.Int(kSuffix, static_cast<uint32_t>(k), 0) ^
                  hash(kSuffix, w.substr(w.size() - k)));
    }
    f.push_back(hash.Int(kLength, std::min<uint32_t>(static_cast<uint32_t>(w.size()), 12), 0));
    f.push_back(hash(kPrevWord, lower_at(i - 1)));
    f.push_back(hash(kNextWord, lower_at(i + 1)));
    f.push_back(hash(kPrev2Word, lower_at(i - 2)));
    f.push_back(hash(kNext2Word, lower_at(i + 2)));
    f.push_back(hash(kPrevCur, lower_at(i - 1), t.lower));
    f.push_back(hash(kCurNext, t.lower, lower_at(i + 1)));
    f.push_back(hash(kShapePrevCur, shape_at(i - 1), t.shape));
    f.push_back(hash(kShapeCurNext, t.shape, shape_at(i + 1)));
    f.push_back(hash(kShape3, shape_at(i - 1), t.shape, shape_at(i + 1)));
    f.push_back(hash(kPrevShapeWord, lower_at(i - 1), t.shape));
    f.push_back(hash(kNextShapeWord, t.shape, lower_at(i + 1)));
    if (size_t dash = w.find('-'); dash != std::string_view::npos && dash > 0) {
      f.push_back(hash(kHyphenParts, std::string_view(t.lower).substr(0, dash)));
      f.push_back(hash(kHyphenParts, "-", std::string_view(t.lower).substr(dash + 1)));
    }
    for (int level = 0; level < kClusterLevels; ++level) {
      f.push_back(hash.Int(kCluster, level, cluster_at(i, level)));
      f.push_back(hash.Int(kClusterPrev, level, cluster_at(i - 1, level)));
      f.push_back(hash.Int(kClusterNext, level, cluster_at(i + 1, level)));
    }
    f.push_back(hash.Int(kClusterPrev2, 1, cluster_at(i - 2, 1)));
    f.push_back(hash.Int(kClusterNext2, 1, cluster_at(i + 2, 1)));
    for (int bit = 0; bit < 16; ++bit) {
      if (t.lex & (1u << bit)) {
        f.push_back(hash.Int(kLex, bit, 0));
        f.push_back(hash.Int(kLexShape, bit, 0) ^ hash(kLexShape, t.shape));
      }
    }
    if (i > 0)
      for (int type = 0; type < 4; ++type)
        if (info[i - 1].lex_types & (1u << type)) f.push_back(hash.Int(kLexPrev, type, 0));
    if (i + 1 < static_cast<ptrdiff_t>(n))
      for (int type = 0; type < 4; ++type)
        if (info[i + 1].lex_types & (1u << type)) f.push_back(hash.Int(kLexNext, type, 0));
    if (caps) {
      f.push_back(hash(kCapsLower, t.lower));
      f.push_back(hash(kSentenceCaps, t.shape));
    }
    // What kind of place a LOC lexicon name is: country, first-level region, city.
    for (int k = 0; k < 3; ++k)
      if (t.lex_kinds & (1u << k)) {
        f.push_back(hash.Int(kLexKind, k, 0));
        f.push_back(hash.Int(kLexKindShape, k, 0) ^ hash(kLexKindShape, t.shape));
      }
    if (i == 0) f.push_back(hash(kFirstShape, t.shape));
    if (history) HistoryFeatures(*history, w, f);
    if (context && Capitalised(w)) {
      auto it = context->contexts.find(w);
      if (it != context->contexts.end())
        for (const std::string& c : it->second) f.push_back(hash(kAggContext, c));
    }
    out.offsets.push_back(static_cast<uint32_t>(f.size()));
  }
}

void FeatureResources::BuildLexiconPrefixes() {
  lexicon_prefixes.clear();
  for (const auto& [name, mask] : lexicon) {
    for (size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', space + 1)) {
      lexicon_prefixes.emplace(name.substr(0, space), true);
    }
  }
  // A lexicon with no multi-token entry still needs a non-empty set to switch pruning on.
  if (lexicon_prefixes.empty() && !lexicon.empty()) lexicon_prefixes.emplace(std::string(1, '\0'), true);
}

}  // namespace sitrep::entities
