// RunStream: the bounded parallel pipeline read -> extract/clean/sign -> dedupe/assign/commit.
#include "sitrep/stream.h"

#include <sys/resource.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <cstring>
#include <set>
#include <unordered_map>

#include <tbb/parallel_for.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include "sitrep/render.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMinDedupeBytes = 100;

struct Chunk {
  std::string source;
  int64_t first_record = 1;   // JSONL line number of the chunk's first line
  int64_t first_offset = 0;   // byte offset of the chunk in its file
  std::string bytes;
  bool jsonl = false;
  // Filled by the parallel stage.
  IngestResult result;
  std::vector<ArticleSignature> signatures;
  std::vector<MinHashSignature> minhashes;
  std::vector<uint64_t> hashes;
};

bool IsLineFormat(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower == "-" || lower.ends_with(".jsonl") || lower.ends_with(".ndjson");
}

// Yields chunks: a JSONL file (or stdin) as runs of whole lines, any other file whole.
class InputReader {
 public:
  InputReader(const std::vector<std::string>& paths, const StreamOptions& options,
              StreamReport& report)
      : options_(options), report_(report) {
    for (auto it = paths.rbegin(); it != paths.rend(); ++it) pending_.push_back(*it);
  }

  std::unique_ptr<Chunk> Next() {
    while (true) {
      if (line_input_ != nullptr) {
        if (auto chunk = NextLines()) return chunk;
        continue;
      }
      if (pending_.empty()) return nullptr;
      std::string path = pending_.back();
      pending_.pop_back();
      if (path != "-" && fs::is_directory(path)) {
        std::vector<std::string> files;
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(path, ec)) files.push_back(entry.path());
        std::sort(files.rbegin(), files.rend());
        for (auto& f : files) pending_.push_back(std::move(f));
        continue;
      }
      ++report_.inputs;
      if (IsLineFormat(path)) {
        if (path == "-") {
          line_input_ = &std::cin;
        } else {
          file_ = std::make_unique<std::ifstream>(path, std::ios::binary);
          if (!*file_) {
            Problem(ErrorCode::kNotFound, path, "cannot open the file", "check the path");
            file_.reset();
            continue;
          }
          line_input_ = file_.get();
        }
        line_source_ = path;
        line_ = 0;
        offset_ = 0;
        continue;
      }
      std::error_code ec;
      uint64_t size = fs::file_size(path, ec);
      if (ec) {
        Problem(ErrorCode::kNotFound, path, "cannot read the file", "check the path");
        continue;
      }
      if (size > options_.ingest.max_file_bytes) {
        Problem(ErrorCode::kTooLarge, path, "the file is larger than max_file_bytes",
                "split it or raise the limit");
        continue;
      }
      auto chunk = std::make_unique<Chunk>();
      chunk->source = path;
      chunk->bytes.resize(size);
      std::ifstream in(path, std::ios::binary);
      in.read(chunk->bytes.data(), static_cast<std::streamsize>(size));
      chunk->bytes.resize(static_cast<size_t>(in.gcount()));
      report_.bytes += chunk->bytes.size();
      return chunk;
    }
  }

 private:
  std::unique_ptr<Chunk> NextLines() {
    auto chunk = std::make_unique<Chunk>();
    chunk->source = line_source_;
    chunk->jsonl = true;
    chunk->first_record = line_ + 1;
    chunk->first_offset = offset_;
    std::string line;
    while (chunk->bytes.size() < options_.chunk_bytes && std::getline(*line_input_, line)) {
      ++line_;
      offset_ += static_cast<int64_t>(line.size()) + 1;
      chunk->bytes += line;
      chunk->bytes += '\n';
    }
    if (chunk->bytes.empty()) {
      line_input_ = nullptr;
      file_.reset();
      return nullptr;
    }
    report_.bytes += chunk->bytes.size();
    return chunk;
  }

  void Problem(ErrorCode code, const std::string& path, std::string message, std::string hint) {
    Error e;
    e.code = code;
    e.source = path;
    e.message = std::move(message);
    e.hint = std::move(hint);
    ++report_.problems_total;
    if (report_.problems.size() < 1000) report_.problems.push_back(std::move(e));
  }

  const StreamOptions& options_;
  StreamReport& report_;
  std::vector<std::string> pending_;
  std::istream* line_input_ = nullptr;
  std::unique_ptr<std::ifstream> file_;
  std::string line_source_;
  int64_t line_ = 0;
  int64_t offset_ = 0;
};

