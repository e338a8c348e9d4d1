// ResolveActors: mentions -> alias groups (aliases.cc) -> canonical actors, LOC actors geocoded
// in two passes: first each place alone (population and name rank), then again with the
// countries the event's places point to as context, so "Tripoli" in a Lebanon story is the
// Lebanese city.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "entities/aliases.h"
#include "entities/gazetteer.h"
#include "sitrep/entities.h"

namespace sitrep {
namespace {

// float32 coordinates printed as doubles show noise digits; 5 decimals is about 1 m.
double Round5(double v) { return std::round(v * 1e5) / 1e5; }

std::string TrimSurface(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == '.')) s.remove_suffix(1);
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"})
    if (s.size() > suffix.size() && s.ends_with(suffix)) s.remove_suffix(suffix.size());
  return std::string(s);
}

// Candidate names to look a place up by: its aliases by frequency, then its known alias set.
std::vector<std::string> PlaceNames(const Actor& actor) {
  std::vector<std::string> names = actor.aliases;
  int set = entities::KnownAliasSet(entities::AliasKey(actor.name, EntityType::kLocation));
  for (std::string_view alias : entities::KnownAliases(set)) names.emplace_back(alias);
  return names;
}

std::optional<entities::Gazetteer::Candidate> BestPlace(const entities::Gazetteer& g,
                                                         const Actor& actor,
                                                         std::span<const std::string> context) {
  std::optional<entities::Gazetteer::Candidate> best;
  for (const std::string& name : PlaceNames(actor)) {
    auto found = g.Find(name, context);
    if (!found.empty() && (!best || found[0].score > best->score)) best = found[0];
  }
  return best;
}

}  // namespace

