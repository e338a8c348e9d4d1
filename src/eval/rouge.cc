// ROUGE-1.5.5, reproduced. Each function below names the Perl subroutine it follows; where the
// script has a quirk that changes numbers (the last token's unigram missing from SU, ROUGE-W's
// doubly weighted model length, rounding to 5 decimals before F), it is kept on purpose and
// docs/rouge.md says why.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/eval.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

bool IsPerlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Perl's split(/\s+/, $s): a leading empty field when $s starts with white space, trailing
// empty fields dropped.
std::vector<std::string_view> PerlSplit(std::string_view s) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  if (!s.empty() && IsPerlSpace(s[0])) {
    fields.emplace_back();
    while (i < s.size() && IsPerlSpace(s[i])) ++i;
  }
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && !IsPerlSpace(s[j])) ++j;
    fields.push_back(s.substr(i, j - i));
    while (j < s.size() && IsPerlSpace(s[j])) ++j;
    i = j;
  }
  while (!fields.empty() && fields.back().empty()) fields.pop_back();
  return fields;
}

std::string JoinFirst(const std::vector<std::string_view>& fields, size_t count) {
  std::string out;
  for (size_t i = 0; i < count && i < fields.size(); ++i) {
    if (i) out += ' ';
    out.append(fields[i]);
  }
  return out;
}

// The summary's units, lower-cased (tr/A-Z/a-z/), empty lines skipped.
std::vector<std::string> LowerUnits(const RougeText& text) {
  std::vector<std::string> units;
  for (const std::string& line : text) {
    std::string s = line;
    while (!s.empty() && s.back() == '\n') s.pop_back();  // chomp
    if (s.empty()) continue;
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    units.push_back(std::move(s));
  }
  return units;
}

// readText: the units joined by spaces after the word or byte cut. `has_text` is false where
// the script leaves the text undefined (nothing survives the cut).
std::string ReadText(const RougeText& text, const RougeOptions& o, bool* has_text) {
  std::vector<std::string> units = LowerUnits(text);
  std::string out;
  *has_text = false;
  if (o.max_words == 0 && o.max_bytes == 0) {
    for (size_t i = 0; i < units.size(); ++i) {
      if (i) out += ' ';
      out += units[i];
    }
    *has_text = !units.empty();
    return out;
  }
  size_t length = 0;
  for (const std::string& s : units) {
    if (o.max_words != 0) {
      std::vector<std::string_view> tokens = PerlSplit(s);
      if (length + tokens.size() < o.max_words) {
        if (length != 0) out += ' ';
        out += s;
        length += tokens.size();
      } else {
        if (length > 0) out += ' ';
        out += JoinFirst(tokens, o.max_words - length);
        break;
      }
    } else {
      if (length + s.size() < o.max_bytes) {
        if (length != 0) out += ' ';
        out += s;
        length += s.size();
      } else {
        if (length > 0) out += ' ';
        out += s.substr(0, o.max_bytes - length);
        break;
      }
    }
  }
  *has_text = !out.empty();
  return out;
}

// readText_LCS: the same cut, but units kept apart. (The byte cut never advances its running
// length in the script, so each unit is compared with the limit alone; kept for fidelity.)
std::vector<std::string> ReadTextUnits(const RougeText& text, const RougeOptions& o) {
  std::vector<std::string> units = LowerUnits(text);
  if (o.max_words == 0 && o.max_bytes == 0) return units;
  std::vector<std::string> out;
  size_t length = 0;
  for (const std::string& s : units) {
    if (o.max_words != 0) {
      std::vector<std::string_view> tokens = PerlSplit(s);
      if (length + tokens.size() < o.max_words) {
        length += tokens.size();
        out.push_back(s);
      } else {
        out.push_back(JoinFirst(tokens, o.max_words - length));
        break;
      }
    } else {
      if (s.size() < o.max_bytes) {
        out.push_back(s);
      } else {
        out.push_back(s.substr(0, o.max_bytes));
        break;
      }
    }
  }
  return out;
}

class Tokenizer {
 public:
  explicit Tokenizer(const RougeOptions& options) : options_(options) {}

