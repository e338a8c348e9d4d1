// sitrep brief: articles in, one sourced situation report out (Markdown or JSON).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "command.h"
#include "sitrep/brief.h"
#include "sitrep/entities.h"
#include "sitrep/ingest.h"
#include "sitrep/render.h"
#include "sitrep/report.h"
#include "sitrep/stream.h"

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
  bool events = false;
  uint32_t min_articles = 1;
  uint64_t max_file_bytes = 256ull << 20;
  uint64_t max_article_bytes = 8ull << 20;
};

int RunEvents(const BriefFlags& f, IngestResult input, const BriefOptions& options);
std::string Render(const BriefFlags& f, const Brief& brief);

int Run(const BriefFlags& f) {
  if (f.format == "jsonl" && !f.events) {
    std::fprintf(stderr, "sitrep brief: --format jsonl needs --events (one brief per line)\n");
    return kExitUsage;
  }
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
  if (f.events && !f.event.empty()) {
    std::fprintf(stderr, "sitrep brief: --events and --event exclude each other\n");
    return kExitUsage;
  }
  if (f.event.empty() && !f.events && input.report.events_seen.size() > 1) {
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
  if (f.events) return RunEvents(f, std::move(input), options);
  const size_t reported = input.report.problems.size();
  auto brief = BuildBrief(std::move(input), options);
  if (!brief) {
    std::fprintf(stderr, "sitrep brief: %s\n", brief.error().ToString().c_str());
    return brief.error().code == ErrorCode::kInvalidArgument ? kExitUsage : kExitNoUsableInput;
  }
  report_problems(brief->ingest.problems, reported);

  std::string text = Render(f, *brief);
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

bool WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) std::fprintf(stderr, "sitrep brief: cannot write %s\n", path.string().c_str());
  return static_cast<bool>(out);
}

std::string Render(const BriefFlags& f, const Brief& brief) {
  RenderOptions render;
  render.explain = f.explain;
  render.include_text = f.include_text;
  return f.format == "json" || f.format == "jsonl" ? RenderJson(brief, render)
         : f.format == "geojson"                  ? PlacesToGeoJson(brief.actors, brief.articles)
         : f.format == "html"                     ? RenderHtml(brief, HtmlReportOptions{})
                                                  : RenderMarkdown(brief, render);
}

