#include "sitrep/cluster.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace sitrep {
namespace {

Article MakeArticle(uint32_t index, std::string title, std::string text, CivilDate date) {
  Article a;
  a.index = index;
  a.id = "a" + std::to_string(index);
  a.title = std::move(title);
  a.text = std::move(text);
  a.date = date;
  return a;
}

// Three stories, written for this test, interleaved by date.
std::vector<Article> ThreeStories(std::vector<std::string>* gold) {
  struct Item { const char* story; const char* title; const char* text; int day; };
  const Item items[] = {
      {"quake", "Strong earthquake shakes Port-au-Prince",
       "A magnitude 7.0 earthquake struck near Port-au-Prince on Tuesday, collapsing buildings. "
       "Rescue teams searched the rubble for survivors in the Haitian capital.", 12},
      {"spill", "Oil rig explosion in the Gulf of Mexico",
       "An explosion on the Deepwater Horizon drilling rig set off an oil spill in the Gulf of "
       "Mexico. BP said crude oil was leaking from the well.", 12},
      {"flu", "Swine flu cases confirmed in Mexico City",
       "Health officials confirmed new swine flu infections in Mexico City. The World Health "
       "Organization raised its pandemic alert as the virus spread.", 13},
      {"quake", "Haiti earthquake survivors wait for aid",
       "Survivors of the earthquake in Port-au-Prince waited for food and water. Rescue teams "
       "pulled people from the rubble of collapsed buildings in the Haitian capital.", 13},
      {"spill", "BP struggles to stop Gulf oil leak",
       "BP engineers tried again to cap the leaking well as the oil spill spread across the Gulf "
       "of Mexico. The Deepwater Horizon rig sank after the explosion.", 14},
      {"flu", "Pandemic alert raised over swine flu",
       "The World Health Organization raised the pandemic alert level as swine flu infections "
       "spread beyond Mexico. Health officials urged calm about the virus.", 14},
      {"quake", "Aid reaches Port-au-Prince after earthquake",
       "Aid flights landed in Port-au-Prince days after the earthquake. Survivors in the Haitian "
       "capital still searched the rubble of collapsed buildings for relatives.", 15},
      {"spill", "Oil from BP well reaches Gulf coast",
       "Oil from the leaking BP well reached the Gulf coast. Crews laid booms against the spill "
       "from the sunken Deepwater Horizon rig in the Gulf of Mexico.", 16},
      {"flu", "Swine flu virus spreads to new countries",
       "The swine flu virus spread to new countries, health officials said, and the World Health "
       "Organization kept its pandemic alert high as infections rose.", 16},
  };
  std::vector<Article> out;
  for (const Item& item : items) {
    out.push_back(MakeArticle(static_cast<uint32_t>(out.size()), item.title, item.text,
                              CivilDate{2010, 4, item.day}));
    gold->push_back(item.story);
  }
  return out;
}

TEST(SignArticle, WeighsTitleTermsAndFindsNames) {
  Article a = MakeArticle(0, "Flood", "Rain fell. Officials in New Orleans said the flood rose.",
                          CivilDate{2005, 8, 30});
  SignOptions options;
  options.title_weight = 3.0f;
  ArticleSignature s = SignArticle(a, options);
  ASSERT_TRUE(s.day.has_value());
  EXPECT_EQ(*s.day, (CivilDate{2005, 8, 30}.ToDays()));
  EXPECT_EQ(s.label, "Flood");
  // "flood" is in the title (3) and the body (1).
  float max_count = 0;
  for (const TermWeight& t : s.terms) max_count = std::max(max_count, t.count);
  EXPECT_FLOAT_EQ(max_count, 4.0f);
  // "New Orleans" mid-sentence is an entity feature: without entities there is one term fewer.
  options.use_entities = false;
  EXPECT_EQ(SignArticle(a, options).terms.size() + 1, s.terms.size());
}

TEST(SignArticle, EncodesAndDecodes) {
  Article a = MakeArticle(0, "Title here", "Some body text about ministers meeting in Paris.",
                          CivilDate{2001, 2, 3});
  ArticleSignature s = SignArticle(a, SignOptions{});
  auto back = DecodeSignature(EncodeSignature(s));
  ASSERT_TRUE(back.has_value());
  ASSERT_EQ(back->terms.size(), s.terms.size());
  for (size_t i = 0; i < s.terms.size(); ++i) {
    EXPECT_EQ(back->terms[i].term, s.terms[i].term);
    EXPECT_EQ(back->terms[i].count, s.terms[i].count);
  }
  EXPECT_EQ(back->day, s.day);
  EXPECT_EQ(back->label, s.label);
  std::string bytes = EncodeSignature(s);
  EXPECT_FALSE(DecodeSignature(bytes.substr(0, bytes.size() / 2)).has_value());
  EXPECT_FALSE(DecodeSignature("not a signature at all").has_value());
  EXPECT_FALSE(DecodeSignature("").has_value());
}

TEST(OnTopic, ArticleMustNameItsTimeline17Topic) {
  EXPECT_TRUE(OnTopic("SyrianCrisis", "Syrian forces shelled the city on Monday."));
  EXPECT_TRUE(OnTopic("SyrianCrisis", "President Assad spoke on state television."));
  EXPECT_FALSE(OnTopic("SyrianCrisis", "The striker will miss the cup semi-final."));
  EXPECT_FALSE(OnTopic("LibyaWar", ""));
  EXPECT_TRUE(OnTopic("LibyaWar", "Rebels held Benghazi."));
  // Case matters: "syria" in a URL slug is not the article naming the country.
  EXPECT_FALSE(OnTopic("SyrianCrisis", "see /news/syria-live"));
  // DUC events (and anything else unknown) are taken as labelled.
  EXPECT_TRUE(OnTopic("D0601A", "Anything at all."));
}

TEST(ScoreBCubed, MatchesHandComputedExample) {
  // gold a a b, predicted 1 2 2: per item P = 1, 1/2, 1/2 and R = 1/2, 1/2, 1.
  std::vector<std::string> gold = {"a", "a", "b"};
  std::vector<uint64_t> predicted = {1, 2, 2};
  BCubedScore s = ScoreBCubed(gold, predicted);
  EXPECT_NEAR(s.precision, 2.0 / 3, 1e-12);
  EXPECT_NEAR(s.recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(s.f1, 2.0 / 3, 1e-12);
  EXPECT_EQ(s.gold_clusters, 2u);
  EXPECT_EQ(s.predicted_clusters, 2u);
  std::vector<uint64_t> all_one = {7, 7, 7};
  EXPECT_NEAR(ScoreBCubed(gold, all_one).precision, (2.0 / 3 * 2 + 1.0 / 3) / 3, 1e-12);
  EXPECT_NEAR(ScoreBCubed(gold, all_one).recall, 1.0, 1e-12);
}

TEST(ClusterArticles, SeparatesThreeStories) {
  std::vector<std::string> gold;
  std::vector<Article> articles = ThreeStories(&gold);
  ClusterResult result = ClusterArticles(articles, SignOptions{}, ClusterOptions{});
  ASSERT_EQ(result.event_of.size(), articles.size());
  BCubedScore s = ScoreBCubed(gold, result.event_of);
  EXPECT_EQ(s.predicted_clusters, 3u);
  EXPECT_DOUBLE_EQ(s.f1, 1.0);
  size_t total = 0;
  for (const Event& e : result.events) total += e.articles.size();
  EXPECT_EQ(total, articles.size());
}

TEST(ClusterArticles, BatchIdfSeparatesThreeStories) {
  std::vector<std::string> gold;
  std::vector<Article> articles = ThreeStories(&gold);
  ClusterOptions options;
  options.batch_idf = true;
  ClusterResult result = ClusterArticles(articles, SignOptions{}, options);
  EXPECT_DOUBLE_EQ(ScoreBCubed(gold, result.event_of).f1, 1.0);
}

TEST(EventClusterer, PrimedArticlesAreCountedOnce) {
  std::vector<std::string> gold;
  std::vector<Article> articles = ThreeStories(&gold);
  std::vector<ArticleSignature> signatures;
  for (const Article& a : articles) signatures.push_back(SignArticle(a, SignOptions{}));
  EventClusterer primed;
  primed.Prime(signatures);
  EXPECT_EQ(primed.articles_added(), signatures.size());
  // Half-way through, a saved and reloaded clusterer still owes the rest of the priming.
  std::vector<uint64_t> events;
  for (size_t i = 0; i < 4; ++i) events.push_back(primed.Add(signatures[i]).event);
  auto resumed = EventClusterer::LoadState(primed.SaveState(), ClusterOptions{});
  ASSERT_TRUE(resumed.has_value());
  for (size_t i = 4; i < signatures.size(); ++i) {
    uint64_t a = primed.Add(signatures[i]).event;
    EXPECT_EQ(resumed->Add(signatures[i]).event, a);
    events.push_back(a);
  }
  EXPECT_EQ(primed.articles_added(), signatures.size());
  EXPECT_EQ(resumed->articles_added(), signatures.size());
  // Once the batch is used up, Add counts again.
  primed.Add(signatures[0]);
  EXPECT_EQ(primed.articles_added(), signatures.size() + 1);
  for (uint64_t& e : events) e = primed.Resolve(e);
  EXPECT_DOUBLE_EQ(ScoreBCubed(gold, events).f1, 1.0);
}

TEST(EventClusterer, StaleEventNeedsMoreSimilarity) {
  std::vector<std::string> gold;
  std::vector<Article> articles = ThreeStories(&gold);
  ClusterOptions options;
  options.join_threshold = 0.05;
  options.stale_penalty = 2.0;  // impossible to meet: a stale event is never joined
  options.max_stale_penalty = 2.0;
  options.window_days = 30;
  options.warmup_articles = 0;
  EventClusterer clusterer(options);
  uint64_t first = clusterer.Add(SignArticle(articles[0], SignOptions{})).event;
  Article later = articles[3];
  later.date = CivilDate{2010, 9, 1};
  Assignment a = clusterer.Add(SignArticle(later, SignOptions{}));
  EXPECT_TRUE(a.new_event);
  EXPECT_NE(a.event, first);
  later.date = CivilDate{2010, 4, 20};
  EXPECT_EQ(clusterer.Add(SignArticle(later, SignOptions{})).event, first);
}

TEST(EventClusterer, MergesEventsThatAreOneStory) {
  // With merging off and a strict threshold the two halves of one story stay apart; a bridging
  // article that matches both makes them one event when merging is on.
  auto sign = [](const char* text) {
    Article a = MakeArticle(0, "", text, CivilDate{2020, 1, 1});
    return SignArticle(a, SignOptions{});
  };
  const char* left = "volcano eruption ash cloud flights cancelled airports closed iceland";
  const char* right = "volcano eruption lava village evacuated residents iceland";
  const char* bridge = "volcano eruption ash cloud flights village evacuated residents iceland";
  for (bool merge : {false, true}) {
    ClusterOptions options;
    options.join_threshold = 0.55;
    options.warmup_articles = 0;
    options.merge = merge;
    options.merge_threshold = 0.3;
    options.absorb_threshold = 0.3;
    EventClusterer clusterer(options);
    uint64_t a = clusterer.Add(sign(left)).event;
    uint64_t b = clusterer.Add(sign(right)).event;
    ASSERT_NE(a, b);
    Assignment c = clusterer.Add(sign(bridge));
    if (merge) {
      EXPECT_EQ(clusterer.Resolve(a), clusterer.Resolve(b));
      ASSERT_EQ(c.merges.size(), 1u);
      EXPECT_EQ(c.merges[0].from, b);
      EXPECT_EQ(c.merges[0].into, a);
      EXPECT_EQ(clusterer.Events().size(), 1u);
      EXPECT_EQ(clusterer.Events()[0].size, 3u);
    } else {
      EXPECT_NE(clusterer.Resolve(a), clusterer.Resolve(b));
      EXPECT_TRUE(c.merges.empty());
    }
  }
}

TEST(EventClusterer, ResumedStateAssignsLikeUninterrupted) {
  std::vector<std::string> gold;
  std::vector<Article> articles = ThreeStories(&gold);
  std::vector<ArticleSignature> signatures;
  for (const Article& a : articles) signatures.push_back(SignArticle(a, SignOptions{}));
  EventClusterer whole;
  std::vector<uint64_t> expected;
  for (const auto& s : signatures) expected.push_back(whole.Add(s).event);

  EventClusterer first;
  std::vector<uint64_t> got;
  for (size_t i = 0; i < 4; ++i) got.push_back(first.Add(signatures[i]).event);
  std::string state = first.SaveState();
  auto resumed = EventClusterer::LoadState(state, ClusterOptions{});
  ASSERT_TRUE(resumed.has_value()) << resumed.error().ToString();
  EXPECT_EQ(resumed->SaveState(), state);
  for (size_t i = 4; i < signatures.size(); ++i) got.push_back(resumed->Add(signatures[i]).event);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(resumed->SaveState(), whole.SaveState());

  EXPECT_FALSE(EventClusterer::LoadState(state.substr(0, state.size() - 3), {}).has_value());
  EXPECT_FALSE(EventClusterer::LoadState("junk", {}).has_value());
}

TEST(EventClusterer, KeepsOpenEventsBounded) {
  ClusterOptions options;
  options.max_open_events = 50;
  EventClusterer clusterer(options);
  // 3000 articles with disjoint vocabularies: each starts its own event.
  for (int i = 0; i < 3000; ++i) {
    ArticleSignature s;
    s.terms = {{static_cast<uint64_t>(3 * i + 1), 1.0f}, {static_cast<uint64_t>(3 * i + 2), 1.0f}};
    s.day = i;
    clusterer.Add(s);
  }
  size_t open = 0;
  for (const EventInfo& e : clusterer.Events()) open += e.open;
  EXPECT_LE(open, 50u + 1024u);  // closed in sweeps every 1024 articles
  EXPECT_EQ(clusterer.Events().size(), 3000u);
  EXPECT_EQ(clusterer.articles_added(), 3000u);
}

TEST(EventClusterer, EmptySignatureStartsItsOwnEvent) {
  EventClusterer clusterer;
  Assignment a = clusterer.Add(ArticleSignature{});
  Assignment b = clusterer.Add(ArticleSignature{});
  EXPECT_TRUE(a.new_event);
  EXPECT_TRUE(b.new_event);
  EXPECT_NE(a.event, b.event);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(EvaluateClustering, BeatsSinglePassBaselineOnSharedStream) {
  const char* shared = std::getenv("SITREP_SHARED_DIR");
  if (shared == nullptr || *shared == '\0') {
    GTEST_SKIP() << "SITREP_SHARED_DIR not set: no DUC 2006 / Timeline17 data to cluster";
  }
  auto stream = LoadLabelledStream(shared);
  if (!stream && stream.error().code == ErrorCode::kNotFound) {
    GTEST_SKIP() << stream.error().ToString();
  }
  ASSERT_TRUE(stream.has_value()) << stream.error().ToString();
  // 50 DUC events + 8 Timeline17 topics (16 outlet folders).
  std::set<std::string> events(stream->gold.begin(), stream->gold.end());
  EXPECT_EQ(events.size(), 58u);
  // Timeline17's keyword-gathered collections hold unrelated articles (SyrianCrisis_reuters:
  // football, currency markets); 241 of the stream's articles never name their topic.
  EXPECT_GT(stream->off_topic, 150u);
  EXPECT_LT(stream->off_topic, 400u);
  ASSERT_EQ(stream->on_topic.size(), stream->articles.size());
  ClusterEvalReport r = EvaluateClustering(*stream, SignOptions{}, ClusterOptions{});
  EXPECT_EQ(r.off_topic, stream->off_topic);
  EXPECT_GT(r.ours.f1, r.baseline.f1);
  EXPECT_GT(r.ours.f1, 0.85);  // measured 0.870; a drop below 0.85 is a regression
  EXPECT_GT(r.ours_on_topic.f1, r.baseline_on_topic.f1);
  EXPECT_GT(r.ours_on_topic.f1, 0.90);  // measured 0.914 (issue 8's target: 0.90)
}

}  // namespace
}  // namespace sitrep
