// Summarize on a small invented event: a dam failure reported by five outlets, one of them a
// syndicated copy of another, one mostly about something else.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/summarize.h"
#include "sitrep/text.h"
#include "summarize/event_model.h"

namespace sitrep {
namespace {

Article MakeArticle(uint32_t index, std::string text, CivilDate date) {
  Article a;
  a.index = index;
  a.id = "a" + std::to_string(index);
  a.text = std::move(text);
  a.date = date;
  Block b;
  b.span = {0, static_cast<uint32_t>(a.text.size())};
  a.blocks.push_back(b);
  uint32_t k = 0;
  for (Span s : SplitSentences(a.text)) {
    Sentence sentence;
    sentence.span = s;
    sentence.index_in_article = k++;
    a.sentences.push_back(sentence);
  }
  return a;
}

const char* kWire =
    "RIVERTON, Ore. _ The Millbrook dam on the Clear River failed early Tuesday after three days "
    "of heavy rain, flooding the lower town of Riverton. "
    "State officials said 1,200 residents were evacuated from Riverton before the water reached "
    "the town center. "
    "He said the dam had been inspected last spring. "
    "Engineers from the state water board will examine the Millbrook dam once the Clear River "
    "falls. "
    "Would the town have been spared with a newer dam?";

std::vector<Article> Event() {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0, kWire, {2024, 5, 7}));
  articles.push_back(MakeArticle(1, kWire, {2024, 5, 7}));  // the same wire story, republished
  articles.push_back(MakeArticle(
      1 + 1,
      "The Millbrook dam on the Clear River failed on Tuesday and flooded the lower town of "
      "Riverton. "
      "About 1,200 residents were evacuated from Riverton, state officials said. "
      "No deaths were reported, but two people were treated for hypothermia at the county "
      "hospital. "
      "The governor declared a state of emergency for the county on Tuesday evening.",
      {2024, 5, 7}));
  articles.push_back(MakeArticle(
      3,
      "The governor declared a state of emergency after the Millbrook dam failed and flooded "
      "Riverton. "
      "Repairs to the Millbrook dam could take a year, the state water board said on Wednesday. "
      "Residents of Riverton were allowed back into the upper town on Wednesday afternoon.",
      {2024, 5, 8}));
  articles.push_back(MakeArticle(
      4,
      "The county fair opens next week with a new livestock barn and a larger parking lot. "
      "Organizers expect more visitors than last year because of the new barn and the music "
      "stage.",
      {2024, 5, 6}));
  return articles;
}

DedupeResult Copies() {
  DedupeResult d;
  d.duplicate_of = {-1, 0, -1, -1, -1};
  DuplicateGroup g;
  g.kept = 0;
  g.copies = {1};
  g.similarity = {1.0};
  d.groups.push_back(g);
  return d;
}

// The sentence model of articles none of which is a copy.
summarize::EventModel ModelOf(const std::vector<Article>& articles) {
  DedupeResult none;
  none.duplicate_of.assign(articles.size(), -1);
  return summarize::BuildEventModel(articles, none);
}

std::string Shown(const std::vector<Article>& articles, const SummarySentence& s) {
  return std::string(articles[s.article].View(s.span));
}

TEST(Summarize, EverySentenceIsASpanOfItsArticleSentence) {
  const auto articles = Event();
  for (const std::string& method : SummaryMethods()) {
    SummaryOptions o;
    o.method = method;
    o.max_words = 60;
    auto summary = Summarize(articles, Copies(), o);
    ASSERT_TRUE(summary.has_value()) << method;
    EXPECT_EQ(summary->method, method);
    EXPECT_FALSE(summary->sentences.empty()) << method;
    for (const SummarySentence& s : summary->sentences) {
      ASSERT_LT(s.article, articles.size());
      const Article& a = articles[s.article];
      bool inside = false;
      for (const Sentence& sentence : a.sentences) {
        inside |= s.span.begin >= sentence.span.begin && s.span.end == sentence.span.end;
      }
      EXPECT_TRUE(inside) << method << ": " << Shown(articles, s);
      ASSERT_FALSE(s.citations.empty());
      EXPECT_EQ(s.citations[0].article, s.article);
    }
  }
}

TEST(Summarize, RespectsTheWordBudget) {
  const auto articles = Event();
  SummaryOptions o;
  o.max_words = 40;
  auto summary = Summarize(articles, Copies(), o);
  ASSERT_TRUE(summary.has_value());
  uint32_t words = 0;
  for (const auto& s : summary->sentences) words += summarize::CountWords(Shown(articles, s));
  EXPECT_LE(words, 40u);
  EXPECT_GT(words, 0u);
}

