// time: find and normalize date/time expressions (TIMEX3) in news text, and build an event's
// sourced timeline from its articles.
//
// Method: a rule-based tagger over word/number tokens (word tables in data/time/time-lexicon.tsv,
// rules and the resolver in src/time/tagger.cc); relative expressions are resolved against the
// reference (publication) date, narrative ones ("the next day") against the last full date met,
// bare weekdays and months by the tense of their sentence. The timeline groups sentences by the
// date they are anchored to, merges reports across articles (support) and ranks dates.
// Invariants: every TimeExpr and TimelineEntry span is a byte range of the input text.
// Thread safety: all functions are reentrant (the word tables are built once, thread-safely).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

// ---------------------------------------------------------------------------------------------
// Temporal tagger

enum class TimeType : uint8_t { kDate, kTime, kDuration, kSet };
// "DATE", "TIME", "DURATION", "SET" as TimeML spells them.
const char* TimeTypeName(TimeType type);

struct TimeExpr {
  Span span;                 // the expression's bytes in the text given to TagTimes
  TimeType type = TimeType::kDate;
  std::string value;         // TIMEX3 value: "2017-10-26", "2017-10", "2017-W43", "2017-SU", "P9M",
                             // "PRESENT_REF", "XXXX-10", "2017-10-26T13:30", "P1D" (a SET) ...
  std::string mod;           // TIMEX3 mod where one applies: "START", "MID", "END", "APPROX", ...
  // The calendar reading of a DATE/TIME value, when it names one: `date` at the value's precision
  // (year, month or day; month/day 0 = coarser), and the first and last day it covers.
  std::optional<CivilDate> date;
  std::optional<CivilDate> first_day;
  std::optional<CivilDate> last_day;
  bool relative = false;     // resolved from the reference or narrative date, not stated in full
};

struct TimeOptions {
  // Resolve "the next day", "that week" ... from the last complete date met in the text (true),
  // or from the reference date only (false).
  bool narrative_anchor = true;
  // Texts longer than this are tagged up to this many bytes only (work is bounded).
  uint64_t max_text_bytes = 16ull << 20;
};

// Finds the date/time expressions of `text` and normalizes them relative to `reference` (the
// publication date; an incomplete reference leaves relative values with X placeholders).
// Returns expressions in text order, non-overlapping. Never fails; bad bytes are skipped.
std::vector<TimeExpr> TagTimes(std::string_view text, CivilDate reference,
                               const TimeOptions& options = {});

// ---------------------------------------------------------------------------------------------
// TempEval-3 scoring (TimeML .tml files, read with libxml2)

struct TimexScores {
  uint32_t gold = 0, system = 0;            // TIMEX3s in the TEXT (the DCT is not counted)
  uint32_t strict_matches = 0, relaxed_matches = 0;
  uint32_t type_correct = 0, value_correct = 0;  // over relaxed matches
  uint32_t files = 0;
  double strict_p = 0, strict_r = 0, strict_f1 = 0;
  double relaxed_p = 0, relaxed_r = 0, relaxed_f1 = 0;
  double type_accuracy = 0, value_accuracy = 0;  // over relaxed matches
  double type_f1 = 0, value_f1 = 0;             // relaxed F1 x accuracy, as TempEval-3 reports
  std::vector<std::string> errors;              // "file: gold 'text' value=.. vs ours .." lines
  std::vector<Error> problems;                  // unreadable or malformed .tml files (skipped)
};

// Tags every .tml file under `dir` (recursively) with its DCT as reference and scores the result
// the way TempEval-3 Task A did (extent strict/relaxed, type and value over relaxed matches).
// Fails when `dir` holds no readable .tml file.
Result<TimexScores> EvaluateTempEval(const std::string& dir, const TimeOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Timeline

enum class TimelineKind : uint8_t { kEvent, kBackground };
const char* TimelineKindName(TimelineKind kind);

struct TimelineSource {
  uint32_t article = 0;      // Article::index
  Span sentence;             // the sentence of that article that dates the happening
  Span time;                 // the date expression inside it (empty = the publication date)
};

struct TimelineEntry {
  CivilDate date;            // complete day (month/year-precision dates are kept as background)
  std::string value;         // the TIMEX3 value the sources agree on ("2011-01-25", "2010-11")
  TimelineKind kind = TimelineKind::kEvent;
  uint32_t article = 0;      // the representative sentence shown: article and span
  Span sentence;
  uint32_t support = 0;      // distinct articles that date something to this day
  double score = 0;
  std::vector<TimelineSource> sources;  // the shown sentence first
};

struct TimelineOptions {
  uint32_t max_dates = 10;            // entries kept (best scored); 0 = no limit
  uint32_t sentences_per_date = 1;    // sentences shown per date
  // Dates more than this many days before the earliest publication date are background.
  int background_days = 30;
  // Only dates within [first_date, last_date] when given (complete dates).
  std::optional<CivilDate> first_date;
  std::optional<CivilDate> last_date;
  // Use the publication date for sentences of an article that name no date (weight 0..1).
  double publication_date_weight = 0.2;
  TimeOptions time;
};

struct Timeline {
  std::vector<TimelineEntry> entries;      // events in date order, then background in date order
  uint32_t dated_sentences = 0;            // sentences anchored to some day
};

// Builds the timeline of one event from its articles (cleaned and segmented: Article::sentences
// are spans of Article::text; Article::date is the publication date). Articles without a date
// still contribute explicit dates. Reentrant.
Timeline BuildTimeline(std::span<const Article> articles, const TimelineOptions& options = {});

// ---------------------------------------------------------------------------------------------
// Timeline17 scoring (news-tls protocol)

struct TimelineTopicScore {
  std::string topic;            // "EgyptianProtest_cnn/tl8.txt"
  double date_f1 = 0;
  double ar1_f = 0, ar2_f = 0;  // alignment-based ROUGE-1/2 F (date-content costs, many-to-one)
  double seconds = 0;           // time to build the timeline
};

struct TimelineScores {
  std::vector<TimelineTopicScore> topics;
  double date_f1 = 0, ar1_f = 0, ar2_f = 0;  // means over the reference timelines
  double mean_seconds = 0, max_seconds = 0;
  std::vector<Error> problems;
};

// Reads the Timeline17 cluster JSONL (../shared/data/timeline17/timeline17.jsonl), builds one
// timeline per reference timeline (as many dates as the reference, its mean sentences per date,
// within its date span) and scores it as news-tls does. `topic_filter` keeps topics whose id
// contains it ("" = all). `oracle` scores, instead of BuildTimeline, the reference dates with the
// best-ROUGE candidate sentence per date (calibrates the metric against the published oracle).
// Fails when the file cannot be read.
Result<TimelineScores> EvaluateTimeline17(const std::string& jsonl_path,
                                          const TimelineOptions& options = {},
                                          const std::string& topic_filter = "",
                                          bool oracle = false);

}  // namespace sitrep
