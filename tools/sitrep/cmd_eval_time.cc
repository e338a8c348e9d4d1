// sitrep eval-time: score the temporal tagger on TempEval-3 TimeML files, beside the published
// Task A rows (UzZaman et al. 2013, Table of TempEval-3 Task A results).
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "sitrep/time.h"

namespace sitrep::cli {
namespace {

const Command kEvalTime("eval-time", "Score the temporal tagger on TempEval-3 (TimeML .tml)",
                        [](CLI::App& sub) {
  auto dir = std::make_shared<std::string>();
  auto errors = std::make_shared<bool>(false);
  sub.add_option("--data", *dir, "TempEval-3 folder or .tml file (e.g. "
                 "../shared/data/tempeval3/test_te3-platinum)")->required();
  sub.add_flag("--errors", *errors, "List misses, wrong values and spurious tags on stderr");
  return [dir, errors]() -> int {
    auto scores = EvaluateTempEval(*dir);
    if (!scores) {
      std::fprintf(stderr, "%s\n", scores.error().ToString().c_str());
      return kExitNoUsableInput;
    }
    for (const Error& e : scores->problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    if (*errors) {
      for (const std::string& line : scores->errors) std::fprintf(stderr, "%s\n", line.c_str());
    }
    const TimexScores& s = *scores;
    std::printf("TempEval-3 Task A (timex) on %s: %u files, %u gold, %u ours\n", dir->c_str(),
                s.files, s.gold, s.system);
    std::printf("%-22s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s\n", "system", "F1", "P", "R",
                "strictF1", "strictP", "strictR", "valueF1", "typeF1", "value%", "type%");
    std::printf("%-22s %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f %7.2f\n", "sitrep",
                s.relaxed_f1, s.relaxed_p, s.relaxed_r, s.strict_f1, s.strict_p, s.strict_r,
                s.value_f1, s.type_f1, s.value_accuracy, s.type_accuracy);
    // Published TempEval-3 platinum rows (UzZaman et al. 2013, Task A table), only the figures
    // checked against the paper: relaxed F1, strict F1 and value F1 (SUTime: value F1).
    std::printf("%-22s %7.2f %7s %7s %7.2f %7s %7s %7.2f\n", "HeidelTime-t (2013)", 90.30, "", "",
                81.34, "", "", 77.61);
    std::printf("%-22s %7s %7s %7s %7s %7s %7s %7.2f\n", "SUTime (2013)", "", "", "", "", "", "",
                67.38);
    std::printf("(published rows: TempEval-3 platinum test set; ours is comparable only when "
                "--data is that set)\n");
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
