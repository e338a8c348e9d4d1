// The foundation's hot paths on DUC 2006 (1,250 newswire articles, 50 events of 25):
//   BM_CleanSegmentTokenize  clean + sentence segmentation + tokenization, one core (MB/s)
//   BM_WcWordsFloor          `wc -w` over the same text, run in the same process: the floor
//   BM_Brief25/sections:0    the brief (clean, segment, dedupe, summary with citations) per event
//   BM_Brief25/sections:1    the same with timeline, actors and places, figures
// Counters: heap_peak_x_input = peak live C++ heap during the work / input bytes.
// Targets (issue 2): >= 20 MB/s, <= 50 ms per event, peak memory <= 10x input.
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#include "bench_util.h"
#include "sitrep/brief.h"
#include "sitrep/clean.h"
#include "sitrep/ingest.h"
#include "sitrep/text.h"

// Live-heap accounting for the memory counter (C++ allocations only).
namespace {
std::atomic<int64_t> g_live{0};
std::atomic<int64_t> g_peak{0};
void Track(int64_t delta) {
  int64_t now = g_live.fetch_add(delta) + delta;
  int64_t peak = g_peak.load();
  while (now > peak && !g_peak.compare_exchange_weak(peak, now)) {
  }
}
}  // namespace

void* operator new(size_t n) {
  void* p = std::malloc(n + 16);
  if (!p) throw std::bad_alloc();
  *static_cast<size_t*>(p) = n;
  Track(static_cast<int64_t>(n));
  return static_cast<char*>(p) + 16;
}
void operator delete(void* p) noexcept {
  if (!p) return;
  char* base = static_cast<char*>(p) - 16;
  Track(-static_cast<int64_t>(*reinterpret_cast<size_t*>(base)));
  std::free(base);
}
void operator delete(void* p, size_t) noexcept { operator delete(p); }

namespace sitrep {
namespace {

struct Corpus {
  std::string path;
  IngestResult all;       // every article of every event
  uint64_t text_bytes = 0;
  std::vector<std::string> events;
};

const Corpus& Duc() {
  static Corpus* c = [] {
    auto* corpus = new Corpus;
    corpus->path = bench::SharedFile("duc2006/duc2006.jsonl");
    if (corpus->path.empty()) return corpus;
    corpus->all = Ingest({corpus->path}, IngestOptions{});
    for (const Article& a : corpus->all.articles) corpus->text_bytes += a.text.size();
    corpus->events = corpus->all.report.events_seen;
    return corpus;
  }();
  return *c;
}

void BM_CleanSegmentTokenize(benchmark::State& state) {
  const Corpus& duc = Duc();
  if (duc.path.empty()) {
    state.SkipWithError("../shared/data/duc2006 not found");
    return;
  }
  size_t tokens = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Article> articles = duc.all.articles;
    g_peak = g_live.load();
    int64_t base = g_live.load();
    state.ResumeTiming();
    Clean(articles, CleanOptions{});
    for (Article& a : articles) {
      SegmentArticle(a);
      for (const Sentence& s : a.sentences) tokens += Tokenize(a.View(s.span)).size();
    }
    benchmark::DoNotOptimize(tokens);
    state.counters["heap_peak_x_input"] =
        static_cast<double>(g_peak.load() - base) / static_cast<double>(duc.text_bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * duc.text_bytes));
  state.counters["articles"] = static_cast<double>(duc.all.articles.size());
}
BENCHMARK(BM_CleanSegmentTokenize)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_WcWordsFloor(benchmark::State& state) {
  const Corpus& duc = Duc();
  if (duc.path.empty()) {
    state.SkipWithError("../shared/data/duc2006 not found");
    return;
  }
  std::string tmp = "/tmp/sitrep_bench_wc.txt";
  {
    std::ofstream out(tmp, std::ios::binary);
    for (const Article& a : duc.all.articles) out << a.text << '\n';
  }
  std::string cmd = "wc -w < " + tmp + " > /dev/null";
  for (auto _ : state) {
    if (std::system(cmd.c_str()) != 0) state.SkipWithError("wc failed");
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * duc.text_bytes));
  std::remove(tmp.c_str());
}
BENCHMARK(BM_WcWordsFloor)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// state.range(0): 0 = summary only (the path), 1 = with timeline, actors and figures.
void BM_Brief25(benchmark::State& state) {
  const Corpus& duc = Duc();
  if (duc.path.empty()) {
    state.SkipWithError("../shared/data/duc2006 not found");
    return;
  }
  // Events' articles, as BuildBrief receives them after ingest.
  std::vector<IngestResult> events(duc.events.size());
  std::vector<uint64_t> bytes(duc.events.size());
  for (const Article& a : duc.all.articles) {
    size_t e = std::find(duc.events.begin(), duc.events.end(), a.event_id) - duc.events.begin();
    events[e].articles.push_back(a);
    bytes[e] += a.text.size();
  }
  // Warm-up: one-time tables (lexicons, RE2 sets, the NER model) are not the brief's memory.
  {
    BriefOptions warm;
    auto unused = BuildBrief(events[0], warm);
    benchmark::DoNotOptimize(unused);
  }
  size_t i = 0;
  double worst_ratio = 0;
  for (auto _ : state) {
    size_t e = i++ % events.size();
    state.PauseTiming();
    IngestResult input = events[e];
    int64_t base = g_live.load();
    g_peak = base;
    state.ResumeTiming();
    BriefOptions options;
    options.with_timeline = options.with_actors = options.with_figures = state.range(0) == 1;
    auto brief = BuildBrief(std::move(input), options);
    benchmark::DoNotOptimize(brief);
    state.PauseTiming();
    worst_ratio = std::max(worst_ratio, static_cast<double>(g_peak.load() - base) /
                                            static_cast<double>(bytes[e]));
    brief = Result<Brief>();
    state.ResumeTiming();
  }
  state.counters["heap_peak_x_input"] = worst_ratio;
  state.counters["articles_per_event"] = 25;
}
BENCHMARK(BM_Brief25)->Arg(0)->Arg(1)->ArgName("sections")->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
