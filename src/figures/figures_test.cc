#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "sitrep/figures.h"

namespace sitrep {
namespace {

Article Make(std::string text, std::optional<CivilDate> date = std::nullopt, uint32_t index = 0) {
  Article a;
  a.index = index;
  a.id = "a" + std::to_string(index);
  a.text = std::move(text);
  a.date = date;
  return a;
}

TEST(ExtractFigures, ModifierValueHeadAndNoun) {
  auto figs = ExtractFigures(Make("At least 40 people were killed in the collapse."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].text, "At least 40");
  EXPECT_EQ(figs[0].modifier, FigureModifier::kAtLeast);
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(figs[0].noun, "people");
  EXPECT_TRUE(figs[0].attribution.empty());
}

TEST(ExtractFigures, RangesInDigitsAndWords) {
  auto figs = ExtractFigures(
      Make("Between 45 and 60 people died. Another 4,000-6,000 residents were displaced."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_TRUE(figs[0].is_range);
  EXPECT_EQ(figs[0].low, 45);
  EXPECT_EQ(figs[0].high, 60);
  EXPECT_EQ(FigureValueKey(figs[0]), "45-60");
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(FigureValueKey(figs[1]), "4000-6000");
  EXPECT_EQ(figs[1].head, "displaced");
}

TEST(ExtractFigures, NumberWordsAndVagueQuantities) {
  auto figs = ExtractFigures(Make(
      "Three rescuers were injured when dozens of homes were buried. Twenty-five soldiers and "
      "tens of thousands of people fled their homes."));
  ASSERT_GE(figs.size(), 3u);
  EXPECT_EQ(figs[0].low, 3);
  EXPECT_EQ(figs[0].head, "injured");
  EXPECT_EQ(figs[0].noun, "rescuers");
  EXPECT_EQ(figs[1].vague, "dozens");
  EXPECT_EQ(figs[1].head, "homes");
  const Figure* tens = nullptr;
  for (const Figure& f : figs)
    if (f.vague == "tens of thousands") tens = &f;
  ASSERT_NE(tens, nullptr);
  EXPECT_EQ(tens->head, "displaced");
  EXPECT_EQ(tens->low, 20000);
}

TEST(ExtractFigures, ScaleWordsAndMoney) {
  auto figs = ExtractFigures(Make("The government released $1.2 million in emergency funds."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_DOUBLE_EQ(figs[0].low, 1.2e6);
  EXPECT_EQ(figs[0].unit, "usd");
  EXPECT_EQ(figs[0].head, "money");
  EXPECT_EQ(FigureValueKey(figs[0]), "1200000");
}

TEST(ExtractFigures, BracketedConversionIsOneFigureInBaseUnits) {
  auto figs = ExtractFigures(Make("The town lies 60 kilometers (37 miles) north of Daro."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].text, "60 kilometers (37 miles)");
  EXPECT_EQ(figs[0].unit, "km");
  EXPECT_EQ(figs[0].head, "distance");
  EXPECT_EQ(figs[0].noun, "daro");
  auto miles = ExtractFigures(Make("The town lies 37 miles north of Daro."));
  ASSERT_EQ(miles.size(), 1u);
  EXPECT_EQ(miles[0].unit, "mi");
  EXPECT_NEAR(miles[0].base_low, 59.546, 0.001);  // 37 x 1.609344 km
}

TEST(ExtractFigures, PercentDurationMagnitudeSpeed) {
  auto figs = ExtractFigures(Make(
      "A magnitude 6.4 earthquake cut power to 75 percent of the province. Schools will close "
      "for two weeks. Winds reached 70 km/h."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].head, "magnitude");
  EXPECT_EQ(figs[0].low, 6.4);
  EXPECT_EQ(figs[1].unit, "%");
  EXPECT_EQ(figs[1].head, "province");
  EXPECT_EQ(figs[2].unit, "week");
  EXPECT_EQ(figs[2].base_low, 14);
  EXPECT_EQ(figs[3].unit, "km/h");
  EXPECT_EQ(figs[3].head, "speed");
}

TEST(ExtractFigures, DatesTimesAgesYearsAndIdentifiersAreNotFigures) {
  auto figs = ExtractFigures(Make(
      "The slide struck at 4 a.m. on March 5, 2024, and a 45-year-old man from the No. 2 mine "
      "said it was the worst since 1997. The 4th Brigade arrived at 10:30 after COVID-19 "
      "rules were lifted on 2024-03-06."));
  for (const Figure& f : figs) ADD_FAILURE() << "unexpected figure '" << f.text << "'";
}

TEST(ExtractFigures, HeadlessCountsAreDropped) {
  // "the two sides" is a definite description; a bare number has no head.
  auto figs = ExtractFigures(Make("The two sides met again. The score was 3 in the end."));
  EXPECT_TRUE(figs.empty());
}

TEST(ExtractFigures, CoordinationAndEllipsisShareTheOutcome) {
  auto figs = ExtractFigures(Make(
      "Nine soldiers were killed and 15 wounded. Kesh's chief said 12 soldiers and four "
      "civilians were killed."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[1].head, "injured");
  EXPECT_EQ(figs[1].noun, "soldiers");
  EXPECT_EQ(figs[2].head, "killed");
  EXPECT_EQ(figs[2].noun, "soldiers");
  EXPECT_EQ(figs[3].head, "killed");
  EXPECT_EQ(figs[3].noun, "civilians");
}

TEST(ExtractFigures, PartialAndSupersededFigures) {
  auto figs = ExtractFigures(Make(
      "Doctors treated 380 of the injured. The agency puts the number of displaced at 40,000, "
      "up from 25,000 on Monday."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_TRUE(figs[0].partial);
  EXPECT_EQ(figs[0].head, "injured");
  EXPECT_EQ(figs[1].head, "displaced");
  EXPECT_FALSE(figs[1].superseded);
  EXPECT_EQ(figs[2].head, "displaced");
  EXPECT_TRUE(figs[2].superseded);
}

TEST(Attribution, PreposedPostposedAndAccordingTo) {
  auto figs = ExtractFigures(Make(
      "The ministry said 31 people were injured. About 40 people were killed, police chief "
      "Marta Ilves said. According to a statement from the Defence Ministry, nine soldiers "
      "were killed. More than 1,200 residents were evacuated, according to the governor, Piet "
      "Amsel."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].attribution.source, "The ministry");
  EXPECT_EQ(figs[1].attribution.source, "police chief Marta Ilves");
  EXPECT_EQ(figs[2].attribution.source, "the Defence Ministry");
  EXPECT_EQ(figs[3].attribution.source, "the governor, Piet Amsel");
}

TEST(Attribution, ReportingChainsAreKept) {
  Article a = Make(
      "Militants killed 12 soldiers, a military source told the news agency VNA. Kesh's "
      "security chief, quoted by state radio, said four civilians were killed. The militants "
      "numbered up to 300, VNA reported, citing local officials.");
  auto figs = ExtractFigures(a);
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].attribution.source, "a military source");
  ASSERT_EQ(figs[0].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[0].attribution.relays[0], "VNA");
  EXPECT_EQ(figs[1].attribution.source, "Kesh's security chief");
  ASSERT_EQ(figs[1].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[1].attribution.relays[0], "state radio");
  EXPECT_EQ(figs[2].attribution.source, "local officials");
  ASSERT_EQ(figs[2].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[2].attribution.relays[0], "VNA");
  // Spans point at the words they name.
  EXPECT_EQ(a.View(figs[0].attribution.span), "a military source");
  EXPECT_EQ(a.View(figs[1].attribution.relay_spans[0]), "state radio");
}

TEST(Attribution, TwoSpeakersInOneSentence) {
  auto figs = ExtractFigures(Make(
      "The quake had a magnitude of 6.1, the US Geological Survey said, while the country's "
      "institute measured it at magnitude 6.4."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].attribution.source, "the US Geological Survey");
  EXPECT_EQ(figs[1].attribution.source, "the country's institute");
}

TEST(ExtractFigures, DroppedBlocksNeverCount) {
  Article a = ParseGoldArticle(
      "Title: t\nDate: 2024-03-06\n\nThe toll rose to 52, the ministry said.\n\n"
      "Photo: Volunteers in the village, where 200 homes stood.\n\nReferences\n\n"
      "1. Slope study, Journal 14 (2021): 45-60 and 112 pages.\n",
      "x");
  ASSERT_EQ(a.blocks.size(), 4u);
  EXPECT_TRUE(a.blocks[0].kept());
  EXPECT_EQ(a.blocks[1].role, BlockRole::kCaption);
  EXPECT_EQ(a.blocks[2].role, BlockRole::kReferences);
  EXPECT_EQ(a.blocks[3].role, BlockRole::kReferences);
  auto figs = ExtractFigures(a);
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 52);
  EXPECT_EQ(figs[0].head, "killed");
  // Sentences of dropped blocks are skipped too when sentences are given.
  a.sentences.push_back(Sentence{a.blocks[3].span, 3, 0});
  EXPECT_TRUE(ExtractFigures(a).empty());
}

TEST(Consolidate, PointAgainstRangeAndSupportCounts) {
  std::vector<Article> arts = {
      Make("About 40 people were killed, police said.", CivilDate{2024, 3, 6}, 0),
      Make("The death toll has risen to 52, the ministry said.", CivilDate{2024, 3, 6}, 1),
      Make("Between 45 and 60 people died, officials said.", CivilDate{2024, 3, 7}, 2),
      Make("The confirmed death toll is 52.", CivilDate{2024, 3, 7}, 3),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  const Disagreement& d = r.disagreements[0];
  EXPECT_EQ(d.kind, DisagreementKind::kValue);
  EXPECT_EQ(d.topic, "killed");
  ASSERT_EQ(d.sides.size(), 3u);
  EXPECT_EQ(d.sides[0].value, "52");  // two articles: listed first
  EXPECT_EQ(d.sides[0].articles, (std::vector<uint32_t>{1, 3}));
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_TRUE(r.groups[0].disputed);
  EXPECT_EQ(r.groups[0].values[0].support, 2u);
}

TEST(Consolidate, AgreeingUnitsRangesAndModifiersAreNotDisagreements) {
  std::vector<Article> arts = {
      Make("Tarvel lies 60 kilometers north of Daro. The mud covered about 30 hectares. "
           "At least 112 people were killed. More than 1,200 people were evacuated.",
           std::nullopt, 0),
      Make("Tarvel sits 37 miles north of Daro. The mud spread over roughly 74 acres. "
           "Between 120 and 150 people died. About 1,500 people were evacuated.",
           std::nullopt, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  for (const Disagreement& d : r.disagreements)
    ADD_FAILURE() << "false disagreement on " << d.topic << " (" << d.sides[0].value << " vs "
                  << d.sides[1].value << ")";
}

TEST(Consolidate, MagnitudesDifferByOneDecimal) {
  std::vector<Article> arts = {
      Make("A magnitude 6.4 earthquake struck.", std::nullopt, 0),
      Make("The quake had a magnitude of 6.1.", std::nullopt, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].topic, "magnitude");
}

TEST(Consolidate, SupersededAndPartialValuesDoNotConflict) {
  std::vector<Article> arts = {
      Make("The flood displaced about 25,000 people. More than 400 people were injured.",
           std::nullopt, 0),
      Make("The agency now puts the number of displaced at 40,000, up from 25,000. Doctors "
           "treated 380 of the injured.",
           std::nullopt, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  EXPECT_TRUE(r.disagreements.empty());
}

TEST(Consolidate, DifferentNounsAreDifferentQuantities) {
  std::vector<Article> arts = {
      Make("Militants killed 12 soldiers.", std::nullopt, 0),
      Make("The attack killed 40 people.", std::nullopt, 1),
  };
  EXPECT_TRUE(ConsolidateFigures(arts).disagreements.empty());
}

TEST(DateClaims, WeekdaysResolveAgainstThePublicationDate) {
  // 2024-03-07 is a Thursday.
  Article a = Make(
      "The landslide that hit Tarvel on Tuesday buried homes, the ministry said on Wednesday. "
      "Rescuers searched after Monday's earthquake.",
      CivilDate{2024, 3, 7});
  auto claims = ExtractDateClaims(a);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].event, "landslide");
  EXPECT_EQ(claims[0].date, (CivilDate{2024, 3, 5}));
  EXPECT_EQ(a.View(claims[0].span), "Tuesday");
  EXPECT_EQ(claims[1].event, "earthquake");
  EXPECT_EQ(claims[1].date, (CivilDate{2024, 3, 4}));
  // Without a publication date a weekday cannot be placed.
  EXPECT_TRUE(ExtractDateClaims(Make("The fire broke out on Tuesday.")).empty());
}

TEST(DateClaims, ConflictingDatesAreADisagreement) {
  std::vector<Article> arts = {
      Make("A fire at the plant killed 23 workers on Wednesday night.", CivilDate{2020, 1, 16}, 0),
      Make("The blaze, which broke out late on Tuesday, was put out.", CivilDate{2020, 1, 17}, 1),
      Make("The fire started on January 15 in the dyeing hall.", CivilDate{2020, 1, 17}, 2),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  const Disagreement& d = r.disagreements[0];
  EXPECT_EQ(d.kind, DisagreementKind::kDate);
  EXPECT_EQ(d.topic, "fire");
  ASSERT_EQ(d.sides.size(), 2u);
  EXPECT_EQ(d.sides[0].value, "2020-01-15");
  EXPECT_EQ(d.sides[0].articles.size(), 2u);
  EXPECT_EQ(d.sides[1].value, "2020-01-14");
}

TEST(ReasonClaims, CausesWithNoWordInCommonDisagree) {
  std::vector<Article> arts = {
      Make("Police said the blaze was caused by an electrical fault.", std::nullopt, 0),
      Make("The fire was caused by arson, investigators said.", std::nullopt, 1),
      Make("Officials said the fire was caused by a faulty electrical cable.", std::nullopt, 2),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.reasons.size(), 3u);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].kind, DisagreementKind::kReason);
  EXPECT_EQ(r.disagreements[0].sides.size(), 3u);
}

TEST(ReasonClaims, AskedSupposedOrAlternativeCausesAreNoClaim) {
  for (const char* text : {
           "The inquiry will consider whether the fire was caused by negligence.",
           "Officials said the blast may have been caused by a welding accident.",
           "Aoun said it was unclear if the explosion was caused by sabotage.",
           "It is not known whether the blast was caused by negligence, an accident or an attack.",
           "The explosion was caused by negligence, an accident or outside interference."}) {
    EXPECT_TRUE(ExtractReasonClaims(Make(text)).empty()) << text;
  }
  // The stated cause beside them is still read.
  const auto stated = ExtractReasonClaims(Make("Police said the fire was caused by an electrical fault."));
  ASSERT_EQ(stated.size(), 1u);
  EXPECT_EQ(stated[0].reason, "an electrical fault");
}

TEST(BadInput, EmptyBinaryAndOutOfRangeSpansNeverCrash) {
  EXPECT_TRUE(ExtractFigures(Make("")).empty());
  std::mt19937 rng(7);
  std::string junk(1 << 16, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  (void)ExtractFigures(Make(junk));
  (void)ExtractDateClaims(Make(junk, CivilDate{2024, 1, 1}));
  // Numbers everywhere, numbers glued, absurd magnitudes.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "1,2 3-4 5.5.5 $ 999999999999999999999999 of the ";
  auto figs = ExtractFigures(Make(many));
  for (const Figure& f : figs) EXPECT_LE(f.span.end, many.size());
  Article bad = Make("Five people died.");
  bad.sentences.push_back(Sentence{Span{3, 500}, 0, 0});  // beyond the text
  EXPECT_TRUE(ExtractFigures(bad).empty());
}

// A held-out set's gold counts and the level its scores must keep (after its errors were fixed).
struct GoldLevel {
  size_t figures, disagreements;
  double figure_p, figure_r, disagreement_p, disagreement_r;
};

void ExpectGoldLevel(const std::string& set, const GoldLevel& want) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures/" + set);
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  EXPECT_EQ(r->gold_figures, want.figures);
  EXPECT_EQ(r->gold_disagreements, want.disagreements);
  EXPECT_GE(r->figure_p, want.figure_p);
  EXPECT_GE(r->figure_r, want.figure_r);
  EXPECT_GE(r->disagreement_p, want.disagreement_p);
  EXPECT_GE(r->disagreement_r, want.disagreement_r);
}

TEST(FiguresGold, DevelopmentSetMeetsTargets) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  EXPECT_EQ(r->gold_figures, 72u);
  EXPECT_EQ(r->gold_disagreements, 11u);
  EXPECT_GE(r->figure_p, 0.95);
  EXPECT_GE(r->figure_r, 0.85);
  EXPECT_GE(r->disagreement_p, 0.9);
  EXPECT_GE(r->disagreement_r, 0.75);
}

TEST(FiguresGold, HeldOutSetKeepsPrecision) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures/heldout");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  EXPECT_GE(r->figure_p, 0.9);
  EXPECT_GE(r->disagreement_p, 0.9);
}

TEST(FiguresGold, FourthHeldOutSetKeepsPrecision) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures/heldout4");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  EXPECT_EQ(r->gold_figures, 44u);
  EXPECT_EQ(r->gold_disagreements, 7u);
  EXPECT_GE(r->figure_p, 0.95);
  EXPECT_GE(r->disagreement_p, 0.9);
}

TEST(FiguresGold, MissingFolderIsAnError) {
  auto r = EvaluateFiguresGold("/nonexistent/gold");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(r.error().hint.empty());
}


// Rules added after the fourth held-out set's first run (docs/figures.md); each test fails
// without its rule.
TEST(Attribution, AccordingToQuotedByKeepsTheRelay) {
  Article a = Make(
      "According to the governor's office, quoted by the regional broadcaster RTV Sud, 35 "
      "people died and 410 were injured.");
  auto figs = ExtractFigures(a);
  ASSERT_EQ(figs.size(), 2u);
  for (const Figure& f : figs) {
    EXPECT_EQ(f.attribution.source, "the governor's office");
    ASSERT_EQ(f.attribution.relays.size(), 1u);
    EXPECT_EQ(f.attribution.relays[0], "RTV Sud");
  }
  EXPECT_EQ(a.View(figs[0].attribution.relay_spans[0]), "the regional broadcaster RTV Sud");
}

TEST(ExtractFigures, RaisingVerbsBeforeTheOutcome) {
  auto figs = ExtractFigures(Make(
      "Twenty-five people are now known to have died. Six miners were believed to have been "
      "killed. Ten people known to be wealthy attended."));
  ASSERT_GE(figs.size(), 2u);
  EXPECT_EQ(figs[0].low, 25);
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(figs[1].low, 6);
  EXPECT_EQ(figs[1].head, "killed");
  for (const Figure& f : figs) EXPECT_TRUE(f.low != 10 || f.head != "killed");
}

TEST(ExtractFigures, SupersededValueTakesTheHeadOfTheNewOne) {
  auto figs = ExtractFigures(Make(
      "The toll rose to 25 on Monday, up from 23 reported the night before, the ministry "
      "said."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[1].low, 23);
  EXPECT_TRUE(figs[1].superseded);
  EXPECT_EQ(figs[1].head, "killed");
  EXPECT_EQ(figs[1].attribution.source, "the ministry");
}

TEST(ExtractFigures, OutcomeAfterAModifierHoldingAMeasure) {
  auto figs = ExtractFigures(Make(
      "More than 9,000 residents of villages within 6 km of the crater have been evacuated. "
      "About 300 people in the town where 12 houses were destroyed met."));
  ASSERT_GE(figs.size(), 3u);
  EXPECT_EQ(figs[0].head, "evacuated");
  EXPECT_EQ(figs[1].unit, "km");
  EXPECT_EQ(figs[1].head, "distance");
  // A clause word ends the modifier: the 300 are not destroyed.
  for (const Figure& f : figs) {
    if (f.low == 300) {
      EXPECT_EQ(f.head, "people");
    }
  }
}

TEST(ExtractFigures, AltitudesAreHeights) {
  auto figs = ExtractFigures(Make(
      "The volcano sent a column of ash 12 kilometres (7.5 miles) into the sky. The ash cloud "
      "rose to nearly 40,000 feet. The town lies 30 km from the crater."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].head, "height");
  EXPECT_EQ(figs[1].head, "height");
  EXPECT_EQ(figs[2].head, "distance");
  // 12 km and 40,000 feet agree.
  std::vector<Article> arts = {Make("Ash rose 12 km into the air.", CivilDate{2026, 5, 8}, 0),
                               Make("Ash rose to nearly 40,000 feet.", CivilDate{2026, 5, 8}, 1)};
  EXPECT_TRUE(ConsolidateFigures(arts).disagreements.empty());
}

TEST(ExtractFigures, NounsInSUsedAsModifiers) {
  auto figs = ExtractFigures(Make(
      "Residents sleep in three sports halls. Two gas cylinders exploded. Four buses left. "
      "Five US soldiers were killed. They sold 120 goods made abroad to 63 Saudis trying."));
  ASSERT_EQ(figs.size(), 6u);
  EXPECT_EQ(figs[0].head, "halls");
  EXPECT_EQ(figs[1].head, "cylinders");
  EXPECT_EQ(figs[2].head, "buses");
  EXPECT_EQ(figs[3].head, "killed");
  EXPECT_EQ(figs[3].noun, "soldiers");
  // Only before a plural noun: "goods made", "Saudis trying" keep their noun.
  EXPECT_EQ(figs[4].head, "goods");
  EXPECT_EQ(figs[5].head, "saudis");
}

TEST(DateClaims, CrushesAndStampedesAreEvents) {
  // 2026-03-16 is a Monday.
  std::vector<Article> arts = {
      Make("Fans died in a crush at the stadium on Saturday night.", CivilDate{2026, 3, 16}, 0),
      Make("The stampede on Sunday evening began at the north gate.", CivilDate{2026, 3, 16}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].kind, DisagreementKind::kDate);
  EXPECT_EQ(r.disagreements[0].topic, "crush");
}

TEST(ReasonClaims, FireServiceIsNotTheEventAndBlamedNamesItsObject) {
  auto a = ExtractReasonClaims(
      Make("Fire investigators said the explosion was caused by welding work on the roof."));
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0].event, "explosion");
  auto b = ExtractReasonClaims(
      Make("Fire officials blamed the explosion on a lightning strike."));
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].event, "explosion");
  EXPECT_EQ(b[0].reason, "a lightning strike");
  EXPECT_TRUE(ExtractDateClaims(Make("The fire service was called out on Tuesday.",
                                     CivilDate{2026, 7, 23}))
                  .empty());
}
}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

TEST(RenderFiguresMarkdown, SectionsCiteEverySource) {
  std::vector<Article> arts = {
      Make("About 40 people were killed, police said. The landslide hit on Tuesday.",
           CivilDate{2024, 3, 6}, 0),
      Make("The death toll rose to 52, the ministry said. Tuesday's landslide buried homes.",
           CivilDate{2024, 3, 6}, 1),
      Make("The landslide struck on Wednesday, killing 52 people.", CivilDate{2024, 3, 7}, 2),
  };
  FigureReport r = ConsolidateFigures(arts);
  std::string md = RenderFiguresMarkdown(r, arts);
  EXPECT_NE(md.find("## Figures"), std::string::npos) << md;
  EXPECT_NE(md.find("**killed (people)** (disputed)"), std::string::npos) << md;
  EXPECT_NE(md.find("[2][3] (the ministry)"), std::string::npos) << md;
  EXPECT_NE(md.find("## Disagreements"), std::string::npos) << md;
  EXPECT_NE(md.find("**Date of the landslide**: 2024-03-05 [1][2] vs 2024-03-06 [3]"),
            std::string::npos)
      << md;
  EXPECT_TRUE(RenderFiguresMarkdown(FigureReport{}, {}).empty());
}

TEST(ExtractFigures, OwnPredicateBlocksEllipsisAndGluedUnits) {
  auto figs = ExtractFigures(Make(
      "Two miners were killed and five were pulled out alive. The town is 50km away and it "
      "reached 46.2C. The plan costs $2.3bn."));
  ASSERT_EQ(figs.size(), 5u);
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(figs[1].head, "rescued");
  EXPECT_EQ(figs[2].unit, "km");
  EXPECT_EQ(figs[3].unit, "c");
  EXPECT_DOUBLE_EQ(figs[4].low, 2.3e9);
  EXPECT_EQ(figs[4].unit, "usd");
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Many articles with many different tolls: consolidation stays bounded (values^2, not claims^3)
// and still reports one disagreement for the group.
TEST(Consolidate, LargeEventIsBounded) {
  std::vector<Article> arts;
  for (uint32_t i = 0; i < 3000; ++i)
    arts.push_back(Make(std::to_string(40 + i % 25) + " people were killed, officials said.",
                        CivilDate{2024, 3, 6}, i));
  FigureReport r = ConsolidateFigures(arts);
  EXPECT_EQ(r.figures.size(), 3000u);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].sides.size(), 25u);
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// Rules added after the fifth held-out set's first run (docs/figures.md); each test fails
// without its rule.
TEST(ExtractFigures, DownAValleyIsADistanceNotADepth) {
  auto figs = ExtractFigures(Make(
      "The flood wave travelled 25 km down the Marren valley. The avalanche ran about 4,000 "
      "feet down the mountain. The miners are trapped 400 metres down. The cage fell 300 feet "
      "down a shaft."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].head, "distance");
  EXPECT_EQ(figs[1].head, "distance");
  EXPECT_EQ(figs[2].head, "depth");
  EXPECT_EQ(figs[3].head, "depth");
  // Two ways along the ground and a water depth are never set against each other.
  std::vector<Article> arts = {
      Make("The flood wave travelled 25 km down the valley.", CivilDate{2026, 9, 7}, 0),
      Make("Floodwater stood up to four metres deep in the old town.", CivilDate{2026, 9, 8}, 1)};
  EXPECT_TRUE(ConsolidateFigures(arts).disagreements.empty());
}

TEST(ExtractFigures, UnitAndShapeInOneWord) {
  auto figs = ExtractFigures(Make(
      "The 48-metre-high concrete dam supplies three towns. A 3-km-long queue formed."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].low, 48);
  EXPECT_EQ(figs[0].unit, "m");
  EXPECT_EQ(figs[0].head, "height");
  EXPECT_EQ(figs[0].text, "48-metre-high");
  EXPECT_EQ(figs[1].head, "towns");
  EXPECT_EQ(figs[2].unit, "km");
  EXPECT_EQ(figs[2].head, "length");
}

TEST(ExtractFigures, OthersCountsWhatTheFigureBeforeCounts) {
  auto figs = ExtractFigures(Make(
      "At least 14 people were killed and 37 others are missing. The avalanche hit the run, "
      "killing six skiers and injuring 11 others."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[1].head, "missing");
  EXPECT_EQ(figs[1].noun, "people");
  EXPECT_EQ(figs[3].head, "injured");
  EXPECT_EQ(figs[3].noun, "skiers");
  // So "37 others" and "22 people" missing are the same quantity, and they disagree.
  std::vector<Article> arts = {
      Make("At least 14 people were killed and 37 others are missing.", CivilDate{2026, 9, 7}, 0),
      Make("Twenty-two people are still unaccounted for.", CivilDate{2026, 9, 8}, 1)};
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].topic, "missing");
}

