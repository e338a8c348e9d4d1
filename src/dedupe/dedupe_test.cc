#include <cstdlib>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "dedupe/minhash.h"
#include "dedupe/perturb.h"
#include "sitrep/dedupe.h"

namespace sitrep {
namespace {

// Our own test text: a short wire story about a fictional flood.
const char kStory[] =
    "Heavy rain pushed the river over its banks on Tuesday, flooding the lower town and forcing "
    "about two hundred families from their homes.\n"
    "The mayor said emergency shelters had opened in the school and the sports hall, and that "
    "buses would carry residents who had no car.\n"
    "Forecasters expect the water to fall slowly over the next three days, though more rain is "
    "possible on Friday.\n"
    "Farmers upstream reported lost crops and drowned livestock, and the regional government "
    "promised an aid package next week.";

const char kOtherStory[] =
    "The regional government on Wednesday announced an aid package for farmers whose fields "
    "were flooded, worth several million over two years.\n"
    "Officials said the money would cover lost harvests and the repair of drainage channels, "
    "and that claims could be filed from next month.\n"
    "Opposition members called the sum too small and asked why the flood defences built a "
    "decade ago had failed.";

Article MakeArticle(uint32_t index, std::string text) {
  Article a;
  a.index = index;
  a.text = std::move(text);
  return a;
}

TEST(Sign, IdenticalTextsGiveIdenticalSignatures) {
  DedupeOptions options;
  auto a = Sign(kStory, options);
  ASSERT_EQ(a.size(), options.num_hashes);
  EXPECT_EQ(a, Sign(kStory, options));
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, Sign(kStory, options)), 1.0);
}

TEST(Sign, IgnoresCaseAndPunctuation) {
  DedupeOptions options;
  EXPECT_EQ(Sign("The River, rose; FAST today!", options), Sign("the river rose fast today", options));
}

TEST(Sign, EstimateTracksExactJaccard) {
  DedupeOptions options;
  options.num_hashes = 256;
  options.bands = 64;
  std::string edited = kStory;
  edited.replace(edited.find("two hundred"), 11, "three hundred");
  edited.replace(edited.find("Friday"), 6, "Saturday");
  double exact = dedupe_internal::SetJaccard(dedupe_internal::ShingleSet(kStory, 5),
                                             dedupe_internal::ShingleSet(edited, 5));
  double estimate = EstimateJaccard(Sign(kStory, options), Sign(edited, options));
  EXPECT_GT(exact, 0.7);
  EXPECT_LT(exact, 1.0);
  EXPECT_NEAR(estimate, exact, 0.1);
  EXPECT_LT(EstimateJaccard(Sign(kStory, options), Sign(kOtherStory, options)), 0.1);
}

TEST(Sign, ShortAndEmptyTexts) {
  DedupeOptions options;
  std::vector<uint64_t> hashes;
  dedupe_internal::ShingleHashes("two words", 5, hashes);
  EXPECT_EQ(hashes.size(), 1u);
  dedupe_internal::ShingleHashes(" ,.; ", 5, hashes);
  EXPECT_TRUE(hashes.empty());
  EXPECT_DOUBLE_EQ(EstimateJaccard({}, {}), 0.0);
  EXPECT_DOUBLE_EQ(EstimateJaccard(Sign("a", options), MinHashSignature(3, 0)), 0.0);
}

TEST(Dedupe, GroupsCopiesAndKeepsLongestThenEarliest) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0, kOtherStory));
  articles.push_back(MakeArticle(1, kStory));
  std::string longer = std::string(kStory) + "\nA reporter contributed.";
  articles.push_back(MakeArticle(2, longer));
  articles.push_back(MakeArticle(3, kStory));
  articles[3].date = CivilDate{2020, 1, 1};
  DedupeResult result = Dedupe(articles, DedupeOptions{});
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].kept, 2u);  // the longest body
  EXPECT_EQ(result.groups[0].copies, (std::vector<uint32_t>{1, 3}));
  ASSERT_EQ(result.groups[0].similarity.size(), 2u);
  EXPECT_GT(result.groups[0].similarity[0], 0.8);
  EXPECT_EQ(result.duplicate_of, (std::vector<int32_t>{-1, 2, -1, 2}));

  // Equal length: the dated copy wins over the undated one.
  articles.pop_back();
  articles.push_back(MakeArticle(3, kStory));
  articles[3].date = CivilDate{2020, 1, 1};
  articles.erase(articles.begin() + 2);
  articles[2].index = 2;
  result = Dedupe(articles, DedupeOptions{});
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_EQ(result.groups[0].kept, 2u);
}

