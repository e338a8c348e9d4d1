// stream: a crawl of articles to events and briefs on every core, in bounded memory, resumable.
//
// Method: a oneTBB parallel_pipeline with a fixed number of chunks in flight (backpressure):
//   read (serial: files, folders, stdin; JSONL cut into chunks of lines)
//   -> extract + clean + sign (parallel: IngestBytes, Clean, MinHash, SignArticle)
//   -> dedupe + assign + commit (serial, in input order: online MinHash LSH over a window of
//      recent articles, EventClusterer, one Store transaction per chunk).
// Then every event that changed since its last brief is briefed (BuildBrief, in parallel).
// Invariants: results do not depend on the thread count; memory is bounded by the options
// (chunks in flight, dedupe window, open events), not by the input; with a store, a killed run
// resumes where its last committed chunk ended and ends with the same events as an
// uninterrupted run. Thread safety: RunStream may be called from any thread, one run per store.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sitrep/brief.h"
#include "sitrep/clean.h"
#include "sitrep/cluster.h"
#include "sitrep/dedupe.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep {

struct StreamOptions {
  IngestOptions ingest;
  CleanOptions clean;
  DedupeOptions dedupe;
  SignOptions sign;
  ClusterOptions cluster;
  uint32_t threads = 0;                 // 0 = every core
  uint32_t chunk_bytes = 1u << 20;      // JSONL is cut into chunks of about this many bytes
  uint32_t chunks_in_flight = 0;        // 0 = 2 per thread
  bool run_clean = true;
  bool run_dedupe = true;
  uint32_t dedupe_window_articles = 20000;  // near-copies are looked for among these
  std::string store_path;               // "" = no store (nothing survives the run)
  uint32_t checkpoint_every_chunks = 64;
  bool keep_text = true;                // store texts, so events can be briefed later
  bool brief = false;                   // brief every changed event after the stream
  BriefOptions brief_options;
  uint32_t min_brief_articles = 2;      // smaller events get no brief
};

struct StreamReport {
  uint64_t inputs = 0;           // files (and stdin) read
  uint64_t bytes = 0;            // input bytes read
  uint64_t articles = 0;         // articles assigned in this run
  uint64_t already_stored = 0;   // skipped: the store holds them from an earlier run
  uint64_t duplicates = 0;       // near-copies of an earlier article (given its event)
  uint64_t events_created = 0;
  uint64_t merges = 0;
  uint64_t briefs_written = 0;
  uint64_t resumed_after = 0;    // the store's last article when the run started
  uint64_t problems_total = 0;
  std::vector<Error> problems;   // the first 1000 problems (rejected inputs and records)
  double seconds = 0;
  uint64_t peak_rss_bytes = 0;   // of the process, at the end
};

// What the caller sees as the stream runs (called from one thread, in input order).
struct StreamSink {
  // seq: 1-based position in the store (or in this run without one); duplicate_of: seq of the
  // article it copies, or -1.
  std::function<void(uint64_t seq, const Article& article, const Assignment& assignment,
                     int64_t duplicate_of)>
      on_article;
  std::function<void(uint64_t event, const Brief& brief)> on_brief;
};

Result<StreamReport> RunStream(const std::vector<std::string>& paths, const StreamOptions& options,
                               const StreamSink& sink = {});

// Briefs every event of the store that changed since its brief (or has none) and stores the
// Markdown and JSON; calls sink.on_brief for each. Used by RunStream; callable on its own.
Result<uint64_t> BriefChangedEvents(const std::string& store_path, const StreamOptions& options,
                                    const StreamSink& sink = {});

// In memory, for a folder or a file of articles (`sitrep brief --events`); a crawl goes through
// RunStream and a store. The articles are cleaned (a copy, for signing), put in publication order
// (undated last), assigned with the same SignArticle + EventClusterer as RunStream, and every
// event of at least min_articles articles is briefed (BuildBrief on its own articles, as read,
// in parallel). Fails when no article was read.
struct EventBriefOptions {
  CleanOptions clean;
  SignOptions sign;
  ClusterOptions cluster = [] {
    ClusterOptions o;
    o.batch_idf = true;  // the whole folder is known: its own IDF from the first article
    return o;
  }();
  BriefOptions brief;
  uint32_t min_articles = 1;   // smaller events are listed but get no brief
  uint32_t threads = 0;        // 0 = every core
};

struct EventBrief {
  Event event;                 // Event::articles: indexes into the input's articles
  std::vector<std::string> article_ids;  // the same articles' ids, in stream order
  Result<Brief> brief;         // an error when the event is too small or has no usable sentence
};

// Events by size (largest first), as ClusterArticles orders them.
Result<std::vector<EventBrief>> BriefEvents(IngestResult input, const EventBriefOptions& options);

}  // namespace sitrep
