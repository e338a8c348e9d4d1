// The sourced timeline: dated sentences -> dates ranked by how many articles date something to
// them -> for each kept date, the sentence closest to what all its sentences say.
//
// Why this shape: on news collections the strongest single signal for "a date worth a timeline
// entry" is how many separate reports point at it (news-tls found mention counts close to their
// supervised DATEWISE ranker); the sentence choice is the date's centroid (TF-IDF cosine), which
// favours the sentence most reports agree with over one article's colour.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "sitrep/text.h"
#include "sitrep/time.h"
#include "time/timeline_internal.h"

namespace sitrep {

const char* TimelineKindName(TimelineKind kind) {
  return kind == TimelineKind::kBackground ? "background" : "event";
}

namespace time_internal {

constexpr uint32_t kLeadSentences = 5;

std::vector<DatedSentence> DateSentences(const Article& article, const TimeOptions& options,
                                         double publication_date_weight) {
  std::vector<DatedSentence> out;
  const CivilDate pub = article.date.value_or(CivilDate{});
  const std::vector<TimeExpr> times = TagTimes(article.text, pub, options);
  size_t t = 0;
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    const Span span = article.sentences[s].span;
    while (t < times.size() && times[t].span.end <= span.begin) ++t;
    bool any = false;
    for (size_t k = t; k < times.size() && times[k].span.begin < span.end; ++k) {
      const TimeExpr& e = times[k];
      if (e.type != TimeType::kDate && e.type != TimeType::kTime) continue;
      if (!e.first_day || !e.last_day || !(*e.first_day == *e.last_day)) continue;
      DatedSentence d;
      d.article = article.index;
      d.sentence = s;
      d.span = span;
      d.time = e.span;
      d.date = *e.first_day;
      d.value = e.value;
      d.weight = 1.0;
      out.push_back(d);
      any = true;
    }
    // Only an article's lead speaks of its own day; later undated sentences are background.
    if (!any && publication_date_weight > 0 && pub.IsComplete() && s < kLeadSentences) {
      DatedSentence d;
      d.article = article.index;
      d.sentence = s;
      d.span = span;
      d.date = pub;
      d.value = pub.ToIso();
      d.weight = publication_date_weight;
      d.from_publication = true;
      out.push_back(d);
    }
  }
  return out;
}

}  // namespace time_internal

