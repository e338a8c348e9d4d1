#include "dedupe/perturb.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <simdjson.h>

#include "dedupe/minhash.h"

namespace sitrep::dedupe_internal {
namespace {

std::vector<std::string> SplitWords(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  std::string w;
  while (in >> w) words.push_back(w);
  return words;
}

std::vector<std::string> SplitParagraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

// Replaces, deletes or inserts `fraction` of the words (paragraph breaks kept).
std::string EditWords(const std::string& text, double fraction, std::mt19937_64& rng) {
  std::vector<std::string> paragraphs = SplitParagraphs(text);
  std::vector<std::string> vocabulary = SplitWords(text);
  if (vocabulary.empty()) return text;
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<size_t> pick(0, vocabulary.size() - 1);
  for (auto& paragraph : paragraphs) {
    std::vector<std::string> words = SplitWords(paragraph), out;
    for (auto& w : words) {
      if (coin(rng) < fraction) {
        int op = static_cast<int>(coin(rng) * 3);
        if (op == 0) out.push_back(vocabulary[pick(rng)]);           // replace
        else if (op == 1) continue;                                  // delete
        else { out.push_back(w); out.push_back(vocabulary[pick(rng)]); }  // insert
      } else {
        out.push_back(w);
      }
    }
    paragraph = Join(out, " ");
  }
  return Join(paragraphs, "\n");
}

std::string Truncate(const std::string& text, double keep_fraction) {
  std::vector<std::string> words = SplitWords(text);
  size_t keep = static_cast<size_t>(words.size() * keep_fraction);
  // Cut at a word boundary in the original text so paragraphs stay.
  size_t count = 0, pos = 0;
  bool in_word = false;
  for (; pos < text.size(); ++pos) {
    bool space = std::isspace(static_cast<unsigned char>(text[pos]));
    if (!space && !in_word && ++count > keep) break;
    in_word = !space;
  }
  return text.substr(0, pos);
}

// Boilerplate a scraper might leave around a copied story (written for this test set).
std::string AddBoilerplate(const std::string& text, std::mt19937_64& rng) {
  static const char* kHeaders[] = {
      "Home | World | Business | Sports | Opinion | Weather",
      "Skip to main content. Sign in to your account to save stories for later.",
      "Breaking news alerts: subscribe to our daily newsletter."};
  static const char* kFooters[] = {
      "Share this story on social media. Copyright reserved by the publisher. All rights reserved.",
      "Related stories: markets close higher; city council meets on budget; storm warning issued.",
      "Comments are closed for this article. Read our community guidelines before posting."};
  std::uniform_int_distribution<int> pick(0, 2);
  return std::string(kHeaders[pick(rng)]) + "\n" + text + "\n" + kFooters[pick(rng)];
}

std::string ReorderParagraphs(const std::string& text, std::mt19937_64& rng) {
  std::vector<std::string> paragraphs = SplitParagraphs(text);
  if (paragraphs.size() < 3) return text;
  std::uniform_int_distribution<size_t> pick(0, paragraphs.size() - 1);
  for (int swaps = 0; swaps < 2; ++swaps) std::swap(paragraphs[pick(rng)], paragraphs[pick(rng)]);
  return Join(paragraphs, "\n");
}

}  // namespace

Result<PerturbedSet> BuildPerturbedSet(const std::string& cluster_jsonl_path, uint32_t max_sources,
                                       uint64_t seed) {
  simdjson::padded_string json;
  if (simdjson::padded_string::load(cluster_jsonl_path).get(json)) {
    return MakeError(ErrorCode::kUnreadable, cluster_jsonl_path, "cannot read the cluster JSONL",
                     "set SITREP_SHARED_DIR to the ../shared folder");
  }
  struct Source {
    std::string cluster, id, title, text;
  };
  std::vector<Source> sources;
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document_stream stream;
  if (parser.iterate_many(json).get(stream)) {
    return MakeError(ErrorCode::kMalformed, cluster_jsonl_path, "not JSONL");
  }
  for (auto doc : stream) {
    std::string_view cluster_id;
    if (doc["id"].get_string().get(cluster_id)) continue;
    std::string cluster(cluster_id);
    simdjson::ondemand::array documents;
    if (doc["documents"].get_array().get(documents)) continue;
    for (auto d : documents) {
      Source s;
      s.cluster = cluster;
      std::string_view v;
      if (!d["id"].get_string().get(v)) s.id = std::string(v);
      if (!d["title"].get_string().get(v)) s.title = std::string(v);
      if (!d["text"].get_string().get(v)) s.text = std::string(v);
      if (SplitWords(s.text).size() >= 60) sources.push_back(std::move(s));
    }
  }
  if (sources.empty()) {
    return MakeError(ErrorCode::kEmpty, cluster_jsonl_path, "no documents with text");
  }

  // The same story can sit in several clusters, and wire services resend stories: drop every
  // source that is already a near-copy (Jaccard >= 0.5) of an earlier one, across clusters.
  std::vector<bool> usable(sources.size(), true);
  {
    std::vector<Article> originals(sources.size());
    for (size_t i = 0; i < sources.size(); ++i) {
      originals[i].index = static_cast<uint32_t>(i);
      originals[i].text = sources[i].text;
    }
    DedupeOptions loose;
    loose.threshold = 0.5;
    loose.bands = 64;  // 2 rows per band: candidates at Jaccard 0.5 are all but certain
    DedupeResult near = Dedupe(originals, loose);
    for (const auto& group : near.groups) {
      uint32_t first = *std::min_element(group.copies.begin(), group.copies.end());
      first = std::min(first, group.kept);
      usable[group.kept] = group.kept == first;
      for (uint32_t c : group.copies) usable[c] = c == first;
    }
  }
  PerturbedSet set;
  std::mt19937_64 rng(seed);
  int32_t origin = 0;
  auto add = [&](const Source& s, std::string text, const char* kind) {
    Article a;
    a.index = static_cast<uint32_t>(set.articles.size());
    a.id = s.id + "#" + kind;
    a.event_id = s.cluster;
    a.title = s.title;
    a.text = std::move(text);
    set.articles.push_back(std::move(a));
    set.origin.push_back(origin);
    set.kind.push_back(kind);
  };
  std::uniform_real_distribution<double> uniform(0, 1);
  for (size_t source = 0; source < sources.size(); ++source) {
    if (static_cast<uint32_t>(origin) >= max_sources) break;
    if (!usable[source]) continue;
    const Source& s = sources[source];
    add(s, s.text, "original");
    // Two or three copies per source, each a different perturbation.
    switch (origin % 6) {
      case 0:
        add(s, EditWords(s.text, 0.01 + 0.02 * uniform(rng), rng), "edit");
        add(s, AddBoilerplate(s.text, rng), "boilerplate");
        break;
      case 1:
        add(s, Truncate(s.text, 0.9 + 0.08 * uniform(rng)), "truncate");
        add(s, ReorderParagraphs(s.text, rng), "reorder");
        break;
      case 2:
        add(s, AddBoilerplate(EditWords(s.text, 0.01, rng), rng), "edit+boilerplate");
        add(s, EditWords(s.text, 0.15, rng), "heavy-edit");
        break;
      case 3:
        add(s, ReorderParagraphs(Truncate(s.text, 0.95), rng), "truncate+reorder");
        add(s, s.text, "exact");
        break;
      case 4:
        add(s, EditWords(ReorderParagraphs(s.text, rng), 0.01, rng), "reorder+edit");
        add(s, Truncate(s.text, 0.7), "heavy-truncate");
        break;
      default:
        add(s, AddBoilerplate(Truncate(s.text, 0.93), rng), "truncate+boilerplate");
        add(s, EditWords(s.text, 0.02, rng), "edit");
        add(s, AddBoilerplate(s.text, rng), "boilerplate");
        break;
    }
    ++origin;
  }
  return set;
}

DedupeScore ScoreDedupe(const PerturbedSet& set, const DedupeResult& result,
                        const DedupeOptions& options) {
  DedupeScore score;
  const size_t n = set.articles.size();
  // Group label per article: its kept copy, or itself.
  std::vector<int64_t> group(n);
  for (size_t i = 0; i < n; ++i) {
    group[i] = result.duplicate_of.size() == n && result.duplicate_of[i] >= 0
                   ? result.duplicate_of[i] : static_cast<int64_t>(i);
  }
  std::map<int64_t, std::vector<uint32_t>> members;
  for (size_t i = 0; i < n; ++i) members[group[i]].push_back(static_cast<uint32_t>(i));
  for (const auto& [_, m] : members) {
    for (size_t x = 0; x < m.size(); ++x) {
      for (size_t y = x + 1; y < m.size(); ++y) {
        ++score.predicted_pairs;
        if (set.origin[m[x]] != set.origin[m[y]]) ++score.wrong_pairs;
      }
    }
  }
  // Positives: same-origin pairs whose exact shingle Jaccard reaches the threshold.
  std::map<int32_t, std::vector<uint32_t>> by_origin;
  for (size_t i = 0; i < n; ++i) by_origin[set.origin[i]].push_back(static_cast<uint32_t>(i));
  for (const auto& [_, m] : by_origin) {
    std::vector<std::vector<uint64_t>> sets;
    for (uint32_t i : m) sets.push_back(ShingleSet(BodyText(set.articles[i]), options.shingle_words));
    for (size_t x = 0; x < m.size(); ++x) {
      for (size_t y = x + 1; y < m.size(); ++y) {
        if (SetJaccard(sets[x], sets[y]) < options.threshold) continue;
        ++score.positives;
        if (group[m[x]] == group[m[y]]) ++score.found;
      }
    }
  }
  score.precision = score.predicted_pairs
                        ? 1.0 - static_cast<double>(score.wrong_pairs) / score.predicted_pairs : 1.0;
  score.recall = score.positives ? static_cast<double>(score.found) / score.positives : 1.0;
  return score;
}

}  // namespace sitrep::dedupe_internal

