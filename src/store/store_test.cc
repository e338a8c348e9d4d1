#include "sitrep/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

namespace sitrep {
namespace {

std::string TempPath(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("sitrep_store_test_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto path = dir / name;
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + ext);
  return path.string();
}

StoredArticle MakeArticle(uint64_t seq, uint64_t event) {
  StoredArticle a;
  a.seq = seq;
  a.id = "doc-" + std::to_string(seq);
  a.source = "feed.jsonl";
  a.record = static_cast<int64_t>(seq);
  a.content_hash = seq * 7919;
  a.day = 15000 + static_cast<int64_t>(seq / 10);
  a.event = event;
  a.signature = std::string(40, static_cast<char>('a' + seq % 26));
  a.minhash = std::string(64, 'm');
  a.title = "Title " + std::to_string(seq);
  a.text = "Body of article " + std::to_string(seq) + ".";
  a.outlet = "Outlet " + std::to_string(seq % 3);
  a.url = "https://news.example/" + std::to_string(seq);
  a.author = "Reporter " + std::to_string(seq);
  return a;
}

TEST(Store, CommitsBatchesAndReadsThemBack) {
  std::string path = TempPath("basic.db");
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    EXPECT_EQ(store->LastSeq(), 0u);
    StoreBatch batch;
    batch.articles = {MakeArticle(1, 1), MakeArticle(2, 2), MakeArticle(3, 1)};
    batch.events = {{1, 2, 15000, 15000, "first", true}, {2, 1, 15000, 15000, "second", true}};
    batch.checkpoint = "state-after-3";
    auto last = store->Commit(batch);
    ASSERT_TRUE(last.has_value()) << last.error().ToString();
    EXPECT_EQ(*last, 3u);

    // A gap in seq is refused and writes nothing.
    StoreBatch bad;
    bad.articles = {MakeArticle(5, 1)};
    EXPECT_FALSE(store->Commit(bad).has_value());
    EXPECT_EQ(store->LastSeq(), 3u);

    // Event 2 merges into 1 in the next batch.
    StoreBatch next;
    next.articles = {MakeArticle(4, 2)};
    next.events = {{1, 4, 15000, 15000, "first", true}};
    next.merges = {{2, 1}};
    ASSERT_TRUE(store->Commit(next).has_value());
  }
  auto store = Store::Open(path);
  ASSERT_TRUE(store.has_value());
  EXPECT_EQ(store->LastSeq(), 4u);
  EXPECT_EQ(*store->Resolve(2), 1u);
  EXPECT_TRUE(*store->Contains("doc-2", 2 * 7919));
  EXPECT_FALSE(*store->Contains("doc-2", 1));
  auto events = store->Events();
  ASSERT_TRUE(events.has_value());
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].info.size, 4u);
  EXPECT_EQ((*events)[0].version, 2u);
  auto members = store->EventArticles(1);
  ASSERT_TRUE(members.has_value());
  ASSERT_EQ(members->size(), 4u);
  EXPECT_EQ((*members)[1].text, "Body of article 2.");
  EXPECT_EQ((*members)[1].outlet, "Outlet 2");
  EXPECT_EQ((*members)[1].url, "https://news.example/2");
  EXPECT_EQ((*members)[1].author, "Reporter 2");
  auto cp = store->LatestCheckpoint();
  ASSERT_TRUE(cp.has_value() && cp->has_value());
  EXPECT_EQ((*cp)->first, 3u);
  EXPECT_EQ((*cp)->second, "state-after-3");
  auto after = store->ArticlesAfter(3);
  ASSERT_TRUE(after.has_value());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].seq, 4u);

  // Briefs: needed, stored, then not needed until the event changes again.
  EXPECT_EQ(*store->EventsNeedingBrief(2), std::vector<uint64_t>{1});
  ASSERT_TRUE(store->PutBrief(1, 2, "# brief", "{}").has_value());
  EXPECT_TRUE(store->EventsNeedingBrief(2)->empty());
  StoreBatch more;
  more.articles = {MakeArticle(5, 1)};
  more.events = {{1, 5, 15000, 15001, "first", true}};
  ASSERT_TRUE(store->Commit(more).has_value());
  EXPECT_EQ(*store->EventsNeedingBrief(2), std::vector<uint64_t>{1});
  EXPECT_EQ(**store->BriefMarkdown(1), "# brief");
  EXPECT_EQ(*store->CheckIntegrity(), "ok");
}

