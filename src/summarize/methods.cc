// Sentence selectors: the baselines the field compares against and the concept-coverage and
// submodular methods. Scores differ; the budget logic (Picker) and redundancy checks are shared.
#include "summarize/methods.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <unordered_map>
#include <unordered_set>

namespace sitrep::summarize {
namespace {

constexpr uint32_t kMinWords = 6;  // shorter "sentences" are headlines, bylines or fragments

// Concepts: a content word shared by several articles weighs this much of what a bigram shared
// by as many weighs (ROUGE-SU4 counts unigrams; bigrams alone leave them to chance). DUC 2006
// SU4 0.1545-0.1556 over 0.01-0.05, 0.1534 at 0.1 (docs/benchmarks.md).
constexpr double kUnigramWeight = 0.03;
// A sentence with a reporting verb ("..., officials said.") is worth this share of its concept
// gain: the summary should state what happened in the reporter's voice, not who said it; the
// attribution spends words that summaries do not use. Flat on DUC 2006 from 0 to 0.65 (SU4
// +0.002), gone at 0.8; kept well inside, so a quoted statement still wins where nothing else
// carries its concepts.
constexpr double kAttributedValue = 0.5;

bool Eligible(const Candidate& c, const Budget& b) {
  return !c.from_copy && c.words >= kMinWords && (!b.readable_only || c.readable);
}

// Tracks the budget while sentences are added.
class Picker {
 public:
  Picker(const EventModel& m, const Budget& b) : m_(m), b_(b) {}

  bool Full() const {
    return done_ || (b_.max_sentences != 0 && selection_.size() >= b_.max_sentences) ||
           (b_.max_words != 0 && used_ >= b_.max_words);
  }
  bool Fits(uint32_t i) const {
    return b_.max_words == 0 || used_ + m_.candidates[i].words <= b_.max_words;
  }
  // May `i` be added as the last sentence, running past the budget?
  bool MayOverflow() const { return b_.overflow_last && b_.max_words != 0 && used_ < b_.max_words; }
  void Add(uint32_t i) {
    selection_.push_back(i);
    used_ += m_.candidates[i].words;
    if (b_.max_words != 0 && used_ > b_.max_words) done_ = true;
  }
  uint32_t used() const { return used_; }
  const Selection& selection() const { return selection_; }
  Selection Take() { return std::move(selection_); }

 private:
  const EventModel& m_;
  const Budget& b_;
  Selection selection_;
  uint32_t used_ = 0;
  bool done_ = false;
};

// Unit-length tf-idf vectors of the candidates (sorted sparse), idf over non-copy articles.
struct Vectors {
  std::vector<std::vector<std::pair<uint32_t, double>>> v;
  std::vector<double> idf;
};

Vectors TfIdf(const EventModel& m) {
  Vectors out;
  std::vector<uint32_t> df(m.num_terms, 0);
  for (uint32_t a = 0; a < m.article_candidates.size(); ++a) {
    std::unordered_set<uint32_t> seen;
    for (uint32_t ci : m.article_candidates[a]) {
      const Candidate& c = m.candidates[ci];
      if (c.from_copy) break;
      for (uint32_t t : c.terms) {
        if (seen.insert(t).second) ++df[t];
      }
    }
  }
  const double n = std::max<uint32_t>(m.num_articles_used, 1);
  out.idf.resize(m.num_terms);
  for (uint32_t t = 0; t < m.num_terms; ++t) out.idf[t] = std::log((n + 1) / (df[t] + 0.5));
  out.v.resize(m.candidates.size());
  for (size_t i = 0; i < m.candidates.size(); ++i) {
    std::unordered_map<uint32_t, double> tf;
    for (uint32_t t : m.candidates[i].terms) tf[t] += 1;
    auto& vec = out.v[i];
    double norm = 0;
    for (auto& [t, f] : tf) {
      vec.emplace_back(t, f * out.idf[t]);
      norm += vec.back().second * vec.back().second;
    }
    std::sort(vec.begin(), vec.end());
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& [t, w] : vec) w /= norm;
    }
  }
  return out;
}

double Dot(const std::vector<std::pair<uint32_t, double>>& a,
           const std::vector<std::pair<uint32_t, double>>& b) {
  double s = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (a[i].first > b[j].first) {
      ++j;
    } else {
      s += a[i++].second * b[j++].second;
    }
  }
  return s;
}

// Highest score first; skips sentences too similar (tf-idf cosine) to one already picked.
Selection GreedyByScore(const EventModel& m, const Vectors& vec, const std::vector<double>& score,
                        const Budget& b, double max_similarity) {
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (Eligible(m.candidates[i], b)) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t x, uint32_t y) { return score[x] > score[y]; });
  Picker picker(m, b);
  for (uint32_t i : order) {
    if (picker.Full()) break;
    bool redundant = false;
    for (uint32_t j : picker.selection()) {
      if (Dot(vec.v[i], vec.v[j]) > max_similarity) {
        redundant = true;
        break;
      }
    }
    if (redundant) continue;
    if (picker.Fits(i) || picker.MayOverflow()) picker.Add(i);
  }
  return picker.Take();
}

