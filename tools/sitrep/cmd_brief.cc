// sitrep brief: articles in, one sourced situation report out (Markdown or JSON).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include "command.h"
#include "sitrep/brief.h"
#include "sitrep/entities.h"
#include "sitrep/ingest.h"
#include "sitrep/render.h"
#include "sitrep/report.h"

namespace sitrep::cli {
namespace {

struct BriefFlags {
  std::vector<std::string> inputs;
  std::string format = "markdown";
  std::string output;
  std::string date;
  std::string event;
  uint32_t words = 100;
  uint32_t sentences = 0;
  std::string method = "default";
  bool explain = false;
  bool include_text = false;
  bool quiet = false;
  bool no_timeline = false;
  bool no_actors = false;
  bool no_figures = false;
  uint64_t max_file_bytes = 256ull << 20;
  uint64_t max_article_bytes = 8ull << 20;
};

int Run(const BriefFlags& f) {
  IngestOptions ingest;
  ingest.max_file_bytes = f.max_file_bytes;
  ingest.max_article_bytes = f.max_article_bytes;
  ingest.event_id = f.event;
  if (!f.date.empty()) {
    ingest.default_date = ParsePublicationDate(f.date);
    if (!ingest.default_date) {
      std::fprintf(stderr, "sitrep brief: --date '%s' is not a complete date (use 2020-08-05)\n",
                   f.date.c_str());
      return kExitUsage;
    }
  }
  IngestResult input = Ingest(f.inputs, ingest);
  if (f.event.empty() && input.report.events_seen.size() > 1) {
    std::string ids;
    for (size_t i = 0; i < input.report.events_seen.size() && i < 8; ++i)
      ids += (i ? ", " : "") + input.report.events_seen[i];
    if (input.report.events_seen.size() > 8) ids += ", ...";
    std::fprintf(stderr,
                 "sitrep brief: the input holds %zu events (%s); choose one with --event ID\n",
                 input.report.events_seen.size(), ids.c_str());
    return kExitUsage;
  }
  if (!f.event.empty() && input.articles.empty() && !input.report.events_seen.empty()) {
    std::fprintf(stderr, "sitrep brief: no event '%s' in the input\n", f.event.c_str());
    return kExitUsage;
  }

  BriefOptions options;
  options.summary.max_words = f.words;
  options.summary.max_sentences = f.sentences;
  options.summary.method = f.method;
  options.with_timeline = !f.no_timeline;
  options.with_actors = !f.no_actors || f.format == "geojson";
  options.with_figures = !f.no_figures;
  auto report_problems = [&](const std::vector<Error>& problems, size_t from) {
    if (f.quiet) return;
    for (size_t i = from; i < problems.size(); ++i)
      std::fprintf(stderr, "%s\n", problems[i].ToString().c_str());
  };
  // Ingest problems first: when nothing is usable they are the explanation.
  report_problems(input.report.problems, 0);
  const size_t reported = input.report.problems.size();
  auto brief = BuildBrief(std::move(input), options);
  if (!brief) {
    std::fprintf(stderr, "sitrep brief: %s\n", brief.error().ToString().c_str());
    return brief.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitNoUsableInput;
  }
  report_problems(brief->ingest.problems, reported);

  RenderOptions render;
  render.explain = f.explain;
  render.include_text = f.include_text;
  std::string text = f.format == "json"      ? RenderJson(*brief, render)
                     : f.format == "geojson" ? PlacesToGeoJson(brief->actors, brief->articles)
                     : f.format == "html"    ? RenderHtml(*brief, HtmlReportOptions{})
                                             : RenderMarkdown(*brief, render);
  if (f.output.empty() || f.output == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
  } else {
    std::ofstream out(f.output, std::ios::binary);
    out << text;
    if (!out) {
      std::fprintf(stderr, "sitrep brief: cannot write %s\n", f.output.c_str());
      return kExitNoUsableInput;
    }
  }
  return kExitOk;
}

const Command kBrief(
    "brief", "Summarize articles about one event into a sourced situation report",
    [](CLI::App& sub) {
      auto f = std::make_shared<BriefFlags>();
      sub.add_option("inputs", f->inputs,
                     "Article files, folders, JSONL files, or - for stdin")
          ->required();
      sub.add_option("-f,--format", f->format,
                     "markdown (people), json (programs), html (one self-contained report with map "
                     "and timeline) or geojson (the places, for GIS tools)")
          ->check(CLI::IsMember({"markdown", "json", "geojson", "html"}))
          ->capture_default_str();
      sub.add_option("-o,--output", f->output, "Write to this file instead of stdout");
      sub.add_option("-w,--words", f->words, "Summary length budget in words (0: no limit)")
          ->capture_default_str();
      sub.add_option("-s,--sentences", f->sentences, "Summary length budget in sentences (0: no limit)")
          ->capture_default_str();
      sub.add_option("--method", f->method, "Summarizer (see `sitrep eval --help`)")
          ->capture_default_str();
      sub.add_option("--date", f->date,
                     "Publication date for articles that state none (e.g. 2020-08-05)");
      sub.add_option("--event", f->event, "Cluster JSONL: brief only the event with this id");
      sub.add_flag("--explain", f->explain,
                   "List every dropped block and near-duplicate with the reason");
      sub.add_flag("--include-text", f->include_text, "JSON: include each article's full text");
      sub.add_flag("-q,--quiet", f->quiet, "Do not print input problems on stderr");
      sub.add_flag("--no-timeline", f->no_timeline, "Leave out the timeline");
      sub.add_flag("--no-actors", f->no_actors, "Leave out actors and places");
      sub.add_flag("--no-figures", f->no_figures, "Leave out figures and disagreements");
      sub.add_option("--max-file-bytes", f->max_file_bytes, "Reject larger input files")
          ->capture_default_str();
      sub.add_option("--max-article-bytes", f->max_article_bytes, "Cut longer article texts")
          ->capture_default_str();
      return [f]() { return Run(*f); };
    });

}  // namespace
}  // namespace sitrep::cli
