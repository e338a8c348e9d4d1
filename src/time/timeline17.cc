// Timeline17 scoring as news-tls (Gholipour Ghalandari & Ifrim 2020) runs it: per reference
// timeline, ask for as many dates as it has and its mean sentences per date, from articles of the
// whole topic restricted to the reference's date span; score date-selection F1 and tilse's
// alignment-based ROUGE-1/2 F (date-content costs, many-to-one; Martschat & Markert 2017).
//
// ROUGE tokens come from sitrep::eval (ROUGE-1.5.5's tokenizer and Porter variant, -m); -s drops
// sitrep's English stop-word list, not ROUGE's SMART list, so scores are close, not identical.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>

#include <simdjson.h>

#include "sitrep/eval.h"
#include "sitrep/text.h"
#include "sitrep/time.h"
#include "time/timeline_internal.h"

namespace sitrep {
namespace time_internal {

std::vector<std::string> RougeLikeTokens(std::string_view text) {
  // sitrep::eval's ROUGE-1.5.5 tokenizer: its Porter variant (-m) and stop-word removal (-s).
  RougeOptions o;
  o.stem = true;
  o.remove_stopwords = true;
  return RougeTokens(RougeText{std::string(text)}, o);
}

NgramCounts CountNgrams(const std::vector<std::string>& peer, const std::vector<std::string>& model,
                        int n) {
  NgramCounts c;
  auto grams = [n](const std::vector<std::string>& toks) {
    std::unordered_map<std::string, double> g;
    for (size_t i = 0; i + n <= toks.size(); ++i) {
      std::string key = toks[i];
      for (int k = 1; k < n; ++k) key += ' ' + toks[i + k];
      g[key] += 1;
    }
    return g;
  };
  const auto gp = grams(peer), gm = grams(model);
  for (const auto& [k, v] : gp) {
    c.peer += v;
    auto it = gm.find(k);
    if (it != gm.end()) c.hits += std::min(v, it->second);
  }
  for (const auto& [k, v] : gm) c.model += v;
  return c;
}

namespace {

// tilse's compute_rouge_approximation: unigram F between two token lists.
double ApproxRouge1(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const NgramCounts c = CountNgrams(a, b, 1);
  const double p = c.peer > 0 ? c.hits / c.peer : 0, r = c.model > 0 ? c.hits / c.model : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

}  // namespace

double AlignedRougeF(const std::vector<DatedTokens>& predicted,
                     const std::vector<DatedTokens>& reference, int n) {
  if (predicted.empty() || reference.empty()) return 0;
  // content cost table (symmetric use of ApproxRouge1(pred, ref))
  std::vector<std::vector<double>> content(predicted.size(),
                                           std::vector<double>(reference.size()));
  for (size_t i = 0; i < predicted.size(); ++i) {
    for (size_t j = 0; j < reference.size(); ++j) {
      content[i][j] = 1 - ApproxRouge1(predicted[i].tokens, reference[j].tokens);
    }
  }
  auto cost = [&](size_t i, size_t j) {
    const double date_factor =
        1 - 1.0 / (static_cast<double>(std::llabs(predicted[i].day - reference[j].day)) + 1);
    return date_factor * content[i][j];
  };
  auto weight = [&](size_t i, size_t j) {
    return 1.0 / (static_cast<double>(std::llabs(predicted[i].day - reference[j].day)) + 1);
  };
  double p_num = 0, p_den = 0, r_num = 0, r_den = 0;
  for (size_t i = 0; i < predicted.size(); ++i) {  // precision: each predicted date -> a ref date
    size_t best = 0;
    for (size_t j = 1; j < reference.size(); ++j) {
      if (cost(i, j) < cost(i, best)) best = j;
    }
    const NgramCounts c = CountNgrams(predicted[i].tokens, reference[best].tokens, n);
    p_num += weight(i, best) * c.hits;
    p_den += c.peer;
  }
  for (size_t j = 0; j < reference.size(); ++j) {  // recall: each ref date -> a predicted date
    size_t best = 0;
    for (size_t i = 1; i < predicted.size(); ++i) {
      if (cost(i, j) < cost(best, j)) best = i;
    }
    const NgramCounts c = CountNgrams(predicted[best].tokens, reference[j].tokens, n);
    r_num += weight(best, j) * c.hits;
    r_den += c.model;
  }
  const double p = p_den > 0 ? p_num / p_den : 0, r = r_den > 0 ? r_num / r_den : 0;
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

double DateF1(const std::vector<int64_t>& predicted, const std::vector<int64_t>& reference) {
  if (predicted.empty() || reference.empty()) return 0;
  size_t hits = 0;
  for (int64_t d : predicted) {
    if (std::find(reference.begin(), reference.end(), d) != reference.end()) ++hits;
  }
  const double p = static_cast<double>(hits) / predicted.size();
  const double r = static_cast<double>(hits) / reference.size();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

}  // namespace time_internal

namespace {

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || std::sscanf(std::string(s.substr(0, 10)).c_str(), "%4d-%2d-%2d", &y, &m,
                                   &d) != 3) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return CivilDate{y, m, d};
}

}  // namespace

Result<TimelineScores> EvaluateTimeline17(const std::string& jsonl_path,
                                          const TimelineOptions& options,
                                          const std::string& topic_filter, bool oracle) {
  namespace ti = time_internal;
  std::ifstream in(jsonl_path, std::ios::binary);
  if (!in) {
    return MakeError(ErrorCode::kNotFound, jsonl_path, "cannot open the Timeline17 JSONL",
                     "expected ../shared/data/timeline17/timeline17.jsonl");
  }
  TimelineScores scores;
  simdjson::dom::parser parser;
  std::string line;
  int64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    simdjson::dom::element topic;
    if (parser.parse(line).get(topic)) {
      Error e;
      e.code = ErrorCode::kMalformed;
      e.source = jsonl_path;
      e.record = line_no;
      e.message = "line is not JSON";
      scores.problems.push_back(e);
      continue;
    }
    std::string_view id;
    if (topic["id"].get(id)) id = "?";
    if (!topic_filter.empty() && id.find(topic_filter) == std::string_view::npos) continue;
    simdjson::dom::array docs, timelines;
    if (topic["documents"].get(docs) || topic["timelines"].get(timelines)) {
      Error e;
      e.code = ErrorCode::kMalformed;
      e.source = jsonl_path;
      e.record = line_no;
      e.message = "topic without documents or timelines";
      scores.problems.push_back(e);
      continue;
    }
    std::vector<Article> articles;
    for (simdjson::dom::element doc : docs) {
      Article a;
      a.index = static_cast<uint32_t>(articles.size());
      std::string_view text, date, doc_id;
      if (doc["text"].get(text)) continue;
      if (!doc["date"].get(date)) {
        if (auto d = ParseIsoDate(date)) a.date = *d;
      }
      if (!doc["id"].get(doc_id)) a.id = std::string(doc_id);
      a.text = std::string(text);
      articles.push_back(std::move(a));
    }
    for (simdjson::dom::element tl : timelines) {
      std::string_view name;
      if (tl["name"].get(name)) name = "?";
      simdjson::dom::array entries;
      if (tl["entries"].get(entries)) continue;
      std::vector<ti::DatedTokens> reference;
      std::map<int64_t, size_t> ref_index;
      double sentences = 0;
      for (simdjson::dom::element entry : entries) {
        std::string_view date, text;
        if (entry["date"].get(date) || entry["text"].get(text)) continue;
        auto d = ParseIsoDate(date);
        if (!d) continue;
        const int64_t day = d->ToDays();
        auto [it, fresh] = ref_index.emplace(day, reference.size());
        if (fresh) reference.push_back(ti::DatedTokens{day, {}});
        std::vector<std::string> toks = ti::RougeLikeTokens(text);
        auto& dst = reference[it->second].tokens;
        dst.insert(dst.end(), toks.begin(), toks.end());
        sentences += static_cast<double>(std::max<size_t>(1, SplitSentences(text).size()));
      }
      if (reference.empty()) continue;
      std::sort(reference.begin(), reference.end(),
                [](const ti::DatedTokens& a, const ti::DatedTokens& b) { return a.day < b.day; });
      TimelineOptions o = options;
      o.max_dates = static_cast<uint32_t>(reference.size());
      o.sentences_per_date = static_cast<uint32_t>(
          std::max(1.0, std::round(sentences / static_cast<double>(reference.size()))));
      o.first_date = CivilDate::FromDays(reference.front().day);
      o.last_date = CivilDate::FromDays(reference.back().day);

      const auto start = std::chrono::steady_clock::now();
      for (Article& a : articles) {
        if (!a.sentences.empty()) continue;
        uint32_t k = 0;
        for (const Span& s : SplitSentences(a.text)) a.sentences.push_back(Sentence{s, 0, k++});
      }
      Timeline timeline;
      if (!oracle) {
        timeline = BuildTimeline(articles, o);
      } else {
        // Calibration: the reference's own dates, and per date the candidate sentence with the
        // best ROUGE-1 F against the reference entry (an upper bound of sentence choice).
        std::map<int64_t, std::vector<ti::DatedSentence>> cands;
        for (const Article& a : articles) {
          for (auto& d : ti::DateSentences(a, o.time, 1.0)) cands[d.date.ToDays()].push_back(d);
        }
        for (const auto& r : reference) {
          TimelineEntry e;
          e.date = CivilDate::FromDays(r.day);
          double best = -1;
          for (const auto& d : cands[r.day]) {
            auto toks = ti::RougeLikeTokens(articles[d.article].View(d.span));
            auto c = ti::CountNgrams(toks, r.tokens, 1);
            double p = c.peer ? c.hits / c.peer : 0, rr = c.model ? c.hits / c.model : 0;
            double f = p + rr > 0 ? 2 * p * rr / (p + rr) : 0;
            if (f > best) {
              best = f;
              e.sources.assign(1, TimelineSource{d.article, d.span, d.time});
            }
          }
          if (best >= 0) timeline.entries.push_back(e);
        }
      }
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

      std::vector<ti::DatedTokens> predicted;
      std::vector<int64_t> pred_days, ref_days;
      for (const TimelineEntry& e : timeline.entries) {
        ti::DatedTokens p{e.date.ToDays(), {}};
        for (size_t k = 0; k < e.sources.size() && k < o.sentences_per_date; ++k) {
          const TimelineSource& s = e.sources[k];
          auto toks = ti::RougeLikeTokens(articles[s.article].View(s.sentence));
          p.tokens.insert(p.tokens.end(), toks.begin(), toks.end());
        }
        pred_days.push_back(p.day);
        predicted.push_back(std::move(p));
      }
      std::sort(predicted.begin(), predicted.end(),
                [](const ti::DatedTokens& a, const ti::DatedTokens& b) { return a.day < b.day; });
      for (const auto& r : reference) ref_days.push_back(r.day);
      TimelineTopicScore ts;
      ts.topic = std::string(id) + "/" + std::string(name);
      ts.date_f1 = ti::DateF1(pred_days, ref_days);
      ts.ar1_f = ti::AlignedRougeF(predicted, reference, 1);
      ts.ar2_f = ti::AlignedRougeF(predicted, reference, 2);
      ts.seconds = seconds;
      scores.topics.push_back(std::move(ts));
    }
  }
  if (scores.topics.empty()) {
    return MakeError(ErrorCode::kEmpty, jsonl_path, "no topic with a reference timeline",
                     topic_filter.empty() ? "" : "check --topic");
  }
  for (const auto& t : scores.topics) {
    scores.date_f1 += t.date_f1;
    scores.ar1_f += t.ar1_f;
    scores.ar2_f += t.ar2_f;
    scores.mean_seconds += t.seconds;
    scores.max_seconds = std::max(scores.max_seconds, t.seconds);
  }
  const double n = static_cast<double>(scores.topics.size());
  scores.date_f1 /= n;
  scores.ar1_f /= n;
  scores.ar2_f /= n;
  scores.mean_seconds /= n;
  return scores;
}

}  // namespace sitrep
