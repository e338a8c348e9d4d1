// sitrep eval-timeline: build a timeline per Timeline17 reference timeline and score it as
// news-tls does, beside the published Timeline17 rows (Gholipour Ghalandari & Ifrim 2020).
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "sitrep/time.h"

namespace sitrep::cli {
namespace {

const Command kEvalTimeline("eval-timeline",
                            "Score the timeline builder on Timeline17 (news-tls protocol)",
                            [](CLI::App& sub) {
  auto path = std::make_shared<std::string>();
  auto topic = std::make_shared<std::string>();
  auto per_topic = std::make_shared<bool>(false);
  auto oracle = std::make_shared<bool>(false);
  sub.add_option("--data", *path, "timeline17.jsonl (../shared/data/timeline17/timeline17.jsonl)")
      ->required();
  sub.add_option("--topic", *topic, "only topics whose id contains this");
  sub.add_flag("--per-topic", *per_topic, "print one row per reference timeline");
  sub.add_flag("--oracle", *oracle,
               "score reference dates with the best-ROUGE candidate sentence (calibration)");
  return [path, topic, per_topic, oracle]() -> int {
    auto scores = EvaluateTimeline17(*path, TimelineOptions{}, *topic, *oracle);
    if (!scores) {
      std::fprintf(stderr, "%s\n", scores.error().ToString().c_str());
      return kExitNoUsableInput;
    }
    for (const Error& e : scores->problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    const TimelineScores& s = *scores;
    if (*per_topic) {
      for (const auto& t : s.topics) {
        std::printf("%-45s dateF1 %.3f  AR1-F %.3f  AR2-F %.3f  %.2f s\n", t.topic.c_str(),
                    t.date_f1, t.ar1_f, t.ar2_f, t.seconds);
      }
    }
    std::printf("Timeline17 (%zu reference timelines)\n", s.topics.size());
    std::printf("%-28s %8s %8s %8s %12s\n", "system", "AR1-F", "AR2-F", "Date-F1", "s/timeline");
    std::printf("%-28s %8.3f %8.3f %8.3f %7.2f (max %.2f)\n",
                *oracle ? "sitrep oracle (1 sent/date)" : "sitrep", s.ar1_f, s.ar2_f,
                s.date_f1, s.mean_seconds, s.max_seconds);
    // Published rows, Timeline17 (Gholipour Ghalandari & Ifrim 2020, Table 3).
    std::printf("%-28s %8.3f %8s %8.3f\n", "DATEWISE (2020)", 0.120, "", 0.544);
    std::printf("%-28s %8.3f %8s %8.3f\n", "CLUST (2020)", 0.082, "", 0.407);
    std::printf("%-28s %8.3f %8s %8.3f\n", "Oracle, full (2020)", 0.312, "", 0.926);
    std::printf("(ROUGE here: ROUGE-1.5.5 tokens and stems, sitrep's stop-word list for -s; "
                "Timeline17 here lacks Finan_washingtonpost)\n");
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
