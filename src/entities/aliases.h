// Alias merging (internal): which mentions name the same actor.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/entities.h"

namespace sitrep::entities {

struct AliasItem {
  std::string text;             // surface form
  EntityType type = EntityType::kMisc;
  uint32_t document = 0;
  uint32_t offset = 0;          // position in the document (orders mentions)
  std::string_view following;   // text right after the mention ("(RSF) said ...")
};

// Group id per item (ids are dense, 0-based, in order of first appearance).
std::vector<uint32_t> GroupItems(std::span<const AliasItem> items, bool use_known_aliases);

// Folded key of a surface form: possessive, leading "the" and person titles removed,
// accents stripped, hyphens to spaces ("President al-Assad's" -> "al assad").
std::string AliasKey(std::string_view surface, EntityType type);
// Consonant skeleton of one folded word: vowels, h, w, y dropped, c/k/q/g -> k, ph -> f,
// doubled letters collapsed ("qaddafi" -> "kdf", "muhammad" -> "mmd").
std::string ConsonantSkeleton(std::string_view word);
// Same word up to transliteration (skeleton, ending and edit distance).
bool TransliterationVariants(std::string_view a, std::string_view b);

// The known alias set of a key (index into data/aliases.txt lines), -1 when none.
int KnownAliasSet(std::string_view key);
// The alias strings of a known set, canonical first.
std::vector<std::string_view> KnownAliases(int set);

}  // namespace sitrep::entities
