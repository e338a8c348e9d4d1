// The eval runner on a tiny cluster file written here (two invented events, two references).
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include <gtest/gtest.h>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const char* kEvents[] = {
    R"({"id": "E1", "date": "2024-05-08", "documents": [)"
    R"({"id": "e1a", "title": "Dam fails", "date": "2024-05-07", "url": null, "text": "The Millbrook dam on the Clear River failed early Tuesday after three days of heavy rain.\nState officials evacuated 1,200 residents of Riverton before the water reached the town center.\nThe county fair will open next week with a new livestock barn and a music stage."},)"
    R"({"id": "e1b", "title": "Flood in Riverton", "date": "2024-05-08", "url": null, "text": "Floodwater from the failed Millbrook dam covered the lower town of Riverton on Tuesday.\nThe governor declared a state of emergency and sent the National Guard to Riverton."}],)"
    R"( "summaries": ["The Millbrook dam failed after heavy rain and flooded Riverton. State officials evacuated 1,200 residents.", "After three days of heavy rain the Millbrook dam failed; the governor declared a state of emergency."]})",
    R"(this line is not JSON)",
    R"({"id": "E2", "date": "2024-06-01", "documents": [)"
    R"({"id": "e2a", "title": "Bridge opens", "date": "2024-06-01", "url": null, "text": "The new bridge over the Clear River opened to traffic on Saturday after two years of work.\nThe bridge cost 40 million dollars and carries four lanes of traffic."}],)"
    R"( "summaries": ["A new four-lane bridge over the Clear River opened on Saturday after two years of work."]})",
};

fs::path WriteData() {
  const fs::path dir = fs::temp_directory_path() / ("sitrep_eval_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream out(dir / "events.jsonl");
  for (const char* line : kEvents) out << line << "\n";
  return dir;
}

const RougeAverage* Metric(const EvalSystemResult& s, const std::string& name) {
  for (const auto& m : s.metrics) {
    if (m.metric == name) return &m;
  }
  return nullptr;
}

TEST(RunEval, ScoresEverySystemAndReportsBadLines) {
  const fs::path dir = WriteData();
  EvalOptions o;
  o.data_path = (dir / "events.jsonl").string();
  o.max_words = 30;
  o.methods = {"default", "lead", "oracle", "ots"};
  o.ots_program = "/nonexistent/ots";
  o.out_dir = (dir / "out").string();
  o.rouge.bootstrap_samples = 50;
  auto report = RunEval(o);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->events, 2u);
  ASSERT_EQ(report->systems.size(), 3u);  // ots is missing: reported, not fatal
  bool malformed = false, ots_missing = false;
  for (const Error& e : report->problems) {
    malformed |= e.code == ErrorCode::kMalformed && e.record == 2;
    ots_missing |= e.code == ErrorCode::kNotFound;
  }
  EXPECT_TRUE(malformed);
  EXPECT_TRUE(ots_missing);
  const RougeAverage* oracle = Metric(report->systems[2], "ROUGE-2");
  const RougeAverage* lead = Metric(report->systems[1], "ROUGE-2");
  ASSERT_NE(oracle, nullptr);
  ASSERT_NE(lead, nullptr);
  EXPECT_GT(oracle->mean.recall, 0.2);
  EXPECT_GE(oracle->mean.recall, lead->mean.recall);
  EXPECT_GE(report->systems[0].ms_per_event, 0);
  EXPECT_TRUE(fs::exists(dir / "out" / "lead" / "E2.txt"));
  EXPECT_NE(FormatEvalTable(*report).find("oracle"), std::string::npos);
  EXPECT_NE(FormatEvalJson(*report).find("\"sitrep.eval/1\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(RunEval, MissingFileAndUnknownMethodAreErrors) {
  EvalOptions o;
  o.data_path = "/nonexistent/events.jsonl";
  auto missing = RunEval(o);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);

  const fs::path dir = WriteData();
  o.data_path = (dir / "events.jsonl").string();
  o.methods = {"magic"};
  auto unknown = RunEval(o);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidArgument);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
