// Gold-set evaluation of figures and disagreements (format in docs/figures.md).
//
// A system figure matches a gold one when article, value key, unit and head are equal and the
// source agrees: every content word of the gold speaker appears in the system speaker, and each
// gold relay ("speaker|relay") in the system relay at the same place; "-" needs no attribution.
// Matching is one-to-one. A system disagreement matches a gold one when event, kind and topic
// are equal and both gold values are among its sides.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "figures/internal.h"
#include "sitrep/figures.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') {
      out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  out.push_back(cur);
  return out;
}

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (cur.ends_with("'s")) cur.resize(cur.size() - 2);
    if (cur.ends_with("'")) cur.pop_back();
    if (!cur.empty() && cur != "the" && cur != "of" && cur != "a" && cur != "an") out.insert(cur);
    cur.clear();
  };
  bool initials = false;  // "U.S.", "U.N.": single letters joined by periods are one word
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' ||
        static_cast<unsigned char>(c) >= 0x80) {
      cur.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      cur.push_back(static_cast<char>(c + 32));
    } else if (c == '.' && (cur.size() == 1 || initials)) {
      initials = true;
    } else {
      flush();
      initials = false;
    }
  }
  flush();
  return out;
}

bool Contains(std::string_view system, std::string_view gold) {
  std::set<std::string> have = Words(system);
  for (const std::string& w : Words(gold))
    if (!have.count(w)) return false;
  return true;
}

bool SourceMatches(const Attribution& a, const std::string& gold) {
  if (gold == "-") return a.empty();
  if (a.empty()) return false;
  std::vector<std::string> parts;
  std::stringstream ss(gold);
  for (std::string p; std::getline(ss, p, '|');) parts.push_back(p);
  if (!Contains(a.source, parts[0])) return false;
  for (size_t i = 1; i < parts.size(); ++i)
    if (i - 1 >= a.relays.size() || !Contains(a.relays[i - 1], parts[i])) return false;
  return true;
}

std::string Describe(const Figure& f) {
  std::string s = "'" + f.text + "' value=" + FigureValueKey(f) + " unit=" +
                  (f.unit.empty() ? "-" : f.unit) + " head=" + f.head;
  if (!f.noun.empty()) s += " noun=" + f.noun;
  s += " source=" + (f.attribution.empty() ? std::string("-") : f.attribution.source);
  for (const std::string& r : f.attribution.relays) s += "|" + r;
  if (f.partial) s += " partial";
  if (f.superseded) s += " superseded";
  if (f.general) s += " general";
  return s;
}

bool IsDroppingHeading(std::string_view p) {
  for (std::string_view h : {"References", "Sources", "Comments", "Related", "Read more",
                             "Further reading", "Notes"})
    if (p == h) return true;
  return false;
}

}  // namespace

Article ParseGoldArticle(std::string_view file, std::string id) {
  Article a;
  a.id = std::move(id);
  a.path = a.id;
  // Header: "Key: value" lines up to the first blank line.
  size_t pos = 0;
  while (pos < file.size()) {
    size_t nl = file.find('\n', pos);
    std::string_view line = file.substr(pos, nl == std::string_view::npos ? file.npos : nl - pos);
    pos = nl == std::string_view::npos ? file.size() : nl + 1;
    if (line.empty()) break;
    size_t colon = line.find(": ");
    if (colon == std::string_view::npos) continue;
    std::string_view key = line.substr(0, colon), value = line.substr(colon + 2);
    if (key == "Title") a.title = std::string(value);
    if (key == "Outlet") a.outlet = std::string(value);
    if (key == "Date" && value.size() == 10) {
      CivilDate d{std::atoi(std::string(value.substr(0, 4)).c_str()),
                  std::atoi(std::string(value.substr(5, 2)).c_str()),
                  std::atoi(std::string(value.substr(8, 2)).c_str())};
      if (d.IsComplete()) {
        a.date = d;
        a.date_source = DateSource::kMetadata;
      }
    }
  }
  a.text = std::string(file.substr(pos));
  // Blocks: paragraphs separated by blank lines.
  BlockRole tail = BlockRole::kBody;
  size_t i = 0;
  const std::string& t = a.text;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == '\n' || t[i] == ' ')) ++i;
    if (i >= t.size()) break;
    size_t end = t.find("\n\n", i);
    if (end == std::string::npos) end = t.size();
    size_t e = end;
    while (e > i && (t[e - 1] == '\n' || t[e - 1] == ' ')) --e;
    Block b;
    b.span = Span{static_cast<uint32_t>(i), static_cast<uint32_t>(e)};
    std::string_view p = std::string_view(t).substr(i, e - i);
    if (tail == BlockRole::kBody && IsDroppingHeading(p))
      tail = p == "Comments" ? BlockRole::kComments : BlockRole::kReferences;
    if (tail != BlockRole::kBody) {
      b.role = tail;
      b.reason = "after a reference/comment heading";
    } else if (p.starts_with("Photo:") || p.starts_with("Caption:") || p.starts_with("Image:")) {
      b.role = BlockRole::kCaption;
      b.reason = "caption";
    }
    a.blocks.push_back(std::move(b));
    i = end;
  }
  return a;
}