// Power iteration for PageRank over a row-stochastic (sparse) matrix.
std::vector<double> PageRank(const std::vector<std::vector<std::pair<uint32_t, double>>>& out_edges,
                             double damping) {
  const size_t n = out_edges.size();
  std::vector<double> p(n, n ? 1.0 / n : 0), next(n);
  std::vector<double> out_sum(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (auto& [j, w] : out_edges[i]) out_sum[i] += w;
  }
  for (int iter = 0; iter < 40; ++iter) {
    double dangling = 0;
    for (size_t i = 0; i < n; ++i) {
      if (out_sum[i] == 0) dangling += p[i];
    }
    std::fill(next.begin(), next.end(), (1 - damping) / n + damping * dangling / n);
    for (size_t i = 0; i < n; ++i) {
      if (out_sum[i] == 0) continue;
      for (auto& [j, w] : out_edges[i]) next[j] += damping * p[i] * w / out_sum[i];
    }
    p.swap(next);
  }
  return p;
}

}  // namespace

Selection SelectLead(const EventModel& m, std::span<const Article> articles, const Budget& b) {
  // The newest article: latest date, ties (and unknown dates) broken by input order.
  int newest = -1;
  for (uint32_t a = 0; a < articles.size(); ++a) {
    if (m.article_candidates[a].empty()) continue;
    if (newest < 0) {
      newest = static_cast<int>(a);
      continue;
    }
    const auto& da = articles[a].date;
    const auto& dn = articles[newest].date;
    if (da && (!dn || *da >= *dn)) newest = static_cast<int>(a);
  }
  Picker picker(m, b);
  if (newest < 0) return {};
  for (uint32_t i : m.article_candidates[newest]) {
    if (picker.Full()) break;
    if (picker.Fits(i) || picker.MayOverflow()) {
      picker.Add(i);
    } else {
      break;
    }
  }
  return picker.Take();
}

Selection SelectRandom(const EventModel& m, const Budget& b, uint64_t seed) {
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (Eligible(m.candidates[i], b)) order.push_back(i);
  }
  std::mt19937_64 rng(seed);
  std::shuffle(order.begin(), order.end(), rng);
  Picker picker(m, b);
  for (uint32_t i : order) {
    if (picker.Full()) break;
    if (picker.Fits(i) || picker.MayOverflow()) picker.Add(i);
  }
  return picker.Take();
}

Selection SelectCentroid(const EventModel& m, const Budget& b) {
  const Vectors vec = TfIdf(m);
  // Centroid: average term frequency per article times idf; the top 100 terms kept.
  std::vector<double> centroid(m.num_terms, 0.0);
  for (const Candidate& c : m.candidates) {
    if (c.from_copy) continue;
    for (uint32_t t : c.terms) centroid[t] += 1;
  }
  const double n = std::max<uint32_t>(m.num_articles_used, 1);
  for (uint32_t t = 0; t < m.num_terms; ++t) centroid[t] = centroid[t] / n * vec.idf[t];
  if (m.num_terms > 100) {
    std::vector<double> sorted = centroid;
    std::nth_element(sorted.begin(), sorted.begin() + 99, sorted.end(), std::greater<>());
    const double cut = sorted[99];
    for (double& v : centroid) {
      if (v < cut) v = 0;
    }
  }
  std::vector<double> score(m.candidates.size(), 0.0);
  for (uint32_t a = 0; a < m.article_candidates.size(); ++a) {
    const auto& cands = m.article_candidates[a];
    if (cands.empty()) continue;
    double c_max = 0;
    std::vector<double> c_score(cands.size(), 0.0);
    for (size_t k = 0; k < cands.size(); ++k) {
      for (uint32_t t : m.candidates[cands[k]].terms) c_score[k] += centroid[t];
      c_max = std::max(c_max, c_score[k]);
    }
    std::unordered_set<uint32_t> first(m.candidates[cands[0]].terms.begin(),
                                       m.candidates[cands[0]].terms.end());
    const double count = static_cast<double>(cands.size());
    for (size_t k = 0; k < cands.size(); ++k) {
      const double position = c_max * (count - k) / count;
      double overlap = 0;
      for (uint32_t t : m.candidates[cands[k]].terms) overlap += first.count(t);
      score[cands[k]] = c_score[k] + position + overlap;
    }
  }
  return GreedyByScore(m, vec, score, b, 0.7);
}