Actors ResolveActors(std::span<const Article> articles, std::span<const Mention> mentions,
                     const ActorOptions& options) {
  std::unordered_map<uint32_t, const Article*> by_index;
  for (const Article& a : articles) by_index[a.index] = &a;
  std::vector<Mention> kept;
  std::vector<entities::AliasItem> items;
  for (const Mention& m : mentions) {
    auto it = by_index.find(m.article);
    if (it == by_index.end() || m.span.end > it->second->text.size() || m.span.empty()) continue;
    const Article& a = *it->second;
    entities::AliasItem item;
    item.text = std::string(a.View(m.span));
    item.type = m.type;
    item.document = m.article;
    item.offset = m.span.begin;
    item.following = std::string_view(a.text).substr(m.span.end, 24);
    items.push_back(std::move(item));
    kept.push_back(m);
  }
  std::vector<uint32_t> group = entities::GroupItems(items, options.use_known_aliases);
  uint32_t group_count = 0;
  for (uint32_t g : group) group_count = std::max(group_count, g + 1);

  Actors out;
  out.actors.resize(group_count);
  std::vector<std::map<std::string, uint32_t>> surface_counts(group_count);
  std::vector<std::array<uint32_t, 4>> type_counts(group_count, {0, 0, 0, 0});
  for (size_t i = 0; i < kept.size(); ++i) {
    Actor& actor = out.actors[group[i]];
    actor.mentions.push_back(kept[i]);
    ++surface_counts[group[i]][TrimSurface(items[i].text)];
    ++type_counts[group[i]][static_cast<int>(items[i].type)];
  }
  for (uint32_t g = 0; g < group_count; ++g) {
    Actor& actor = out.actors[g];
    std::vector<std::pair<std::string, uint32_t>> surfaces(surface_counts[g].begin(),
                                                           surface_counts[g].end());
    std::stable_sort(surfaces.begin(), surfaces.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [s, count] : surfaces) actor.aliases.push_back(s);
    auto& tc = type_counts[g];
    actor.type = static_cast<EntityType>(std::max_element(tc.begin(), tc.end()) - tc.begin());
    // Canonical: the known set's first name, else the longest alias seen twice or more, else the
    // longest alias (an acronym loses to its expansion).
    int set = -1;
    for (const std::string& alias : actor.aliases)
      if (set < 0) set = entities::KnownAliasSet(entities::AliasKey(alias, EntityType::kMisc));
    if (set >= 0) {
      actor.name = std::string(entities::KnownAliases(set).front());
    } else {
      const std::string* best = &actor.aliases.front();
      for (const std::string& alias : actor.aliases)
        if (alias.size() > best->size() && (surface_counts[g][alias] >= 2 || surface_counts[g][*best] < 2))
          best = &alias;
      actor.name = *best;
      if (actor.name.rfind("the ", 0) == 0 || actor.name.rfind("The ", 0) == 0)
        actor.name.erase(0, 4);
    }
    std::sort(actor.mentions.begin(), actor.mentions.end(), [](const Mention& a, const Mention& b) {
      return a.article != b.article ? a.article < b.article : a.span.begin < b.span.begin;
    });
    for (const Mention& m : actor.mentions)
      if (actor.articles.empty() || actor.articles.back() != m.article) actor.articles.push_back(m.article);
  }

  const entities::Gazetteer* gazetteer = options.geocode ? entities::Gazetteer::Default() : nullptr;
  if (gazetteer) {
    // Pass 1: each place alone; its country, weighted by mentions (countries count double),
    // votes for the event's context.
    std::vector<std::string> voted(out.actors.size());
    std::vector<double> votes(out.actors.size(), 0);
    std::map<std::string, double> country_weight;
    double total = 0;
    for (size_t a = 0; a < out.actors.size(); ++a) {
      const Actor& actor = out.actors[a];
      if (actor.type != EntityType::kLocation) continue;
      auto best = BestPlace(*gazetteer, actor, {});
      if (!best) continue;
      const auto& p = gazetteer->place(best->place);
      voted[a] = std::string(p.country, 2);
      votes[a] = static_cast<double>(actor.mentions.size()) *
                 (p.kind == entities::PlaceKind::kCountry ? 2.0 : 1.0);
      country_weight[voted[a]] += votes[a];
      total += votes[a];
    }
    // Pass 2: every candidate gains up to 4 points (four orders of magnitude of population)
    // by the share of the other places' votes that its country has.
    for (size_t a = 0; a < out.actors.size(); ++a) {
      Actor& actor = out.actors[a];
      if (actor.type != EntityType::kLocation) continue;
      double others = total - votes[a];
      std::optional<entities::Gazetteer::Candidate> best;
      double best_score = -1e9;
      for (const std::string& name : PlaceNames(actor)) {
        for (const auto& c : gazetteer->Find(name, {})) {
          const auto& p = gazetteer->place(c.place);
          std::string cc(p.country, 2);
          double share = 0;
          if (others > 0) {
            auto it = country_weight.find(cc);
            double w = it == country_weight.end() ? 0 : it->second;
            if (voted[a] == cc) w -= votes[a];
            share = w / others;
          }
          double score = c.score + 4 * share;
          if (score > best_score) {
            best_score = score;
            best = c;
          }
        }
      }
      if (best) actor.place = gazetteer->ToPlace(best->place);
    }
  }
  std::stable_sort(out.actors.begin(), out.actors.end(), [](const Actor& a, const Actor& b) {
    return a.mentions.size() > b.mentions.size();
  });
  if (options.max_actors && out.actors.size() > options.max_actors) out.actors.resize(options.max_actors);
  return out;
}

Actors ResolveActors(std::span<const Article> articles, const ActorOptions& options) {
  std::vector<Mention> mentions;
  for (const Article& a : articles) {
    auto m = TagEntities(a);
    mentions.insert(mentions.end(), m.begin(), m.end());
  }
  return ResolveActors(articles, mentions, options);
}

