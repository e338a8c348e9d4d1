// TrainNer / EvaluateNer: the structured averaged perceptron (Collins 2002) over BILOU labels.
//
// Features are hashed once per training sentence and mapped to weight rows (features seen fewer
// than min_feature_count times in train are dropped), so an epoch is only Viterbi + updates.
// The epoch count is picked on valid.txt (one run); the shipped weights average
// options.averaged_runs runs of that many epochs in different document orders. A second pass
// over document features of the first pass's labels (Krishnan & Manning 2006) is trained on
// jackknifed first-pass labels.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <random>
#include <unordered_map>

#include <fmt/format.h>
#include <simdjson.h>
#include <zstd.h>

#include "entities/clusters.h"
#include "entities/conll.h"
#include "entities/gazetteer.h"
#include "entities/model.h"
#include "entities/tagger.h"

namespace sitrep {
namespace {

using entities::kLabelCount;

struct RowSentence {
  std::vector<std::string_view> tokens;
  uint32_t document = 0;
  std::vector<uint32_t> rows;     // weight rows of the features, token by token
  std::vector<uint32_t> offsets;  // rows[offsets[i] .. offsets[i+1]) belong to token i
  std::vector<int> gold;          // BILOU label indexes
  std::vector<std::string> gold_tags;  // as in the file, for conlleval scoring
};

int LabelIndex(const std::string& name) {
  const auto& names = entities::BilouLabelNames();
  auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? 0 : static_cast<int>(it - names.begin());
}

std::vector<int> GoldLabels(const std::vector<std::string>& tags) {
  auto bilou = entities::BilouLabels(entities::ChunksOf(tags), tags.size());
  std::vector<int> out;
  for (const auto& b : bilou) out.push_back(LabelIndex(b));
  return out;
}

// Feeds the tokens of cluster JSONL (documents[].text or text) or plain-text files.
Result<uint64_t> AddUnlabelled(const std::string& path, entities::ClusterBuilder& builder) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path, "cannot open the unlabelled text file");
  auto add_text = [&](std::string_view text) {
    std::vector<Span> tokens = NerTokenize(text);
    std::vector<std::string_view> words;
    for (auto [first, last] : entities::GroupSentences(text, tokens)) {
      words.clear();
      for (size_t i = first; i < last; ++i)
        words.push_back(text.substr(tokens[i].begin, tokens[i].size()));
      builder.AddSentence(words);
    }
  };
  bool jsonl = path.size() > 6 && path.substr(path.size() - 6) == ".jsonl";
  std::string line;
  uint64_t documents = 0;
  simdjson::ondemand::parser parser;
  while (std::getline(in, line)) {
    if (!jsonl) {
      add_text(line);
      continue;
    }
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    if (parser.iterate(padded).get(doc)) continue;  // a bad line costs that line only
    simdjson::ondemand::object obj;
    if (doc.get_object().get(obj)) continue;
    for (auto field : obj) {
      std::string_view key;
      if (field.unescaped_key().get(key)) break;
      if (key == "text") {
        std::string_view text;
        if (!field.value().get_string().get(text)) add_text(text), ++documents;
      } else if (key == "documents") {
        simdjson::ondemand::array docs;
        if (field.value().get_array().get(docs)) continue;
        for (auto d : docs) {
          simdjson::ondemand::object dobj;
          if (d.get_object().get(dobj)) continue;
          std::string_view text;
          if (!dobj["text"].get_string().get(text)) add_text(text), ++documents;
        }
      }
    }
  }
  return documents;
}

// Emission scores from weight rows, then constrained Viterbi.
void DecodeRows(const RowSentence& s, const float* weights, const float* transitions,
                std::vector<float>& scores, std::vector<int>& labels) {
  size_t n = s.gold.size();
  scores.assign(n * kLabelCount, 0.0f);
  for (size_t i = 0; i < n; ++i)
    for (uint32_t k = s.offsets[i]; k < s.offsets[i + 1]; ++k) {
      const float* w = weights + static_cast<size_t>(s.rows[k]) * kLabelCount;
      for (int l = 0; l < kLabelCount; ++l) scores[i * kLabelCount + l] += w[l];
    }
  entities::Viterbi(scores, n, transitions, labels);
}