void ProcessChunk(Chunk& chunk, const StreamOptions& options) {
  IngestBytes(chunk.source, chunk.bytes, options.ingest, chunk.result);
  // IngestBytes numbers lines and offsets from the chunk's start; make them the file's.
  if (chunk.jsonl) {
    for (Article& a : chunk.result.articles) {
      if (a.record >= 1) a.record += chunk.first_record - 1;
    }
    for (Error& e : chunk.result.report.problems) {
      if (e.record >= 1) e.record += chunk.first_record - 1;
      if (e.offset >= 0) e.offset += chunk.first_offset;
    }
  }
  std::string().swap(chunk.bytes);
  auto& articles = chunk.result.articles;
  if (options.run_clean) Clean(articles, options.clean);
  chunk.signatures.resize(articles.size());
  chunk.minhashes.resize(articles.size());
  chunk.hashes.resize(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    chunk.hashes[i] = XXH3_64bits(a.text.data(), a.text.size());
    if (options.run_dedupe) {
      // An article the cleaner emptied is compared whole; one with almost no words is not
      // compared at all (every empty text would look like a copy of every other).
      std::string body = BodyText(a);
      std::string_view text = body.size() >= kMinDedupeBytes ? std::string_view(body) : a.text;
      if (text.size() >= kMinDedupeBytes) chunk.minhashes[i] = Sign(text, options.dedupe);
    }
    chunk.signatures[i] = SignArticle(a, options.sign);
  }
}

// Near-copy lookup over the most recent articles: MinHash LSH bands, then the estimated Jaccard.
class DedupeWindow {
 public:
  DedupeWindow(const DedupeOptions& options, uint32_t window)
      : options_(options), window_(std::max<uint32_t>(1, window)) {
    bands_.resize(std::max<uint32_t>(1, options.bands));
  }

  // The seq of an earlier near copy (or -1); then remembers this article.
  int64_t FindAndAdd(uint64_t seq, MinHashSignature signature, uint64_t event) {
    int64_t found = -1;
    std::vector<uint64_t> keys = BandKeys(signature);
    if (!keys.empty()) {
      std::set<uint64_t> tried;
      for (size_t b = 0; b < keys.size() && found < 0; ++b) {
        auto it = bands_[b].find(keys[b]);
        if (it == bands_[b].end() || !tried.insert(it->second).second) continue;
        const Entry* e = Get(it->second);
        if (e != nullptr && EstimateJaccard(signature, e->signature) >= options_.threshold) {
          found = static_cast<int64_t>(it->second);
        }
      }
    }
    Add(seq, std::move(signature), event, keys);
    return found;
  }

  void Add(uint64_t seq, MinHashSignature signature, uint64_t event) {
    std::vector<uint64_t> keys = BandKeys(signature);
    Add(seq, std::move(signature), event, keys);
  }

  uint64_t EventOf(uint64_t seq) const {
    const Entry* e = Get(seq);
    return e == nullptr ? 0 : e->event;
  }

  void SetEvent(uint64_t seq, uint64_t event) {
    if (const Entry* e = Get(seq)) const_cast<Entry*>(e)->event = event;
  }

 private:
  struct Entry {
    uint64_t seq;
    MinHashSignature signature;
    uint64_t event;
    std::vector<uint64_t> keys;
  };

  std::vector<uint64_t> BandKeys(const MinHashSignature& s) const {
    std::vector<uint64_t> keys;
    if (s.empty()) return keys;
    size_t rows = s.size() / bands_.size();
    if (rows == 0) return keys;
    for (size_t b = 0; b < bands_.size(); ++b) {
      keys.push_back(XXH3_64bits(s.data() + b * rows, rows * sizeof(uint64_t)));
    }
    return keys;
  }

  const Entry* Get(uint64_t seq) const {
    if (recent_.empty() || seq < recent_.front().seq || seq > recent_.back().seq) return nullptr;
    const Entry& e = recent_[seq - recent_.front().seq];
    return e.seq == seq ? &e : nullptr;
  }

  void Add(uint64_t seq, MinHashSignature signature, uint64_t event,
           const std::vector<uint64_t>& keys) {
    if (!recent_.empty() && seq != recent_.back().seq + 1) recent_.clear();  // keep seq dense
    for (size_t b = 0; b < keys.size(); ++b) bands_[b][keys[b]] = seq;
    recent_.push_back({seq, std::move(signature), event, keys});
    while (recent_.size() > window_) {
      const Entry& old = recent_.front();
      for (size_t b = 0; b < old.keys.size(); ++b) {
        auto it = bands_[b].find(old.keys[b]);
        if (it != bands_[b].end() && it->second == old.seq) bands_[b].erase(it);
      }
      recent_.pop_front();
    }
  }

