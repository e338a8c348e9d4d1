// The labelled DUC 2006 + Timeline17 stream and the B-cubed comparison with the baseline.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <numeric>

#include "sitrep/clean.h"
#include "sitrep/cluster.h"
#include "sitrep/ingest.h"

namespace sitrep {

Result<LabelledStream> LoadLabelledStream(const std::string& shared_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths = {shared_dir + "/data/duc2006/duc2006.jsonl",
                                    shared_dir + "/data/timeline17/timeline17.jsonl"};
  for (const std::string& path : paths) {
    if (!fs::exists(path)) {
      return MakeError(ErrorCode::kNotFound, path, "evaluation data not found",
                       "pass --shared to the folder that holds data/duc2006 and data/timeline17");
    }
  }
  IngestResult input = Ingest(paths, IngestOptions{});
  LabelledStream stream;
  std::vector<size_t> order(input.articles.size());
  std::iota(order.begin(), order.end(), 0);
  auto day = [&](size_t i) -> int64_t {
    const auto& d = input.articles[i].date;
    return d && d->IsComplete() ? d->ToDays() : INT64_MAX;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return day(a) < day(b); });
  stream.articles.reserve(order.size());
  for (size_t i : order) {
    Article& a = input.articles[i];
    std::string gold = a.event_id;
    // Timeline17 ids are <topic>_<outlet>; DUC ids (D0601A) hold no underscore.
    if (size_t cut = gold.rfind('_'); cut != std::string::npos) gold.resize(cut);
    if (gold.empty()) continue;
    if (day(i) == INT64_MAX) ++stream.undated;
    a.index = static_cast<uint32_t>(stream.articles.size());
    stream.gold.push_back(std::move(gold));
    stream.articles.push_back(std::move(a));
  }
  if (stream.articles.empty()) {
    return MakeError(ErrorCode::kEmpty, paths[0], "no labelled article was read",
                     "check that the JSONL files are the cluster format of data/SOURCES.md");
  }
  Clean(stream.articles, CleanOptions{});
  return stream;
}

ClusterEvalReport EvaluateClustering(const LabelledStream& stream, const SignOptions& sign,
                                     const ClusterOptions& options, bool run_baseline) {
  ClusterEvalReport report;
  report.articles = static_cast<uint32_t>(stream.articles.size());
  report.undated = stream.undated;
  auto run = [&](const SignOptions& s, const ClusterOptions& o, double& seconds) {
    auto start = std::chrono::steady_clock::now();
    ClusterResult result = ClusterArticles(stream.articles, s, o);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return ScoreBCubed(stream.gold, result.event_of);
  };
  report.ours = run(sign, options, report.ours_seconds);
  if (run_baseline) report.baseline = run(BaselineSignOptions(), BaselineClusterOptions(), report.baseline_seconds);
  return report;
}

}  // namespace sitrep
