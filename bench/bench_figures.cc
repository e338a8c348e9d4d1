// Figure extraction throughput (MB/s of article text) on DUC 2006 newswire from ../shared.
//
// BM_ExtractFigures measures ExtractFigures over articles already split into sentences (as in
// the pipeline, after SegmentArticle); BM_ExtractFiguresWithSplit includes the sentence
// splitting; BM_ConsolidateFigures runs extraction plus consolidation per DUC cluster. The
// corpus prefix grows from 64 KiB to the whole file. Without SITREP_SHARED_DIR (or the
// compiled-in default) every benchmark is skipped with a message saying so.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "sitrep/figures.h"
#include "sitrep/ingest.h"
#include "sitrep/text.h"

namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("SITREP_SHARED_DIR"); env != nullptr && *env != '\0')
    return env;
  return SITREP_SHARED_DIR_DEFAULT;
}

const std::vector<sitrep::Article>& Corpus() {
  static const std::vector<sitrep::Article> corpus = [] {
    std::vector<sitrep::Article> articles;
    std::string dir = SharedDir();
    if (dir.empty()) return articles;
    sitrep::IngestResult r =
        sitrep::Ingest({dir + "/data/duc2006/duc2006.jsonl"}, sitrep::IngestOptions{});
    articles = std::move(r.articles);
    return articles;
  }();
  return corpus;
}

// The first articles of the corpus holding at least `bytes` of text, sentence-split.
std::vector<sitrep::Article> Prefix(size_t bytes, bool split, size_t& total) {
  std::vector<sitrep::Article> out;
  total = 0;
  for (const sitrep::Article& a : Corpus()) {
    if (total >= bytes) break;
    out.push_back(a);
    if (split) {
      uint32_t i = 0;
      for (sitrep::Span s : sitrep::SplitSentences(out.back().text))
        out.back().sentences.push_back(sitrep::Sentence{s, 0, i++});
    }
    total += a.text.size();
  }
  return out;
}

bool SkipWithoutData(benchmark::State& state) {
  if (!Corpus().empty()) return false;
  state.SkipWithError(
      "skipped: DUC 2006 not found (set SITREP_SHARED_DIR to the folder holding data/duc2006)");
  return true;
}

void BM_ExtractFigures(benchmark::State& state) {
  if (SkipWithoutData(state)) return;
  size_t total = 0;
  std::vector<sitrep::Article> articles = Prefix(static_cast<size_t>(state.range(0)), true, total);
  size_t figures = 0;
  for (auto _ : state) {
    for (const sitrep::Article& a : articles) {
      std::vector<sitrep::Figure> f = sitrep::ExtractFigures(a);
      figures += f.size();
      benchmark::DoNotOptimize(f.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["figures_per_MB"] =
      static_cast<double>(figures) / static_cast<double>(state.iterations()) /
      (static_cast<double>(total) / 1e6);
}
BENCHMARK(BM_ExtractFigures)->RangeMultiplier(8)->Range(64 << 10, 8 << 20)->Unit(benchmark::kMillisecond);

void BM_ExtractFiguresWithSplit(benchmark::State& state) {
  if (SkipWithoutData(state)) return;
  size_t total = 0;
  std::vector<sitrep::Article> articles = Prefix(static_cast<size_t>(state.range(0)), false, total);
  for (auto _ : state) {
    for (const sitrep::Article& a : articles) {
      std::vector<sitrep::Figure> f = sitrep::ExtractFigures(a);
      benchmark::DoNotOptimize(f.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
}
BENCHMARK(BM_ExtractFiguresWithSplit)->Arg(8 << 20)->Unit(benchmark::kMillisecond);

void BM_ConsolidateFigures(benchmark::State& state) {
  if (SkipWithoutData(state)) return;
  size_t total = 0;
  std::vector<sitrep::Article> articles = Prefix(8 << 20, true, total);
  std::map<std::string, std::vector<sitrep::Article>> events;
  for (sitrep::Article& a : articles) {
    auto& v = events[a.event_id];
    a.index = static_cast<uint32_t>(v.size());
    v.push_back(a);
  }
  size_t disagreements = 0;
  for (auto _ : state) {
    for (const auto& [id, v] : events) {
      sitrep::FigureReport r = sitrep::ConsolidateFigures(v);
      disagreements += r.disagreements.size();
      benchmark::DoNotOptimize(r.groups.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["disagreements_per_event"] =
      static_cast<double>(disagreements) / static_cast<double>(state.iterations()) /
      static_cast<double>(events.size());
}
BENCHMARK(BM_ConsolidateFigures)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