namespace {

using time_internal::DatedSentence;
using TermVector = std::unordered_map<std::string, double>;

double Cosine(const TermVector& a, const TermVector& b) {
  double dot = 0, na = 0, nb = 0;
  for (const auto& [k, v] : a) {
    na += v * v;
    auto it = b.find(k);
    if (it != b.end()) dot += v * it->second;
  }
  for (const auto& [k, v] : b) nb += v * v;
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

}  // namespace

Timeline BuildTimeline(std::span<const Article> articles, const TimelineOptions& options) {
  Timeline timeline;
  std::vector<DatedSentence> dated;
  std::optional<CivilDate> earliest_pub;
  for (const Article& a : articles) {
    if (a.date && a.date->IsComplete() && (!earliest_pub || *a.date < *earliest_pub)) {
      earliest_pub = *a.date;
    }
    std::vector<DatedSentence> d =
        time_internal::DateSentences(a, options.time, options.publication_date_weight);
    dated.insert(dated.end(), d.begin(), d.end());
  }
  // Article positions by index, for looking sentences up.
  std::unordered_map<uint32_t, const Article*> by_index;
  for (const Article& a : articles) by_index[a.index] = &a;

  // Date scores: per article, the best weight it gives the date (one article, one vote).
  std::map<int64_t, std::unordered_map<uint32_t, double>> votes;
  std::map<int64_t, std::vector<size_t>> members;
  for (size_t k = 0; k < dated.size(); ++k) {
    const DatedSentence& d = dated[k];
    if (options.first_date && d.date < *options.first_date) continue;
    if (options.last_date && *options.last_date < d.date) continue;
    const int64_t day = d.date.ToDays();
    double& v = votes[day][d.article];
    v = std::max(v, d.weight);
    members[day].push_back(k);
    if (!d.from_publication) ++timeline.dated_sentences;
  }
  struct Scored {
    int64_t day;
    double score;
    uint32_t support;
  };
  std::vector<Scored> scored;
  for (const auto& [day, per_article] : votes) {
    double s = 0;
    uint32_t support = 0;
    for (const auto& [article, w] : per_article) {
      s += w;
      if (w >= 1.0) ++support;
    }
    scored.push_back({day, s, support});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  if (options.max_dates > 0 && scored.size() > options.max_dates) scored.resize(options.max_dates);

  // Sentence choice: TF-IDF centroid of the date's sentences, best cosine, MMR for more than one.
  Stemmer stemmer;
  std::unordered_map<uint64_t, TermVector> vectors;  // (article << 32 | sentence) -> tf
  std::unordered_map<std::string, double> df;
  auto key = [](const DatedSentence& d) {
    return (static_cast<uint64_t>(d.article) << 32) | d.sentence;
  };
  for (const Scored& sc : scored) {
    for (size_t k : members[sc.day]) {
      const DatedSentence& d = dated[k];
      if (vectors.count(key(d))) continue;
      TermVector tf;
      const Article* a = by_index[d.article];
      for (const std::string& term : ContentTerms(a->View(d.span), stemmer)) tf[term] += 1;
      for (const auto& [term, _] : tf) df[term] += 1;
      vectors.emplace(key(d), std::move(tf));
    }
  }
  const double n_docs = static_cast<double>(vectors.size()) + 1;
  for (auto& [_, tf] : vectors) {
    for (auto& [term, v] : tf) v *= std::log(n_docs / df[term]);
  }

  for (const Scored& sc : scored) {
    const std::vector<size_t>& m = members[sc.day];
    TermVector centroid;
    bool any_stated = false;
    for (size_t k : m) any_stated |= !dated[k].from_publication;
    for (size_t k : m) {
      // The centroid is what the sentences that state the date say, when there are any.
      if (any_stated && dated[k].from_publication) continue;
      const double w = dated[k].weight;
      for (const auto& [term, v] : vectors[key(dated[k])]) centroid[term] += w * v;
    }
    TimelineEntry entry;
    entry.date = CivilDate::FromDays(sc.day);
    entry.score = sc.score;
    entry.support = sc.support;
    entry.kind = earliest_pub &&
                         sc.day < earliest_pub->ToDays() - options.background_days
                     ? TimelineKind::kBackground
                     : TimelineKind::kEvent;
    // Rank the candidate sentences; explicit mentions first, then similarity to the centroid.
    std::vector<std::pair<double, size_t>> ranked;
    for (size_t k : m) {
      const DatedSentence& d = dated[k];
      const size_t words = vectors[key(d)].size();
      // Similarity to what the *other* sentences say: a sentence does not vote for itself.
      TermVector others = centroid;
      if (!(any_stated && d.from_publication)) {
        for (const auto& [term, v] : vectors[key(d)]) others[term] -= d.weight * v;
      }
      double s = Cosine(vectors[key(d)], others) * (d.from_publication ? 0.8 : 1.0);
      if (words < 4) s *= 0.5;        // fragments ("Friday.") say nothing
      if (words > 30) s *= 0.7;       // run-on sentences crowd the entry
      ranked.emplace_back(s, k);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<size_t> chosen;
    const uint32_t want = std::max<uint32_t>(1, options.sentences_per_date);
    for (const auto& [s, k] : ranked) {
      if (chosen.size() >= want) break;
      bool redundant = false;
      for (size_t c : chosen) {
        if (dated[c].article == dated[k].article && dated[c].sentence == dated[k].sentence) {
          redundant = true;
        } else if (Cosine(vectors[key(dated[c])], vectors[key(dated[k])]) > 0.5) {
          redundant = true;
        }
      }
      if (!redundant) chosen.push_back(k);
    }
    if (chosen.empty()) continue;
    const DatedSentence& best = dated[chosen[0]];
    entry.article = best.article;
    entry.sentence = best.span;
    entry.value = best.value;
    for (size_t c : chosen) {
      entry.sources.push_back(TimelineSource{dated[c].article, dated[c].span, dated[c].time});
    }
    // The other articles that date something to this day, one source each.
    std::unordered_map<uint32_t, bool> seen;
    for (size_t c : chosen) seen[dated[c].article] = true;
    for (const auto& [s, k] : ranked) {
      const DatedSentence& d = dated[k];
      if (d.from_publication || seen[d.article]) continue;
      seen[d.article] = true;
      entry.sources.push_back(TimelineSource{d.article, d.span, d.time});
    }
    timeline.entries.push_back(std::move(entry));
  }
  std::stable_sort(timeline.entries.begin(), timeline.entries.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     if (a.kind != b.kind) return a.kind == TimelineKind::kEvent;
                     return a.date < b.date;
                   });
  return timeline;
}

}  // namespace sitrep
