// TimeML reading and TempEval-3 scoring internals (src/time only; public entry points are in
// include/sitrep/time.h). Not thread-safe across calls that share one TimexScores.
#pragma once

#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"
#include "sitrep/time.h"

namespace sitrep::time_internal {

struct GoldTimex {
  Span span;           // into TimeMLDoc::text
  std::string type;    // "DATE", "TIME", "DURATION", "SET"
  std::string value;
};

struct TimeMLDoc {
  std::string path;
  CivilDate dct;                  // the document creation time (year 0 when absent)
  std::string text;               // the text nodes under <TEXT>, concatenated
  std::vector<GoldTimex> timexes; // the TIMEX3 elements under <TEXT>
};

// Parses a .tml file with libxml2.
Result<TimeMLDoc> ReadTimeML(const std::string& path);
// Adds one document's counts to `scores` (and error lines when keep_errors).
void ScoreDocument(const TimeMLDoc& doc, const std::vector<TimeExpr>& system, TimexScores& scores,
                   bool keep_errors);
// Fills the percentages of `scores` from its counts.
void FinishScores(TimexScores& scores);

}  // namespace sitrep::time_internal