// The sentence's rows plus the document-history features of each token.
void WithHistory(const RowSentence& s, const entities::DocumentHistory& history,
                 const entities::FeatureTable& table, RowSentence& out) {
  thread_local std::vector<uint64_t> keys;
  out.rows.clear();
  out.offsets.assign(1, 0);
  for (size_t t = 0; t < s.gold.size(); ++t) {
    out.rows.insert(out.rows.end(), s.rows.begin() + s.offsets[t], s.rows.begin() + s.offsets[t + 1]);
    keys.clear();
    entities::HistoryFeatures(history, s.tokens[t], keys);
    for (uint64_t k : keys)
      if (int64_t row = table.Find(k); row >= 0) out.rows.push_back(static_cast<uint32_t>(row));
    out.offsets.push_back(static_cast<uint32_t>(out.rows.size()));
  }
  out.gold = s.gold;
  out.tokens = s.tokens;
}

double ScoreRows(const std::vector<RowSentence>& data, const std::vector<float>& weights,
                 const std::vector<float>& transitions, const entities::FeatureTable& table) {
  NerScores scores;
  std::vector<float> buffer;
  std::vector<int> labels;
  std::vector<std::string> predicted;
  entities::DocumentHistory history;
  RowSentence full;
  for (size_t i = 0; i < data.size(); ++i) {
    const RowSentence& s = data[i];
    if (i == 0 || s.document != data[i - 1].document) history.Clear();
    WithHistory(s, history, table, full);
    DecodeRows(full, weights.data(), transitions.data(), buffer, labels);
    history.Add(s.tokens, labels);
    predicted.clear();
    for (int l : labels) predicted.push_back(entities::BilouToBio(entities::BilouLabelNames()[l]));
    entities::AddToScores(s.gold_tags, predicted, scores);
  }
  return scores.overall.F1();
}

// First-pass emission scores and labels of the sentences `which` of data (documents whole,
// history as at run time); out is indexed like data.
struct FirstPass {
  std::vector<std::vector<float>> scores;
  std::vector<std::vector<int>> labels;
};
void RunFirstPass(const std::vector<RowSentence>& data, const std::vector<size_t>& which,
                  const std::vector<float>& weights, const std::vector<float>& transitions,
                  const entities::FeatureTable& table, FirstPass& out) {
  out.scores.resize(data.size());
  out.labels.resize(data.size());
  entities::DocumentHistory history;
  RowSentence full;
  for (size_t k = 0; k < which.size(); ++k) {
    size_t i = which[k];
    const RowSentence& s = data[i];
    if (k == 0 || s.document != data[which[k - 1]].document) history.Clear();
    WithHistory(s, history, table, full);
    DecodeRows(full, weights.data(), transitions.data(), out.scores[i], out.labels[i]);
    history.Add(s.tokens, out.labels[i]);
  }
}

std::vector<entities::SentenceFeatures> DocumentFeatures(const std::vector<RowSentence>& data,
                                                         const FirstPass& first) {
  std::vector<entities::SentenceFeatures> out(data.size());
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<std::vector<int>> labels;
  std::vector<entities::SentenceFeatures> doc;
  size_t start = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    sentences.push_back(data[i].tokens);
    labels.push_back(first.labels[i]);
    if (i + 1 == data.size() || data[i + 1].document != data[i].document) {
      entities::SecondPassFeatures(sentences, labels, doc);
      for (size_t k = 0; k < doc.size(); ++k) out[start + k] = std::move(doc[k]);
      sentences.clear();
      labels.clear();
      start = i + 1;
    }
  }
  return out;
}

