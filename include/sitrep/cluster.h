// cluster: sort a stream of articles into events, online, one article at a time.
//
// Method: each article is signed (SignArticle: stemmed content terms of title and lead, title
// terms weighted up, capitalised name sequences as entity features, publication day); the
// EventClusterer weighs the terms by a running TF-IDF, compares the article by cosine with the
// centroids of the events an inverted index proposes, joins the best one above a threshold (a
// stricter one when the event has been idle longer than window_days) or starts a new event, and
// merges two events whose centroids, and whose names, turn out to be alike. Memory is bounded: centroids keep
// their top terms and only max_events events stay open (the longest idle are closed first).
// Invariants: every added article gets exactly one event; a merged event's articles resolve
// (EventOf) to the surviving event. Thread safety: SignArticle is reentrant; an EventClusterer
// is not (one per stream; sign on many threads, assign on one).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

struct SignOptions {
  uint32_t max_body_bytes = 0;      // only the lead is read when set (0 = whole body)
  float title_weight = 2.0f;        // a title term counts this many times
  float entity_weight = 1.0f;       // weight of one capitalised-name feature occurrence
  bool use_entities = true;
};

struct TermWeight {
  uint64_t term = 0;  // 64-bit hash of the stemmed term ("e:" prefix for entity features)
  float count = 0;    // weighted occurrences
};

// What the clusterer needs of an article: small, self-contained, serialisable.
struct ArticleSignature {
  std::vector<TermWeight> terms;       // sorted by term, unique
  std::optional<int64_t> day;          // publication date, days since 1970-01-01
  std::string label;                   // the title (or first words), to name a new event
};

// Signs a cleaned article (its kept blocks; the whole text when it has none). `entities` are
// extra entity or place names from annotators, added as entity features. Reentrant.
ArticleSignature SignArticle(const Article& article, const SignOptions& options,
                             std::span<const std::string> entities = {});

// Compact binary form (for stores and for shipping between processes) and back.
std::string EncodeSignature(const ArticleSignature& signature);
Result<ArticleSignature> DecodeSignature(std::string_view bytes);

struct ClusterOptions {
  double join_threshold = 0.07;     // cosine to an event's centroid needed to join it
  uint32_t window_days = 180;       // idle longer than this (by publication date) = stale
  double stale_penalty = 0.05;      // added to join_threshold per window of idleness
  double max_stale_penalty = 0.30;  // at most this much
  uint32_t warmup_articles = 1000;  // document frequencies are unreliable over the first ones:
  double warmup_penalty = 0.12;     // added to join_threshold at the start, fading to 0
  double idf_power = 1.0;           // IDF exponent (> 1 mutes common words further)
  bool merge = true;                // merge events whose centroids are alike
  double merge_threshold = 0.50;    // centroid cosine at or above: one story
  double absorb_threshold = 0.25;   // the same for a fragment (<= 1/10 the other's size)
  double merge_entity_threshold = 0.30;  // and the cosine of their names (entity features) at
                                         // or above this, when both have names (0 = unchecked)
  uint32_t merge_every = 256;       // articles between two merge passes over the open events
  double max_df_ratio = 1.0;        // terms in a larger share of the articles so far are ignored
  uint32_t doc_terms = 200;         // an article vector keeps its top terms
  uint32_t centroid_terms = 1000;   // a centroid keeps its top terms
  uint32_t candidate_terms = 32;    // an article's heaviest terms look up candidate events
  uint32_t max_candidates = 30;     // events scored exactly per article (by shared terms)
  uint32_t max_open_events = 2000;  // more open events: the longest idle are closed
  uint64_t max_vocabulary = 4000000;  // document-frequency table cap (rare terms pruned)
  bool exhaustive = false;          // score every open event (the single-pass baseline)
  // ClusterArticles only: the whole batch is known, so its document frequencies are counted
  // before the first assignment (EventClusterer::Prime) and there is no warm-up. For a folder
  // of articles (`sitrep brief --events`), not a stream.
  bool batch_idf = false;
};

// The TF-IDF single-pass baseline (Allan et al. 1998 style): same vectors without entity
// features, every event compared, no time window, no merging.
ClusterOptions BaselineClusterOptions();
SignOptions BaselineSignOptions();

struct EventMerge {
  uint64_t from = 0;                // this event's articles now belong to
  uint64_t into = 0;                // this one (ids of merged events are never reused)
};

struct Assignment {
  uint64_t event = 0;               // the event the article now belongs to (ids start at 1)
  double similarity = 0;            // cosine to that event's centroid (0 for a new event)
  bool new_event = false;
  std::vector<EventMerge> merges;   // merges made while adding this article, in order
};

