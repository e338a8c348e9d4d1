// sitrep train-ner: the one command that reproduces the shipped NER weights (data/ner/ner-model.bin.zst)
// from CoNLL-2003 train/valid and the shared corpora's article text (word clusters):
//   sitrep train-ner --data ../shared/data/ner-conll2003
//     --unlabelled ../shared/data/duc2006/duc2006.jsonl
//     --unlabelled ../shared/data/timeline17/timeline17.jsonl --out data/ner/ner-model.bin.zst
// (one command line; see docs/entities.md)
#include <cstdio>
#include <memory>
#include <string>

#include "command.h"
#include "sitrep/entities.h"

namespace sitrep::cli {
namespace {

const Command kTrainNer("train-ner", "Train the NER tagger on CoNLL-2003 (writes the model file)",
                        [](CLI::App& sub) {
  auto data = std::make_shared<std::string>();
  auto options = std::make_shared<NerTrainOptions>();
  sub.add_option("--data", *data, "Folder with CoNLL-2003 train.txt and valid.txt")->required();
  sub.add_option("--unlabelled", options->unlabelled_paths,
                 "Cluster JSONL or plain-text files for word clusters (repeatable)");
  sub.add_option("--out", options->output_path, "Model file to write")->required();
  sub.add_option("--epochs", options->max_epochs, "Most training epochs")->capture_default_str();
  sub.add_option("--clusters", options->cluster_count, "Finest word-cluster count")
      ->capture_default_str();
  sub.add_option("--min-feature-count", options->min_feature_count,
                 "Drop features seen fewer times in train")->capture_default_str();
  sub.add_option("--seed", options->seed, "Random seed")->capture_default_str();
  sub.add_option("--runs", options->averaged_runs,
                 "Training runs (document orders) whose weights are averaged")->capture_default_str();
  auto train_only = std::make_shared<bool>(false);
  sub.add_flag("--train-only", *train_only,
               "Ship the train-only weights (default: retrain on train+valid for the best epoch count)");
  auto one_pass = std::make_shared<bool>(false);
  sub.add_flag("--one-pass", *one_pass,
               "No second pass over document-level label features (smaller, faster, less accurate)");
  return [data, options, train_only, one_pass]() -> int {
    options->final_on_train_and_valid = !*train_only;
    options->second_pass = !*one_pass;
    options->train_path = *data + "/train.txt";
    options->valid_path = *data + "/valid.txt";
    if (!HaveGazetteer())
      std::fprintf(stderr, "warning: this build has no gazetteer; the model gets no place lexicon\n");
    auto report = TrainNer(*options);
    if (!report) {
      std::fprintf(stderr, "%s\n", report.error().ToString().c_str());
      return kExitNoUsableInput;
    }
    for (const std::string& line : report->log) std::fprintf(stderr, "%s\n", line.c_str());
    std::printf("wrote %s: %llu features, %llu bytes, best epoch %u, valid F1 %.2f\n",
                options->output_path.c_str(), static_cast<unsigned long long>(report->features),
                static_cast<unsigned long long>(report->model_bytes), report->epochs,
                report->valid_f1);
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
