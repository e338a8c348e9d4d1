// One test per tagger rule; expected values worked out by hand from the calendar (the reference
// date 2017-10-26 is a Thursday, ISO week 43).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/time.h"
#include "time/calendar.h"

namespace sitrep {
namespace {

const CivilDate kRef{2017, 10, 26};  // Thursday

struct Tag {
  std::string text;
  std::string type;
  std::string value;
};

std::vector<Tag> Tags(std::string_view text, CivilDate ref = kRef) {
  std::vector<Tag> out;
  for (const TimeExpr& e : TagTimes(text, ref)) {
    out.push_back({std::string(text.substr(e.span.begin, e.span.size())), TimeTypeName(e.type),
                   e.value});
  }
  return out;
}

// The single expression of `text`, as "extent|TYPE|value".
std::string One(std::string_view text, CivilDate ref = kRef) {
  auto tags = Tags(text, ref);
  if (tags.size() != 1) return "found " + std::to_string(tags.size()) + " expressions";
  return tags[0].text + "|" + tags[0].type + "|" + tags[0].value;
}

TEST(Calendar, IsoWeeksAndHolidays) {
  using namespace time_internal;
  EXPECT_EQ(IsoWeekOf(CivilDate{2017, 10, 26}).week, 43);
  // 2021-01-03 (Sunday) still belongs to ISO week 53 of 2020.
  EXPECT_EQ(IsoWeekOf(CivilDate{2021, 1, 3}).year, 2020);
  EXPECT_EQ(IsoWeekOf(CivilDate{2021, 1, 3}).week, 53);
  EXPECT_EQ(MondayOfIsoWeek(2017, 43), (CivilDate{2017, 10, 23}));
  EXPECT_EQ(EasterSunday(2024), (CivilDate{2024, 3, 31}));
  EXPECT_EQ(NthWeekdayOfMonth(2017, 11, 4, 4), (CivilDate{2017, 11, 23}));  // Thanksgiving
  EXPECT_EQ(AddMonths(CivilDate{2020, 1, 31}, 1), (CivilDate{2020, 2, 29}));
}

TEST(TagTimes, ExplicitDatesInTheFormsNewsPrints) {
  EXPECT_EQ(One("It opened on 26.10.2017 in Oslo."), "26.10.2017|DATE|2017-10-26");
  EXPECT_EQ(One("The deal closed Oct. 25 after talks."), "Oct. 25|DATE|2017-10-25");
  EXPECT_EQ(One("Voting ended 25 October in most towns."), "25 October|DATE|2017-10-25");
  EXPECT_EQ(One("Results came October 25th, officials said."), "October 25th|DATE|2017-10-25");
  EXPECT_EQ(One("Posted Monday, 6 November, 2017 - 13:30 by staff"),
            "Monday, 6 November, 2017 - 13:30|TIME|2017-11-06T13:30");
  EXPECT_EQ(One("The law took effect on 2016-03-01."), "2016-03-01|DATE|2016-03-01");
  EXPECT_EQ(One("Fighting started in January 2011."), "January 2011|DATE|2011-01");
  EXPECT_EQ(One("It was built in 1998."), "1998|DATE|1998");
}

TEST(TagTimes, YearsAreNotCounts) {
  EXPECT_TRUE(Tags("Some 2000 people marched.").empty());
  EXPECT_TRUE(Tags("Prices rose 1999 percent.").empty());
}

TEST(TagTimes, MonthsWithoutYearTakeTheNearestByTense) {
  // Said in late October 2017: "in March" past is 2017-03, "next March" is 2018-03.
  EXPECT_EQ(One("The plant closed in March."), "March|DATE|2017-03");
  EXPECT_EQ(One("It will reopen next March."), "next March|DATE|2018-03");
  // "December" said in October without tense is the coming one.
  EXPECT_EQ(One("Talks resume in December."), "December|DATE|2017-12");
  EXPECT_EQ(One("Mid-October saw heavy rain."), "Mid-October|DATE|2017-10");
  EXPECT_EQ(Tags("You may go.").size(), 0u);  // the modal verb is no month
}

TEST(TagTimes, BareWeekdayFollowsTense) {
  // Reference Thursday 2017-10-26: "Monday" in the past is 10-23, in the future 10-30.
  EXPECT_EQ(One("The minister resigned on Monday."), "Monday|DATE|2017-10-23");
  EXPECT_EQ(One("The minister will resign on Monday."), "Monday|DATE|2017-10-30");
  EXPECT_EQ(One("Police said Thursday that two men were held."), "Thursday|DATE|2017-10-26");
  EXPECT_EQ(One("He spoke Friday morning."), "Friday morning|TIME|2017-10-27TMO");
  EXPECT_EQ(One("They met last Friday."), "last Friday|DATE|2017-10-20");
}

TEST(TagTimes, DeicticWords) {
  EXPECT_EQ(One("The bridge fell yesterday."), "yesterday|DATE|2017-10-25");
  EXPECT_EQ(One("A vote is due tomorrow."), "tomorrow|DATE|2017-10-27");
  EXPECT_EQ(One("Shots were heard last night."), "last night|TIME|2017-10-25TNI");
  EXPECT_EQ(One("Crowds gathered this morning."), "this morning|TIME|2017-10-26TMO");
  EXPECT_EQ(One("It is quiet now."), "now|DATE|PRESENT_REF");
}

TEST(TagTimes, RelativeUnits) {
  EXPECT_EQ(One("Sales fell last year."), "last year|DATE|2016");
  EXPECT_EQ(One("Sales fell last week."), "last week|DATE|2017-W42");
  EXPECT_EQ(One("Sales fell this month."), "this month|DATE|2017-10");
  EXPECT_EQ(One("Sales will rise next month."), "next month|DATE|2017-11");
  EXPECT_EQ(One("Sales rose earlier this year."), "earlier this year|DATE|2017");
  EXPECT_EQ(One("Sales fell late last year."), "late last year|DATE|2016");
  EXPECT_EQ(One("It flooded last summer."), "last summer|DATE|2017-SU");
  EXPECT_EQ(One("The strike began three years ago."), "three years ago|DATE|2014");
  EXPECT_EQ(One("The strike began two days ago."), "two days ago|DATE|2017-10-24");
  EXPECT_EQ(One("Profit rose in the third quarter."), "the third quarter|DATE|2017-Q3");
}

TEST(TagTimes, NarrativeAnchorForFollowingDay) {
  auto tags = Tags("The storm hit on March 5, 2016. The following day the river rose.");
  ASSERT_EQ(tags.size(), 2u);
  EXPECT_EQ(tags[1].text, "The following day");
  EXPECT_EQ(tags[1].value, "2016-03-06");
  // Without a stated date, the anchor is the reference date.
  EXPECT_EQ(One("The day before, police had closed the road."),
            "The day before|DATE|2017-10-25");
}

TEST(TagTimes, DurationsAndSets) {
  EXPECT_EQ(One("The siege lasted six months."), "six months|DURATION|P6M");
  EXPECT_EQ(One("A 30-year mortgage."), "30-year|DURATION|P30Y");
  EXPECT_EQ(One("It grew over the past two months."), "the past two months|DURATION|P2M");
  EXPECT_EQ(One("Talks went on for more than four hours."),
            "more than four hours|DURATION|PT4H");
  EXPECT_EQ(One("Buses run daily."), "daily|SET|P1D");
  EXPECT_EQ(One("They meet every Friday."), "every Friday|SET|XXXX-WXX-5");
  EXPECT_TRUE(Tags("A 6-year-old boy was found.").empty());  // ages are not durations
}

TEST(TagTimes, ClockTimes) {
  EXPECT_EQ(One("The blast came at 10:35 a.m. Friday."),
            "10:35 a.m. Friday|TIME|2017-10-27T10:35");
  EXPECT_EQ(One("Polls close at 8 p.m."), "8 p.m.|TIME|2017-10-26T20:00");
}

TEST(TagTimes, DecadesAndHolidays) {
  EXPECT_EQ(One("It was popular in the 1990s."), "the 1990s|DATE|199");
  EXPECT_EQ(One("Shops shut on Christmas Day."), "Christmas Day|DATE|2017-12-25");
}

TEST(TagTimes, UnknownReferenceMasksResolvedDigits) {
  EXPECT_EQ(One("Sales fell last year.", CivilDate{}), "last year|DATE|XXXX");
  // Explicit dates need no reference.
  EXPECT_EQ(One("It opened on 26.10.2017.", CivilDate{}), "26.10.2017|DATE|2017-10-26");
}

TEST(TagTimes, SpansAreBytesOfTheInputAndBadBytesDoNotBreakIt) {
  const std::string text = "\xff\xfe Gr\xc3\xbc\xc3\x9f Gott! On 3 May 2019 \x01\x02 it rained.";
  auto times = TagTimes(text, kRef);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(text.substr(times[0].span.begin, times[0].span.size()), "3 May 2019");
  ASSERT_TRUE(times[0].first_day.has_value());
  EXPECT_EQ(*times[0].first_day, (CivilDate{2019, 5, 3}));
  EXPECT_TRUE(TagTimes("", kRef).empty());
  // Digit soup and long runs end quickly and tag nothing absurd.
  std::string soup(20000, '9');
  soup += " 99/99/9999 31.02.2019 2019-13-45";
  for (const TimeExpr& e : TagTimes(soup, kRef)) EXPECT_NE(e.value, "2019-02-31");
}

TEST(TagTimes, RangesOfWeeksAndQuarters) {
  auto times = TagTimes("Sales fell last week.", kRef);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(*times[0].first_day, (CivilDate{2017, 10, 16}));
  EXPECT_EQ(*times[0].last_day, (CivilDate{2017, 10, 22}));
  times = TagTimes("in the third quarter", kRef);
  ASSERT_EQ(times.size(), 1u);
  EXPECT_EQ(*times[0].first_day, (CivilDate{2017, 7, 1}));
  EXPECT_EQ(*times[0].last_day, (CivilDate{2017, 9, 30}));
}

}  // namespace
}  // namespace sitrep
