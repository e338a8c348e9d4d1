// RenderHtml: the Brief as one self-contained page. The page is plain HTML first (every section
// readable with JavaScript off; citation chips are links to <mark id> anchors); the map and the
// timeline are drawn by data/report/report.js from a JSON island when the build inlined the
// libraries.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/data.h"
#include "sitrep/report.h"

namespace sitrep {
namespace {

std::string Esc(std::string_view text) { return EscapeHtml(text); }

// Anchor of a cited span in the source panel; byte offsets stay in C++.
std::string SpanId(uint32_t article, Span span) {
  return "s" + std::to_string(article) + "-" + std::to_string(span.begin) + "-" +
         std::to_string(span.end);
}

std::string SourceId(uint32_t article) { return "src-" + std::to_string(article + 1); }

// Moves a byte offset back to the start of its UTF-8 character (spans are byte offsets; a span
// cut inside a character would break the text around the mark).
uint32_t CharStart(const std::string& text, uint32_t pos) {
  pos = std::min<uint32_t>(pos, static_cast<uint32_t>(text.size()));
  while (pos > 0 && pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80)
    --pos;
  return pos;
}

struct PageState {
  const Brief& brief;
  std::map<uint32_t, std::vector<Span>> cited;  // per article, the spans to mark
  std::set<std::string> anchors;                 // span ids written into the source panel

  explicit PageState(const Brief& b) : brief(b) {}

