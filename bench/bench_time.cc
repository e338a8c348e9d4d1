// Temporal tagger throughput (MB/s) over news text from ../shared Timeline17 articles, from 1 KiB
// to 4 MiB, and timeline building per topic. Reads SITREP_SHARED_DIR (or the compiled-in
// default); without the data it prints a skip message and measures nothing.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include "sitrep/time.h"

namespace {

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  if (env && *env) return env;
  return SITREP_SHARED_DIR_DEFAULT;
}

// Article texts of the first Timeline17 topics, joined, up to 8 MiB.
const std::string& Corpus() {
  static const std::string corpus = [] {
    std::string out;
    std::ifstream in(SharedDir() + "/data/timeline17/timeline17.jsonl", std::ios::binary);
    simdjson::dom::parser parser;
    std::string line;
    while (out.size() < (8u << 20) && std::getline(in, line)) {
      simdjson::dom::element topic;
      if (parser.parse(line).get(topic)) continue;
      simdjson::dom::array docs;
      if (topic["documents"].get(docs)) continue;
      for (simdjson::dom::element d : docs) {
        std::string_view text;
        if (!d["text"].get(text)) {
          out.append(text);
          out.push_back('\n');
        }
      }
    }
    return out;
  }();
  return corpus;
}

void BM_TagTimes(benchmark::State& state) {
  const std::string& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError("no ../shared Timeline17 data (set SITREP_SHARED_DIR); skipped");
    return;
  }
  const size_t bytes = std::min<size_t>(static_cast<size_t>(state.range(0)), corpus.size());
  const std::string_view text(corpus.data(), bytes);
  size_t found = 0;
  for (auto _ : state) {
    auto times = sitrep::TagTimes(text, sitrep::CivilDate{2011, 2, 1});
    found = times.size();
    benchmark::DoNotOptimize(times);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["expressions"] = static_cast<double>(found);
}
BENCHMARK(BM_TagTimes)->RangeMultiplier(8)->Range(1 << 10, 4 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (Corpus().empty()) {
    std::fprintf(stderr, "bench_time: %s/data/timeline17 not found; set SITREP_SHARED_DIR. "
                 "Skipping.\n", SharedDir().c_str());
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