Selection SelectLexRank(const EventModel& m, const Budget& b) {
  const Vectors vec = TfIdf(m);
  std::vector<uint32_t> nodes;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (!m.candidates[i].from_copy) nodes.push_back(i);
  }
  std::vector<std::vector<std::pair<uint32_t, double>>> edges(nodes.size());
  for (uint32_t x = 0; x < nodes.size(); ++x) {
    for (uint32_t y = x + 1; y < nodes.size(); ++y) {
      if (Dot(vec.v[nodes[x]], vec.v[nodes[y]]) > 0.1) {
        edges[x].emplace_back(y, 1.0);
        edges[y].emplace_back(x, 1.0);
      }
    }
  }
  const std::vector<double> rank = PageRank(edges, 0.85);
  std::vector<double> score(m.candidates.size(), 0.0);
  for (uint32_t x = 0; x < nodes.size(); ++x) score[nodes[x]] = rank[x];
  return GreedyByScore(m, vec, score, b, 0.5);
}

Selection SelectTextRank(const EventModel& m, const Budget& b) {
  const Vectors vec = TfIdf(m);
  std::vector<uint32_t> nodes;
  std::vector<std::vector<uint32_t>> sets;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (m.candidates[i].from_copy) continue;
    nodes.push_back(i);
    std::vector<uint32_t> s = m.candidates[i].terms;
    std::sort(s.begin(), s.end());
    s.erase(std::unique(s.begin(), s.end()), s.end());
    sets.push_back(std::move(s));
  }
  std::vector<std::vector<std::pair<uint32_t, double>>> edges(nodes.size());
  for (uint32_t x = 0; x < nodes.size(); ++x) {
    if (sets[x].size() < 2) continue;
    for (uint32_t y = x + 1; y < nodes.size(); ++y) {
      if (sets[y].size() < 2) continue;
      size_t common = 0, i = 0, j = 0;
      while (i < sets[x].size() && j < sets[y].size()) {
        if (sets[x][i] < sets[y][j]) {
          ++i;
        } else if (sets[x][i] > sets[y][j]) {
          ++j;
        } else {
          ++common, ++i, ++j;
        }
      }
      if (common == 0) continue;
      const double w = common / (std::log(sets[x].size()) + std::log(sets[y].size()));
      edges[x].emplace_back(y, w);
      edges[y].emplace_back(x, w);
    }
  }
  const std::vector<double> rank = PageRank(edges, 0.85);
  std::vector<double> score(m.candidates.size(), 0.0);
  for (uint32_t x = 0; x < nodes.size(); ++x) score[nodes[x]] = rank[x];
  return GreedyByScore(m, vec, score, b, 0.5);
}

// Weight of each concept id (< n) that `ids(candidate)` lists: the topic-weighted number of
// articles using it (syndicated copies not counted), 0 below `min_df` articles, as in Gillick &
// Favre; an id repeated within an article counts once.
template <typename Ids>
std::vector<double> ArticleSupport(const EventModel& m, uint32_t n, uint32_t min_df, Ids&& ids) {
  std::vector<double> weight(n, 0.0);
  std::vector<uint32_t> df(n, 0), last_article(n, UINT32_MAX);
  for (uint32_t a = 0; a < m.article_candidates.size(); ++a) {
    for (uint32_t ci : m.article_candidates[a]) {
      const Candidate& c = m.candidates[ci];
      if (c.from_copy) break;
      for (uint32_t k : ids(c)) {
        if (last_article[k] != a) {
          last_article[k] = a;
          weight[k] += m.article_weight[a];
          ++df[k];
        }
      }
    }
  }
  for (uint32_t k = 0; k < n; ++k) {
    if (df[k] < min_df) weight[k] = 0;
  }
  return weight;
}

