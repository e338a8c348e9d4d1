// Summarize: picks sentences with the chosen method, puts them in reading order and cites every
// article that says the same thing.
#include <algorithm>
#include <string>

#include "sitrep/summarize.h"
#include "sitrep/text.h"
#include "summarize/event_model.h"
#include "summarize/methods.h"

namespace sitrep {
namespace {

using summarize::Candidate;
using summarize::EventModel;
using summarize::Selection;

constexpr const char* kDefaultMethod = "concepts";
constexpr double kCiteSimilarity = 0.7;  // Jaccard of content stems: "nearly says it"

// Jaccard similarity of the distinct terms of two sorted term lists (repeats are skipped).
double Jaccard(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0, only_a = 0, only_b = 0, i = 0, j = 0;
  auto next = [](const std::vector<uint32_t>& v, size_t k) {
    const uint32_t value = v[k];
    while (k < v.size() && v[k] == value) ++k;
    return k;
  };
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++only_a, i = next(a, i);
    } else if (a[i] > b[j]) {
      ++only_b, j = next(b, j);
    } else {
      ++common, i = next(a, i), j = next(b, j);
    }
  }
  for (; i < a.size(); i = next(a, i)) ++only_a;
  for (; j < b.size(); j = next(b, j)) ++only_b;
  return static_cast<double>(common) / static_cast<double>(common + only_a + only_b);
}

std::vector<Citation> Cite(std::span<const Article> articles, const EventModel& model,
                           uint32_t pick) {
  const Candidate& shown = model.candidates[pick];
  const std::string shown_text = CollapseSpaces(articles[shown.article].View(shown.span));
  std::vector<Citation> cites;
  cites.push_back({articles[shown.article].index,
                   articles[shown.article].sentences[shown.sentence].span, 1.0});
  // The best matching sentence of every other article.
  std::vector<double> best(articles.size(), 0.0);
  std::vector<int> best_candidate(articles.size(), -1);
  for (uint32_t j = 0; j < model.candidates.size(); ++j) {
    const Candidate& c = model.candidates[j];
    if (c.article == shown.article) continue;
    double sim = 0;
    if (c.words + 3 >= shown.words && shown.words + 3 >= c.words &&
        CollapseSpaces(articles[c.article].View(c.span)) == shown_text) {
      sim = 1.0;
    } else {
      sim = Jaccard(shown.terms, c.terms);
    }
    if (sim >= kCiteSimilarity && sim > best[c.article]) {
      best[c.article] = sim;
      best_candidate[c.article] = static_cast<int>(j);
    }
  }
  for (uint32_t a = 0; a < articles.size(); ++a) {
    if (best_candidate[a] < 0) continue;
    const Candidate& c = model.candidates[best_candidate[a]];
    cites.push_back({articles[a].index, articles[a].sentences[c.sentence].span, best[a]});
  }
  std::stable_sort(cites.begin() + 1, cites.end(),
                   [](const Citation& x, const Citation& y) { return x.similarity > y.similarity; });
  return cites;
}

}  // namespace

std::vector<std::string> SummaryMethods() {
  return {"concepts", "submodular", "centroid", "lexrank", "textrank", "lead", "random"};
}

Result<Summary> Summarize(std::span<const Article> articles, const DedupeResult& dedupe,
                          const SummaryOptions& options) {
  return summarize::SummarizeModel(articles, summarize::BuildEventModel(articles, dedupe), options);
}

Result<Summary> summarize::SummarizeModel(std::span<const Article> articles,
                                          const EventModel& model, const SummaryOptions& options) {
  std::string method = options.method.empty() || options.method == "default" ? kDefaultMethod
                                                                             : options.method;
  const auto methods = SummaryMethods();
  if (std::find(methods.begin(), methods.end(), method) == methods.end()) {
    std::string known;
    for (const auto& m : methods) known += (known.empty() ? "" : ", ") + m;
    return MakeError(ErrorCode::kInvalidArgument, "--method",
                     "unknown summary method '" + options.method + "'", "use one of: " + known);
  }
  Summary summary;
  summary.method = method;
  summarize::Budget budget;
  budget.max_words = options.max_words;
  budget.max_sentences = options.max_sentences;
  budget.overflow_last = options.overflow_last;
  budget.readable_only = options.standalone_only;

  Selection picks;
  if (method == "concepts") {
    picks = summarize::SelectConcepts(model, budget);
  } else if (method == "submodular") {
    picks = summarize::SelectSubmodular(model, budget);
  } else if (method == "centroid") {
    picks = summarize::SelectCentroid(model, budget);
  } else if (method == "lexrank") {
    picks = summarize::SelectLexRank(model, budget);
  } else if (method == "textrank") {
    picks = summarize::SelectTextRank(model, budget);
  } else if (method == "lead") {
    picks = summarize::SelectLead(model, articles, budget);
  } else {
    picks = summarize::SelectRandom(model, budget, options.seed);
  }

  // Reading order: by article date (undated last), then input order, then position.
  std::vector<std::pair<uint32_t, double>> ordered;
  for (size_t k = 0; k < picks.size(); ++k) {
    ordered.emplace_back(picks[k], static_cast<double>(picks.size() - k));
  }
  auto date_key = [&](uint32_t a) -> int64_t {
    const auto& d = articles[a].date;
    return d && d->IsComplete() ? d->ToDays() : INT64_MAX;
  };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) {
    const Candidate& cx = model.candidates[x.first];
    const Candidate& cy = model.candidates[y.first];
    if (cx.article != cy.article) {
      const int64_t dx = date_key(cx.article), dy = date_key(cy.article);
      if (dx != dy) return dx < dy;
      return cx.article < cy.article;
    }
    return cx.position < cy.position;
  });
  for (const auto& [pick, score] : ordered) {
    const Candidate& c = model.candidates[pick];
    SummarySentence s;
    s.article = articles[c.article].index;
    s.span = c.span;
    s.score = score;
    s.citations = Cite(articles, model, pick);
    summary.sentences.push_back(std::move(s));
  }
  return summary;
}

}  // namespace sitrep
