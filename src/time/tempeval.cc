// TempEval-3 Task A scoring of the tagger on TimeML files.
//
// Reading TimeML: libxml2 parses each .tml; the plain text is the concatenation of the text nodes
// under <TEXT>, and each <TIMEX3> there becomes a gold span of that text. Scoring follows
// UzZaman et al. (2013): extent match strict (same span after trimming) and relaxed (overlap),
// one-to-one; type and value accuracy over relaxed matches; attribute F1 = relaxed F1 x accuracy.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sitrep/time.h"
#include "time/timeml.h"

namespace sitrep {
namespace time_internal {
namespace {

bool NameIs(const xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         xmlStrcmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

void Collect(xmlNode* node, TimeMLDoc& doc) {
  for (xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      if (c->content) doc.text += reinterpret_cast<const char*>(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      if (NameIs(c, "TIMEX3")) {
        GoldTimex g;
        g.span.begin = static_cast<uint32_t>(doc.text.size());
        Collect(c, doc);
        g.span.end = static_cast<uint32_t>(doc.text.size());
        g.type = Attr(c, "type");
        g.value = Attr(c, "value");
        doc.timexes.push_back(std::move(g));
      } else {
        Collect(c, doc);
      }
    }
  }
}

xmlNode* Find(xmlNode* node, const char* name) {
  for (xmlNode* c = node; c; c = c->next) {
    if (NameIs(c, name)) return c;
    if (xmlNode* r = Find(c->children, name)) return r;
  }
  return nullptr;
}

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && std::isspace(static_cast<unsigned char>(text[s.begin]))) ++s.begin;
  while (s.end > s.begin && std::isspace(static_cast<unsigned char>(text[s.end - 1]))) --s.end;
  return s;
}

}  // namespace

Result<TimeMLDoc> ReadTimeML(const std::string& path) {
  xmlDoc* xml = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                       XML_PARSE_NOWARNING | XML_PARSE_HUGE);
  if (!xml) {
    return MakeError(ErrorCode::kMalformed, path, "not well-formed XML (TimeML)",
                     "check the file with xmllint --noout");
  }
  TimeMLDoc doc;
  doc.path = path;
  xmlNode* root = xmlDocGetRootElement(xml);
  if (xmlNode* dct = Find(root, "DCT")) {
    if (xmlNode* t = Find(dct->children, "TIMEX3")) {
      const std::string v = Attr(t, "value");
      int y = 0, m = 0, d = 0;
      if (std::sscanf(v.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3) doc.dct = CivilDate{y, m, d};
    }
  }
  xmlNode* text = Find(root, "TEXT");
  if (!text) {
    xmlFreeDoc(xml);
    return MakeError(ErrorCode::kMalformed, path, "no <TEXT> element",
                     "TempEval-3 TimeML files keep the article in <TEXT>");
  }
  Collect(text, doc);
  xmlFreeDoc(xml);
  return doc;
}

void ScoreDocument(const TimeMLDoc& doc, const std::vector<TimeExpr>& system, TimexScores& s,
                   bool keep_errors) {
  s.gold += static_cast<uint32_t>(doc.timexes.size());
  s.system += static_cast<uint32_t>(system.size());
  std::vector<bool> used(system.size(), false);
  std::vector<bool> gold_matched(doc.timexes.size(), false);
  for (size_t g = 0; g < doc.timexes.size(); ++g) {
    const Span gs = Trim(doc.text, doc.timexes[g].span);
    // Prefer the exact span, else the largest overlap.
    int best = -1;
    uint32_t best_overlap = 0;
    for (size_t k = 0; k < system.size(); ++k) {
      if (used[k]) continue;
      const Span ss = Trim(doc.text, system[k].span);
      const uint32_t lo = std::max(gs.begin, ss.begin), hi = std::min(gs.end, ss.end);
      if (hi <= lo) continue;
      uint32_t overlap = hi - lo;
      if (ss.begin == gs.begin && ss.end == gs.end) overlap = UINT32_MAX;
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = static_cast<int>(k);
      }
    }
    const std::string gold_text(doc.text.substr(gs.begin, gs.size()));
    if (best < 0) {
      if (keep_errors) {
        s.errors.push_back(doc.path + ": missed '" + gold_text + "' " + doc.timexes[g].type + " " +
                           doc.timexes[g].value);
      }
      continue;
    }
    used[best] = true;
    gold_matched[g] = true;
    const TimeExpr& e = system[best];
    const Span ss = Trim(doc.text, e.span);
    ++s.relaxed_matches;
    if (ss.begin == gs.begin && ss.end == gs.end) ++s.strict_matches;
    if (doc.timexes[g].type == TimeTypeName(e.type)) ++s.type_correct;
    if (doc.timexes[g].value == e.value) {
      ++s.value_correct;
    } else if (keep_errors) {
      s.errors.push_back(doc.path + ": value '" + gold_text + "' gold " + doc.timexes[g].value +
                         " ours '" + std::string(doc.text.substr(ss.begin, ss.size())) + "' " +
                         e.value);
    }
  }
  if (keep_errors) {
    for (size_t k = 0; k < system.size(); ++k) {
      if (used[k]) continue;
      const Span ss = Trim(doc.text, system[k].span);
      s.errors.push_back(doc.path + ": spurious '" +
                         std::string(doc.text.substr(ss.begin, ss.size())) + "' " +
                         TimeTypeName(system[k].type) + " " + system[k].value);
    }
  }
}

void FinishScores(TimexScores& s) {
  auto f1 = [](double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; };
  s.strict_p = s.system ? 100.0 * s.strict_matches / s.system : 0;
  s.strict_r = s.gold ? 100.0 * s.strict_matches / s.gold : 0;
  s.strict_f1 = f1(s.strict_p, s.strict_r);
  s.relaxed_p = s.system ? 100.0 * s.relaxed_matches / s.system : 0;
  s.relaxed_r = s.gold ? 100.0 * s.relaxed_matches / s.gold : 0;
  s.relaxed_f1 = f1(s.relaxed_p, s.relaxed_r);
  s.type_accuracy = s.relaxed_matches ? 100.0 * s.type_correct / s.relaxed_matches : 0;
  s.value_accuracy = s.relaxed_matches ? 100.0 * s.value_correct / s.relaxed_matches : 0;
  s.type_f1 = s.relaxed_f1 * s.type_accuracy / 100.0;
  s.value_f1 = s.relaxed_f1 * s.value_accuracy / 100.0;
}

}  // namespace time_internal

Result<TimexScores> EvaluateTempEval(const std::string& dir, const TimeOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return MakeError(ErrorCode::kNotFound, dir, "no such folder",
                     "pass the TempEval-3 folder, e.g. ../shared/data/tempeval3/test_te3-platinum");
  }
  std::vector<std::string> files;
  if (fs::is_regular_file(dir, ec)) {
    files.push_back(dir);
  } else {
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".tml") {
        files.push_back(it->path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  TimexScores scores;
  for (const std::string& f : files) {
    auto doc = time_internal::ReadTimeML(f);
    if (!doc) {
      scores.problems.push_back(doc.error());
      continue;
    }
    const std::vector<TimeExpr> system = TagTimes(doc->text, doc->dct, options);
    time_internal::ScoreDocument(*doc, system, scores, true);
    ++scores.files;
  }
  if (scores.files == 0) {
    return MakeError(ErrorCode::kEmpty, dir, "no readable .tml file",
                     "the folder should hold TimeML files (*.tml)");
  }
  time_internal::FinishScores(scores);
  return scores;
}

}  // namespace sitrep
