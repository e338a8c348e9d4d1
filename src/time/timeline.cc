// The sourced timeline: dated sentences -> dates ranked by the articles that date something to
// them -> for each kept date, the sentence closest to what the other sentences of that date say.
//
// Why this shape: on news collections the strongest single signal for "a date worth a timeline
// entry" is how many separate reports point at it (news-tls found mention counts close to their
// supervised DATEWISE ranker), and most of all reports written days later that still name it:
// a day journalists keep coming back to is a turning point. The sentence choice is the date's
// centroid (term-frequency cosine) over the words its reports on the day and its later
// mentions share (news-tls's PM-mean collector), which favours the sentence most reports agree
// with over one article's colour.
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

// Undated sentences this far into an article take its publication date (measured on
// Timeline17: 10 beat 2 and 5 on AR1; the lead and the next paragraphs speak of the day).
constexpr uint32_t kLeadSentences = 10;

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
// A sentence's term counts, sorted by term id.
struct SparseVector {
  std::vector<std::pair<uint32_t, double>> terms;
  double norm2 = 0;
};

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

  // Per date and article, the best weight the article gives the date (1 = it names the day).
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
  // Date scores, one vote per article: naming the day n days after it was published counts
  // kLaterVote * ln(1 + n); naming it on the day or before, kStatedVote (a tie-breaker that keeps
  // a fresh event's days when no later report exists yet); an undated lead on the day,
  // options.publication_date_weight. Measured on Timeline17 (AR1 0.113 with plain article
  // counts, 0.122 with these votes; leave-one-topic-out figures in docs/time.md).
  constexpr double kLaterVote = 0.2, kStatedVote = 0.05;
  std::vector<Scored> scored;
  for (const auto& [day, per_article] : votes) {
    double s = 0;
    uint32_t support = 0;
    for (const auto& [article, w] : per_article) {
      if (w < 1.0) {
        s += w;
        continue;
      }
      ++support;
      s += kStatedVote;
      const Article* a = by_index[article];
      if (a->date && a->date->IsComplete() && a->date->ToDays() > day) {
        s += kLaterVote * std::log1p(static_cast<double>(a->date->ToDays() - day));
      }
    }
    scored.push_back({day, s, support});
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const Scored& a, const Scored& b) { return a.score > b.score; });
  // Keep the best max_dates, greedily, a day next to one already kept at half its score: three
  // neighbouring days are usually one happening reported on three dates.
  if (options.max_dates > 0 && scored.size() > options.max_dates) {
    constexpr double kNeighbourFactor = 0.5;
    std::vector<Scored> kept;
    std::vector<bool> taken(scored.size(), false);
    while (kept.size() < options.max_dates) {
      size_t best = scored.size();
      double best_score = 0;
      for (size_t i = 0; i < scored.size(); ++i) {
        if (taken[i]) continue;
        double s = scored[i].score;
        for (const Scored& k : kept) {
          if (std::llabs(k.day - scored[i].day) <= 1) s *= kNeighbourFactor;
        }
        if (best == scored.size() || s > best_score) {
          best = i;
          best_score = s;
        }
        // Sorted by score: once one is unpenalized, nothing further down can beat the best.
        if (s == scored[i].score) break;
      }
      if (best == scored.size()) break;
      taken[best] = true;
      kept.push_back(scored[best]);
    }
    scored = std::move(kept);
  }

  // Sentence choice. Term-frequency vectors (no IDF: words many reports share are what a
  // timeline entry should say; IDF favoured one article's colour on Timeline17, AR1 0.091 vs
  // 0.103). C is the date's centroid: where the date has both sentences that name it and leads
  // published on it, the mean of each group over the words both groups use (news-tls's PM-mean;
  // AR1 0.110 -> 0.113), and a candidate scores cos(s, C); otherwise C sums all its sentences
  // (stated dates at weight 1, leads at the publication weight) and a candidate scores
  // cos(s, C - s) + cos(s, T), the others' agreement with it and its closeness to the topic T
  // (every candidate of every kept date).
  Stemmer stemmer;
  std::unordered_map<std::string, uint32_t> term_ids;
  std::unordered_map<uint64_t, size_t> vector_of;  // (article << 32 | sentence) -> index
  std::vector<SparseVector> vectors;
  auto key = [](const DatedSentence& d) {
    return (static_cast<uint64_t>(d.article) << 32) | d.sentence;
  };
  for (const Scored& sc : scored) {
    for (size_t k : members[sc.day]) {
      const DatedSentence& d = dated[k];
      if (vector_of.count(key(d))) continue;
      std::unordered_map<uint32_t, double> tf;
      for (const std::string& term : ContentTerms(by_index[d.article]->View(d.span), stemmer)) {
        auto [it, fresh] = term_ids.emplace(term, static_cast<uint32_t>(term_ids.size()));
        tf[it->second] += 1;
      }
      SparseVector v;
      v.terms.assign(tf.begin(), tf.end());
      std::sort(v.terms.begin(), v.terms.end());
      for (const auto& [t, x] : v.terms) v.norm2 += x * x;
      vector_of.emplace(key(d), vectors.size());
      vectors.push_back(std::move(v));
    }
  }
  std::vector<double> topic(term_ids.size(), 0.0), centroid(term_ids.size(), 0.0),
      stated(term_ids.size(), 0.0), published(term_ids.size(), 0.0);
  for (const SparseVector& v : vectors) {
    for (const auto& [t, x] : v.terms) topic[t] += x;
  }
  double topic_norm2 = 0;
  for (double x : topic) topic_norm2 += x * x;
  auto dot = [](const SparseVector& v, const std::vector<double>& dense) {
    double s = 0;
    for (const auto& [t, x] : v.terms) s += x * dense[t];
    return s;
  };
  auto cosine = [](const SparseVector& a, const SparseVector& b) {
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a.terms.size() && j < b.terms.size()) {
      if (a.terms[i].first < b.terms[j].first) ++i;
      else if (b.terms[j].first < a.terms[i].first) ++j;
      else s += a.terms[i++].second * b.terms[j++].second;
    }
    return a.norm2 > 0 && b.norm2 > 0 ? s / std::sqrt(a.norm2 * b.norm2) : 0.0;
  };

  for (const Scored& sc : scored) {
    const std::vector<size_t>& m = members[sc.day];
    std::vector<uint32_t> touched;
    double n_stated = 0, n_published = 0;
    for (size_t k : m) {
      const bool lead = dated[k].from_publication;
      (lead ? n_published : n_stated) += 1;
      for (const auto& [t, x] : vectors[vector_of[key(dated[k])]].terms) {
        if (centroid[t] == 0) touched.push_back(t);
        centroid[t] += dated[k].weight * x;
        (lead ? published : stated)[t] += x;
      }
    }
    const bool shared_words = n_stated > 0 && n_published > 0;
    if (shared_words) {
      for (uint32_t t : touched) {
        // A tiny weight, not zero: zero marks an untouched slot.
        centroid[t] = stated[t] > 0 && published[t] > 0
                          ? stated[t] / n_stated + published[t] / n_published
                          : 1e-12;
      }
    }
    double centroid_norm2 = 0;
    for (uint32_t t : touched) centroid_norm2 += centroid[t] * centroid[t];
    TimelineEntry entry;
    entry.date = CivilDate::FromDays(sc.day);
    entry.score = sc.score;
    entry.support = sc.support;
    entry.kind = earliest_pub &&
                         sc.day < earliest_pub->ToDays() - options.background_days
                     ? TimelineKind::kBackground
                     : TimelineKind::kEvent;
    std::vector<std::pair<double, size_t>> ranked;
    for (size_t k : m) {
      const DatedSentence& d = dated[k];
      const SparseVector& v = vectors[vector_of[key(d)]];
      if (v.norm2 <= 0) continue;
      const double vc = dot(v, centroid), w = d.weight;
      double s = 0;
      if (shared_words) {
        s = centroid_norm2 > 0 ? vc / std::sqrt(v.norm2 * centroid_norm2) : 0.0;
      } else {
        // cos(v, C - w v) from v.C, |C|^2 and |v|^2, without building C - w v.
        const double rest2 = std::max(0.0, centroid_norm2 - 2 * w * vc + w * w * v.norm2);
        s = rest2 > 0 ? (vc - w * v.norm2) / std::sqrt(v.norm2 * rest2) : 0.0;
        if (topic_norm2 > 0) s += dot(v, topic) / std::sqrt(v.norm2 * topic_norm2);
      }
      // A sentence that opens with its date ("On January 25, ...") is about that day; one that
      // names it in passing often is not (AR1 +0.001, AR2 +0.004 on Timeline17).
      if (!d.from_publication && d.time.begin >= d.span.begin && d.time.begin - d.span.begin < 4) {
        s *= 2;
      }
      const size_t words = v.terms.size();
      if (words < 7) s *= 0.5;        // fragments ("Friday.") say nothing
      if (words > 25) s *= 0.7;       // run-on sentences crowd the entry
      ranked.emplace_back(s, k);
    }
    for (uint32_t t : touched) centroid[t] = stated[t] = published[t] = 0;
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
        } else if (cosine(vectors[vector_of[key(dated[c])]], vectors[vector_of[key(dated[k])]]) >
                   0.5) {
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
