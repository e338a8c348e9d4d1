// The cleaner. Blocks are lines, or paragraphs where the text is hard-wrapped. Each block gets
// features and a linear body score; three headings switch the rest of the article into a zone
// (reference list, comment thread, list of other stories) whose blocks are dropped until the
// zone ends (end of text; for story lists, the next block that reads like body prose).
// The first blocks, before the first body-like paragraph, are read for title, outlet, dateline
// and byline. Why features and not site rules: the inputs come from sites nobody listed.
#include "sitrep/clean.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "core/data.h"
#include "sitrep/ingest.h"
#include "sitrep/text.h"

namespace sitrep {
namespace {

enum class Category : uint8_t { kWidget, kNav, kCaption, kComment, kHeadRef, kHeadCom, kHeadRel };

struct PhraseTable {
  std::unique_ptr<RE2::Set> set;
  std::vector<Category> category;
  std::vector<std::string> phrase;
  // Heading phrases, matched against a whole (short) block.
  std::vector<std::pair<std::string, Category>> headings;
};

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

const PhraseTable& Phrases() {
  static const PhraseTable* table = [] {
    auto* t = new PhraseTable;
    RE2::Options opt;
    opt.set_case_sensitive(false);
    opt.set_log_errors(false);
    t->set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
    for (std::string_view line : EmbeddedLines("boilerplate-phrases.txt")) {
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      std::string_view cat = line.substr(0, tab);
      std::string phrase(line.substr(tab + 1));
      Category c;
      if (cat == "widget") c = Category::kWidget;
      else if (cat == "nav") c = Category::kNav;
      else if (cat == "caption") c = Category::kCaption;
      else if (cat == "comment") c = Category::kComment;
      else if (cat == "head-ref") c = Category::kHeadRef;
      else if (cat == "head-com") c = Category::kHeadCom;
      else if (cat == "head-rel") c = Category::kHeadRel;
      else continue;
      if (c == Category::kHeadRef || c == Category::kHeadCom || c == Category::kHeadRel) {
        t->headings.emplace_back(phrase, c);
        continue;
      }
      std::string re;
      if (IsWordByte(phrase.front())) re += "\\b";
      re += RE2::QuoteMeta(phrase);
      if (IsWordByte(phrase.back())) re += "\\b";
      if (t->set->Add(re, nullptr) >= 0) {
        t->category.push_back(c);
        t->phrase.push_back(phrase);
      }
    }
    t->set->Compile();
    return t;
  }();
  return *table;
}

bool IsTerminal(char c) {
  return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ':';
}

// Lower-case letters and digits, single spaces: the identity of a block for repetition.
std::string BlockKey(std::string_view s) {
  std::string key;
  bool space = false;
  for (char c : s) {
    if (IsWordByte(c) || (static_cast<unsigned char>(c) >= 0x80)) {
      if (space && !key.empty()) key.push_back(' ');
      space = false;
      key.push_back(LowerAscii(c));
    } else {
      space = true;
    }
  }
  return key;
}

// Lines, except that hard-wrapped paragraphs (most lines 50-100 chars, not ending a sentence)
// are kept whole.
std::vector<Span> SplitBlocks(std::string_view text) {
  std::vector<Span> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    size_t b = pos, e = end;
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    lines.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  std::vector<Span> blocks;
  size_t i = 0;
  while (i < lines.size()) {
    if (lines[i].empty()) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < lines.size() && !lines[j].empty()) ++j;  // [i, j) is a paragraph
    size_t n = j - i;
    // Hard-wrapped: every line but the last is long and breaks mid-sentence, and some
    // continuation starts in lower case (header lines never do).
    size_t wrapped = 0, lower_starts = 0;
    for (size_t k = i; k + 1 < j; ++k) {
      uint32_t len = lines[k].size();
      char last = text[lines[k].end - 1];
      if (len >= 40 && len <= 110 && !IsTerminal(last)) ++wrapped;
      char next = text[lines[k + 1].begin];
      if (std::islower(static_cast<unsigned char>(next))) ++lower_starts;
    }
    if (n >= 2 && wrapped == n - 1 && lower_starts > 0) {
      blocks.push_back(Span{lines[i].begin, lines[j - 1].end});
    } else {
      for (size_t k = i; k < j; ++k) blocks.push_back(lines[k]);
    }
    i = j;
  }
  return blocks;
}

struct Features {
  uint32_t words = 0;
  uint32_t stop_words = 0;
  uint32_t capitalized = 0;
  bool sentence_end = false;
  bool link_like = false;
  std::vector<int> phrase_hits;  // indexes into PhraseTable
  bool Has(Category c) const {
    for (int h : phrase_hits)
      if (Phrases().category[static_cast<size_t>(h)] == c) return true;
    return false;
  }
  std::string FirstPhrase(Category c) const {
    for (int h : phrase_hits)
      if (Phrases().category[static_cast<size_t>(h)] == c) return Phrases().phrase[static_cast<size_t>(h)];
    return {};
  }
};

Features Measure(std::string_view block) {
  Features f;
  std::string lower;
  for (const Token& t : Tokenize(block)) {
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) continue;
    ++f.words;
    std::string_view w = block.substr(t.span.begin, t.span.size());
    if (std::isupper(static_cast<unsigned char>(w[0]))) ++f.capitalized;
    FoldCase(w, lower);
    if (IsStopWord(lower)) ++f.stop_words;
  }
  char last = block.empty() ? ' ' : block.back();
  f.sentence_end = last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' ||
                   last == ')';
  f.link_like = block.find("http://") != std::string_view::npos ||
                block.find("https://") != std::string_view::npos ||
                block.find("www.") != std::string_view::npos ||
                block.find(" | ") != std::string_view::npos ||
                block.find("\xC2\xBB") != std::string_view::npos ||  // »
                block.find(">>") != std::string_view::npos;
  if (f.words < 60) Phrases().set->Match(re2::StringPiece(block.data(), block.size()), &f.phrase_hits);
  return f;
}

