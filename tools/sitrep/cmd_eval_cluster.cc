// sitrep eval-cluster: B-cubed P/R/F1 of event clustering on the labelled DUC 2006 + Timeline17
// stream, ours beside the TF-IDF single-pass baseline in the same run.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "command.h"
#include "sitrep/cluster.h"

namespace sitrep::cli {
namespace {

struct EvalClusterFlags {
  std::string shared;
  SignOptions sign;
  ClusterOptions cluster;
  bool skip_baseline = false;
  std::string dump;
};

const Command kEvalCluster(
    "eval-cluster", "Score event clustering (B-cubed) on DUC 2006 + Timeline17 in publication order",
    [](CLI::App& sub) {
      auto f = std::make_shared<EvalClusterFlags>();
      const char* env = std::getenv("SITREP_SHARED_DIR");
      f->shared = env != nullptr ? env : "../shared";
      sub.add_option("--shared", f->shared, "folder holding data/duc2006 and data/timeline17")
          ->capture_default_str();
      sub.add_option("--join", f->cluster.join_threshold, "cosine needed to join an event")
          ->capture_default_str();
      sub.add_option("--merge", f->cluster.merge_threshold, "centroid cosine to merge events")
          ->capture_default_str();
      sub.add_option("--absorb", f->cluster.absorb_threshold, "centroid cosine to absorb a fragment")
          ->capture_default_str();
      sub.add_option("--merge-entities", f->cluster.merge_entity_threshold,
                     "names' cosine also needed to merge (0 = not checked)")
          ->capture_default_str();
      sub.add_option("--stale-penalty", f->cluster.stale_penalty, "added to --join for idle events")
          ->capture_default_str();
      sub.add_option("--window-days", f->cluster.window_days, "idle days before an event is stale")
          ->capture_default_str();
      sub.add_option("--max-stale-penalty", f->cluster.max_stale_penalty, "cap of the idle penalty")
          ->capture_default_str();
      sub.add_option("--idf-power", f->cluster.idf_power, "IDF exponent")->capture_default_str();
      sub.add_option("--warmup", f->cluster.warmup_articles, "warm-up articles")->capture_default_str();
      sub.add_option("--warmup-penalty", f->cluster.warmup_penalty, "join penalty at the start")
          ->capture_default_str();
      sub.add_option("--max-df", f->cluster.max_df_ratio, "terms in a larger share are ignored")
          ->capture_default_str();
      sub.add_option("--doc-terms", f->cluster.doc_terms, "terms kept per article")
          ->capture_default_str();
      sub.add_option("--centroid-terms", f->cluster.centroid_terms, "terms kept per event")
          ->capture_default_str();
      sub.add_option("--candidate-terms", f->cluster.candidate_terms,
                     "an article's heaviest terms that look up candidate events")
          ->capture_default_str();
      sub.add_option("--max-candidates", f->cluster.max_candidates, "events scored per article")
          ->capture_default_str();
      sub.add_flag("--exhaustive", f->cluster.exhaustive, "score every open event (slow)");
      sub.add_option("--lead-bytes", f->sign.max_body_bytes, "body bytes read per article (0 = all)")
          ->capture_default_str();
      sub.add_option("--title-weight", f->sign.title_weight, "weight of title terms")
          ->capture_default_str();
      sub.add_option("--entity-weight", f->sign.entity_weight, "weight of name features")
          ->capture_default_str();
      sub.add_flag("--skip-baseline", f->skip_baseline, "run ours only (for parameter sweeps)");
      sub.add_option("--dump", f->dump, "write gold, event, article id, source collection, date, title per article (ours)");
      return [f]() -> int {
        auto stream = LoadLabelledStream(f->shared);
        if (!stream) {
          std::fprintf(stderr, "%s\n", stream.error().ToString().c_str());
          return kExitNoUsableInput;
        }
        if (!f->dump.empty()) {
          ClusterResult ours = ClusterArticles(stream->articles, f->sign, f->cluster);
          FILE* out = std::fopen(f->dump.c_str(), "w");
          if (out == nullptr) {
            std::fprintf(stderr, "%s: cannot write\n", f->dump.c_str());
            return kExitUsage;
          }
          for (size_t i = 0; i < ours.event_of.size(); ++i) {
            const Article& a = stream->articles[i];
            // Ids repeat across a topic's outlets: the source collection (topic_outlet) and
            // the title tell the articles apart when reading the dump.
            std::string title = a.title.empty() ? a.text.substr(0, 80) : a.title.substr(0, 80);
            std::replace(title.begin(), title.end(), '\t', ' ');
            std::replace(title.begin(), title.end(), '\n', ' ');
            std::fprintf(out, "%s\t%llu\t%s\t%s\t%s\t%s\n", stream->gold[i].c_str(),
                         static_cast<unsigned long long>(ours.event_of[i]), a.id.c_str(),
                         a.event_id.c_str(), a.date ? a.date->ToIso().c_str() : "",
                         title.c_str());
          }
          std::fclose(out);
        }
        ClusterEvalReport r = EvaluateClustering(*stream, f->sign, f->cluster, !f->skip_baseline);
        std::printf("stream: %u articles (%u undated, placed last), %u gold events\n", r.articles,
                    r.undated, r.ours.gold_clusters);
        std::printf("%-28s %9s %9s %9s %8s %9s\n", "method", "B3-P", "B3-R", "B3-F1", "events",
                    "art/s");
        auto row = [&](const char* name, const BCubedScore& s, double seconds) {
          std::printf("%-28s %9.4f %9.4f %9.4f %8u %9.0f\n", name, s.precision, s.recall, s.f1,
                      s.predicted_clusters, seconds > 0 ? r.articles / seconds : 0.0);
        };
        row("sitrep (online, merge)", r.ours, r.ours_seconds);
        if (!f->skip_baseline) row("tf-idf single-pass", r.baseline, r.baseline_seconds);
        std::printf("topic-checked: the %u Timeline17 articles that never name their topic "
                    "(mislabelled or empty) stay in the stream, unscored\n", r.off_topic);
        row("sitrep (online, merge)", r.ours_on_topic, r.ours_seconds);
        if (!f->skip_baseline) row("tf-idf single-pass", r.baseline_on_topic, r.baseline_seconds);
        return kExitOk;
      };
    });

}  // namespace
}  // namespace sitrep::cli
