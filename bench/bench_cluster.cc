// Event clustering and the streaming pipeline: signing MB/s, assignment articles/s, and the
// whole stream (extract + clean + dedupe + sign + assign) over the DUC 2006 + Timeline17 stream
// repeated with perturbations at 1x, 4x and 16x, on 1 and 2 threads, with the peak RSS; the
// assign rate of the TF-IDF single-pass baseline beside ours.
//
//   SITREP_SHARED_DIR=../shared build/bench/bench_cluster --benchmark_filter=Stream
//
// Without the shared data every benchmark skips and says so.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "sitrep/clean.h"
#include "sitrep/cluster.h"
#include "sitrep/stream.h"

namespace {

namespace fs = std::filesystem;

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  return env != nullptr && *env != '\0' ? env : SITREP_SHARED_DIR_DEFAULT;
}

const sitrep::LabelledStream* Stream() {
  static const auto* stream = [] {
    auto s = sitrep::LoadLabelledStream(SharedDir());
    return s ? new sitrep::LabelledStream(std::move(*s)) : nullptr;
  }();
  return stream;
}

// The labelled stream written as JSONL article lines, `copies` times; copy k > 0 gets new ids,
// dates k*3 days later and 5% of its words dropped (so it is not an exact duplicate).
std::string PerturbedStreamFile(int copies) {
  static std::map<int, std::string> made;
  if (made.count(copies)) return made[copies];
  fs::path path = fs::temp_directory_path() /
                  ("sitrep_bench_stream_" + std::to_string(getpid()) + "_" +
                   std::to_string(copies) + ".jsonl");
  std::ofstream out(path);
  std::mt19937 rng(copies);
  for (int k = 0; k < copies; ++k) {
    for (const sitrep::Article& a : Stream()->articles) {
      std::string text = a.text;
      if (k > 0) {
        std::string kept;
        size_t start = 0;
        while (start < text.size()) {
          size_t end = text.find(' ', start);
          if (end == std::string::npos) end = text.size();
          if (rng() % 100 >= 5) kept.append(text, start, end - start + (end < text.size()));
          start = end + 1;
        }
        text = std::move(kept);
      }
      nlohmann::json line = {{"id", a.id + (k > 0 ? "~" + std::to_string(k) : "")},
                             {"title", a.title},
                             {"text", text}};
      if (a.date) {
        line["date"] = sitrep::CivilDate::FromDays(a.date->ToDays() + 3 * k).ToIso();
      }
      out << line.dump() << '\n';
    }
  }
  made[copies] = path.string();
  return path.string();
}

void BM_SignArticle(benchmark::State& state) {
  if (Stream() == nullptr) {
    state.SkipWithError("SITREP_SHARED_DIR has no data/duc2006 + data/timeline17; skipped");
    return;
  }
  const auto& articles = Stream()->articles;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const sitrep::Article& a = articles[i++ % articles.size()];
    benchmark::DoNotOptimize(sitrep::SignArticle(a, sitrep::SignOptions{}));
    bytes += a.text.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignArticle);

void BM_ClusterAssign(benchmark::State& state) {
  if (Stream() == nullptr) {
    state.SkipWithError("SITREP_SHARED_DIR has no data/duc2006 + data/timeline17; skipped");
    return;
  }
  std::vector<sitrep::ArticleSignature> signatures;
  for (const auto& a : Stream()->articles) {
    signatures.push_back(sitrep::SignArticle(a, sitrep::SignOptions{}));
  }
  for (auto _ : state) {
    sitrep::EventClusterer clusterer;
    for (const auto& s : signatures) benchmark::DoNotOptimize(clusterer.Add(s));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(signatures.size()));
}
BENCHMARK(BM_ClusterAssign)->Unit(benchmark::kMillisecond);

// The TF-IDF single-pass baseline of `sitrep eval-cluster` (every event scored, no index), for
// the assign rate beside ours.
void BM_ClusterAssignBaseline(benchmark::State& state) {
  if (Stream() == nullptr) {
    state.SkipWithError("SITREP_SHARED_DIR has no data/duc2006 + data/timeline17; skipped");
    return;
  }
  std::vector<sitrep::ArticleSignature> signatures;
  for (const auto& a : Stream()->articles) {
    signatures.push_back(sitrep::SignArticle(a, sitrep::BaselineSignOptions()));
  }
  for (auto _ : state) {
    sitrep::EventClusterer clusterer(sitrep::BaselineClusterOptions());
    for (const auto& s : signatures) benchmark::DoNotOptimize(clusterer.Add(s));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(signatures.size()));
}
BENCHMARK(BM_ClusterAssignBaseline)->Iterations(1)->Unit(benchmark::kMillisecond);

// Args: copies of the stream, threads.
void BM_Stream(benchmark::State& state) {
  if (Stream() == nullptr) {
    state.SkipWithError("SITREP_SHARED_DIR has no data/duc2006 + data/timeline17; skipped");
    return;
  }
  std::string path = PerturbedStreamFile(static_cast<int>(state.range(0)));
  sitrep::StreamOptions options;
  options.threads = static_cast<uint32_t>(state.range(1));
  uint64_t articles = 0, bytes = 0, peak = 0;
  for (auto _ : state) {
    auto report = sitrep::RunStream({path}, options);
    if (!report) {
      state.SkipWithError(report.error().ToString().c_str());
      return;
    }
    articles += report->articles;
    bytes += report->bytes;
    peak = report->peak_rss_bytes;
  }
  state.SetItemsProcessed(static_cast<int64_t>(articles));
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  // ru_maxrss only grows: run the sizes smallest first and read the growth between them.
  state.counters["peak_rss_MiB"] = static_cast<double>(peak) / 1048576.0;
  state.counters["articles"] = static_cast<double>(articles) / state.iterations();
}
BENCHMARK(BM_Stream)
    ->ArgsProduct({{1, 4, 16}, {1, 2}})
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
