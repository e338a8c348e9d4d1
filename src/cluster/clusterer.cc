// EventClusterer: online centroid clustering with a running TF-IDF, an inverted index over the
// open events' centroid terms, a staleness penalty by publication date, and centroid merging.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "cluster/codec.h"
#include "sitrep/cluster.h"

namespace sitrep {
namespace {

using SparseVector = std::vector<std::pair<uint64_t, float>>;

struct EventState {
  uint64_t id = 0;
  std::unordered_map<uint64_t, float> centroid;  // sum of member unit vectors (truncated)
  double norm2 = 0;
  uint32_t size = 0;
  std::optional<int64_t> first_day, last_day;
  uint64_t last_seq = 0;  // stream position of its latest article
  std::string label;
  bool open = true;
  uint64_t merged_into = 0;  // 0 = alive
};

constexpr uint32_t kStateVersion = 1;

}  // namespace

struct EventClusterer::Rep {
  ClusterOptions options;
  std::vector<EventState> events;  // events[id - 1]
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // term -> event index
  std::unordered_map<uint64_t, uint32_t> df;
  uint64_t docs = 0;
  uint32_t open_events = 0;

  // Scratch, reused across Add calls.
  struct Overlap {
    float score = 0;
    uint32_t last_term = 0;  // 1 + position of the doc term last counted (postings may repeat)
  };
  std::unordered_map<uint32_t, Overlap> overlap;

  double Idf(uint64_t term) const {
    auto it = df.find(term);
    double f = it == df.end() ? 0 : it->second;
    return std::log((static_cast<double>(docs) + 1.0) / (f + 1.0)) + 1.0;
  }

  SparseVector Vectorize(const ArticleSignature& signature) {
    SparseVector v;
    v.reserve(signature.terms.size());
    for (const TermWeight& t : signature.terms) {
      if (t.count <= 0) continue;
      v.emplace_back(t.term, static_cast<float>((1.0 + std::log(t.count)) * Idf(t.term)));
    }
    if (v.size() > options.doc_terms) {
      std::nth_element(v.begin(), v.begin() + options.doc_terms, v.end(),
                       [](const auto& a, const auto& b) {
                         return a.second != b.second ? a.second > b.second : a.first < b.first;
                       });
      v.resize(options.doc_terms);
    }
    double n2 = 0;
    for (const auto& [term, w] : v) n2 += static_cast<double>(w) * w;
    float inv = n2 > 0 ? static_cast<float>(1.0 / std::sqrt(n2)) : 0.0f;
    for (auto& [term, w] : v) w *= inv;
    return v;
  }

  void CountDocument(const ArticleSignature& signature) {
    ++docs;
    for (const TermWeight& t : signature.terms) ++df[t.term];
    if (df.size() > options.max_vocabulary) {
      // Forget terms seen once: they carry no evidence yet and are most of a long tail.
      for (auto it = df.begin(); it != df.end();) {
        it = it->second <= 1 ? df.erase(it) : std::next(it);
      }
    }
  }

  static double Cosine(const SparseVector& doc, const EventState& e) {
    if (e.norm2 <= 0) return 0;
    double dot = 0;
    for (const auto& [term, w] : doc) {
      auto it = e.centroid.find(term);
      if (it != e.centroid.end()) dot += static_cast<double>(w) * it->second;
    }
    return dot / std::sqrt(e.norm2);
  }

  static double CentroidCosine(const EventState& a, const EventState& b) {
    if (a.norm2 <= 0 || b.norm2 <= 0) return 0;
    const EventState& small = a.centroid.size() < b.centroid.size() ? a : b;
    const EventState& large = &small == &a ? b : a;
    double dot = 0;
    for (const auto& [term, w] : small.centroid) {
      auto it = large.centroid.find(term);
      if (it != large.centroid.end()) dot += static_cast<double>(w) * it->second;
    }
    return dot / std::sqrt(a.norm2 * b.norm2);
  }

  bool IsStale(const EventState& e, const std::optional<int64_t>& day) const {
    if (!day || !e.last_day) return false;
    int64_t gap = *day > *e.last_day ? *day - *e.last_day
                                     : (e.first_day && *day < *e.first_day ? *e.first_day - *day : 0);
    return gap > static_cast<int64_t>(options.window_days);
  }

