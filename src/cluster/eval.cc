// The labelled DUC 2006 + Timeline17 stream and the B-cubed comparison with the baseline.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <numeric>
#include <vector>

#include "sitrep/clean.h"
#include "sitrep/cluster.h"
#include "sitrep/ingest.h"

namespace sitrep {

bool OnTopic(std::string_view topic, std::string_view text) {
  // The names every report on the topic uses, chosen by reading the collections (a case-
  // sensitive substring test: "Syria" also finds "Syrian"). An article naming none of them is
  // about something else or empty (checked by hand on a sample of each collection).
  struct Names {
    std::string_view topic;
    std::vector<std::string_view> names;
  };
  static const Names kTopics[] = {
      {"SyrianCrisis", {"Syria", "Assad"}},
      {"LibyaWar", {"Libya", "Gaddafi", "Qaddafi", "Kadhafi", "Tripoli", "Benghazi"}},
      {"EgyptianProtest", {"Egypt", "Mubarak", "Cairo"}},
      {"H1N1", {"H1N1", "swine", "flu", "pandemic"}},
      {"bpoil", {"oil", "BP", "spill", "Deepwater"}},
      {"haiti", {"Haiti"}},
      {"MJ", {"Jackson"}},
      {"IraqWar", {"Iraq", "Baghdad"}},
  };
  for (const Names& t : kTopics) {
    if (t.topic != topic) continue;
    return std::any_of(t.names.begin(), t.names.end(), [&](std::string_view name) {
      return text.find(name) != std::string_view::npos;
    });
  }
  return true;
}

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
    bool on_topic = OnTopic(gold, a.title) || OnTopic(gold, a.text);
    stream.off_topic += on_topic ? 0 : 1;
    stream.on_topic.push_back(on_topic ? 1 : 0);
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
  report.off_topic = stream.off_topic;
  auto run = [&](const SignOptions& s, const ClusterOptions& o, double& seconds,
                 BCubedScore& all, BCubedScore& on_topic) {
    auto start = std::chrono::steady_clock::now();
    ClusterResult result = ClusterArticles(stream.articles, s, o);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    all = ScoreBCubed(stream.gold, result.event_of);
    std::vector<std::string> gold;
    std::vector<uint64_t> predicted;
    for (size_t i = 0; i < stream.gold.size(); ++i) {
      if (i < stream.on_topic.size() && stream.on_topic[i] == 0) continue;
      gold.push_back(stream.gold[i]);
      predicted.push_back(result.event_of[i]);
    }
    on_topic = ScoreBCubed(gold, predicted);
  };
  run(sign, options, report.ours_seconds, report.ours, report.ours_on_topic);
  if (run_baseline) {
    run(BaselineSignOptions(), BaselineClusterOptions(), report.baseline_seconds, report.baseline,
        report.baseline_on_topic);
  }
  return report;
}

}  // namespace sitrep
