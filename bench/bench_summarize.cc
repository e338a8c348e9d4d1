// Summarizer speed on DUC 2006 (50 events x 25 articles), one event per iteration, per method.
// Reads ../shared through SITREP_SHARED_DIR (or the compiled-in default); skips without it.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sitrep/clean.h"
#include "sitrep/dedupe.h"
#include "sitrep/ingest.h"
#include "sitrep/summarize.h"
#include "sitrep/text.h"

namespace {

struct Event {
  std::vector<sitrep::Article> articles;
  sitrep::DedupeResult dedupe;
  size_t bytes = 0;
};

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  return env && *env ? env : SITREP_SHARED_DIR_DEFAULT;
}

const std::vector<Event>& Events() {
  static const std::vector<Event> events = [] {
    std::vector<Event> out;
    const std::string path = SharedDir() + "/data/duc2006/duc2006.jsonl";
    if (SharedDir().empty() || !std::filesystem::exists(path)) return out;
    auto ingested = sitrep::Ingest({path}, sitrep::IngestOptions{});
    std::map<std::string, Event> by_id;
    for (auto& a : ingested.articles) {
      Event& e = by_id[a.event_id];
      a.index = static_cast<uint32_t>(e.articles.size());
      e.bytes += a.text.size();
      e.articles.push_back(std::move(a));
    }
    for (auto& [id, e] : by_id) {
      sitrep::Clean(e.articles, sitrep::CleanOptions{});
      for (auto& a : e.articles) sitrep::SegmentArticle(a);
      e.dedupe = sitrep::Dedupe(e.articles, sitrep::DedupeOptions{});
      out.push_back(std::move(e));
    }
    return out;
  }();
  return events;
}

void BM_Summarize(benchmark::State& state, const std::string& method, uint32_t words) {
  const auto& events = Events();
  if (events.empty()) {
    state.SkipWithError("DUC 2006 not found: set SITREP_SHARED_DIR to ../shared; skipped");
    return;
  }
  sitrep::SummaryOptions options;
  options.method = method;
  options.max_words = words;
  options.overflow_last = words == 250;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Event& e = events[i++ % events.size()];
    auto summary = sitrep::Summarize(e.articles, e.dedupe, options);
    benchmark::DoNotOptimize(summary);
    bytes += e.bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetLabel("one 25-article DUC event per iteration");
}

BENCHMARK_CAPTURE(BM_Summarize, Default250, std::string("default"), 250u)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize, Default100, std::string("default"), 100u)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize, Submodular250, std::string("submodular"), 250u)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize, LexRank250, std::string("lexrank"), 250u)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize, TextRank250, std::string("textrank"), 250u)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Summarize, Centroid250, std::string("centroid"), 250u)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (Events().empty()) {
    std::fprintf(stderr,
                 "bench_summarize: ../shared/data/duc2006/duc2006.jsonl not found (set "
                 "SITREP_SHARED_DIR); benchmarks skipped\n");
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
