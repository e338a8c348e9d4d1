#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/text.h"

namespace sitrep {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(SplitSentences, KeepsAbbreviationsTitlesAndInitialsIntact) {
  EXPECT_EQ(Split("Gov. Jay Inslee spoke on Sept. 12 at 9 a.m. local time. Brig. Gen. Ann Lee "
                  "agreed."),
            (std::vector<std::string>{"Gov. Jay Inslee spoke on Sept. 12 at 9 a.m. local time.",
                                      "Brig. Gen. Ann Lee agreed."}));
  EXPECT_EQ(Split("George W. Bush met J. K. Rowling. They talked."),
            (std::vector<std::string>{"George W. Bush met J. K. Rowling.", "They talked."}));
  EXPECT_EQ(Split("The U.S. Army said No. 2 was hit. It rained 3.5 inches."),
            (std::vector<std::string>{"The U.S. Army said No. 2 was hit.", "It rained 3.5 inches."}));
}

TEST(SplitSentences, SplitsAfterAbbreviationBeforeFunctionWord) {
  EXPECT_EQ(Split("Troops returned to the U.S. The war was over."),
            (std::vector<std::string>{"Troops returned to the U.S.", "The war was over."}));
  EXPECT_EQ(Split("It ended at 5 p.m. He left."),
            (std::vector<std::string>{"It ended at 5 p.m.", "He left."}));
}

TEST(SplitSentences, HandlesQuotesQuestionsAndEllipses) {
  EXPECT_EQ(Split("\"We will rebuild.\" The mayor left. \"Why now?\" he asked. Yahoo! shares fell."),
            (std::vector<std::string>{"\"We will rebuild.\"", "The mayor left.",
                                      "\"Why now?\" he asked.", "Yahoo! shares fell."}));
  EXPECT_EQ(Split("Wait... what? No."), (std::vector<std::string>{"Wait... what?", "No."}));
}

TEST(SplitSentences, SpansAreExactAndTrimmed) {
  std::string text = "  First one.   Second one.  ";
  auto spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].size()), "First one.");
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].size()), "Second one.");
  EXPECT_TRUE(SplitSentences("   ").empty());
}

TEST(SegmentArticle, OnlyKeptBlocksGiveSentences) {
  Article a;
  a.text = "Share this story\nThe quake struck at dawn. Rescuers arrived.";
  a.blocks.push_back(Block{Span{0, 16}, BlockRole::kBoilerplate, 0, "widget"});
  a.blocks.push_back(Block{Span{17, static_cast<uint32_t>(a.text.size())}, BlockRole::kBody, 1, ""});
  SegmentArticle(a);
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.View(a.sentences[0].span), "The quake struck at dawn.");
  EXPECT_EQ(a.sentences[1].block, 1u);
}

}  // namespace
}  // namespace sitrep
