// eval: ROUGE exactly as ROUGE-1.5.5 computes it, and the DUC-style runner behind `sitrep eval`.
//
// Method: ROUGE-1.5.5's definitions (docs/rouge.md): ASCII lower-casing, non-alphanumerics to
// spaces, its modified Porter stemmer with WordNet exceptions (-m), ROUGE-N, LCS/WLCS with union
// hits and unigram clipping, skip-bigrams with unigrams (-2 -u), model-average counting (-f A),
// NIST's jackknife over the references, and bootstrap confidence intervals over events.
// Invariant: per-event scores equal ROUGE-1.5.5's printed ones to 5 decimals (tested against
// ../shared/data/duc2006/rouge155-vectors). Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct RougeOptions {
  uint32_t max_ngram = 4;          // -n: ROUGE-1 .. ROUGE-max_ngram
  bool rouge_l = true;             // ROUGE-L (no -x)
  double wlcs_weight = 1.2;        // -w: ROUGE-W-<weight>; 0 = skip ROUGE-W
  int32_t skip_distance = 4;       // -2: ROUGE-S<d>; < 0 = unlimited gap; see skip_enabled
  bool skip_enabled = true;        // compute the skip-bigram metric at all
  bool skip_unigrams = true;       // -u: ROUGE-SU (unigrams counted with the skip-bigrams)
  bool stem = true;                // -m: Porter stemming (ROUGE's variant) of tokens longer than 3
  bool wordnet_exceptions = true;  // -m looks irregular forms up first (WordNet exception lists)
  bool remove_stopwords = false;   // -s: drop SMART-list stop words (ROUGE's smart_common_words)
  uint32_t max_words = 0;          // -l: keep the first words of peer and models; 0 = all
  uint32_t max_bytes = 0;          // -b: keep the first bytes instead; 0 = all (not with max_words)
  double alpha = 0.5;              // -p: F = PR / ((1 - alpha) P + alpha R)
  bool jackknife = true;           // NIST: average over the leave-one-reference-out subsets
  uint32_t bootstrap_samples = 1000;  // -r
  double confidence_percent = 95;     // -c
};

struct RougeScore {
  double recall = 0;
  double precision = 0;
  double f = 0;
};

// One metric of one event, e.g. {"ROUGE-2", {0.0912, 0.0887, 0.0899}}.
struct RougeMetricScore {
  std::string metric;   // "ROUGE-1".."ROUGE-4", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4"
  RougeScore score;     // jackknifed: the mean of `subsets`
  std::vector<RougeScore> subsets;  // jackknife: one score per left-out reference, else empty
};

// A summary as ROUGE reads it: one unit (sentence) per string, in order.
using RougeText = std::vector<std::string>;

// Scores one peer against the references (models) of one event. Metrics come in the order
// ROUGE-1..N, ROUGE-L, ROUGE-W, ROUGE-S/SU. With no model, every score is 0.
std::vector<RougeMetricScore> ScoreRouge(const RougeText& peer, std::span<const RougeText> models,
                                         const RougeOptions& options);

// The average of per-event scores with a bootstrap confidence interval (ROUGE-1.5.5's
// percentile interpolation; resample i uses seed i, so runs repeat exactly). Jackknifed scores
// are resampled per subset, as NIST did (each event's leave-one-out runs were separate
// evaluation items), which gives NIST's narrower intervals; the mean is the same.
struct RougeAverage {
  std::string metric;
  RougeScore mean;
  RougeScore low;
  RougeScore high;
  uint32_t events = 0;
};
std::vector<RougeAverage> AverageRouge(std::span<const std::vector<RougeMetricScore>> per_event,
                                       const RougeOptions& options);

// The tokens ROUGE counts in one text after its cut, lower-casing, splitting and stemming,
// for tests and for `--explain`-style debugging.
std::vector<std::string> RougeTokens(const RougeText& text, const RougeOptions& options);

// ROUGE-1.5.5's Porter stemmer (with Chin-Yew Lin's step-4 change) of a lower-case word;
// `wordnet` looks the word up in the WordNet exception lists first.
std::string RougeStem(const std::string& lower_word, bool wordnet = true);

// ---- the runner behind `sitrep eval` ----

struct EvalOptions {
  std::string data_path;                 // cluster JSONL with "summaries" (the DUC 2006 format)
  uint32_t max_words = 250;              // summary length asked of every system
  std::vector<std::string> methods;      // summarizer methods; empty = default + all baselines
  bool run_ots = true;                   // also run Debian's `ots` when found on PATH
  std::string ots_program = "ots";
  std::string out_dir;                   // when set: <out_dir>/<system>/<event>.txt
  std::string event_id;                  // only this event ("" = all)
  uint32_t max_events = 0;               // 0 = all
  bool standalone_only = true;           // SummaryOptions::standalone_only for our methods
  RougeOptions rouge;                    // max_words is taken from max_words above
};

struct EvalSystemResult {
  std::string system;                    // method name, "ots", or a NIST summarizer id
  std::vector<RougeAverage> metrics;     // ROUGE-1, ROUGE-2, ROUGE-SU4, ROUGE-L (and the rest)
  double ms_per_event = -1;              // wall time of the summarizer per event; -1 = unknown
  uint32_t events = 0;
  std::string note;                      // e.g. "NIST official, jackknifed recall"
};

struct EvalReport {
  std::vector<EvalSystemResult> systems;  // ours, then the outside peer
  std::vector<EvalSystemResult> nist;     // NIST's published rows (ROUGE-2 / SU4 recall only)
  std::vector<Error> problems;            // events or systems that could not be scored
  uint32_t events = 0;
};

// Summarizes and scores every event. Fails when the data file cannot be read or holds no
// event with references, or on an unknown method.
Result<EvalReport> RunEval(const EvalOptions& options);

// The report as an aligned text table, or as JSON (schema "sitrep.eval/1").
std::string FormatEvalTable(const EvalReport& report);
std::string FormatEvalJson(const EvalReport& report);

}  // namespace sitrep