// The sentences with their document-feature rows (table rows) added token by token.
std::vector<RowSentence> WithDocumentFeatures(const std::vector<RowSentence>& data,
                                              const std::vector<entities::SentenceFeatures>& doc,
                                              const entities::FeatureTable& table) {
  std::vector<RowSentence> out(data.size());
  for (size_t i = 0; i < data.size(); ++i) {
    const RowSentence& s = data[i];
    RowSentence& r = out[i];
    r.tokens = s.tokens;
    r.document = s.document;
    r.gold = s.gold;
    r.gold_tags = s.gold_tags;
    r.offsets.assign(1, 0);
    for (size_t t = 0; t < s.gold.size(); ++t) {
      r.rows.insert(r.rows.end(), s.rows.begin() + s.offsets[t], s.rows.begin() + s.offsets[t + 1]);
      for (uint32_t k = doc[i].offsets[t]; k < doc[i].offsets[t + 1]; ++k)
        if (int64_t row = table.Find(doc[i].features[k]); row >= 0)
          r.rows.push_back(static_cast<uint32_t>(row));
      r.offsets.push_back(static_cast<uint32_t>(r.rows.size()));
    }
  }
  return out;
}

}  // namespace

Result<NerTrainReport> TrainNer(const NerTrainOptions& options) {
  NerTrainReport report;
  auto train = entities::ReadConll(options.train_path);
  if (!train) return tl::unexpected<Error>(train.error());
  auto valid = entities::ReadConll(options.valid_path);
  if (!valid) return tl::unexpected<Error>(valid.error());
  auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };

  // 1. Word clusters from train + valid tokens and the unlabelled text.
  NerModel::Rep rep;
  entities::ClusterBuilder clusters;
  for (const auto* set : {&*train, &*valid})
    for (const auto& s : *set) {
      std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
      clusters.AddSentence(words);
    }
  for (const auto& path : options.unlabelled_paths) {
    auto added = AddUnlabelled(path, clusters);
    if (!added) return tl::unexpected<Error>(added.error());
  }
  report.unlabelled_tokens = clusters.tokens();
  entities::ClusterOptions cluster_options;
  cluster_options.clusters = options.cluster_count;
  cluster_options.seed = options.seed;
  rep.resources.clusters = clusters.Build(cluster_options);
  report.log.push_back(fmt::format("clusters: {} words from {} tokens ({:.1f} s)",
                                   rep.resources.clusters.size(), clusters.tokens(), elapsed()));

  // 2. Name lexicon: GeoNames/ISO place names and data/ner/*.txt lists.
  entities::AddPlaceNamesToLexicon(rep.resources.lexicon);
  entities::AddListsToLexicon(rep.resources.lexicon);
  report.log.push_back(fmt::format("lexicon: {} names", rep.resources.lexicon.size()));

  // 3. Features -> rows.
  // Context aggregation needs each sentence's whole document.
  auto contexts_of = [](const std::vector<entities::ConllSentence>& data) {
    std::vector<entities::DocumentContext> contexts;
    std::vector<std::vector<std::string_view>> document;
    for (size_t i = 0; i < data.size(); ++i) {
      document.emplace_back(data[i].tokens.begin(), data[i].tokens.end());
      if (i + 1 == data.size() || data[i + 1].document != data[i].document) {
        contexts.emplace_back().Build(document);
        document.clear();
      }
    }
    return contexts;
  };
  std::vector<entities::DocumentContext> train_contexts = contexts_of(*train);
  std::unordered_map<uint64_t, uint32_t> counts;
  std::vector<entities::SentenceFeatures> train_features(train->size());
  for (size_t i = 0, d = 0; i < train->size(); ++i) {
    if (i > 0 && (*train)[i].document != (*train)[i - 1].document) ++d;
    std::vector<std::string_view> words((*train)[i].tokens.begin(), (*train)[i].tokens.end());
    entities::ExtractFeatures(rep.resources, words, train_features[i], nullptr, &train_contexts[d]);
    for (uint64_t f : train_features[i].features) ++counts[f];
  }
  train_contexts.clear();
  std::vector<uint64_t> keys = entities::AllHistoryFeatures();
  for (const auto& [key, count] : counts)
    if (count >= options.min_feature_count) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  counts.clear();
  entities::FeatureTable table;
  table.Build(keys);
  auto to_rows = [&](const entities::ConllSentence& s, const entities::SentenceFeatures& f) {
    RowSentence r;
    r.offsets.push_back(0);
    for (size_t t = 0; t < f.size(); ++t) {
      for (uint32_t k = f.offsets[t]; k < f.offsets[t + 1]; ++k) {
        int64_t row = table.Find(f.features[k]);
        if (row >= 0) r.rows.push_back(static_cast<uint32_t>(row));
      }
      r.offsets.push_back(static_cast<uint32_t>(r.rows.size()));
    }
    r.gold = GoldLabels(s.tags);
    r.gold_tags = s.tags;
    r.tokens.assign(s.tokens.begin(), s.tokens.end());
    r.document = s.document;
    return r;
  };
  std::vector<RowSentence> train_rows, valid_rows;
  for (size_t i = 0; i < train->size(); ++i)
    train_rows.push_back(to_rows((*train)[i], train_features[i]));
  train_features.clear();
  train_features.shrink_to_fit();
  entities::SentenceFeatures scratch;
  std::vector<entities::DocumentContext> valid_contexts = contexts_of(*valid);
  for (size_t i = 0, d = 0; i < valid->size(); ++i) {
    const auto& s = (*valid)[i];
    if (i > 0 && s.document != (*valid)[i - 1].document) ++d;
    std::vector<std::string_view> words(s.tokens.begin(), s.tokens.end());
    entities::ExtractFeatures(rep.resources, words, scratch, nullptr, &valid_contexts[d]);
    valid_rows.push_back(to_rows(s, scratch));
  }
  report.features = keys.size();
  report.log.push_back(fmt::format("features: {} kept, {} train documents ({:.1f} s)", keys.size(),
                                   train_rows.empty() ? 0 : train_rows.back().document + 1, elapsed()));

  // 4. Perceptron epochs with lazy averaging (avg = w - u / c); the epoch count is picked on
  // valid, then (options.final_on_train_and_valid) a final run of that many epochs sees both.
  const size_t trans_count = (kLabelCount + 1) * kLabelCount;
  using Weights = std::pair<std::vector<float>, std::vector<float>>;  // emissions, transitions
  struct Best {
    double f1 = -1;
    uint32_t epoch = 0;
  };
  // Returns the averaged weights of the best epoch on dev (dev given: fills best) or of the
  // last epoch. tab maps history features to rows; label null: no log lines.
  auto run = [&](const std::vector<RowSentence>& data, const entities::FeatureTable& tab,
                 size_t row_count, uint32_t max_epochs, const std::vector<RowSentence>* dev,
                 Best* best_on_dev, const char* label, uint64_t seed) -> Weights {
    Weights best;
    const size_t weight_count = row_count * kLabelCount;
    std::vector<double> w(weight_count, 0.0), u(weight_count, 0.0);
    std::vector<double> tw(trans_count, 0.0), tu(trans_count, 0.0);
    std::vector<float> wf(weight_count, 0.0f), tf(trans_count, 0.0f);
    double c = 1;
    // Documents are shuffled; sentences keep their order inside a document (history features).
    std::vector<std::pair<size_t, size_t>> documents;  // [first, last) sentence ranges
    for (size_t i = 0; i < data.size(); ++i) {
      if (i == 0 || data[i].document != data[i - 1].document) documents.emplace_back(i, i);
      documents.back().second = i + 1;
    }
    std::vector<size_t> order(documents.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 rng(seed);
    std::vector<float> buffer;
    std::vector<int> predicted;
    entities::DocumentHistory history;
    RowSentence full;
    for (uint32_t epoch = 1; epoch <= max_epochs; ++epoch) {
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
      uint64_t mistakes = 0;
      for (size_t d : order) {
        history.Clear();
        for (size_t index = documents[d].first; index < documents[d].second; ++index) {
          WithHistory(data[index], history, tab, full);
          const RowSentence& s = full;
          DecodeRows(s, wf.data(), tf.data(), buffer, predicted);
          history.Add(s.tokens, predicted);
          const size_t n = s.gold.size();
          for (size_t t = 0; t < n; ++t) {
            int g = s.gold[t], p = predicted[t];
            int gp = t ? s.gold[t - 1] : kLabelCount, pp = t ? predicted[t - 1] : kLabelCount;
            if (g != p) {
              ++mistakes;
              for (uint32_t k = s.offsets[t]; k < s.offsets[t + 1]; ++k) {
                size_t base = static_cast<size_t>(s.rows[k]) * kLabelCount;
                w[base + g] += 1;
                u[base + g] += c;
                w[base + p] -= 1;
                u[base + p] -= c;
                wf[base + g] = static_cast<float>(w[base + g]);
                wf[base + p] = static_cast<float>(w[base + p]);
              }
            }
            if (g != p || gp != pp) {
              size_t gi = static_cast<size_t>(gp) * kLabelCount + g;
              size_t pi = static_cast<size_t>(pp) * kLabelCount + p;
              tw[gi] += 1;
              tu[gi] += c;
              tw[pi] -= 1;
              tu[pi] -= c;
              tf[gi] = static_cast<float>(tw[gi]);
              tf[pi] = static_cast<float>(tw[pi]);
            }
          }
          c += 1;
        }
      }
      std::vector<float> avg_w(weight_count), avg_t(trans_count);
      for (size_t i = 0; i < weight_count; ++i) avg_w[i] = static_cast<float>(w[i] - u[i] / c);
      for (size_t i = 0; i < trans_count; ++i) avg_t[i] = static_cast<float>(tw[i] - tu[i] / c);
      if (!dev) {
        if (label)
          report.log.push_back(fmt::format("{} epoch {:2}: {} token errors ({:.1f} s)", label,
                                           epoch, mistakes, elapsed()));
        best = {std::move(avg_w), std::move(avg_t)};
        continue;
      }
      double f1 = ScoreRows(*dev, avg_w, avg_t, tab);
      report.log.push_back(fmt::format("{} epoch {:2}: {} token errors, valid F1 {:.2f} ({:.1f} s)",
                                       label, epoch, mistakes, f1, elapsed()));
      if (f1 > best_on_dev->f1) {
        best_on_dev->f1 = f1;
        best_on_dev->epoch = epoch;
        best = {std::move(avg_w), std::move(avg_t)};
      } else if (epoch >= best_on_dev->epoch + 3) {
        break;  // three epochs without improvement on valid
      }
    }
    return best;
  };

  // Several runs in different document orders, their weights averaged (a cheap ensemble).
  const uint32_t seeds = std::max<uint32_t>(1, options.averaged_runs);
  auto run_seeds = [&](const std::vector<RowSentence>& data, const entities::FeatureTable& tab,
                       size_t row_count, uint32_t epochs, const char* label) -> Weights {
    Weights sum = run(data, tab, row_count, epochs, nullptr, nullptr, label, options.seed);
    for (uint32_t k = 1; k < seeds; ++k) {
      Weights w = run(data, tab, row_count, epochs, nullptr, nullptr, nullptr, options.seed + 101 * k);
      for (size_t i = 0; i < sum.first.size(); ++i) sum.first[i] += w.first[i];
      for (size_t i = 0; i < sum.second.size(); ++i) sum.second[i] += w.second[i];
    }
    for (float& v : sum.first) v /= static_cast<float>(seeds);
    for (float& v : sum.second) v /= static_cast<float>(seeds);
    return sum;
  };

  // 5. The second pass: the same features plus document features of the first pass's labels
  // (entities::SecondPassFeatures), its own weights. Its training data needs first-pass labels
  // as good as on unseen text, so they come from jackknifing: each of kFolds parts of the
  // documents is tagged by a first pass trained on the others (Krishnan & Manning 2006).
  constexpr uint32_t kFolds = 5;
  auto jackknife = [&](const std::vector<RowSentence>& data, uint32_t epochs, FirstPass& out) {
    for (uint32_t fold = 0; fold < kFolds; ++fold) {
      std::vector<RowSentence> rest;
      std::vector<size_t> held;
      for (size_t i = 0; i < data.size(); ++i) {
        if (data[i].document % kFolds == fold) held.push_back(i);
        else rest.push_back(data[i]);
      }
      Weights w = run_seeds(rest, table, keys.size(), epochs, nullptr);
      RunFirstPass(data, held, w.first, w.second, table, out);
    }
  };
  auto all_of = [](const std::vector<RowSentence>& data) {
    std::vector<size_t> all(data.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    return all;
  };
  // Second-pass rows: the first pass's keys, then the document features seen in training.
  std::vector<uint64_t> keys2;
  entities::FeatureTable table2;
  auto build_table2 = [&](const std::vector<entities::SentenceFeatures>& features) {
    std::vector<uint64_t> extra;
    for (const auto& f : features) extra.insert(extra.end(), f.features.begin(), f.features.end());
    std::sort(extra.begin(), extra.end());
    extra.erase(std::unique(extra.begin(), extra.end()), extra.end());
    keys2 = keys;
    for (uint64_t k : extra)
      if (!std::binary_search(keys.begin(), keys.end(), k)) keys2.push_back(k);
    table2.Build(keys2);
  };

  Best best;
  Weights first = run(train_rows, table, keys.size(), options.max_epochs, &valid_rows, &best,
                      "train", options.seed);
  report.epochs = best.epoch;
  report.valid_f1 = best.f1;
  if (seeds > 1) {
    first = run_seeds(train_rows, table, keys.size(), best.epoch, nullptr);
    report.log.push_back(fmt::format("valid F1 of {} averaged runs: {:.2f}", seeds,
                                     ScoreRows(valid_rows, first.first, first.second, table)));
  }
  Weights second;
  Best best2;
  if (options.second_pass) {
    FirstPass train_first, valid_first;
    jackknife(train_rows, best.epoch, train_first);
    RunFirstPass(valid_rows, all_of(valid_rows), first.first, first.second, table, valid_first);
    auto train_doc = DocumentFeatures(train_rows, train_first);
    build_table2(train_doc);
    auto train2 = WithDocumentFeatures(train_rows, train_doc, table2);
    auto valid2 = WithDocumentFeatures(valid_rows, DocumentFeatures(valid_rows, valid_first), table2);
    report.log.push_back(fmt::format("second pass: {} document features ({:.1f} s)",
                                     keys2.size() - keys.size(), elapsed()));
    second = run(train2, table2, keys2.size(), options.max_epochs, &valid2, &best2,
                 "train, second pass", options.seed);
    if (seeds > 1) {
      second = run_seeds(train2, table2, keys2.size(), best2.epoch, nullptr);
      best2.f1 = ScoreRows(valid2, second.first, second.second, table2);
    }
    report.log.push_back(fmt::format("valid F1: first pass {:.2f}, second pass {:.2f}", best.f1,
                                     best2.f1));
    report.valid_f1 = best2.f1;
  }
  if (options.final_on_train_and_valid) {
    std::vector<RowSentence> all = std::move(train_rows);
    uint32_t offset = all.empty() ? 0 : all.back().document + 1;
    for (RowSentence& r : valid_rows) {
      r.document += offset;
      all.push_back(std::move(r));
    }
    first = run_seeds(all, table, keys.size(), best.epoch, "train+valid");
    if (options.second_pass) {
      FirstPass all_first;
      jackknife(all, best.epoch, all_first);
      auto all_doc = DocumentFeatures(all, all_first);
      build_table2(all_doc);
      auto all2 = WithDocumentFeatures(all, all_doc, table2);
      second = run_seeds(all2, table2, keys2.size(), best2.epoch, "train+valid, second pass");
    }
  }

  // 6. Drop rows whose weights all round to zero, then write.
  auto keep_rows = [&](const std::vector<uint64_t>& from_keys, const std::vector<float>& from,
                       std::vector<uint64_t>& to_keys, std::vector<float>& to) {
    float max_abs = 0;
    for (float v : from) max_abs = std::max(max_abs, std::fabs(v));
    float threshold = max_abs / 32767.0f;
    for (size_t row = 0; row < from_keys.size(); ++row) {
      bool any = false;
      for (int l = 0; l < kLabelCount; ++l)
        any |= std::fabs(from[row * kLabelCount + l]) >= threshold;
      if (!any) continue;
      to_keys.push_back(from_keys[row]);
      to.insert(to.end(), from.begin() + row * kLabelCount, from.begin() + (row + 1) * kLabelCount);
    }
  };
  keep_rows(keys, first.first, rep.keys, rep.weights);
  rep.transitions = first.second;
  if (options.second_pass && !keys2.empty()) {
    keep_rows(keys2, second.first, rep.keys2, rep.weights2);
    rep.transitions2 = second.second;
  }
  std::string bytes = rep.Serialize();
  report.model_bytes = bytes.size();
  // A path ending in .zst gets the zstd frame the repository ships (level 19; the same
  // libzstd gives the same bytes).
  const std::string& path = options.output_path;
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".zst") == 0) {
    std::string packed(ZSTD_compressBound(bytes.size()), '\0');
    const size_t n = ZSTD_compress(packed.data(), packed.size(), bytes.data(), bytes.size(), 19);
    if (ZSTD_isError(n))
      return MakeError(ErrorCode::kUnreadable, path, std::string("zstd: ") + ZSTD_getErrorName(n));
    packed.resize(n);
    bytes.swap(packed);
  }
  std::ofstream out(options.output_path, std::ios::binary);
  if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())))
    return MakeError(ErrorCode::kUnreadable, options.output_path, "cannot write the model file");
  return report;
}

