#include "sitrep/article.h"

#include <gtest/gtest.h>

#include "sitrep/status.h"

namespace sitrep {
namespace {

TEST(CivilDate, RoundTripsThroughDays) {
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(CivilDate::FromDays(d).ToDays(), d);
  }
  EXPECT_EQ(CivilDate({1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ(CivilDate({2020, 3, 1}).ToDays() - CivilDate({2020, 2, 28}).ToDays(), 2);
}

TEST(CivilDate, WeekdayAndIso) {
  EXPECT_EQ(CivilDate({2020, 3, 3}).Weekday(), 2);   // a Tuesday
  EXPECT_EQ(CivilDate({2023, 6, 9}).Weekday(), 5);   // a Friday
  EXPECT_EQ(CivilDate({2023, 6, 9}).ToIso(), "2023-06-09");
  EXPECT_EQ(CivilDate({2023, 6, 0}).ToIso(), "2023-06");
  EXPECT_EQ(CivilDate({2023, 0, 0}).ToIso(), "2023");
}

TEST(Error, ToStringNamesSourceRecordAndHint) {
  Error e;
  e.code = ErrorCode::kMalformed;
  e.source = "a.jsonl";
  e.record = 3;
  e.message = "not JSON";
  e.hint = "fix the line";
  EXPECT_EQ(e.ToString(), "a.jsonl:3: error: not JSON (fix the line)");
  e.fatal = false;
  EXPECT_NE(e.ToString().find("warning"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
