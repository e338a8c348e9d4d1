// store: a stream's articles, events and briefs in one SQLite file (WAL), so a run can stop and
// resume, new articles can be added later, and a brief is rebuilt only when its event changed.
//
// Method: one transaction per batch (articles with ids, hashes, offsets and signatures; the
// events they changed; merges; optionally a clusterer checkpoint). WAL with synchronous=NORMAL:
// a process killed at any point (SIGKILL included) loses at most the batch in flight and never
// leaves the file unreadable. Article seq numbers are 1, 2, 3... with no gaps.
// Thread safety: a Store is used from one thread at a time; several processes may read.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/cluster.h"
#include "sitrep/status.h"

namespace sitrep {

struct StoredArticle {
  uint64_t seq = 0;              // 1-based position in the stream
  std::string id;
  std::string source;            // file it came from
  int64_t record = -1;           // JSONL line / WARC record
  uint64_t content_hash = 0;     // of the text, to recognise an article already stored
  std::optional<int64_t> day;    // publication date, days since 1970-01-01
  uint64_t event = 0;            // as assigned; Store::Resolve follows later merges
  int64_t duplicate_of = -1;     // seq of the stored copy it duplicates, or -1
  std::string signature;         // EncodeSignature bytes
  std::string minhash;           // dedupe signature, 8 bytes per hash
  std::string title;
  std::string text;              // kept for briefs; may be empty
  std::string outlet, url, author;  // as read (empty where the input had none)
};

struct StoreBatch {
  std::vector<StoredArticle> articles;  // seq must continue LastSeq() without gaps
  std::vector<EventInfo> events;        // events created or changed by this batch
  std::vector<EventMerge> merges;
  std::string checkpoint;               // EventClusterer::SaveState() after the batch, or empty
};

struct StoredEvent {
  EventInfo info;
  uint64_t version = 0;          // bumped by every batch that changed the event
  uint64_t briefed_version = 0;  // version its stored brief was built from (0 = none)
};

class Store {
 public:
  // Opens or creates the file. Fails (naming the file) when it is not a sitrep store.
  static Result<Store> Open(const std::string& path);
  ~Store();
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;

  // Writes the batch in one transaction: all of it or, on failure or kill, none of it.
  Result<uint64_t> Commit(const StoreBatch& batch);  // returns the new LastSeq()
  uint64_t LastSeq() const;
  // True when an article with this id and content hash is stored.
  Result<bool> Contains(const std::string& id, uint64_t content_hash);

  // The latest checkpoint: the seq it was taken after, and the state bytes.
  Result<std::optional<std::pair<uint64_t, std::string>>> LatestCheckpoint();
  // Articles after `seq`, in order, without text (to replay a checkpoint forward).
  Result<std::vector<StoredArticle>> ArticlesAfter(uint64_t seq, bool with_text = false);
  // The last `count` articles' seq and minhash (to rebuild a dedupe window).
  Result<std::vector<StoredArticle>> RecentArticles(uint64_t count);

  // Follows merges to the surviving event.
  Result<uint64_t> Resolve(uint64_t event);
  Result<std::vector<StoredEvent>> Events();  // surviving events, by id
  // Articles of an event and of every event merged into it, by seq, with text.
  Result<std::vector<StoredArticle>> EventArticles(uint64_t event);
  // Surviving events with at least `min_articles` whose brief is missing or older than them.
  Result<std::vector<uint64_t>> EventsNeedingBrief(uint32_t min_articles);
  Result<uint64_t> PutBrief(uint64_t event, uint64_t version, const std::string& markdown,
                            const std::string& json);
  Result<std::optional<std::string>> BriefMarkdown(uint64_t event);

  // SQLite's integrity check; "ok" when the file is sound.
  Result<std::string> CheckIntegrity();

 private:
  struct Rep;
  explicit Store(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace sitrep
