// Benchmarks of near-duplicate detection: MinHash signatures per second on real articles (the
// perturbed DUC 2006 set from SITREP_SHARED_DIR, else the compiled-in ../shared), signatures of
// synthetic texts from 1 KiB to 1 MiB, and the whole Dedupe() call on the perturbed set.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "dedupe/perturb.h"
#include "sitrep/dedupe.h"

namespace {

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  return env && *env ? env : SITREP_SHARED_DIR_DEFAULT;
}

const sitrep::dedupe_internal::PerturbedSet* Set() {
  static const auto set = sitrep::dedupe_internal::BuildPerturbedSet(
      SharedDir() + "/data/duc2006/duc2006.jsonl", 1250, 7);
  return set ? &*set : nullptr;
}

bool NeedSet(benchmark::State& state) {
  if (Set()) return true;
  state.SkipWithError(("skipped: cannot read " + SharedDir() +
                       "/data/duc2006/duc2006.jsonl (set SITREP_SHARED_DIR)").c_str());
  return false;
}

void BM_SignArticles(benchmark::State& state) {
  if (!NeedSet(state)) return;
  sitrep::DedupeOptions options;
  uint64_t bytes = 0;
  for (const auto& a : Set()->articles) bytes += a.text.size();
  for (auto _ : state) {
    for (const auto& a : Set()->articles) benchmark::DoNotOptimize(sitrep::Sign(a.text, options));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Set()->articles.size()));  // signatures/s
}
BENCHMARK(BM_SignArticles)->Unit(benchmark::kMillisecond);

void BM_SignSynthetic(benchmark::State& state) {
  std::string text;
  const std::string sentence = "The ferry left the harbour at nine, carrying forty cars and a "
                               "school group bound for the island museum. ";
  int n = 0;
  while (text.size() < static_cast<size_t>(state.range(0))) text += sentence + std::to_string(n++) + " ";
  sitrep::DedupeOptions options;
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::Sign(text, options));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SignSynthetic)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMicrosecond);

void BM_DedupePerturbedSet(benchmark::State& state) {
  if (!NeedSet(state)) return;
  uint64_t bytes = 0;
  for (const auto& a : Set()->articles) bytes += a.text.size();
  for (auto _ : state) benchmark::DoNotOptimize(sitrep::Dedupe(Set()->articles, sitrep::DedupeOptions{}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * Set()->articles.size()));
}
BENCHMARK(BM_DedupePerturbedSet)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