Selection SelectConcepts(const EventModel& m, const Budget& b) {
  const uint32_t n = m.num_articles_used;
  const uint32_t min_df = n >= 10 ? 3 : n >= 4 ? 2 : 1;
  // Bigram concepts, and content-word stems (unigram concepts) weighted the same way but scaled
  // by kUnigramWeight.
  const std::vector<double> weight =
      ArticleSupport(m, m.num_bigrams, min_df, [](const Candidate& c) -> const auto& { return c.concepts; });
  std::vector<double> term_weight =
      ArticleSupport(m, m.num_terms, min_df, [](const Candidate& c) -> const auto& { return c.terms; });
  for (double& w : term_weight) w *= kUnigramWeight;

  std::vector<uint32_t> eligible;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (Eligible(m.candidates[i], b)) eligible.push_back(i);
  }

  std::vector<char> covered(m.num_bigrams, 0), chosen(m.candidates.size(), 0);
  std::vector<char> term_covered(m.num_terms, 0);
  auto gain = [&](uint32_t i) {
    const Candidate& c = m.candidates[i];
    double g = 0;
    for (uint32_t k : c.concepts) {
      if (!covered[k]) g += weight[k];
    }
    for (size_t j = 0; j < c.terms.size(); ++j) {  // sorted, with repeats: count each once
      const uint32_t t = c.terms[j];
      if ((j == 0 || c.terms[j - 1] != t) && !term_covered[t]) g += term_weight[t];
    }
    return c.attributed ? g * kAttributedValue : g;
  };
  // Greedy by gain per square root of length: per word (G&F's ratio) favours short fragments,
  // raw gain favours run-on sentences; the square root scored best on DUC 2006 (0.5 against
  // 0, 0.3, 0.8 and 1; docs/benchmarks.md).
  Picker picker(m, b);
  while (!picker.Full()) {
    int best = -1;
    double best_score = 0;
    const double left = b.max_words ? static_cast<double>(b.max_words - picker.used()) : 1e9;
    for (uint32_t i : eligible) {
      if (chosen[i]) continue;
      const bool fits = picker.Fits(i);
      if (!fits && !picker.MayOverflow()) continue;
      const double words = m.candidates[i].words;
      const double counted = std::min(words, left);  // words the budget lets count
      const double s = gain(i) * (counted / words) / std::sqrt(counted);
      if (s > best_score) {
        best_score = s;
        best = static_cast<int>(i);
      }
    }
    if (best < 0) break;
    chosen[best] = 1;
    picker.Add(static_cast<uint32_t>(best));
    for (uint32_t k : m.candidates[best].concepts) covered[k] = 1;
    for (uint32_t t : m.candidates[best].terms) term_covered[t] = 1;
  }
  return picker.Take();
}

Selection SelectSubmodular(const EventModel& m, const Budget& b) {
  const Vectors vec = TfIdf(m);
  std::vector<uint32_t> nodes;
  for (uint32_t i = 0; i < m.candidates.size(); ++i) {
    if (!m.candidates[i].from_copy) nodes.push_back(i);
  }
  const size_t n = nodes.size();
  if (n == 0) return {};
  std::vector<float> sim(n * n, 0.f);
  for (size_t x = 0; x < n; ++x) {
    sim[x * n + x] = 1.f;
    for (size_t y = x + 1; y < n; ++y) {
      const float s = static_cast<float>(Dot(vec.v[nodes[x]], vec.v[nodes[y]]));
      sim[x * n + y] = sim[y * n + x] = s;
    }
  }
  // Coverage L(S) = sum_i min(C_i(S), alpha C_i(V)) with alpha = 5 / n (Lin & Bilmes' a/N).
  const double alpha = std::min(1.0, 5.0 / n);
  std::vector<double> cap(n, 0), cover(n, 0), reward(n, 0);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) cap[i] += sim[i * n + j];
    reward[i] = cap[i] / n;
    cap[i] *= alpha;
  }
  // Diversity R(S) = sum_k sqrt(reward in cluster k); clusters by leader clustering.
  std::vector<int> cluster(n, -1);
  std::vector<size_t> leaders;
  for (size_t i = 0; i < n; ++i) {
    for (size_t k = 0; k < leaders.size(); ++k) {
      if (sim[i * n + leaders[k]] > 0.25) {
        cluster[i] = static_cast<int>(k);
        break;
      }
    }
    if (cluster[i] < 0) {
      cluster[i] = static_cast<int>(leaders.size());
      leaders.push_back(i);
    }
  }
  std::vector<double> cluster_reward(leaders.size(), 0);
  const double lambda = 6.0, r = 0.3;
  std::vector<char> chosen(n, 0);
  Picker picker(m, b);
  while (!picker.Full()) {
    int best = -1;
    double best_score = 0;
    bool overflow_round = false;
    for (int pass = 0; pass < 2 && best < 0; ++pass) {
      if (pass == 1) {
        if (!picker.MayOverflow()) break;
        overflow_round = true;
      }
      for (size_t x = 0; x < n; ++x) {
        const uint32_t ci = nodes[x];
        if (chosen[x] || !Eligible(m.candidates[ci], b)) continue;
        if (!overflow_round && !picker.Fits(ci)) continue;
        double g = 0;
        for (size_t i = 0; i < n; ++i) {
          g += std::min(cover[i] + sim[i * n + x], cap[i]) - std::min(cover[i], cap[i]);
        }
        const int k = cluster[x];
        g += lambda * (std::sqrt(cluster_reward[k] + reward[x]) - std::sqrt(cluster_reward[k]));
        const double s = g / std::pow(m.candidates[ci].words, r);
        if (s > best_score) {
          best_score = s;
          best = static_cast<int>(x);
        }
      }
    }
    if (best < 0) break;
    chosen[best] = 1;
    for (size_t i = 0; i < n; ++i) cover[i] += sim[i * n + best];
    cluster_reward[cluster[best]] += reward[best];
    picker.Add(nodes[best]);
  }
  return picker.Take();
}

}  // namespace sitrep::summarize
