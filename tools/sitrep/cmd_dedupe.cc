// sitrep dedupe: near-duplicate groups of a corpus (MinHash + LSH, exact Jaccard to decide),
// each with the copy that is kept; --eval measures precision/recall on the perturbed set built
// from ../shared cluster JSONL.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "sitrep/dedupe.h"
#include "sitrep/ingest.h"
#include "sitrep/web.h"

namespace sitrep::cli {
namespace {

std::string DefaultDucPath() {
  const char* shared = std::getenv("SITREP_SHARED_DIR");
  return std::string(shared && *shared ? shared : "../shared") + "/data/duc2006/duc2006.jsonl";
}

const Command kDedupe("dedupe", "Group near-duplicate articles and keep the best copy",
                      [](CLI::App& sub) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto threshold = std::make_shared<double>(DedupeOptions{}.threshold);
  auto kept_out = std::make_shared<std::string>();
  auto eval = std::make_shared<bool>(false);
  auto eval_data = std::make_shared<std::string>();
  sub.add_option("inputs", *inputs, "Files or folders (text, JSONL, HTML, WARC)");
  sub.add_option("--threshold", *threshold, "Shingle Jaccard at or above which two articles are copies");
  sub.add_option("--kept", *kept_out, "Write the kept articles (one per group, plus singles) as JSONL");
  sub.add_flag("--eval", *eval, "Measure on the perturbed set built from cluster JSONL (--data)");
  sub.add_option("--data", *eval_data, "Cluster JSONL for --eval (default ../shared/data/duc2006/duc2006.jsonl)");
  return [=]() -> int {
    DedupeOptions options;
    options.threshold = *threshold;
    if (*eval) {
      std::string path = eval_data->empty() ? DefaultDucPath() : *eval_data;
      auto r = EvaluateDedupe(path, options);
      if (!r) {
        std::fprintf(stderr, "%s\n", r.error().ToString().c_str());
        return kExitNoUsableInput;
      }
      std::printf("dedupe on the perturbed set from %s: %zu articles (%zu sources + copies)\n",
                  path.c_str(), r->articles, r->sources);
      std::printf("%-10s %9s %9s %10s %10s %12s %9s %10s\n", "threshold", "precision", "recall",
                  "positives", "found", "wrong pairs", "sigs/s", "MB/s");
      std::printf("%-10.2f %9.4f %9.4f %10llu %10llu %12llu %9.0f %10.1f\n", options.threshold,
                  r->precision, r->recall, static_cast<unsigned long long>(r->positives),
                  static_cast<unsigned long long>(r->found),
                  static_cast<unsigned long long>(r->wrong_pairs), r->signatures_per_s, r->mb_per_s);
      std::printf("targets: precision >= 0.99, recall >= 0.95, >= 20000 signatures/s per core; "
                  "whole Dedupe() call %.2f s\n", r->dedupe_s);
      return kExitOk;
    }
    if (inputs->empty()) {
      std::fprintf(stderr, "sitrep dedupe: give input files or --eval\n");
      return kExitUsage;
    }
    IngestResult corpus = Ingest(*inputs, IngestOptions{});
    for (const Error& e : corpus.report.problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    if (corpus.articles.empty()) return kExitNoUsableInput;
    // No Clean here: its cross-article repetition test would mark the copied lines themselves
    // as template text. Dedupe reads each article whole.
    DedupeResult result = Dedupe(corpus.articles, options);
    auto label = [&](uint32_t i) {
      const Article& a = corpus.articles[i];
      std::string s = "[" + std::to_string(i + 1) + "] " + (a.id.empty() ? a.path : a.id);
      if (!a.outlet.empty()) s += " (" + a.outlet + ")";
      if (a.date) s += " " + a.date->ToIso();
      if (!a.title.empty()) s += " \"" + a.title.substr(0, 80) + "\"";
      return s;
    };
    size_t copies = 0;
    for (const DuplicateGroup& g : result.groups) {
      std::printf("keep %s\n", label(g.kept).c_str());
      for (size_t k = 0; k < g.copies.size(); ++k) {
        std::printf("  copy %.3f %s\n", g.similarity[k], label(g.copies[k]).c_str());
      }
      copies += g.copies.size();
    }
    std::fprintf(stderr, "sitrep dedupe: %zu articles, %zu groups, %zu copies dropped\n",
                 corpus.articles.size(), result.groups.size(), copies);
    if (!kept_out->empty()) {
      std::ofstream out(*kept_out, std::ios::binary);
      for (size_t i = 0; i < corpus.articles.size(); ++i) {
        if (result.duplicate_of[i] < 0) out << ArticleJsonLine(corpus.articles[i]) << '\n';
      }
    }
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
