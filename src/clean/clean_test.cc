#include "sitrep/clean.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/ingest.h"
#include "sitrep/text.h"

namespace sitrep {

void PrintTo(BlockRole role, std::ostream* os) { *os << BlockRoleName(role); }

namespace {

Article Make(std::string text) {
  Article a;
  a.text = std::move(text);
  return a;
}

std::vector<std::string> Kept(const Article& a) {
  std::vector<std::string> out;
  for (const Block& b : a.blocks)
    if (b.kept()) out.emplace_back(a.View(b.span));
  return out;
}

const Block* Find(const Article& a, std::string_view needle) {
  for (const Block& b : a.blocks)
    if (a.View(b.span).find(needle) != std::string_view::npos) return &b;
  return nullptr;
}

TEST(Clean, ReadsHeaderAndDropsWidgets) {
  std::vector<Article> v{Make(
      "The Daily Planet\n"
      "Flood waters recede in the river valley after a week of rain\n"
      "Tuesday, March 3, 2020\n"
      "By Lois Lane\n"
      "Share this article\n"
      "\n"
      "Flood waters began to recede on Monday after a week of heavy rain in the valley, officials "
      "said.\n"
      "Rescue teams reached the last cut-off village by boat.\n"
      "Advertisement\n")};
  Clean(v, CleanOptions{});
  const Article& a = v[0];
  EXPECT_EQ(a.outlet, "The Daily Planet");
  EXPECT_EQ(a.title, "Flood waters recede in the river valley after a week of rain");
  EXPECT_EQ(a.author, "Lois Lane");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(*a.date, (CivilDate{2020, 3, 3}));
  EXPECT_EQ(a.date_source, DateSource::kText);
  EXPECT_EQ(Kept(a), (std::vector<std::string>{
                         "Flood waters began to recede on Monday after a week of heavy rain in the "
                         "valley, officials said.",
                         "Rescue teams reached the last cut-off village by boat."}));
  const Block* share = Find(a, "Share this");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->role, BlockRole::kBoilerplate);
  EXPECT_NE(share->reason.find("share this"), std::string::npos);
}

TEST(Clean, DropsReferencesCommentsCaptionsAndStoryLists) {
  std::vector<Article> v{Make(
      "Storm hits the coast\n"
      "The storm made landfall near the port city late on Sunday, cutting power to thousands.\n"
      "Photo: Waves break over the sea wall. (Coast Times/A. Reporter)\n"
      "Related stories\n"
      "Power cuts leave the city in the dark\n"
      "Officials said schools would stay closed for the rest of the week while crews clear roads.\n"
      "References\n"
      "1. Annual storm report, 2019, 4,000 pages.\n"
      "Comments\n"
      "Jo says:\n"
      "Terrible news, 500 people must have died.\n")};
  Clean(v, CleanOptions{});
  const Article& a = v[0];
  EXPECT_EQ(Kept(a).size(), 2u);
  EXPECT_EQ(Find(a, "Waves break")->role, BlockRole::kCaption);
  EXPECT_EQ(Find(a, "Power cuts")->role, BlockRole::kBoilerplate);
  EXPECT_EQ(Find(a, "Officials said")->role, BlockRole::kBody);
  EXPECT_EQ(Find(a, "Annual storm report")->role, BlockRole::kReferences);
  EXPECT_EQ(Find(a, "500 people")->role, BlockRole::kComments);
}

TEST(Clean, DropsRepeatedBlocksAndCrossArticleFurniture) {
  std::vector<Article> v{
      Make("Quake shakes the island\nThe quake struck before dawn, residents said.\n"
           "Weather and traffic for your area\nQuake shakes the island\n"),
      Make("Aid flights land\nThe first aid flights landed on Thursday, the airport said.\n"
           "Weather and traffic for your area\n")};
  Clean(v, CleanOptions{});
  EXPECT_EQ(Find(v[0], "Weather and traffic")->role, BlockRole::kBoilerplate);
  EXPECT_NE(Find(v[0], "Weather and traffic")->reason.find("repeated in other articles"),
            std::string::npos);
  EXPECT_EQ(v[0].blocks.back().role, BlockRole::kDuplicate);
}

TEST(Clean, KeepsAWholeArticleOnOneLine) {
  // Some corpora store an article as one line, site banner included.
  std::string line = "Home | World | You have selected the international edition";
  for (int i = 0; i < 8; ++i) line += " . The river rose again overnight and the army moved families to higher ground";
  std::vector<Article> v{Make(line)};
  Clean(v, CleanOptions{});
  ASSERT_EQ(v[0].blocks.size(), 1u);
  EXPECT_TRUE(v[0].blocks[0].kept()) << v[0].blocks[0].reason;
}

TEST(Clean, KeepsHardWrappedParagraphsWhole) {
  std::vector<Article> v{Make(
      "The river rose by more than two meters overnight and broke through the\n"
      "embankment north of the town, flooding hundreds of homes and the main\n"
      "road to the capital, the regional government said on Monday.\n")};
  Clean(v, CleanOptions{});
  ASSERT_EQ(v[0].blocks.size(), 1u);
  EXPECT_TRUE(v[0].blocks[0].kept());
}

TEST(Clean, BundledExampleKeepsNoJunk) {
  namespace fs = std::filesystem;
  IngestResult in = Ingest({std::string(SITREP_SOURCE_DIR) + "/examples/beirut-2020"}, {});
  ASSERT_EQ(in.articles.size(), 7u);
  Clean(in.articles, CleanOptions{});
  const char* junk[] = {"Share", "Tweet", "Related stories", "Advertisement", "newsletter",
                        "Most read", "says:", "Reply", "Photo:", "Caption:", "References",
                        "Port of Beirut annual report", "Image credit", "Tags:", "Follow us",
                        "Leave a comment", "All rights reserved", "min read", "Home |",
                        "Sponsored", "Click here"};
  for (Article& a : in.articles) {
    SegmentArticle(a);
    EXPECT_TRUE(a.date.has_value()) << a.path;
    EXPECT_FALSE(a.title.empty()) << a.path;
    for (const Sentence& s : a.sentences) {
      for (const char* j : junk) {
        EXPECT_EQ(a.View(s.span).find(j), std::string_view::npos)
            << a.path << ": kept junk '" << j << "' in: " << a.View(s.span);
      }
    }
  }
  // Publication dates as each site prints them.
  EXPECT_EQ(*in.articles[0].date, (CivilDate{2020, 8, 5}));
  EXPECT_EQ(*in.articles[1].date, (CivilDate{2020, 8, 5}));
  EXPECT_EQ(*in.articles[2].date, (CivilDate{2020, 8, 6}));
  EXPECT_EQ(*in.articles[3].date, (CivilDate{2020, 8, 11}));
  EXPECT_EQ(*in.articles[4].date, (CivilDate{2020, 8, 7}));
  EXPECT_EQ(*in.articles[5].date, (CivilDate{2023, 6, 9}));
  EXPECT_EQ(*in.articles[6].date, (CivilDate{2020, 8, 7}));
  EXPECT_EQ(in.articles[0].outlet, "Harbour Wire");
  EXPECT_EQ(in.articles[0].author, "Nadia Karam");
}

}  // namespace
}  // namespace sitrep
