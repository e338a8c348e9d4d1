#include "sitrep/stream.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <thread>

#include "sitrep/store.h"

extern char** environ;

namespace sitrep {
namespace {

namespace fs = std::filesystem;

fs::path TempDir() {
  auto dir = fs::temp_directory_path() / ("sitrep_stream_test_" + std::to_string(getpid()));
  fs::create_directories(dir);
  return dir;
}

void RemoveStore(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"}) fs::remove(path + ext);
}

// A synthetic crawl: `topics` stories, each with its own vocabulary (made-up words), told by
// `per_topic` articles over a few weeks, interleaved by date; every tenth article is re-sent
// as a verbatim copy under a new id (syndication).
std::string WriteCrawl(const fs::path& path, int topics, int per_topic, uint32_t seed) {
  std::mt19937 rng(seed);
  const char* common[] = {"officials", "reported", "morning", "statement", "region", "local",
                          "people", "announced", "according", "sources", "week", "city"};
  std::vector<std::vector<std::string>> vocab(topics);
  for (int t = 0; t < topics; ++t) {
    for (int w = 0; w < 14; ++w) {
      std::string word;
      for (int c = 0; c < 7; ++c) word += static_cast<char>('a' + rng() % 26);
      vocab[t].push_back(word);
    }
  }
  struct Line { int day; std::string json; };
  std::vector<Line> lines;
  int n = 0;
  for (int t = 0; t < topics; ++t) {
    for (int k = 0; k < per_topic; ++k) {
      auto word = [&](double topical) {
        return rng() % 100 < topical * 100 ? vocab[t][rng() % vocab[t].size()]
                                           : std::string(common[rng() % 12]);
      };
      std::string title = word(1) + " " + word(1) + " " + word(1);
      std::string text;
      for (int s = 0; s < 6; ++s) {
        std::string sentence = "The";
        for (int w = 0; w < 12; ++w) sentence += " " + word(0.6);
        text += sentence + ".\\n";
      }
      int day = 1 + (t * 3 + k) % 27;
      char date[16];
      std::snprintf(date, sizeof date, "2021-03-%02d", day);
      std::string json = "{\"id\": \"n" + std::to_string(n++) + "\", \"title\": \"" + title +
                         "\", \"date\": \"" + date + "\", \"text\": \"" + text + "\"}";
      lines.push_back({day, json});
      if (k % 10 == 9) {
        std::string copy = "{\"id\": \"n" + std::to_string(n++) + "\", \"title\": \"" + title +
                           "\", \"date\": \"" + date + "\", \"text\": \"" + text + "\"}";
        lines.push_back({day, copy});
      }
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.day < b.day; });
  std::ofstream out(path);
  for (const Line& l : lines) out << l.json << "\n";
  out << "{this line is broken\n";
  return path.string();
}

// article id -> final (resolved) event, read back from a store.
std::map<std::string, uint64_t> FinalEvents(const std::string& store_path) {
  std::map<std::string, uint64_t> out;
  auto store = Store::Open(store_path);
  EXPECT_TRUE(store.has_value());
  if (!store) return out;
  auto all = store->ArticlesAfter(0);
  EXPECT_TRUE(all.has_value());
  for (const StoredArticle& a : *all) out[a.id] = *store->Resolve(a.event);
  return out;
}

StreamOptions SmallOptions() {
  StreamOptions o;
  o.chunk_bytes = 8 << 10;  // many chunks, so kills land between commits
  o.checkpoint_every_chunks = 3;
  o.cluster.warmup_articles = 0;
  o.cluster.join_threshold = 0.2;
  return o;
}

TEST(RunStream, GroupsTopicsAndFindsCopies) {
  fs::path dir = TempDir();
  std::string crawl = WriteCrawl(dir / "crawl.jsonl", 6, 20, 1);
  std::map<std::string, uint64_t> event_of;
  StreamSink sink;
  sink.on_article = [&](uint64_t, const Article& a, const Assignment& s, int64_t) {
    event_of[a.id] = s.event;
  };
  auto report = RunStream({crawl}, SmallOptions(), sink);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->articles, 6u * 22);   // 20 + 2 copies per topic
  EXPECT_EQ(report->duplicates, 6u * 2);
  EXPECT_GE(report->problems_total, 1u);  // the broken last line, reported, not fatal
  ASSERT_FALSE(report->problems.empty());
  EXPECT_EQ(report->problems.back().record, static_cast<int64_t>(6 * 22 + 1));
  // Articles n0..n21 are topic 0 (ids are given in topic order before the date sort).
  EXPECT_EQ(event_of["n0"], event_of["n5"]);
  EXPECT_EQ(event_of["n0"], event_of["n20"]);
  EXPECT_NE(event_of["n0"], event_of["n22"]);
}

TEST(RunStream, SameEventsOnOneAndTwoThreads) {
  fs::path dir = TempDir();
  std::string crawl = WriteCrawl(dir / "crawl2.jsonl", 8, 25, 2);
  std::string one = (dir / "one.db").string(), two = (dir / "two.db").string();
  RemoveStore(one);
  RemoveStore(two);
  StreamOptions o = SmallOptions();
  o.threads = 1;
  o.store_path = one;
  ASSERT_TRUE(RunStream({crawl}, o).has_value());
  o.threads = 2;
  o.store_path = two;
  ASSERT_TRUE(RunStream({crawl}, o).has_value());
  auto a = FinalEvents(one), b = FinalEvents(two);
  EXPECT_EQ(a.size(), 8u * 27);
  EXPECT_EQ(a, b);
}

TEST(RunStream, SecondRunAddsOnlyNewArticles) {
  fs::path dir = TempDir();
  std::string crawl = WriteCrawl(dir / "crawl3.jsonl", 4, 15, 3);
  std::string db = (dir / "again.db").string();
  RemoveStore(db);
  StreamOptions o = SmallOptions();
  o.store_path = db;
  auto first = RunStream({crawl}, o);
  ASSERT_TRUE(first.has_value());
  auto second = RunStream({crawl}, o);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->articles, 0u);
  EXPECT_EQ(second->already_stored, first->articles);
  EXPECT_EQ(second->resumed_after, first->articles);
}