// --events: the inputs grouped into events (BriefEvents), one brief per event. Output: with
// --format jsonl or -o *.jsonl, one JSON brief per line (stdout without -o), each with "event"
// and "event_articles"; with -o DIR, one file per event (event-<id>.<ext>) and an index
// (index.json, and index.md for Markdown); without -o, Markdown briefs one after another.
int RunEvents(const BriefFlags& f, IngestResult input, const BriefOptions& options) {
  namespace fs = std::filesystem;
  bool jsonl = f.format == "jsonl" || f.output.ends_with(".jsonl");
  bool to_dir = !jsonl && !f.output.empty() && f.output != "-";
  if (!jsonl && !to_dir && f.format != "markdown") {
    std::fprintf(stderr,
                 "sitrep brief: --events --format %s writes one file per event: give -o DIR "
                 "(or use --format jsonl)\n",
                 f.format.c_str());
    return kExitUsage;
  }
  EventBriefOptions event_options;
  event_options.brief = options;
  event_options.min_articles = f.min_articles;
  auto events = BriefEvents(std::move(input), event_options);
  if (!events) {
    std::fprintf(stderr, "sitrep brief: %s\n", events.error().ToString().c_str());
    return kExitNoUsableInput;
  }
  std::unique_ptr<std::ofstream> file;
  if (to_dir) {
    std::error_code ec;
    fs::create_directories(f.output, ec);
    if (ec) {
      std::fprintf(stderr, "sitrep brief: cannot create %s: %s\n", f.output.c_str(),
                   ec.message().c_str());
      return kExitNoUsableInput;
    }
  } else if (jsonl && !f.output.empty() && f.output != "-") {
    file = std::make_unique<std::ofstream>(f.output, std::ios::binary);
    if (!*file) {
      std::fprintf(stderr, "sitrep brief: cannot write %s\n", f.output.c_str());
      return kExitNoUsableInput;
    }
  }
  std::string ext = f.format == "json"      ? ".json"
                    : f.format == "html"    ? ".html"
                    : f.format == "geojson" ? ".geojson"
                                            : ".md";
  BriefFlags json_flags = f;  // -o events.jsonl: JSON lines whatever --format says
  json_flags.format = "json";
  nlohmann::json index = nlohmann::json::array();
  std::string index_md = "# Events\n\n| event | headline | articles | dates | brief |\n|---|---|---|---|---|\n";
  uint64_t written = 0;
  for (const EventBrief& e : *events) {
    std::string first = e.event.first_date ? e.event.first_date->ToIso() : "";
    std::string last = e.event.last_date ? e.event.last_date->ToIso() : "";
    nlohmann::json entry = {{"event", e.event.id},          {"label", e.event.label},
                            {"size", e.article_ids.size()}, {"first_date", first},
                            {"last_date", last},            {"articles", e.article_ids}};
    std::string name;
    if (!e.brief) {
      if (!f.quiet && e.article_ids.size() >= f.min_articles) {
        std::fprintf(stderr, "sitrep brief: event %llu (%s): %s\n",
                     static_cast<unsigned long long>(e.event.id), e.event.label.c_str(),
                     e.brief.error().ToString().c_str());
      }
    } else {
      std::string text = Render(jsonl ? json_flags : f, *e.brief);
      entry["headline"] = e.brief->headline;
      if (jsonl) {
        nlohmann::json line = nlohmann::json::parse(text);
        line["event"] = e.event.id;
        line["event_articles"] = e.article_ids;
        std::string dumped = line.dump() + "\n";
        if (file) {
          *file << dumped;
        } else {
          std::fwrite(dumped.data(), 1, dumped.size(), stdout);
        }
      } else if (to_dir) {
        name = "event-" + std::to_string(e.event.id) + ext;
        if (!WriteFile(fs::path(f.output) / name, text)) return kExitNoUsableInput;
      } else {
        if (written > 0) std::fputs("\n---\n\n", stdout);
        std::fwrite(text.data(), 1, text.size(), stdout);
      }
      ++written;
    }
    entry["file"] = name;
    index.push_back(entry);
    std::string dates = first == last ? first : first + " to " + last;
    std::string headline = e.brief ? e.brief->headline : e.event.label;
    for (char& c : headline) {
      if (c == '|') c = '/';
    }
    index_md += "| " + std::to_string(e.event.id) + " | " + headline + " | " +
                std::to_string(e.article_ids.size()) + " | " + dates + " | " +
                (name.empty() ? "-" : "[" + name + "](" + name + ")") + " |\n";
  }
  if (to_dir) {
    if (!WriteFile(fs::path(f.output) / "index.json", index.dump(2) + "\n")) return kExitNoUsableInput;
    if (f.format == "markdown" && !WriteFile(fs::path(f.output) / "index.md", index_md)) {
      return kExitNoUsableInput;
    }
  }
  if (file && !*file) {
    std::fprintf(stderr, "sitrep brief: cannot write %s\n", f.output.c_str());
    return kExitNoUsableInput;
  }
  if (!f.quiet) {
    std::fprintf(stderr, "sitrep brief: %zu events, %llu briefs\n", events->size(),
                 static_cast<unsigned long long>(written));
  }
  return written > 0 ? kExitOk : kExitNoUsableInput;
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
                     "and timeline), geojson (the places, for GIS tools), or jsonl (--events: "
                     "one JSON brief per line)")
          ->check(CLI::IsMember({"markdown", "json", "geojson", "html", "jsonl"}))
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
      sub.add_flag("--events", f->events,
                   "Group the inputs into events (as `sitrep cluster` does) and write one brief "
                   "per event: -o DIR (a file per event and an index) or JSONL");
      sub.add_option("--min-articles", f->min_articles,
                     "--events: events with fewer articles are listed but not briefed")
          ->capture_default_str();
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