TEST(ExtractFigures, PercentChangeCountsTheSubject) {
  auto figs = ExtractFigures(Make(
      "Bookings for the rest of the season have fallen by 35 percent, the tourist office said. "
      "It has risen by 5 percent."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].unit, "%");
  EXPECT_EQ(figs[0].head, "bookings");
  EXPECT_EQ(figs[0].attribution.source, "the tourist office");
}

TEST(Attribution, AgeBetweenCommasAndAPronounInsideTheReport) {
  auto figs = ExtractFigures(Make(
      "Sheep farmer Emil Dask, 54, said he had lost 120 sheep. Local mountain guide Petra "
      "Lenz, 41, told the Gazette she had warned the resort three times that week."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "sheep");
  EXPECT_EQ(figs[0].attribution.source, "Sheep farmer Emil Dask");
  EXPECT_EQ(figs[1].head, "times");
  EXPECT_EQ(figs[1].attribution.source, "Local mountain guide Petra Lenz");
  ASSERT_EQ(figs[1].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[1].attribution.relays[0], "the Gazette");
  // A pronoun that opens its own sentence still speaks.
  auto own = ExtractFigures(Make("She said 12 people were injured."));
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].attribution.source, "She");
}

TEST(DateClaims, AvalanchesAreEvents) {
  // 2026-02-16 is a Monday.
  std::vector<Article> arts = {
      Make("An avalanche swept across a ski run on Saturday afternoon.", CivilDate{2026, 2, 15}, 0),
      Make("Eight people are now confirmed dead after Sunday's avalanche.",
           CivilDate{2026, 2, 16}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  bool date = false;
  for (const Disagreement& d : r.disagreements)
    if (d.kind == DisagreementKind::kDate) {
      date = true;
      EXPECT_EQ(d.topic, "avalanche");
    }
  EXPECT_TRUE(date);
}

TEST(FiguresGold, FifthHeldOutSetKeepsItsLevel) {
  ExpectGoldLevel("heldout5", {53, 10, 0.98, 0.98, 0.88, 0.8});
}

// Rules from the sixth held-out set (building collapse, tornado, cholera outbreak); each test
// fails without its rule.
TEST(Attribution, ToldIsNeverInvertedAndAnAgeOrRelativeClauseEndsAnInvertedSpeaker) {
  auto figs = ExtractFigures(Make(
      "Nine of the dead were miners, a company spokesman, Piet Vos, told Reuters. Forty people "
      "were hurt, three of them badly, said Dr Anna Lind, 52, who heads the trauma unit. Six "
      "were rescued, said Mayor Olu Ade, who visited the site."));
  ASSERT_EQ(figs.size(), 4u);  // never the age 52
  EXPECT_EQ(figs[0].attribution.source, "a company spokesman, Piet Vos");
  ASSERT_EQ(figs[0].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[0].attribution.relays[0], "Reuters");
  EXPECT_EQ(figs[1].head, "injured");
  EXPECT_EQ(figs[1].attribution.source, "Dr Anna Lind");
  EXPECT_EQ(figs[2].attribution.source, "Dr Anna Lind");
  EXPECT_EQ(figs[3].head, "rescued");
  EXPECT_EQ(figs[3].attribution.source, "Mayor Olu Ade");
}

TEST(ExtractFigures, AnAgeBetweenCommasAfterANameIsNoFigure) {
  auto figs = ExtractFigures(Make(
      "Twelve people were injured, said the nurse, Ida Berg, 38, and her colleague Tom Ross, 41."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 12);
}

TEST(Attribution, AdmittedReportsButNotWithAnObject) {
  auto figs = ExtractFigures(Make(
      "Only 8 of the town's 20 pumps worked, the water manager, Eva Holm, admitted on Monday. "
      "The clinic admitted 150 patients on Sunday."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].head, "pumps");
  EXPECT_EQ(figs[0].attribution.source, "the water manager, Eva Holm");
  EXPECT_EQ(figs[1].attribution.source, "the water manager, Eva Holm");
  EXPECT_EQ(figs[2].head, "patients");
  EXPECT_TRUE(figs[2].attribution.empty());
}

TEST(Attribution, ProgressiveReportingVerbAfterAFrontedPhraseIntroducesTheFigures) {
  auto figs = ExtractFigures(Make(
      "By Tuesday, the agency was reporting at least 31 deaths. In Velt, police said 40 people "
      "were arrested. Two were killed, the agency said."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].attribution.source, "the agency");
  EXPECT_EQ(figs[1].attribution.source, "police");
  EXPECT_EQ(figs[2].attribution.source, "the agency");
}

TEST(Attribution, ANameOpeningTheSentenceSpeaksAfterAndSaid) {
  auto figs = ExtractFigures(Make(
      "President Mira Olsen visited the camp and said repairs would cost $12 million. The "
      "minister visited the camp and said 30 tents had arrived."));
  ASSERT_GE(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "money");
  EXPECT_EQ(figs[0].attribution.source, "President Mira Olsen");
  // A lower-case subject is not read this way (precision first).
  for (size_t i = 1; i < figs.size(); ++i) EXPECT_TRUE(figs[i].attribution.empty());
}

TEST(ExtractFigures, ANumberWordEndingItsClauseAfterAtOrFrom) {
  auto figs = ExtractFigures(Make(
      "Earlier the police had put the toll at six. The toll, up from four on Monday, is "
      "expected to rise. The meeting starts at five."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].low, 6);
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(figs[1].low, 4);
  EXPECT_EQ(figs[1].head, "killed");
  EXPECT_TRUE(figs[1].superseded);
}

TEST(ExtractFigures, ATownOfPeopleIsItsPopulation) {
  auto figs = ExtractFigures(Make(
      "Rell, a town of about 40,000 people, lies on the coast. A city of 2 million residents "
      "was hit."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "population");
  EXPECT_EQ(figs[1].head, "population");
}

TEST(ExtractFigures, ACountGluedToItsNounByAHyphen) {
  auto figs = ExtractFigures(Make(
      "A five-storey block and a 14-storey tower stood beside the 250-bed hospital. It was a "
      "five-star hotel."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].low, 5);
  EXPECT_EQ(figs[0].head, "storeys");
  EXPECT_EQ(figs[0].text, "five-storey");
  EXPECT_EQ(figs[1].low, 14);
  EXPECT_EQ(figs[1].head, "storeys");
  EXPECT_EQ(figs[2].head, "beds");
}

TEST(Attribution, TranscriptSpeakerLabels) {
  Article a = Make(
      "HOST: The ministry this morning put the toll at 27. Is that right?\n\n"
      "DR JOHN ABE: No. Our teams have counted between 40 and 50 deaths.\n\n"
      "REPORTER: About 300 people spent the night in a school.");
  auto figs = ExtractFigures(a);
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].attribution.source, "The ministry this morning");
  EXPECT_EQ(figs[1].attribution.source, "DR JOHN ABE");
  EXPECT_TRUE(figs[2].attribution.empty());  // the reporter's own words
  // One label alone is a dateline, not a speaker.
  auto dateline = ExtractFigures(Make("NEW DELHI: At least 12 people were killed on Monday."));
  ASSERT_EQ(dateline.size(), 1u);
  EXPECT_TRUE(dateline[0].attribution.empty());
}

TEST(DateClaims, TornadoesOutbreaksAndAWeekdayNightsEvent) {
  // 2026-05-17 is a Sunday.
  std::vector<Article> arts = {
      Make("A tornado tore through the town on Saturday evening.", CivilDate{2026, 5, 17}, 0),
      Make("The twister struck on Friday night.", CivilDate{2026, 5, 17}, 1),
      Make("Searchers combed the site of Thursday night's collapse.", CivilDate{2026, 5, 17}, 2),
      Make("The block collapsed on Friday.", CivilDate{2026, 5, 17}, 3),
      Make("The outbreak began on May 3, officials said.", CivilDate{2026, 5, 17}, 4),
      Make("The epidemic started on May 6.", CivilDate{2026, 5, 17}, 5),
  };
  FigureReport r = ConsolidateFigures(arts);
  std::vector<std::string> topics;
  for (const Disagreement& d : r.disagreements)
    if (d.kind == DisagreementKind::kDate) topics.push_back(d.topic);
  std::sort(topics.begin(), topics.end());
  EXPECT_EQ(topics, (std::vector<std::string>{"collapse", "outbreak", "tornado"}));
}

TEST(ReasonClaims, AnAdverbBetweenWasAndCausedBy) {
  std::vector<Article> arts = {
      Make("An engineer said the collapse was probably caused by a gas leak.",
           CivilDate{2026, 6, 10}, 0),
      Make("The mayor said the collapse was caused by illegal renovation work.",
           CivilDate{2026, 6, 10}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].kind, DisagreementKind::kReason);
}

// Real news text (DUC 2006, Timeline17): errors of the first run on a blind sample, each in
// sentences written for the test.
TEST(ExtractFigures, TimePointsAndGluedRatesAreNotQuantities) {
  EXPECT_TRUE(ExtractFigures(Make("The oldest tools date from 6,000 years ago.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The rocks there are millions of years old.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Cleaners earn $9-an-hour wages in the city.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("It leads a $400 million-a-year industry.")).empty());
  // A duration is still read when nothing makes it a point in time.
  auto figs = ExtractFigures(Make("The search lasted 6 years."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "duration");
}

TEST(ExtractFigures, AgeRangesAfterAgesAreNotCounts) {
  auto figs = ExtractFigures(Make("About 40 percent of voters ages 25 to 44 backed the plan."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 40);
  EXPECT_EQ(figs[0].unit, "%");
  EXPECT_EQ(figs[0].head, "voters");
  EXPECT_TRUE(ExtractFigures(Make("Members between the ages of 18 and 30 may vote.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("She left school at age 16 to work.")).empty());
}

TEST(ExtractFigures, NumberWordsJoinedByOrAreARange) {
  auto figs = ExtractFigures(
      Make("Rescuers found four or five survivors. One or two of the engines failed."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(FigureValueKey(figs[0]), "4-5");
  EXPECT_EQ(figs[0].head, "survivors");
  EXPECT_EQ(FigureValueKey(figs[1]), "1-2");
  EXPECT_EQ(figs[1].head, "engines");
}

TEST(ExtractFigures, NumberWordGluedToItsUnit) {
  auto figs = ExtractFigures(Make(
      "The council approved a three-year plan after a two-hour debate and a ten-mile-long "
      "march by a two-year-old group."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].unit, "year");
  EXPECT_EQ(figs[0].low, 3);
  EXPECT_EQ(figs[0].head, "duration");
  EXPECT_EQ(figs[1].unit, "hour");
  EXPECT_EQ(figs[1].low, 2);
  EXPECT_EQ(figs[2].unit, "mi");
  EXPECT_EQ(figs[2].head, "length");
}

TEST(ExtractFigures, MoreAndAnAcronymBeforeTheCountedNoun) {
  auto figs = ExtractFigures(
      Make("The ministry will send 2,000 more troops. Two US Navy ships left the port."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "troops");
  EXPECT_EQ(figs[1].head, "ships");
}

TEST(ExtractFigures, NumberWordEndingAClauseAfterAnOutcomeVerb) {
  auto figs = ExtractFigures(Make("Gunmen opened fire on the market, killing four."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 4);
  EXPECT_EQ(figs[0].head, "killed");
  // Only after an outcome verb: "the team of four." stays unread.
  EXPECT_TRUE(ExtractFigures(Make("She joined the team, leaving four.")).empty());
}

TEST(ExtractFigures, ApprehendedIsArrested) {
  auto figs = ExtractFigures(Make("Border guards apprehended 14 smugglers near the river."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "arrested");
}

TEST(ExtractFigures, AWordThatCountsNothingGivesNoHead) {
  EXPECT_TRUE(ExtractFigures(Make("So far it is 9,000 combined, and that is plenty.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("They paid 300 apiece for the seats.")).empty());
}

TEST(ExtractFigures, MoreNounsGluedToTheirCount) {
  auto figs = ExtractFigures(Make(
      "A seven-judge panel and a 12-member commission heard the case after a one-man protest."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].low, 7);
  EXPECT_EQ(figs[0].head, "judges");
  EXPECT_EQ(figs[1].low, 12);
  EXPECT_EQ(figs[1].head, "members");
}

TEST(Attribution, TwoSpeakersJoinedByAnd) {
  auto figs = ExtractFigures(Make(
      "Farmers and traders said 300 stalls were destroyed. The toll rose and officials said 12 "
      "people died."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].attribution.source, "Farmers and traders");
  EXPECT_EQ(figs[1].attribution.source, "officials");
}

TEST(Attribution, ACommaAfterAnOpeningPhraseIsNotAPostposedReport) {
  auto figs = ExtractFigures(Make(
      "On Monday, the minister said the plan would cost $40 million. In the north, 12 people "
      "died, the agency said Tuesday."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].attribution.source, "the minister");
  EXPECT_EQ(figs[1].attribution.source, "the agency");
}

TEST(ExtractFigures, AScaleWordGluedToItsNoun) {
  auto figs = ExtractFigures(Make("The state has a 1.3 million-person payroll."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 1300000);
  EXPECT_EQ(figs[0].head, "people");
}

TEST(ExtractFigures, PricesAndFrequenciesAreNotQuantities) {
  EXPECT_TRUE(ExtractFigures(Make("Crude traded at $82.50 a barrel on Monday.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Fines reach $1,100 for each barrel spilled.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Patients test their blood up to 36 times a day.")).empty());
  // A flow of money over time stays a figure.
  auto figs = ExtractFigures(Make("The casinos take in $350 million a year."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "money");
}

TEST(ExtractFigures, ARangeWithItsUnitWrittenTwice) {
  auto figs = ExtractFigures(Make("The spraying missed 10 percent to 20 percent of the mosquitoes."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(FigureValueKey(figs[0]), "10-20");
  EXPECT_EQ(figs[0].unit, "%");
  EXPECT_EQ(figs[0].head, "mosquitoes");
}

TEST(ExtractFigures, NamesAndLookAlikePluralsInTheNounPhrase) {
  auto figs = ExtractFigures(Make("The garden holds more than 1,000 specimen trees."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "trees");
  EXPECT_TRUE(ExtractFigures(Make("Sales reached 630,000 Nissan and Infiniti cars.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Tonight RADIO 5 LIVE SPORTS EXTRA carries the match.")).empty());
}

TEST(ExtractFigures, LocalTimeAndGluedDurationsAfterTheAreRead) {
  EXPECT_TRUE(ExtractFigures(Make("The leak began before 19.55 local time.")).empty());
  auto figs = ExtractFigures(Make("The film led over the four-day holiday weekend."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].unit, "day");
  EXPECT_EQ(figs[0].low, 4);
}

TEST(ExtractFigures, OtherVagueAtClauseEndAndPossessiveWholes) {
  auto figs = ExtractFigures(Make(
      "The trial also includes 35 other defendants. The quake struck the island, killing "
      "thousands. The tribe has 350 families, or about 10 percent of its membership."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].head, "defendants");
  EXPECT_EQ(figs[1].vague, "thousands");
  EXPECT_EQ(figs[1].head, "killed");
  EXPECT_EQ(figs[2].head, "families");
  EXPECT_EQ(figs[3].unit, "%");
  EXPECT_EQ(figs[3].head, "membership");
}

TEST(ExtractFigures, DollarsWrittenAsWords) {
  auto figs = ExtractFigures(Make(
      "The bank provided 40.5 million U.S. dollars in aid. Its dlrs 2.6 billion in sales lead."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].unit, "usd");
  EXPECT_EQ(figs[0].low, 40500000);
  EXPECT_EQ(figs[0].head, "money");
  EXPECT_EQ(figs[1].unit, "usd");
  EXPECT_EQ(figs[1].low, 2600000000);
}

TEST(Attribution, WireQuotesAndADescriptionBetweenCommas) {
  auto figs = ExtractFigures(Make(
      "``Parents burn out after two or three years,'' Conley said. YRC Worldwide, a large "
      "trucking company, told the Journal it will seek $1 billion in funds."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].attribution.source, "Conley");
  EXPECT_EQ(figs[1].attribution.source, "YRC Worldwide");
}

TEST(ExtractFigures, RanksRatiosRecordsAndFrequencies) {
  EXPECT_TRUE(ExtractFigures(Make("The album fell out of the top 10 list.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Levels were 300 times higher than the limit.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Sales reached a 20-year low in March.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("A bus leaves every 15 minutes.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Read points # 3 and # 5 again.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The army, then 2 million strong, was cut.")).empty());
}

TEST(ExtractFigures, WordRangesWithToAndTokenisedPossessives) {
  auto figs = ExtractFigures(Make(
      "The storms recur four to five years apart. Exports were 5 percent of the company 's "
      "total sales."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(FigureValueKey(figs[0]), "4-5");
  EXPECT_EQ(figs[0].unit, "year");
  EXPECT_EQ(figs[1].head, "sales");
}

TEST(Attribution, DaysTitlesAndParentheticalSpeakers) {
  auto figs = ExtractFigures(Make(
      "However, navy officials said Saturday that all 40 sailors were dead. According to the "
      "institute's Dr. Mira Sand, floods return every few years after 3 dry seasons. By Friday, "
      "some analysts say, the strike will have cost $200 million. The blaze began at noon, the "
      "chief told reporters, and winds spread it across two valleys."));
  ASSERT_EQ(figs.size(), 4u);
  EXPECT_EQ(figs[0].attribution.source, "navy officials");
  EXPECT_EQ(figs[1].attribution.source, "the institute's Dr. Mira Sand");
  EXPECT_EQ(figs[2].attribution.source, "some analysts");
  EXPECT_TRUE(figs[3].attribution.empty());  // a new clause after "and"
}

TEST(Attribution, ASpeakerBetweenTwoQuotes) {
  auto figs = ExtractFigures(Make(
      "``The first guest orders tea,'' she says, ``the second orders three coffees.''"));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "coffees");
  EXPECT_EQ(figs[0].attribution.source, "she");
}

// Seventh held-out set (leak, spill, blizzard): its first-run errors, each in sentences
// written for the test.
TEST(ExtractFigures, InchesAndALayerOfSnowOrRainIsADepth) {
  auto figs = ExtractFigures(Make("Up to 45 centimetres (18 inches) of fresh snow covered the pass."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].text, "Up to 45 centimetres (18 inches)");
  EXPECT_EQ(figs[0].unit, "cm");
  EXPECT_EQ(figs[0].head, "depth");
  auto rain = ExtractFigures(Make("Some 90 mm of rain fell on the hills overnight."));
  ASSERT_EQ(rain.size(), 1u);
  EXPECT_EQ(rain[0].head, "depth");
  auto inches = ExtractFigures(Make("The river rose 30 inches above the quay."));
  ASSERT_EQ(inches.size(), 1u);
  EXPECT_EQ(inches[0].unit, "in");
}

TEST(ExtractFigures, AConversionWithItsOwnModifier) {
  auto figs = ExtractFigures(Make("Fire burned some 800 hectares (about 2,000 acres) of forest."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].unit, "ha");
  EXPECT_EQ(figs[0].head, "area");
}

TEST(ExtractFigures, StrandedCountsItsNoun) {
  auto figs = ExtractFigures(Make("About 250 drivers were stranded on the motorway overnight."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "drivers");
}

TEST(ExtractFigures, AnActivePastTenseCountsItsObjectNotItsSubject) {
  auto figs = ExtractFigures(Make("Rescue teams and three boats rescued 140 people from the flood."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "boats");
  EXPECT_EQ(figs[1].head, "rescued");
  // An intransitive outcome before a measure keeps its head.
  auto drowned = ExtractFigures(Make("Four fishermen drowned 20 km off the coast."));
  ASSERT_GE(drowned.size(), 1u);
  EXPECT_EQ(drowned[0].head, "killed");
}

TEST(ExtractFigures, AParticipleModifierWithAConversionBeforeTheOutcome) {
  auto figs = ExtractFigures(
      Make("Some 900 villagers living within 5 km (3 miles) of the dam were evacuated."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "evacuated");
  EXPECT_EQ(figs[0].noun, "people");
}

TEST(ExtractFigures, LostTheirLivesAndAPossessivePartitive) {
  auto figs = ExtractFigures(Make("Two of our drivers lost their lives in the crash."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "killed");
  EXPECT_EQ(figs[0].noun, "drivers");
  EXPECT_TRUE(figs[0].partial);
}

TEST(ExtractFigures, OneOfNAfterANounCountsThatNoun) {
  auto figs = ExtractFigures(Make("The damaged pump, one of four at the station, was replaced."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 4);
  EXPECT_EQ(figs[0].head, "pumps");
  auto y = ExtractFigures(Make("The burning refinery, one of two in the province, was shut."));
  ASSERT_EQ(y.size(), 1u);
  EXPECT_EQ(y[0].head, "refineries");
}

// Fixes from the fifth blind real-news sample (E); the sentences are written for the tests.
TEST(ExtractFigures, TrillionIsAScaleWord) {
  auto figs = ExtractFigures(Make("The senate passed a $2.4 trillion spending plan on Friday."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 2.4e12);
  EXPECT_EQ(figs[0].unit, "usd");
  EXPECT_EQ(figs[0].head, "money");
}

TEST(ExtractFigures, PagesGlueToTheirCount) {
  auto figs = ExtractFigures(Make("Inspectors filed a 45-page report on the pier."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 45);
  EXPECT_EQ(figs[0].head, "pages");
}

TEST(ExtractFigures, MoreBeforeADurationUnit) {
  auto figs = ExtractFigures(Make("Divers will need three more weeks to reach the hold."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].low, 3);
  EXPECT_EQ(figs[0].unit, "week");
  EXPECT_EQ(figs[0].head, "duration");
  auto extra = ExtractFigures(Make("Farmers get an additional 4 years to repay the loans."));
  ASSERT_EQ(extra.size(), 1u);
  EXPECT_EQ(extra[0].head, "duration");
}

TEST(ExtractFigures, PercentOfAllAndAParticipleAfterThePlural) {
  auto all = ExtractFigures(Make("Phishing made up 62 percent of all complaints last year."));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].head, "complaints");
  auto owed = ExtractFigures(Make("The fund will pay 40 percent of the wages owed by March."));
  ASSERT_EQ(owed.size(), 1u);
  EXPECT_EQ(owed[0].head, "wages");
  // A possessive before a participle is no plural noun: the phrase reads on.
  auto going = ExtractFigures(Make("Rents make up 30 percent of all cash going into the fund."));
  ASSERT_EQ(going.size(), 1u);
  EXPECT_EQ(going[0].head, "cash");
  auto reserves = ExtractFigures(Make("It holds 8 percent of the region's proven reserves."));
  ASSERT_EQ(reserves.size(), 1u);
  EXPECT_EQ(reserves[0].head, "reserves");
}

TEST(ExtractFigures, AYearBeforeACommaIsNoListOfExcludedNumbers) {
  auto figs = ExtractFigures(Make("In March 2004, three gunmen seized 40 hostages at the bank."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].low, 3);
  EXPECT_EQ(figs[0].head, "gunmen");
  // A list of ages stays excluded.
  auto ages = ExtractFigures(Make("The hikers, aged 61, 64 and 70, were found safe."));
  EXPECT_TRUE(ages.empty());
}

TEST(ExtractFigures, DigitsJoinedByOrBeforeAUnitAreARange) {
  auto figs = ExtractFigures(Make("Trains now stop for 10 or 20-minute checks at the border."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(FigureValueKey(figs[0]), "10-20");
  EXPECT_EQ(figs[0].unit, "minute");
  EXPECT_EQ(figs[0].head, "duration");
}

TEST(ExtractFigures, PercentChangeOfATransitiveVerbsObject) {
  auto figs = ExtractFigures(Make("The plan aims to cut traffic in the old town by 30 percent."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "traffic");
  // A passive has no object: no head is read, so the figure is dropped.
  auto passive = ExtractFigures(Make("Fares were cut sharply last spring by 12 percent."));
  EXPECT_TRUE(passive.empty());
}

TEST(ExtractFigures, HalvesAndHalfAScaleWord) {
  auto figs = ExtractFigures(Make(
      "Nearly half a million residents were displaced. The crossing took three and a half "
      "hours, and one and a half million tonnes of grain were lost."));
  ASSERT_EQ(figs.size(), 3u);
  EXPECT_EQ(figs[0].low, 500000);
  EXPECT_EQ(figs[0].head, "displaced");
  EXPECT_EQ(figs[1].low, 3.5);
  EXPECT_EQ(figs[1].unit, "hour");
  EXPECT_EQ(figs[2].low, 1.5e6);
  EXPECT_EQ(figs[2].unit, "t");
  // "half" alone is no figure.
  EXPECT_TRUE(ExtractFigures(Make("Half the village was flooded.")).empty());
}

TEST(ExtractFigures, PoundsAreMoneyOrWeightByContext) {
  auto fine = ExtractFigures(Make("The club was fined 25,000 pounds by the league."));
  ASSERT_EQ(fine.size(), 1u);
  EXPECT_EQ(fine[0].unit, "gbp");
  EXPECT_EQ(fine[0].head, "money");
  auto scaled = ExtractFigures(Make("The new stand will cost the club 3 million pounds sterling."));
  ASSERT_EQ(scaled.size(), 1u);
  EXPECT_EQ(scaled[0].unit, "gbp");
  EXPECT_EQ(scaled[0].text, "3 million pounds sterling");
  auto load = ExtractFigures(Make("Police found 2,000 pounds of fertiliser in the van."));
  ASSERT_EQ(load.size(), 1u);
  EXPECT_EQ(load[0].unit, "lb");
  EXPECT_NEAR(load[0].base_low, 907.2, 0.1);
  // Tokenised text writes the pound sign as "#": a sum with a scale word is money, a bare
  // "# 23" (a comment number) is nothing.
  auto ptb = ExtractFigures(Make("Ministers set aside # 45m for repairs . Re # 23 , I agree ."));
  ASSERT_EQ(ptb.size(), 1u);
  EXPECT_EQ(ptb[0].unit, "gbp");
  EXPECT_EQ(ptb[0].low, 45e6);
}

TEST(ExtractFigures, TreebankBracketsHoldAConversion) {
  auto figs = ExtractFigures(Make("The fault line is 32 km -LRB- 20 miles -RRB- long ."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].text, "32 km -LRB- 20 miles -RRB-");
  EXPECT_EQ(figs[0].head, "length");
}

TEST(ExtractFigures, OutcomeInARelativeClauseAndFatallyShot) {
  auto who = ExtractFigures(Make("The 2009 inquiry named 118 miners who died underground."));
  ASSERT_EQ(who.size(), 1u);
  EXPECT_EQ(who[0].head, "killed");
  EXPECT_EQ(who[0].noun, "miners");
  auto shot = ExtractFigures(Make("Two guards were fatally shot at the gate."));
  ASSERT_EQ(shot.size(), 1u);
  EXPECT_EQ(shot[0].head, "killed");
  // Not an outcome: the relative clause says something else.
  auto met = ExtractFigures(Make("He met 12 ministers who said nothing."));
  for (const Figure& f : met) EXPECT_EQ(f.head, "ministers");
}

TEST(Attribution, ClaimAndPredictThat) {
  auto claim = ExtractFigures(Make("Opposition groups claim that 200 protesters were arrested."));
  ASSERT_EQ(claim.size(), 1u);
  EXPECT_EQ(claim[0].attribution.source, "Opposition groups");
  auto predicted = ExtractFigures(
      Make("Analysts predicted that 3,000 jobs would go by the end of the year."));
  ASSERT_EQ(predicted.size(), 1u);
  EXPECT_EQ(predicted[0].attribution.source, "Analysts");
}

TEST(ExtractFigures, RacesRaceTimesAndRecordsAreNotFigures) {
  EXPECT_TRUE(ExtractFigures(Make("She won the women's 800 meters and the 400-meter hurdles.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("He ran the final in 3 minutes 51.2 seconds.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The pound fell to its lowest level in 18 months.")).empty());
  // Seconds are a duration like any other.
  auto secs = ExtractFigures(Make("The jet came down about 40 seconds after take-off."));
  ASSERT_EQ(secs.size(), 1u);
  EXPECT_EQ(secs[0].unit, "second");
  EXPECT_EQ(secs[0].head, "duration");
}

TEST(ExtractFigures, OneBeforeAUnitAndGluedTons) {
  auto one = ExtractFigures(Make("Each tank held one ton of chlorine."));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].low, 1);
  EXPECT_EQ(one[0].unit, "t");
  auto glued = ExtractFigures(Make("The bomb was hidden in a two-ton truck."));
  ASSERT_EQ(glued.size(), 1u);
  EXPECT_EQ(glued[0].unit, "t");
  // "one day" is mostly "some day": no figure.
  EXPECT_TRUE(ExtractFigures(Make("One day the river will flood again.")).empty());
}

TEST(ExtractFigures, MoreOutcomeShapes) {
  auto dieoff = ExtractFigures(Make("The virus caused the die-off of hundreds of crows."));
  ASSERT_EQ(dieoff.size(), 1u);
  EXPECT_EQ(dieoff[0].head, "killed");
  auto suspected = ExtractFigures(Make("The minister said 11 people were suspected to have died."));
  ASSERT_EQ(suspected.size(), 1u);
  EXPECT_EQ(suspected[0].head, "killed");
  auto participle = ExtractFigures(Make("Three boys playing football nearby were injured."));
  ASSERT_EQ(participle.size(), 1u);
  EXPECT_EQ(participle[0].head, "injured");
  EXPECT_EQ(participle[0].noun, "boys");
  auto evacuate = ExtractFigures(Make("The embassy hopes to evacuate another 500 tomorrow."));
  ASSERT_EQ(evacuate.size(), 1u);
  EXPECT_EQ(evacuate[0].head, "evacuated");
  // "put that number at": what is counted is named elsewhere, so no head and no figure.
  EXPECT_TRUE(ExtractFigures(Make("Most estimates now put that number at 1,000.")).empty());
}

TEST(ExtractFigures, WidthDiameterAndARiseInHeight) {
  auto hole = ExtractFigures(Make("The sinkhole is 30 metres wide and 60 metres long."));
  ASSERT_EQ(hole.size(), 2u);
  EXPECT_EQ(hole[0].head, "width");
  EXPECT_EQ(hole[1].head, "length");
  auto hail = ExtractFigures(Make("Hailstones up to 7 cm in diameter smashed windows."));
  ASSERT_EQ(hail.size(), 1u);
  EXPECT_EQ(hail[0].head, "diameter");
  auto sea = ExtractFigures(Make("Sea levels could rise by nearly one metre by 2100."));
  ASSERT_EQ(sea.size(), 1u);
  EXPECT_EQ(sea[0].head, "height");
}

TEST(ExtractFigures, TokenisedMillionsAfterADetachedCurrencySign) {
  auto figs = ExtractFigures(Make("The insurer wants the $ 17.5 m -LRB- # 10.7 m -RRB- policy voided ."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].low, 17.5e6);
  EXPECT_EQ(figs[0].unit, "usd");
  EXPECT_EQ(figs[1].low, 10.7e6);
  EXPECT_EQ(figs[1].unit, "gbp");
}

TEST(Attribution, AReportInsideAQuoteIsRelayedByTheQuotedSpeaker) {
  auto figs = ExtractFigures(Make(
      "\"The health institute estimates that 40,000 teenagers have tried the drug,\" Dr Moss said."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].attribution.source, "The health institute");
  ASSERT_EQ(figs[0].attribution.relays.size(), 1u);
  EXPECT_EQ(figs[0].attribution.relays[0], "Dr Moss");
  // Without the quote the postposed speaker is the source.
  auto plain = ExtractFigures(Make("At least 40 homes were flooded, the Office for Flood and Coastal Defence said."));
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].attribution.source, "the Office for Flood and Coastal Defence");
  auto dated = ExtractFigures(Make(
      "Some 58 percent of households owned a car, according to 2019 figures from the census office."));
  ASSERT_EQ(dated.size(), 1u);
  EXPECT_EQ(dated[0].attribution.source, "the census office");
}

TEST(Attribution, QuotedAsSayingAndAnAnonymousSource) {
  auto quoted = ExtractFigures(Make(
      "At least 14 people were killed, the agency Balkan Wire quoted the regional police chief as "
      "saying."));
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_EQ(quoted[0].attribution.source, "the regional police chief");
  ASSERT_EQ(quoted[0].attribution.relays.size(), 1u);
  EXPECT_EQ(quoted[0].attribution.relays[0], "Balkan Wire");  // "the agency" is stripped
  auto anon = ExtractFigures(Make(
      "The talks lasted three days, a diplomat who requested anonymity told the paper."));
  ASSERT_EQ(anon.size(), 1u);
  EXPECT_EQ(anon[0].attribution.source, "a diplomat");
  auto ptb = ExtractFigures(Make(
      "According to the bureau 's website regarding farm income , about 40 % of the growers are "
      "in debt ."));
  ASSERT_EQ(ptb.size(), 1u);
  EXPECT_EQ(ptb[0].attribution.source, "the bureau 's website");
}

TEST(ExtractFigures, NounPhrasesWithAdverbsPoliceAndSchoolYears) {
  auto armed = ExtractFigures(Make("Two heavily armed men were arrested at the border."));
  ASSERT_EQ(armed.size(), 1u);
  EXPECT_EQ(armed[0].head, "arrested");
  EXPECT_EQ(armed[0].noun, "men");
  auto officers = ExtractFigures(Make("Four former police officers went on trial."));
  ASSERT_EQ(officers.size(), 1u);
  EXPECT_EQ(officers[0].head, "officers");
  // "all year 9 pupils" is a school year; "Proposition 5" a ballot measure; "one executive
  // familiar with the talks" introduces someone.
  EXPECT_TRUE(ExtractFigures(Make("The school sent all year 9 pupils home.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Voters rejected Proposition 5 on Tuesday.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("One executive familiar with the talks was upbeat.")).empty());
  auto one_dead = ExtractFigures(Make("One person was killed."));
  ASSERT_EQ(one_dead.size(), 1u);
  EXPECT_EQ(one_dead[0].head, "killed");
}

TEST(ExtractFigures, AltitudesDosesSquareMilesAndAChangeToAPercentage) {
  auto alt = ExtractFigures(Make("Radar followed the jet down to 12,000 feet."));
  ASSERT_EQ(alt.size(), 1u);
  EXPECT_EQ(alt[0].head, "height");
  auto dose = ExtractFigures(Make("The label suggests 500 mg a day."));
  ASSERT_EQ(dose.size(), 1u);
  EXPECT_EQ(dose[0].unit, "mg");
  EXPECT_EQ(dose[0].head, "weight");
  auto sq = ExtractFigures(Make("The burn scar covers 2,300 sq miles of forest."));
  ASSERT_EQ(sq.size(), 1u);
  EXPECT_EQ(sq[0].unit, "mi2");
  auto poll = ExtractFigures(Make("In the latest poll, approval slipped to 41 percent."));
  ASSERT_EQ(poll.size(), 1u);
  EXPECT_EQ(poll[0].head, "approval");
}

TEST(ExtractFigures, RangesOfSumsPricesPerUnitAndVagueHundreds) {
  auto range = ExtractFigures(Make("The repairs will cost $ 20 to $ 35 million ."));
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(FigureValueKey(range[0]), "20000000-35000000");
  auto both = ExtractFigures(Make("New turbines cost $400 million to $450 million each year."));
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(FigureValueKey(both[0]), "400000000-450000000");
  // A change is no range, and prices per unit are no figures.
  EXPECT_EQ(ExtractFigures(Make("Sales grew from $5 million to $9 million.")).size(), 2u);
  EXPECT_TRUE(ExtractFigures(Make("Wheat sold at $ 6.20 a bushel .")).empty());
  EXPECT_TRUE(ExtractFigures(Make("At $ 90\\/barrel , prices are high .")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Crews are paid $ 15 to $ 18 an hour .")).empty());
  auto several = ExtractFigures(Make("Several hundred residents were evacuated."));
  ASSERT_EQ(several.size(), 1u);
  EXPECT_EQ(several[0].vague, "hundreds");
  EXPECT_EQ(several[0].head, "evacuated");
}

TEST(ExtractFigures, LivesTakenAltitudesAndForeignCurrencies) {
  auto lives = ExtractFigures(Make("The blast, which took 10 lives, was the worst in years."));
  ASSERT_EQ(lives.size(), 1u);
  EXPECT_EQ(lives[0].head, "killed");
  auto claimed = ExtractFigures(Make("The flood claimed 40 lives."));
  ASSERT_EQ(claimed.size(), 1u);
  EXPECT_TRUE(claimed[0].attribution.empty());  // an outcome, not a claim
  auto all = ExtractFigures(Make("The crash killed all 88 people on board."));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].head, "killed");
  auto alt = ExtractFigures(Make("The jet fell from a cruising altitude of 10,000 meters down to 3,000 meters."));
  ASSERT_EQ(alt.size(), 2u);
  EXPECT_EQ(alt[0].head, "height");
  EXPECT_EQ(alt[1].head, "height");
  auto yuan = ExtractFigures(Make("The gang demanded a 2 million Chinese yuan ransom."));
  ASSERT_EQ(yuan.size(), 1u);
  EXPECT_EQ(yuan[0].unit, "cny");
  auto area = ExtractFigures(Make("Some 8,000 square metres of warehouses burned."));
  ASSERT_EQ(area.size(), 1u);
  EXPECT_EQ(area[0].unit, "m2");
}

TEST(Attribution, ALowerCaseTitleBetweenCommasAndALongName) {
  auto title = ExtractFigures(Make(
      "\"Rates will stay low for 12 to 24 months,\" Ann Lee, chief economist of the port "
      "authority, told the meeting."));
  ASSERT_EQ(title.size(), 1u);
  EXPECT_EQ(title[0].attribution.source, "Ann Lee");
  auto name = ExtractFigures(Make(
      "The payments were three months late, the Centre for Human Rights and Democratic "
      "Reform reported."));
  ASSERT_EQ(name.size(), 1u);
  EXPECT_EQ(name[0].attribution.source, "the Centre for Human Rights and Democratic Reform");
}

TEST(ExtractFigures, KeyFigureListsFallingIllAndOClock) {
  auto list = ExtractFigures(Make(
      "- 40,000: households without water, according to the utility.\n- At least nine: deaths "
      "linked to the heat, according to the coroner."));
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].head, "households");
  EXPECT_EQ(list[0].attribution.source, "the utility");
  EXPECT_EQ(list[1].head, "killed");
  auto ill = ExtractFigures(Make("One diner died and about 60 diners fell ill. Three guests died and 40 fell ill."));
  bool guests = false;
  for (const Figure& f : ill) guests = guests || (f.low == 40 && f.head == "guests");
  EXPECT_TRUE(guests);
  EXPECT_TRUE(ExtractFigures(Make("Good evening, it is nine o'clock.")).empty());
}

TEST(ExtractFigures, DemandsDurationsOfTheEventAndPoundsInAConversion) {
  auto demand = ExtractFigures(Make("The kidnappers demanded 2 million dollars."));
  ASSERT_EQ(demand.size(), 1u);
  EXPECT_EQ(demand[0].noun, "demand");
  auto lasted = ExtractFigures(Make("The standoff at the embassy lasted about 30 hours."));
  ASSERT_EQ(lasted.size(), 1u);
  EXPECT_EQ(lasted[0].noun, "siege");
  auto conv = ExtractFigures(Make("Police seized 20 kilograms (44 pounds) of cocaine."));
  ASSERT_EQ(conv.size(), 1u);
  EXPECT_EQ(conv[0].text, "20 kilograms (44 pounds)");
}

TEST(Attribution, AsEstimatedByPostedThatAndAWhoseClause) {
  auto as_by = ExtractFigures(Make("- $2 billion: the cost of the outage, as estimated by the chamber of commerce."));
  ASSERT_EQ(as_by.size(), 1u);
  EXPECT_EQ(as_by[0].attribution.source, "the chamber of commerce");
  auto posted = ExtractFigures(Make("The mayor posted on Facebook that 14 schools would stay shut."));
  ASSERT_EQ(posted.size(), 1u);
  EXPECT_EQ(posted[0].attribution.source, "The mayor");
  auto whose = ExtractFigures(Make(
      "\"Forty children in one ward,\" Ana Ruiz, whose daughter is in hospital, wrote on X."));
  ASSERT_EQ(whose.size(), 1u);
  EXPECT_EQ(whose[0].attribution.source, "Ana Ruiz");
  auto tell = ExtractFigures(Make("The engineers tell me two weeks at least."));
  ASSERT_EQ(tell.size(), 1u);
  EXPECT_EQ(tell[0].attribution.source, "The engineers");
}

TEST(Attribution, AReporterIntroducedByTheAnchorIsARole) {
  Article a = Make(
      "ANCHOR: Our reporter Lena Fisk is at the scene. Lena?\n\nFISK: Thank you. Twelve "
      "workers are still trapped.\n\nMAYOR HALE: We have 40 rescuers on site.");
  auto figs = ExtractFigures(a);
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_TRUE(figs[0].attribution.empty());  // the reporter's own words are the outlet's
  EXPECT_EQ(figs[1].attribution.source, "MAYOR HALE");
}

TEST(ExtractFigures, MoreCountsOrderedToLeaveAndASharedOutcomeVerb) {
  auto more = ExtractFigures(Make("The airport cancelled 20 flights and diverted 6 more."));
  ASSERT_EQ(more.size(), 2u);
  EXPECT_EQ(more[1].head, "flights");
  auto ordered = ExtractFigures(Make("The embassy ordered about 60 staff, and their families, to leave."));
  ASSERT_EQ(ordered.size(), 1u);
  EXPECT_EQ(ordered[0].head, "evacuated");
  auto shared = ExtractFigures(Make("The crash killed 40 passengers on board and 3 people on the ground."));
  ASSERT_EQ(shared.size(), 2u);
  EXPECT_EQ(shared[1].head, "killed");
  EXPECT_EQ(shared[1].noun, "people");
  auto long_np = ExtractFigures(Make(
      "At least 900 protesters seeking the end of the governor 's rule have been killed , the UN says ."));
  ASSERT_EQ(long_np.size(), 1u);
  EXPECT_EQ(long_np[0].head, "killed");
  auto first = ExtractFigures(Make("Output has fallen by 40 percent, the company said."));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].head, "output");
}

TEST(ExtractFigures, ObjectsHaveLengthsWaysHaveDistancesAndOtherUnits) {
  auto road = ExtractFigures(Make("Kuwait will fund a 180-kilometer road in the north."));
  ASSERT_EQ(road.size(), 1u);
  EXPECT_EQ(road[0].head, "length");
  auto path = ExtractFigures(Make("The tornado cut a 14-mile path through the county."));
  ASSERT_EQ(path.size(), 1u);
  EXPECT_EQ(path[0].head, "distance");
  auto ages = ExtractFigures(Make("After five centuries the trade routes shifted."));
  ASSERT_EQ(ages.size(), 1u);
  EXPECT_EQ(ages[0].unit, "century");
  auto gold = ExtractFigures(Make("The fund will sell 400 tons (12.97 million ounces) of gold."));
  ASSERT_EQ(gold.size(), 1u);
  EXPECT_EQ(gold[0].unit, "t");
  auto dozen = ExtractFigures(Make("She picked 30 dozen roses for the market."));
  ASSERT_EQ(dozen.size(), 1u);
  EXPECT_EQ(dozen[0].low, 360);
  auto rate_of = ExtractFigures(Make("Fewer than 2 percent of fires involving electric cars start at home."));
  ASSERT_EQ(rate_of.size(), 1u);
  EXPECT_EQ(rate_of[0].head, "fires");
}

TEST(Attribution, ReportsAsNounsQuotedAfterAnAppositiveAndCitingAfterTheObject) {
  auto quoted = ExtractFigures(Make(
      "Tanjug, the state news agency, quoted Petrov as saying the convoy had three trucks."));
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_EQ(quoted[0].attribution.source, "Petrov");
  ASSERT_EQ(quoted[0].attribution.relays.size(), 1u);
  EXPECT_EQ(quoted[0].attribution.relays[0], "Tanjug");
  auto initial = ExtractFigures(Make("Initial reports that 60 people had died proved wrong."));
  ASSERT_EQ(initial.size(), 1u);
  EXPECT_EQ(initial[0].attribution.source, "Initial reports");
  auto noun = ExtractFigures(Make("The reserve for claims will cost the insurer $2 billion."));
  ASSERT_EQ(noun.size(), 1u);
  EXPECT_TRUE(noun[0].attribution.empty());
  auto citing = ExtractFigures(Make("State radio put the death toll at 21, citing police sources."));
  ASSERT_EQ(citing.size(), 1u);
  EXPECT_EQ(citing[0].attribution.source, "police sources");
  auto clause = ExtractFigures(Make(
      "Last week, Ana Kos, the county prosecutor, said police were holding three suspects."));
  ASSERT_EQ(clause.size(), 1u);
  EXPECT_NE(clause[0].attribution.source.find("Ana Kos"), std::string::npos);
}

TEST(ExtractFigures, RatesAfterTheNounFiguresOfSpeechAndSharedNouns) {
  EXPECT_TRUE(ExtractFigures(Make("Jails hold 650 inmates for every 100,000 residents.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The firm has lost millions of dollars.")).empty());
  auto barrels = ExtractFigures(Make("Thousands of barrels of oil leaked into the bay."));
  ASSERT_EQ(barrels.size(), 1u);
  EXPECT_EQ(barrels[0].head, "barrels");
  auto shared = ExtractFigures(Make("The nursery lost 300 apple and pear trees."));
  ASSERT_EQ(shared.size(), 1u);
  EXPECT_EQ(shared[0].head, "trees");
  auto two = ExtractFigures(Make("12 soldiers and four civilians were killed."));
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].noun, "soldiers");
}

TEST(ExtractFigures, RatiosRanksNamesAndAgesBeforeTheOutcome) {
  EXPECT_TRUE(ExtractFigures(Make("Smokers face 15 to 30 times the risk of non-smokers.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("Women were robbed at rates two times that of men.")).empty());
  auto occasions = ExtractFigures(Make("She had warned the council three times that month."));
  ASSERT_EQ(occasions.size(), 1u);
  EXPECT_EQ(occasions[0].head, "times");
  EXPECT_TRUE(ExtractFigures(Make("The bank is now among the top three globally.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("He hosts a show on BBC 6 Music every week.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The two youngest were shy, the elder two seeming at ease.")).empty());
  auto within = ExtractFigures(Make("The mayor said the population would reach 3 million within 20 years."));
  for (const Figure& f : within) EXPECT_NE(f.head, "within");
  auto ages = ExtractFigures(Make("Two sisters, ages 6 and 9, were killed, police said."));
  ASSERT_EQ(ages.size(), 1u);
  EXPECT_EQ(ages[0].head, "killed");
}

TEST(Attribution, InvertedOnlyAfterVerbsOfSayingAndALongRelativeClause) {
  auto figs = ExtractFigures(Make(
      "Ines Roth, whose office is reviewing the crash that killed 41 people near the coast of "
      "Velt, announced the decision to send three inspectors."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_TRUE(figs[0].attribution.empty());  // "announced the decision" names no speaker after it
  EXPECT_EQ(figs[1].attribution.source, "Ines Roth");
}

TEST(ExtractFigures, BulletsWithACapitalisedNumberWordAreRead) {
  auto figs = ExtractFigures(Make("- Dozens of fishing boats destroyed\n- Hundreds of homes damaged"));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "destroyed");
  EXPECT_EQ(figs[1].head, "damaged");
}

TEST(ConsolidateFigures, TheSizeOfAThingNamedByItsRelativeClauseOrInThePlural) {
  std::vector<Article> arts = {
      Make("The wave that hit the harbour was 8 metres high, a fisherman said.", CivilDate{2026, 3, 1}, 0),
      Make("Waves 4-5 metres high struck the harbour, the study found.", CivilDate{2026, 3, 2}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].topic, "height");
  EXPECT_EQ(r.disagreements[0].noun, "wave");
}

TEST(Attribution, BulletSourcesStudiesThatFoundAndAnAgeInTheTitle) {
  auto bullet = ExtractFigures(Make("- About 90 people injured (Ministry of Health)"));
  ASSERT_EQ(bullet.size(), 1u);
  EXPECT_EQ(bullet[0].attribution.source, "Ministry of Health");
  auto found = ExtractFigures(Make("About 40 percent of the wells leak, the study found."));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].attribution.source, "the study");
  auto things = ExtractFigures(Make("Investigators found 12 fuel canisters near the gate."));
  ASSERT_EQ(things.size(), 1u);
  EXPECT_TRUE(things[0].attribution.empty());
  auto age = ExtractFigures(Make("\"The water was 2 metres deep,\" says Ola Berg, a 52-year-old farmer."));
  ASSERT_EQ(age.size(), 1u);
  EXPECT_EQ(age[0].attribution.source, "Ola Berg");
  auto ransom = ExtractFigures(Make("The ransom is $3 million, an official said."));
  ASSERT_EQ(ransom.size(), 1u);
  EXPECT_EQ(ransom[0].noun, "demand");
}

TEST(ExtractFigures, ListsOfParticiplesRangesOfMillionsAndRoundThings) {
  auto list = ExtractFigures(Make("Some 900 ships have been stopped, 85 searched and six seized."));
  ASSERT_EQ(list.size(), 3u);
  for (const Figure& f : list) EXPECT_EQ(f.head, "ships");
  auto range = ExtractFigures(Make("Repairs will cost $ 200-300m , the utility said ."));
  ASSERT_EQ(range.size(), 1u);
  EXPECT_EQ(FigureValueKey(range[0]), "200000000-300000000");
  EXPECT_TRUE(ExtractFigures(Make("The office is open 1-10 p.m. on Sundays.")).empty());
  EXPECT_TRUE(ExtractFigures(Make("The euro last traded at $1.3926.")).empty());
  auto pipe = ExtractFigures(Make("Engineers fitted a 21-inch cap over the broken pipe."));
  ASSERT_EQ(pipe.size(), 1u);
  EXPECT_EQ(pipe[0].head, "diameter");
  auto quoted = ExtractFigures(Make("The shop sold four new ``Star Wars'' dispensers."));
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_EQ(quoted[0].head, "dispensers");
  auto reais = ExtractFigures(Make("The farm spent 10,000 reais on the survey."));
  ASSERT_EQ(reais.size(), 1u);
  EXPECT_EQ(reais[0].unit, "brl");
}

TEST(Attribution, TheWhoAndANegatedSay) {
  auto who = ExtractFigures(Make("The WHO said 30 countries had reported cases."));
  ASSERT_EQ(who.size(), 1u);
  EXPECT_EQ(who[0].attribution.source, "The WHO");
  auto negated = ExtractFigures(Make("We didn't say 40 staff would go."));
  ASSERT_EQ(negated.size(), 1u);
  EXPECT_TRUE(negated[0].attribution.empty());
}

TEST(ExtractFigures, ShotDeadTreatedForInjuriesAndWhatThingsCost) {
  auto shot = ExtractFigures(Make("Police arrested 9 escapees and shot dead two others."));
  ASSERT_EQ(shot.size(), 2u);
  EXPECT_EQ(shot[1].head, "killed");
  auto treated = ExtractFigures(Make("About 20 people are being treated for injuries."));
  ASSERT_EQ(treated.size(), 1u);
  EXPECT_EQ(treated[0].head, "injured");
  auto cost = ExtractFigures(Make("Repairs will cost about EUR 9 million , the operator says ."));
  for (const Figure& f : cost) EXPECT_NE(f.head, "money");  // no currency sign: no sum
  auto euros = ExtractFigures(Make("Repairs will cost about €9 million, the operator says."));
  ASSERT_EQ(euros.size(), 1u);
  EXPECT_EQ(euros[0].noun, "cost");
}

TEST(Attribution, ThatVerbsAndATokenisedPossessiveSpeaker) {
  auto suggested = ExtractFigures(
      Make("Professor Lund suggested that the city could save $40 million a year."));
  ASSERT_EQ(suggested.size(), 1u);
  EXPECT_EQ(suggested[0].attribution.source, "Professor Lund");
  auto cautioned = ExtractFigures(
      Make("The airline's chief cautioned Monday that 300 flights may be cancelled."));
  ASSERT_EQ(cautioned.size(), 1u);
  EXPECT_EQ(cautioned[0].attribution.source, "The airline's chief");
  // With a plain object the verb reports nothing.
  auto proposed = ExtractFigures(Make("The mayor proposed a $12 million budget for parks."));
  ASSERT_EQ(proposed.size(), 1u);
  EXPECT_TRUE(proposed[0].attribution.empty());
  // "showed" and "indicated" report only for a body of figures.
  auto data = ExtractFigures(
      Make("Monday's customs data showed exports of 4.1 million tonnes last month."));
  ASSERT_EQ(data.size(), 1u);
  EXPECT_EQ(data[0].attribution.source, "Monday's customs data");
  auto film = ExtractFigures(Make("The film showed 40 miners trapped in the shaft."));
  for (const Figure& f : film) EXPECT_TRUE(f.attribution.empty());
  auto ptb = ExtractFigures(
      Make("At least 90 homes were destroyed , Peru 's interior ministry has said ."));
  ASSERT_EQ(ptb.size(), 1u);
  EXPECT_EQ(ptb[0].attribution.source, "Peru 's interior ministry");
}

TEST(Attribution, InvertedSpeakerAfterAQuoteAndALowerCaseTitle) {
  auto figs = ExtractFigures(Make("\"Nine workers were injured,\" said plant manager Rosa Veldt."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "injured");
  EXPECT_EQ(figs[0].attribution.source, "plant manager Rosa Veldt");
}

TEST(Attribution, ADefiniteDescriptionBetweenCommas) {
  auto figs = ExtractFigures(
      Make("Coastline Water, the utility company, said 6,000 homes had no running water."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].attribution.source, "Coastline Water");
}

TEST(Attribution, ByAPossessorsCount) {
  auto figs = ExtractFigures(Make("About 40 seals have died, by the rescue centre's count."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].attribution.source, "the rescue centre");
  auto front = ExtractFigures(Make("By the union's own estimate, 300 jobs are at risk."));
  ASSERT_EQ(front.size(), 1u);
  EXPECT_EQ(front[0].attribution.source, "the union");
}

TEST(Attribution, QuestionLabelsMakeAnInterview) {
  auto figs = ExtractFigures(Make(
      "Q: How bad is the flooding?\n\nMERRICK: About 300 homes are under water.\n\n"
      "Q: The council says 12 roads are closed. Is that right?\n\nMERRICK: More like 20 roads."));
  ASSERT_GE(figs.size(), 2u);
  EXPECT_EQ(figs[0].attribution.source, "MERRICK");
  EXPECT_EQ(figs[1].attribution.source, "The council");
}

TEST(DateClaims, LeaksAndBlizzards) {
  // 2026-10-15 is a Thursday.
  std::vector<Article> arts = {
      Make("Two workers died when chlorine leaked from a pipe late on Monday.",
           CivilDate{2026, 10, 13}, 0),
      Make("The town is still counting the cost of Tuesday's chlorine leak.",
           CivilDate{2026, 10, 15}, 1),
      Make("Five people died in the blizzard that hit the valley on Thursday.",
           CivilDate{2026, 10, 16}, 2),
      Make("The blizzard that struck the valley on Wednesday night closed every road.",
           CivilDate{2026, 10, 17}, 3),
  };
  FigureReport r = ConsolidateFigures(arts);
  std::vector<std::string> topics;
  for (const Disagreement& d : r.disagreements)
    if (d.kind == DisagreementKind::kDate) topics.push_back(d.topic);
  std::sort(topics.begin(), topics.end());
  EXPECT_EQ(topics, (std::vector<std::string>{"blizzard", "leak"}));
}

TEST(DateClaims, KindsBeyondTheGoldSetsAndPartsOfADay) {
  // 2026-05-06 is a Wednesday.
  std::vector<Article> arts = {
      Make("Guards regained control after the riot that broke out on Monday night.",
           CivilDate{2026, 5, 6}, 0),
      Make("The riot began on the evening of 3 May, inmates' families said.",
           CivilDate{2026, 5, 6}, 1),
      Make("A sinkhole opened under the market in the early hours of Tuesday.",
           CivilDate{2026, 5, 6}, 2),
      Make("The sinkhole appeared on Monday, traders said.", CivilDate{2026, 5, 6}, 3),
  };
  FigureReport r = ConsolidateFigures(arts);
  std::vector<std::string> topics;
  for (const Disagreement& d : r.disagreements)
    if (d.kind == DisagreementKind::kDate) topics.push_back(d.topic);
  std::sort(topics.begin(), topics.end());
  EXPECT_EQ(topics, (std::vector<std::string>{"riot", "sinkhole"}));
}

TEST(ConsolidateFigures, ATollJoinsTheOneNounItsOutcomeCounts) {
  std::vector<Article> arts = {
      Make("At least 11 miners were killed in the blast, the company said.", CivilDate{2026, 2, 2}, 0),
      Make("The death toll has risen to 19, up from 11, the mines ministry said.",
           CivilDate{2026, 2, 3}, 1),
      Make("Between 25 and 30 miners died, according to the union.", CivilDate{2026, 2, 3}, 2),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  const Disagreement& d = r.disagreements[0];
  EXPECT_EQ(d.topic, "killed");
  std::vector<std::string> values;
  for (const DisagreementSide& side : d.sides) values.push_back(side.value);
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<std::string>{"19", "25-30"}));
  // A part is not a rival: "three rescuers were injured" against "31 people were injured".
  std::vector<Article> part = {
      Make("Three rescuers were injured when a wall fell.", CivilDate{2026, 2, 2}, 0),
      Make("The ministry said 31 people were injured.", CivilDate{2026, 2, 2}, 1),
  };
  EXPECT_TRUE(ConsolidateFigures(part).disagreements.empty());
}

TEST(ConsolidateFigures, ACorrectionWithdrawsAFigureAndDamageSumsCompare) {
  std::vector<Article> arts = {
      Make("Nine guards were injured, the prison service said. Insurers estimated the damage at "
           "$40 million.", CivilDate{2026, 2, 2}, 0),
      Make("Correction: An earlier version of this article said 19 guards had been injured. The "
           "insurance council now puts the damage at $95 million.", CivilDate{2026, 2, 3}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].topic, "money");
  EXPECT_EQ(r.disagreements[0].noun, "damage");
  bool withdrawn = false;
  for (const Figure& f : r.figures)
    if (f.low == 19) withdrawn = f.superseded && f.attribution.empty();
  EXPECT_TRUE(withdrawn);
}

TEST(ConsolidateFigures, SizesNameTheirThingAndDistancesAreNeverDisputed) {
  std::vector<Article> arts = {
      Make("The hole was between 15 and 20 metres deep. The village lies 50 km east of Vell. "
           "Crews lowered a 100-ton crane onto the road.", CivilDate{2026, 2, 2}, 0),
      Make("The hole is now 40 metres deep. The pumping station is 300 metres deep underground. "
           "The town lies 600 km from Vell. A 75-ton crane arrived.", CivilDate{2026, 2, 3}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].topic, "depth");
  EXPECT_EQ(r.disagreements[0].noun, "hole");
  for (const DisagreementSide& side : r.disagreements[0].sides) EXPECT_NE(side.value, "300");
}

TEST(ConsolidateFigures, ABareAreaJoinsTheOneThingWhoseAreaIsGiven) {
  std::vector<Article> one = {
      Make("The fire has burned more than 9,000 hectares of forest.", CivilDate{2026, 8, 2}, 0),
      Make("The fire has burned 40 square kilometres, satellite data show.", CivilDate{2026, 8, 3}, 1),
  };
  ASSERT_EQ(ConsolidateFigures(one).disagreements.size(), 1u);
  std::vector<Article> two = {
      Make("The new wing adds 15,000 square meters of classrooms.", CivilDate{2026, 8, 2}, 0),
      Make("A 540 square meters library opened, beside 2,000 square meters of dormitories.",
           CivilDate{2026, 8, 3}, 1),
      Make("The campus covers 400,000 square meters.", CivilDate{2026, 8, 3}, 2),
  };
  EXPECT_TRUE(ConsolidateFigures(two).disagreements.empty());
}

TEST(ConsolidateFigures, HistoryRecurringEventsAndAFramedCause) {
  std::vector<Article> arts = {
      Make("The crash killed 113 people, the agency said. Protesters marched on Friday.",
           CivilDate{2026, 7, 27}, 0),
      Make("A train crash two years ago killed 101 people, the bishop recalled. The protest on "
           "Tuesday was peaceful. Officials blamed the bombing on what they described as "
           "foreign agents.", CivilDate{2026, 7, 28}, 1),
      Make("Police blamed the bombing on a local gang.", CivilDate{2026, 7, 28}, 2),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].kind, DisagreementKind::kReason);
  bool framed = false;
  for (const DisagreementSide& side : r.disagreements[0].sides)
    framed = framed || side.value == "foreign agents";
  EXPECT_TRUE(framed);
}

TEST(ConsolidateFigures, ScopesTenTimesApartAreSplitNotSetAgainstEachOther) {
  std::vector<Article> arts = {
      Make("The bombing in Nairobi killed 213 people. In Dar es Salaam 10 people were killed.",
           CivilDate{1998, 8, 8}, 0),
      Make("The toll in Nairobi reached 247 people killed, while 11 people were killed in Dar es "
           "Salaam.", CivilDate{1998, 8, 9}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 2u);  // 213 vs 247 and 10 vs 11, never 10 vs 247
  for (const Disagreement& d : r.disagreements) {
    ASSERT_EQ(d.sides.size(), 2u);
    double a = std::stod(d.sides[0].value), b = std::stod(d.sides[1].value);
    EXPECT_LT(std::max(a, b) / std::min(a, b), 10.0);
  }
}

TEST(ExtractFigures, LostTheirHomesAndARangeOfSumsAfterBetween) {
  auto figs = ExtractFigures(Make(
      "The governor said 80,000 people had lost their homes and put the damage at between $2 "
      "billion and $3 billion."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "homeless");
  EXPECT_EQ(FigureValueKey(figs[1]), "2000000000-3000000000");
  EXPECT_EQ(figs[1].noun, "damage");
  EXPECT_EQ(figs[1].text, "between $2 billion and $3 billion");
}

TEST(ExtractFigures, NotAsItSaidAtFirstAndFoundDead) {
  auto figs = ExtractFigures(Make(
      "The co-operative now says frost destroyed 60 percent of this year's apples, not 40 "
      "percent as it said at first."));
  ASSERT_EQ(figs.size(), 2u);
  EXPECT_EQ(figs[0].head, "apples");
  EXPECT_FALSE(figs[0].superseded);
  EXPECT_EQ(figs[1].head, "apples");
  EXPECT_TRUE(figs[1].superseded);
  auto dead = ExtractFigures(Make("Three hikers were found dead below the ridge."));
  ASSERT_EQ(dead.size(), 1u);
  EXPECT_EQ(dead[0].head, "killed");
}

TEST(Attribution, AppositivesRelativeClausesAndBracketedSources) {
  auto apposition = ExtractFigures(Make(
      "Frost ruined 30 percent of the pears, said Anna Berg, head of the growers' union."));
  ASSERT_EQ(apposition.size(), 1u);
  EXPECT_EQ(apposition[0].attribution.source, "Anna Berg");
  auto which = ExtractFigures(Make(
      "The ice was thickest in the north, according to the met office, which said the cold "
      "spell lasted about nine days."));
  ASSERT_EQ(which.size(), 1u);
  EXPECT_EQ(which[0].attribution.source, "the met office");
  auto bracket = ExtractFigures(Make("- 1,200-1,500 ha of orchards damaged (Farm Bureau estimate)"));
  ASSERT_EQ(bracket.size(), 1u);
  EXPECT_EQ(bracket[0].attribution.source, "Farm Bureau");
  auto both = ExtractFigures(Make(
      "At least 12 climbers died, according to guide and porter associations in the valley."));
  ASSERT_EQ(both.size(), 1u);
  EXPECT_EQ(both[0].attribution.source, "guide and porter associations");
}

TEST(ExtractFigures, HailstonesHaveADiameter) {
  auto figs = ExtractFigures(Make("Hailstones as large as 5 centimetres fell on the town."));
  ASSERT_EQ(figs.size(), 1u);
  EXPECT_EQ(figs[0].head, "diameter");
}

TEST(DateClaims, ASpillOrLeakIsDatedOnlyByItsOnsetAndOldDatesAreHistory) {
  // 2026-06-12 is a Friday.
  std::vector<Article> arts = {
      Make("The company chief, criticised over the oil spill, resigned on Wednesday.",
           CivilDate{2026, 6, 12}, 0),
      Make("The spill began on Monday night.", CivilDate{2026, 6, 12}, 1),
      Make("A larger spill occurred off the cape on March 2, 1998.", CivilDate{2026, 6, 12}, 2),
  };
  std::vector<DateClaim> claims;
  for (const Article& a : arts)
    for (const DateClaim& c : ExtractDateClaims(a)) claims.push_back(c);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].article, 1u);
  EXPECT_TRUE(ConsolidateFigures(arts).disagreements.empty());
}

TEST(ReasonClaims, TheSubjectOfCausedByMustBeTheEvent) {
  std::vector<Article> arts = {
      Make("After the explosion, further damage was caused by looters.", CivilDate{2026, 6, 10}, 0),
      Make("Police said the explosion was caused by a gas leak.", CivilDate{2026, 6, 10}, 1),
  };
  EXPECT_TRUE(ExtractReasonClaims(arts[0]).empty());
  EXPECT_EQ(ExtractReasonClaims(arts[1]).size(), 1u);
  EXPECT_TRUE(ConsolidateFigures(arts).disagreements.empty());
}

TEST(ReasonClaims, ARelativeClauseIsNotPartOfTheCause) {
  std::vector<Article> arts = {
      Make("Engineers said the spill was caused by a worn seal on the pipe.",
           CivilDate{2026, 6, 10}, 0),
      Make("The union said the spill was caused by a pump failure that overheated the pipe.",
           CivilDate{2026, 6, 11}, 1),
  };
  FigureReport r = ConsolidateFigures(arts);
  ASSERT_EQ(r.disagreements.size(), 1u);
  EXPECT_EQ(r.disagreements[0].kind, DisagreementKind::kReason);
}

TEST(FiguresGold, SixthHeldOutSetKeepsItsLevel) {
  ExpectGoldLevel("heldout6", {61, 11, 0.98, 0.96, 1.0, 0.9});
}

TEST(FiguresGold, SeventhHeldOutSetKeepsItsLevel) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures/heldout7");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  EXPECT_EQ(r->gold_figures, 69u);
  EXPECT_EQ(r->gold_disagreements, 11u);
  // 68/69: "dozens of cattle had been found dead" is read as its outcome (killed, noun cattle),
  // as the head convention says; this set's gold, kept as written, has the noun as the head.
  EXPECT_GE(r->figure_p, 0.98);
  EXPECT_GE(r->figure_r, 0.98);
  EXPECT_GE(r->disagreement_p, 1.0);
  EXPECT_GE(r->disagreement_r, 0.72);
}

TEST(FiguresGold, EighthHeldOutSetKeepsItsLevel) {
  // First run (rules frozen at aefe619): figures P 0.873, R 0.852; disagreements P 0.700,
  // R 0.500. Its errors were then fixed as general rules.
  ExpectGoldLevel("heldout8", {81, 14, 0.98, 0.98, 0.93, 1.0});
}

TEST(FiguresGold, NinthHeldOutSetKeepsItsLevel) {
  // First run (rules frozen at bc05ba4): figures P 0.842, R 0.810; disagreements P 1.000,
  // R 0.588. Its errors were then fixed as general rules.
  ExpectGoldLevel("heldout9", {79, 17, 0.98, 0.95, 1.0, 0.75});
}

TEST(FiguresGold, TenthHeldOutSetKeepsItsLevel) {
  // First run (rules frozen at 337e78b): figures P 0.985, R 0.929; disagreements P 1.000,
  // R 0.667. Its errors were then fixed as general rules.
  ExpectGoldLevel("heldout10", {70, 15, 0.98, 0.98, 1.0, 0.85});
}

TEST(FiguresGold, EleventhHeldOutSetKeepsItsLevel) {
  // First run (rules frozen at a421db1): figures P 0.928, R 0.877; disagreements P 1.000,
  // R 0.688. Its errors were then fixed as general rules.
  ExpectGoldLevel("heldout11", {73, 16, 0.98, 0.94, 1.0, 0.85});
}

TEST(FiguresGold, TwelfthHeldOutSetKeepsItsLevel) {
  // First run (rules frozen at de2ccce): figures P 0.824, R 0.800; disagreements P 1.000,
  // R 0.235. Accidents and escapes are now event nouns, and three general rules followed.
  ExpectGoldLevel("heldout12", {70, 17, 0.86, 0.84, 1.0, 0.58});
}

}  // namespace
}  // namespace sitrep
