#include "time/calendar.h"

#include <cstdio>

namespace sitrep::time_internal {

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 30;
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

CivilDate AddDays(CivilDate date, int64_t days) { return CivilDate::FromDays(date.ToDays() + days); }

CivilDate AddMonths(CivilDate date, int months) {
  int64_t index = static_cast<int64_t>(date.year) * 12 + (date.month - 1) + months;
  int64_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  CivilDate out{static_cast<int>(year), static_cast<int>(index - year * 12) + 1, date.day};
  if (out.day > DaysInMonth(out.year, out.month)) out.day = DaysInMonth(out.year, out.month);
  return out;
}

IsoWeek IsoWeekOf(CivilDate date) {
  // The ISO year of a date is the year of the Thursday of its week.
  const CivilDate thursday = AddDays(date, 4 - date.Weekday());
  const CivilDate jan1{thursday.year, 1, 1};
  const int64_t ordinal = thursday.ToDays() - jan1.ToDays();
  return IsoWeek{thursday.year, static_cast<int>(ordinal / 7) + 1};
}

CivilDate MondayOfIsoWeek(int iso_year, int week) {
  // January 4 is always in week 1.
  const CivilDate jan4{iso_year, 1, 4};
  const CivilDate week1_monday = AddDays(jan4, 1 - jan4.Weekday());
  return AddDays(week1_monday, static_cast<int64_t>(week - 1) * 7);
}

CivilDate EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return CivilDate{year, month, day};
}

CivilDate NthWeekdayOfMonth(int year, int month, int weekday, int n) {
  const CivilDate first = WeekdayOnOrAfter(CivilDate{year, month, 1}, weekday);
  return AddDays(first, static_cast<int64_t>(n - 1) * 7);
}

CivilDate WeekdayOnOrBefore(CivilDate date, int weekday) {
  const int back = (date.Weekday() - weekday + 7) % 7;
  return AddDays(date, -back);
}

CivilDate WeekdayOnOrAfter(CivilDate date, int weekday) {
  const int ahead = (weekday - date.Weekday() + 7) % 7;
  return AddDays(date, ahead);
}

std::string FormatYear(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", year);
  return buf;
}

std::string FormatMonth(int year, int month) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::string FormatDay(CivilDate date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string FormatWeek(IsoWeek week) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", week.year, week.week);
  return buf;
}

}  // namespace sitrep::time_internal