  DedupeOptions options_;
  uint32_t window_;
  std::vector<std::unordered_map<uint64_t, uint64_t>> bands_;
  std::deque<Entry> recent_;
};

std::string EncodeMinHash(const MinHashSignature& s) {
  return std::string(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(uint64_t));
}
MinHashSignature DecodeMinHash(const std::string& bytes) {
  MinHashSignature s(bytes.size() / sizeof(uint64_t));
  if (!s.empty()) std::memcpy(s.data(), bytes.data(), s.size() * sizeof(uint64_t));
  return s;
}

uint64_t PeakRssBytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<uint64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace

Result<StreamReport> RunStream(const std::vector<std::string>& paths, const StreamOptions& options,
                               const StreamSink& sink) {
  auto start = std::chrono::steady_clock::now();
  StreamReport report;
  StreamOptions opts = options;
  std::string temp_store;
  if (opts.brief && opts.store_path.empty()) {
    // Briefs need every article of an event; a scratch store keeps them off the heap.
    temp_store = (fs::temp_directory_path() /
                  ("sitrep-stream-" + std::to_string(getpid()) + ".db")).string();
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(temp_store + ext);
    opts.store_path = temp_store;
  }

  std::optional<Store> store;
  EventClusterer clusterer(opts.cluster);
  DedupeWindow window(opts.dedupe, opts.dedupe_window_articles);
  uint64_t next_seq = 0;
  if (!opts.store_path.empty()) {
    auto opened = Store::Open(opts.store_path);
    if (!opened) return tl::unexpected<Error>(opened.error());
    store.emplace(std::move(*opened));
    // Resume: the latest checkpoint, then the articles committed after it, replayed in order.
    auto cp = store->LatestCheckpoint();
    if (!cp) return tl::unexpected<Error>(cp.error());
    uint64_t replay_after = 0;
    if (cp->has_value()) {
      auto loaded = EventClusterer::LoadState((*cp)->second, opts.cluster);
      if (!loaded) return tl::unexpected<Error>(loaded.error());
      clusterer = std::move(*loaded);
      replay_after = (*cp)->first;
    }
    auto replay = store->ArticlesAfter(replay_after);
    if (!replay) return tl::unexpected<Error>(replay.error());
    for (const StoredArticle& a : *replay) {
      if (a.duplicate_of >= 0) continue;  // duplicates were never added to the clusterer
      auto signature = DecodeSignature(a.signature);
      if (!signature) return tl::unexpected<Error>(signature.error());
      clusterer.Add(*signature);
    }
    auto recent = store->RecentArticles(opts.dedupe_window_articles);
    if (!recent) return tl::unexpected<Error>(recent.error());
    for (const StoredArticle& a : *recent) window.Add(a.seq, DecodeMinHash(a.minhash), a.event);
    next_seq = store->LastSeq();
    report.resumed_after = next_seq;
  }

  uint32_t threads = opts.threads != 0 ? opts.threads
                                       : static_cast<uint32_t>(tbb::this_task_arena::max_concurrency());
  size_t in_flight = opts.chunks_in_flight != 0 ? opts.chunks_in_flight : 2 * threads;
  InputReader reader(paths, opts, report);
  std::optional<Error> failure;
  uint64_t chunks_committed = 0;

  auto assign = [&](std::unique_ptr<Chunk> chunk) {
    if (failure) return;
    auto& articles = chunk->result.articles;
    for (Error& e : chunk->result.report.problems) {
      if (!e.fatal) continue;
      ++report.problems_total;
      if (report.problems.size() < 1000) report.problems.push_back(std::move(e));
    }
    StoreBatch batch;
    std::set<uint64_t> changed;
    for (size_t i = 0; i < articles.size(); ++i) {
      const Article& a = articles[i];
      if (store) {
        auto known = store->Contains(a.id, chunk->hashes[i]);
        if (!known) {
          failure = known.error();
          return;
        }
        if (*known) {
          ++report.already_stored;
          continue;
        }
      }
      uint64_t seq = ++next_seq;
      int64_t duplicate_of = -1;
      Assignment assignment;
      std::string minhash_bytes;
      if (opts.run_dedupe) {
        if (store) minhash_bytes = EncodeMinHash(chunk->minhashes[i]);
        duplicate_of = window.FindAndAdd(seq, std::move(chunk->minhashes[i]), 0);
      }
      if (duplicate_of >= 0) {
        // A copy belongs to its original's event and adds no evidence to the clusterer.
        ++report.duplicates;
        assignment.event = clusterer.Resolve(window.EventOf(static_cast<uint64_t>(duplicate_of)));
      } else {
        assignment = clusterer.Add(chunk->signatures[i]);
        if (assignment.new_event) ++report.events_created;
        report.merges += assignment.merges.size();
      }
      if (opts.run_dedupe) window.SetEvent(seq, assignment.event);  // for later copies
      ++report.articles;
      changed.insert(assignment.event);
      if (sink.on_article) sink.on_article(seq, a, assignment, duplicate_of);
      if (store) {
        StoredArticle s;
        s.seq = seq;
        s.id = a.id;
        s.source = a.path;
        s.record = a.record;
        s.content_hash = chunk->hashes[i];
        if (a.date && a.date->IsComplete()) s.day = a.date->ToDays();
        s.event = assignment.event;
        s.duplicate_of = duplicate_of;
        s.signature = EncodeSignature(chunk->signatures[i]);
        s.minhash = std::move(minhash_bytes);
        s.title = a.title;
        s.outlet = a.outlet;
        s.url = a.url;
        s.author = a.author;
        if (opts.keep_text) s.text = a.text;
        for (const EventMerge& m : assignment.merges) {
          batch.merges.push_back(m);
          changed.insert(m.into);
        }
        batch.articles.push_back(std::move(s));
      }
    }
    if (!store) return;
    for (uint64_t id : changed) {
      uint64_t alive = clusterer.Resolve(id);
      if (auto info = clusterer.Info(alive)) batch.events.push_back(*info);
    }
    ++chunks_committed;
    if (opts.checkpoint_every_chunks != 0 && chunks_committed % opts.checkpoint_every_chunks == 0) {
      batch.checkpoint = clusterer.SaveState();
    }
    if (auto committed = store->Commit(batch); !committed) failure = committed.error();
  };

  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        in_flight,
        tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order,
                                       [&](tbb::flow_control& fc) -> Chunk* {
                                         std::unique_ptr<Chunk> chunk;
                                         if (!failure) chunk = reader.Next();
                                         if (!chunk) {
                                           fc.stop();
                                           return nullptr;
                                         }
                                         return chunk.release();
                                       }) &
            tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel,
                                             [&](Chunk* chunk) {
                                               ProcessChunk(*chunk, opts);
                                               return chunk;
                                             }) &
            tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order,
                                           [&](Chunk* chunk) {
                                             assign(std::unique_ptr<Chunk>(chunk));
                                           }));
  });
  if (failure) return tl::unexpected<Error>(*failure);
  if (store) {
    // A final checkpoint, so the next run (new articles tomorrow) starts without replay.
    StoreBatch last;
    last.checkpoint = clusterer.SaveState();
    if (auto committed = store->Commit(last); !committed) {
      return tl::unexpected<Error>(committed.error());
    }
  }
  store.reset();
  if (opts.brief) {
    auto briefs = BriefChangedEvents(opts.store_path, opts, sink);
    if (!briefs) return tl::unexpected<Error>(briefs.error());
    report.briefs_written = *briefs;
  }
  if (!temp_store.empty()) {
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(temp_store + ext);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.peak_rss_bytes = PeakRssBytes();
  return report;
}

