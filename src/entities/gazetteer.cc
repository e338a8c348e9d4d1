#include "entities/gazetteer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>

#include "core/data.h"
#include "entities/tagger.h"


namespace sitrep::entities {

std::unique_ptr<Gazetteer> Gazetteer::FromBytes(std::string_view bytes) {
  if (bytes.size() < sizeof(GazetteerHeader)) return nullptr;
  auto g = std::make_unique<Gazetteer>();
  std::memcpy(&g->header_, bytes.data(), sizeof(GazetteerHeader));
  if (std::memcmp(g->header_.magic, kGazetteerMagic, 8) != 0) return nullptr;
  uint64_t need = sizeof(GazetteerHeader) + uint64_t{g->header_.place_count} * sizeof(GazetteerPlace) +
                  uint64_t{g->header_.name_count} * sizeof(GazetteerName) + g->header_.pool_bytes;
  if (need > bytes.size()) return nullptr;
  const char* p = bytes.data() + sizeof(GazetteerHeader);
  // The embedded bytes are 16-byte aligned (sitrep_embed_data) and the record sizes are
  // multiples of 4 and 8, so the arrays can be viewed in place.
  g->places_ = reinterpret_cast<const GazetteerPlace*>(p);
  p += uint64_t{g->header_.place_count} * sizeof(GazetteerPlace);
  g->names_ = reinterpret_cast<const GazetteerName*>(p);
  p += uint64_t{g->header_.name_count} * sizeof(GazetteerName);
  g->pool_ = p;
  for (uint32_t i = 0; i < g->header_.name_count; ++i) {
    const GazetteerName& n = g->names_[i];
    if (n.place >= g->header_.place_count || n.key_offset + uint64_t{n.key_bytes} > g->header_.pool_bytes)
      return nullptr;
  }
  return g;
}

const Gazetteer* Gazetteer::Default() {
  static const std::unique_ptr<Gazetteer> g = FromBytes(EmbeddedData("gazetteer.bin"));
  return g.get();
}

namespace {
constexpr std::string_view kGenericSuffixes[] = {
    " region", " province", " oblast", " governorate", " state", " city", " county",
    " district", " prefecture", " municipality", " area"};
constexpr std::string_view kGenericPrefixes[] = {"the ", "city of ", "province of ",
                                                 "state of ", "republic of "};
}  // namespace

std::vector<Gazetteer::Candidate> Gazetteer::Find(
    std::string_view name, std::span<const std::string> context_countries) const {
  std::string key = NormalizePlaceName(name);
  auto range = [&](const std::string& k) {
    auto less = [&](const GazetteerName& n, const std::string& v) {
      return std::string_view(pool_ + n.key_offset, n.key_bytes) < v;
    };
    const GazetteerName* end = names_ + header_.name_count;
    const GazetteerName* lo = std::lower_bound(names_, end, k, less);
    const GazetteerName* hi = lo;
    while (hi != end && std::string_view(pool_ + hi->key_offset, hi->key_bytes) == k) ++hi;
    return std::pair(lo, hi);
  };
  auto [lo, hi] = range(key);
  for (std::string_view prefix : kGenericPrefixes) {
    if (lo != hi) break;
    if (key.starts_with(prefix)) {
      key.erase(0, prefix.size());
      std::tie(lo, hi) = range(key);
    }
  }
  for (std::string_view suffix : kGenericSuffixes) {
    if (lo != hi) break;
    if (key.size() > suffix.size() + 2 && key.ends_with(suffix)) {
      std::tie(lo, hi) = range(key.substr(0, key.size() - suffix.size()));
    }
  }
  std::vector<Candidate> out;
  for (const GazetteerName* n = lo; n != hi; ++n) {
    const GazetteerPlace& p = places_[n->place];
    Candidate c;
    c.place = n->place;
    c.primary = n->primary;
    double score = std::log10(static_cast<double>(p.population) + 10);
    if (n->primary) score += 0.5;
    std::string_view feature(p.feature, strnlen(p.feature, 6));
    if (p.kind == PlaceKind::kCountry) score += 3;
    else if (p.kind == PlaceKind::kRegion) score += 0;  // a region sums its cities' people
    else if (feature == "PPLC") score += 1.5;
    else if (feature == "PPLA") score += 0.7;
    std::string_view cc(p.country, 2);
    for (const std::string& context : context_countries)
      if (context == cc) {
        score += 4;  // four orders of magnitude of population
        break;
      }
    c.score = score;
    out.push_back(c);
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.score != b.score ? a.score > b.score : a.place < b.place;
  });
  // One candidate per place.
  std::vector<Candidate> unique;
  for (const Candidate& c : out)
    if (std::none_of(unique.begin(), unique.end(), [&](const Candidate& u) { return u.place == c.place; }))
      unique.push_back(c);
  return unique;
}