// A store written by the first schema (no outlet, url or author) opens, is upgraded in place,
// keeps its articles, and takes new ones with all their columns.
TEST(Store, UpgradesAVersionOneStore) {
  std::string path = TempPath("v1.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const char* v1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO meta VALUES ('schema_version', '1');
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL, source TEXT NOT NULL, record INTEGER NOT NULL,
  content_hash INTEGER NOT NULL, day INTEGER, event INTEGER NOT NULL,
  duplicate_of INTEGER NOT NULL, signature BLOB NOT NULL, minhash BLOB NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL);
INSERT INTO articles VALUES (1, 'old-1', 'feed.jsonl', 1, 7919, 15000, 1, -1, 'sig', 'mh',
  'An old title', 'An old body.');
)sql";
    ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  {
    auto store = Store::Open(path);
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    EXPECT_EQ(store->LastSeq(), 1u);
    StoreBatch batch;
    batch.articles = {MakeArticle(2, 1)};
    batch.events = {{1, 2, 15000, 15000, "first", true}};
    ASSERT_TRUE(store->Commit(batch).has_value());
  }
  auto store = Store::Open(path);  // now a version 2 store: opens without another upgrade
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  auto members = store->EventArticles(1);
  ASSERT_TRUE(members.has_value());
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].title, "An old title");
  EXPECT_EQ((*members)[0].text, "An old body.");
  EXPECT_EQ((*members)[0].outlet, "");
  EXPECT_EQ((*members)[1].outlet, "Outlet 2");
  EXPECT_EQ((*members)[1].author, "Reporter 2");
  EXPECT_EQ(*store->CheckIntegrity(), "ok");
}

TEST(Store, RejectsAFileThatIsNotAStore) {
  std::string path = TempPath("garbage.db");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("this is not a database, just some text that is long enough to look like a header "
             "and then some more text so that SQLite reads a full page of it.........",
             f);
  std::fclose(f);
  auto store = Store::Open(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().ToString().find(path), std::string::npos);
}

// A writer process commits batches as fast as it can; the test kills it with SIGKILL at random
// moments, again and again, resuming from the store each time. After every kill the store must
// open, pass SQLite's integrity check and hold exactly the articles 1..LastSeq() (whole batches),
// and in the end every article is there exactly once.
TEST(Store, SurvivesRepeatedSigkill) {
  std::string path = TempPath("kill.db");
  constexpr uint64_t kTotal = 40000, kBatch = 50;
  auto run_writer = [&]() {
    auto store = Store::Open(path);
    if (!store) _exit(3);
    while (store->LastSeq() < kTotal) {
      StoreBatch batch;
      for (uint64_t i = 0; i < kBatch; ++i) {
        uint64_t seq = store->LastSeq() + 1 + i;
        batch.articles.push_back(MakeArticle(seq, 1 + seq % 17));
      }
      batch.events.push_back({1 + store->LastSeq() % 17, 1, 15000, 15000, "e", true});
      if ((store->LastSeq() / kBatch) % 5 == 0) batch.checkpoint = std::string(20000, 'c');
      if (!store->Commit(batch)) _exit(4);
    }
    _exit(0);
  };
  std::mt19937 rng(8);
  int kills = 0;
  uint64_t previous = 0;
  for (int round = 0; round < 40; ++round) {
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) run_writer();
    std::this_thread::sleep_for(std::chrono::microseconds(1000 + rng() % 15000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) ++kills;
    else ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "writer failed";

    auto store = Store::Open(path);
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    EXPECT_EQ(*store->CheckIntegrity(), "ok");
    uint64_t last = store->LastSeq();
    EXPECT_GE(last, previous) << "a committed batch was lost";
    EXPECT_EQ(last % kBatch, 0u) << "a batch was half written";
    auto all = store->ArticlesAfter(0);
    ASSERT_TRUE(all.has_value());
    ASSERT_EQ(all->size(), last);
    for (uint64_t i = 0; i < last; ++i) ASSERT_EQ((*all)[i].seq, i + 1);
    previous = last;
    if (last >= kTotal) break;
  }
  EXPECT_GT(kills, 3) << "the writer was too fast to be killed; the test proved little";
  // Finish the run without interruption.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) run_writer();
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto store = Store::Open(path);
  ASSERT_TRUE(store.has_value());
  EXPECT_EQ(store->LastSeq(), kTotal);
  EXPECT_EQ(*store->CheckIntegrity(), "ok");
}

}  // namespace
}  // namespace sitrep
