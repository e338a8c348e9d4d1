// Build tool: GeoNames cities500.txt + Debian iso-codes (ISO 3166-1 countries, ISO 3166-2
// first-level subdivisions) -> the binary gazetteer index of gazetteer_format.h.
//
//   sitrep_build_gazetteer cities500.txt iso_3166-1.json iso_3166-2.json out.bin
//
// Countries are pinned at their capital (the most populous PPLC, else the most populous city);
// a region (US states) at the population-weighted centre of the cities whose GeoNames admin1
// code equals its ISO code, else at the seat (PPLA) whose name begins its name; regions with neither are
// left out. Only Latin-script alternate names are kept, which keeps the index small.
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <simdjson.h>
#include <utf8proc.h>

#include "entities/gazetteer_format.h"

namespace sitrep::entities {
namespace {

struct City {
  int64_t id;
  std::string name;
  std::vector<std::string> names;
  double lat, lon;
  uint64_t population;
  std::string cc, feature, admin1;
};

struct Entry {
  std::string key;
  uint32_t place;
  uint8_t primary;
};

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

// Latin script only (ASCII, Latin-1 supplement, Latin Extended A/B and Additional), no digits.
bool IsLatinName(const std::string& s) {
  if (s.size() < 3) return false;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  bool lower = false;
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    if (cp >= '0' && cp <= '9') return false;
    if (!(cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF) || cp == 0x2019 || cp == 0x2BC)) return false;
    if (cp >= 'a' && cp <= 'z') lower = true;
    p += n;
    left -= n;
  }
  return lower;  // "HRK" and other all-capital codes are not names
}