struct EventInfo {
  uint64_t id = 0;
  uint32_t size = 0;                // articles
  std::optional<int64_t> first_day, last_day;
  std::string label;                // title of the article that started it
  bool open = true;                 // false: closed for being idle (still listed)
};

class EventClusterer {
 public:
  explicit EventClusterer(const ClusterOptions& options = {});
  ~EventClusterer();
  EventClusterer(EventClusterer&&) noexcept;
  EventClusterer& operator=(EventClusterer&&) noexcept;

  // Assigns the next article of the stream (call in stream order).
  Assignment Add(const ArticleSignature& signature);
  // For a batch known in advance: counts the document frequencies of `batch` now, so that the
  // first articles are weighed with the batch's IDF rather than that of the few seen so far.
  // The next batch.size() calls of Add then do not count their article again (call Add with
  // the same articles), and the warm-up penalty is off. Call before the first Add.
  void Prime(std::span<const ArticleSignature> batch);
  // The surviving event of an event id (follows merges); 0 for an unknown id.
  uint64_t Resolve(uint64_t event) const;
  // Every surviving event (merged-away ones excluded), by id.
  std::vector<EventInfo> Events() const;
  // One event by id (merged-away ones included, with size 0 after the merge); none if unknown.
  std::optional<EventInfo> Info(uint64_t id) const;
  uint64_t articles_added() const;

  // The whole state, to resume a stream exactly where it stopped; and back.
  std::string SaveState() const;
  static Result<EventClusterer> LoadState(std::string_view bytes, const ClusterOptions& options);

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

struct Event {
  uint64_t id = 0;
  std::vector<uint32_t> articles;   // Article::index, in stream order
  std::string label;
  std::optional<CivilDate> first_date, last_date;
};

struct ClusterResult {
  std::vector<Event> events;              // by size, largest first
  std::vector<uint64_t> event_of;         // per input position: the event id
};

// Signs (in parallel) and assigns articles in the given order (sort by date first for a
// publication-order stream).
ClusterResult ClusterArticles(std::span<const Article> articles, const SignOptions& sign,
                              const ClusterOptions& options);

// B-cubed precision, recall and F1 (Bagga & Baldwin 1998) of a clustering against gold labels.
struct BCubedScore {
  double precision = 0, recall = 0, f1 = 0;
  uint32_t items = 0, gold_clusters = 0, predicted_clusters = 0;
};
BCubedScore ScoreBCubed(std::span<const std::string> gold, std::span<const uint64_t> predicted);

// The labelled stream of `sitrep eval-cluster`: the DUC 2006 events and the Timeline17 topics
// of <shared_dir>/data, cleaned, interleaved in publication order (undated articles last).
// Gold = the DUC cluster id, or the Timeline17 topic (its id without the "_<outlet>" suffix, so
// the five outlets' BP oil spill articles are one story). Fails when the files are missing.
//
// Timeline17's collections were gathered by keyword search and carry articles about something
// else: 188 of SyrianCrisis_reuters' 346 never name Syria or Assad (football, currency markets,
// China's census), and a few per cent of the other collections are empty pages or unrelated
// stories. Such an article stays in the stream (a real crawl has them too) but its label is
// wrong, so `on_topic` marks it and the report also scores the stream without it.
struct LabelledStream {
  std::vector<Article> articles;   // in stream order; Article::index = position
  std::vector<std::string> gold;   // per article
  std::vector<uint8_t> on_topic;   // per article: 0 = a Timeline17 article that never names its
                                   // topic (OnTopic), not scored by the topic-checked figures
  uint32_t undated = 0;
  uint32_t off_topic = 0;
};
// Whether `text` names the Timeline17 topic `topic` ("SyrianCrisis": Syria or Assad; see
// eval.cc for the eight topics' names). True for topics it does not know (DUC events).
bool OnTopic(std::string_view topic, std::string_view text);
Result<LabelledStream> LoadLabelledStream(const std::string& shared_dir);

struct ClusterEvalReport {
  BCubedScore ours, baseline;
  BCubedScore ours_on_topic, baseline_on_topic;  // scored over the on_topic articles only
  double ours_seconds = 0, baseline_seconds = 0;  // clustering only (signing included)
  uint32_t articles = 0, undated = 0, off_topic = 0;
};
// Clusters the stream with `sign`/`options` and with the TF-IDF single-pass baseline, and scores
// both against gold, over every article and over the on-topic ones.
ClusterEvalReport EvaluateClustering(const LabelledStream& stream, const SignOptions& sign,
                                     const ClusterOptions& options, bool run_baseline = true);

}  // namespace sitrep
