// Versioned JSON for programs (docs/brief.schema.json). Keys are stable and ordered; offsets
// are byte offsets into each article's text.
#include <nlohmann/json.hpp>

#include <cmath>

#include "render/render_util.h"
#include "sitrep/render.h"

namespace sitrep {
namespace {

using Json = nlohmann::ordered_json;

Json ErrorJson(const Error& e) {
  Json j;
  j["code"] = ErrorCodeName(e.code);
  j["source"] = e.source;
  j["record"] = e.record >= 0 ? Json(e.record) : Json(nullptr);
  j["offset"] = e.offset >= 0 ? Json(e.offset) : Json(nullptr);
  j["message"] = e.message;
  j["hint"] = e.hint;
  j["fatal"] = e.fatal;
  return j;
}

Json Nullable(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

std::string RenderJson(const Brief& brief, const RenderOptions& options) {
  Json root;
  root["schema_version"] = kBriefSchemaVersion;
  root["generator"] = "sitrep 0.1.0";
  root["headline"] = brief.headline;

  Json summary;
  summary["method"] = brief.summary.method;
  Json sentences = Json::array();
  for (const SummarySentence& s : brief.summary.sentences) {
    const Article& a = brief.articles[s.article];
    Json js;
    js["text"] = DisplayText(a.View(s.span));
    js["article"] = s.article + 1;
    js["begin"] = s.span.begin;
    js["end"] = s.span.end;
    js["score"] = s.score;
    Json cites = Json::array();
    for (const Citation& c : s.citations) {
      cites.push_back(Json{{"article", c.article + 1},
                           {"begin", c.span.begin},
                           {"end", c.span.end},
                           {"similarity", c.similarity}});
    }
    js["citations"] = std::move(cites);
    sentences.push_back(std::move(js));
  }
  summary["sentences"] = std::move(sentences);
  root["summary"] = std::move(summary);

  Json timeline = Json::array();
  for (const TimelineEntry& e : brief.timeline.entries) {
    Json je;
    je["date"] = e.date.IsComplete() ? Json(e.date.ToIso()) : Json(nullptr);
    je["value"] = e.value;
    je["kind"] = TimelineKindName(e.kind);
    je["text"] = DisplayText(brief.articles[e.article].View(e.sentence));
    je["article"] = e.article + 1;
    je["begin"] = e.sentence.begin;
    je["end"] = e.sentence.end;
    je["support"] = e.support;
    Json sources = Json::array();
    for (const TimelineSource& src : e.sources) {
      sources.push_back(Json{{"article", src.article + 1},
                             {"begin", src.sentence.begin},
                             {"end", src.sentence.end}});
    }
    je["sources"] = std::move(sources);
    timeline.push_back(std::move(je));
  }
  root["timeline"] = std::move(timeline);
  {
    Json actors = Json::parse(ActorsToJson(brief.actors), nullptr, /*allow_exceptions=*/false);
    root["actors"] = actors.is_discarded() ? Json::array() : actors;
  }
  Json groups = Json::array();
  for (const FigureGroup& g : brief.figures.groups) {
    Json jg;
    jg["head"] = g.head;
    jg["noun"] = g.noun;
    jg["dimension"] = g.dimension;
    jg["disputed"] = g.disputed;
    Json values = Json::array();
    for (const FigureValue& v : g.values) {
      Json jv;
      jv["value"] = v.key;
      jv["text"] = v.text;
      jv["support"] = v.support;
      Json claims = Json::array();
      for (uint32_t fi : v.figures) {
        const Figure& f = brief.figures.figures[fi];
        Json relays = Json::array();
        for (const std::string& r : f.attribution.relays) relays.push_back(r);
        claims.push_back(Json{{"article", f.article + 1},
                              {"begin", f.span.begin},
                              {"end", f.span.end},
                              {"text", f.text},
                              {"source", Nullable(f.attribution.source)},
                              {"relays", std::move(relays)},
                              {"modifier", FigureModifierName(f.modifier)},
                              {"unit", f.unit},
                              {"base_low", f.base_low},
                              {"base_high", std::isfinite(f.base_high) ? Json(f.base_high)
                                                                      : Json(nullptr)}});
      }
      jv["claims"] = std::move(claims);
      values.push_back(std::move(jv));
    }
    jg["values"] = std::move(values);
    groups.push_back(std::move(jg));
  }
  root["figures"] = std::move(groups);
  Json disagreements = Json::array();
  for (const Disagreement& d : brief.figures.disagreements) {
    Json jd;
    jd["kind"] = DisagreementKindName(d.kind);
    jd["topic"] = d.topic;
    jd["noun"] = d.noun;
    Json sides = Json::array();
    for (const DisagreementSide& side : d.sides) {
      Json js;
      js["value"] = side.value;
      js["text"] = side.text;
      Json claims = Json::array();
      for (size_t k = 0; k < side.articles.size(); ++k) {
        claims.push_back(Json{
            {"article", side.articles[k] + 1},
            {"begin", k < side.spans.size() ? side.spans[k].begin : 0},
            {"end", k < side.spans.size() ? side.spans[k].end : 0},
            {"source", k < side.sources.size() ? Nullable(side.sources[k]) : Json(nullptr)}});
      }
      js["claims"] = std::move(claims);
      sides.push_back(std::move(js));
    }
    jd["sides"] = std::move(sides);
    disagreements.push_back(std::move(jd));
  }
  root["disagreements"] = std::move(disagreements);

  Json articles = Json::array();
  for (const Article& a : brief.articles) {
    Json ja;
    ja["number"] = a.index + 1;
    ja["id"] = a.id;
    ja["path"] = a.path;
    ja["record"] = a.record >= 0 ? Json(a.record) : Json(nullptr);
    ja["event_id"] = Nullable(a.event_id);
    ja["title"] = Nullable(a.title);
    ja["outlet"] = Nullable(a.outlet);
    ja["url"] = Nullable(a.url);
    ja["author"] = Nullable(a.author);
    ja["date"] = a.date ? Json(a.date->ToIso()) : Json(nullptr);
    ja["date_source"] = DateSourceName(a.date_source);
    int32_t dup = a.index < brief.dedupe.duplicate_of.size() ? brief.dedupe.duplicate_of[a.index] : -1;
    ja["duplicate_of"] = dup >= 0 ? Json(dup + 1) : Json(nullptr);
    ja["sentences"] = a.sentences.size();
    ja["relevance"] = a.index < brief.relevance.size() ? brief.relevance[a.index] : 1.0;
    if (options.explain) {
      Json blocks = Json::array();
      for (const Block& b : a.blocks) {
        blocks.push_back(Json{{"role", BlockRoleName(b.role)},
                              {"begin", b.span.begin},
                              {"end", b.span.end},
                              {"kept", b.kept()},
                              {"reason", b.reason}});
      }
      ja["blocks"] = std::move(blocks);
    }
    if (options.include_text) ja["text"] = a.text;
    articles.push_back(std::move(ja));
  }
  root["articles"] = std::move(articles);

  const BriefCounts& c = brief.counts;
  root["counts"] = Json{{"inputs_seen", c.inputs_seen},
                        {"articles_read", c.articles_read},
                        {"inputs_skipped", c.inputs_skipped},
                        {"near_duplicates", c.near_duplicates},
                        {"blocks_dropped", c.blocks_dropped},
                        {"articles_without_sentences", c.articles_without_sentences},
                        {"off_topic", c.off_topic}};
  Json problems = Json::array();
  for (const Error& e : brief.ingest.problems) problems.push_back(ErrorJson(e));
  root["problems"] = std::move(problems);
  return root.dump(2) + "\n";
}

}  // namespace sitrep
