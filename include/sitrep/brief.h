// brief: the whole path from articles to a situation report, and the report's plain struct.
//
// BuildBrief runs clean -> segment -> dedupe -> relevance -> summarize, then the annotators
// (timeline, actors and places, figures and disagreements) over the articles that are neither
// near-duplicates nor off-topic; renderers (render.h) turn the Brief into Markdown/JSON.
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/clean.h"
#include "sitrep/dedupe.h"
#include "sitrep/entities.h"
#include "sitrep/figures.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"
#include "sitrep/summarize.h"
#include "sitrep/time.h"

namespace sitrep {

struct BriefOptions {
  CleanOptions clean;
  DedupeOptions dedupe;
  SummaryOptions summary;
  // Articles whose relevance (closeness to the event's centroid, 0..1) falls below this are
  // off-topic: they are listed as sources but feed no section.
  double off_topic_below = 0.5;
  bool with_timeline = true;
  bool with_actors = true;
  bool with_figures = true;
  TimelineOptions timeline = [] {
    TimelineOptions o;
    o.publication_date_weight = 0;  // a brief's timeline lists what the text itself dates
    return o;
  }();
  ActorOptions actors = [] {
    ActorOptions o;
    o.max_actors = 30;
    return o;
  }();
  FigureOptions figures = [] {
    FigureOptions o;
    // Tolls rise day by day; only reports of the same day are set against each other.
    o.max_publication_gap_days = 0;
    return o;
  }();
};

struct BriefCounts {
  uint32_t inputs_seen = 0;
  uint32_t articles_read = 0;
  uint32_t inputs_skipped = 0;     // inputs (files or records) that gave no article
  uint32_t near_duplicates = 0;    // articles that are copies of another
  uint32_t blocks_dropped = 0;     // boilerplate blocks over all articles
  uint32_t articles_without_sentences = 0;
  uint32_t off_topic = 0;          // articles far from the event (spun or unrelated text)
};

struct Brief {
  std::string headline;            // the title of the most central article
  std::vector<Article> articles;   // cleaned and segmented; Article::index = position
  IngestReport ingest;
  DedupeResult dedupe;
  std::vector<double> relevance;   // per article, 0..1 (1 = at the event's centre)
  Summary summary;
  Timeline timeline;               // empty unless BriefOptions::with_timeline
  Actors actors;                   // empty unless BriefOptions::with_actors
  FigureReport figures;            // empty unless BriefOptions::with_figures
  BriefCounts counts;

  double off_topic_below = 0.5;    // the BriefOptions threshold this brief was built with

  bool IsOffTopic(uint32_t article) const {
    return article < relevance.size() && relevance[article] < off_topic_below;
  }
};

// Builds the brief of already-ingested articles (one event). Fails when no article has a
// sentence left after cleaning (ErrorCode::kEmpty) or on bad options.
Result<Brief> BuildBrief(IngestResult input, const BriefOptions& options);

}  // namespace sitrep