Result<FigureEvalResult> EvaluateFiguresGold(const std::string& dir, const FigureOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return MakeError(ErrorCode::kNotFound, dir, "not a folder",
                     "pass the gold folder, e.g. tests/gold/figures");
  std::ifstream gold_in(fs::path(dir) / "gold.tsv");
  if (!gold_in)
    return MakeError(ErrorCode::kNotFound, (fs::path(dir) / "gold.tsv").string(),
                     "no gold.tsv in the folder", "see docs/figures.md for the format");
  struct GoldFigure {
    std::string article, value, unit, head, source;
    int line;
    bool matched = false;
  };
  struct GoldDis {
    std::string event, kind, head, a, b;
    int line;
  };
  std::vector<GoldFigure> gold_figures;
  std::vector<GoldDis> gold_dis;
  FigureEvalResult result;
  int line_no = 0;
  for (std::string line; std::getline(gold_in, line);) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = SplitTabs(line);
    if (f[0] == "F" && f.size() == 6) {
      gold_figures.push_back({f[1], f[2], f[3] == "-" ? "" : f[3], f[4], f[5], line_no});
    } else if (f[0] == "D" && f.size() == 6) {
      gold_dis.push_back({f[1], f[2], f[3], f[4], f[5], line_no});
    } else {
      result.errors.push_back("gold.tsv:" + std::to_string(line_no) + ": malformed line skipped");
    }
  }
  std::vector<fs::path> events;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_directory()) events.push_back(e.path());
  std::sort(events.begin(), events.end());
  for (const fs::path& event_dir : events) {
    std::string event = event_dir.filename().string();
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(event_dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::vector<Article> articles;
    for (const fs::path& p : files) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream buf;
      buf << in.rdbuf();
      Article a = ParseGoldArticle(buf.str(), event + "/" + p.stem().string());
      a.index = static_cast<uint32_t>(articles.size());
      articles.push_back(std::move(a));
    }
    if (articles.empty()) continue;
    ++result.events;
    result.articles += static_cast<uint32_t>(articles.size());
    FigureReport report = ConsolidateFigures(articles, options);
    // Figures.
    result.system_figures += static_cast<uint32_t>(report.figures.size());
    for (const Figure& f : report.figures) {
      const std::string& id = articles[f.article].id;
      bool matched = false;
      for (GoldFigure& g : gold_figures) {
        if (g.matched || g.article != id || g.value != FigureValueKey(f) || g.unit != f.unit ||
            g.head != f.head || !SourceMatches(f.attribution, g.source))
          continue;
        g.matched = matched = true;
        break;
      }
      if (matched) {
        ++result.figure_matches;
      } else {
        result.errors.push_back("FP figure " + id + ": " + Describe(f));
      }
    }
    // Disagreements.
    std::vector<bool> found(gold_dis.size(), false);
    for (const Disagreement& d : report.disagreements) {
      ++result.system_disagreements;
      bool matched = false;
      for (size_t g = 0; g < gold_dis.size(); ++g) {
        const GoldDis& gd = gold_dis[g];
        if (gd.event != event || gd.kind != DisagreementKindName(d.kind) || gd.head != d.topic)
          continue;
        auto has = [&](const std::string& v) {
          if (v == "*") return true;
          for (const DisagreementSide& s : d.sides)
            if (s.value == v) return true;
          return false;
        };
        if (has(gd.a) && has(gd.b)) {
          matched = true;
          found[g] = true;
        }
      }
      if (matched) {
        ++result.disagreement_matches;
      } else {
        std::string s = "FP disagreement " + event + ": " + DisagreementKindName(d.kind) + " " +
                        d.topic + (d.noun.empty() ? "" : "/" + d.noun) + ":";
        for (const DisagreementSide& side : d.sides) s += " [" + side.value + "]";
        result.errors.push_back(s);
      }
    }
    for (size_t g = 0; g < gold_dis.size(); ++g)
      if (found[g]) gold_dis[g].line = -gold_dis[g].line;  // mark as found (negative line)
  }
  result.gold_figures = static_cast<uint32_t>(gold_figures.size());
  for (const GoldFigure& g : gold_figures)
    if (!g.matched)
      result.errors.push_back("FN figure gold.tsv:" + std::to_string(g.line) + " " + g.article +
                              " value=" + g.value + " unit=" + (g.unit.empty() ? "-" : g.unit) +
                              " head=" + g.head + " source=" + g.source);
  result.gold_disagreements = static_cast<uint32_t>(gold_dis.size());
  for (const GoldDis& g : gold_dis) {
    if (g.line < 0) {
      ++result.gold_disagreements_found;
    } else {
      result.errors.push_back("FN disagreement gold.tsv:" + std::to_string(g.line) + " " +
                              g.event + " " + g.kind + " " + g.head + " " + g.a + " vs " + g.b);
    }
  }
  auto ratio = [](uint32_t a, uint32_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  result.figure_p = ratio(result.figure_matches, result.system_figures);
  result.figure_r = ratio(result.gold_figures - static_cast<uint32_t>(std::count_if(
                              gold_figures.begin(), gold_figures.end(),
                              [](const GoldFigure& g) { return !g.matched; })),
                          result.gold_figures);
  result.disagreement_p = ratio(result.disagreement_matches, result.system_disagreements);
  result.disagreement_r = ratio(result.gold_disagreements_found, result.gold_disagreements);
  return result;
}

}  // namespace sitrep