  // createNGram's token list: '-' and every other non-alphanumeric byte become spaces, so a
  // token is a maximal run of [a-z0-9]; stop words dropped under -s; tokens longer than 3
  // stemmed under -m. Tokens are interned to ids.
  std::vector<uint32_t> Tokens(std::string_view text) {
    std::vector<uint32_t> ids;
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && !IsAlnum(text[i])) ++i;
      size_t j = i;
      while (j < text.size() && IsAlnum(text[j])) ++j;
      if (j > i) ids.push_back(Id(text.substr(i, j - i)));
      i = j;
    }
    ids.erase(std::remove(ids.begin(), ids.end(), kDropped), ids.end());
    return ids;
  }

  const std::string& Word(uint32_t id) const { return words_[id]; }

 private:
  static constexpr uint32_t kDropped = 0xFFFFFFFFu;
  static bool IsAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }

  uint32_t Id(std::string_view token) {
    auto it = cache_.find(std::string(token));
    if (it != cache_.end()) return it->second;
    std::string word(token);
    uint32_t id = kDropped;
    if (!(options_.remove_stopwords && IsStopWord(word))) {
      std::string stem =
          options_.stem && word.size() > 3 ? RougeStem(word, options_.wordnet_exceptions) : word;
      auto [sit, inserted] = ids_.try_emplace(stem, static_cast<uint32_t>(words_.size()));
      if (inserted) words_.push_back(stem);
      id = sit->second;
    }
    cache_.emplace(std::move(word), id);
    return id;
  }

  const RougeOptions& options_;
  std::unordered_map<std::string, uint32_t> cache_;  // surface token -> id
  std::unordered_map<std::string, uint32_t> ids_;    // stem -> id
  std::vector<std::string> words_;
};

using GramCounts = std::unordered_map<std::string, int64_t>;

std::string Key(const uint32_t* ids, size_t n) {
  return std::string(reinterpret_cast<const char*>(ids), n * sizeof(uint32_t));
}

// createNGram: counts of n-grams; *total = the number of n-grams.
GramCounts NGrams(const std::vector<uint32_t>& t, uint32_t n, int64_t* total) {
  GramCounts g;
  *total = 0;
  if (t.size() < n) return g;
  for (size_t i = 0; i + n <= t.size(); ++i) {
    ++g[Key(&t[i], n)];
    ++*total;
  }
  return g;
}

// createSkipBigram: pairs within distance d+1 (any distance when d < 0), plus with -u the
// unigram of every token but the last (the script's loop stops one short).
GramCounts SkipBigrams(const std::vector<uint32_t>& t, int32_t d, bool unigrams, int64_t* total) {
  GramCounts g;
  *total = 0;
  const int64_t n = static_cast<int64_t>(t.size());
  for (int64_t i = 0; i + 1 < n; ++i) {
    if (unigrams) {
      ++g[Key(&t[i], 1)];
      ++*total;
    }
    for (int64_t j = i + 1; j < n && (d < 0 || j <= i + d + 1); ++j) {
      uint32_t pair[2] = {t[i], t[j]};
      ++g[Key(pair, 2)];
      ++*total;
    }
  }
  return g;
}

// ngramScore: clipped matches.
int64_t Hits(const GramCounts& model, const GramCounts& peer) {
  int64_t hit = 0;
  for (const auto& [gram, count] : model) {
    if (auto it = peer.find(gram); it != peer.end()) hit += std::min(count, it->second);
  }
  return hit;
}

