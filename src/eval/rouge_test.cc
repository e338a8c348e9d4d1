// ROUGE on small texts whose scores were worked out by hand (see the comment on each test).
#include <gtest/gtest.h>

#include "sitrep/eval.h"

namespace sitrep {
namespace {

RougeOptions Plain() {
  RougeOptions o;
  o.stem = false;
  o.jackknife = false;
  o.wlcs_weight = 0;
  o.max_ngram = 2;
  return o;
}

const RougeScore& Get(const std::vector<RougeMetricScore>& scores, const std::string& metric) {
  for (const auto& s : scores) {
    if (s.metric == metric) return s.score;
  }
  static RougeScore none{-1, -1, -1};
  return none;
}

TEST(RougeTokens, LowerCasesAndSplitsOnNonAlphanumerics) {
  RougeOptions o = Plain();
  // "U.S.-led" -> u s led; "don't" -> don t; UTF-8 bytes are not letters to ROUGE.
  EXPECT_EQ(RougeTokens({"The U.S.-led talks don't end.", "Café 42"}, o),
            (std::vector<std::string>{"the", "u", "s", "led", "talks", "don", "t", "end", "caf",
                                      "42"}));
}

TEST(RougeTokens, WordCutCountsWhitespaceWordsBeforePunctuationIsRemoved) {
  RougeOptions o = Plain();
  o.max_words = 3;
  // "PARIS _ Police" is three words to the cut although "_" gives no token.
  EXPECT_EQ(RougeTokens({"PARIS _ Police said on Monday"}, o),
            (std::vector<std::string>{"paris", "police"}));
  o.max_words = 4;
  EXPECT_EQ(RougeTokens({"one two", "three four five"}, o),
            (std::vector<std::string>{"one", "two", "three", "four"}));
}

TEST(RougeTokens, ByteCut) {
  RougeOptions o = Plain();
  o.max_bytes = 7;
  EXPECT_EQ(RougeTokens({"abc de", "fghij"}, o), (std::vector<std::string>{"abc", "de", "f"}));
}

TEST(RougeStem, FollowsRouge155) {
  EXPECT_EQ(RougeStem("running", false), "run");
  EXPECT_EQ(RougeStem("ponies", false), "poni");
  EXPECT_EQ(RougeStem("relational", false), "relat");
  EXPECT_EQ(RougeStem("hopeful", false), "hope");
  // Lin's step 4: "-ement" first, then "-ment", then "-ent" on what is left.
  EXPECT_EQ(RougeStem("agreement", false), "agreem");
  EXPECT_EQ(RougeStem("yelling", false), "yell");  // initial y is a consonant
  // WordNet exceptions come first, adjectives over adverbs ("better" -> "good").
  EXPECT_EQ(RougeStem("children", true), "child");
  EXPECT_EQ(RougeStem("better", true), "good");
  EXPECT_EQ(RougeStem("were", true), "be");
  EXPECT_EQ(RougeStem("were", false), "were");
}

TEST(Rouge, NGramRecallPrecisionF) {
  // Peer: "the cat sat on the mat" (6 unigrams, 5 bigrams).
  // Model: "the cat lay on the mat today" (7 unigrams, 6 bigrams).
  // Unigram hits: the 2, cat, on, mat = 5 -> R 5/7 = 0.71429, P 5/6 = 0.83333,
  // F = PR / (0.5 P + 0.5 R) = 0.76923.
  // Bigram hits: "the cat", "on the", "the mat" = 3 -> R 3/6 = 0.5, P 3/5 = 0.6, F 0.54545.
  std::vector<RougeText> models = {{"the cat lay on the mat today"}};
  auto s = ScoreRouge({"the cat sat on the mat"}, models, Plain());
  EXPECT_NEAR(Get(s, "ROUGE-1").recall, 0.71429, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-1").precision, 0.83333, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-1").f, 0.76923, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-2").recall, 0.5, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-2").precision, 0.6, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-2").f, 0.54545, 1e-9);
}

TEST(Rouge, ClipsRepeatedGrams) {
  // "the the the" against "the cat": one "the" in the model, so 1 hit; R 1/2, P 1/3.
  std::vector<RougeText> models = {{"the cat"}};
  auto s = ScoreRouge({"the the the"}, models, Plain());
  EXPECT_NEAR(Get(s, "ROUGE-1").recall, 0.5, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-1").precision, 0.33333, 1e-9);
}

TEST(Rouge, ModelAverageAndJackknife) {
  // Peer "a b"; model 1 "a b" (2 hits of 2), model 2 "c d e f" (0 of 4).
  // -f A: R = (2 + 0) / (2 + 4) = 0.33333; P = 2 / (2 + 2) = 0.5.
  // Jackknife over 2 models: subsets {m2} -> R 0, P 0 and {m1} -> R 1, P 1; mean 0.5 / 0.5.
  std::vector<RougeText> models = {{"a b"}, {"c d e f"}};
  RougeOptions o = Plain();
  auto s = ScoreRouge({"a b"}, models, o);
  EXPECT_NEAR(Get(s, "ROUGE-1").recall, 0.33333, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-1").precision, 0.5, 1e-9);
  o.jackknife = true;
  s = ScoreRouge({"a b"}, models, o);
  EXPECT_NEAR(Get(s, "ROUGE-1").recall, 0.5, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-1").precision, 0.5, 1e-9);
}

TEST(Rouge, SkipBigramsWithUnigrams) {
  // Tokens a b c (peer) and a c b (model), gap 4, with unigrams but (as in ROUGE-1.5.5) not the
  // last token's: peer grams {a, b, ab, ac, bc} = 5; model {a, c, ac, ab, cb} = 5.
  // Common: a, ab, ac = 3 -> R = P = F = 0.6.
  std::vector<RougeText> models = {{"a c b"}};
  auto s = ScoreRouge({"a b c"}, models, Plain());
  EXPECT_NEAR(Get(s, "ROUGE-SU4").recall, 0.6, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-SU4").precision, 0.6, 1e-9);
  RougeOptions o = Plain();
  o.skip_distance = 0;  // only adjacent pairs: peer {a,b,ab,bc}, model {a,c,ac,cb}: hit a
  s = ScoreRouge({"a b c"}, models, o);
  EXPECT_NEAR(Get(s, "ROUGE-SU0").recall, 0.25, 1e-9);
}

TEST(Rouge, LcsUnionOverPeerSentences) {
  // Model unit "w1 w2 w3 w4"; peer units "w1 w2" and "w4 w3". Union LCS marks w1, w2 (first
  // unit) and one of w3/w4 (second unit): 3 of 4 -> R 0.75; peer has 4 tokens -> P 0.75.
  std::vector<RougeText> models = {{"w1 w2 w3 w4"}};
  auto s = ScoreRouge({"w1 w2", "w4 w3"}, models, Plain());
  EXPECT_NEAR(Get(s, "ROUGE-L").recall, 0.75, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-L").precision, 0.75, 1e-9);
}

TEST(Rouge, WeightedLcs) {
  // Model "a b c d", peer "a b x d", weight 2: hits are the runs "a b" (2^2 = 4) and "d" (1),
  // total 5; model length weighted twice: (4^2)^2 = 256; R = (5/256)^(1/2) = 0.13975.
  // Peer length 4 -> 4^2 = 16; P = (5/16)^(1/2) = 0.55902.
  RougeOptions o = Plain();
  o.wlcs_weight = 2;
  std::vector<RougeText> models = {{"a b c d"}};
  auto s = ScoreRouge({"a b x d"}, models, o);
  EXPECT_NEAR(Get(s, "ROUGE-W-2").recall, 0.13975, 1e-9);
  EXPECT_NEAR(Get(s, "ROUGE-W-2").precision, 0.55902, 1e-9);
}

TEST(Rouge, EmptyPeerAndNoModels) {
  std::vector<RougeText> models = {{"some words here"}};
  auto s = ScoreRouge({}, models, Plain());
  EXPECT_EQ(Get(s, "ROUGE-1").recall, 0);
  EXPECT_EQ(Get(s, "ROUGE-1").f, 0);
  auto none = ScoreRouge({"a b"}, {}, Plain());
  EXPECT_EQ(Get(none, "ROUGE-2").recall, 0);
}

TEST(RougeAverage, MeanAndIntervalContainIt) {
  std::vector<std::vector<RougeMetricScore>> events;
  for (double r : {0.1, 0.2, 0.3, 0.4}) events.push_back({{"ROUGE-2", {r, r, r}}});
  RougeOptions o;
  auto avg = AverageRouge(events, o);
  ASSERT_EQ(avg.size(), 1u);
  EXPECT_NEAR(avg[0].mean.recall, 0.25, 1e-12);
  EXPECT_LE(avg[0].low.recall, 0.25);
  EXPECT_GE(avg[0].high.recall, 0.25);
  EXPECT_GE(avg[0].low.recall, 0.1);
  EXPECT_LE(avg[0].high.recall, 0.4);
  EXPECT_EQ(avg[0].events, 4u);
}

}  // namespace
}  // namespace sitrep
