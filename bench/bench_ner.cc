// NER throughput: tokens per second of the shipped model, on CoNLL-2003 test sentences
// (pre-tokenized, TagDocument) and on raw DUC 2006 article text (NerModel::Tag: tokenizing,
// sentence grouping, features, Viterbi). One thread; items = tokens.
//   SITREP_SHARED_DIR=../shared ./build/bench/bench_ner
// SITREP_NER_MODEL=file benchmarks a model file from `sitrep train-ner` instead of the shipped one.
// Target (issue #5): >= 100k tokens/s per core; the counter tokens_per_s_target says it beside
// items_per_second.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "sitrep/entities.h"

namespace {

constexpr double kTargetTokensPerSecond = 100000;

// The shipped model, or SITREP_NER_MODEL's file.
sitrep::Result<std::shared_ptr<const sitrep::NerModel>> Model() {
  const char* path = std::getenv("SITREP_NER_MODEL");
  if (!path || !*path) return sitrep::NerModel::Default();
  static auto loaded = [&]() -> sitrep::Result<std::shared_ptr<const sitrep::NerModel>> {
    auto m = sitrep::NerModel::LoadFile(path);
    if (!m) return tl::unexpected<sitrep::Error>(m.error());
    return std::make_shared<const sitrep::NerModel>(std::move(*m));
  }();
  return loaded;
}

std::string SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  if (env && *env) return env;
  return SITREP_SHARED_DIR_DEFAULT;
}

std::vector<std::vector<std::string>> ConllSentences() {
  std::vector<std::vector<std::string>> out;
  std::ifstream in(SharedDir() + "/data/ner-conll2003/test.txt");
  std::string line;
  std::vector<std::string> current;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(line.substr(0, line.find(' ')));
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// Article text of the first documents of duc2006.jsonl ("text" fields), up to `bytes`.
std::string DucText(size_t bytes) {
  std::ifstream in(SharedDir() + "/data/duc2006/duc2006.jsonl");
  std::string line, out;
  while (out.size() < bytes && std::getline(in, line)) {
    size_t pos = 0;
    while (out.size() < bytes && (pos = line.find("\"text\": \"", pos)) != std::string::npos) {
      pos += 9;
      size_t end = pos;
      while (end < line.size() && !(line[end] == '"' && line[end - 1] != '\\')) ++end;
      out.append(line, pos, end - pos).append("\n\n");
      pos = end;
    }
  }
  // JSON escapes are left in: they are a few bytes and cost the tagger nothing special.
  return out.substr(0, bytes);
}

void BM_TagConllTest(benchmark::State& state) {
  auto model = Model();
  if (!model) {
    state.SkipWithError("no NER model (data/ner/ner-model.bin.zst or SITREP_NER_MODEL)");
    return;
  }
  auto sentences = ConllSentences();
  if (sentences.empty()) {
    state.SkipWithError("CoNLL-2003 test.txt not found under SITREP_SHARED_DIR; skipped");
    return;
  }
  size_t tokens = 0, bytes = 0;
  for (const auto& s : sentences)
    for (const auto& t : s) ++tokens, bytes += t.size() + 1;
  for (auto _ : state) benchmark::DoNotOptimize((*model)->TagDocument(sentences));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tokens_per_s_target"] = kTargetTokensPerSecond;
}
BENCHMARK(BM_TagConllTest)->Unit(benchmark::kMillisecond);

void BM_TagRawText(benchmark::State& state) {
  auto model = Model();
  if (!model) {
    state.SkipWithError("no NER model (data/ner/ner-model.bin.zst or SITREP_NER_MODEL)");
    return;
  }
  std::string text = DucText(static_cast<size_t>(state.range(0)));
  if (text.empty()) {
    state.SkipWithError("duc2006.jsonl not found under SITREP_SHARED_DIR; skipped");
    return;
  }
  size_t tokens = sitrep::NerTokenize(text).size();
  for (auto _ : state) benchmark::DoNotOptimize((*model)->Tag(text));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens_per_s_target"] = kTargetTokensPerSecond;
}
BENCHMARK(BM_TagRawText)->RangeMultiplier(8)->Range(1 << 10, 1 << 20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