// lcs_inner / wlcs_inner + markLCS: marks the model positions on the LCS path (ties go "up").
void MarkLcs(const std::vector<uint32_t>& model, const std::vector<uint32_t>& peer,
             std::vector<char>& hit_mask, double weight) {
  const size_t m = model.size(), n = peer.size();
  if (m == 0) return;
  std::vector<double> c((m + 1) * (n + 1), 0.0);
  std::vector<int> run((m + 1) * (n + 1), 0);
  std::vector<char> b((m + 1) * (n + 1), 0);
  auto at = [n](size_t i, size_t j) { return i * (n + 1) + j; };
  for (size_t i = 1; i <= m; ++i) {
    for (size_t j = 1; j <= n; ++j) {
      if (model[i - 1] == peer[j - 1]) {
        const int k = run[at(i - 1, j - 1)];
        c[at(i, j)] = c[at(i - 1, j - 1)] +
                      (weight > 0 ? std::pow(k + 1, weight) - std::pow(k, weight) : 1.0);
        b[at(i, j)] = 'd';
        run[at(i, j)] = k + 1;
      } else if (c[at(i - 1, j)] >= c[at(i, j - 1)]) {
        c[at(i, j)] = c[at(i - 1, j)];
        b[at(i, j)] = 'u';
      } else {
        c[at(i, j)] = c[at(i, j - 1)];
        b[at(i, j)] = 'l';
      }
    }
  }
  size_t i = m, j = n;
  while (i != 0 && j != 0) {
    const char move = b[at(i, j)];
    if (move == 'd') {
      --i;
      --j;
      hit_mask[i] = 1;
    } else if (move == 'u') {
      --i;
    } else {
      --j;
    }
  }
}

struct Counts {
  double hit = 0;
  double model = 0;  // the recall denominator
  double peer = 0;   // the precision denominator
};

// lcs / wlcs for one model: union LCS hits per model unit, clipped by unigram counts.
Counts LcsCounts(const std::vector<std::vector<uint32_t>>& model_units,
                 const std::vector<std::vector<uint32_t>>& peer_units, GramCounts model_1grams,
                 GramCounts peer_1grams, int64_t peer_total, double weight) {
  Counts counts;
  double base = 0;
  for (const auto& unit : model_units) {
    std::vector<char> mask(unit.size(), 0);
    base += weight > 0 ? std::pow(static_cast<double>(unit.size()), weight)
                       : static_cast<double>(unit.size());
    for (const auto& peer : peer_units) MarkLcs(unit, peer, mask, weight);
    int hit_len = 0;
    for (size_t j = 0; j < unit.size(); ++j) {
      if (!mask[j]) continue;
      const std::string key = Key(&unit[j], 1);
      auto mit = model_1grams.find(key);
      auto pit = peer_1grams.find(key);
      if (mit == model_1grams.end() || pit == peer_1grams.end() || mit->second <= 0 ||
          pit->second <= 0) {
        continue;
      }
      if (weight > 0) {
        ++hit_len;
        if ((j + 1 < unit.size() && !mask[j + 1]) || j + 1 == unit.size()) {
          counts.hit += std::pow(hit_len, weight);
          hit_len = 0;
        }
      } else {
        counts.hit += 1;
      }
      --mit->second;
      --pit->second;
    }
  }
  if (weight > 0) {
    counts.model = std::pow(base, weight);
    counts.peer = std::pow(static_cast<double>(peer_total), weight);
  } else {
    counts.model = base;
    counts.peer = static_cast<double>(peer_total);
  }
  return counts;
}

// sprintf("%7.5f", x) read back as a number, as the script passes scores around as strings.
double Round5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%7.5f", x);
  return std::strtod(buf, nullptr);
}

RougeScore ScoreOf(const std::vector<Counts>& per_model, const std::vector<size_t>& subset,
                   double alpha, double wlcs_weight) {
  Counts sum;
  for (size_t k : subset) {
    sum.hit += per_model[k].hit;
    sum.model += per_model[k].model;
    sum.peer += per_model[k].peer;
  }
  auto ratio = [&](double denominator) {
    if (denominator == 0) return 0.0;
    const double r = sum.hit / denominator;
    return Round5(wlcs_weight > 0 ? std::pow(r, 1.0 / wlcs_weight) : r);
  };
  RougeScore s;
  s.recall = ratio(sum.model);
  s.precision = ratio(sum.peer);
  const double d = (1 - alpha) * s.precision + alpha * s.recall;
  s.f = d > 0 ? Round5(s.precision * s.recall / d) : Round5(0);
  return s;
}

