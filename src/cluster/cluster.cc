// ClusterArticles (batch convenience over SignArticle + EventClusterer) and B-cubed scoring.
#include <algorithm>
#include <map>
#include <unordered_map>

#include <tbb/parallel_for.h>

#include "sitrep/cluster.h"

namespace sitrep {

ClusterResult ClusterArticles(std::span<const Article> articles, const SignOptions& sign,
                              const ClusterOptions& options) {
  std::vector<ArticleSignature> signatures(articles.size());
  // Signing is independent per article; assignment below must stay in stream order.
  tbb::parallel_for(size_t{0}, articles.size(),
                    [&](size_t i) { signatures[i] = SignArticle(articles[i], sign); });
  EventClusterer clusterer(options);
  if (options.batch_idf) clusterer.Prime(signatures);
  ClusterResult result;
  result.event_of.resize(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    result.event_of[i] = clusterer.Add(signatures[i]).event;
  }
  std::map<uint64_t, size_t> slot;
  for (const EventInfo& info : clusterer.Events()) {
    slot[info.id] = result.events.size();
    Event e;
    e.id = info.id;
    e.label = info.label;
    if (info.first_day) e.first_date = CivilDate::FromDays(*info.first_day);
    if (info.last_day) e.last_date = CivilDate::FromDays(*info.last_day);
    result.events.push_back(std::move(e));
  }
  for (size_t i = 0; i < articles.size(); ++i) {
    uint64_t id = clusterer.Resolve(result.event_of[i]);
    result.event_of[i] = id;
    result.events[slot.at(id)].articles.push_back(articles[i].index);
  }
  std::erase_if(result.events, [](const Event& e) { return e.articles.empty(); });
  std::stable_sort(result.events.begin(), result.events.end(), [](const Event& a, const Event& b) {
    return a.articles.size() > b.articles.size();
  });
  return result;
}

BCubedScore ScoreBCubed(std::span<const std::string> gold, std::span<const uint64_t> predicted) {
  BCubedScore score;
  size_t n = std::min(gold.size(), predicted.size());
  score.items = static_cast<uint32_t>(n);
  if (n == 0) return score;
  std::unordered_map<std::string_view, uint32_t> gold_size;
  std::unordered_map<uint64_t, uint32_t> predicted_size;
  std::map<std::pair<uint64_t, std::string_view>, uint32_t> both;
  for (size_t i = 0; i < n; ++i) {
    ++gold_size[gold[i]];
    ++predicted_size[predicted[i]];
    ++both[{predicted[i], gold[i]}];
  }
  // Every item of a (predicted, gold) cell has the same per-item precision and recall.
  double p = 0, r = 0;
  for (const auto& [key, count] : both) {
    p += static_cast<double>(count) * count / predicted_size[key.first];
    r += static_cast<double>(count) * count / gold_size[key.second];
  }
  score.precision = p / n;
  score.recall = r / n;
  score.f1 = score.precision + score.recall > 0
                 ? 2 * score.precision * score.recall / (score.precision + score.recall)
                 : 0;
  score.gold_clusters = static_cast<uint32_t>(gold_size.size());
  score.predicted_clusters = static_cast<uint32_t>(predicted_size.size());
  return score;
}

}  // namespace sitrep