// A heading of the given kinds: a short block that is, or starts with, a heading phrase.
std::optional<Category> Heading(std::string_view block, const Features& f) {
  if (f.words == 0 || f.words > 6 || (f.sentence_end && block.back() == '.')) return std::nullopt;
  std::string key = BlockKey(block);
  // Drop counts such as "12 comments" / "comments (12)".
  std::string stripped;
  for (size_t i = 0; i < key.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(key[i]))) continue;
    stripped.push_back(key[i]);
  }
  size_t b = stripped.find_first_not_of(' ');
  if (b == std::string::npos) return std::nullopt;
  stripped = stripped.substr(b);
  for (const auto& [phrase, cat] : Phrases().headings) {
    std::string pkey = BlockKey(phrase);
    if (stripped == pkey) return cat;
    if (stripped.size() > pkey.size() && stripped.starts_with(pkey) && stripped[pkey.size()] == ' ' &&
        cat == Category::kHeadRel && f.words <= 5)
      return cat;  // "More from The Herald"
  }
  return std::nullopt;
}

float BodyScore(const Features& f, bool repeated_elsewhere, std::string& why) {
  float s = 0;
  auto note = [&](const std::string& w) {
    if (!why.empty()) why += "; ";
    why += w;
  };
  // A long block is prose whatever its last character or a banner inside it: a whole article
  // on one line (some corpora store text that way) must not lose to one stray feature.
  const bool long_block = f.words >= 40;
  if (f.sentence_end) {
    s += 1.0f;
  } else if (!long_block) {
    s -= 1.0f;  // body text is sentences; headings and labels are not
    note("no sentence ending");
  }
  s += std::min<float>(static_cast<float>(f.words), 40.0f) / 20.0f;
  if (f.words < 5) {
    s -= 1.0f;
    note(std::to_string(f.words) + (f.words == 1 ? " word" : " words"));
  }
  if (f.words >= 6) {
    float ratio = static_cast<float>(f.stop_words) / static_cast<float>(f.words);
    if (ratio >= 0.15f && ratio <= 0.75f) {
      s += 1.0f;
    } else {
      s -= 0.5f;
      note("stop-word density " + std::to_string(static_cast<int>(ratio * 100)) + "%");
    }
  }
  if (!f.sentence_end && f.words >= 3 && f.capitalized * 10 >= f.words * 8) {
    s -= 1.0f;
    note("title-case words");
  }
  float phrase_weight = f.words > 30 ? 0.7f : 2.5f;
  for (Category c : {Category::kWidget, Category::kNav, Category::kComment}) {
    std::string p = f.FirstPhrase(c);
    if (p.empty()) continue;
    s -= phrase_weight;
    note((c == Category::kWidget ? "widget phrase '" : c == Category::kNav ? "navigation phrase '"
                                                                            : "comment phrase '") +
         p + "'");
  }
  if (f.link_like) {
    s -= long_block ? 0.3f : 1.5f;
    note("link-like text");
  }
  if (repeated_elsewhere) {
    s -= 2.0f;
    note("repeated in other articles");
  }
  return s;
}