Result<uint64_t> BriefChangedEvents(const std::string& store_path, const StreamOptions& options,
                                    const StreamSink& sink) {
  auto store = Store::Open(store_path);
  if (!store) return tl::unexpected<Error>(store.error());
  auto ids = store->EventsNeedingBrief(options.min_brief_articles);
  if (!ids) return tl::unexpected<Error>(ids.error());
  auto events = store->Events();
  if (!events) return tl::unexpected<Error>(events.error());
  std::unordered_map<uint64_t, uint64_t> version;
  for (const StoredEvent& e : *events) version[e.info.id] = e.version;

  uint32_t threads = options.threads != 0
                         ? options.threads
                         : static_cast<uint32_t>(tbb::this_task_arena::max_concurrency());
  size_t group = 2 * static_cast<size_t>(threads);
  uint64_t written = 0;
  tbb::task_arena arena(static_cast<int>(threads));
  // Events are read from the store a group at a time (the store is single-threaded), briefed in
  // parallel, and written back; memory holds one group of events, not the corpus.
  for (size_t begin = 0; begin < ids->size(); begin += group) {
    size_t end = std::min(ids->size(), begin + group);
    std::vector<IngestResult> inputs(end - begin);
    for (size_t k = begin; k < end; ++k) {
      auto members = store->EventArticles((*ids)[k]);
      if (!members) return tl::unexpected<Error>(members.error());
      IngestResult& input = inputs[k - begin];
      for (StoredArticle& m : *members) {
        if (m.duplicate_of >= 0 || m.text.empty()) continue;
        Article a;
        a.index = static_cast<uint32_t>(input.articles.size());
        a.id = std::move(m.id);
        a.path = std::move(m.source);
        a.record = m.record;
        a.title = std::move(m.title);
        a.outlet = std::move(m.outlet);
        a.url = std::move(m.url);
        a.author = std::move(m.author);
        a.text = std::move(m.text);
        if (m.day) a.date = CivilDate::FromDays(*m.day);
        a.event_id = std::to_string((*ids)[k]);
        input.articles.push_back(std::move(a));
      }
      input.report.articles_read = static_cast<uint32_t>(input.articles.size());
    }
    std::vector<std::optional<Brief>> briefs(end - begin);
    std::vector<std::string> markdown(end - begin), json(end - begin);
    arena.execute([&] {
      tbb::parallel_for(size_t{0}, end - begin, [&](size_t k) {
        auto brief = BuildBrief(std::move(inputs[k]), options.brief_options);
        if (!brief) return;  // an event with no usable sentence gets no brief
        markdown[k] = RenderMarkdown(*brief, RenderOptions{});
        json[k] = RenderJson(*brief, RenderOptions{});
        briefs[k] = std::move(*brief);
      });
    });
    for (size_t k = 0; k < end - begin; ++k) {
      if (!briefs[k]) continue;
      uint64_t id = (*ids)[begin + k];
      auto put = store->PutBrief(id, version[id], markdown[k], json[k]);
      if (!put) return tl::unexpected<Error>(put.error());
      ++written;
      if (sink.on_brief) sink.on_brief(id, *briefs[k]);
    }
  }
  return written;
}