  void AddToCentroid(EventState& e, uint32_t index, const SparseVector& v) {
    for (const auto& [term, w] : v) {
      auto [it, inserted] = e.centroid.try_emplace(term, 0.0f);
      double before = it->second;
      it->second += w;
      e.norm2 += static_cast<double>(it->second) * it->second - before * before;
      if (inserted) postings[term].push_back(index);
    }
    if (e.centroid.size() > 2 * static_cast<size_t>(options.centroid_terms)) Truncate(e);
  }

  void Truncate(EventState& e) {
    std::vector<std::pair<uint64_t, float>> items(e.centroid.begin(), e.centroid.end());
    // A total order, so that a resumed clusterer keeps the same terms as an uninterrupted one.
    std::nth_element(items.begin(), items.begin() + options.centroid_terms, items.end(),
                     [](const auto& a, const auto& b) {
                       return a.second != b.second ? a.second > b.second : a.first < b.first;
                     });
    items.resize(options.centroid_terms);
    e.centroid.clear();
    e.norm2 = 0;
    for (const auto& [term, w] : items) {
      e.centroid.emplace(term, w);
      e.norm2 += static_cast<double>(w) * w;
    }
    // Postings of dropped terms go stale; Candidates() skips them and Compact() removes them.
  }

  void Close(EventState& e) {
    if (!e.open) return;
    e.open = false;
    e.centroid = {};
    e.norm2 = 0;
    if (e.merged_into == 0) --open_events;
  }

  void Merge(uint32_t keep_index, uint32_t gone_index) {
    EventState& keep = events[keep_index];
    EventState& gone = events[gone_index];
    SparseVector v(gone.centroid.begin(), gone.centroid.end());
    AddToCentroid(keep, keep_index, v);
    keep.size += gone.size;
    if (gone.first_day && (!keep.first_day || *gone.first_day < *keep.first_day)) {
      keep.first_day = gone.first_day;
    }
    if (gone.last_day && (!keep.last_day || *gone.last_day > *keep.last_day)) {
      keep.last_day = gone.last_day;
    }
    keep.last_seq = std::max(keep.last_seq, gone.last_seq);
    gone.merged_into = keep.id;
    gone.open = false;
    gone.centroid = {};
    gone.norm2 = 0;
    --open_events;
  }

  // Open events sharing terms with v, best overlap first, at most max_candidates.
  std::vector<uint32_t> Candidates(const SparseVector& v) {
    std::vector<uint32_t> out;
    if (options.exhaustive) {
      for (uint32_t i = 0; i < events.size(); ++i) {
        if (events[i].open && events[i].merged_into == 0) out.push_back(i);
      }
      return out;
    }
    overlap.clear();
    for (uint32_t pos = 0; pos < v.size(); ++pos) {
      const auto& [term, w] = v[pos];
      auto it = postings.find(term);
      if (it == postings.end()) continue;
      for (uint32_t index : it->second) {
        const EventState& e = events[index];
        if (!e.open || e.merged_into != 0) continue;
        auto c = e.centroid.find(term);
        if (c == e.centroid.end()) continue;
        Overlap& o = overlap[index];
        if (o.last_term == pos + 1) continue;
        o.last_term = pos + 1;
        o.score += w * c->second / static_cast<float>(std::sqrt(e.norm2));
      }
    }
    std::vector<std::pair<float, uint32_t>> ranked;
    ranked.reserve(overlap.size());
    for (const auto& [index, o] : overlap) ranked.emplace_back(o.score, index);
    size_t keep = std::min<size_t>(ranked.size(), options.max_candidates);
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(),
                      [](const auto& a, const auto& b) {
                        return a.first != b.first ? a.first > b.first : a.second < b.second;
                      });
    for (size_t i = 0; i < keep; ++i) out.push_back(ranked[i].second);
    return out;
  }