bool IsBylineStart(std::string_view block) {
  for (std::string_view k : {"By ", "BY ", "Written by ", "Reporting by ", "Words by ", "Posted by ",
                             "Story by ", "Text by "})
    if (block.starts_with(k)) return true;
  return false;
}

// "By Leila Mansour | 6 min read" -> "Leila Mansour"; "Reporting by X for Wire" -> "X".
std::string BylineName(std::string_view s) {
  size_t by = s.find("by ");
  if (by == std::string_view::npos) by = s.find("By ");
  if (by == std::string_view::npos) by = s.find("BY ");
  std::string_view name = by == std::string_view::npos ? s : s.substr(by + 3);
  for (std::string_view stop : {" | ", " for ", ", ", " - ", " in ", " \xE2\x80\x94 ", " on "}) {
    size_t p = name.find(stop);
    if (p != std::string_view::npos) name = name.substr(0, p);
  }
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.remove_suffix(1);
  return std::string(name);
}

bool StartsWithDateKeyword(std::string_view block) {
  for (std::string_view k : {"Published", "Updated", "Posted", "Date:", "First published",
                             "Last updated", "Last modified", "PUBLISHED", "UPDATED"})
    if (block.starts_with(k)) return true;
  return false;
}

bool IsTitleCandidate(std::string_view s, const Features& f) {
  return f.words >= 1 && f.words <= 30 && !(f.sentence_end && s.back() == '.') &&
         f.phrase_hits.empty() && !f.link_like && !ParsePublicationDate(s) && !IsBylineStart(s);
}

bool NextIsTitle(std::string_view text, const std::vector<Span>& spans, size_t next) {
  std::string_view s = text.substr(spans[next].begin, spans[next].size());
  Features f = Measure(s);
  return IsTitleCandidate(s, f) && f.words >= 4;
}