  void Cite(uint32_t article, Span span) {
    if (article < brief.articles.size() && !span.empty()) cited[article].push_back(span);
  }
  // A chip: [n] linking to the exact span when it is in the page, else to the article.
  std::string Chip(uint32_t article, Span span, std::string_view extra_title = {}) const {
    if (article >= brief.articles.size()) return {};
    const Article& a = brief.articles[article];
    std::string id = SpanId(article, span);
    std::string href = anchors.count(id) ? id : SourceId(article);
    std::string title = a.outlet.empty() ? a.title : a.outlet + ": " + a.title;
    if (!extra_title.empty()) title = std::string(extra_title) + " (" + title + ")";
    return "<a class=\"chip\" href=\"#" + href + "\" title=\"" + Esc(title) + "\">[" +
           std::to_string(article + 1) + "]</a>";
  }
  std::string ArticleChip(uint32_t article) const { return Chip(article, Span{}); }
  std::string Text(uint32_t article, Span span) const {
    if (article >= brief.articles.size()) return {};
    const Article& a = brief.articles[article];
    uint32_t b = CharStart(a.text, span.begin), e = CharStart(a.text, span.end);
    return e > b ? Esc(std::string_view(a.text).substr(b, e - b)) : std::string();
  }
};

// One kept block's text with the cited spans cut in as nested <mark>s. Spans are sorted by
// start (longest first) so sentence marks enclose figure marks; a span that crosses the end of
// an enclosing one is clipped to it (a page cannot hold crossing elements).
std::string MarkBlock(PageState& page, uint32_t article, Span block) {
  const std::string& text = page.brief.articles[article].text;
  struct Piece {
    uint32_t begin, end;
    std::string id;
  };
  std::vector<Piece> pieces;
  if (auto it = page.cited.find(article); it != page.cited.end()) {
    for (Span s : it->second) {
      uint32_t b = CharStart(text, std::max(s.begin, block.begin));
      uint32_t e = CharStart(text, std::min(s.end, block.end));
      if (e > b) pieces.push_back({b, e, SpanId(article, s)});
    }
  }
  std::sort(pieces.begin(), pieces.end(), [](const Piece& x, const Piece& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end > y.end;
  });
  std::string out;
  uint32_t pos = block.begin;
  std::vector<uint32_t> open;  // end offsets of the open marks, innermost last
  auto emit_to = [&](uint32_t to) {
    if (to > pos) out += Esc(std::string_view(text).substr(pos, to - pos));
    pos = std::max(pos, to);
  };
  for (Piece& p : pieces) {
    while (!open.empty() && open.back() <= p.begin) {
      emit_to(open.back());
      out += "</mark>";
      open.pop_back();
    }
    emit_to(p.begin);
    if (!open.empty()) p.end = std::min(p.end, open.back());
    bool first = page.anchors.insert(p.id).second;
    if (p.end <= p.begin) {
      if (first) out += "<span id=\"" + p.id + "\" tabindex=\"-1\"></span>";
      continue;
    }
    out += first ? "<mark id=\"" + p.id + "\" tabindex=\"-1\">" : "<mark>";
    open.push_back(p.end);
  }
  while (!open.empty()) {
    emit_to(open.back());
    out += "</mark>";
    open.pop_back();
  }
  emit_to(block.end);
  return out;
}

std::string DateRange(const std::optional<CivilDate>& first, const std::optional<CivilDate>& last) {
  if (!first) return {};
  if (!last || *first == *last) return first->ToIso();
  return first->ToIso() + " \xE2\x80\x93 " + last->ToIso();
}

void CollectCitations(PageState& page) {
  const Brief& b = page.brief;
  for (const SummarySentence& s : b.summary.sentences) {
    page.Cite(s.article, s.span);
    for (const Citation& c : s.citations) page.Cite(c.article, c.span);
  }
  for (const TimelineEntry& e : b.timeline.entries) {
    page.Cite(e.article, e.sentence);
    for (const TimelineSource& s : e.sources) page.Cite(s.article, s.sentence);
  }
  for (const Disagreement& d : b.figures.disagreements)
    for (const DisagreementSide& side : d.sides)
      for (size_t i = 0; i < side.articles.size() && i < side.spans.size(); ++i)
        page.Cite(side.articles[i], side.spans[i]);
  for (const Figure& f : b.figures.figures) page.Cite(f.article, f.span);
}

std::string RenderSources(PageState& page) {
  const Brief& b = page.brief;
  std::string out;
  for (const Article& a : b.articles) {
    const uint32_t i = a.index;
    if (i >= b.articles.size() || &b.articles[i] != &a) continue;  // Article::index = position
    out += "<article class=\"source\" id=\"" + SourceId(i) + "\" aria-labelledby=\"" +
           SourceId(i) + "-h\">\n<h3 id=\"" + SourceId(i) + "-h\">[" + std::to_string(i + 1) +
           "] " + Esc(a.title.empty() ? a.id : a.title) + "</h3>\n<p class=\"meta\">";
    std::vector<std::string> meta;
    if (!a.outlet.empty()) meta.push_back("<span class=\"outlet\">" + Esc(a.outlet) + "</span>");
    if (a.date) meta.push_back("<time datetime=\"" + a.date->ToIso() + "\">" + a.date->ToIso() +
                               "</time>");
    if (!a.author.empty()) meta.push_back(Esc(a.author));
    if (!a.url.empty()) meta.push_back("<span class=\"url\">" + Esc(a.url) + "</span>");
    else if (!a.path.empty()) meta.push_back("<span class=\"url\">" + Esc(a.path) + "</span>");
    for (size_t k = 0; k < meta.size(); ++k) out += (k ? " \xC2\xB7 " : "") + meta[k];
    out += "</p>\n";
    if (i < b.dedupe.duplicate_of.size() && b.dedupe.duplicate_of[i] >= 0)
      out += "<p class=\"note\">Near-duplicate of " +
             page.ArticleChip(static_cast<uint32_t>(b.dedupe.duplicate_of[i])) +
             "; not used in the sections above.</p>\n";
    if (b.IsOffTopic(i))
      out += "<p class=\"note\">Off-topic (relevance " +
             std::to_string(static_cast<int>(std::lround(b.relevance[i] * 100))) +
             "%); not used in the sections above.</p>\n";
    out += "<div class=\"source-text\">\n";
    std::vector<Block> blocks = a.blocks;
    if (blocks.empty()) blocks.push_back(Block{Span{0, static_cast<uint32_t>(a.text.size())}});
    std::string dropped;
    uint32_t dropped_count = 0;
    for (const Block& block : blocks) {
      Span span{std::min<uint32_t>(block.span.begin, a.text.size()),
                std::min<uint32_t>(block.span.end, a.text.size())};
      if (span.empty()) continue;
      if (block.kept() || block.role == BlockRole::kTitle) {
        if (block.role == BlockRole::kTitle) continue;  // the title is the heading above
        out += "<p>" + MarkBlock(page, i, span) + "</p>\n";
      } else {
        ++dropped_count;
        dropped += "<li><span class=\"role\">" + std::string(BlockRoleName(block.role)) +
                   "</span>" + (block.reason.empty() ? "" : " <span class=\"reason\">(" +
                   Esc(block.reason) + ")</span>") + ": " + page.Text(i, span) + "</li>\n";
      }
    }
    out += "</div>\n";
    if (dropped_count > 0)
      out += "<details class=\"dropped\"><summary>Dropped from this article: " +
             std::to_string(dropped_count) + (dropped_count == 1 ? " block" : " blocks") +
             "</summary>\n<ul>\n" + dropped + "</ul></details>\n";
    out += "</article>\n";
  }
  if (!b.ingest.problems.empty()) {
    out += "<details class=\"dropped\"><summary>Inputs with problems: " +
           std::to_string(b.ingest.problems.size()) + "</summary>\n<ul>\n";
    for (const Error& e : b.ingest.problems) out += "<li>" + Esc(e.ToString()) + "</li>\n";
    out += "</ul></details>\n";
  }
  return out;
}

std::string RenderSummary(const PageState& page) {
  std::string out = "<ol class=\"summary\">\n";
  for (const SummarySentence& s : page.brief.summary.sentences) {
    out += "<li>" + page.Text(s.article, s.span) + " <span class=\"chips\">";
    std::set<uint32_t> seen;
    for (const Citation& c : s.citations)
      if (seen.insert(c.article).second) out += page.Chip(c.article, c.span);
    if (s.citations.empty()) out += page.Chip(s.article, s.span);
    out += "</span></li>\n";
  }
  return out + "</ol>\n";
}

std::string RenderTimeline(const PageState& page, nlohmann::json& items) {
  std::string out = "<ol class=\"timeline-list\">\n";
  uint32_t n = 0;
  for (const TimelineEntry& e : page.brief.timeline.entries) {
    std::string id = "tl-" + std::to_string(n);
    out += "<li id=\"" + id + "\"><time datetime=\"" + e.date.ToIso() + "\">" + e.date.ToIso() +
           "</time>" + (e.kind == TimelineKind::kBackground ? " <span class=\"tag\">background</span>"
                                                            : "") +
           " <span class=\"support\">" + std::to_string(e.support) +
           (e.support == 1 ? " source" : " sources") + "</span>\n<p>" +
           page.Text(e.article, e.sentence) + " <span class=\"chips\">";
    std::set<uint32_t> seen;
    for (const TimelineSource& s : e.sources)
      if (seen.insert(s.article).second) out += page.Chip(s.article, s.sentence);
    if (e.sources.empty()) out += page.Chip(e.article, e.sentence);
    out += "</span></p></li>\n";
    std::string label = page.brief.articles.size() > e.article
                            ? std::string(page.brief.articles[e.article].View(e.sentence))
                            : std::string();
    if (label.size() > 80) label = label.substr(0, CharStart(label, 77)) + "\xE2\x80\xA6";
    items.push_back({{"id", n}, {"start", e.date.ToIso()}, {"support", e.support},
                     {"background", e.kind == TimelineKind::kBackground}, {"label", label},
                     {"detail", id}});
    ++n;
  }
  return out + "</ol>\n";
}

std::string Aliases(const Actor& a) {
  std::string out;
  for (const std::string& alias : a.aliases) {
    if (alias == a.name) continue;
    out += (out.empty() ? "" : ", ") + Esc(alias);
  }
  return out;
}

std::string RenderPlaces(const PageState& page, nlohmann::json& places) {
  std::string rows, templates;
  uint32_t n = 0;
  for (const Actor& a : page.brief.actors.actors) {
    if (!a.place) continue;
    const Place& p = *a.place;
    if (!std::isfinite(p.latitude) || !std::isfinite(p.longitude)) continue;
    std::string chips;
    for (uint32_t art : a.articles) chips += page.ArticleChip(art);
    std::string aliases = Aliases(a);
    char coords[64];
    std::snprintf(coords, sizeof coords, "%.4f, %.4f", p.latitude, p.longitude);
    rows += "<tr id=\"place-" + std::to_string(n) + "\"><th scope=\"row\">" + Esc(a.name) +
            "</th><td>" + Esc(p.name) + (p.country_code.empty() ? "" : " (" + Esc(p.country_code) +
            ")") + "</td><td>" + coords + "</td><td>" + std::to_string(a.mentions.size()) +
            "</td><td>" + aliases + "</td><td class=\"chips\">" + chips + "</td></tr>\n";
    templates += "<template id=\"popup-" + std::to_string(n) + "\"><div class=\"popup\"><strong>" +
                 Esc(a.name) + "</strong><br>" + std::to_string(a.mentions.size()) +
                 (a.mentions.size() == 1 ? " mention" : " mentions") +
                 (aliases.empty() ? "" : "<br>Also: " + aliases) + "<br>Sources: " + chips +
                 "</div></template>\n";
    places.push_back({{"id", n}, {"name", a.name}, {"lat", p.latitude}, {"lon", p.longitude},
                      {"mentions", a.mentions.size()}});
    ++n;
  }
  if (rows.empty()) return {};
  return "<div class=\"table-wrap\" role=\"region\" aria-label=\"Places table\" "
         "tabindex=\"0\"><table class=\"places\"><caption>Places the sources name, with coordinates from "
         "GeoNames</caption>\n<thead><tr><th scope=\"col\">Place</th><th scope=\"col\">Resolved "
         "as</th><th scope=\"col\">Lat, lon</th><th scope=\"col\">Mentions</th><th "
         "scope=\"col\">Also called</th><th scope=\"col\">Sources</th></tr></thead>\n<tbody>\n" +
         rows + "</tbody></table></div>\n" + templates;
}

std::string RenderActors(const PageState& page) {
  std::string rows;
  for (const Actor& a : page.brief.actors.actors) {
    std::string chips;
    for (uint32_t art : a.articles) chips += page.ArticleChip(art);
    rows += "<tr><th scope=\"row\">" + Esc(a.name) + "</th><td>" + EntityTypeName(a.type) +
            "</td><td>" + Aliases(a) + "</td><td>" + std::to_string(a.mentions.size()) +
            "</td><td class=\"chips\">" + chips + "</td></tr>\n";
  }
  if (rows.empty()) return "<p>No actors were found.</p>\n";
  return "<div class=\"table-wrap\" role=\"region\" aria-label=\"Actors table\" "
         "tabindex=\"0\"><table class=\"actors\"><caption>People, organisations and places, most mentioned "
         "first</caption>\n<thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Type</th><th "
         "scope=\"col\">Also called</th><th scope=\"col\">Mentions</th><th "
         "scope=\"col\">Sources</th></tr></thead>\n<tbody>\n" + rows + "</tbody></table></div>\n";
}

std::string GroupTitle(std::string_view head, std::string_view noun) {
  std::string t(head);
  if (!noun.empty()) t += " (" + std::string(noun) + ")";
  return t;
}

std::string RenderFigures(const PageState& page) {
  const FigureReport& r = page.brief.figures;
  std::string out;
  for (const FigureGroup& g : r.groups) {
    out += "<li><span class=\"figure-head\">" + Esc(GroupTitle(g.head, g.noun)) + "</span>" +
           (g.disputed ? " <span class=\"tag disputed\">disputed</span>" : "") + "\n<ul>\n";
    for (const FigureValue& v : g.values) {
      std::set<std::string> who;
      std::string chips;
      std::set<uint32_t> seen;
      for (uint32_t fi : v.figures) {
        if (fi >= r.figures.size()) continue;
        const Figure& f = r.figures[fi];
        if (!f.attribution.empty()) who.insert(f.attribution.source);
        if (seen.insert(f.article).second) chips += page.Chip(f.article, f.span);
      }
      std::string said;
      for (const std::string& w : who) said += (said.empty() ? "" : "; ") + Esc(w);
      out += "<li><strong>" + Esc(v.text) + "</strong> \xE2\x80\x94 " +
             std::to_string(v.support) + (v.support == 1 ? " source" : " sources") +
             (said.empty() ? "" : ", according to " + said) + " <span class=\"chips\">" + chips +
             "</span></li>\n";
    }
    out += "</ul></li>\n";
  }
  if (out.empty()) return "<p>No figures were found.</p>\n";
  return "<ul class=\"figures\">\n" + out + "</ul>\n";
}

std::string RenderDisagreements(const PageState& page) {
  std::string out;
  for (const Disagreement& d : page.brief.figures.disagreements) {
    out += "<li><span class=\"figure-head\">" + Esc(GroupTitle(d.topic, d.noun)) + "</span> (" +
           DisagreementKindName(d.kind) + ")\n<ul>\n";
    for (const DisagreementSide& s : d.sides) {
      std::string chips, said;
      std::set<std::string> who;
      for (size_t i = 0; i < s.articles.size(); ++i)
        chips += page.Chip(s.articles[i], i < s.spans.size() ? s.spans[i] : Span{});
      for (const std::string& w : s.sources)
        if (!w.empty()) who.insert(w);
      for (const std::string& w : who) said += (said.empty() ? "" : "; ") + Esc(w);
      out += "<li><strong>" + Esc(s.text.empty() ? s.value : s.text) + "</strong>" +
             (said.empty() ? "" : ", according to " + said) + " <span class=\"chips\">" + chips +
             "</span></li>\n";
    }
    out += "</ul></li>\n";
  }
  return out;
}

std::string Section(std::string_view id, std::string_view title, std::string_view body,
                    std::string_view css_class = {}) {
  std::string out = "<section id=\"" + std::string(id) + "\" aria-labelledby=\"" +
                    std::string(id) + "-h\"";
  if (!css_class.empty()) out += " class=\"" + std::string(css_class) + "\"";
  return out + ">\n<h2 id=\"" + std::string(id) + "-h\">" + std::string(title) + "</h2>\n" +
         std::string(body) + "</section>\n";
}

// JSON inside <script type="application/json">: '<' written as \u003c so no "</script" or
// "<!--" can end or confuse the element.
std::string ScriptJson(const nlohmann::json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(s.size());
  for (char c : s) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

// Library text inside <script>/<style>: "</script" or "</style" in any letter case would end the
// element early, so its "</" is written "<\/" (the same string in JS and JSON).
std::string Inline(std::string_view code, std::string_view closing) {
  std::string out;
  out.reserve(code.size());
  for (size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '<' && i + closing.size() <= code.size()) {
      bool match = true;
      for (size_t k = 1; k < closing.size() && match; ++k)
        match = std::tolower(static_cast<unsigned char>(code[i + k])) == closing[k];
      if (match) {
        out += "<\\";
        continue;
      }
    }
    out += code[i];
  }
  return out;
}

}  // namespace

bool HtmlReportHasScripts() {
  return !EmbeddedData("leaflet.js").empty() && !EmbeddedData("vis-timeline-graph2d.min.js").empty() &&
         !EmbeddedData("report-countries.geojson").empty();
}

std::string RenderHtml(const Brief& brief, const HtmlReportOptions& options) {
  PageState page(brief);
  const bool scripts = options.inline_scripts && HtmlReportHasScripts();
  CollectCitations(page);
  // Sources first: they decide which span anchors exist for the chips above them.
  std::string sources = RenderSources(page);

  std::optional<CivilDate> first, last;
  std::set<std::string> outlets;
  for (const Article& a : brief.articles) {
    if (!a.outlet.empty()) outlets.insert(a.outlet);
    if (!a.date || brief.IsOffTopic(a.index)) continue;  // an off-topic piece is not the event's
    if (!first || *a.date < *first) first = a.date;
    if (!last || *a.date > *last) last = a.date;
  }
  std::optional<CivilDate> ev_first, ev_last;
  for (const TimelineEntry& e : brief.timeline.entries) {
    if (!ev_first || e.date < *ev_first) ev_first = e.date;
    if (!ev_last || e.date > *ev_last) ev_last = e.date;
  }

  nlohmann::json items = nlohmann::json::array(), places = nlohmann::json::array();
  std::string timeline = RenderTimeline(page, items);
  std::string place_table = RenderPlaces(page, places);
  std::string disagreements = RenderDisagreements(page);
  std::string headline = brief.headline.empty() ? "Situation report" : brief.headline;
  std::string title = options.title.empty() ? headline : options.title;

  std::string h;
  h.reserve(1 << 20);
  h += "<!DOCTYPE html>\n<html lang=\"en\" class=\"no-js\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
       // Nothing may leave the page: scripts and styles are inline, images only data: URIs.
       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
       "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
       "font-src data:\">\n<title>" + Esc(title) + "</title>\n";
  if (scripts) h += "<style>" + Inline(EmbeddedData("leaflet.css"), "</style") + "</style>\n";
  h += "<style>" + Inline(EmbeddedData("report.css"), "</style") + "</style>\n</head>\n<body>\n";
  h += "<a class=\"skip\" href=\"#main\">Skip to the summary</a>\n";
  h += "<header class=\"masthead\">\n<h1>" + Esc(headline) + "</h1>\n<p class=\"dates\">";
  if (first) h += "Reports dated " + DateRange(first, last);
  if (ev_first) h += std::string(first ? "; " : "") + "events dated " + DateRange(ev_first, ev_last);
  h += "</p>\n<ul class=\"counts\">\n";
  auto count = [&](uint64_t n, std::string_view one, std::string_view many) {
    h += "<li><strong>" + std::to_string(n) + "</strong> " + std::string(n == 1 ? one : many) +
         "</li>\n";
  };
  count(brief.articles.size(), "article", "articles");
  count(outlets.size(), "outlet", "outlets");
  count(brief.counts.blocks_dropped, "block dropped", "blocks dropped");
  count(brief.counts.near_duplicates, "near-duplicate", "near-duplicates");
  if (brief.counts.off_topic) count(brief.counts.off_topic, "off-topic", "off-topic");
  if (brief.counts.inputs_skipped) count(brief.counts.inputs_skipped, "input skipped", "inputs skipped");
  h += "</ul>\n</header>\n";
  h += "<nav aria-label=\"Sections\"><ul>\n<li><a href=\"#summary\">Summary</a></li>\n";
  if (!disagreements.empty()) h += "<li><a href=\"#disagreements\">Disagreements</a></li>\n";
  h += "<li><a href=\"#timeline\">Timeline</a></li>\n<li><a href=\"#places\">Places</a></li>\n"
       "<li><a href=\"#actors\">Actors</a></li>\n<li><a href=\"#figures\">Figures</a></li>\n"
       "<li><a href=\"#sources\">Sources</a></li>\n</ul></nav>\n<main id=\"main\" tabindex=\"-1\">\n";
  h += Section("summary", "Summary",
               "<p class=\"hint\">Each number links to the sentence that says it in the "
               "sources below.</p>\n" + RenderSummary(page));
  if (!disagreements.empty())
    h += Section("disagreements", "\xE2\x9A\xA0 Sources disagree",
                 "<ul class=\"disagreement-list\">\n" + disagreements + "</ul>\n", "alert");
  std::string tl_body;
  if (scripts && !items.empty())
    tl_body += "<div id=\"timeline-vis\" class=\"needs-js\" role=\"img\" aria-label=\"Timeline "
               "chart; the same entries are listed below\"></div>\n<div id=\"timeline-detail\" "
               "class=\"needs-js detail\" aria-live=\"polite\"></div>\n";
  tl_body += brief.timeline.entries.empty() ? "<p>No dated happenings were found.</p>\n" : timeline;
  h += Section("timeline", "Timeline", tl_body);
  std::string map_body;
  if (scripts && !places.empty())
    map_body += "<div id=\"map\" class=\"needs-js\" role=\"img\" aria-label=\"Map of the places; "
                "the same places are listed in the table below\"></div>\n";
  map_body += place_table.empty() ? "<p>No place could be located.</p>\n" : place_table;
  h += Section("places", "Places", map_body);
  h += Section("actors", "Actors", RenderActors(page));
  h += Section("figures", "Figures", RenderFigures(page));
  h += Section("sources", "Sources", sources);
  h += "</main>\n<footer><p>Written by " + Esc(options.generator) +
       ". Every sentence above is quoted from the sources; the map's country outlines are "
       "Natural Earth (public domain).</p></footer>\n";
  if (scripts) {
    nlohmann::json data = {{"timeline", items}, {"places", places}};
    h += "<script type=\"application/json\" id=\"sitrep-data\">" + ScriptJson(data) +
         "</script>\n<script type=\"application/json\" id=\"sitrep-countries\">" +
         Inline(EmbeddedData("report-countries.geojson"), "</script") + "</script>\n";
    h += "<script>" + Inline(EmbeddedData("leaflet.js"), "</script") + "</script>\n";
    h += "<script>" + Inline(EmbeddedData("vis-timeline-graph2d.min.js"), "</script") +
         "</script>\n";
  }
  h += "<script>" + Inline(EmbeddedData("report.js"), "</script") + "</script>\n";
  h += "</body>\n</html>\n";
  return h;
}

}  // namespace sitrep
