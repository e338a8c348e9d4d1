// EvaluateAliases / EvaluatePlaces: the hand-written gold sets of tests/gold/.
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>

#include <fmt/format.h>

#include "entities/aliases.h"
#include "entities/gazetteer.h"
#include "sitrep/entities.h"

namespace sitrep {
namespace {

// Tab-separated rows; '#' lines and blank lines skipped. Reports the first short row.
Result<std::vector<std::vector<std::string>>> ReadTsv(const std::string& path, size_t columns) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kNotFound, path, "cannot open the gold file");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (fields.size() < columns) {
      Error e;
      e.code = ErrorCode::kMalformed;
      e.source = path;
      e.record = number;
      e.message = fmt::format("expected {} tab-separated columns, found {}", columns, fields.size());
      e.hint = "see the header comment of the gold file";
      return tl::unexpected<Error>(std::move(e));
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = std::numbers::pi / 180, kEarthKm = 6371.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace

Result<AliasScores> EvaluateAliases(const std::string& tsv_path) {
  auto rows = ReadTsv(tsv_path, 5);
  if (!rows) return tl::unexpected<Error>(rows.error());
  std::vector<NamedMention> mentions;
  std::vector<std::string> gold;
  std::map<std::string, uint32_t> documents;
  for (const auto& r : *rows) {
    NamedMention m;
    m.document = documents.emplace(r[0], static_cast<uint32_t>(documents.size())).first->second;
    m.type = ParseEntityType(r[2]).value_or(EntityType::kMisc);
    m.text = r[3];
    m.context = r[4];
    mentions.push_back(std::move(m));
    gold.push_back(r[1]);
  }
  std::vector<uint32_t> predicted = GroupAliases(mentions);
  AliasScores s;
  s.mentions = mentions.size();
  for (size_t i = 0; i < mentions.size(); ++i)
    for (size_t j = i + 1; j < mentions.size(); ++j) {
      bool g = gold[i] == gold[j], p = predicted[i] == predicted[j];
      s.gold_pairs += g;
      s.predicted_pairs += p;
      s.correct_pairs += g && p;
      if (g != p && s.errors.size() < 200)
        s.errors.push_back(fmt::format("{}: \"{}\" ({}) / \"{}\" ({})", g ? "missed" : "wrong merge",
                                       mentions[i].text, gold[i], mentions[j].text, gold[j]));
    }
  return s;
}

Result<PlaceScores> EvaluatePlaces(const std::string& tsv_path, double radius_km) {
  auto rows = ReadTsv(tsv_path, 4);
  if (!rows) return tl::unexpected<Error>(rows.error());
  PlaceScores s;
  // One synthetic article per event: its place mentions, one per line, tagged LOC.
  std::map<std::string, std::vector<size_t>> events;
  for (size_t i = 0; i < rows->size(); ++i) events[(*rows)[i][0]].push_back(i);
  for (const auto& [event, indexes] : events) {
    Article article;
    article.index = 0;
    std::vector<Mention> mentions;
    for (size_t i : indexes) {
      Mention m;
      m.span.begin = static_cast<uint32_t>(article.text.size());
      article.text += (*rows)[i][1];
      m.span.end = static_cast<uint32_t>(article.text.size());
      article.text += ".\n";
      m.type = EntityType::kLocation;
      mentions.push_back(m);
    }
    Actors actors = ResolveActors(std::span<const Article>(&article, 1), mentions);
    for (size_t k = 0; k < indexes.size(); ++k) {
      const auto& row = (*rows)[indexes[k]];
      ++s.mentions;
      const Actor* found = nullptr;
      for (const Actor& a : actors.actors)
        for (const Mention& m : a.mentions)
          if (m.span.begin == mentions[k].span.begin) found = &a;
      double lat = std::atof(row[2].c_str()), lon = std::atof(row[3].c_str());
      if (!found || !found->place) {
        s.errors.push_back(fmt::format("{}: {} not resolved", event, row[1]));
        continue;
      }
      ++s.resolved;
      double d = DistanceKm(lat, lon, found->place->latitude, found->place->longitude);
      if (d <= radius_km) ++s.within_25_km;
      else
        s.errors.push_back(fmt::format("{}: {} -> {} ({}, {:.2f},{:.2f}) is {:.0f} km off", event,
                                       row[1], found->place->name, found->place->country_code,
                                       found->place->latitude, found->place->longitude, d));
    }
  }
  return s;
}

}  // namespace sitrep
