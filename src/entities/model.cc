#include "entities/model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <mutex>
#include <sstream>

#include <sys/mman.h>
#include <zstd.h>

#include "core/data.h"
#include "entities/conll.h"


namespace sitrep {
namespace entities {

const std::vector<std::string>& BilouLabelNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v{"O"};
    for (const char* type : {"PER", "ORG", "LOC", "MISC"})
      for (const char* pos : {"B-", "I-", "L-", "U-"}) v.push_back(std::string(pos) + type);
    return v;
  }();
  return names;
}

template <typename T>
void ReserveHugePages(std::vector<T>& v, size_t n) {
  v.reserve(n);
  // The model's weights and slots are megabytes read at random: with 4 KiB pages nearly every
  // lookup also misses the TLB. Ask for transparent huge pages on the whole 2 MiB pages inside
  // the fresh (not yet touched) buffer; the kernel may say no, which only costs speed.
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  const uintptr_t begin = (reinterpret_cast<uintptr_t>(v.data()) + kHuge - 1) & ~(kHuge - 1);
  const uintptr_t end = (reinterpret_cast<uintptr_t>(v.data()) + n * sizeof(T)) & ~(kHuge - 1);
  if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

void FeatureTable::Build(const std::vector<uint64_t>& keys, const std::vector<int32_t>& rows,
                         const std::vector<int32_t>& rows2) {
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity *= 2;
  slots_.clear();
  ReserveHugePages(slots_, capacity);
  slots_.assign(capacity, Slot{});
  shift_ = 64 - std::countr_zero(capacity);
  for (size_t row = 0; row < keys.size(); ++row) {
    uint64_t key = keys[row] == 0 ? 1 : keys[row];
    size_t slot = Home(key);
    while (slots_[slot].key != 0 && slots_[slot].key != key) slot = (slot + 1) & (capacity - 1);
    slots_[slot].key = key;
    slots_[slot].row = row < rows.size() ? rows[row] : static_cast<int32_t>(row);
    slots_[slot].row2 = row < rows2.size() ? rows2[row] : -1;
  }
}

namespace {
// Label index -> (position char, type) : 0 = O; 1 + type * 4 + {B,I,L,U}.
int PosOf(int label) { return label == 0 ? -1 : (label - 1) % 4; }
int TypeOfLabel(int label) { return label == 0 ? -1 : (label - 1) / 4; }
}  // namespace

bool AllowedTransition(int prev, int cur) {
  bool prev_open = prev != kLabelCount && prev != 0 && (PosOf(prev) == 0 || PosOf(prev) == 1);
  bool cur_continues = cur != 0 && (PosOf(cur) == 1 || PosOf(cur) == 2);
  if (prev_open) return cur_continues && TypeOfLabel(cur) == TypeOfLabel(prev);
  return !cur_continues;
}

void Viterbi(const std::vector<float>& scores, size_t n, const float* transitions,
             std::vector<int>& labels) {
  constexpr int L = kLabelCount;
  constexpr float kNeg = -std::numeric_limits<float>::infinity();
  static const std::vector<uint8_t> allowed = [] {
    std::vector<uint8_t> a((L + 1) * L);
    for (int p = 0; p <= L; ++p)
      for (int c = 0; c < L; ++c) a[p * L + c] = AllowedTransition(p, c);
    return a;
  }();
  labels.assign(n, 0);
  if (n == 0) return;
  thread_local std::vector<float> delta;
  thread_local std::vector<int> back;
  delta.assign(n * L, kNeg);
  back.assign(n * L, 0);
  for (int c = 0; c < L; ++c)
    if (allowed[L * L + c]) delta[c] = scores[c] + transitions[L * L + c];
  for (size_t i = 1; i < n; ++i) {
    for (int c = 0; c < L; ++c) {
      float best = kNeg;
      int arg = 0;
      for (int p = 0; p < L; ++p) {
        if (!allowed[p * L + c]) continue;
        float v = delta[(i - 1) * L + p] + transitions[p * L + c];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      delta[i * L + c] = best + scores[i * L + c];
      back[i * L + c] = arg;
    }
  }
  float best = kNeg;
  int arg = 0;
  for (int c = 0; c < L; ++c) {
    bool can_end = c == 0 || PosOf(c) == 2 || PosOf(c) == 3;
    if (can_end && delta[(n - 1) * L + c] > best) {
      best = delta[(n - 1) * L + c];
      arg = c;
    }
  }
  for (size_t i = n; i-- > 0;) {
    labels[i] = arg;
    arg = back[i * L + arg];
  }
}

}  // namespace entities

using entities::kLabelCount;

namespace {

// Adds the weight rows of features (those in table) to scores (tokens x kLabelCount).
void AddRows(const entities::FeatureTable& table, const std::vector<float>& weights,
             const entities::SentenceFeatures& features, std::vector<float>& scores) {
  for (uint64_t key : features.features) table.Prefetch(key);
  for (size_t i = 0; i < features.size(); ++i) {
    float* s = &scores[i * kLabelCount];
    for (uint32_t k = features.offsets[i]; k < features.offsets[i + 1]; ++k) {
      int64_t row = table.Find(features.features[k]);
      if (row < 0) continue;
      const float* w = &weights[static_cast<size_t>(row) * kLabelCount];
      for (int l = 0; l < kLabelCount; ++l) s[l] += w[l];
    }
  }
}

// Emission scores of one sentence: its features plus the history features of its tokens.
void SentenceScores(const entities::FeatureTable& table, const std::vector<float>& weights,
                    const std::vector<std::string_view>& tokens,
                    const entities::SentenceFeatures& features,
                    const entities::DocumentHistory* history, std::vector<float>& scores) {
  thread_local std::vector<uint64_t> keys;
  scores.assign(features.size() * kLabelCount, 0.0f);
  AddRows(table, weights, features, scores);
  if (!history) return;
  for (size_t i = 0; i < tokens.size(); ++i) {
    keys.clear();
    entities::HistoryFeatures(*history, tokens[i], keys);
    float* s = &scores[i * kLabelCount];
    for (uint64_t key : keys) {
      int64_t row = table.Find(key);
      if (row < 0) continue;
      const float* w = &weights[static_cast<size_t>(row) * kLabelCount];
      for (int l = 0; l < kLabelCount; ++l) s[l] += w[l];
    }
  }
}

}  // namespace

void NerModel::Rep::Scores(const std::vector<std::string_view>& tokens, std::vector<float>& scores,
                           const entities::DocumentHistory* history,
                           const entities::DocumentContext* context) const {
  thread_local entities::SentenceFeatures features;
  entities::ExtractFeatures(resources, tokens, features, nullptr, context);
  SentenceScores(table, weights, tokens, features, history, scores);
}

void NerModel::Rep::Decode(const std::vector<std::string_view>& tokens, std::vector<int>& labels,
                           const entities::DocumentHistory* history,
                           const entities::DocumentContext* context) const {
  thread_local std::vector<float> scores;
  Scores(tokens, scores, history, context);
  entities::Viterbi(scores, tokens.size(), transitions.data(), labels);
}

void NerModel::Rep::Index() {
  resources.BuildLexiconPrefixes();
  table.Build(keys);
  table2.Build(keys2);
  std::vector<uint64_t> all(keys);
  all.insert(all.end(), keys2.begin(), keys2.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  // The combined table: each key with the first pass's row and the second pass's.
  std::vector<int32_t> first(all.size()), second(all.size());
  for (size_t i = 0; i < all.size(); ++i) {
    first[i] = static_cast<int32_t>(table.Find(all[i]));
    second[i] = static_cast<int32_t>(table2.Find(all[i]));
  }
  both.Build(all, first, second);
}

void NerModel::Rep::DecodeDocument(const std::vector<std::vector<std::string_view>>& sentences,
                                   std::vector<std::vector<int>>& labels) const {
  entities::DocumentContext context;
  context.Build(sentences);
  entities::DocumentHistory history;
  labels.resize(sentences.size());
  const bool second = !keys2.empty();
  if (!second) {
    thread_local std::vector<float> scores;
    for (size_t s = 0; s < sentences.size(); ++s) {
      Scores(sentences[s], scores, &history, &context);
      entities::Viterbi(scores, sentences[s].size(), transitions.data(), labels[s]);
      history.Add(sentences[s], labels[s]);
    }
    return;
  }
  // First pass; each feature is looked up once and its second-pass row summed on the way
  // (the second pass's scores before history and document features).
  thread_local entities::SentenceFeatures features;
  thread_local std::vector<std::vector<float>> base2;
  thread_local std::vector<float> scores;
  thread_local std::vector<uint64_t> keys_buffer;
  thread_local std::vector<std::array<int32_t, 2>> found;  // per feature: both passes' rows
  if (base2.size() < sentences.size()) base2.resize(sentences.size());
  auto add_history = [&](const entities::FeatureTable& tab, const std::vector<float>& w,
                         const std::vector<std::string_view>& tokens,
                         const entities::DocumentHistory& h, std::vector<float>& sc) {
    for (size_t i = 0; i < tokens.size(); ++i) {
      keys_buffer.clear();
      entities::HistoryFeatures(h, tokens[i], keys_buffer);
      for (uint64_t key : keys_buffer) {
        int64_t row = tab.Find(key);
        if (row < 0) continue;
        const float* wr = &w[static_cast<size_t>(row) * kLabelCount];
        for (int l = 0; l < kLabelCount; ++l) sc[i * kLabelCount + l] += wr[l];
      }
    }
  };
  for (size_t s = 0; s < sentences.size(); ++s) {
    entities::ExtractFeatures(resources, sentences[s], features, nullptr, &context);
    const size_t n = features.size();
    scores.assign(n * kLabelCount, 0.0f);
    std::vector<float>& b2 = base2[s];
    b2.assign(n * kLabelCount, 0.0f);
    // Two passes with prefetching some features ahead, so the cache misses of the model's
    // megabytes of slots and weight rows overlap instead of coming one after another.
    constexpr size_t kAhead = 12;
    const size_t total = features.features.size();
    found.resize(total);
    for (size_t k = 0; k < total; ++k) {
      if (k + kAhead < total) both.Prefetch(features.features[k + kAhead]);
      found[k] = both.FindBoth(features.features[k]);
    }
    auto prefetch_rows = [&](size_t k) {
      if (found[k][0] >= 0) {
        const float* w = &weights[static_cast<size_t>(found[k][0]) * kLabelCount];
        __builtin_prefetch(w);
        __builtin_prefetch(w + kLabelCount - 1);
      }
      if (found[k][1] >= 0) {
        const float* w = &weights2[static_cast<size_t>(found[k][1]) * kLabelCount];
        __builtin_prefetch(w);
        __builtin_prefetch(w + kLabelCount - 1);
      }
    };
    for (size_t k = 0; k < std::min(total, kAhead); ++k) prefetch_rows(k);
    for (size_t i = 0; i < n; ++i) {
      float* s1 = &scores[i * kLabelCount];
      float* s2 = &b2[i * kLabelCount];
      for (uint32_t k = features.offsets[i]; k < features.offsets[i + 1]; ++k) {
        if (k + kAhead < total) prefetch_rows(k + kAhead);
        const auto [r1, r2] = found[k];
        if (r1 >= 0) {
          const float* w = &weights[static_cast<size_t>(r1) * kLabelCount];
          for (int l = 0; l < kLabelCount; ++l) s1[l] += w[l];
        }
        if (r2 >= 0) {
          const float* w = &weights2[static_cast<size_t>(r2) * kLabelCount];
          for (int l = 0; l < kLabelCount; ++l) s2[l] += w[l];
        }
      }
    }
    add_history(table, weights, sentences[s], history, scores);
    entities::Viterbi(scores, n, transitions.data(), labels[s]);
    history.Add(sentences[s], labels[s]);
  }
  thread_local std::vector<entities::SentenceFeatures> doc;
  entities::SecondPassFeatures(sentences, labels, doc);
  history.Clear();
  for (size_t s = 0; s < sentences.size(); ++s) {
    scores = base2[s];
    add_history(table2, weights2, sentences[s], history, scores);
    AddRows(table2, weights2, doc[s], scores);
    entities::Viterbi(scores, sentences[s].size(), transitions2.data(), labels[s]);
    history.Add(sentences[s], labels[s]);
  }
}

namespace {

template <typename T>
void Put(std::string& out, T v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void PutString(std::string& out, std::string_view s, bool wide) {
  if (wide) Put<uint16_t>(out, static_cast<uint16_t>(s.size()));
  else Put<uint8_t>(out, static_cast<uint8_t>(s.size()));
  out.append(s);
}

class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  template <typename T>
  bool Get(T& v) {
    if (pos_ + sizeof v > bytes_.size()) return false;
    std::memcpy(&v, bytes_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return true;
  }
  bool GetString(std::string_view& s, bool wide) {
    uint16_t len = 0;
    if (wide) {
      if (!Get(len)) return false;
    } else {
      uint8_t l8 = 0;
      if (!Get(l8)) return false;
      len = l8;
    }
    if (pos_ + len > bytes_.size()) return false;
    s = bytes_.substr(pos_, len);
    pos_ += len;
    return true;
  }
  bool GetBlock(void* dst, size_t size) {
    if (pos_ + size > bytes_.size() || size > bytes_.size()) return false;
    std::memcpy(dst, bytes_.data() + pos_, size);
    pos_ += size;
    return true;
  }
  size_t pos() const { return pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

constexpr std::string_view kMagic = "SRNER002";
constexpr std::string_view kMagicOnePass = "SRNER001";

void PutWeights(std::string& out, const std::vector<uint64_t>& keys,
                const std::vector<float>& weights) {
  Put<uint64_t>(out, keys.size());
  float max_abs = 0;
  for (float w : weights) max_abs = std::max(max_abs, std::fabs(w));
  float scale = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  Put<float>(out, scale);
  out.append(reinterpret_cast<const char*>(keys.data()), keys.size() * sizeof(uint64_t));
  std::vector<int16_t> q(weights.size());
  for (size_t i = 0; i < weights.size(); ++i)
    q[i] = static_cast<int16_t>(std::lround(weights[i] / scale));
  out.append(reinterpret_cast<const char*>(q.data()), q.size() * sizeof(int16_t));
}

}  // namespace

std::string NerModel::Rep::Serialize() const {
  std::string out(kMagic);
  const auto& names = entities::BilouLabelNames();
  Put<uint32_t>(out, static_cast<uint32_t>(names.size()));
  for (const auto& name : names) PutString(out, name, false);
  // Sorted so the file is byte-for-byte reproducible.
  std::vector<std::pair<std::string_view, entities::ClusterIds>> clusters(
      resources.clusters.begin(), resources.clusters.end());
  std::sort(clusters.begin(), clusters.end());
  Put<uint32_t>(out, static_cast<uint32_t>(clusters.size()));
  for (const auto& [word, ids] : clusters) {
    PutString(out, word, true);
    for (uint16_t id : ids) Put<uint16_t>(out, id);
  }
  std::vector<std::pair<std::string_view, uint8_t>> lexicon(resources.lexicon.begin(),
                                                             resources.lexicon.end());
  std::sort(lexicon.begin(), lexicon.end());
  Put<uint32_t>(out, static_cast<uint32_t>(lexicon.size()));
  for (const auto& [name, mask] : lexicon) {
    PutString(out, name, true);
    Put<uint8_t>(out, mask);
  }
  Put<uint32_t>(out, resources.lexicon_max_tokens);
  PutWeights(out, keys, weights);
  out.append(reinterpret_cast<const char*>(transitions.data()),
             transitions.size() * sizeof(float));
  const bool second = !keys2.empty();
  Put<uint8_t>(out, second ? 2 : 1);
  if (second) {
    PutWeights(out, keys2, weights2);
    out.append(reinterpret_cast<const char*>(transitions2.data()),
               transitions2.size() * sizeof(float));
  }
  return out;
}

Result<std::unique_ptr<NerModel::Rep>> NerModel::Rep::Parse(std::string_view bytes,
                                                            const std::string& source) {
  auto fail = [&](size_t offset, std::string message) {
    Error e;
    e.code = ErrorCode::kMalformed;
    e.source = source;
    e.offset = static_cast<int64_t>(offset);
    e.message = std::move(message);
    e.hint = "rebuild the model with `sitrep train-ner` (see docs/entities.md)";
    return tl::unexpected<Error>(std::move(e));
  };
  const bool one_pass = bytes.substr(0, kMagicOnePass.size()) == kMagicOnePass;
  if (bytes.substr(0, kMagic.size()) != kMagic && !one_pass)
    return fail(0, "not a sitrep NER model (magic)");
  Reader r(bytes.substr(kMagic.size()));
  auto rep = std::make_unique<Rep>();
  uint32_t label_count = 0;
  if (!r.Get(label_count) || label_count != kLabelCount)
    return fail(kMagic.size(), "unexpected label count");
  for (uint32_t i = 0; i < label_count; ++i) {
    std::string_view name;
    if (!r.GetString(name, false) || name != entities::BilouLabelNames()[i])
      return fail(kMagic.size() + r.pos(), "unexpected label list");
  }
  uint32_t cluster_count = 0;
  if (!r.Get(cluster_count)) return fail(kMagic.size() + r.pos(), "truncated cluster table");
  rep->resources.clusters.reserve(cluster_count);
  for (uint32_t i = 0; i < cluster_count; ++i) {
    std::string_view word;
    entities::ClusterIds ids{};
    if (!r.GetString(word, true)) return fail(kMagic.size() + r.pos(), "truncated cluster table");
    for (auto& id : ids)
      if (!r.Get(id)) return fail(kMagic.size() + r.pos(), "truncated cluster table");
    rep->resources.clusters.emplace(std::string(word), ids);
  }
  uint32_t lexicon_count = 0;
  if (!r.Get(lexicon_count)) return fail(kMagic.size() + r.pos(), "truncated lexicon");
  rep->resources.lexicon.reserve(lexicon_count);
  for (uint32_t i = 0; i < lexicon_count; ++i) {
    std::string_view name;
    uint8_t mask = 0;
    if (!r.GetString(name, true) || !r.Get(mask))
      return fail(kMagic.size() + r.pos(), "truncated lexicon");
    rep->resources.lexicon.emplace(std::string(name), mask);
  }
  if (!r.Get(rep->resources.lexicon_max_tokens))
    return fail(kMagic.size() + r.pos(), "truncated feature table");
  auto get_weights = [&](std::vector<uint64_t>& keys, std::vector<float>& weights,
                         std::vector<float>& transitions) -> bool {
    uint64_t feature_count = 0;
    float scale = 0;
    if (!r.Get(feature_count) || !r.Get(scale) || feature_count > bytes.size() / 8) return false;
    keys.resize(feature_count);
    if (!r.GetBlock(keys.data(), feature_count * sizeof(uint64_t))) return false;
    std::vector<int16_t> q(feature_count * kLabelCount);
    if (!r.GetBlock(q.data(), q.size() * sizeof(int16_t))) return false;
    entities::ReserveHugePages(weights, q.size());
    weights.resize(q.size());
    for (size_t i = 0; i < q.size(); ++i) weights[i] = q[i] * scale;
    transitions.resize((kLabelCount + 1) * kLabelCount);
    return r.GetBlock(transitions.data(), transitions.size() * sizeof(float));
  };
  if (!get_weights(rep->keys, rep->weights, rep->transitions))
    return fail(kMagic.size() + r.pos(), "truncated weights");
  if (!one_pass) {
    uint8_t passes = 0;
    if (!r.Get(passes) || passes < 1 || passes > 2)
      return fail(kMagic.size() + r.pos(), "truncated or bad pass count");
    if (passes == 2) {
      if (!get_weights(rep->keys2, rep->weights2, rep->transitions2) || rep->keys2.empty())
        return fail(kMagic.size() + r.pos(), "truncated second-pass weights");
    }
  }
  rep->Index();
  return rep;
}

NerModel::NerModel(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

Result<NerModel> NerModel::FromBytes(std::string_view bytes, const std::string& source) {
  // The shipped model is stored zstd-compressed (a third of its size); either form loads.
  std::string inflated;
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "\x28\xB5\x2F\xFD", 4) == 0) {  // ZSTD_MAGICNUMBER
    const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
      return MakeError(ErrorCode::kMalformed, source, "damaged zstd frame in the NER model file",
                       "retrain with `sitrep train-ner`");
    inflated.resize(size);
    const size_t got = ZSTD_decompress(inflated.data(), inflated.size(), bytes.data(), bytes.size());
    if (ZSTD_isError(got) || got != size)
      return MakeError(ErrorCode::kMalformed, source,
                       std::string("cannot decompress the NER model: ") +
                           (ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short frame"),
                       "retrain with `sitrep train-ner`");
    bytes = inflated;
  }
  auto rep = Rep::Parse(bytes, source);
  if (!rep) return tl::unexpected<Error>(rep.error());
  return NerModel(std::move(*rep));
}

Result<NerModel> NerModel::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path, "cannot open the NER model file",
                            "train one with `sitrep train-ner`");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return FromBytes(buffer.str(), path);
}

Result<std::shared_ptr<const NerModel>> NerModel::Default() {
  static std::once_flag once;
  static Result<std::shared_ptr<const NerModel>> model =
      MakeError(ErrorCode::kNotFound, "data/ner/ner-model.bin.zst", "this build has no NER model",
                "run `sitrep train-ner` (docs/entities.md) and rebuild");
  std::call_once(once, [] {
    std::string_view bytes = EmbeddedData("ner-model.bin.zst");
    if (bytes.empty()) return;
    auto loaded = FromBytes(bytes, "data/ner/ner-model.bin.zst (embedded)");
    if (loaded) model = std::make_shared<const NerModel>(std::move(*loaded));
    else model = tl::unexpected<Error>(loaded.error());
  });
  return model;
}

std::vector<std::string> NerModel::TagTokens(const std::vector<std::string>& tokens) const {
  std::vector<std::string_view> views(tokens.begin(), tokens.end());
  std::vector<int> labels;
  rep_->Decode(views, labels);
  std::vector<std::string> out;
  out.reserve(labels.size());
  for (int l : labels) out.push_back(entities::BilouToBio(entities::BilouLabelNames()[l]));
  return out;
}

}  // namespace sitrep

namespace sitrep {

std::vector<std::vector<std::string>> NerModel::TagDocument(
    const std::vector<std::vector<std::string>>& sentences) const {
  std::vector<std::vector<std::string>> out;
  std::vector<std::vector<std::string_view>> document;
  for (const auto& tokens : sentences) document.emplace_back(tokens.begin(), tokens.end());
  std::vector<std::vector<int>> labels;
  rep_->DecodeDocument(document, labels);
  for (const auto& sentence : labels) {
    auto& row = out.emplace_back();
    for (int l : sentence) row.push_back(entities::BilouToBio(entities::BilouLabelNames()[l]));
  }
  return out;
}

}  // namespace sitrep