Result<std::vector<EventBrief>> BriefEvents(IngestResult input, const EventBriefOptions& options) {
  auto& articles = input.articles;
  if (articles.empty()) {
    return MakeError(ErrorCode::kEmpty, "input", "no article was read",
                     "check the paths and the problems reported for them");
  }
  // Publication order, undated last (stable: input order among equals), as a stream arrives.
  std::vector<uint32_t> order(articles.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto day = [&](uint32_t i) {
    const auto& d = articles[i].date;
    return d && d->IsComplete() ? d->ToDays() : INT64_MAX;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return day(a) < day(b); });
  // Signing reads the kept blocks; BuildBrief cleans each event's articles again on its own
  // (cross-article features such as repeated lines belong to the event), so clean a copy.
  std::vector<Article> cleaned;
  cleaned.reserve(articles.size());
  for (uint32_t i : order) {
    cleaned.push_back(articles[i]);
    cleaned.back().index = i;
  }
  uint32_t threads = options.threads != 0
                         ? options.threads
                         : static_cast<uint32_t>(tbb::this_task_arena::max_concurrency());
  tbb::task_arena arena(static_cast<int>(threads));
  ClusterResult clusters;
  arena.execute([&] {
    Clean(cleaned, options.clean);
    clusters = ClusterArticles(cleaned, options.sign, options.cluster);
  });
  std::vector<Article>().swap(cleaned);

  std::vector<EventBrief> out(clusters.events.size());
  std::vector<IngestResult> inputs(clusters.events.size());
  for (size_t k = 0; k < clusters.events.size(); ++k) {
    out[k].event = std::move(clusters.events[k]);
    IngestResult& in = inputs[k];
    for (uint32_t i : out[k].event.articles) {  // Article::index = input position (set above)
      out[k].article_ids.push_back(articles[i].id);
      Article a = std::move(articles[i]);
      a.index = static_cast<uint32_t>(in.articles.size());
      in.articles.push_back(std::move(a));
    }
    in.report.inputs_seen = static_cast<uint32_t>(in.articles.size());
    in.report.articles_read = static_cast<uint32_t>(in.articles.size());
  }
  arena.execute([&] {
    tbb::parallel_for(size_t{0}, out.size(), [&](size_t k) {
      if (inputs[k].articles.size() < options.min_articles) {
        out[k].brief = MakeError(ErrorCode::kEmpty, "event " + std::to_string(out[k].event.id),
                                 "fewer articles than min_articles", "lower --min-articles");
        return;
      }
      out[k].brief = BuildBrief(std::move(inputs[k]), options.brief);
    });
  });
  return out;
}

}  // namespace sitrep
