// entities: who and where. Named entities (PER/ORG/LOC/MISC) tagged in each article, merged
// across articles into canonical actors with their aliases, and places geocoded with GeoNames.
//
// Method: a first-order structured averaged perceptron (BILOU labels, Viterbi decoding) over word,
// shape, affix, context-window, gazetteer and word-cluster features, trained by sitrep itself on
// CoNLL-2003 (see docs/entities.md); aliases merged by acronym definitions, a consonant-skeleton
// edit distance, surname/title rules, al-/el- articles and data/aliases.txt; places looked up in a
// GeoNames cities500 + ISO 3166 index and disambiguated by the event's countries and population.
// Invariant: every Mention span is a byte range of Article::text. Thread safety: all functions are
// reentrant; NerModel is immutable after loading and may be shared between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

enum class EntityType : uint8_t { kPerson, kOrganization, kLocation, kMisc };
// "PER", "ORG", "LOC", "MISC".
const char* EntityTypeName(EntityType type);
std::optional<EntityType> ParseEntityType(std::string_view name);

// One occurrence of a named entity in one article.
struct Mention {
  uint32_t article = 0;      // Article::index of the article it is in
  Span span;                 // into Article::text
  EntityType type = EntityType::kMisc;
};

// A place as the gazetteer knows it.
struct Place {
  int64_t geonames_id = -1;  // GeoNames id; -1 for ISO 3166 countries/regions without one
  std::string name;          // GeoNames / ISO name
  std::string country_code;  // ISO 3166-1 alpha-2 ("UA")
  std::string feature;       // GeoNames feature code ("PPLA", "PPLC"), "COUNTRY" or "ADM1"
  double latitude = 0;
  double longitude = 0;
  int64_t population = 0;
};

// One canonical actor or place of the event.
struct Actor {
  std::string name;                    // canonical name (the longest well-formed alias)
  EntityType type = EntityType::kMisc;
  std::vector<std::string> aliases;    // distinct surface forms seen, most frequent first
  std::vector<Mention> mentions;       // every mention, in article then offset order
  std::vector<uint32_t> articles;      // distinct Article::index values, ascending
  std::optional<Place> place;          // for LOC actors the gazetteer resolved
};

struct Actors {
  std::vector<Actor> actors;           // most mentioned first
};

// The tagger's weights: the shipped model (embedded in the binary) or a file from TrainNer.
class NerModel {
 public:
  ~NerModel();
  NerModel(NerModel&&) noexcept;
  NerModel& operator=(NerModel&&) noexcept;

  // The model shipped in data/ner/ (kNotFound when the build has none).
  static Result<std::shared_ptr<const NerModel>> Default();
  static Result<NerModel> LoadFile(const std::string& path);
  static Result<NerModel> FromBytes(std::string_view bytes, const std::string& source);

  // Entities of text, tokenized as the model was trained; spans into text.
  std::vector<Mention> Tag(std::string_view text) const;
  // Entities of pre-tokenized text (one sentence): one label per token, "B-PER", "I-LOC", "O".
  std::vector<std::string> TagTokens(const std::vector<std::string>& tokens) const;
  // A pre-tokenized document, sentence by sentence: later sentences see what the tagger said
  // about the same words earlier (document-history features).
  std::vector<std::vector<std::string>> TagDocument(
      const std::vector<std::vector<std::string>>& sentences) const;

  struct Rep;

