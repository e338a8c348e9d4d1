// ROUGE speed: one DUC 2006 summary (250 words) against its 4 references under NIST's settings
// (ROUGE-1..4, L, W-1.2, SU4, jackknifed) per iteration. Reads ../shared through
// SITREP_SHARED_DIR (or the compiled-in default); skips without it.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "sitrep/eval.h"

namespace {

struct Case {
  sitrep::RougeText peer;
  std::vector<sitrep::RougeText> models;
  size_t bytes = 0;
};

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  return env && *env ? env : SITREP_SHARED_DIR_DEFAULT;
}

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = [] {
    std::vector<Case> out;
    const std::filesystem::path dir = std::filesystem::path(SharedDir()) / "data/duc2006";
    std::ifstream in(dir / "duc2006.jsonl");
    if (SharedDir().empty() || !in) return out;
    simdjson::ondemand::parser parser;
    for (std::string line; std::getline(in, line);) {
      simdjson::padded_string padded(line);
      auto doc = parser.iterate(padded);
      std::string_view id = doc["id"].get_string();
      Case c;
      std::ifstream peer(dir / "rouge155-vectors/firsts" / (std::string(id) + ".txt"));
      for (std::string l; std::getline(peer, l);) {
        c.bytes += l.size();
        c.peer.push_back(l);
      }
      for (auto s : doc["summaries"].get_array()) {
        std::string_view text = s.get_string();
        c.bytes += text.size();
        c.models.push_back({std::string(text)});
      }
      if (!c.peer.empty()) out.push_back(std::move(c));
    }
    return out;
  }();
  return cases;
}

void BM_RougeNist(benchmark::State& state) {
  const auto& cases = Cases();
  if (cases.empty()) {
    state.SkipWithError("DUC 2006 vectors not found: set SITREP_SHARED_DIR to ../shared; skipped");
    return;
  }
  sitrep::RougeOptions options;
  options.max_words = 250;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Case& c = cases[i++ % cases.size()];
    auto scores = sitrep::ScoreRouge(c.peer, c.models, options);
    benchmark::DoNotOptimize(scores);
    bytes += c.bytes;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_RougeNist)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (Cases().empty()) {
    std::fprintf(stderr,
                 "bench_rouge: ../shared/data/duc2006 not found (set SITREP_SHARED_DIR); "
                 "benchmarks skipped\n");
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
