// sitrep eval-figures: precision/recall of figures and disagreements on a hand-written gold set.
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "sitrep/figures.h"

namespace sitrep::cli {
namespace {

const Command kEvalFigures(
    "eval-figures", "Score figure extraction and disagreement detection on a gold set",
    [](CLI::App& sub) {
      auto dir = std::make_shared<std::string>("tests/gold/figures");
      auto verbose = std::make_shared<bool>(false);
      sub.add_option("--data", *dir, "Gold folder: <event>/<article>.txt and gold.tsv")
          ->capture_default_str();
      sub.add_flag("-v,--verbose", *verbose, "List every false positive and false negative");
      return [dir, verbose]() -> int {
        Result<FigureEvalResult> r = EvaluateFiguresGold(*dir);
        if (!r) {
          std::fprintf(stderr, "%s\n", r.error().ToString().c_str());
          return kExitNoUsableInput;
        }
        const FigureEvalResult& e = *r;
        std::printf("gold set: %u events, %u articles\n", e.events, e.articles);
        std::printf("figures:       P %.3f (%u/%u)  R %.3f (of %u gold)\n", e.figure_p,
                    e.figure_matches, e.system_figures, e.figure_r, e.gold_figures);
        std::printf("disagreements: P %.3f (%u/%u)  R %.3f (%u/%u gold)\n", e.disagreement_p,
                    e.disagreement_matches, e.system_disagreements, e.disagreement_r,
                    e.gold_disagreements_found, e.gold_disagreements);
        if (*verbose)
          for (const std::string& line : e.errors) std::printf("  %s\n", line.c_str());
        return kExitOk;
      };
    });

}  // namespace
}  // namespace sitrep::cli