  void CloseIdle() {
    if (open_events <= options.max_open_events) return;
    std::vector<std::pair<uint64_t, uint32_t>> open;
    for (uint32_t i = 0; i < events.size(); ++i) {
      if (events[i].open && events[i].merged_into == 0) open.emplace_back(events[i].last_seq, i);
    }
    size_t target = options.max_open_events - options.max_open_events / 10;
    size_t close = open.size() - std::min(open.size(), target);
    std::nth_element(open.begin(), open.begin() + close, open.end());
    for (size_t i = 0; i < close; ++i) Close(events[open[i].second]);
    Compact();
  }

  // Drops postings of closed/merged events and of terms a centroid no longer holds.
  void Compact() {
    for (auto it = postings.begin(); it != postings.end();) {
      auto& list = it->second;
      std::sort(list.begin(), list.end());
      list.erase(std::unique(list.begin(), list.end()), list.end());
      uint64_t term = it->first;
      std::erase_if(list, [&](uint32_t index) {
        const EventState& e = events[index];
        return !e.open || e.merged_into != 0 || !e.centroid.contains(term);
      });
      it = list.empty() ? postings.erase(it) : std::next(it);
    }
  }
};

ClusterOptions BaselineClusterOptions() {
  ClusterOptions o;
  o.join_threshold = 0.20;
  o.stale_penalty = 0;
  o.merge = false;
  o.exhaustive = true;
  o.doc_terms = 1u << 30;
  o.centroid_terms = 1u << 30;
  o.max_open_events = 1u << 30;
  return o;
}

SignOptions BaselineSignOptions() {
  SignOptions o;
  o.title_weight = 1.0f;
  o.use_entities = false;
  o.max_body_bytes = 0;
  return o;
}

EventClusterer::EventClusterer(const ClusterOptions& options) : rep_(std::make_unique<Rep>()) {
  rep_->options = options;
}
EventClusterer::~EventClusterer() = default;
EventClusterer::EventClusterer(EventClusterer&&) noexcept = default;
EventClusterer& EventClusterer::operator=(EventClusterer&&) noexcept = default;

uint64_t EventClusterer::articles_added() const { return rep_->docs; }

