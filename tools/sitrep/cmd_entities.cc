// sitrep entities: the actors and places of the input articles (one event), with aliases merged
// across articles and places geocoded.
//   sitrep entities examples/<event>/ [--format markdown|json|geojson] [--max 30]
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "sitrep/clean.h"
#include "sitrep/entities.h"
#include "sitrep/ingest.h"

namespace sitrep::cli {
namespace {

const Command kEntities("entities", "List the actors and places of articles (NER, aliases, places)",
                        [](CLI::App& sub) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto format = std::make_shared<std::string>("markdown");
  auto max_actors = std::make_shared<uint32_t>(0);
  sub.add_option("inputs", *inputs, "Article files, folders or JSONL (- for stdin)")->required();
  sub.add_option("--format", *format, "markdown, json or geojson")
      ->check(CLI::IsMember({"markdown", "json", "geojson"}))->capture_default_str();
  sub.add_option("--max", *max_actors, "Most actors to list (0 = all)");
  return [=]() -> int {
    IngestResult input = Ingest(*inputs, IngestOptions{});
    for (const Error& e : input.report.problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    if (input.articles.empty()) {
      std::fprintf(stderr, "entities: no usable article\n");
      return kExitNoUsableInput;
    }
    // Boilerplate (bylines, comment forms, share buttons) names no actor of the event.
    Clean(input.articles, CleanOptions{});
    if (!NerModel::Default())
      std::fprintf(stderr, "%s\n", NerModel::Default().error().ToString().c_str());
    ActorOptions options;
    options.max_actors = *max_actors;
    Actors actors = ResolveActors(input.articles, options);
    if (*format == "geojson") std::printf("%s\n", PlacesToGeoJson(actors, input.articles).c_str());
    else if (*format == "json") std::printf("%s\n", ActorsToJson(actors).c_str());
    else std::printf("%s", ActorsToMarkdown(actors).c_str());
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