// -f A over all models, or NIST's jackknife: the mean over the leave-one-out subsets.
RougeMetricScore Combine(std::string metric, const std::vector<Counts>& per_model,
                         const RougeOptions& o, double wlcs_weight) {
  RougeMetricScore out;
  out.metric = std::move(metric);
  const size_t m = per_model.size();
  if (m == 0) return out;
  if (!o.jackknife || m == 1) {
    std::vector<size_t> all(m);
    for (size_t k = 0; k < m; ++k) all[k] = k;
    out.score = ScoreOf(per_model, all, o.alpha, wlcs_weight);
    return out;
  }
  RougeScore& mean = out.score;
  for (size_t left_out = 0; left_out < m; ++left_out) {
    std::vector<size_t> subset;
    for (size_t k = 0; k < m; ++k) {
      if (k != left_out) subset.push_back(k);
    }
    RougeScore s = ScoreOf(per_model, subset, o.alpha, wlcs_weight);
    mean.recall += s.recall / m;
    mean.precision += s.precision / m;
    mean.f += s.f / m;
    out.subsets.push_back(s);
  }
  return out;
}

std::string FormatWeight(double w) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%g", w);
  return buf;
}

struct Prepared {
  std::vector<uint32_t> tokens;                    // readText -> tokens
  std::vector<std::vector<uint32_t>> units;        // readText_LCS -> tokens per unit
};

Prepared Prepare(const RougeText& text, const RougeOptions& o, Tokenizer& tokenizer) {
  Prepared p;
  bool has_text = false;
  std::string joined = ReadText(text, o, &has_text);
  if (has_text) p.tokens = tokenizer.Tokens(joined);
  if (o.rouge_l || o.wlcs_weight > 0) {
    for (const std::string& unit : ReadTextUnits(text, o)) {
      p.units.push_back(tokenizer.Tokens(unit));
    }
  }
  return p;
}

}  // namespace

std::vector<std::string> RougeTokens(const RougeText& text, const RougeOptions& options) {
  Tokenizer tokenizer(options);
  bool has_text = false;
  std::string joined = ReadText(text, options, &has_text);
  std::vector<std::string> out;
  if (!has_text) return out;
  for (uint32_t id : tokenizer.Tokens(joined)) out.push_back(tokenizer.Word(id));
  return out;
}

std::vector<RougeMetricScore> ScoreRouge(const RougeText& peer_text,
                                         std::span<const RougeText> model_texts,
                                         const RougeOptions& o) {
  Tokenizer tokenizer(o);
  const Prepared peer = Prepare(peer_text, o, tokenizer);
  std::vector<Prepared> models;
  models.reserve(model_texts.size());
  for (const RougeText& m : model_texts) models.push_back(Prepare(m, o, tokenizer));

  std::vector<RougeMetricScore> out;
  for (uint32_t n = 1; n <= o.max_ngram; ++n) {
    int64_t peer_total = 0;
    const GramCounts peer_grams = NGrams(peer.tokens, n, &peer_total);
    std::vector<Counts> per_model;
    for (const Prepared& m : models) {
      int64_t model_total = 0;
      const GramCounts model_grams = NGrams(m.tokens, n, &model_total);
      per_model.push_back({static_cast<double>(Hits(model_grams, peer_grams)),
                           static_cast<double>(model_total), static_cast<double>(peer_total)});
    }
    out.push_back(Combine("ROUGE-" + std::to_string(n), per_model, o, 0));
  }
  auto lcs_metric = [&](std::string name, double weight) {
    int64_t peer_total = 0;
    const GramCounts peer_1grams = NGrams(peer.tokens, 1, &peer_total);
    std::vector<Counts> per_model;
    for (const Prepared& m : models) {
      int64_t model_total = 0;
      GramCounts model_1grams = NGrams(m.tokens, 1, &model_total);
      per_model.push_back(
          LcsCounts(m.units, peer.units, std::move(model_1grams), peer_1grams, peer_total, weight));
    }
    return Combine(std::move(name), per_model, o, weight);
  };
  if (o.rouge_l) out.push_back(lcs_metric("ROUGE-L", 0));
  if (o.wlcs_weight > 0) {
    out.push_back(lcs_metric("ROUGE-W-" + FormatWeight(o.wlcs_weight), o.wlcs_weight));
  }
  if (o.skip_enabled) {
    int64_t peer_total = 0;
    const GramCounts peer_grams = SkipBigrams(peer.tokens, o.skip_distance, o.skip_unigrams,
                                              &peer_total);
    std::vector<Counts> per_model;
    for (const Prepared& m : models) {
      int64_t model_total = 0;
      const GramCounts model_grams =
          SkipBigrams(m.tokens, o.skip_distance, o.skip_unigrams, &model_total);
      per_model.push_back({static_cast<double>(Hits(model_grams, peer_grams)),
                           static_cast<double>(model_total), static_cast<double>(peer_total)});
    }
    std::string name = std::string(o.skip_unigrams ? "ROUGE-SU" : "ROUGE-S") +
                       (o.skip_distance < 0 ? std::string("*") : std::to_string(o.skip_distance));
    out.push_back(Combine(std::move(name), per_model, o, 0));
  }
  return out;
}