Assignment EventClusterer::Add(const ArticleSignature& signature) {
  Rep& r = *rep_;
  r.CountDocument(signature);
  SparseVector v = r.Vectorize(signature);
  std::vector<uint32_t> candidates = r.Candidates(v);

  std::vector<std::pair<double, uint32_t>> scored;  // cosine, event index (passing only)
  for (uint32_t index : candidates) {
    const EventState& e = r.events[index];
    double cos = Rep::Cosine(v, e);
    double need = r.options.join_threshold + (r.IsStale(e, signature.day) ? r.options.stale_penalty : 0);
    if (cos >= need) scored.emplace_back(cos, index);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  Assignment out;
  uint32_t index;
  if (scored.empty() || v.empty()) {
    index = static_cast<uint32_t>(r.events.size());
    EventState e;
    e.id = index + 1;
    e.label = signature.label;
    r.events.push_back(std::move(e));
    ++r.open_events;
    out.new_event = true;
  } else {
    index = scored.front().second;
    out.similarity = scored.front().first;
  }
  EventState& e = r.events[index];
  r.AddToCentroid(e, index, v);
  ++e.size;
  e.last_seq = r.docs;
  if (signature.day) {
    if (!e.first_day || *signature.day < *e.first_day) e.first_day = signature.day;
    if (!e.last_day || *signature.day > *e.last_day) e.last_day = signature.day;
  }
  // The article may bridge two events that are one story: compare the joined event with the
  // runners-up this article also matched.
  if (r.options.merge) {
    for (size_t i = 1; i < scored.size() && i < 4; ++i) {
      uint32_t other = scored[i].second;
      EventState& o = r.events[other];
      if (o.merged_into != 0 || !o.open) continue;
      if (Rep::CentroidCosine(r.events[index], o) < r.options.merge_threshold) continue;
      // The older event keeps its id, so ids already reported stay valid.
      uint32_t keep = std::min(index, other), gone = std::max(index, other);
      r.Merge(keep, gone);
      out.merged.push_back(r.events[gone].id);
      index = keep;
    }
  }
  out.event = r.events[index].id;
  if (r.docs % 1024 == 0) r.CloseIdle();
  if (r.docs % 65536 == 0) r.Compact();
  return out;
}

uint64_t EventClusterer::Resolve(uint64_t event) const {
  const auto& events = rep_->events;
  while (event >= 1 && event <= events.size() && events[event - 1].merged_into != 0) {
    event = events[event - 1].merged_into;
  }
  return event >= 1 && event <= events.size() ? event : 0;
}

std::vector<EventInfo> EventClusterer::Events() const {
  std::vector<EventInfo> out;
  for (const EventState& e : rep_->events) {
    if (e.merged_into != 0) continue;
    out.push_back({e.id, e.size, e.first_day, e.last_day, e.label, e.open});
  }
  return out;
}

std::string EventClusterer::SaveState() const {
  const Rep& r = *rep_;
  codec::Writer w;
  w.U32(kStateVersion);
  w.U64(r.docs);
  w.U64(r.df.size());
  // Sorted so that equal states give equal bytes.
  std::vector<std::pair<uint64_t, uint32_t>> df(r.df.begin(), r.df.end());
  std::sort(df.begin(), df.end());
  for (const auto& [term, f] : df) {
    w.U64(term);
    w.U32(f);
  }
  w.U64(r.events.size());
  for (const EventState& e : r.events) {
    w.U32(e.size);
    w.U8(e.first_day.has_value());
    w.I64(e.first_day.value_or(0));
    w.U8(e.last_day.has_value());
    w.I64(e.last_day.value_or(0));
    w.U64(e.last_seq);
    w.Str(e.label);
    w.U8(e.open);
    w.U64(e.merged_into);
    w.F64(e.norm2);
    std::vector<std::pair<uint64_t, float>> c(e.centroid.begin(), e.centroid.end());
    std::sort(c.begin(), c.end());
    w.U64(c.size());
    for (const auto& [term, weight] : c) {
      w.U64(term);
      w.F32(weight);
    }
  }
  return w.Take();
}

Result<EventClusterer> EventClusterer::LoadState(std::string_view bytes,
                                                 const ClusterOptions& options) {
  codec::Reader rd(bytes);
  auto bad = [](const char* what) {
    return MakeError(ErrorCode::kMalformed, "clusterer state", what,
                     "the store's checkpoint is damaged or from another version; rebuild it");
  };
  if (rd.U32() != kStateVersion) return bad("unknown clusterer state version");
  EventClusterer c(options);
  Rep& r = *c.rep_;
  r.docs = rd.U64();
  uint64_t terms = rd.U64();
  if (!rd.ok() || terms > rd.remaining() / 12) return bad("document-frequency table is cut");
  r.df.reserve(terms);
  for (uint64_t i = 0; i < terms; ++i) {
    uint64_t term = rd.U64();
    r.df[term] = rd.U32();
  }
  uint64_t events = rd.U64();
  if (!rd.ok() || events > rd.remaining() / 40) return bad("event table is cut");
  r.events.resize(events);
  for (uint64_t i = 0; i < events; ++i) {
    EventState& e = r.events[i];
    e.id = i + 1;
    e.size = rd.U32();
    bool has_first = rd.U8();
    int64_t first = rd.I64();
    bool has_last = rd.U8();
    int64_t last = rd.I64();
    if (has_first) e.first_day = first;
    if (has_last) e.last_day = last;
    e.last_seq = rd.U64();
    e.label = rd.Str();
    e.open = rd.U8() != 0;
    e.merged_into = rd.U64();
    double norm2 = rd.F64();
    uint64_t n = rd.U64();
    if (!rd.ok() || n > rd.remaining() / 12 || e.merged_into > events) return bad("event is cut");
    for (uint64_t k = 0; k < n; ++k) {
      uint64_t term = rd.U64();
      float weight = rd.F32();
      e.centroid.emplace(term, weight);
      r.postings[term].push_back(static_cast<uint32_t>(i));
    }
    e.norm2 = norm2;  // as saved, not recomputed: the same rounding as the original run
    if (e.open && e.merged_into == 0) ++r.open_events;
  }
  if (!rd.ok()) return bad("clusterer state ends early");
  return c;
}

}  // namespace sitrep