TEST(Summarize, SyndicatedCopyIsSupportNotASecondPick) {
  const auto articles = Event();
  SummaryOptions o;
  o.max_words = 200;
  o.standalone_only = false;
  auto summary = Summarize(articles, Copies(), o);
  ASSERT_TRUE(summary.has_value());
  bool cited_copy = false;
  for (const auto& s : summary->sentences) {
    EXPECT_NE(s.article, 1u) << "the copy itself was picked: " << Shown(articles, s);
    if (s.article == 0) {
      for (const Citation& c : s.citations) {
        if (c.article == 1) {
          cited_copy = true;
          EXPECT_DOUBLE_EQ(c.similarity, 1.0);
          EXPECT_EQ(articles[1].View(c.span), articles[0].View(s.citations[0].span));
        }
      }
    }
  }
  EXPECT_TRUE(cited_copy);
}

TEST(Summarize, StandaloneSentencesOnlyByDefault) {
  const auto articles = Event();
  SummaryOptions o;
  o.max_words = 200;
  auto summary = Summarize(articles, Copies(), o);
  ASSERT_TRUE(summary.has_value());
  for (const auto& s : summary->sentences) {
    const std::string text = Shown(articles, s);
    EXPECT_NE(text.rfind("He said", 0), 0u) << text;
    EXPECT_EQ(text.find('?'), std::string::npos) << text;
  }
}

// "There," and "Here," with a comma point back at a place the reader has not seen; "There
// were ..." stands alone.
TEST(EventModel, LocativeThereNeedsContext) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "The flood reached the lower town of Riverton late on Tuesday night. "
      "There, the water rose two metres in an hour and cut the only road out. "
      "There were 1,200 residents evacuated from the valley before the dam failed. "
      "Here, officials said, the river had never risen so fast in living memory.",
      {2024, 5, 7}));
  const summarize::EventModel m = ModelOf(articles);
  ASSERT_EQ(m.candidates.size(), 4u);
  EXPECT_TRUE(m.candidates[0].readable);
  EXPECT_FALSE(m.candidates[1].readable);
  EXPECT_TRUE(m.candidates[2].readable);
  EXPECT_FALSE(m.candidates[3].readable);
}

// A speaker known only as "he" needs the sentence before; a name earlier in the sentence is
// enough unless the pronoun ends it.
TEST(EventModel, PronounSpeakersNeedContext) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "In a phone interview, he says he has seen the first film two hundred times. "
      "Mongolia is willing to deepen its trade cooperation with China next year, he added. "
      "Mayor Ann Smith denied the report, but she said repairs were needed on the dam. "
      "The mayor said she would ask the state for emergency repair money this week.",
      {2024, 5, 7}));
  const summarize::EventModel m = ModelOf(articles);
  ASSERT_EQ(m.candidates.size(), 4u);
  EXPECT_FALSE(m.candidates[0].readable);
  EXPECT_FALSE(m.candidates[1].readable);
  EXPECT_TRUE(m.candidates[2].readable);
  EXPECT_TRUE(m.candidates[3].readable);
}

// A linking opening ("Even so,", "For example,") or an "also" points back at what the reader
// has not seen; "In addition to" with no comma and "also known as" do not.
TEST(EventModel, LinkedSentencesNeedContext) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "Even so, most residents of Riverton returned to their homes on Wednesday. "
      "For example, the county hospital treated two people for hypothermia overnight. "
      "State engineers have also found cracks in the spillway of the upper dam. "
      "In addition to the dam, the flood destroyed two bridges on the county highway. "
      "The Millbrook dam, also known as the Clear River dam, was built in 1931.",
      {2024, 5, 7}));
  const summarize::EventModel m = ModelOf(articles);
  ASSERT_EQ(m.candidates.size(), 5u);
  EXPECT_FALSE(m.candidates[0].readable);
  EXPECT_FALSE(m.candidates[1].readable);
  EXPECT_FALSE(m.candidates[2].readable);
  EXPECT_TRUE(m.candidates[3].readable);
  EXPECT_TRUE(m.candidates[4].readable);
}

// Wire copy's list marker ("_ ") is left out of the shown span.
TEST(EventModel, ListMarkerIsNotShown) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "_ In a form of crop rotation, celery is planted after tomatoes in the spring.",
      {2024, 5, 7}));
  const summarize::EventModel m = ModelOf(articles);
  ASSERT_EQ(m.candidates.size(), 1u);
  EXPECT_EQ(articles[0].View(m.candidates[0].span).substr(0, 12), "In a form of");
  EXPECT_TRUE(m.candidates[0].readable);
}

TEST(Summarize, DatelineIsNotShown) {
  const auto articles = Event();
  SummaryOptions o;
  o.method = "lead";
  o.max_words = 30;
  auto summary = Summarize(articles, Copies(), o);
  ASSERT_TRUE(summary.has_value());
  for (const auto& s : summary->sentences) {
    EXPECT_EQ(Shown(articles, s).find("RIVERTON, Ore."), std::string::npos);
  }
}

TEST(Summarize, OffTopicArticleWeighsLess) {
  const auto articles = Event();
  const auto model = summarize::BuildEventModel(articles, Copies());
  EXPECT_LT(model.article_weight[4], model.article_weight[2]);
  EXPECT_DOUBLE_EQ(model.article_weight[2], 1.0);
}