std::string PlacesToGeoJson(const Actors& actors, std::span<const Article> articles) {
  std::unordered_map<uint32_t, const Article*> by_index;
  for (const Article& a : articles) by_index[a.index] = &a;
  nlohmann::json features = nlohmann::json::array();
  for (const Actor& actor : actors.actors) {
    if (!actor.place) continue;
    const Place& p = *actor.place;
    nlohmann::json sources = nlohmann::json::array();
    for (uint32_t index : actor.articles) {
      auto it = by_index.find(index);
      nlohmann::json s = {{"article", index + 1}};
      if (it != by_index.end()) {
        s["id"] = it->second->id;
        if (!it->second->outlet.empty()) s["outlet"] = it->second->outlet;
        if (!it->second->url.empty()) s["url"] = it->second->url;
      }
      sources.push_back(std::move(s));
    }
    nlohmann::json properties = {
        {"name", actor.name},           {"aliases", actor.aliases},
        {"mentions", actor.mentions.size()}, {"sources", std::move(sources)},
        {"place_name", p.name},         {"country_code", p.country_code},
        {"feature", p.feature},         {"population", p.population}};
    if (p.geonames_id >= 0) properties["geonames_id"] = p.geonames_id;
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", {Round5(p.longitude), Round5(p.latitude)}}}},
                        {"properties", std::move(properties)}});
  }
  nlohmann::json doc = {{"type", "FeatureCollection"},
                        {"attribution", "Place data: GeoNames (geonames.org), CC BY 4.0"},
                        {"features", std::move(features)}};
  return doc.dump(2);
}

namespace {
nlohmann::json ActorJson(const Actor& actor) {
  nlohmann::json sources = nlohmann::json::array();
  for (uint32_t index : actor.articles) sources.push_back(index + 1);
  nlohmann::json j = {{"name", actor.name},
                      {"type", EntityTypeName(actor.type)},
                      {"aliases", actor.aliases},
                      {"mentions", actor.mentions.size()},
                      {"sources", std::move(sources)}};
  if (actor.place) {
    const Place& p = *actor.place;
    j["place"] = {{"name", p.name},           {"country_code", p.country_code},
                  {"feature", p.feature},     {"latitude", Round5(p.latitude)},
                  {"longitude", Round5(p.longitude)}, {"population", p.population}};
    if (p.geonames_id >= 0) j["place"]["geonames_id"] = p.geonames_id;
  }
  return j;
}
}  // namespace

std::string ActorsToJson(const Actors& actors) {
  nlohmann::json out = nlohmann::json::array();
  for (const Actor& a : actors.actors) out.push_back(ActorJson(a));
  return out.dump(2);
}

std::string ActorsToMarkdown(const Actors& actors) {
  std::string out = "## Actors and places\n\n";
  for (const Actor& a : actors.actors) {
    out += "- **" + a.name + "** (" + EntityTypeName(a.type) + "): " +
           std::to_string(a.mentions.size()) + (a.mentions.size() == 1 ? " mention" : " mentions") +
           " in " + std::to_string(a.articles.size()) +
           (a.articles.size() == 1 ? " source [" : " sources [");
    for (size_t i = 0; i < a.articles.size(); ++i)
      out += (i ? ", " : "") + std::to_string(a.articles[i] + 1);
    out += "]";
    if (a.aliases.size() > 1) {
      out += "; also ";
      size_t shown = 0;
      for (const std::string& alias : a.aliases) {
        if (alias == a.name) continue;
        out += (shown++ ? ", " : "") + alias;
      }
    }
    if (a.place) {
      char buffer[96];
      std::snprintf(buffer, sizeof buffer, "; %.4f, %.4f", a.place->latitude, a.place->longitude);
      out += buffer;
      if (a.place->geonames_id >= 0) out += " (GeoNames " + std::to_string(a.place->geonames_id) + ")";
    }
    out += "\n";
  }
  if (std::any_of(actors.actors.begin(), actors.actors.end(), [](const Actor& a) { return a.place.has_value(); }))
    out += "\nPlace data: GeoNames (geonames.org), CC BY 4.0.\n";
  return out;
}

}  // namespace sitrep