Place Gazetteer::ToPlace(uint32_t i) const {
  const GazetteerPlace& p = places_[i];
  Place out;
  out.geonames_id = p.geonames_id;
  out.name = std::string(DisplayName(i));
  out.country_code = std::string(p.country, 2);
  out.feature = std::string(p.feature, strnlen(p.feature, 6));
  if (p.kind == PlaceKind::kCountry) out.feature = "COUNTRY";
  out.latitude = p.latitude;
  out.longitude = p.longitude;
  out.population = p.population;
  return out;
}

namespace {
std::string LexiconKey(std::string_view name) {
  std::string key, lower;
  for (Span s : NerTokenize(name)) {
    if (!key.empty()) key.push_back(' ');
    LowerAscii(name.substr(s.begin, s.size()), lower);
    key += lower;
  }
  return key;
}
}  // namespace

void AddPlaceNamesToLexicon(StringMap<uint8_t>& lexicon) {
  const Gazetteer* g = Gazetteer::Default();
  if (!g) return;
  const uint8_t loc = 1u << static_cast<int>(EntityType::kLocation);
  // Besides the LOC bit, the kind of place (kLexiconCountry/Region/City): countries stay LOC as
  // sports teams in CoNLL-2003 while cities become ORG (clubs).
  auto bits = [&](const GazetteerPlace& p) -> uint8_t {
    switch (p.kind) {
      case PlaceKind::kCountry: return loc | kLexiconCountry;
      case PlaceKind::kRegion: return loc | kLexiconRegion;
      default: return loc | kLexiconCity;
    }
  };
  for (uint32_t i = 0; i < g->place_count(); ++i) {
    const GazetteerPlace& p = g->place(i);
    if (p.kind == PlaceKind::kCity && p.population < 15000) continue;
    std::string key = LexiconKey(g->DisplayName(i));
    if (!key.empty() && std::count(key.begin(), key.end(), ' ') < 4) lexicon[key] |= bits(p);
  }
  g->ForEachName([&](std::string_view key, const GazetteerName& n) {
    const GazetteerPlace& p = g->place(n.place);
    if (p.kind == PlaceKind::kCity && p.population < 100000) return;
    if (std::count(key.begin(), key.end(), ' ') < 4) lexicon[std::string(key)] |= bits(p);
  });
}

void AddListsToLexicon(StringMap<uint8_t>& lexicon) {
#ifdef SITREP_DATA_DIR
  // lexicon.txt: nationalities, peoples, languages, events (MISC); organisations.txt:
  // organisations (ORG) and competitions (MISC).
  const std::vector<std::string> paths = {std::string(SITREP_DATA_DIR) + "/ner/lexicon.txt",
                                          std::string(SITREP_DATA_DIR) + "/ner/organisations.txt"};
  for (const std::string& path : paths) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string::npos) continue;
      auto type = ParseEntityType(line.substr(0, tab));
      if (!type) continue;
      std::string key = LexiconKey(line.substr(tab + 1));
      if (!key.empty()) lexicon[key] |= static_cast<uint8_t>(1u << static_cast<int>(*type));
    }
  }
#endif
}

}  // namespace sitrep::entities

namespace sitrep {

bool HaveGazetteer() { return entities::Gazetteer::Default() != nullptr; }

std::vector<Place> LookupPlace(std::string_view name, std::span<const std::string> context_countries) {
  std::vector<Place> out;
  const entities::Gazetteer* g = entities::Gazetteer::Default();
  if (!g) return out;
  for (const auto& c : g->Find(name, context_countries)) out.push_back(g->ToPlace(c.place));
  return out;
}

}  // namespace sitrep