std::vector<RougeAverage> AverageRouge(std::span<const std::vector<RougeMetricScore>> per_event,
                                       const RougeOptions& o) {
  std::vector<RougeAverage> out;
  if (per_event.empty()) return out;
  const size_t num_metrics = per_event[0].size();
  const size_t n = per_event.size();
  for (size_t k = 0; k < num_metrics; ++k) {
    RougeAverage avg;
    avg.metric = per_event[0][k].metric;
    avg.events = static_cast<uint32_t>(n);
    // The resampled items: each event's jackknife subsets where there are, else its score.
    std::vector<RougeScore> scores;
    for (const auto& event : per_event) {
      RougeScore s = k < event.size() ? event[k].score : RougeScore{};
      if (k < event.size() && !event[k].subsets.empty()) {
        scores.insert(scores.end(), event[k].subsets.begin(), event[k].subsets.end());
      } else {
        scores.push_back(s);
      }
      avg.mean.recall += s.recall / n;
      avg.mean.precision += s.precision / n;
      avg.mean.f += s.f / n;
    }
    const size_t items = scores.size();
    // Bootstrap: resample i draws n events with replacement from a generator seeded with i.
    const uint32_t samples = std::max<uint32_t>(o.bootstrap_samples, 2);
    std::vector<double> r(samples), p(samples), f(samples);
    for (uint32_t i = 0; i < samples; ++i) {
      std::mt19937_64 rng(i);
      std::uniform_int_distribution<size_t> pick(0, items - 1);
      double sr = 0, sp = 0, sf = 0;
      for (size_t j = 0; j < items; ++j) {
        const RougeScore& s = scores[pick(rng)];
        sr += s.recall;
        sp += s.precision;
        sf += s.f;
      }
      r[i] = sr / items;
      p[i] = sp / items;
      f[i] = sf / items;
    }
    std::sort(r.begin(), r.end());
    std::sort(p.begin(), p.end());
    std::sort(f.begin(), f.end());
    // computeAverages' percentile indexes, interpolated.
    const double delta = samples * ((100 - o.confidence_percent) / 2.0) / 100.0;
    const size_t last = samples - 1;
    const size_t ua = std::min<size_t>(static_cast<size_t>(samples - delta - 1), last);
    const size_t ub = std::min(ua + 1, last);
    const size_t la = std::min<size_t>(static_cast<size_t>(delta), last);
    const size_t lb = std::min(la + 1, last);
    const double ratio = samples - delta - 1 - static_cast<double>(ua);
    auto lo = [&](const std::vector<double>& v) { return v[la] + (v[lb] - v[la]) * ratio; };
    auto hi = [&](const std::vector<double>& v) { return v[ua] + (v[ub] - v[ua]) * ratio; };
    avg.low = {lo(r), lo(p), lo(f)};
    avg.high = {hi(r), hi(p), hi(f)};
    out.push_back(std::move(avg));
  }
  return out;
}

}  // namespace sitrep
