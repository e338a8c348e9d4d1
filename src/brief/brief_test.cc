#include "sitrep/brief.h"

#include <gtest/gtest.h>

#include <string>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

IngestResult Example() {
  return Ingest({std::string(SITREP_SOURCE_DIR) + "/examples/beirut-2020"}, IngestOptions{});
}

TEST(BuildBrief, BriefsTheBundledExample) {
  auto brief = BuildBrief(Example(), BriefOptions{});
  ASSERT_TRUE(brief.has_value()) << brief.error().ToString();
  EXPECT_EQ(brief->counts.articles_read, 7u);
  EXPECT_EQ(brief->counts.inputs_seen, 7u);
  EXPECT_EQ(brief->counts.near_duplicates, 1u);
  EXPECT_GT(brief->counts.blocks_dropped, 30u);
  EXPECT_EQ(brief->counts.articles_without_sentences, 0u);
  EXPECT_FALSE(brief->headline.empty());
  ASSERT_FALSE(brief->summary.sentences.empty());
  // The syndicated copy (02) is a duplicate of the wire story (01).
  EXPECT_EQ(brief->dedupe.duplicate_of[1], 0);
  for (const SummarySentence& s : brief->summary.sentences) {
    ASSERT_LT(s.article, brief->articles.size());
    const Article& a = brief->articles[s.article];
    // A summary sentence is one of the article's sentences, from a kept block.
    bool found = false;
    for (const Sentence& sent : a.sentences)
      found |= sent.span.begin == s.span.begin && sent.span.end == s.span.end;
    EXPECT_TRUE(found) << a.View(s.span);
    ASSERT_FALSE(s.citations.empty());
    EXPECT_EQ(s.citations[0].article, s.article);
  }
}

TEST(BuildBrief, RespectsTheWordBudget) {
  BriefOptions options;
  options.summary.max_words = 40;
  auto brief = BuildBrief(Example(), options);
  ASSERT_TRUE(brief.has_value());
  size_t words = 0;
  for (const SummarySentence& s : brief->summary.sentences) {
    std::string_view text = brief->articles[s.article].View(s.span);
    bool in_word = false;
    for (char c : text) {
      bool space = c == ' ' || c == '\n';
      if (!space && !in_word) ++words;
      in_word = !space;
    }
  }
  EXPECT_GT(words, 0u);
  EXPECT_LE(words, 40u + 45u);  // only the last sentence may cross the budget
}

TEST(BuildBrief, FailsWhenNothingIsUsable) {
  IngestResult junk;
  Article a;
  a.text = "Share this\nTweet\nAdvertisement\n";
  a.path = "junk.txt";
  junk.articles.push_back(a);
  auto brief = BuildBrief(std::move(junk), BriefOptions{});
  ASSERT_FALSE(brief.has_value());
  EXPECT_EQ(brief.error().code, ErrorCode::kEmpty);
  auto none = BuildBrief(IngestResult{}, BriefOptions{});
  ASSERT_FALSE(none.has_value());
  EXPECT_NE(none.error().message.find("no usable article"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
