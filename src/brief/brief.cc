// BuildBrief: clean -> segment -> dedupe -> summarize over ingested articles, plus counts.
#include "sitrep/brief.h"

#include <algorithm>
#include <string>

#include "sitrep/text.h"
#include "summarize/event_model.h"

namespace sitrep {

Result<Brief> BuildBrief(IngestResult input, const BriefOptions& options) {
  Brief brief;
  brief.off_topic_below = options.off_topic_below;
  brief.articles = std::move(input.articles);
  brief.ingest = std::move(input.report);
  for (uint32_t i = 0; i < brief.articles.size(); ++i) brief.articles[i].index = i;

  Clean(brief.articles, options.clean);
  for (Article& a : brief.articles) SegmentArticle(a);
  brief.dedupe = Dedupe(brief.articles, options.dedupe);

  BriefCounts& c = brief.counts;
  c.inputs_seen = brief.ingest.inputs_seen;
  c.articles_read = static_cast<uint32_t>(brief.articles.size());
  c.inputs_skipped = brief.ingest.inputs_rejected + brief.ingest.records_rejected;
  for (const Article& a : brief.articles) {
    for (const Block& b : a.blocks) c.blocks_dropped += b.kept() ? 0 : 1;
    if (a.sentences.empty()) {
      ++c.articles_without_sentences;
      Error e;
      e.code = ErrorCode::kEmpty;
      e.source = a.path;
      e.record = a.record;
      e.message = "no sentences left after cleaning";
      e.hint = "the text may be all boilerplate; see --explain";
      e.fatal = false;
      brief.ingest.problems.push_back(std::move(e));
    }
  }
  for (int32_t d : brief.dedupe.duplicate_of) c.near_duplicates += d >= 0 ? 1 : 0;

  if (c.articles_without_sentences == brief.articles.size()) {
    Error e;
    e.code = ErrorCode::kEmpty;
    e.message = brief.articles.empty() ? "no usable article in the input"
                                       : "no article has a sentence left after cleaning";
    e.hint = "check the problems listed above";
    return tl::unexpected<Error>(std::move(e));
  }

  // One sentence model serves the summary and the articles' relevance (closeness to the event
  // centroid); it is dropped before the annotators run, so the two never share the peak.
  {
    const summarize::EventModel model = summarize::BuildEventModel(brief.articles, brief.dedupe);
    brief.relevance = model.article_weight;
    brief.relevance.resize(brief.articles.size(), 1.0);
    for (uint32_t i = 0; i < brief.articles.size(); ++i) {
      if (brief.articles[i].sentences.empty()) brief.relevance[i] = 0;
      // A copy is as relevant as the article it copies (the model leaves copies out).
      int32_t dup = i < brief.dedupe.duplicate_of.size() ? brief.dedupe.duplicate_of[i] : -1;
      if (dup >= 0) brief.relevance[i] = brief.relevance[static_cast<size_t>(dup)];
    }
    auto summary = summarize::SummarizeModel(brief.articles, model, options.summary);
    if (!summary) return tl::unexpected<Error>(summary.error());
    brief.summary = std::move(*summary);
  }

  // The event's own articles: no copies, no off-topic text. Annotators read these only, so a
  // syndicated copy never doubles a figure's support and spun text never dates the event.
  // They are lent to the annotators (moved out and back, not copied: annotators refer to an
  // article by its index, never by its place in the span).
  std::vector<uint32_t> core_index;
  for (const Article& a : brief.articles) {
    bool copy = a.index < brief.dedupe.duplicate_of.size() && brief.dedupe.duplicate_of[a.index] >= 0;
    bool off = brief.IsOffTopic(a.index) && !a.sentences.empty();
    c.off_topic += off ? 1 : 0;
    if (!copy && !off && !a.sentences.empty()) core_index.push_back(a.index);
  }
  if (options.with_timeline || options.with_actors || options.with_figures) {
    std::vector<Article> core;
    core.reserve(core_index.size());
    for (uint32_t i : core_index) core.push_back(std::move(brief.articles[i]));
    if (options.with_timeline) brief.timeline = BuildTimeline(core, options.timeline);
    if (options.with_actors) brief.actors = ResolveActors(core, options.actors);
    if (options.with_figures) brief.figures = ConsolidateFigures(core, options.figures);
    for (size_t k = 0; k < core.size(); ++k) brief.articles[core_index[k]] = std::move(core[k]);
  }

  // The headline: the title of the article the summary leads with, else the first title.
  auto title_of = [&](uint32_t i) -> const std::string& { return brief.articles[i].title; };
  if (!brief.summary.sentences.empty() && !title_of(brief.summary.sentences[0].article).empty()) {
    brief.headline = title_of(brief.summary.sentences[0].article);
  } else {
    for (const Article& a : brief.articles) {
      if (!a.title.empty() && !a.sentences.empty()) {
        brief.headline = a.title;
        break;
      }
    }
  }
  return brief;
}

}  // namespace sitrep
