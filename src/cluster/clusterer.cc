// EventClusterer: online centroid clustering with a running TF-IDF, an inverted index over the
// open events' centroid terms, a staleness penalty by publication date, and centroid merging.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "cluster/codec.h"
#include "sitrep/cluster.h"

namespace sitrep {
namespace {

using SparseVector = std::vector<std::pair<uint64_t, float>>;

void SortByTerm(SparseVector& v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

bool HasTerm(const SparseVector& sorted, uint64_t term) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), term,
                             [](const auto& x, uint64_t t) { return x.first < t; });
  return it != sorted.end() && it->first == term;
}

// Calls f(a weight, b weight, term) for every term both term-sorted vectors hold, in term order.
template <typename F>
void ForShared(const SparseVector& a, const SparseVector& b, F&& f) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      f(a[i].second, b[j].second, a[i].first);
      ++i;
      ++j;
    }
  }
}

struct EventState {
  uint64_t id = 0;
  // Sum of the members' unit term-frequency vectors (truncated). IDF is applied when compared,
  // with the IDF of that moment: weights fixed at join time would freeze the poor IDF of a
  // stream's first articles into its first events and make them absorb everything.
  // Sorted by term: scored against an article (itself sorted by term) by one merge-join, a
  // sequential scan; as a hash map, the pointer chasing of its lookups was most of the serial
  // assign stage's time.
  SparseVector centroid;
  double norm2 = 0;          // squared norm of centroid (.) idf, cached
  uint64_t norm_docs = 0;    // stream position the cache was computed at; 0 = stale
  uint32_t size = 0;
  std::optional<int64_t> first_day, last_day;
  uint64_t last_seq = 0;  // stream position of its latest article
  std::string label;
  bool open = true;
  uint64_t merged_into = 0;  // 0 = alive
  bool changed = true;       // since the last merge pass
};

constexpr uint32_t kStateVersion = 3;
constexpr uint64_t kNormRefreshDocs = 512;
constexpr uint64_t kMinDocsForMaxDf = 50;  // IDF drifts slowly: refresh cached norms this often

// Sums in fixed point, so that a total does not depend on hash-map iteration order (a resumed
// clusterer must decide exactly like an uninterrupted one).
class FixedSum {
 public:
  void Add(double x) { total_ += static_cast<int64_t>(std::llround(x * kScale)); }
  double value() const { return static_cast<double>(total_) / kScale; }

 private:
  static constexpr double kScale = 1048576.0;
  int64_t total_ = 0;
};

// Document frequencies by term: open addressing with linear probing over the term hashes (already
// uniform 64-bit hashes). A node-based map made every IDF lookup a pointer chase, and the assign
// stage looks up IDF for every term it touches.
class TermCounts {
 public:
  uint32_t Get(uint64_t term) const {
    if (slots_.empty()) return 0;
    for (size_t i = term & mask_;; i = (i + 1) & mask_) {
      if (slots_[i].count == 0) return 0;
      if (slots_[i].term == term) return slots_[i].count;
    }
  }
  void Add(uint64_t term, uint32_t count) {  // count >= 1
    if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
    for (size_t i = term & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.count == 0) {
        slot = {term, count};
        ++size_;
        return;
      }
      if (slot.term == term) {
        slot.count += count;
        return;
      }
    }
  }
  size_t size() const { return size_; }
  void Reserve(size_t n) {
    while (n * 4 > slots_.size() * 3) Grow();
  }
  template <typename F>
  void ForEach(F&& f) const {
    for (const Slot& slot : slots_) {
      if (slot.count != 0) f(slot.term, slot.count);
    }
  }
  // Keeps the terms `keep` says yes to (rebuilds the table: linear probing has no tombstones).
  template <typename F>
  void Filter(F&& keep) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.size(), Slot{});
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.count != 0 && keep(slot.count)) Add(slot.term, slot.count);
    }
  }

 private:
  struct Slot {
    uint64_t term = 0;
    uint32_t count = 0;  // 0 = empty
  };
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.count != 0) Add(slot.term, slot.count);
    }
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct DocVector {
  SparseVector query;  // tf-idf, unit length, top doc_terms
  SparseVector mass;   // the same terms' log tf, unit length (what a centroid accumulates)
};

}  // namespace

struct EventClusterer::Rep {
  ClusterOptions options;
  std::vector<EventState> events;  // events[id - 1]
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;  // term -> event index
  TermCounts df;
  uint64_t docs = 0;
  uint32_t open_events = 0;
  uint64_t primed = 0;         // articles counted by Prime that Add has not seen yet
  bool no_warmup = false;      // primed: the document frequencies are the batch's own