TEST(Dedupe, UsesKeptBlocksOnly) {
  std::vector<Article> articles;
  // Same body, very different boilerplate: the blocks decide.
  for (int i = 0; i < 2; ++i) {
    std::string noise = i == 0 ? "Menu Home Sports Weather Subscribe now and save thirty percent today\n"
                               : "Cookie notice: we use cookies to improve this site, accept or decline\n";
    Article a = MakeArticle(i, noise + kStory);
    Block boiler;
    boiler.span = {0, static_cast<uint32_t>(noise.size())};
    boiler.role = BlockRole::kBoilerplate;
    Block body;
    body.span = {static_cast<uint32_t>(noise.size()), static_cast<uint32_t>(a.text.size())};
    a.blocks = {boiler, body};
    articles.push_back(std::move(a));
  }
  EXPECT_EQ(BodyText(articles[0]), kStory);
  DedupeResult result = Dedupe(articles, DedupeOptions{});
  ASSERT_EQ(result.groups.size(), 1u);
  EXPECT_DOUBLE_EQ(result.groups[0].similarity[0], 1.0);
}

TEST(Dedupe, EmptyArticlesAreNeverDuplicates) {
  std::vector<Article> articles = {MakeArticle(0, ""), MakeArticle(1, "  "), MakeArticle(2, "")};
  DedupeResult result = Dedupe(articles, DedupeOptions{});
  EXPECT_TRUE(result.groups.empty());
  EXPECT_EQ(result.duplicate_of, (std::vector<int32_t>{-1, -1, -1}));
  EXPECT_TRUE(Dedupe({}, DedupeOptions{}).groups.empty());
}

TEST(Dedupe, BadOptionsDoNotCrash) {
  DedupeOptions options;
  options.bands = 0;
  options.num_hashes = 0;
  options.shingle_words = 0;
  std::vector<Article> articles = {MakeArticle(0, kStory), MakeArticle(1, kStory)};
  DedupeResult result = Dedupe(articles, options);
  EXPECT_EQ(result.groups.size(), 1u);
}

// The target on the perturbed set built from ../shared (DUC 2006 clusters).
TEST(DedupeEval, PerturbedDucSetMeetsTargets) {
  const char* shared = std::getenv("SITREP_SHARED_DIR");
  std::string path = std::string(shared ? shared : "") + "/data/duc2006/duc2006.jsonl";
  if (!shared || !*shared || !std::filesystem::exists(path)) {
    GTEST_SKIP() << "SITREP_SHARED_DIR not set or has no data/duc2006/duc2006.jsonl; skipping";
  }
  auto set = dedupe_internal::BuildPerturbedSet(path, 1250, 7);
  ASSERT_TRUE(set.has_value()) << set.error().ToString();
  ASSERT_GT(set->articles.size(), 2000u);
  DedupeOptions options;
  DedupeResult result = Dedupe(set->articles, options);
  auto score = dedupe_internal::ScoreDedupe(*set, result, options);
  std::printf("dedupe eval: %zu articles, %llu positives, precision %.4f recall %.4f\n",
              set->articles.size(), static_cast<unsigned long long>(score.positives),
              score.precision, score.recall);
  EXPECT_GT(score.positives, 1000u);
  EXPECT_GE(score.precision, 0.99);
  EXPECT_GE(score.recall, 0.95);
}

}  // namespace
}  // namespace sitrep
