// Internal: the reporting-clause reader shared by the figure extractor.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "figures/scan.h"
#include "sitrep/figures.h"

namespace sitrep::figures {

bool IsAnyWord(std::string_view w, std::initializer_list<std::string_view> words);

// A reporting clause of a sentence: "the ministry said", "according to X", "X told Y".
struct Cue {
  size_t subject_begin = 0;  // tokens of the speaker phrase
  size_t subject_end = 0;
  size_t begin = 0;          // first and one-past-last token of the whole clause
  size_t end = 0;
  // Postposed (", the ministry said."): covers what comes before it in the sentence.
  // Preposed ("The ministry said ...", "According to X, ..."): covers what follows.
  bool postposed = false;
  Attribution attribution;   // spans are absolute (offset by the sentence start)
};

// Reporting clauses of the scanned sentence, in text order; `base` is the sentence's offset.
std::vector<Cue> FindCues(const Scanner& scanner, uint32_t base);

// The attribution of a figure occupying tokens [first, last): the nearest postposed clause
// after it, else the nearest preposed clause before it, else none.
Attribution AttributionFor(const std::vector<Cue>& cues, const std::vector<Tok>& tokens,
                           size_t first, size_t last, uint32_t base);

// For each sentence span of an article (as ScanUnits gives them), the speaker a transcript's
// label names ("ODUYA: ..."), or an empty attribution. Only an article whose paragraphs carry at
// least two different labels is a transcript; host, presenter and reporter labels name no one.
std::vector<Attribution> TranscriptSpeakers(const Article& article, const std::vector<Span>& units);

}  // namespace sitrep::figures