namespace sitrep {

Result<DedupeEvaluation> EvaluateDedupe(const std::string& cluster_jsonl_path,
                                        const DedupeOptions& options, uint32_t max_sources) {
  auto set = dedupe_internal::BuildPerturbedSet(cluster_jsonl_path, max_sources, 7);
  if (!set) return tl::unexpected<Error>(set.error());
  DedupeEvaluation out;
  out.articles = set->articles.size();
  out.sources = set->origin.empty() ? 0 : static_cast<size_t>(set->origin.back() + 1);
  using Clock = std::chrono::steady_clock;
  // Signatures alone: the best of three passes over the set, in CPU time of this thread (one
  // core, whatever else the machine is doing).
  auto cpu_seconds = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double best = 1e99;
  uint64_t bytes = 0, sink = 0;
  for (const Article& a : set->articles) bytes += a.text.size();
  for (int pass = 0; pass < 3; ++pass) {
    double start = cpu_seconds();
    for (const Article& a : set->articles) sink += Sign(a.text, options)[0];
    best = std::min(best, cpu_seconds() - start);
  }
  out.signatures_per_s = sink == 1 ? 0 : set->articles.size() / best;  // sink keeps the loop
  out.mb_per_s = bytes / 1e6 / best;
  auto start = Clock::now();
  DedupeResult result = Dedupe(set->articles, options);
  out.dedupe_s = std::chrono::duration<double>(Clock::now() - start).count();
  auto score = dedupe_internal::ScoreDedupe(*set, result, options);
  out.positives = score.positives;
  out.found = score.found;
  out.predicted_pairs = score.predicted_pairs;
  out.wrong_pairs = score.wrong_pairs;
  out.precision = score.precision;
  out.recall = score.recall;
  return out;
}

}  // namespace sitrep