Result<NerScores> EvaluateNer(const NerModel& model, const std::string& conll_path,
                              const std::string& predictions_path) {
  auto data = entities::ReadConll(conll_path);
  if (!data) return tl::unexpected<Error>(data.error());
  std::ofstream dump;
  if (!predictions_path.empty()) {
    dump.open(predictions_path);
    if (!dump) return MakeError(ErrorCode::kUnreadable, predictions_path, "cannot write predictions");
  }
  NerScores scores;
  uint64_t correct_tokens = 0;
  std::vector<std::vector<std::string>> document;
  std::vector<std::vector<std::string>> predictions;
  size_t first = 0;  // the current document's first sentence
  for (size_t i = 0; i < data->size(); ++i) {
    const auto& s = (*data)[i];
    if (i == 0 || s.document != (*data)[i - 1].document) {
      first = i;
      document.clear();
      for (size_t j = i; j < data->size() && (*data)[j].document == s.document; ++j)
        document.push_back((*data)[j].tokens);
      predictions = model.TagDocument(document);
    }
    const std::vector<std::string>& predicted = predictions[i - first];
    // Token accuracy on entity type (IOB prefixes differ between IOB1 and IOB2).
    for (size_t k = 0; k < predicted.size(); ++k) {
      std::string_view g = s.tags[k], p = predicted[k];
      std::string_view gt = g.size() > 2 ? g.substr(2) : g, pt = p.size() > 2 ? p.substr(2) : p;
      correct_tokens += gt == pt;
    }
    entities::AddToScores(s.tags, predicted, scores);
    if (dump.is_open()) {
      if (i == first) dump << "-DOCSTART- O O\n\n";
      for (size_t k = 0; k < predicted.size(); ++k)
        dump << s.tokens[k] << ' ' << s.tags[k] << ' ' << predicted[k] << '\n';
      dump << '\n';
    }
  }
  entities::FinishScores(scores, correct_tokens);
  return scores;
}

}  // namespace sitrep
