// sitrep eval-extract: the article-extraction benchmark, scored exactly as the benchmark does,
// with Debian's python3-readability (readability-lxml) run in the same command on the same pages
// as the peer, and myhtml's parse-only rate as the floor.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include <unistd.h>

#include <simdjson.h>

#include "command.h"
#include "sitrep/web.h"

namespace sitrep::cli {
namespace {

// The peer: readability-lxml's Document.summary(), text by lxml, timed inside Python so that
// interpreter start-up and reading the pages are not counted against it. CPU time, as for ours.
const char kPeerScript[] = R"PY(
import gzip, json, os, sys, time
from readability import Document
import lxml.html
d, out = sys.argv[1], sys.argv[2]
truth = json.load(open(os.path.join(d, 'ground-truth.json')))
pages = {k: gzip.open(os.path.join(d, 'html', k + '.html.gz')).read() for k in truth}
predictions = {}
start = time.process_time()
for k, raw in pages.items():
    try:
        summary = Document(raw).summary(html_partial=True)
        text = '\n'.join(lxml.html.fromstring(summary).itertext())
    except Exception:
        text = ''
    predictions[k] = text
seconds = time.process_time() - start
json.dump({'seconds': seconds, 'pages': len(pages),
           'bytes': sum(len(v) for v in pages.values()), 'predictions': predictions},
          open(out, 'w'))
)PY";

std::string DefaultDir() {
  const char* shared = std::getenv("SITREP_SHARED_DIR");
  return std::string(shared && *shared ? shared : "../shared") + "/data/article-extraction-benchmark";
}

const Command kEvalExtract("eval-extract",
                           "Score HTML extraction on the article-extraction benchmark, beside readability-lxml",
                           [](CLI::App& sub) {
  auto dir = std::make_shared<std::string>();
  auto repeat = std::make_shared<int>(3);
  auto no_peer = std::make_shared<bool>(false);
  auto python = std::make_shared<std::string>("/usr/bin/python3");
  sub.add_option("--data", *dir, "article-extraction-benchmark folder (default ../shared/data/...)");
  sub.add_option("--repeat", *repeat, "Timed passes (the fastest counts)");
  sub.add_flag("--no-peer", *no_peer, "Skip the readability-lxml run");
  sub.add_option("--python", *python, "Python with Debian's python3-readability");
  return [=]() -> int {
    std::string data = dir->empty() ? DefaultDir() : *dir;
    auto ours = RunExtractionBenchmark(data, *repeat);
    if (!ours) {
      std::fprintf(stderr, "%s\n", ours.error().ToString().c_str());
      return kExitNoUsableInput;
    }
    std::printf("article-extraction-benchmark: %zu pages, %.1f MB of HTML; speeds per CPU-second "
                "of one thread\n",
                ours->ours.pages, ours->html_bytes / 1e6);
    std::printf("%-28s %7s %7s %7s %9s %10s %8s\n", "system", "F1", "P", "R", "accuracy",
                "pages/s", "MB/s");
    auto row = [](const char* name, const ExtractionScore& s) {
      std::printf("%-28s %7.3f %7.3f %7.3f %9.3f %10.0f %8.1f\n", name, s.f1, s.precision,
                  s.recall, s.accuracy, s.pages_per_s, s.mb_per_s);
    };
    row("sitrep", ours->ours);
    std::printf("%-28s %7s %7s %7s %9s %10.0f %8.1f\n", "myhtml parse only (floor)", "", "", "",
                "", ours->parse_only_pages_per_s, ours->parse_only_mb_per_s);
    if (!*no_peer) {
      auto tmp = std::filesystem::temp_directory_path() /
                 ("sitrep-eval-extract-" + std::to_string(::getpid()));
      std::filesystem::create_directories(tmp);
      std::string script = (tmp / "peer.py").string(), out = (tmp / "peer.json").string();
      std::ofstream(script) << kPeerScript;
      std::string command = "'" + *python + "' '" + script + "' '" + data + "' '" + out + "'";
      int rc = std::system(command.c_str());
      simdjson::dom::parser parser;
      simdjson::dom::element result;
      if (rc != 0 || parser.load(out).get(result)) {
        std::fprintf(stderr, "readability-lxml peer failed (exit %d); is python3-readability "
                     "installed? (apt-get install python3-readability)\n", rc);
      } else {
        std::map<std::string, std::string> predictions;
        simdjson::dom::object preds;
        if (!result["predictions"].get_object().get(preds)) {
          for (auto field : preds) {
            std::string_view text;
            if (!field.value.get_string().get(text)) predictions[std::string(field.key)] = std::string(text);
          }
        }
        auto peer = ScoreExtraction(data, predictions);
        if (peer) {
          double seconds = result["seconds"].get_double().value_unsafe();
          double bytes = static_cast<double>(result["bytes"].get_int64().value_unsafe());
          peer->pages_per_s = seconds > 0 ? peer->pages / seconds : 0;
          peer->mb_per_s = seconds > 0 ? bytes / 1e6 / seconds : 0;
          row("readability-lxml (Debian)", *peer);
          if (peer->pages_per_s > 0) {
            std::printf("speed: sitrep is %.1fx readability-lxml (target >= 15x)\n",
                        ours->ours.pages_per_s / peer->pages_per_s);
          }
        }
      }
      std::filesystem::remove_all(tmp);
    }
    std::printf("published F1 (same benchmark): rs_trafilatura 0.970, go-trafilatura 0.960, "
                "trafilatura 2.0 0.958, newspaper4k 0.949, Readability.js 0.947, readability-lxml "
                "0.922, goose3 0.896, jusText 0.804; target F1 >= 0.96, >= 1300 pages/s\n");
    return kExitOk;
  };
});

}  // namespace
}  // namespace sitrep::cli