void CleanOne(Article& a, const std::unordered_map<std::string, uint32_t>& cross_counts,
              const CleanOptions& options) {
  std::string_view text = a.text;
  std::vector<Span> spans = SplitBlocks(text);
  a.blocks.clear();
  a.blocks.reserve(spans.size());
  std::unordered_set<std::string> seen_keys;
  std::string title_key = a.title.empty() ? std::string() : BlockKey(a.title);
  bool header_zone = true;
  bool title_found = false;
  enum class Zone { kNone, kReferences, kComments, kRelated } zone = Zone::kNone;
  std::string zone_heading;

  for (size_t i = 0; i < spans.size(); ++i) {
    Block block;
    block.span = spans[i];
    std::string_view s = text.substr(block.span.begin, block.span.size());
    Features f = Measure(s);
    std::string key = BlockKey(s);
    bool short_unpunctuated = f.words < 12 && !f.sentence_end;
    bool repeated = options.use_cross_article_repetition && short_unpunctuated && !key.empty() &&
                    cross_counts.count(key) && cross_counts.at(key) >= 2;
    std::string why;
    block.score = BodyScore(f, repeated, why);
    bool body_like = block.score >= 2.5f && f.words >= 12 && f.sentence_end;
    auto drop = [&](BlockRole role, std::string reason) {
      block.role = role;
      block.reason = std::move(reason);
    };

    if (key.empty()) {
      drop(BlockRole::kBoilerplate, "no words");
    } else if (auto heading = Heading(s, f)) {
      zone_heading = std::string(s);
      zone = *heading == Category::kHeadRef   ? Zone::kReferences
             : *heading == Category::kHeadCom ? Zone::kComments
                                              : Zone::kRelated;
      drop(zone == Zone::kReferences ? BlockRole::kReferences
           : zone == Zone::kComments ? BlockRole::kComments
                                     : BlockRole::kBoilerplate,
           "section heading");
    } else if (zone == Zone::kReferences) {
      drop(BlockRole::kReferences, "after the heading '" + zone_heading + "'");
    } else if (zone == Zone::kComments) {
      drop(BlockRole::kComments, "after the heading '" + zone_heading + "'");
    } else if (zone == Zone::kRelated && !body_like) {
      drop(BlockRole::kBoilerplate, "in the list after the heading '" + zone_heading + "'");
    } else if (!seen_keys.insert(key).second || (title_found && key == title_key)) {
      drop(BlockRole::kDuplicate, "repeats an earlier block of this article");
    } else if (f.Has(Category::kCaption) && f.words < 60) {
      drop(BlockRole::kCaption, "caption or credit ('" + f.FirstPhrase(Category::kCaption) + "')");
    } else if (header_zone && StartsWithDateKeyword(s) && ParsePublicationDate(s)) {
      drop(BlockRole::kMeta, "dateline");
    } else if (header_zone && f.words <= 14 && ParsePublicationDate(s) && !body_like) {
      drop(BlockRole::kMeta, "dateline");
    } else if (header_zone && IsBylineStart(s) && f.words <= 12) {
      drop(BlockRole::kMeta, "byline");
      if (a.author.empty()) a.author = BylineName(s);
    } else if (header_zone && !title_found && a.outlet.empty() && i + 1 < spans.size() &&
               !repeated && IsTitleCandidate(s, f) &&
               (f.words <= 4 || s.find(" - ") != std::string_view::npos ||
                s.find(" \xE2\x80\x94 ") != std::string_view::npos) &&
               NextIsTitle(text, spans, i + 1)) {
      // A short line right before a longer headline is the site's name.
      drop(BlockRole::kMeta, "site name");
      a.outlet = std::string(s);
    } else if (header_zone && !title_found && IsTitleCandidate(s, f) &&
               (title_key.empty() || key == title_key || !body_like)) {
      title_found = true;
      drop(BlockRole::kTitle, "headline");
      if (a.title.empty()) a.title = std::string(s);
      title_key = BlockKey(a.title);
    } else if (header_zone && title_found && f.words <= 5 && !f.sentence_end &&
               f.phrase_hits.empty() && !f.link_like && a.outlet.empty() && !repeated) {
      drop(BlockRole::kMeta, "site name");
      a.outlet = std::string(s);
    } else if (block.score < options.keep_threshold + 1.0f ||
               (s.size() < options.min_body_chars && !f.sentence_end)) {
      drop(BlockRole::kBoilerplate, "score " + std::to_string(block.score).substr(0, 4) + ": " + why);
    } else {
      block.role = BlockRole::kBody;
      if (zone == Zone::kRelated) zone = Zone::kNone;  // body prose resumes after a story list
    }
    if (header_zone && i == 0 && !block.kept() && a.outlet.empty()) {
      // "THE DAILY COURIER | Home | World": a masthead run into the navigation bar.
      size_t bar = s.find(" | ");
      if (bar != std::string_view::npos && bar > 0) {
        std::string_view name = s.substr(0, bar);
        if (Measure(name).words <= 4) a.outlet = std::string(name);
      }
    }
    if (block.role == BlockRole::kBody && body_like) header_zone = false;
    if (block.role == BlockRole::kMeta && block.reason == "dateline") {
      if (auto d = ParsePublicationDate(s); d && a.date_source != DateSource::kText) {
        a.date = d;
        a.date_source = DateSource::kText;
        a.date_text = std::string(s);
      }
    }
    if (i >= 12 && header_zone) header_zone = false;  // a header never runs this long
    a.blocks.push_back(std::move(block));
  }
}

}  // namespace

void Clean(std::span<Article> articles, const CleanOptions& options) {
  // Short unpunctuated lines seen in several articles are site furniture ("Most read").
  std::unordered_map<std::string, uint32_t> cross_counts;
  if (options.use_cross_article_repetition && articles.size() > 1) {
    for (const Article& a : articles) {
      std::unordered_set<std::string> keys;
      for (const Span& s : SplitBlocks(a.text)) {
        std::string_view b = std::string_view(a.text).substr(s.begin, s.size());
        if (b.empty() || b.size() > 120) continue;
        char last = b.back();
        if (last == '.' || last == '!' || last == '?') continue;
        keys.insert(BlockKey(b));
      }
      for (const auto& k : keys) ++cross_counts[k];
    }
  }
  for (Article& a : articles) CleanOne(a, cross_counts, options);
}

}  // namespace sitrep
