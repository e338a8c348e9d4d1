// Calendar arithmetic the temporal tagger and the timeline share (proleptic Gregorian, ISO 8601
// weeks). Internal to src/time. All functions are pure and thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "sitrep/article.h"

namespace sitrep::time_internal {

int DaysInMonth(int year, int month);
// Adds days to a complete date.
CivilDate AddDays(CivilDate date, int64_t days);
// Adds months to (year, month), keeping the day where the month has it (clamped otherwise).
CivilDate AddMonths(CivilDate date, int months);

// ISO 8601 week of a complete date: the ISO year (may differ from date.year near New Year) and
// the week number 1..53.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek IsoWeekOf(CivilDate date);
// The Monday of an ISO week.
CivilDate MondayOfIsoWeek(int iso_year, int week);

// Easter Sunday of a year (anonymous Gregorian algorithm).
CivilDate EasterSunday(int year);
// The n-th (1-based) given ISO weekday of a month: Thanksgiving = NthWeekdayOfMonth(y, 11, 4, 4).
CivilDate NthWeekdayOfMonth(int year, int month, int weekday, int n);

// The most recent date with ISO weekday `weekday` on or before `date` (on_or_before) or strictly
// before it; likewise on or after / strictly after.
CivilDate WeekdayOnOrBefore(CivilDate date, int weekday);
CivilDate WeekdayOnOrAfter(CivilDate date, int weekday);

// TIMEX3 value strings.
std::string FormatYear(int year);                        // "2017"
std::string FormatMonth(int year, int month);            // "2017-10"
std::string FormatDay(CivilDate date);                   // "2017-10-26"
std::string FormatWeek(IsoWeek week);                    // "2017-W43"

}  // namespace sitrep::time_internal