int Run(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: sitrep_build_gazetteer cities500.txt iso_3166-1.json iso_3166-2.json out.bin\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << argv[1] << ": cannot open\n";
    return 1;
  }
  std::vector<City> cities;
  std::string line;
  size_t line_number = 0, bad = 0;
  while (std::getline(in, line)) {
    ++line_number;
    auto f = Split(line, '\t');
    if (f.size() < 15) {
      ++bad;
      continue;
    }
    City c;
    try {
      c.id = std::stoll(f[0]);
      c.lat = std::stod(f[4]);
      c.lon = std::stod(f[5]);
      c.population = f[14].empty() ? 0 : std::stoull(f[14]);
    } catch (...) {
      ++bad;
      continue;
    }
    c.name = f[1];
    c.feature = f[7];
    c.cc = f[8];
    c.admin1 = f[10];
    std::set<std::string> seen;
    for (const std::string& n : {f[1], f[2]})
      if (!n.empty() && seen.insert(n).second) c.names.push_back(n);
    for (const std::string& n : Split(f[3], ','))
      if (IsLatinName(n) && seen.insert(n).second) c.names.push_back(n);
    cities.push_back(std::move(c));
  }
  if (bad) std::cerr << argv[1] << ": skipped " << bad << " malformed lines of " << line_number << "\n";

  std::vector<GazetteerPlace> places;
  std::string pool;
  std::vector<Entry> entries;
  auto add_place = [&](int64_t id, const std::string& name, double lat, double lon,
                       uint64_t population, const std::string& cc, const std::string& feature,
                       PlaceKind kind) {
    GazetteerPlace p{};
    p.geonames_id = id;
    p.latitude = static_cast<float>(lat);
    p.longitude = static_cast<float>(lon);
    p.population = static_cast<uint32_t>(std::min<uint64_t>(population, 0xFFFFFFFFu));
    p.name_offset = static_cast<uint32_t>(pool.size());
    p.name_bytes = static_cast<uint16_t>(std::min<size_t>(name.size(), 0xFFFF));
    pool.append(name, 0, p.name_bytes);
    if (cc.size() == 2) std::memcpy(p.country, cc.data(), 2);
    std::memcpy(p.feature, feature.data(), std::min<size_t>(feature.size(), 6));
    p.kind = kind;
    places.push_back(p);
    return static_cast<uint32_t>(places.size() - 1);
  };
  auto add_names = [&](uint32_t place, const std::vector<std::string>& names) {
    std::set<std::string> keys;
    for (size_t i = 0; i < names.size(); ++i) {
      std::string key = NormalizePlaceName(names[i]);
      if (key.size() < 2 || !keys.insert(key).second) continue;
      entries.push_back({key, place, static_cast<uint8_t>(i == 0 ? 1 : 0)});
      // "The Gambia" is also "Gambia".
      if (key.rfind("the ", 0) == 0 && keys.insert(key.substr(4)).second)
        entries.push_back({key.substr(4), place, static_cast<uint8_t>(i == 0 ? 1 : 0)});
    }
  };
  std::map<std::string, std::vector<size_t>> by_country;
  for (size_t i = 0; i < cities.size(); ++i) {
    const City& c = cities[i];
    uint32_t place = add_place(c.id, c.name, c.lat, c.lon, c.population, c.cc, c.feature, PlaceKind::kCity);
    add_names(place, c.names);
    by_country[c.cc].push_back(i);
  }

  simdjson::ondemand::parser parser;
  auto load = [&](const char* path, const char* field, auto&& each) -> bool {
    simdjson::padded_string json;
    if (simdjson::padded_string::load(path).get(json)) {
      std::cerr << path << ": cannot read\n";
      return false;
    }
    simdjson::ondemand::document doc;
    simdjson::ondemand::array items;
    if (parser.iterate(json).get(doc) || doc[field].get_array().get(items)) {
      std::cerr << path << ": not an iso-codes JSON file\n";
      return false;
    }
    for (auto item : items) {
      std::map<std::string, std::string> fields;
      simdjson::ondemand::object obj;
      if (item.get_object().get(obj)) continue;
      for (auto kv : obj) {
        std::string_view k, v;
        if (kv.unescaped_key().get(k) || kv.value().get_string().get(v)) continue;
        fields[std::string(k)] = std::string(v);
      }
      each(fields);
    }
    return true;
  };
  // Countries.
  bool ok = load(argv[2], "3166-1", [&](std::map<std::string, std::string>& f) {
    const std::string cc = f["alpha_2"];
    auto it = by_country.find(cc);
    if (cc.size() != 2 || it == by_country.end()) return;
    const City* anchor = nullptr;
    uint64_t total = 0;
    for (size_t i : it->second) {
      const City& c = cities[i];
      total += c.population;
      bool capital = c.feature == "PPLC";
      bool anchor_capital = anchor && anchor->feature == "PPLC";
      if (!anchor || (capital && !anchor_capital) ||
          (capital == anchor_capital && c.population > anchor->population))
        anchor = &c;
    }
    std::string name = f.count("common_name") ? f["common_name"] : f["name"];
    uint32_t place = add_place(-1, name, anchor->lat, anchor->lon, total, cc, "COUNTRY",
                               PlaceKind::kCountry);
    std::vector<std::string> names{name, f["name"]};
    if (f.count("official_name")) names.push_back(f["official_name"]);
    // "Korea, Republic of" -> "Republic of Korea".
    if (size_t comma = f["name"].find(", "); comma != std::string::npos)
      names.push_back(f["name"].substr(comma + 2) + " " + f["name"].substr(0, comma));
    add_names(place, names);
  });
  // First-level regions.
  static const char* kTypeWords[] = {" oblast", " province", " region", " governorate",
                                     " state", " county", " district", " prefecture"};
  ok = ok && load(argv[3], "3166-2", [&](std::map<std::string, std::string>& f) {
    if (f.count("parent")) return;
    const std::string code = f["code"];
    if (code.size() < 4 || code[2] != '-') return;
    const std::string cc = code.substr(0, 2), sub = code.substr(3);
    auto it = by_country.find(cc);
    if (it == by_country.end()) return;
    double lat = 0, lon = 0, weight = 0;
    uint64_t population = 0;
    // GeoNames admin1 codes equal the ISO 3166-2 suffix for the US only (elsewhere they are
    // FIPS-style numbers that collide with unrelated ISO codes).
    for (size_t i : it->second) {
      const City& c = cities[i];
      if (cc != "US" || c.admin1 != sub) continue;
      double w = static_cast<double>(c.population) + 1;
      lat += w * c.lat;
      lon += w * c.lon;
      weight += w;
      population += c.population;
    }
    std::string key = NormalizePlaceName(f["name"]);
    if (weight == 0) {
      std::string base = key;
      for (const char* t : kTypeWords)
        if (base.size() > std::strlen(t) && base.ends_with(t)) base.resize(base.size() - std::strlen(t));
      const City* seat = nullptr;
      for (size_t i : it->second) {
        const City& c = cities[i];
        if (c.feature != "PPLA") continue;
        for (const std::string& n : c.names) {
          std::string ck = NormalizePlaceName(n);
          if (ck.size() >= 4 && base.rfind(ck, 0) == 0 && (!seat || c.population > seat->population))
            seat = &c;
        }
      }
      if (!seat) return;
      lat = seat->lat;
      lon = seat->lon;
      population = seat->population;
      weight = 1;
    }
    uint32_t place = add_place(-1, f["name"], lat / weight, lon / weight, population, cc, "ADM1",
                               PlaceKind::kRegion);
    add_names(place, {f["name"]});
  });
  if (!ok) return 1;

  std::sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.key != b.key) return a.key < b.key;
    if (places[a.place].population != places[b.place].population)
      return places[a.place].population > places[b.place].population;
    return a.place < b.place;
  });
  std::vector<GazetteerName> names;
  std::unordered_map<std::string, uint32_t> key_offsets;
  for (const Entry& e : entries) {
    auto [it, inserted] = key_offsets.emplace(e.key, static_cast<uint32_t>(pool.size()));
    if (inserted) pool.append(e.key);
    GazetteerName n{};
    n.key_offset = it->second;
    n.key_bytes = static_cast<uint16_t>(e.key.size());
    n.place = e.place;
    n.primary = e.primary;
    names.push_back(n);
  }
  GazetteerHeader header{};
  std::memcpy(header.magic, kGazetteerMagic, 8);
  header.place_count = static_cast<uint32_t>(places.size());
  header.name_count = static_cast<uint32_t>(names.size());
  header.pool_bytes = pool.size();
  std::ofstream out(argv[4], std::ios::binary);
  out.write(reinterpret_cast<const char*>(&header), sizeof header);
  out.write(reinterpret_cast<const char*>(places.data()), static_cast<std::streamsize>(places.size() * sizeof(GazetteerPlace)));
  out.write(reinterpret_cast<const char*>(names.data()), static_cast<std::streamsize>(names.size() * sizeof(GazetteerName)));
  out.write(pool.data(), static_cast<std::streamsize>(pool.size()));
  if (!out) {
    std::cerr << argv[4] << ": cannot write\n";
    return 1;
  }
  std::cerr << "gazetteer: " << places.size() << " places, " << names.size() << " names, "
            << pool.size() << " pool bytes\n";
  return 0;
}

}  // namespace
}  // namespace sitrep::entities

int main(int argc, char** argv) { return sitrep::entities::Run(argc, argv); }
