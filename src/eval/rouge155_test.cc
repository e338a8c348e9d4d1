// sitrep's ROUGE against the numbers the original ROUGE-1.5.5 Perl script printed for two sets
// of 50 DUC 2006 summaries (../shared/data/duc2006/rouge155-vectors, NIST's settings plus -l 250).
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

fs::path SharedDir() {
  const char* env = std::getenv("SITREP_SHARED_DIR");
  return env && *env ? fs::path(env) : fs::path();
}

std::vector<std::string> ReadLines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// event id -> its reference summaries, from duc2006.jsonl.
std::map<std::string, std::vector<RougeText>> References(const fs::path& jsonl) {
  std::map<std::string, std::vector<RougeText>> refs;
  simdjson::ondemand::parser parser;
  for (const std::string& line : ReadLines(jsonl)) {
    if (line.empty()) continue;
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc = parser.iterate(padded);
    std::string_view id_view = doc["id"].get_string();
    const std::string id(id_view);
    for (auto summary : doc["summaries"].get_array()) {
      std::string_view text = summary.get_string();
      refs[id].push_back({std::string(text)});
    }
  }
  return refs;
}

struct Expected {
  std::string metric, event;
  double recall, precision, f;
};

std::vector<Expected> ReadScores(const fs::path& tsv) {
  std::vector<Expected> rows;
  bool header = true;
  for (const std::string& line : ReadLines(tsv)) {
    if (header) {
      header = false;
      continue;
    }
    std::istringstream in(line);
    Expected e;
    in >> e.metric >> e.event >> e.recall >> e.precision >> e.f;
    if (in) rows.push_back(e);
  }
  return rows;
}

// -n 4 -w 1.2 -m -2 4 -u -f A -p 0.5 -t 0 -l 250. The vectors were made with one run over all
// four references (-f A), so they match without the jackknife to the last printed digit; NIST's
// jackknifed figures differ from them by rounding only (checked by the second pass).
RougeOptions VectorOptions(bool jackknife) {
  RougeOptions o;
  o.max_words = 250;
  o.jackknife = jackknife;
  return o;
}

void CheckSystem(const std::string& system, bool jackknife) {
  const fs::path shared = SharedDir();
  const fs::path dir = shared / "data/duc2006/rouge155-vectors";
  if (shared.empty() || !fs::exists(dir)) {
    GTEST_SKIP() << "SITREP_SHARED_DIR/data/duc2006/rouge155-vectors not found; skipping the "
                    "ROUGE-1.5.5 comparison";
  }
  const auto refs = References(shared / "data/duc2006/duc2006.jsonl");
  const auto expected = ReadScores(dir / (system + ".scores.tsv"));
  ASSERT_EQ(expected.size(), 350u);
  std::map<std::string, std::vector<RougeMetricScore>> computed;
  int checked = 0;
  double worst = 0;
  for (const Expected& e : expected) {
    auto it = computed.find(e.event);
    if (it == computed.end()) {
      const RougeText peer = ReadLines(dir / system / (e.event + ".txt"));
      ASSERT_TRUE(refs.count(e.event)) << e.event;
      it = computed.emplace(e.event, ScoreRouge(peer, refs.at(e.event), VectorOptions(jackknife))).first;
    }
    const RougeMetricScore* got = nullptr;
    for (const auto& m : it->second) {
      if (m.metric == e.metric) got = &m;
    }
    ASSERT_NE(got, nullptr) << e.metric;
    EXPECT_NEAR(got->score.recall, e.recall, 0.0005) << system << " " << e.event << " " << e.metric;
    EXPECT_NEAR(got->score.precision, e.precision, 0.0005)
        << system << " " << e.event << " " << e.metric;
    EXPECT_NEAR(got->score.f, e.f, 0.0005) << system << " " << e.event << " " << e.metric;
    worst = std::max({worst, std::abs(got->score.recall - e.recall),
                      std::abs(got->score.precision - e.precision), std::abs(got->score.f - e.f)});
    ++checked;
  }
  EXPECT_EQ(checked, 350);
  // Without the jackknife the computation is the script's own: every printed digit agrees.
  if (!jackknife) {
    EXPECT_LT(worst, 0.000006);
  }
  std::printf("%s%s: %d scores checked, largest difference %.6f\n", system.c_str(),
              jackknife ? " (jackknifed)" : "", checked, worst);
}

TEST(Rouge155Vectors, Lead) { CheckSystem("lead", false); }
TEST(Rouge155Vectors, Firsts) { CheckSystem("firsts", false); }
TEST(Rouge155Vectors, LeadJackknifed) { CheckSystem("lead", true); }
TEST(Rouge155Vectors, FirstsJackknifed) { CheckSystem("firsts", true); }

}  // namespace
}  // namespace sitrep