  // Scratch, reused across Add calls.
  struct Overlap {
    float score = 0;
    uint32_t last_term = 0;  // 1 + position of the doc term last counted (postings may repeat)
  };
  std::unordered_map<uint32_t, Overlap> overlap;

  double Idf(uint64_t term) const {
    double f = df.Get(term);
    // A term in a large share of the stream (a wire service's dateline, "said") says nothing
    // about which event an article belongs to; left in, it glues unrelated articles together.
    if (options.max_df_ratio < 1 && docs >= kMinDocsForMaxDf && f > options.max_df_ratio * static_cast<double>(docs)) return 0;
    double idf = std::log((static_cast<double>(docs) + 1.0) / (f + 1.0)) + 1.0;
    return options.idf_power == 1.0 ? idf : std::pow(idf, options.idf_power);
  }

  // The article's vectors, sorted by term.
  DocVector Vectorize(const ArticleSignature& signature) {
    std::vector<std::tuple<float, uint64_t, float>> v;  // tf-idf, term, log tf
    v.reserve(signature.terms.size());
    for (const TermWeight& t : signature.terms) {
      if (t.count <= 0) continue;
      double tf = 1.0 + std::log(std::max(1.0f, t.count));
      v.emplace_back(static_cast<float>(tf * Idf(t.term)), t.term, static_cast<float>(tf));
    }
    auto by_weight = [](const auto& a, const auto& b) {
      return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b)
                                              : std::get<1>(a) < std::get<1>(b);
    };
    if (v.size() > options.doc_terms) {
      std::nth_element(v.begin(), v.begin() + options.doc_terms, v.end(), by_weight);
      v.resize(options.doc_terms);
    }
    // By term: centroids are scored and updated by merge-joins.
    std::sort(v.begin(), v.end(),
              [](const auto& a, const auto& b) { return std::get<1>(a) < std::get<1>(b); });
    double q2 = 0, m2 = 0;
    for (const auto& [q, term, m] : v) {
      q2 += static_cast<double>(q) * q;
      m2 += static_cast<double>(m) * m;
    }
    DocVector out;
    float qi = q2 > 0 ? static_cast<float>(1.0 / std::sqrt(q2)) : 0.0f;
    float mi = m2 > 0 ? static_cast<float>(1.0 / std::sqrt(m2)) : 0.0f;
    out.query.reserve(v.size());
    out.mass.reserve(v.size());
    for (const auto& [q, term, m] : v) {
      out.query.emplace_back(term, q * qi);
      out.mass.emplace_back(term, m * mi);
    }
    return out;
  }

  void CountDocument(const ArticleSignature& signature) {
    if (primed > 0) {
      --primed;
      return;
    }
    ++docs;
    for (const TermWeight& t : signature.terms) df.Add(t.term, 1);
    if (df.size() > options.max_vocabulary) {
      // Forget terms seen once: they carry no evidence yet and are most of a long tail.
      df.Filter([](uint32_t count) { return count > 1; });
    }
  }

  double Norm(EventState& e) {
    if (e.norm_docs == 0 || docs - e.norm_docs >= kNormRefreshDocs) {
      FixedSum sum;
      for (const auto& [term, c] : e.centroid) {
        double x = c * Idf(term);
        sum.Add(x * x);
      }
      e.norm2 = sum.value();
      e.norm_docs = docs;
    }
    return std::sqrt(e.norm2);
  }

  // `weighted` holds query weight x IDF per term, sorted by term (computed once per article).
  double Cosine(const SparseVector& weighted, EventState& e) {
    double norm = Norm(e);
    if (norm <= 0) return 0;
    double dot = 0;
    ForShared(weighted, e.centroid,
              [&](float w, float c, uint64_t) { dot += static_cast<double>(w) * c; });
    return dot / norm;
  }

  double CentroidCosine(EventState& a, EventState& b) {
    double na = Norm(a), nb = Norm(b);
    if (na <= 0 || nb <= 0) return 0;
    FixedSum dot;
    ForShared(a.centroid, b.centroid, [&](float x, float y, uint64_t term) {
      double idf = Idf(term);
      dot.Add(static_cast<double>(x) * y * idf * idf);
    });
    return dot.value() / (na * nb);
  }

  // Cosine of the two events' entity features alone (1 when either has none: no evidence).
  double EntityCosine(const EventState& a, const EventState& b) const {
    FixedSum dot, na, nb;
    for (const auto& [term, w] : a.centroid) {
      if (!IsEntityTerm(term)) continue;
      double x = w * Idf(term);
      na.Add(x * x);
    }
    for (const auto& [term, w] : b.centroid) {
      if (!IsEntityTerm(term)) continue;
      double x = w * Idf(term);
      nb.Add(x * x);
    }
    if (na.value() <= 0 || nb.value() <= 0) return 1;
    ForShared(a.centroid, b.centroid, [&](float x, float y, uint64_t term) {
      if (!IsEntityTerm(term)) return;
      double idf = Idf(term);
      dot.Add(static_cast<double>(x) * y * idf * idf);
    });
    return dot.value() / std::sqrt(na.value() * nb.value());
  }

  // Two events are one story: their centroids are alike, and so are their names (the 2011
  // uprisings in Egypt, Libya and Syria share nearly all their words and few of their names).
  bool Mergeable(EventState& a, EventState& b) {
    if (CentroidCosine(a, b) < MergeThreshold(a, b)) return false;
    return options.merge_entity_threshold <= 0 ||
           EntityCosine(a, b) >= options.merge_entity_threshold;
  }

  // Extra similarity an event idle for a while must show: stale_penalty per window_days of
  // idleness beyond the first window, at most max_stale_penalty. Stories do resurface after
  // months (a trial, an anniversary), so idleness raises the bar instead of closing the event.
  double StalePenalty(const EventState& e, const std::optional<int64_t>& day) const {
    if (!day || !e.last_day || options.window_days == 0) return 0;
    int64_t gap = *day > *e.last_day ? *day - *e.last_day
                                     : (e.first_day && *day < *e.first_day ? *e.first_day - *day : 0);
    if (gap <= static_cast<int64_t>(options.window_days)) return 0;
    double windows = static_cast<double>(gap) / options.window_days;
    return std::min(options.max_stale_penalty, options.stale_penalty * windows);
  }

  // `mass` sorted by term.
  void AddToCentroid(EventState& e, uint32_t index, const SparseVector& mass) {
    SparseVector& c = e.centroid;
    SparseVector merged;
    merged.reserve(c.size() + mass.size());
    // A valid cached norm is updated by the changed terms only (with today's IDF; the refresh
    // every kNormRefreshDocs recomputes it whole): recomputing all of a large event's terms at
    // each article it gains was most of the assign stage's document-frequency lookups.
    bool update = e.norm_docs != 0;
    auto grow = [&](uint64_t term, double before, double after) {
      if (!update) return;
      double idf = Idf(term);
      e.norm2 += (after * after - before * before) * idf * idf;
    };
    size_t i = 0, j = 0;
    while (i < c.size() || j < mass.size()) {
      if (j == mass.size() || (i < c.size() && c[i].first < mass[j].first)) {
        merged.push_back(c[i++]);
      } else if (i == c.size() || mass[j].first < c[i].first) {
        merged.push_back(mass[j]);
        postings[mass[j].first].push_back(index);
        grow(mass[j].first, 0, mass[j].second);
        ++j;
      } else {
        float sum = c[i].second + mass[j].second;
        grow(c[i].first, c[i].second, sum);
        merged.emplace_back(c[i].first, sum);
        ++i;
        ++j;
      }
    }
    c = std::move(merged);
    e.changed = true;
    if (e.centroid.size() > 2 * static_cast<size_t>(options.centroid_terms)) Truncate(e);
  }

  void Truncate(EventState& e) {
    std::vector<std::tuple<double, uint64_t, float>> items;  // weight now, term, mass
    items.reserve(e.centroid.size());
    for (const auto& [term, c] : e.centroid) items.emplace_back(c * Idf(term), term, c);
    // A total order, so that a resumed clusterer keeps the same terms as an uninterrupted one.
    std::nth_element(items.begin(), items.begin() + options.centroid_terms, items.end(),
                     [](const auto& a, const auto& b) {
                       return std::get<0>(a) != std::get<0>(b) ? std::get<0>(a) > std::get<0>(b)
                                                               : std::get<1>(a) < std::get<1>(b);
                     });
    items.resize(options.centroid_terms);
    e.centroid.clear();
    for (const auto& [weight, term, c] : items) e.centroid.emplace_back(term, c);
    SortByTerm(e.centroid);
    e.norm_docs = 0;
    // Postings of dropped terms go stale; Candidates() skips them and Compact() removes them.
  }

  void Close(EventState& e) {
    if (!e.open) return;
    e.open = false;
    e.centroid = {};
    e.norm2 = 0;
    if (e.merged_into == 0) --open_events;
  }

  // Merges two events; the older keeps its id, so ids already reported stay valid. Returns the
  // surviving index.
  uint32_t Merge(uint32_t a, uint32_t b, std::vector<EventMerge>& log) {
    uint32_t keep_index = std::min(a, b), gone_index = std::max(a, b);
    EventState& keep = events[keep_index];
    EventState& gone = events[gone_index];
    SparseVector v = gone.centroid;
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
    log.push_back({gone.id, keep.id});
    return keep_index;
  }

  // A fragment (a tenth the size of the other event or less) is absorbed more easily than two
  // established stories are merged: fragments are what single-pass leaves behind.
  double MergeThreshold(const EventState& a, const EventState& b) const {
    uint32_t small = std::min(a.size, b.size), large = std::max(a.size, b.size);
    return small * 10 <= large ? options.absorb_threshold : options.merge_threshold;
  }

  // The event's top terms by current weight, as a query.
  SparseVector TopTerms(const EventState& e) {
    SparseVector v;
    v.reserve(e.centroid.size());
    for (const auto& [term, c] : e.centroid) v.emplace_back(term, static_cast<float>(c * Idf(term)));
    std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (v.size() > options.doc_terms) v.resize(options.doc_terms);
    return v;
  }

  // Every open event, smallest first, is compared with the events its centroid's top terms
  // propose; fragments of one story started apart (before the story's vocabulary settled) meet
  // here.
  void MergePass(std::vector<EventMerge>& log) {
    std::vector<std::pair<uint32_t, uint32_t>> order;  // size, index
    // Only events that changed since the last pass can have become alike.
    for (uint32_t i = 0; i < events.size(); ++i) {
      if (events[i].open && events[i].merged_into == 0 && events[i].changed) {
        order.emplace_back(events[i].size, i);
      }
    }
    std::sort(order.begin(), order.end());
    for (const auto& [size, index] : order) events[index].changed = false;
    for (const auto& [size, index] : order) {
      EventState& e = events[index];
      if (!e.open || e.merged_into != 0) continue;
      for (uint32_t other : Candidates(TopTerms(e))) {
        if (other == index) continue;
        EventState& o = events[other];
        if (!o.open || o.merged_into != 0) continue;
        if (!Mergeable(e, o)) continue;
        Merge(index, other, log);
        break;  // `e` may be gone now; its survivor is visited again in a later pass
      }
    }
  }

  // Open events sharing terms with v, best overlap first, at most max_candidates.
  std::vector<uint32_t> Candidates(const SparseVector& v) {
    std::vector<uint32_t> out;
    // While there are no more open events than would be scored anyway, score them all: the
    // index finds candidates by the article's rarest terms, and in a small batch those are the
    // words only that article uses (a report of a visit to Beirut names the visitor more often
    // than the blast), so it missed the one event the article belonged to.
    if (options.exhaustive || open_events <= options.max_candidates) {
      for (uint32_t i = 0; i < events.size(); ++i) {
        if (events[i].open && events[i].merged_into == 0) out.push_back(i);
      }
      return out;
    }
    overlap.clear();
    // The heaviest terms are rare ones with short postings; they find the candidates, and the
    // common terms (long postings) would only add cost.
    SparseVector top = v;
    size_t n = std::min<size_t>(top.size(), options.candidate_terms);
    std::partial_sort(top.begin(), top.begin() + n, top.end(), [](const auto& x, const auto& y) {
      return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    top.resize(n);
    for (uint32_t pos = 0; pos < top.size(); ++pos) {
      const auto& [term, w] = top[pos];
      auto it = postings.find(term);
      if (it == postings.end()) continue;
      // Ranked by the query weight of shared terms only: no centroid lookup per posting (this
      // loop is the serial stage's hot spot); exact cosines are computed for the best few.
      for (uint32_t index : it->second) {
        const EventState& e = events[index];
        if (!e.open || e.merged_into != 0) continue;
        Overlap& o = overlap[index];
        if (o.last_term == pos + 1) continue;
        o.last_term = pos + 1;
        o.score += w;
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
        return !e.open || e.merged_into != 0 || !HasTerm(e.centroid, term);
      });
      it = list.empty() ? postings.erase(it) : std::next(it);
    }
  }
};

