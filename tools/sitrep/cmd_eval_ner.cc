// sitrep eval-ner: entity-level scores (conlleval rules) of the NER tagger on CoNLL files, and
// the alias and place gold sets of tests/gold/.
//   sitrep eval-ner --data ../shared/data/ner-conll2003/test.txt
//   sitrep eval-ner --data ../shared/data/ner-wikigold/wikigold.conll.txt
//   sitrep eval-ner --aliases tests/gold/aliases/mentions.tsv --places tests/gold/places/places.tsv
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "sitrep/entities.h"

namespace sitrep::cli {
namespace {

const Command kEvalNer("eval-ner", "Score the NER tagger (conlleval), alias merging and geocoding",
                       [](CLI::App& sub) {
  auto data = std::make_shared<std::vector<std::string>>();
  auto model_path = std::make_shared<std::string>();
  auto aliases = std::make_shared<std::string>();
  auto places = std::make_shared<std::string>();
  auto errors = std::make_shared<bool>(false);
  auto predictions = std::make_shared<std::string>();
  sub.add_option("--data", *data, "CoNLL file(s): token first, NER tag last (repeatable)");
  sub.add_option("--model", *model_path, "Model file (default: the shipped model)");
  sub.add_option("--aliases", *aliases, "Alias gold TSV (tests/gold/aliases/mentions.tsv)");
  sub.add_option("--places", *places, "Place gold TSV (tests/gold/places/places.tsv)");
  sub.add_flag("--errors", *errors, "List alias and place errors on stderr");
  sub.add_option("--predictions", *predictions,
                 "Write 'token gold predicted' lines (conlleval input) of the last --data file");
  return [=]() -> int {
    if (data->empty() && aliases->empty() && places->empty()) {
      std::fprintf(stderr, "eval-ner: give --data, --aliases or --places\n");
      return kExitUsage;
    }
    int status = kExitOk;
    if (!data->empty()) {
      std::shared_ptr<const NerModel> model;
      if (!model_path->empty()) {
        auto loaded = NerModel::LoadFile(*model_path);
        if (!loaded) {
          std::fprintf(stderr, "%s\n", loaded.error().ToString().c_str());
          return kExitNoUsableInput;
        }
        model = std::make_shared<const NerModel>(std::move(*loaded));
      } else {
        auto shipped = NerModel::Default();
        if (!shipped) {
          std::fprintf(stderr, "%s\n", shipped.error().ToString().c_str());
          return kExitNoUsableInput;
        }
        model = *shipped;
      }
      for (const std::string& path : *data) {
        auto scores = EvaluateNer(*model, path, *predictions);
        if (!scores) {
          std::fprintf(stderr, "%s\n", scores.error().ToString().c_str());
          status = kExitNoUsableInput;
          continue;
        }
        const NerScores& s = *scores;
        std::printf("%s: %llu sentences, %llu tokens, token accuracy %.2f%%\n", path.c_str(),
                    static_cast<unsigned long long>(s.sentences),
                    static_cast<unsigned long long>(s.tokens), s.token_accuracy);
        std::printf("  %-8s %8s %8s %8s %7s %7s\n", "type", "P", "R", "F1", "gold", "found");
        auto row = [](const char* name, const NerScores::Counts& c) {
          std::printf("  %-8s %8.2f %8.2f %8.2f %7llu %7llu\n", name, c.Precision(), c.Recall(),
                      c.F1(), static_cast<unsigned long long>(c.gold),
                      static_cast<unsigned long long>(c.predicted));
        };
        row("overall", s.overall);
        for (int t = 0; t < 4; ++t) row(EntityTypeName(static_cast<EntityType>(t)), s.per_type[t]);
      }
    }
    if (!aliases->empty()) {
      auto s = EvaluateAliases(*aliases);
      if (!s) {
        std::fprintf(stderr, "%s\n", s.error().ToString().c_str());
        return kExitNoUsableInput;
      }
      std::printf("aliases %s: %llu mentions, %llu gold pairs, pairwise P %.3f R %.3f\n",
                  aliases->c_str(), static_cast<unsigned long long>(s->mentions),
                  static_cast<unsigned long long>(s->gold_pairs), s->Precision(), s->Recall());
      if (*errors)
        for (const auto& e : s->errors) std::fprintf(stderr, "  %s\n", e.c_str());
    }
    if (!places->empty()) {
      if (!HaveGazetteer()) {
        std::fprintf(stderr, "eval-ner: this build has no gazetteer (node_modules missing)\n");
        return kExitNoUsableInput;
      }
      auto s = EvaluatePlaces(*places);
      if (!s) {
        std::fprintf(stderr, "%s\n", s.error().ToString().c_str());
        return kExitNoUsableInput;
      }
      std::printf("places %s: %llu mentions, %llu resolved, %.1f%% within 25 km\n",
                  places->c_str(), static_cast<unsigned long long>(s->mentions),
                  static_cast<unsigned long long>(s->resolved), 100 * s->Accuracy());
      if (*errors)
        for (const auto& e : s->errors) std::fprintf(stderr, "  %s\n", e.c_str());
    }
    return status;
  };
});

}  // namespace
}  // namespace sitrep::cli
