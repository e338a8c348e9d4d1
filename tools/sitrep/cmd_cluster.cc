// sitrep cluster: sort articles (files, folders, JSONL, stdin "-") into events, online, on every
// core; optionally keep them in a resumable store and brief every changed event.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

#include <nlohmann/json.hpp>

#include "command.h"
#include "sitrep/render.h"
#include "sitrep/store.h"
#include "sitrep/stream.h"

namespace sitrep::cli {
namespace {

struct ClusterFlags {
  std::vector<std::string> inputs;
  StreamOptions options;
  std::string briefs_dir;
  std::string briefs_jsonl;
  bool quiet = false;
};

std::string DayIso(const std::optional<int64_t>& day) {
  return day ? CivilDate::FromDays(*day).ToIso() : std::string();
}

const Command kCluster(
    "cluster", "Group a stream of articles into events (and brief each event)", [](CLI::App& sub) {
      auto f = std::make_shared<ClusterFlags>();
      sub.add_option("inputs", f->inputs, "files, folders, JSONL streams or - for stdin")
          ->required();
      sub.add_option("--store", f->options.store_path,
                     "SQLite file: resume a stopped run, add new articles, keep briefs");
      sub.add_option("--threads", f->options.threads, "worker threads (0 = every core)")
          ->capture_default_str();
      sub.add_option("--join", f->options.cluster.join_threshold, "cosine needed to join an event")
          ->capture_default_str();
      sub.add_option("--window-days", f->options.cluster.window_days,
                     "idle days before an event needs more similarity")
          ->capture_default_str();
      sub.add_flag("--no-dedupe", [f](int64_t) { f->options.run_dedupe = false; },
                   "do not look for near-copies");
      sub.add_option("--briefs", f->briefs_dir, "write one Markdown brief per changed event here");
      sub.add_option("--briefs-jsonl", f->briefs_jsonl, "write the changed events' briefs as JSONL");
      sub.add_option("--min-articles", f->options.min_brief_articles,
                     "events smaller than this get no brief")
          ->capture_default_str();
      sub.add_flag("--quiet", f->quiet, "no per-event output on stdout");
      return [f]() -> int {
        StreamOptions& o = f->options;
        o.brief = !f->briefs_dir.empty() || !f->briefs_jsonl.empty();
        std::unique_ptr<std::ofstream> jsonl;
        if (!f->briefs_jsonl.empty()) jsonl = std::make_unique<std::ofstream>(f->briefs_jsonl);
        if (!f->briefs_dir.empty()) std::filesystem::create_directories(f->briefs_dir);
        // Without a store, the events are gathered here (ids only) to be printed at the end.
        std::map<uint64_t, std::vector<std::string>> members;
        std::map<uint64_t, uint64_t> merged_into;
        StreamSink sink;
        if (o.store_path.empty()) {
          sink.on_article = [&](uint64_t, const Article& a, const Assignment& s, int64_t) {
            members[s.event].push_back(a.id);
            for (const EventMerge& m : s.merges) merged_into[m.from] = m.into;
          };
        }
        sink.on_brief = [&](uint64_t event, const Brief& brief) {
          if (!f->briefs_dir.empty()) {
            std::ofstream out(std::filesystem::path(f->briefs_dir) /
                              ("event-" + std::to_string(event) + ".md"));
            out << RenderMarkdown(brief, RenderOptions{});
          }
          if (jsonl) {
            nlohmann::json line = nlohmann::json::parse(RenderJson(brief, RenderOptions{}));
            line["event"] = event;
            *jsonl << line.dump() << "\n";
          }
        };
        auto report = RunStream(f->inputs, o, sink);
        if (!report) {
          std::fprintf(stderr, "%s\n", report.error().ToString().c_str());
          return kExitNoUsableInput;
        }
        for (const Error& e : report->problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
        if (!f->quiet) {
          if (!o.store_path.empty()) {
            auto store = Store::Open(o.store_path);
            if (!store) return kExitNoUsableInput;
            auto stored_events = store->Events();
            if (!stored_events) {
              std::fprintf(stderr, "%s\n", stored_events.error().ToString().c_str());
              return kExitNoUsableInput;
            }
            for (const StoredEvent& e : *stored_events) {
              nlohmann::json line = {{"event", e.info.id},   {"label", e.info.label},
                                     {"size", e.info.size},  {"first_date", DayIso(e.info.first_day)},
                                     {"last_date", DayIso(e.info.last_day)}};
              std::vector<std::string> ids;
              auto articles = store->EventArticles(e.info.id);
              if (articles) {
                for (const StoredArticle& a : *articles) ids.push_back(a.id);
              }
              line["articles"] = ids;
              std::printf("%s\n", line.dump().c_str());
            }
          } else {
            std::map<uint64_t, std::vector<std::string>> events;
            for (auto& [event, ids] : members) {
              uint64_t alive = event;
              while (merged_into.count(alive)) alive = merged_into[alive];
              auto& out = events[alive];
              out.insert(out.end(), ids.begin(), ids.end());
            }
            for (const auto& [event, ids] : events) {
              nlohmann::json line = {{"event", event}, {"size", ids.size()}, {"articles", ids}};
              std::printf("%s\n", line.dump().c_str());
            }
          }
        }
        std::fprintf(stderr,
                     "sitrep cluster: %llu articles (%llu already stored, %llu near-copies) into "
                     "%llu new events, %llu merges, %llu briefs; %.1f s, %.0f articles/s, peak "
                     "RSS %.0f MiB; %llu problems\n",
                     static_cast<unsigned long long>(report->articles),
                     static_cast<unsigned long long>(report->already_stored),
                     static_cast<unsigned long long>(report->duplicates),
                     static_cast<unsigned long long>(report->events_created),
                     static_cast<unsigned long long>(report->merges),
                     static_cast<unsigned long long>(report->briefs_written), report->seconds,
                     report->seconds > 0 ? report->articles / report->seconds : 0.0,
                     report->peak_rss_bytes / 1048576.0,
                     static_cast<unsigned long long>(report->problems_total));
        return report->articles + report->already_stored > 0 ? kExitOk : kExitNoUsableInput;
      };
    });

}  // namespace
}  // namespace sitrep::cli