ClusterOptions BaselineClusterOptions() {
  ClusterOptions o;
  o.join_threshold = 0.20;
  // Pinned: the warm-up the baseline has always been measured with, so that tuning ours does
  // not move it.
  o.warmup_penalty = 0.20;
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
  DocVector v = r.Vectorize(signature);
  std::vector<uint32_t> candidates = r.Candidates(v.query);

  SparseVector weighted = v.query;
  for (auto& [term, w] : weighted) w = static_cast<float>(w * r.Idf(term));
  std::vector<std::pair<double, uint32_t>> scored;  // cosine, event index (passing only)
  // While the document frequencies rest on few articles, common words look rare and any two
  // articles look alike: joining is made harder, fading out over the warm-up; merge passes
  // later join what this kept apart.
  double warmup = !r.no_warmup && r.docs < r.options.warmup_articles
                      ? r.options.warmup_penalty *
                            (1.0 - static_cast<double>(r.docs) / r.options.warmup_articles)
                      : 0.0;
  for (uint32_t index : candidates) {
    EventState& e = r.events[index];
    double cos = r.Cosine(weighted, e);
    double need = r.options.join_threshold + r.StalePenalty(e, signature.day) + warmup;
    if (cos >= need) scored.emplace_back(cos, index);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  Assignment out;
  uint32_t index;
  if (scored.empty() || v.query.empty()) {
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
  r.AddToCentroid(e, index, v.mass);
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
      if (!r.Mergeable(r.events[index], o)) continue;
      index = r.Merge(index, other, out.merges);
    }
    if (r.options.merge_every != 0 && r.docs % r.options.merge_every == 0) r.MergePass(out.merges);
  }
  index = static_cast<uint32_t>(Resolve(r.events[index].id) - 1);
  out.event = r.events[index].id;
  if (r.docs % 1024 == 0) r.CloseIdle();
  if (r.docs % 65536 == 0) r.Compact();
  return out;
}

