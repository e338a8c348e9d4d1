// Markdown sections for figures and disagreements (the lead's brief renderer can call this or
// walk FigureReport itself; JSON field names are listed in docs/figures.md).
#include <algorithm>
#include <set>
#include <string>

#include "figures/internal.h"
#include "sitrep/figures.h"

namespace sitrep {
namespace {

int Rank(const FigureGroup& g) {
  static constexpr std::string_view kOrder[] = {"killed", "injured", "missing", "trapped",
                                                "displaced", "evacuated", "homeless", "arrested",
                                                "rescued", "destroyed", "damaged"};
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (g.head == kOrder[i]) return static_cast<int>(i);
  if (!g.dimension.empty()) return 50;
  return 100;
}

std::string Cite(std::vector<uint32_t> articles) {
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  std::string s;
  for (uint32_t a : articles) s += "[" + std::to_string(a + 1) + "]";
  return s;
}

std::string Sources(const std::vector<std::string>& sources) {
  std::vector<std::string> named;
  for (const std::string& s : sources)
    if (!s.empty() && std::find(named.begin(), named.end(), s) == named.end()) named.push_back(s);
  std::string out;
  for (size_t i = 0; i < named.size(); ++i) out += (i ? "; " : "") + named[i];
  return out.empty() ? std::string() : " (" + out + ")";
}

std::string Title(const std::string& head, const std::string& noun) {
  return noun.empty() || noun == head ? head : head + " (" + noun + ")";
}

// Markdown-safe quote of article text: no line breaks, no '|' or backticks to confuse tables.
std::string Quote(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(c == '\n' || c == '|' || c == '`' ? ' ' : c);
  return out;
}

}  // namespace

std::string RenderFiguresMarkdown(const FigureReport& report, std::span<const Article> articles,
                                  size_t max_groups) {
  (void)articles;
  std::vector<const FigureGroup*> groups;
  for (const FigureGroup& g : report.groups) {
    uint32_t support = 0;
    for (const FigureValue& v : g.values) support += v.support;
    if (Rank(g) < 100 || support >= 2) groups.push_back(&g);
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const FigureGroup* a, const FigureGroup* b) { return Rank(*a) < Rank(*b); });
  if (groups.size() > max_groups) groups.resize(max_groups);
  std::string md;
  if (!groups.empty()) {
    md += "## Figures\n\n";
    for (const FigureGroup* g : groups) {
      md += "- **" + Title(g->head, g->noun) + "**" + (g->disputed ? " (disputed)" : "") + ": ";
      for (size_t v = 0; v < g->values.size(); ++v) {
        const FigureValue& value = g->values[v];
        std::vector<uint32_t> arts;
        std::vector<std::string> sources;
        for (uint32_t i : value.figures) {
          arts.push_back(report.figures[i].article);
          sources.push_back(report.figures[i].attribution.source);
        }
        md += (v ? "; " : "") + Quote(value.text) + " " + Cite(arts) + Sources(sources);
      }
      md += "\n";
    }
  }
  if (!report.disagreements.empty()) {
    md += std::string(md.empty() ? "" : "\n") + "## Disagreements\n\n";
    for (const Disagreement& d : report.disagreements) {
      std::string what = d.kind == DisagreementKind::kDate     ? "Date of the " + d.topic
                         : d.kind == DisagreementKind::kReason ? "Cause of the " + d.topic
                                                               : Title(d.topic, d.noun);
      md += "- **" + what + "**: ";
      for (size_t s = 0; s < d.sides.size(); ++s) {
        const DisagreementSide& side = d.sides[s];
        std::string shown = d.kind == DisagreementKind::kDate ? side.value : Quote(side.text);
        if (d.kind == DisagreementKind::kReason) shown = "\"" + shown + "\"";
        md += (s ? " vs " : "") + shown + " " + Cite(side.articles) + Sources(side.sources);
      }
      md += "\n";
    }
  }
  return md;
}

}  // namespace sitrep
