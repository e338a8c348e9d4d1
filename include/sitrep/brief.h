// brief: the whole path from articles to a situation report, and the report's plain struct.
//
// BuildBrief runs clean -> segment -> dedupe -> summarize (and the annotators built in) over
// articles that were already ingested; renderers (render.h) turn the Brief into Markdown/JSON.
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/clean.h"
#include "sitrep/dedupe.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"
#include "sitrep/summarize.h"

namespace sitrep {

struct BriefOptions {
  CleanOptions clean;
  DedupeOptions dedupe;
  SummaryOptions summary;
};

struct BriefCounts {
  uint32_t inputs_seen = 0;
  uint32_t articles_read = 0;
  uint32_t inputs_skipped = 0;     // inputs (files or records) that gave no article
  uint32_t near_duplicates = 0;    // articles that are copies of another
  uint32_t blocks_dropped = 0;     // boilerplate blocks over all articles
  uint32_t articles_without_sentences = 0;
};

struct Brief {
  std::string headline;            // the title of the most central article
  std::vector<Article> articles;   // cleaned and segmented; Article::index = position
  IngestReport ingest;
  DedupeResult dedupe;
  Summary summary;
  BriefCounts counts;
};

// Builds the brief of already-ingested articles (one event). Fails when no article has a
// sentence left after cleaning (ErrorCode::kEmpty) or on bad options.
Result<Brief> BuildBrief(IngestResult input, const BriefOptions& options);

}  // namespace sitrep