void EventClusterer::Prime(std::span<const ArticleSignature> batch) {
  Rep& r = *rep_;
  uint64_t owed = r.primed;  // a second Prime before the first batch was added
  r.primed = 0;
  for (const ArticleSignature& s : batch) r.CountDocument(s);
  r.primed = owed + batch.size();
  r.no_warmup = true;
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

std::optional<EventInfo> EventClusterer::Info(uint64_t id) const {
  if (id == 0 || id > rep_->events.size()) return std::nullopt;
  const EventState& e = rep_->events[id - 1];
  return EventInfo{e.id, e.merged_into != 0 ? 0u : e.size, e.first_day, e.last_day, e.label,
                   e.open};
}

std::string EventClusterer::SaveState() const {
  const Rep& r = *rep_;
  codec::Writer w;
  w.U32(kStateVersion);
  w.U64(r.docs);
  w.U64(r.primed);
  w.U8(r.no_warmup);
  w.U64(r.df.size());
  // Sorted so that equal states give equal bytes.
  std::vector<std::pair<uint64_t, uint32_t>> df;
  df.reserve(r.df.size());
  r.df.ForEach([&](uint64_t term, uint32_t f) { df.emplace_back(term, f); });
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
    w.U64(e.norm_docs);
    w.U8(e.changed);
    const SparseVector& c = e.centroid;  // sorted by term
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
  uint32_t version = rd.U32();
  if (version != kStateVersion && version != 2) return bad("unknown clusterer state version");
  EventClusterer c(options);
  Rep& r = *c.rep_;
  r.docs = rd.U64();
  if (version >= 3) {  // version 2 had no priming
    r.primed = rd.U64();
    r.no_warmup = rd.U8() != 0;
  }
  uint64_t terms = rd.U64();
  if (!rd.ok() || terms > rd.remaining() / 12) return bad("document-frequency table is cut");
  r.df.Reserve(terms);
  for (uint64_t i = 0; i < terms; ++i) {
    uint64_t term = rd.U64();
    uint32_t f = rd.U32();
    if (f != 0) r.df.Add(term, f);
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
    uint64_t norm_docs = rd.U64();
    e.changed = rd.U8() != 0;
    uint64_t n = rd.U64();
    if (!rd.ok() || n > rd.remaining() / 12 || e.merged_into > events) return bad("event is cut");
    for (uint64_t k = 0; k < n; ++k) {
      uint64_t term = rd.U64();
      float weight = rd.F32();
      e.centroid.emplace_back(term, weight);
      r.postings[term].push_back(static_cast<uint32_t>(i));
    }
    e.norm2 = norm2;  // as saved, not recomputed: the same rounding as the original run
    e.norm_docs = norm_docs;
    if (e.open && e.merged_into == 0) ++r.open_events;
  }
  if (!rd.ok()) return bad("clusterer state ends early");
  return c;
}

}  // namespace sitrep
