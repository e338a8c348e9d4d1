// figures: the numbers in an event's reports, who stated them, and where the sources disagree.
//
// Method: a byte-level scanner reads numbers in digits and words over the kept sentences of an
// article, then the modifier before ("about", "at least"), the unit after (converted to a base
// unit, the original kept), what is counted (an outcome such as killed/injured, else the counted
// noun or the measured dimension) and the reporting clause of the same sentence ("X said",
// "according to Y", "told Z", "quoted by W": reporting chains kept). ConsolidateFigures groups
// claims by (head, noun, dimension), reads each value as an interval (modifiers and unit rounding
// widen it) and flags a disagreement only where claims of different articles cannot all hold;
// event dates and plainly stated causes are compared the same way.
// Invariants: every span is a byte range of its Article::text inside a kept block; numbers in
// dropped blocks (references, comments, captions) never count. Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

enum class FigureModifier : uint8_t {
  kNone,
  kAbout,      // about, around, some, roughly, nearly, an estimated ...
  kMoreThan,   // more than, over, upwards of
  kAtLeast,    // at least, no fewer than
  kUpTo,       // up to, as many as, at most
  kLessThan,   // less than, fewer than, under
};
// "", "about", "more than", "at least", "up to", "less than".
const char* FigureModifierName(FigureModifier modifier);

// Who stated a figure: the speaker and the outlets or people it came through.
struct Attribution {
  std::string source;               // "the Ministry of Health", "a military source"; "" = none
  Span span;                        // of `source` in Article::text
  std::vector<std::string> relays;  // the chain outward: "told the news agency VNA" -> "VNA"
  std::vector<Span> relay_spans;
  bool empty() const { return source.empty(); }
};

struct Figure {
  uint32_t article = 0;        // Article::index
  uint32_t sentence = 0;       // index into Article::sentences (or into the scanned units)
  Span span;                   // modifier + number(s) + unit, as written
  std::string text;            // the bytes of `span`
  double low = 0;              // value as stated, in `unit`; low == high for a point
  double high = 0;             // +infinity for "more than"/"at least" after widening only
  bool is_range = false;       // "45-60", "between 120 and 150"
  std::string vague;           // "dozens", "hundreds", "tens of thousands"; "" for numbers
  FigureModifier modifier = FigureModifier::kNone;
  std::string unit;            // canonical: "km" "mi" "m" "ft" "ha" "acre" "km2" "kg" "t" "%"
                               // "day" "week" "month" "year" "hour" "usd" "eur" "gbp"; "" = count
  std::string dimension;       // "length" "area" "mass" "duration" "percent" "money:usd" ...; ""
  double base_low = 0;         // low/high converted to the dimension's base unit
  double base_high = 0;        //   (km, ha, kg, day); equal to low/high when there is none
  std::string head;            // what is counted: killed, injured, missing, displaced, evacuated,
                               // homeless, destroyed, damaged, ...; else the noun (troops,
                               // villages) or the dimension (distance, depth, area, magnitude)
  std::string noun;            // the counted noun when head is an outcome ("soldiers")
  Attribution attribution;     // empty = unattributed
  bool partial = false;        // "380 of the injured": a part of a total; never consolidated
  bool superseded = false;     // "up from 25,000": a figure the text itself replaces
  bool general = false;        // a rate or background statistic ("each year", a sentence naming
                               // a year): listed, never set against the event's figures
  bool total = false;          // a toll that names no noun ("the death toll rose to 17"): all
                               // who died, whoever they were
};

// A stated date of the event ("the landslide struck on Tuesday", "Monday's earthquake").
struct DateClaim {
  uint32_t article = 0;
  Span span;                   // the date expression
  std::string event;           // normalized event noun: landslide, earthquake, attack, fire ...
  CivilDate date;              // complete date, resolved against the publication date
};

// A plainly stated cause ("the blaze was caused by an electrical fault").
struct ReasonClaim {
  uint32_t article = 0;
  Span span;                   // the cause phrase
  std::string event;
  std::string reason;          // the cause phrase as written
};

