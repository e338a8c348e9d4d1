#include "figures/scan.h"

#include <algorithm>

#include "sitrep/text.h"

namespace sitrep::figures {
namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsHigh(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Length of a currency symbol we treat as punctuation at s[i] (UTF-8 "€" or "£"), else 0.
size_t CurrencySymbolAt(std::string_view s, size_t i) {
  if (i + 2 < s.size() + 0 && static_cast<unsigned char>(s[i]) == 0xE2 &&
      static_cast<unsigned char>(s[i + 1]) == 0x82 && static_cast<unsigned char>(s[i + 2]) == 0xAC)
    return 3;
  if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xC2 &&
      static_cast<unsigned char>(s[i + 1]) == 0xA3)
    return 2;
  return 0;
}

bool IsGluedUnit(std::string_view w) {
  static constexpr std::string_view kUnits[] = {"km", "kg", "mm", "cm", "ha", "mph", "kph",
                                                "C", "c", "F", "bn", "mn", "MW", "mw", "GW",
                                                "ft", "mi", "m", "t", "kmh"};
  for (std::string_view u : kUnits)
    if (u == w) return true;
  return false;
}

inline bool IsWordByte(std::string_view s, size_t i) {
  char c = s[i];
  return IsAsciiAlpha(c) || IsDigit(c) || (IsHigh(c) && CurrencySymbolAt(s, i) == 0);
}

}  // namespace

void Scanner::Scan(std::string_view sentence) {
  sentence_ = sentence;
  lower_.assign(sentence.begin(), sentence.end());
  for (char& c : lower_)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  tokens_.clear();
  const size_t n = sentence.size();
  size_t i = 0;
  bool space = true;
  while (i < n) {
    char c = sentence[i];
    if (IsSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    Tok t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    space = false;
    if (c == '-' && i + 4 < n && (sentence.compare(i, 5, "-LRB-") == 0 ||
                                  sentence.compare(i, 5, "-RRB-") == 0)) {
      // Penn Treebank brackets in tokenised text ("32 km -LRB- 20 miles -RRB- long"): one
      // punctuation token whose lower form is the bracket, so conversions read as in plain text.
      lower_[i] = sentence[i + 1] == 'L' ? '(' : ')';
      t.kind = TokKind::kPunct;
      t.end = static_cast<uint32_t>(i + 5);
      t.lower = std::string_view(lower_).substr(i, 1);
      tokens_.push_back(t);
      i += 5;
      continue;
    }
    if (IsDigit(c)) {
      size_t j = i + 1;
      while (j < n && (IsDigit(sentence[j]) ||
                       ((sentence[j] == ',' || sentence[j] == '.') && j + 1 < n &&
                        IsDigit(sentence[j + 1]))))
        ++j;
      size_t letters = j;
      while (letters < n && IsAsciiAlpha(sentence[letters])) ++letters;
      if (j < n && IsWordByte(sentence, j) && IsGluedUnit(sentence.substr(j, letters - j)) &&
          (letters == n || !IsWordByte(sentence, letters))) {
        // "50km", "46.2C", "2.3bn": a number and its unit written together.
        t.kind = TokKind::kNumber;
      } else if (j < n && IsWordByte(sentence, j)) {
        // Glued to letters: "4th", "10am", "3G": a word, never a figure.
        while (j < n && IsWordByte(sentence, j)) ++j;
        t.kind = TokKind::kWord;
      } else {
        t.kind = TokKind::kNumber;
      }
      i = j;
    } else if (IsWordByte(sentence, i)) {
      size_t j = i;
      while (j < n) {
        if (IsWordByte(sentence, j)) {
          ++j;
        } else if ((sentence[j] == '\'' || sentence[j] == '-' || sentence[j] == '.') &&
                   j + 1 < n && IsWordByte(sentence, j + 1) && !IsDigit(sentence[j + 1])) {
          ++j;  // "village's", "year-old", "a.m"
        } else if (sentence[j] == '.' && j >= 2 && sentence[j - 2] == '.') {
          ++j;  // the final period of "a.m." / "U.S."
          break;
        } else if (sentence[j] == '\'' && j > i && sentence[j - 1] == 's' &&
                   (j + 1 == n || IsSpace(sentence[j + 1]))) {
          ++j;  // "workers'"
          break;
        } else {
          break;
        }
      }
      t.kind = TokKind::kWord;
      t.capitalized = (c >= 'A' && c <= 'Z');
      i = j;
    } else {
      size_t len = CurrencySymbolAt(sentence, i);
      if (len == 0) {
        len = 1;
        // Keep a multi-byte punctuation mark whole.
        if (IsHigh(c)) {
          while (i + len < n && (static_cast<unsigned char>(sentence[i + len]) & 0xC0) == 0x80)
            ++len;
        }
      }
      t.kind = TokKind::kPunct;
      i += len;
    }
    t.end = static_cast<uint32_t>(i);
    t.lower = std::string_view(lower_).substr(t.begin, t.end - t.begin);
    tokens_.push_back(t);
  }
}

std::vector<Span> ScanUnits(const Article& article) {
  std::vector<Span> units;
  if (!article.sentences.empty()) {
    units.reserve(article.sentences.size());
    for (const Sentence& s : article.sentences) {
      if (s.block < article.blocks.size() && !article.blocks[s.block].kept()) continue;
      units.push_back(s.span);
    }
    return units;
  }
  if (article.blocks.empty()) return SplitSentences(article.text);
  for (const Block& b : article.blocks) {
    if (!b.kept()) continue;
    std::vector<Span> part = SplitSentences(article.text, b.span);
    units.insert(units.end(), part.begin(), part.end());
  }
  return units;
}

bool IsAny(const Tok& t, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), t.lower) != words.end();
}

