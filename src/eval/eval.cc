// RunEval: summarize every event of a cluster JSONL file with each system, score with ROUGE
// under NIST's DUC settings, and set NIST's published rows beside the results.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <ctime>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <simdjson.h>

#include "sitrep/clean.h"
#include "sitrep/dedupe.h"
#include "sitrep/eval.h"
#include "sitrep/ingest.h"
#include "sitrep/summarize.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

// CPU seconds of this thread plus finished child processes (ots): the cost of summarizing on one
// core, unaffected by other load on the machine.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  rusage children;
  getrusage(RUSAGE_CHILDREN, &children);
  return ts.tv_sec + ts.tv_nsec * 1e-9 + children.ru_utime.tv_sec +
         children.ru_utime.tv_usec * 1e-6 + children.ru_stime.tv_sec +
         children.ru_stime.tv_usec * 1e-6;
}

struct EventData {
  std::string id;
  std::vector<RougeText> references;
  std::vector<Article> articles;
  DedupeResult dedupe;
};

// Event ids and reference summaries, in file order.
Result<std::vector<EventData>> ReadReferences(const std::string& path, std::vector<Error>& problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kNotFound, path, "cannot open the evaluation data",
                     "give a cluster JSONL file such as ../shared/data/duc2006/duc2006.jsonl");
  }
  std::vector<EventData> events;
  simdjson::ondemand::parser parser;
  std::string line;
  int64_t record = 0;
  while (std::getline(in, line)) {
    ++record;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    simdjson::padded_string padded(line);
    EventData event;
    bool ok = false;
    try {
      simdjson::ondemand::document doc = parser.iterate(padded);
      std::string_view id = doc["id"].get_string();
      event.id = std::string(id);
      simdjson::ondemand::array summaries;
      if (doc["summaries"].get_array().get(summaries) == simdjson::SUCCESS) {
        for (auto s : summaries) {
          std::string_view text;
          if (s.get_string().get(text) == simdjson::SUCCESS) {
            event.references.push_back({CollapseSpaces(text)});
          }
        }
      }
      ok = true;
    } catch (const simdjson::simdjson_error& e) {
      Error err;
      err.code = ErrorCode::kMalformed;
      err.source = path;
      err.record = record;
      err.message = std::string("not a cluster JSON line: ") + e.what();
      err.hint = "each line must be {\"id\", \"documents\", \"summaries\"}";
      problems.push_back(std::move(err));
    }
    if (!ok) continue;
    if (event.references.empty()) {
      Error err;
      err.code = ErrorCode::kEmpty;
      err.source = path;
      err.record = record;
      err.message = "event " + event.id + " has no reference summaries; not scored";
      err.fatal = false;
      problems.push_back(std::move(err));
      continue;
    }
    events.push_back(std::move(event));
  }
  return events;
}

RougeText SummaryLines(std::span<const Article> articles, const Summary& summary) {
  RougeText lines;
  for (const SummarySentence& s : summary.sentences) {
    lines.push_back(CollapseSpaces(articles[s.article].View(s.span)));
  }
  return lines;
}