TEST(Summarize, RepeatedFactsWinOverSingleMentions) {
  // The dam failure and the evacuation are told by three articles; the fair by one.
  const auto articles = Event();
  SummaryOptions o;
  o.max_words = 45;
  auto summary = Summarize(articles, Copies(), o);
  ASSERT_TRUE(summary.has_value());
  std::string all;
  for (const auto& s : summary->sentences) all += Shown(articles, s) + " ";
  EXPECT_NE(all.find("Millbrook dam"), std::string::npos) << all;
  EXPECT_EQ(all.find("county fair"), std::string::npos) << all;
}

// The one-sentence summary of an event picked by the default method.
std::string OnlyPick(const std::vector<Article>& articles) {
  DedupeResult none;
  none.duplicate_of.assign(articles.size(), -1);
  SummaryOptions o;
  o.max_words = 0;
  o.max_sentences = 1;
  auto summary = Summarize(articles, none, o);
  if (!summary.has_value() || summary->sentences.size() != 1) return "";
  return Shown(articles, summary->sentences[0]);
}

TEST(EventModel, ReportingVerbMarksAttribution) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "Floodwater closed the Riverton bridge and the county highway, state officials said. "
      "Engineers say the Millbrook dam cannot be repaired before the autumn rains arrive. "
      "The Millbrook dam failed early on Tuesday after three days of heavy rain.",
      {2024, 5, 7}));
  const summarize::EventModel m = ModelOf(articles);
  ASSERT_EQ(m.candidates.size(), 3u);
  EXPECT_TRUE(m.candidates[0].attributed);
  EXPECT_TRUE(m.candidates[1].attributed);
  EXPECT_FALSE(m.candidates[2].attributed);
  EXPECT_TRUE(m.candidates[0].readable) << "attribution is not a readability failure";
}

// A summary states what happened; the sentence that also says who said it loses to one that
// says the same in the reporter's voice, though it covers more of what the articles share.
TEST(Summarize, ReportersVoiceWinsOverAttribution) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "Floodwater closed the Riverton bridge and the county highway, state officials said.",
      {2024, 5, 7}));
  articles.push_back(MakeArticle(1,
      "Floodwater closed the Riverton bridge early on Tuesday morning.", {2024, 5, 7}));
  articles.push_back(MakeArticle(2,
      "They saw floodwater close the Riverton bridge and the county highway.", {2024, 5, 7}));
  articles.push_back(MakeArticle(3,
      "Was the Riverton bridge on the county highway closed by floodwater?", {2024, 5, 8}));
  EXPECT_EQ(OnlyPick(articles), "Floodwater closed the Riverton bridge early on Tuesday morning.");
}

// Two sentences with the same shared bigrams: the one whose other words the articles also use
// (apart, so in no shared bigram) is the better summary.
TEST(Summarize, SharedWordsCountBesideSharedBigrams) {
  std::vector<Article> articles;
  articles.push_back(MakeArticle(0,
      "Near the Millbrook dam, cheerful tourists photographed swans overnight.", {2024, 5, 7}));
  articles.push_back(MakeArticle(1,
      "Near the Millbrook dam, worried residents evacuated quickly overnight.", {2024, 5, 7}));
  articles.push_back(MakeArticle(2,
      "They told residents near the Millbrook dam that everyone must be evacuated.",
      {2024, 5, 7}));
  articles.push_back(MakeArticle(3,
      "Was the Millbrook dam ever inspected by the state water board?", {2024, 5, 8}));
  EXPECT_EQ(OnlyPick(articles),
            "Near the Millbrook dam, worried residents evacuated quickly overnight.");
}

TEST(Summarize, UnknownMethodIsAnError) {
  SummaryOptions o;
  o.method = "magic";
  auto summary = Summarize(Event(), Copies(), o);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(summary.error().hint.find("concepts"), std::string::npos);
}

TEST(Summarize, EmptyInputGivesAnEmptySummary) {
  auto summary = Summarize({}, DedupeResult{}, SummaryOptions{});
  ASSERT_TRUE(summary.has_value());
  EXPECT_TRUE(summary->sentences.empty());
}

TEST(Dateline, Forms) {
  using summarize::DatelineLength;
  EXPECT_EQ(DatelineLength("PHOENIX _ Victims of the storm were counted on Monday night."), 10u);
  EXPECT_EQ(DatelineLength("WASHINGTON (AP) -- The Senate passed the bill late on Friday night."),
            19u);
  EXPECT_EQ(DatelineLength("BEIJING, May 3 (Xinhua) -- China launched a weather satellite today."),
            27u);
  EXPECT_EQ(DatelineLength("NEAH BAY, Wash. _ The tribe prepared for the hunt at dawn today."), 18u);
  EXPECT_EQ(DatelineLength("The NATO summit opened on Monday in a tense mood for everyone."), 0u);
  EXPECT_EQ(DatelineLength("US - China trade talks resumed on Monday after a long pause."), 0u)
      << "two capitals then a dash is ambiguous; only a separator before a real sentence";
}

}  // namespace
}  // namespace sitrep