// The child side of the kill test: runs the stream named by the environment, then exits.
TEST(StreamChild, Run) {
  const char* crawl = std::getenv("SITREP_STREAM_CHILD_INPUT");
  const char* db = std::getenv("SITREP_STREAM_CHILD_STORE");
  if (crawl == nullptr || db == nullptr) GTEST_SKIP() << "runs only as the kill test's child";
  StreamOptions o = SmallOptions();
  o.store_path = db;
  auto report = RunStream({crawl}, o);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
}

pid_t SpawnChild(const std::string& crawl, const std::string& db) {
  std::string input = "SITREP_STREAM_CHILD_INPUT=" + crawl;
  std::string store = "SITREP_STREAM_CHILD_STORE=" + db;
  std::vector<char*> env = {input.data(), store.data(), nullptr};
  std::string filter = "--gtest_filter=StreamChild.Run";
  std::string self = fs::read_symlink("/proc/self/exe").string();
  char* argv[] = {self.data(), filter.data(), nullptr};
  pid_t pid = -1;
  if (posix_spawn(&pid, self.c_str(), nullptr, nullptr, argv, env.data()) != 0) return -1;
  return pid;
}

// Kills a real run (a separate process running RunStream with a store) with SIGKILL at random
// moments, again and again; each time the store must open and pass the integrity check, and
// the run resumes. The events it ends with are those of an uninterrupted run.
TEST(RunStream, KilledRunsResumeToTheSameEvents) {
  fs::path dir = TempDir();
  // Long enough that a run outlasts several kills (the assign stage got faster).
  std::string crawl = WriteCrawl(dir / "crawl4.jsonl", 40, 100, 4);
  std::string whole = (dir / "whole.db").string(), killed = (dir / "killed.db").string();
  RemoveStore(whole);
  RemoveStore(killed);
  StreamOptions o = SmallOptions();
  o.store_path = whole;
  auto uninterrupted = RunStream({crawl}, o);
  ASSERT_TRUE(uninterrupted.has_value());
  double seconds = std::max(0.05, uninterrupted->seconds);

  std::mt19937 rng(5);
  int kills = 0;
  uint64_t previous = 0;
  for (int round = 0; round < 30; ++round) {
    pid_t pid = SpawnChild(crawl, killed);
    ASSERT_GT(pid, 0);
    // Somewhere in the first half of the whole run (start-up included): each resumed run has
    // less to do, so delays drawn over the whole run's length let the second or third child
    // finish on a fast machine before it is killed (CI saw two kills, then a clean exit).
    auto delay = std::chrono::duration<double>(seconds * (0.05 + (rng() % 50) / 100.0));
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    bool was_killed = WIFSIGNALED(status);
    kills += was_killed;
    auto store = Store::Open(killed);
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    ASSERT_EQ(*store->CheckIntegrity(), "ok");
    EXPECT_GE(store->LastSeq(), previous) << "committed articles were lost";
    previous = store->LastSeq();
    if (!was_killed) {
      ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
      break;
    }
  }
  // Finish undisturbed.
  pid_t pid = SpawnChild(crawl, killed);
  ASSERT_GT(pid, 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_GE(kills, 3) << "the run finished too fast to be killed; the test proved little";
  auto expected = FinalEvents(whole);
  auto got = FinalEvents(killed);
  EXPECT_EQ(got.size(), expected.size());
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace sitrep
