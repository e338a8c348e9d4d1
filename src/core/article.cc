#include "sitrep/article.h"

#include <cstdio>

namespace sitrep {

std::string CivilDate::ToIso() const {
  char buf[32];
  if (month == 0) {
    std::snprintf(buf, sizeof buf, "%04d", year);
  } else if (day == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
int64_t CivilDate::ToDays() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t m = month;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return CivilDate{y, m, d};
}

int CivilDate::Weekday() const {
  const int64_t days = ToDays();  // 1970-01-01 was a Thursday (ISO 4)
  int64_t w = (days + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

const char* BlockRoleName(BlockRole role) {
  switch (role) {
    case BlockRole::kBody: return "body";
    case BlockRole::kTitle: return "title";
    case BlockRole::kMeta: return "meta";
    case BlockRole::kBoilerplate: return "boilerplate";
    case BlockRole::kCaption: return "caption";
    case BlockRole::kReferences: return "references";
    case BlockRole::kComments: return "comments";
    case BlockRole::kDuplicate: return "duplicate";
  }
  return "body";
}

const char* DateSourceName(DateSource source) {
  switch (source) {
    case DateSource::kUnknown: return "unknown";
    case DateSource::kText: return "text";
    case DateSource::kMetadata: return "metadata";
    case DateSource::kOption: return "option";
  }
  return "unknown";
}

}  // namespace sitrep
