// The extraction target on ../shared/data/article-extraction-benchmark (skips without it).
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "sitrep/web.h"

namespace sitrep {
namespace {

TEST(ExtractionBenchmark, MeetsF1Target) {
  const char* shared = std::getenv("SITREP_SHARED_DIR");
  std::string dir = std::string(shared ? shared : "") + "/data/article-extraction-benchmark";
  if (!shared || !*shared || !std::filesystem::exists(dir + "/ground-truth.json")) {
    GTEST_SKIP() << "SITREP_SHARED_DIR not set or has no article-extraction-benchmark; skipping";
  }
  auto result = RunExtractionBenchmark(dir, 1);
  ASSERT_TRUE(result.has_value()) << result.error().ToString();
  std::printf("extraction: F1 %.4f P %.4f R %.4f accuracy %.4f over %zu pages\n", result->ours.f1,
              result->ours.precision, result->ours.recall, result->ours.accuracy, result->ours.pages);
  if (std::getenv("SITREP_SHOW_WORST")) {
    std::vector<size_t> order(result->ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return result->page_f1[a] < result->page_f1[b]; });
    for (size_t k = 0; k < std::min<size_t>(40, order.size()); ++k)
      std::printf("  %.3f %s\n", result->page_f1[order[k]], result->ids[order[k]].c_str());
  }
  EXPECT_EQ(result->ours.pages, 181u);
  EXPECT_GE(result->ours.f1, 0.96);
}

}  // namespace
}  // namespace sitrep
