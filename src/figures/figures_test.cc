#include <gtest/gtest.h>

#include "sitrep/figures.h"

namespace sitrep {
namespace {

TEST(Figures, Placeholder) { EXPECT_EQ(FigureModifierName(FigureModifier::kAbout), std::string("about")); }

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {
TEST(FiguresGold, MeetsTargets) {
  auto r = EvaluateFiguresGold(std::string(SITREP_SOURCE_DIR) + "/tests/gold/figures");
  ASSERT_TRUE(r.has_value()) << r.error().ToString();
  for (const auto& e : r->errors) std::printf("  %s\n", e.c_str());
  std::printf("figures P %.3f R %.3f (%u/%u sys, %u gold); disagreements P %.3f R %.3f (%u/%u)\n",
              r->figure_p, r->figure_r, r->figure_matches, r->system_figures, r->gold_figures,
              r->disagreement_p, r->disagreement_r, r->disagreement_matches, r->system_disagreements);
  EXPECT_GE(r->figure_p, 0.95);
  EXPECT_GE(r->figure_r, 0.85);
  EXPECT_GE(r->disagreement_p, 0.9);
  EXPECT_GE(r->disagreement_r, 0.75);
}
}  // namespace
}  // namespace sitrep
