// The binary gazetteer index written by build_gazetteer at build time and read by gazetteer.cc:
//   GazetteerHeader | GazetteerPlace[place_count] | GazetteerName[name_count] | string pool
// Names are normalised keys (NormalizePlaceName) sorted by key, then by population descending.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::entities {

inline constexpr char kGazetteerMagic[8] = {'S', 'R', 'G', 'A', 'Z', '0', '0', '1'};

struct GazetteerHeader {
  char magic[8];
  uint32_t place_count;
  uint32_t name_count;
  uint64_t pool_bytes;
  uint64_t reserved;
};
static_assert(sizeof(GazetteerHeader) == 32);

enum class PlaceKind : uint8_t { kCity = 0, kCountry = 1, kRegion = 2 };

struct GazetteerPlace {
  int64_t geonames_id;   // -1 for ISO countries/regions
  float latitude;
  float longitude;
  uint32_t population;
  uint32_t name_offset;  // display name in the pool
  uint16_t name_bytes;
  char country[2];
  char feature[6];       // GeoNames feature code, NUL padded
  PlaceKind kind;
  uint8_t reserved[3];
};
static_assert(sizeof(GazetteerPlace) == 40);

struct GazetteerName {
  uint32_t key_offset;
  uint32_t place;
  uint16_t key_bytes;
  uint8_t primary;       // 1 = the place's own name (not an alternate)
  uint8_t reserved;
};
static_assert(sizeof(GazetteerName) == 12);

// Case-folded, accents stripped, hyphens to spaces, apostrophes and periods dropped, spaces
// collapsed: "Kharkív" -> "kharkiv", "Dar'ā" -> "dara", "St. John's" -> "st johns".
std::string NormalizePlaceName(std::string_view name);

}  // namespace sitrep::entities