// The greedy extractive oracle: adds the sentence that most raises clipped bigram matches with
// the references (ROUGE-2's numerator) until the word budget is reached.
RougeText Oracle(const EventData& event, const RougeOptions& rouge, uint32_t max_words) {
  RougeOptions tok = rouge;
  tok.max_words = 0;
  tok.max_bytes = 0;
  using Bigram = std::pair<std::string, std::string>;
  std::vector<std::map<Bigram, int>> refs;
  for (const RougeText& r : event.references) {
    std::vector<std::string> t = RougeTokens(r, tok);
    std::map<Bigram, int> counts;
    for (size_t i = 0; i + 1 < t.size(); ++i) ++counts[{t[i], t[i + 1]}];
    refs.push_back(std::move(counts));
  }
  struct Cand {
    std::string text;
    uint32_t words;
    std::map<Bigram, int> bigrams;
  };
  std::vector<Cand> cands;
  for (size_t a = 0; a < event.articles.size(); ++a) {
    if (a < event.dedupe.duplicate_of.size() && event.dedupe.duplicate_of[a] >= 0) continue;
    const Article& article = event.articles[a];
    for (const Sentence& s : article.sentences) {
      Cand c;
      c.text = CollapseSpaces(article.View(s.span));
      std::vector<std::string> t = RougeTokens({c.text}, tok);
      for (size_t i = 0; i + 1 < t.size(); ++i) ++c.bigrams[{t[i], t[i + 1]}];
      std::istringstream words(c.text);
      c.words = static_cast<uint32_t>(std::distance(std::istream_iterator<std::string>(words),
                                                    std::istream_iterator<std::string>()));
      if (c.words >= 4) cands.push_back(std::move(c));
    }
  }
  std::map<Bigram, int> have;
  std::vector<char> used(cands.size(), 0);
  RougeText out;
  uint32_t total = 0;
  while (total < max_words) {
    int best = -1;
    double best_gain = 0;
    for (size_t i = 0; i < cands.size(); ++i) {
      if (used[i]) continue;
      double gain = 0;
      for (const auto& ref : refs) {
        for (const auto& [bg, n] : cands[i].bigrams) {
          auto it = ref.find(bg);
          if (it == ref.end()) continue;
          const int before = have.count(bg) ? have.at(bg) : 0;
          gain += std::min(before + n, it->second) - std::min(before, it->second);
        }
      }
      // Per word, but a sentence that overflows the budget only pays for the words that count.
      const double cost = std::min<uint32_t>(cands[i].words, max_words - total);
      if (gain / cost > best_gain) {
        best_gain = gain / cost;
        best = static_cast<int>(i);
      }
    }
    if (best < 0) break;
    used[best] = 1;
    for (const auto& [bg, n] : cands[best].bigrams) have[bg] += n;
    out.push_back(cands[best].text);
    total += cands[best].words;
  }
  return out;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

bool OnPath(const std::string& program) {
  if (program.find('/') != std::string::npos) return access(program.c_str(), X_OK) == 0;
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::stringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (!dir.empty() && access((fs::path(dir) / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

// Debian's Open Text Summarizer, run as a separate program (GPL: never linked) on the event's
// articles joined as one text, with a ratio that yields at least the word budget.
Result<RougeText> RunOts(const EventData& event, const std::string& program, uint32_t max_words) {
  std::string text;
  uint64_t words = 0;
  for (size_t a = 0; a < event.articles.size(); ++a) {
    if (a < event.dedupe.duplicate_of.size() && event.dedupe.duplicate_of[a] >= 0) continue;
    const Article& article = event.articles[a];
    for (const Sentence& s : article.sentences) {
      std::string sentence = CollapseSpaces(article.View(s.span));
      words += std::count(sentence.begin(), sentence.end(), ' ') + 1;
      text += sentence;
      text += '\n';
    }
    text += '\n';
  }
  char path[] = "/tmp/sitrep-ots-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) return MakeError(ErrorCode::kInternal, "ots", "cannot create a temporary file");
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  close(fd);
  const int ratio =
      std::clamp<int>(static_cast<int>(std::ceil(100.0 * max_words / std::max<uint64_t>(words, 1))) + 1,
                      1, 100);
  const std::string command =
      ShellQuote(program) + " -r " + std::to_string(ratio) + " " + ShellQuote(path) + " 2>/dev/null";
  RougeText lines;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    unlink(path);
    return MakeError(ErrorCode::kUnreadable, program, "cannot run ots");
  }
  std::string output;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) output.append(buf, n);
  const int status = pclose(pipe);
  unlink(path);
  if (status != 0) {
    return MakeError(ErrorCode::kInternal, program, "ots exited with status " +
                                                        std::to_string(status));
  }
  std::stringstream in(output);
  for (std::string line; std::getline(in, line);) {
    line = CollapseSpaces(line);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// NIST's official jackknifed recall per summarizer id: "<id> <score> (95%-conf.int. lo - hi)".
std::map<std::string, RougeAverage> ReadNist(const fs::path& file, const std::string& metric) {
  std::map<std::string, RougeAverage> rows;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    RougeAverage avg;
    std::string id, conf, dash;
    if (!(words >> id >> avg.mean.recall)) continue;
    words >> conf >> avg.low.recall >> dash;
    std::string hi;
    if (words >> hi) avg.high.recall = std::strtod(hi.c_str(), nullptr);
    avg.metric = metric;
    avg.events = 50;
    rows[id] = avg;
  }
  return rows;
}

void AddNist(const std::string& data_path, EvalReport& report) {
  const fs::path dir = fs::path(data_path).parent_path() / "nist_official_results";
  const auto r2 = ReadNist(dir / "NISTeval__ROUGE__rouge2.jk.m.avg", "ROUGE-2");
  const auto su4 = ReadNist(dir / "NISTeval__ROUGE__rougeSU4.jk.m.avg", "ROUGE-SU4");
  if (r2.empty() || su4.empty()) return;
  auto row = [&](const std::string& id, const std::string& name) {
    if (!r2.count(id) || !su4.count(id)) return;
    EvalSystemResult s;
    s.system = name;
    s.metrics = {r2.at(id), su4.at(id)};
    s.events = 50;
    s.note = "NIST DUC 2006 official, jackknifed recall";
    report.nist.push_back(std::move(s));
  };
  // Humans, best participants and NIST's baseline, in descending ROUGE-2.
  std::vector<std::pair<double, std::string>> humans;
  for (const auto& [id, avg] : r2) {
    if (!id.empty() && std::isalpha(static_cast<unsigned char>(id[0]))) {
      humans.emplace_back(avg.mean.recall, id);
    }
  }
  std::sort(humans.rbegin(), humans.rend());
  if (!humans.empty()) {
    row(humans.front().second, "NIST human " + humans.front().second + " (best)");
    row(humans.back().second, "NIST human " + humans.back().second + " (worst)");
  }
  std::vector<std::pair<double, std::string>> systems;
  for (const auto& [id, avg] : r2) {
    if (!id.empty() && std::isdigit(static_cast<unsigned char>(id[0])) && id != "1") {
      systems.emplace_back(avg.mean.recall, id);
    }
  }
  std::sort(systems.rbegin(), systems.rend());
  for (size_t k = 0; k < systems.size() && k < 3; ++k) {
    row(systems[k].second, "NIST system " + systems[k].second + (k == 0 ? " (best)" : ""));
  }
  if (systems.size() > 3) {
    const auto& median = systems[systems.size() / 2];
    row(median.second, "NIST system " + median.second + " (median)");
  }
  row("1", "NIST baseline 1 (lead)");
}

std::string SafeName(const std::string& s) {
  std::string out;
  for (char c : s) out += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
  return out;
}

}  // namespace

Result<EvalReport> RunEval(const EvalOptions& options) {
  EvalReport report;
  auto refs = ReadReferences(options.data_path, report.problems);
  if (!refs) return tl::unexpected<Error>(refs.error());
  std::vector<EventData> events = std::move(*refs);
  if (!options.event_id.empty()) {
    std::erase_if(events, [&](const EventData& e) { return e.id != options.event_id; });
  }
  if (options.max_events != 0 && events.size() > options.max_events) {
    events.resize(options.max_events);
  }
  if (events.empty()) {
    return MakeError(ErrorCode::kEmpty, options.data_path, "no event with reference summaries",
                     "check --data and --event");
  }

  // Articles: one pass over the file, grouped by event, then cleaned, segmented and deduped.
  IngestOptions ingest_options;
  ingest_options.event_id = options.event_id;
  IngestResult ingested = Ingest({options.data_path}, ingest_options);
  for (Error& e : ingested.report.problems) report.problems.push_back(std::move(e));
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < events.size(); ++i) by_id[events[i].id] = i;
  for (Article& a : ingested.articles) {
    auto it = by_id.find(a.event_id);
    if (it == by_id.end()) continue;
    a.index = static_cast<uint32_t>(events[it->second].articles.size());
    events[it->second].articles.push_back(std::move(a));
  }
  for (EventData& e : events) {
    Clean(e.articles, CleanOptions{});
    for (Article& a : e.articles) SegmentArticle(a);
    e.dedupe = Dedupe(e.articles, DedupeOptions{});
  }
  report.events = static_cast<uint32_t>(events.size());

  RougeOptions rouge = options.rouge;
  rouge.max_words = options.max_words;
  rouge.max_bytes = 0;

  std::vector<std::string> methods = options.methods;
  if (methods.empty()) {
    methods = SummaryMethods();
    methods.push_back("oracle");
    if (options.run_ots) methods.push_back("ots");
  }
  const auto known = SummaryMethods();
  for (const std::string& m : methods) {
    if (m != "oracle" && m != "ots" && m != "default" &&
        std::find(known.begin(), known.end(), m) == known.end()) {
      return MakeError(ErrorCode::kInvalidArgument, "--method", "unknown method '" + m + "'",
                       "use one of the summary methods, oracle or ots");
    }
  }

  for (const std::string& method : methods) {
    if (method == "ots" && !OnPath(options.ots_program)) {
      Error e;
      e.code = ErrorCode::kNotFound;
      e.source = options.ots_program;
      e.message = "ots not found; its row is left out";
      e.hint = "apt-get install ots";
      e.fatal = false;
      report.problems.push_back(std::move(e));
      continue;
    }
    EvalSystemResult result;
    result.system = method == "default"            ? "default (" + known.front() + ")"
                    : method == known.front() ? method + " (default)"
                                              : method;
    std::vector<std::vector<RougeMetricScore>> per_event;
    double seconds = 0;
    for (const EventData& event : events) {
      RougeText peer;
      const double start = CpuSeconds();
      if (method == "oracle") {
        peer = Oracle(event, rouge, options.max_words);
      } else if (method == "ots") {
        auto lines = RunOts(event, options.ots_program, options.max_words);
        if (!lines) {
          Error e = lines.error();
          e.message += " (event " + event.id + ")";
          e.fatal = false;
          report.problems.push_back(std::move(e));
        } else {
          peer = std::move(*lines);
        }
      } else {
        SummaryOptions so;
        so.method = method;
        so.max_words = options.max_words;
        so.overflow_last = true;  // NIST cut every summary at the budget
        so.standalone_only = options.standalone_only;
        auto summary = Summarize(event.articles, event.dedupe, so);
        if (!summary) return tl::unexpected<Error>(summary.error());
        seconds += CpuSeconds() - start;
        peer = SummaryLines(event.articles, *summary);
      }
      if (method == "oracle" || method == "ots") {
        seconds += CpuSeconds() - start;
      }
      per_event.push_back(ScoreRouge(peer, event.references, rouge));
      if (!options.out_dir.empty()) {
        const fs::path dir = fs::path(options.out_dir) / SafeName(method);
        std::error_code ec;
        fs::create_directories(dir, ec);
        std::ofstream out(dir / (SafeName(event.id) + ".txt"));
        for (const std::string& line : peer) out << line << '\n';
        if (!out) {
          Error e;
          e.code = ErrorCode::kUnreadable;
          e.source = (dir / (SafeName(event.id) + ".txt")).string();
          e.message = "cannot write the summary file";
          e.fatal = false;
          report.problems.push_back(std::move(e));
        }
      }
    }
    result.metrics = AverageRouge(per_event, rouge);
    result.events = static_cast<uint32_t>(events.size());
    result.ms_per_event = 1000.0 * seconds / std::max<size_t>(events.size(), 1);
    if (method == "oracle") result.note = "ceiling: greedy on the references' bigrams";
    if (method == "ots") result.note = "outside peer, run as a separate program";
    report.systems.push_back(std::move(result));
  }
  AddNist(options.data_path, report);
  return report;
}

namespace {

const RougeAverage* Find(const EvalSystemResult& s, const std::string& metric) {
  for (const auto& m : s.metrics) {
    if (m.metric == metric) return &m;
  }
  return nullptr;
}

}  // namespace

std::string FormatEvalTable(const EvalReport& report) {
  std::string out = fmt::format(
      "ROUGE recall, jackknifed over the references, summaries cut to the budget; {} events.\n"
      "95% bootstrap intervals in brackets.\n\n",
      report.events);
  out += fmt::format("{:<34} {:>8} {:>26} {:>26} {:>8} {:>10}\n", "system", "ROUGE-1",
                     "ROUGE-2", "ROUGE-SU4", "ROUGE-L", "ms/event");
  auto cell = [](const RougeAverage* m, bool interval) {
    if (!m) return std::string("-");
    if (!interval) return fmt::format("{:.4f}", m->mean.recall);
    return fmt::format("{:.4f} [{:.4f}-{:.4f}]", m->mean.recall, m->low.recall, m->high.recall);
  };
  auto row = [&](const EvalSystemResult& s) {
    out += fmt::format("{:<34} {:>8} {:>26} {:>26} {:>8} {:>10}\n", s.system,
                       cell(Find(s, "ROUGE-1"), false), cell(Find(s, "ROUGE-2"), true),
                       cell(Find(s, "ROUGE-SU4"), true), cell(Find(s, "ROUGE-L"), false),
                       s.ms_per_event >= 0 ? fmt::format("{:.1f}", s.ms_per_event)
                                           : std::string("-"));
  };
  for (const auto& s : report.systems) row(s);
  if (!report.nist.empty()) {
    out += "\nNIST's published DUC 2006 figures (same settings; participants had the topic "
           "statement):\n";
    for (const auto& s : report.nist) row(s);
  }
  return out;
}

std::string FormatEvalJson(const EvalReport& report) {
  nlohmann::json j;
  j["schema"] = "sitrep.eval/1";
  j["events"] = report.events;
  auto system = [](const EvalSystemResult& s) {
    nlohmann::json row;
    row["system"] = s.system;
    row["events"] = s.events;
    if (s.ms_per_event >= 0) row["ms_per_event"] = s.ms_per_event;
    if (!s.note.empty()) row["note"] = s.note;
    for (const auto& m : s.metrics) {
      nlohmann::json v;
      v["recall"] = m.mean.recall;
      v["precision"] = m.mean.precision;
      v["f"] = m.mean.f;
      v["recall_low"] = m.low.recall;
      v["recall_high"] = m.high.recall;
      row["metrics"][m.metric] = v;
    }
    return row;
  };
  j["systems"] = nlohmann::json::array();
  for (const auto& s : report.systems) j["systems"].push_back(system(s));
  j["nist"] = nlohmann::json::array();
  for (const auto& s : report.nist) j["nist"].push_back(system(s));
  j["problems"] = nlohmann::json::array();
  for (const auto& e : report.problems) j["problems"].push_back(e.ToString());
  return j.dump(2) + "\n";
}

}  // namespace sitrep