struct FigureOptions {
  double about_tolerance = 0.10;  // "about N" reads as N +- 10%
  // Two values further apart than this factor count different scopes (a city's toll against
  // a country's), not a disagreement.
  double max_value_ratio = 10.0;
  // Claims of two articles published further apart than this are updates, not disagreements
  // (both dates must be known; an article without a date is compared with all).
  int max_publication_gap_days = 3;
  // Date claims from another layer (e.g. the timeline of src/time); when unset the built-in
  // reader of weekday / "Month D" expressions is used.
  std::function<std::vector<DateClaim>(const Article&)> date_claims;
};

// Figures of one article, in text order, from Article::sentences when filled, else from the
// kept blocks (or the whole text when there are no blocks).
std::vector<Figure> ExtractFigures(const Article& article);

// Built-in date and cause readers (used by ConsolidateFigures).
std::vector<DateClaim> ExtractDateClaims(const Article& article);
std::vector<ReasonClaim> ExtractReasonClaims(const Article& article);

// "52", "45-60", "6.4", "dozens", "tens of thousands": the value key used in reports and gold.
std::string FigureValueKey(const Figure& figure);

// One value stated for a quantity and the claims that state it.
struct FigureValue {
  std::string key;                 // FigureValueKey of the first claim
  std::string text;                // as written in the first claim
  std::vector<uint32_t> figures;   // indices into FigureReport::figures
  uint32_t support = 0;            // distinct articles stating it
};

// Claims about the same quantity of the same thing.
struct FigureGroup {
  std::string head;
  std::string noun;
  std::string dimension;
  std::vector<FigureValue> values;  // most supported first
  bool disputed = false;
};

enum class DisagreementKind : uint8_t { kValue, kDate, kReason };
// "value", "date", "reason".
const char* DisagreementKindName(DisagreementKind kind);

struct DisagreementSide {
  std::string value;               // value key, ISO date or cause phrase
  std::string text;                // as written in the first claim
  std::vector<uint32_t> articles;  // Article::index of every article on this side
  std::vector<Span> spans;         // the claim in each of those articles (same order)
  std::vector<std::string> sources;  // attribution of each claim ("" = unattributed)
};

struct Disagreement {
  DisagreementKind kind = DisagreementKind::kValue;
  std::string topic;               // head (figures) or event (dates, causes)
  std::string noun;
  std::vector<DisagreementSide> sides;  // at least two, from different articles
};

struct FigureReport {
  std::vector<Figure> figures;          // every figure of every article, in article order
  std::vector<DateClaim> dates;
  std::vector<ReasonClaim> reasons;
  std::vector<FigureGroup> groups;      // quantities stated by at least one article
  std::vector<Disagreement> disagreements;
};

// Extracts and consolidates the figures of one event's articles.
FigureReport ConsolidateFigures(std::span<const Article> articles,
                                const FigureOptions& options = {});

// The "Figures" and "Disagreements" sections of a Markdown brief. Citations are [n] with
// n = Article::index + 1; each value lists its sources. Figures: casualty and damage groups
// first, then measures, then any other group stated by two or more articles, at most
// `max_groups`. Empty string when there is nothing to show.
std::string RenderFiguresMarkdown(const FigureReport& report, std::span<const Article> articles,
                                  size_t max_groups = 12);

// ---------------------------------------------------------------------------------------------
// Gold-set evaluation (tests/gold/figures: <event>/<article>.txt plus gold.tsv; see
// docs/figures.md for both formats).

struct FigureEvalResult {
  uint32_t gold_figures = 0, system_figures = 0, figure_matches = 0;
  uint32_t gold_disagreements = 0, system_disagreements = 0;
  uint32_t disagreement_matches = 0;      // system disagreements matching a gold one
  uint32_t gold_disagreements_found = 0;  // gold disagreements matched by a system one
  double figure_p = 0, figure_r = 0, disagreement_p = 0, disagreement_r = 0;
  uint32_t articles = 0, events = 0;
  std::vector<std::string> errors;        // "FP ..." / "FN ..." lines, for --verbose
};

// Reads the gold articles in `dir` (header lines, then paragraphs; a "References", "Sources" or
// "Comments" paragraph drops all that follows, a "Photo:" paragraph is a caption) and scores.
Result<FigureEvalResult> EvaluateFiguresGold(const std::string& dir,
                                             const FigureOptions& options = {});

// Parses one gold-format article (exposed for tests and the benchmark).
Article ParseGoldArticle(std::string_view file_text, std::string id);

}  // namespace sitrep
