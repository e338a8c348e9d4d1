// sitrep_report_write <articles...> -o <out.html> [--spans <cited.json>]: writes the HTML report of
// the articles given (files or folders), for the browser test until `sitrep brief --format html`
// exists. --spans writes each summary citation's anchor id and cited text (read from the bytes
// here, independently of the page), so the test can check a click lands on the right span.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/brief.h"
#include "sitrep/ingest.h"
#include "sitrep/report.h"

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string out_path, spans_path;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
      out_path = argv[++i];
    } else if (std::strcmp(argv[i], "--spans") == 0 && i + 1 < argc) {
      spans_path = argv[++i];
    } else {
      inputs.push_back(argv[i]);
    }
  }
  if (inputs.empty() || out_path.empty()) {
    std::fprintf(stderr, "usage: sitrep_report_write <articles...> -o <out.html>\n");
    return 2;
  }
  auto brief = sitrep::BuildBrief(sitrep::Ingest(inputs, {}), {});
  if (!brief) {
    std::fprintf(stderr, "%s\n", brief.error().ToString().c_str());
    return 1;
  }
  std::ofstream out(out_path, std::ios::binary);
  out << sitrep::RenderHtml(*brief, {});
  if (!out) {
    std::fprintf(stderr, "%s: cannot write\n", out_path.c_str());
    return 1;
  }
  if (!spans_path.empty()) {
    nlohmann::json cited = nlohmann::json::array();
    for (const sitrep::SummarySentence& s : brief->summary.sentences)
      for (const sitrep::Citation& c : s.citations)
        cited.push_back({{"id", "s" + std::to_string(c.article) + "-" +
                                    std::to_string(c.span.begin) + "-" + std::to_string(c.span.end)},
                         {"text", std::string(brief->articles[c.article].View(c.span))}});
    std::ofstream(spans_path) << cited.dump(1);
  }
  std::fprintf(stderr, "wrote %s (scripts %s)\n", out_path.c_str(),
               sitrep::HtmlReportHasScripts() ? "inlined" : "absent");
  return 0;
}
