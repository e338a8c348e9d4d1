// sitrep eval: summarize every event of a cluster JSONL file (DUC 2006 format) with sitrep's
// methods and baselines, score each with ROUGE-1.5.5's definitions, print one table.
#include <cstdio>
#include <memory>

#include "command.h"
#include "sitrep/eval.h"

namespace sitrep::cli {
namespace {

const Command kEval(
    "eval", "Score summarizers with ROUGE on a cluster JSONL file (e.g. DUC 2006)",
    [](CLI::App& sub) {
      auto o = std::make_shared<EvalOptions>();
      auto format = std::make_shared<std::string>("table");
      auto no_ots = std::make_shared<bool>(false);
      auto verbose = std::make_shared<bool>(false);
      sub.add_option("--data", o->data_path, "cluster JSONL with reference summaries")
          ->required();
      sub.add_option("--words", o->max_words, "summary length in words (default 250)");
      sub.add_option("--method", o->methods,
                     "systems to run (repeatable): default, concepts, submodular, centroid, "
                     "lexrank, textrank, lead, random, oracle, ots; default: all");
      sub.add_option("--format", *format, "table or json")
          ->check(CLI::IsMember({"table", "json"}));
      sub.add_option("--out", o->out_dir, "write each system's summaries to DIR/<system>/<event>.txt");
      sub.add_option("--event", o->event_id, "score only this event id");
      sub.add_option("--max-events", o->max_events, "score only the first N events");
      sub.add_option("--ots", o->ots_program, "the ots program to run (default: ots on PATH)");
      sub.add_flag("--no-ots", *no_ots, "do not run ots");
      sub.add_flag("--all-sentences", [o](int64_t) { o->standalone_only = false; },
                   "let our methods pick sentences that do not stand alone");
      sub.add_flag("--verbose", *verbose, "list every warning (repaired dates etc.)");
      sub.add_option("--samples", o->rouge.bootstrap_samples, "bootstrap resamples (default 1000)");
      return [o, format, no_ots, verbose]() -> int {
        o->run_ots = !*no_ots;
        auto report = RunEval(*o);
        if (!report) {
          std::fprintf(stderr, "sitrep eval: %s\n", report.error().ToString().c_str());
          return report.error().code == ErrorCode::kInvalidArgument ? kExitUsage
                                                                     : kExitNoUsableInput;
        }
        size_t warnings = 0;
        for (const Error& e : report->problems) {
          if (!e.fatal && !*verbose && e.source == o->data_path) {
            ++warnings;
            continue;
          }
          std::fprintf(stderr, "sitrep eval: %s\n", e.ToString().c_str());
        }
        if (warnings) {
          std::fprintf(stderr, "sitrep eval: %zu warnings while reading (--verbose lists them)\n",
                       warnings);
        }
        const std::string text =
            *format == "json" ? FormatEvalJson(*report) : FormatEvalTable(*report);
        std::fwrite(text.data(), 1, text.size(), stdout);
        return kExitOk;
      };
    });

}  // namespace
}  // namespace sitrep::cli