int WeekdayOf(std::string_view w) {
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
  static constexpr std::string_view kDays[] = {"monday", "tuesday", "wednesday", "thursday",
                                               "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i)
    if (w == kDays[i]) return i + 1;
  return 0;
}

int MonthOf(std::string_view w) {
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december"};
  static constexpr std::string_view kAbbrev[] = {"jan.", "feb.", "mar.", "apr.", "may",
                                                 "jun.", "jul.", "aug.", "sept.", "oct.",
                                                 "nov.", "dec."};
  for (int i = 0; i < 12; ++i)
    if (w == kMonths[i] || w == kAbbrev[i]) return i + 1;
  if (w == "sep." || w == "jan" || w == "feb" || w == "aug" || w == "sept" || w == "oct" ||
      w == "nov" || w == "dec")
    return w[0] == 'j' ? 1 : w[0] == 'f' ? 2 : w[0] == 'a' ? 8 : w[0] == 's' ? 9
         : w[0] == 'o' ? 10 : w[0] == 'n' ? 11 : 12;
  return 0;
}

std::string_view EventOf(std::string_view w) {
  struct Entry {
    std::string_view word, event;
  };
  static constexpr Entry kEvents[] = {
      {"landslide", "landslide"}, {"landslides", "landslide"}, {"mudslide", "landslide"},
      {"slide", "landslide"},     {"earthquake", "earthquake"}, {"quake", "earthquake"},
      {"tremor", "earthquake"},   {"fire", "fire"},             {"blaze", "fire"},
      {"flood", "flood"},         {"floods", "flood"},          {"flooding", "flood"},
      {"attack", "attack"},       {"attacked", "attack"},       {"assault", "attack"},
      {"raid", "attack"},         {"explosion", "explosion"},   {"blast", "explosion"},
      {"bombing", "explosion"},   {"crash", "crash"},           {"storm", "storm"},
      {"cyclone", "storm"},       {"hurricane", "storm"},       {"typhoon", "storm"},
      {"shooting", "shooting"},   {"eruption", "eruption"},     {"derailment", "crash"},
      {"wildfire", "fire"},       {"bushfire", "fire"},         {"wildfires", "fire"},
      {"collapse", "collapse"},   {"collapsed", "collapse"},    {"sinking", "sinking"},
      {"sank", "sinking"},        {"capsized", "sinking"},      {"capsizing", "sinking"},
      {"derailed", "crash"},      {"crashed", "crash"},         {"crush", "crush"},
      {"stampede", "crush"},      {"avalanche", "avalanche"},   {"avalanches", "avalanche"},
      {"rockslide", "landslide"}, {"rockfall", "landslide"},    {"tsunami", "tsunami"},
      {"tornado", "tornado"},     {"twister", "tornado"},       {"tornadoes", "tornado"},
      {"outbreak", "outbreak"},   {"epidemic", "outbreak"},
      {"leak", "leak"},           {"leaked", "leak"},           {"spill", "spill"},
      {"blizzard", "blizzard"},   {"blizzards", "blizzard"},    {"snowstorm", "blizzard"},
      // Beyond the gold sets' kinds, so that an unseen kind of event is still dated: unrest,
      // violence, weather, ground, transport and infrastructure failures.
      {"riot", "riot"},           {"riots", "riot"},            {"rioting", "riot"},
      // Not protests, clashes, shelling or plural attacks: they recur day after day, so two
      // dates are two events more often than a disagreement.
      {"mutiny", "riot"},         {"siege", "siege"},           {"standoff", "siege"},
      {"massacre", "massacre"},   {"ambush", "ambush"},         {"airstrike", "airstrike"},
      {"stabbing", "stabbing"},   {"strike", "strike"},         {"walkout", "strike"},
      {"swarm", "swarm"},         {"infestation", "swarm"},     {"accident", "accident"},
      {"escape", "escape"},       {"breakout", "escape"},       {"jailbreak", "escape"},
      {"gunfight", "shooting"},
      {"shootout", "shooting"},   {"hijacking", "hijacking"},   {"kidnapping", "kidnapping"},
      {"abduction", "kidnapping"}, {"coup", "coup"},
      {"hailstorm", "hailstorm"}, {"hailstorms", "hailstorm"},  {"thunderstorm", "storm"},
      {"windstorm", "storm"},     {"heatwave", "heatwave"},     {"cloudburst", "flood"},
      {"sinkhole", "sinkhole"},   {"sinkholes", "sinkhole"},    {"cave-in", "collapse"},
      {"subsidence", "sinkhole"}, {"mudflow", "landslide"},     {"shipwreck", "sinking"},
      {"pileup", "crash"},        {"pile-up", "crash"},         {"collision", "crash"},
      {"blackout", "blackout"},   {"outage", "blackout"},       {"inferno", "fire"},
      {"fires", "fire"},          {"breach", "breach"},         {"poisoning", "outbreak"},
  };
  if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
  for (const Entry& e : kEvents)
    if (e.word == w) return e.event;
  return {};
}

bool IsReportingVerb(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "said",     "says",      "say",      "told",      "tells",     "reported",
      "reports",  "stated",    "announced", "announces", "confirmed", "confirms",
      "estimated", "estimates", "estimate", "added",     "adds",      "puts",
      "put",      "measured",  "claimed",  "claims",    "noted",     "wrote",
      "tweeted",  "insisted",  "warned",   "admitted", "acknowledged", "conceded",
      "explained", "revealed", "disclosed", "tell"};
  for (std::string_view v : kVerbs)
    if (v == w) return true;
  return false;
}

bool IsFunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the",   "a",     "an",    "of",    "in",    "on",     "at",    "to",    "from",  "for",
      "by",    "with",  "and",   "or",    "but",   "that",   "which", "who",   "whom",  "were",
      "was",   "is",    "are",   "be",    "been",  "being",  "have",  "has",   "had",   "will",
      "would", "could", "may",   "might", "as",    "than",   "into",  "after", "before",
      "since", "while", "when",  "where", "it",    "its",    "their", "his",   "her",   "this",
      "these", "those", "there", "not",   "no",    "more",   "less",  "about", "over",  "under",
      "up",    "down",  "out",   "so",    "such",  "each",   "per",   "across", "near", "during",
      "including", "among", "whose", "whom", "remain", "remained", "remains", "still", "all", "both", "some",
      "they",  "them",  "he",    "she",   "we",    "you",    "i",     "said",  "says",  "told",
      "other", "another", "further", "if", "then", "than", "also", "only", "just", "now"};
  for (std::string_view v : kWords)
    if (v == w) return true;
  return false;
}

}  // namespace sitrep::figures