 private:
  explicit NerModel(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// Tokens as the NER model sees them (CoNLL-2003/PTB style: "'s" and "n't" split off, "U.S." and
// "al-Assad" kept whole, punctuation apart). Spans into text.
std::vector<Span> NerTokenize(std::string_view text);

// Mentions in the article's kept text (its sentences, else its kept blocks, else the whole text)
// with the default model; empty when the build has no model. Mention::article = article.index.
std::vector<Mention> TagEntities(const Article& article);
std::vector<Mention> TagEntities(const Article& article, const NerModel& model);

struct ActorOptions {
  bool geocode = true;               // resolve LOC actors with the gazetteer
  uint32_t max_actors = 0;           // 0 = all
  bool use_known_aliases = true;     // data/aliases.txt
};

// Canonical actors of the articles, mentions merged across articles by alias rules.
// `mentions` are from TagEntities over the same articles (any order).
Actors ResolveActors(std::span<const Article> articles, std::span<const Mention> mentions,
                     const ActorOptions& options = {});
// Tags every article with the default model and resolves.
Actors ResolveActors(std::span<const Article> articles, const ActorOptions& options = {});

// Alias grouping of bare names (no text context), for evaluation: group ids, one per input.
// Names of one `document` can be told apart by the one-surname-two-people rule.
struct NamedMention {
  std::string text;
  EntityType type = EntityType::kMisc;
  uint32_t document = 0;
  std::string context;               // the sentence, used to find "Long Name (ACR)" definitions
};
std::vector<uint32_t> GroupAliases(std::span<const NamedMention> mentions,
                                   bool use_known_aliases = true);

// Places named `name` (best first), disambiguated by `context_countries` (ISO alpha-2 codes of
// the event) and population; empty when unknown or the build has no gazetteer.
std::vector<Place> LookupPlace(std::string_view name,
                               std::span<const std::string> context_countries = {});
// True when the build has the GeoNames index.
bool HaveGazetteer();

// GeoJSON FeatureCollection of the geocoded actors (mentions, sources as properties).
std::string PlacesToGeoJson(const Actors& actors, std::span<const Article> articles);
// The "Actors and places" section: Markdown (a heading and one bullet per actor) and a JSON
// array of {name, type, aliases, mentions, sources:[article numbers, 1-based], place?}.
std::string ActorsToMarkdown(const Actors& actors);
std::string ActorsToJson(const Actors& actors);

// --- Training and evaluation (sitrep train-ner / eval-ner) ---

struct NerTrainOptions {
  std::string train_path;            // CoNLL-2003 train.txt
  std::string valid_path;            // valid.txt: picks the epoch count
  std::vector<std::string> unlabelled_paths;  // cluster JSONL / plain text files for clusters
  std::string output_path;           // model file to write
  uint32_t max_epochs = 20;
  uint32_t cluster_count = 2048;     // finest word-cluster level
  uint32_t min_feature_count = 2;    // features seen fewer times are dropped
  uint64_t seed = 1;
  // After picking the epoch count on valid, train again on train + valid for that many epochs
  // (the shipped model); valid_f1 then describes the train-only run.
  bool final_on_train_and_valid = true;
  // A second pass over document-level features of the first pass's labels (Krishnan & Manning
  // 2006), trained on jackknifed first-pass labels.
  bool second_pass = true;
  // Runs in different document orders (seed, seed + 101, ...) whose averaged weights are
  // shipped, in both passes and in the jackknife (a cheap ensemble; 1 = one run).
  uint32_t averaged_runs = 5;
};
struct NerTrainReport {
  uint32_t epochs = 0;
  double valid_f1 = 0;
  uint64_t features = 0;
  uint64_t model_bytes = 0;
  uint64_t unlabelled_tokens = 0;
  std::vector<std::string> log;      // one line per epoch
};
Result<NerTrainReport> TrainNer(const NerTrainOptions& options);

// conlleval-style entity-level scores.
struct NerScores {
  struct Counts {
    uint64_t gold = 0, predicted = 0, correct = 0;
    double Precision() const { return predicted ? 100.0 * correct / predicted : 0; }
    double Recall() const { return gold ? 100.0 * correct / gold : 0; }
    double F1() const {
      double p = Precision(), r = Recall();
      return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
  };
  Counts overall;
  Counts per_type[4];                // indexed by EntityType
  uint64_t tokens = 0;
  uint64_t sentences = 0;
  double token_accuracy = 0;         // percent
};
// Tags a CoNLL file (token first column, NER tag last; IOB1, IOB2 or IO) and scores it.
// predictions_path, when given, receives "token gold predicted" lines (conlleval's input).
Result<NerScores> EvaluateNer(const NerModel& model, const std::string& conll_path,
                              const std::string& predictions_path = {});

// Alias gold set (tests/gold/aliases/*.tsv: document, entity, type, mention, sentence):
// pairwise precision/recall of GroupAliases over all mention pairs.
struct AliasScores {
  uint64_t mentions = 0, gold_pairs = 0, predicted_pairs = 0, correct_pairs = 0;
  double Precision() const { return predicted_pairs ? double(correct_pairs) / predicted_pairs : 0; }
  double Recall() const { return gold_pairs ? double(correct_pairs) / gold_pairs : 0; }
  std::vector<std::string> errors;   // wrong merges and misses, for --errors
};
Result<AliasScores> EvaluateAliases(const std::string& tsv_path);

// Place gold set (tests/gold/places/*.tsv: event, mention, latitude, longitude, note): every
// event's mentions are resolved together (ResolveActors' context rule); a hit is within 25 km.
struct PlaceScores {
  uint64_t mentions = 0, resolved = 0, within_25_km = 0;
  double Accuracy() const { return mentions ? double(within_25_km) / mentions : 0; }
  std::vector<std::string> errors;
};
Result<PlaceScores> EvaluatePlaces(const std::string& tsv_path, double radius_km = 25);

}  // namespace sitrep
