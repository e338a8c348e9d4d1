// Markdown for people: headline, summary with [n] citations, sources, counts, and on request
// what was dropped and why.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>

#include "render/render_util.h"
#include "sitrep/render.h"

namespace sitrep {
namespace {

// Markdown-significant characters in text we did not write (titles, outlet names).
std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '<' || c == '>' ||
        c == '#' || c == '|' || c == '\\')
      out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string Plural(uint32_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string RenderMarkdown(const Brief& brief, const RenderOptions& options) {
  std::string out;
  const auto& articles = brief.articles;
  out += fmt::format("# {}\n\n", brief.headline.empty() ? std::string("Situation report")
                                                         : Escape(brief.headline));
  std::set<std::string> outlets;
  std::optional<CivilDate> first, last;
  for (const Article& a : articles) {
    if (!a.outlet.empty()) outlets.insert(a.outlet);
    if (a.date && !a.sentences.empty() && !brief.IsOffTopic(a.index)) {
      if (!first || *a.date < *first) first = a.date;
      if (!last || *last < *a.date) last = a.date;
    }
  }
  std::string span = first ? (first == last ? fmt::format(", {}", first->ToIso())
                                            : fmt::format(", {} to {}", first->ToIso(), last->ToIso()))
                           : std::string();
  out += fmt::format("*Situation report from {}{}{}.*\n\n", Plural(brief.counts.articles_read, "article", "articles"),
                     outlets.empty() ? std::string() : " by " + Plural(static_cast<uint32_t>(outlets.size()), "outlet", "outlets"),
                     span);

  out += "## Summary\n\n";
  if (brief.summary.sentences.empty()) out += "No sentence could be selected.\n";
  for (const SummarySentence& s : brief.summary.sentences) {
    out += DisplayText(articles[s.article].View(s.span));
    std::set<uint32_t> cited;
    std::string marks;
    for (const Citation& c : s.citations) {
      if (cited.insert(c.article).second) marks += fmt::format("[{}]", c.article + 1);
    }
    out += " " + marks + "\n";
  }

  if (!brief.timeline.entries.empty()) {
    out += "\n## Timeline\n\n";
    bool background_header = false;
    for (const TimelineEntry& e : brief.timeline.entries) {
      if (e.kind == TimelineKind::kBackground && !background_header) {
        out += "\nBackground:\n\n";
        background_header = true;
      }
      std::string when = e.date.IsComplete() ? e.date.ToIso() : e.value;
      out += fmt::format("- **{}** {}", when, DisplayText(articles[e.article].View(e.sentence)));
      std::set<uint32_t> cited;
      std::string marks;
      for (const TimelineSource& src : e.sources)
        if (cited.insert(src.article).second) marks += fmt::format("[{}]", src.article + 1);
      out += " " + marks + "\n";
    }
  }
  if (!brief.actors.actors.empty()) out += "\n" + ActorsToMarkdown(brief.actors);
  if (std::string figures = RenderFiguresMarkdown(brief.figures, articles); !figures.empty())
    out += "\n" + figures;

  out += "\n## Sources\n\n";
  for (const Article& a : articles) {
    std::string title = a.title.empty() ? "(untitled)" : Escape(a.title);
    out += fmt::format("{}. **{}**", a.index + 1, title);
    if (!a.outlet.empty()) out += " — " + Escape(a.outlet);
    out += ", " + DateOrUnknown(a);
    std::string where = a.path;
    if (a.record >= 0) where += fmt::format(":{}", a.record);
    out += fmt::format(" (`{}`)", where);
    int32_t dup = a.index < brief.dedupe.duplicate_of.size() ? brief.dedupe.duplicate_of[a.index] : -1;
    if (dup >= 0) out += fmt::format(" — near-duplicate of [{}]", dup + 1);
    if (a.sentences.empty()) out += " — no sentences after cleaning";
    else if (brief.IsOffTopic(a.index)) out += " — off-topic, not used";
    out += "\n";
  }

  const BriefCounts& c = brief.counts;
  out += fmt::format(
      "\n---\nRead {} from {}; {} skipped; {}; {} off-topic; {} dropped as boilerplate.\n",
      Plural(c.articles_read, "article", "articles"), Plural(c.inputs_seen, "input", "inputs"),
      c.inputs_skipped, Plural(c.near_duplicates, "near-duplicate", "near-duplicates"),
      c.off_topic, Plural(c.blocks_dropped, "block", "blocks"));
  if (!brief.ingest.problems.empty()) {
    out += "\nProblems with the input:\n\n";
    for (const Error& e : brief.ingest.problems) out += "- " + Escape(e.ToString()) + "\n";
  }

  if (options.explain) {
    out += "\n## Dropped\n";
    for (const Article& a : articles) {
      bool header = false;
      for (const Block& b : a.blocks) {
        if (b.kept()) continue;
        if (!header) {
          out += fmt::format("\n[{}] {}\n\n", a.index + 1, Escape(a.path));
          header = true;
        }
        std::string text = DisplayText(a.View(b.span));
        if (text.size() > 90) {
          size_t cut = 87;
          while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;
          text = text.substr(0, cut) + "...";
        }
        out += fmt::format("- {}: \"{}\" ({})\n", BlockRoleName(b.role), Escape(text),
                           Escape(b.reason));
      }
    }
    if (!brief.dedupe.groups.empty()) {
      out += "\nNear-duplicates (cited as support, not summarized twice):\n\n";
      for (const DuplicateGroup& g : brief.dedupe.groups) {
        for (size_t i = 0; i < g.copies.size(); ++i) {
          out += fmt::format("- [{}] copies [{}] (shingle Jaccard {:.2f})\n", g.copies[i] + 1,
                             g.kept + 1, g.similarity[i]);
        }
      }
    }
  }
  return out;
}

}  // namespace sitrep
