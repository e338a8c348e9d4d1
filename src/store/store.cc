// Store: SQLite (WAL) tables for articles, events, merges, checkpoints and briefs.
#include "sitrep/store.h"

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace sitrep {
namespace {

// 2: articles carry outlet, url and author (the brief's citations name them); a version 1
// store is upgraded in place when opened (its articles get empty ones).
constexpr int kSchemaVersion = 2;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, record INTEGER NOT NULL,
  content_hash INTEGER NOT NULL, day INTEGER, event INTEGER NOT NULL,
  duplicate_of INTEGER NOT NULL, signature BLOB NOT NULL, minhash BLOB NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, outlet TEXT NOT NULL DEFAULT '',
  url TEXT NOT NULL DEFAULT '', author TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS articles_key ON articles (id, content_hash);
CREATE INDEX IF NOT EXISTS articles_event ON articles (event);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, merged_into INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL,
  first_day INTEGER, last_day INTEGER, label TEXT NOT NULL, open INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS events_merged ON events (merged_into);
CREATE TABLE IF NOT EXISTS checkpoints (seq INTEGER PRIMARY KEY, state BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS briefs (
  event INTEGER PRIMARY KEY, version INTEGER NOT NULL, markdown TEXT NOT NULL,
  json TEXT NOT NULL);
)sql";

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  bool ok() const { return rc_ == SQLITE_OK; }
  sqlite3_stmt* get() { return stmt_; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, const std::optional<int64_t>& v) {
    if (v) Bind(i, *v); else sqlite3_bind_null(stmt_, i);
  }
  int Step() { return sqlite3_step(stmt_); }
  int64_t Int(int c) { return sqlite3_column_int64(stmt_, c); }
  std::optional<int64_t> OptInt(int c) {
    if (sqlite3_column_type(stmt_, c) == SQLITE_NULL) return std::nullopt;
    return Int(c);
  }
  std::string Text(int c) {
    const void* p = sqlite3_column_blob(stmt_, c);
    int n = sqlite3_column_bytes(stmt_, c);
    return p == nullptr ? std::string() : std::string(static_cast<const char*>(p), n);
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_ERROR;
};

}  // namespace

struct Store::Rep {
  std::string path;
  sqlite3* db = nullptr;
  uint64_t last_seq = 0;
  ~Rep() {
    if (db != nullptr) sqlite3_close(db);
  }

  tl::unexpected<Error> Fail(const std::string& what) const {
    return MakeError(ErrorCode::kUnreadable, path, what + ": " + sqlite3_errmsg(db),
                     "check that the file is a sitrep store and the disk is writable");
  }
  bool Exec(const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
};

Store::Store(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

Result<Store> Store::Open(const std::string& path) {
  auto rep = std::make_unique<Rep>();
  rep->path = path;
  if (sqlite3_open_v2(path.c_str(), &rep->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                      nullptr) != SQLITE_OK) {
    return MakeError(ErrorCode::kUnreadable, path, "cannot open the store",
                     "check the path and its permissions");
  }
  sqlite3_busy_timeout(rep->db, 10000);
  // WAL + synchronous=NORMAL: a committed transaction survives the process being killed; only a
  // power loss can take back the last commits, and never the file's consistency.
  if (!rep->Exec("PRAGMA journal_mode=WAL") || !rep->Exec("PRAGMA synchronous=NORMAL")) {
    return MakeError(ErrorCode::kMalformed, path, "not a SQLite database",
                     "give --store a new file name or an existing sitrep store");
  }
  if (!rep->Exec(kSchema)) return rep->Fail("cannot create the store's tables");
  {
    Statement get(rep->db, "SELECT value FROM meta WHERE key='schema_version'");
    if (get.ok() && get.Step() == SQLITE_ROW) {
      if (get.Text(0) == "1") {
        // Columns added by ALTER TABLE go last, which is why articles are always written and
        // read by column name.
        if (!rep->Exec("BEGIN IMMEDIATE;"
                       "ALTER TABLE articles ADD COLUMN outlet TEXT NOT NULL DEFAULT '';"
                       "ALTER TABLE articles ADD COLUMN url TEXT NOT NULL DEFAULT '';"
                       "ALTER TABLE articles ADD COLUMN author TEXT NOT NULL DEFAULT '';"
                       "UPDATE meta SET value='2' WHERE key='schema_version';"
                       "COMMIT")) {
          rep->Exec("ROLLBACK");
          return rep->Fail("cannot upgrade the store from schema version 1");
        }
      } else if (get.Text(0) != std::to_string(kSchemaVersion)) {
        return MakeError(ErrorCode::kUnsupported, path,
                         "store schema version " + get.Text(0) + " is not " +
                             std::to_string(kSchemaVersion),
                         "use the sitrep version that wrote it, or start a new store");
      }
    } else {
      Statement put(rep->db, "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)");
      put.Bind(1, std::to_string(kSchemaVersion));
      if (put.Step() != SQLITE_DONE) return rep->Fail("cannot write the schema version");
    }
  }
  Statement last(rep->db, "SELECT COALESCE(MAX(seq), 0) FROM articles");
  if (!last.ok() || last.Step() != SQLITE_ROW) return rep->Fail("cannot read the articles");
  rep->last_seq = static_cast<uint64_t>(last.Int(0));
  return Store(std::move(rep));
}

uint64_t Store::LastSeq() const { return rep_->last_seq; }

Result<uint64_t> Store::Commit(const StoreBatch& batch) {
  Rep& r = *rep_;
  uint64_t expect = r.last_seq + 1;
  for (const StoredArticle& a : batch.articles) {
    if (a.seq != expect++) {
      Error e;
      e.code = ErrorCode::kInvalidArgument;
      e.source = r.path;
      e.record = static_cast<int64_t>(a.seq);
      e.message = "article seq " + std::to_string(a.seq) + " does not continue the store (last " +
                  std::to_string(r.last_seq) + ")";
      e.hint = "resume from Store::LastSeq()";
      return tl::unexpected<Error>(std::move(e));
    }
  }
  if (!r.Exec("BEGIN IMMEDIATE")) return r.Fail("cannot start a transaction");
  auto rollback = [&](const std::string& what) {
    auto err = r.Fail(what);
    r.Exec("ROLLBACK");
    return err;
  };
  {
    Statement ins(r.db,
                  "INSERT INTO articles (seq, id, source, record, content_hash, day, event, "
                  "duplicate_of, signature, minhash, title, text, outlet, url, author) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const StoredArticle& a : batch.articles) {
      ins.Reset();
      ins.Bind(1, static_cast<int64_t>(a.seq));
      ins.Bind(2, std::string_view(a.id));
      ins.Bind(3, std::string_view(a.source));
      ins.Bind(4, a.record);
      ins.Bind(5, static_cast<int64_t>(a.content_hash));
      ins.Bind(6, a.day);
      ins.Bind(7, static_cast<int64_t>(a.event));
      ins.Bind(8, a.duplicate_of);
      ins.BindBlob(9, a.signature);
      ins.BindBlob(10, a.minhash);
      ins.Bind(11, std::string_view(a.title));
      ins.Bind(12, std::string_view(a.text));
      ins.Bind(13, std::string_view(a.outlet));
      ins.Bind(14, std::string_view(a.url));
      ins.Bind(15, std::string_view(a.author));
      if (ins.Step() != SQLITE_DONE) return rollback("cannot store article " + a.id);
    }
    Statement up(r.db,
                 "INSERT INTO events (id, size, first_day, last_day, label, open) "
                 "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET size=excluded.size, "
                 "first_day=excluded.first_day, last_day=excluded.last_day, "
                 "open=excluded.open, version=version+1");
    for (const EventInfo& e : batch.events) {
      up.Reset();
      up.Bind(1, static_cast<int64_t>(e.id));
      up.Bind(2, static_cast<int64_t>(e.size));
      up.Bind(3, e.first_day);
      up.Bind(4, e.last_day);
      up.Bind(5, std::string_view(e.label));
      up.Bind(6, static_cast<int64_t>(e.open));
      if (up.Step() != SQLITE_DONE) return rollback("cannot store event");
    }
    Statement merge(r.db, "UPDATE events SET merged_into=?, open=0 WHERE id=?");
    for (const EventMerge& m : batch.merges) {
      merge.Reset();
      merge.Bind(1, static_cast<int64_t>(m.into));
      merge.Bind(2, static_cast<int64_t>(m.from));
      if (merge.Step() != SQLITE_DONE) return rollback("cannot store a merge");
    }
    if (!batch.checkpoint.empty()) {
      Statement cp(r.db, "INSERT OR REPLACE INTO checkpoints VALUES (?, ?)");
      cp.Bind(1, static_cast<int64_t>(r.last_seq + batch.articles.size()));
      cp.BindBlob(2, batch.checkpoint);
      if (cp.Step() != SQLITE_DONE) return rollback("cannot store a checkpoint");
      // Older checkpoints are superseded; keep the file from growing with them.
      Statement old(r.db, "DELETE FROM checkpoints WHERE seq < ?");
      old.Bind(1, static_cast<int64_t>(r.last_seq + batch.articles.size()));
      if (old.Step() != SQLITE_DONE) return rollback("cannot drop old checkpoints");
    }
  }
  if (!r.Exec("COMMIT")) return rollback("cannot commit the batch");
  r.last_seq += batch.articles.size();
  return r.last_seq;
}

Result<bool> Store::Contains(const std::string& id, uint64_t content_hash) {
  Statement q(rep_->db, "SELECT 1 FROM articles WHERE id=? AND content_hash=? LIMIT 1");
  q.Bind(1, std::string_view(id));
  q.Bind(2, static_cast<int64_t>(content_hash));
  int rc = q.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rep_->Fail("cannot look up an article");
  return rc == SQLITE_ROW;
}

Result<std::optional<std::pair<uint64_t, std::string>>> Store::LatestCheckpoint() {
  Statement q(rep_->db, "SELECT seq, state FROM checkpoints ORDER BY seq DESC LIMIT 1");
  int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<std::pair<uint64_t, std::string>>();
  if (rc != SQLITE_ROW) return rep_->Fail("cannot read the checkpoint");
  return std::optional<std::pair<uint64_t, std::string>>(
      std::make_pair(static_cast<uint64_t>(q.Int(0)), q.Text(1)));
}

namespace {
constexpr const char* kArticleColumns =
    "seq, id, source, record, content_hash, day, event, duplicate_of, signature, minhash, title, "
    "outlet, url, author";

StoredArticle ReadArticle(Statement& q, bool with_text) {
  StoredArticle a;
  a.seq = static_cast<uint64_t>(q.Int(0));
  a.id = q.Text(1);
  a.source = q.Text(2);
  a.record = q.Int(3);
  a.content_hash = static_cast<uint64_t>(q.Int(4));
  a.day = q.OptInt(5);
  a.event = static_cast<uint64_t>(q.Int(6));
  a.duplicate_of = q.Int(7);
  a.signature = q.Text(8);
  a.minhash = q.Text(9);
  a.title = q.Text(10);
  a.outlet = q.Text(11);
  a.url = q.Text(12);
  a.author = q.Text(13);
  if (with_text) a.text = q.Text(14);
  return a;
}

Result<std::vector<StoredArticle>> ReadArticles(Statement& q, bool with_text, sqlite3* db,
                                                 const std::string& path) {
  std::vector<StoredArticle> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(ReadArticle(q, with_text));
  if (rc != SQLITE_DONE) {
    return MakeError(ErrorCode::kUnreadable, path,
                     std::string("cannot read articles: ") + sqlite3_errmsg(db),
                     "check that the file is a sitrep store");
  }
  return out;
}
}  // namespace

Result<std::vector<StoredArticle>> Store::ArticlesAfter(uint64_t seq, bool with_text) {
  std::string sql = std::string("SELECT ") + kArticleColumns +
                    (with_text ? ", text" : "") + " FROM articles WHERE seq > ? ORDER BY seq";
  Statement q(rep_->db, sql.c_str());
  q.Bind(1, static_cast<int64_t>(seq));
  return ReadArticles(q, with_text, rep_->db, rep_->path);
}

Result<std::vector<StoredArticle>> Store::RecentArticles(uint64_t count) {
  uint64_t from = rep_->last_seq > count ? rep_->last_seq - count : 0;
  return ArticlesAfter(from, false);
}

Result<uint64_t> Store::Resolve(uint64_t event) {
  Statement q(rep_->db, "SELECT merged_into FROM events WHERE id=?");
  for (int guard = 0; guard < 1000000; ++guard) {
    q.Reset();
    q.Bind(1, static_cast<int64_t>(event));
    int rc = q.Step();
    if (rc == SQLITE_DONE) return event;
    if (rc != SQLITE_ROW) return rep_->Fail("cannot read events");
    uint64_t into = static_cast<uint64_t>(q.Int(0));
    if (into == 0) return event;
    event = into;
  }
  return MakeError(ErrorCode::kMalformed, rep_->path, "event merges form a cycle",
                   "the store is damaged; rebuild it from the inputs");
}

Result<std::vector<StoredEvent>> Store::Events() {
  Statement q(rep_->db,
              "SELECT e.id, e.size, e.first_day, e.last_day, e.label, e.open, e.version, "
              "COALESCE(b.version, 0) FROM events e LEFT JOIN briefs b ON b.event = e.id "
              "WHERE e.merged_into = 0 ORDER BY e.id");
  std::vector<StoredEvent> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    StoredEvent e;
    e.info.id = static_cast<uint64_t>(q.Int(0));
    e.info.size = static_cast<uint32_t>(q.Int(1));
    e.info.first_day = q.OptInt(2);
    e.info.last_day = q.OptInt(3);
    e.info.label = q.Text(4);
    e.info.open = q.Int(5) != 0;
    e.version = static_cast<uint64_t>(q.Int(6));
    e.briefed_version = static_cast<uint64_t>(q.Int(7));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return rep_->Fail("cannot read events");
  return out;
}

Result<std::vector<StoredArticle>> Store::EventArticles(uint64_t event) {
  std::string sql = std::string(
                        "WITH RECURSIVE members(id) AS (SELECT ? UNION "
                        "SELECT e.id FROM events e JOIN members m ON e.merged_into = m.id) "
                        "SELECT ") +
                    kArticleColumns +
                    ", text FROM articles WHERE event IN (SELECT id FROM members) ORDER BY seq";
  Statement q(rep_->db, sql.c_str());
  q.Bind(1, static_cast<int64_t>(event));
  return ReadArticles(q, true, rep_->db, rep_->path);
}

Result<std::vector<uint64_t>> Store::EventsNeedingBrief(uint32_t min_articles) {
  Statement q(rep_->db,
              "SELECT e.id FROM events e LEFT JOIN briefs b ON b.event = e.id "
              "WHERE e.merged_into = 0 AND e.size >= ? AND (b.version IS NULL OR b.version < "
              "e.version) ORDER BY e.id");
  q.Bind(1, static_cast<int64_t>(min_articles));
  std::vector<uint64_t> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out.push_back(static_cast<uint64_t>(q.Int(0)));
  if (rc != SQLITE_DONE) return rep_->Fail("cannot read events");
  return out;
}

Result<uint64_t> Store::PutBrief(uint64_t event, uint64_t version, const std::string& markdown,
                                 const std::string& json) {
  Statement q(rep_->db, "INSERT OR REPLACE INTO briefs VALUES (?, ?, ?, ?)");
  q.Bind(1, static_cast<int64_t>(event));
  q.Bind(2, static_cast<int64_t>(version));
  q.Bind(3, std::string_view(markdown));
  q.Bind(4, std::string_view(json));
  if (q.Step() != SQLITE_DONE) return rep_->Fail("cannot store a brief");
  return event;
}

Result<std::optional<std::string>> Store::BriefMarkdown(uint64_t event) {
  Statement q(rep_->db, "SELECT markdown FROM briefs WHERE event=?");
  q.Bind(1, static_cast<int64_t>(event));
  int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<std::string>();
  if (rc != SQLITE_ROW) return rep_->Fail("cannot read a brief");
  return std::optional<std::string>(q.Text(0));
}

Result<std::string> Store::CheckIntegrity() {
  Statement q(rep_->db, "PRAGMA integrity_check");
  if (q.Step() != SQLITE_ROW) return rep_->Fail("integrity check failed to run");
  return q.Text(0);
}

}  // namespace sitrep
