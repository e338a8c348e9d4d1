// Figure extraction: numbers, their modifiers, units, heads and attribution, sentence by sentence.
//
// The reader works on the tokens of one sentence. For each number it looks left for a modifier
// ("at least") and right for a unit, then decides what is counted in this order: a partitive
// ("380 of the injured"), the noun phrase after the number and an outcome after it ("52 people
// were killed"), an outcome verb before it ("killing 96"), a "death toll"/"number of displaced"
// phrase before it, then coordination and ellipsis from a neighbouring figure ("nine soldiers
// were killed and 15 wounded"). A count whose head cannot be read is dropped: precision first.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "figures/internal.h"
#include "figures/scan.h"
#include "sitrep/figures.h"

namespace sitrep {
namespace figures {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct UnitInfo {
  std::string_view word;
  std::string_view unit;
  std::string_view dimension;
  double to_base;
};

// Words after a number that name its unit; to_base converts to km / ha / kg / day.
constexpr UnitInfo kUnits[] = {
    {"km", "km", "length", 1.0},          {"kilometers", "km", "length", 1.0},
    {"kilometres", "km", "length", 1.0},  {"kilometer", "km", "length", 1.0},
    {"kilometre", "km", "length", 1.0},   {"mi", "mi", "length", 1.609344},
    {"miles", "mi", "length", 1.609344},  {"mile", "mi", "length", 1.609344},
    {"m", "m", "length", 0.001},          {"meters", "m", "length", 0.001},
    {"metres", "m", "length", 0.001},     {"meter", "m", "length", 0.001},
    {"metre", "m", "length", 0.001},      {"feet", "ft", "length", 0.0003048},
    {"foot", "ft", "length", 0.0003048},  {"ft", "ft", "length", 0.0003048},
    {"cm", "cm", "length", 0.00001},      {"centimetres", "cm", "length", 0.00001},
    {"centimeters", "cm", "length", 0.00001},
    {"hectares", "ha", "area", 1.0},      {"hectare", "ha", "area", 1.0},
    {"ha", "ha", "area", 1.0},            {"acres", "acre", "area", 0.40468564224},
    {"acre", "acre", "area", 0.40468564224}, {"km2", "km2", "area", 100.0},
    {"kg", "kg", "mass", 1.0},            {"kilograms", "kg", "mass", 1.0},
    {"kilogrammes", "kg", "mass", 1.0},   {"tonnes", "t", "mass", 1000.0},
    {"tons", "t", "mass", 1000.0},        {"tonne", "t", "mass", 1000.0},
    {"minutes", "minute", "duration", 1.0 / 1440}, {"minute", "minute", "duration", 1.0 / 1440},
    {"hours", "hour", "duration", 1.0 / 24}, {"hour", "hour", "duration", 1.0 / 24},
    {"days", "day", "duration", 1.0},     {"day", "day", "duration", 1.0},
    {"weeks", "week", "duration", 7.0},   {"week", "week", "duration", 7.0},
    {"months", "month", "duration", 30.4375}, {"month", "month", "duration", 30.4375},
    {"years", "year", "duration", 365.25}, {"year", "year", "duration", 365.25},
    {"percent", "%", "percent", 1.0},     {"%", "%", "percent", 1.0},
    {"dollars", "usd", "money:usd", 1.0}, {"euros", "eur", "money:eur", 1.0},
    {"yuan", "cny", "money:cny", 1.0},    {"rupees", "inr", "money:inr", 1.0},
    {"dinars", "dinar", "money:dinar", 1.0}, {"pesos", "peso", "money:peso", 1.0},
    {"naira", "naira", "money:naira", 1.0}, {"shillings", "shilling", "money:shilling", 1.0},
    {"francs", "franc", "money:franc", 1.0}, {"yen", "jpy", "money:jpy", 1.0},
    {"rand", "zar", "money:zar", 1.0},    {"lira", "lira", "money:lira", 1.0},
    {"roubles", "rub", "money:rub", 1.0}, {"rubles", "rub", "money:rub", 1.0},
    {"dirhams", "dirham", "money:dirham", 1.0}, {"riyals", "riyal", "money:riyal", 1.0},
    {"reais", "brl", "money:brl", 1.0},   {"rupiah", "idr", "money:idr", 1.0},
    {"mph", "mph", "speed", 1.609344},   {"kph", "km/h", "speed", 1.0},
    {"megawatts", "mw", "power", 1.0},   {"mw", "mw", "power", 1.0},
    {"gigawatts", "gw", "power", 1000.0}, {"gw", "gw", "power", 1000.0},
    {"c", "c", "temperature", 1.0},      {"celsius", "c", "temperature", 1.0},
    {"mm", "mm", "length", 0.000001},    {"millimetres", "mm", "length", 0.000001},
    {"millimeters", "mm", "length", 0.000001},
    {"km/h", "km/h", "speed", 1.0},
    {"inches", "in", "length", 0.0000254}, {"inch", "in", "length", 0.0000254},
    {"lb", "lb", "mass", 0.45359237},     {"lbs", "lb", "mass", 0.45359237},
    {"seconds", "second", "duration", 1.0 / 86400}, {"second", "second", "duration", 1.0 / 86400},
    {"ton", "t", "mass", 1000.0},
    {"decades", "decade", "duration", 3652.5}, {"decade", "decade", "duration", 3652.5},
    {"centuries", "century", "duration", 36525.0}, {"century", "century", "duration", 36525.0},
    {"ounces", "oz", "mass", 0.028349523}, {"ounce", "oz", "mass", 0.028349523},
    {"mg", "mg", "mass", 0.000001},       {"milligrams", "mg", "mass", 0.000001},
    {"grams", "g", "mass", 0.001},        {"gram", "g", "mass", 0.001},
};
// "pounds" is money or weight; see ReadUnit.
constexpr UnitInfo kPoundsSterling{"pounds", "gbp", "money:gbp", 1.0};
constexpr UnitInfo kPoundsWeight{"pounds", "lb", "mass", 0.45359237};

const UnitInfo* FindUnit(std::string_view w) {
  for (const UnitInfo& u : kUnits)
    if (u.word == w) return &u;
  return nullptr;
}

struct Outcome {
  std::string_view word;
  std::string_view head;
};
// Outcome words after a count ("were killed", "dead", "deaths") and their head.
constexpr Outcome kOutcomes[] = {
    {"killed", "killed"},      {"dead", "killed"},         {"died", "killed"},
    {"drowned", "killed"},     {"perished", "killed"},     {"deaths", "killed"},
    {"fatalities", "killed"},  {"injured", "injured"},     {"wounded", "injured"},
    {"hurt", "injured"},       {"injuries", "injured"},    {"missing", "missing"},
    {"trapped", "trapped"},
    {"unaccounted", "missing"}, {"displaced", "displaced"}, {"uprooted", "displaced"},
    {"evacuated", "evacuated"}, {"moved", "evacuated"},    {"relocated", "evacuated"},
    {"evacuees", "evacuated"}, {"homeless", "homeless"},   {"arrested", "arrested"},
    {"detained", "arrested"},  {"apprehended", "arrested"}, {"rescued", "rescued"},
    {"destroyed", "destroyed"}, {"flattened", "destroyed"}, {"damaged", "damaged"},
};
// Verbs right before a count ("killing 96 people") and their head.
constexpr Outcome kOutcomeVerbs[] = {
    {"killing", "killed"},     {"killed", "killed"},       {"kill", "killed"},
    {"injuring", "injured"},   {"injured", "injured"},     {"wounding", "injured"},
    {"wounded", "injured"},    {"displacing", "displaced"}, {"displaced", "displaced"},
    {"evacuated", "evacuated"}, {"evacuating", "evacuated"}, {"arrested", "arrested"},
    {"arresting", "arrested"}, {"detained", "arrested"},   {"rescued", "rescued"},
    {"apprehending", "arrested"}, {"apprehended", "arrested"},
    {"destroyed", "destroyed"}, {"destroying", "destroyed"}, {"damaged", "damaged"},
    {"damaging", "damaged"},   {"claimed", "killed"},      {"evacuate", "evacuated"},
};

std::string_view OutcomeOf(std::string_view w, const Outcome* table, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (table[i].word == w) return table[i].head;
  return {};
}
std::string_view OutcomeAfter(std::string_view w) {
  return OutcomeOf(w, kOutcomes, std::size(kOutcomes));
}
std::string_view OutcomeVerb(std::string_view w) {
  return OutcomeOf(w, kOutcomeVerbs, std::size(kOutcomeVerbs));
}

// Words that may stand between a noun phrase and its outcome ("were feared dead").
bool IsAuxiliary(std::string_view w) {
  static constexpr std::string_view kAux[] = {
      "were", "was", "have", "has", "had", "been", "are", "is", "be", "remain", "remained",
      "remains", "feared", "believed", "reported", "reportedly", "confirmed", "later", "now",
      "still", "left", "also", "all", "being", "presumed", "listed", "as", "officially"};
  for (std::string_view a : kAux)
    if (a == w) return true;
  return false;
}

// "An earlier version of this article", "a previous version of this story".
bool IsRetraction(std::string_view source) {
  std::string lower(source);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  for (std::string_view p : {"an earlier version", "a previous version", "earlier versions",
                             "previous versions", "an earlier report", "a previous report"})
    if (lower.starts_with(p)) return true;
  return false;
}

struct Modifier {
  std::string_view words[3];
  FigureModifier modifier;
};
constexpr Modifier kModifiers[] = {
    {{"no", "fewer", "than"}, FigureModifier::kAtLeast},
    {{"no", "less", "than"}, FigureModifier::kAtLeast},
    {{"as", "many", "as"}, FigureModifier::kUpTo},
    {{"as", "much", "as"}, FigureModifier::kUpTo},
    {{"more", "than"}, FigureModifier::kMoreThan},
    {{"at", "least"}, FigureModifier::kAtLeast},
    {{"up", "to"}, FigureModifier::kUpTo},
    {{"at", "most"}, FigureModifier::kUpTo},
    {{"less", "than"}, FigureModifier::kLessThan},
    {{"fewer", "than"}, FigureModifier::kLessThan},
    {{"upwards", "of"}, FigureModifier::kMoreThan},
    {{"close", "to"}, FigureModifier::kAbout},
    {{"an", "estimated"}, FigureModifier::kAbout},
    {{"about"}, FigureModifier::kAbout},
    {{"around"}, FigureModifier::kAbout},
    {{"some"}, FigureModifier::kAbout},
    {{"roughly"}, FigureModifier::kAbout},
    {{"approximately"}, FigureModifier::kAbout},
    {{"nearly"}, FigureModifier::kAbout},
    {{"almost"}, FigureModifier::kAbout},
    {{"estimated"}, FigureModifier::kAbout},
    {{"over"}, FigureModifier::kMoreThan},
    {{"exceeding"}, FigureModifier::kMoreThan},
};

struct NumberWord {
  std::string_view word;
  double value;
};
constexpr NumberWord kSmallNumbers[] = {
    {"one", 1},       {"two", 2},        {"three", 3},     {"four", 4},       {"five", 5},
    {"six", 6},       {"seven", 7},      {"eight", 8},     {"nine", 9},       {"ten", 10},
    {"eleven", 11},   {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},  {"twenty", 20},
    {"thirty", 30},   {"forty", 40},     {"fifty", 50},    {"sixty", 60},     {"seventy", 70},
    {"eighty", 80},   {"ninety", 90},
};
double SmallNumber(std::string_view w) {
  for (const NumberWord& n : kSmallNumbers)
    if (n.word == w) return n.value;
  return 0;
}
double ScaleWord(std::string_view w) {
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million") return 1e6;
  if (w == "billion" || w == "bn") return 1e9;
  if (w == "trillion") return 1e12;  // "a $1.82 trillion budget"
  if (w == "mn") return 1e6;
  return 0;
}
// "twenty-five" -> 25; 0 when not a number word.
double CompoundNumber(std::string_view w) {
  if (double v = SmallNumber(w); v > 0) return v;
  size_t dash = w.find('-');
  if (dash == std::string_view::npos) return 0;
  double tens = SmallNumber(w.substr(0, dash));
  double ones = SmallNumber(w.substr(dash + 1));
  if (tens >= 20 && ones > 0 && ones < 10) return tens + ones;
  return 0;
}

// Vague quantities: the word(s) and the interval they stand for.
struct Vague {
  std::string_view key;
  double low, high;
};
constexpr Vague kVague[] = {
    {"dozens", 24, 99},          {"scores", 40, 99},
    {"hundreds", 200, 999},      {"thousands", 2000, 9999},
    {"tens of thousands", 20000, 99999},
    {"hundreds of thousands", 200000, 999999},
    {"millions", 2e6, 9.99e8},
};

bool ParseDigits(std::string_view raw, double& value, int& decimals) {
  std::string clean;
  clean.reserve(raw.size());
  decimals = 0;
  bool seen_dot = false;
  for (char c : raw) {
    if (c == ',') continue;
    if (c == '.') {
      if (seen_dot) return false;
      seen_dot = true;
    } else if (seen_dot) {
      ++decimals;
    }
    clean.push_back(c);
  }
  // A comma used as a decimal separator ("3,5") would leave digit groups that are not of 3.
  if (size_t comma = raw.find(','); comma != std::string_view::npos) {
    size_t dot = raw.find('.');
    std::string_view intpart = raw.substr(0, dot);
    for (size_t p = intpart.find(','); p != std::string_view::npos; p = intpart.find(',', p + 1)) {
      size_t next = intpart.find(',', p + 1);
      size_t group = (next == std::string_view::npos ? intpart.size() : next) - p - 1;
      if (group != 3) return false;
    }
  }
  auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  return ec == std::errc() && ptr == clean.data() + clean.size();
}

struct RawFigure {
  size_t first = 0;        // first token (modifier included)
  size_t num_begin = 0;    // first token of the number
  size_t num_end = 0;      // one past the number (and its scale word)
  size_t last = 0;         // one past the last token (unit included)
  Figure fig;
  int decimals = 0;
  bool has_np = false;
  bool outcome_after = false;  // head read from an outcome after the noun phrase
  bool coordinated = false;    // "12 soldiers and four civilians were killed"
  bool definite = false;       // "the village's 130 houses": describes a whole, not an outcome
  size_t after_np = 0;         // token after the noun phrase
  std::string_view shape;      // "48-metre-high": the shape word glued to the unit
  std::string glued;           // "nine-storey", "12-storey": the counted noun glued by a hyphen
  std::string_view glued_unit; // "a two-hour lunch", "a ten-year accord": a number word's unit
  std::string_view glued_shape;  // "a ten-mile-long queue": the shape after the glued unit
  bool corrects_prev = false;
  bool vague_number = false;
  bool attributive = false;    // "a 110-foot boat": a size glued before the noun it describes   // "several hundred": vague, but read like a number before its noun  // ", not 75 percent as it said at first": the figure before, replaced
};

// Nouns counted by a number glued to them with a hyphen: "a nine-storey block" (9 storeys),
// "a 300-bed hospital". Plural forms, indexed by the singular.
std::string_view GluedCountNoun(std::string_view w) {
  struct Entry {
    std::string_view singular, plural;
  };
  static constexpr Entry kNouns[] = {{"storey", "storeys"}, {"story", "storeys"},
                                     {"floor", "floors"},   {"bed", "beds"},
                                     {"room", "rooms"},     {"lane", "lanes"},
                                     {"carriage", "carriages"}, {"seat", "seats"},
                                     {"judge", "judges"},   {"member", "members"},
                                     {"man", "men"},        {"person", "people"},
                                     {"page", "pages"},  // "a 30-page questionnaire"
                                     {"car", "cars"}};   // "a two-car garage"
  for (const Entry& e : kNouns)
    if (e.singular == w) return e.plural;
  return {};
}

class SentenceReader {
 public:
  SentenceReader(const Article& article, Span unit, uint32_t unit_index, Scanner& scanner,
                 const Attribution* speaker)
      : article_(article), unit_(unit), unit_index_(unit_index), sc_(scanner),
        t_(scanner.tokens()), speaker_(speaker) {}

  void Read(std::vector<Figure>& out);

 private:
  bool ParseNumberAt(size_t i, RawFigure& rf);
  bool Excluded(const RawFigure& rf) const;
  void ReadModifier(RawFigure& rf);
  void ReadUnit(RawFigure& rf);
  void ReadHead(RawFigure& rf, const RawFigure* prev);
  void ReadMeasureHead(RawFigure& rf);
  size_t ReadNounPhrase(size_t i, std::string& noun) const;
  std::string_view W(size_t i) const { return i < t_.size() ? t_[i].lower : std::string_view(); }
  bool IsWord(size_t i) const { return i < t_.size() && t_[i].kind == TokKind::kWord; }
  Span ToSpan(size_t first, size_t last) const {
    return Span{unit_.begin + t_[first].begin, unit_.begin + t_[last - 1].end};
  }

  const Article& article_;
  Span unit_;
  uint32_t unit_index_;
  Scanner& sc_;
  const std::vector<Tok>& t_;
  const Attribution* speaker_;  // a transcript's speaker label for this sentence, or null
};

bool SentenceReader::ParseNumberAt(size_t i, RawFigure& rf) {
  const Tok& tok = t_[i];
  rf.num_begin = i;
  Figure& f = rf.fig;
  if (tok.kind == TokKind::kNumber) {
    double v = 0;
    if (!ParseDigits(sc_.Raw(tok), v, rf.decimals)) return false;
    size_t j = i + 1;
    // "$5m": after a currency symbol a glued "m" is million, not metres.
    // Tokenised text writes the pound sign as "#" ("# 39m", "# 175bn").
    bool money = i > 0 && t_[i - 1].kind == TokKind::kPunct &&
                 IsAnyWord(sc_.Raw(t_[i - 1]), {"$", "€", "£", "#"});
    // Tokenised text detaches both: "$ 17.5 m -LRB- # 10.7 m -RRB-".
    bool detached = money && t_[i].space_before && (j + 1 >= t_.size() || !IsWord(j + 1));
    if (money && W(j) == "m" && (!t_[j].space_before || detached)) {
      v *= 1e6;
      ++j;
      rf.decimals = 0;
    } else if (double s = ScaleWord(W(j)); s > 0) {
      v *= s;
      ++j;
      rf.decimals = 0;
    } else if (W(j) == "dozen" && !money) {
      v *= 12;  // "30 dozen roses"
      ++j;
    } else if (size_t d = W(j).find('-'); d != std::string_view::npos &&
               ScaleWord(W(j).substr(0, d)) > 0 && !GluedCountNoun(W(j).substr(d + 1)).empty()) {
      // "a 1.3 million-person payroll": the scale word glued to the noun it counts.
      v *= ScaleWord(W(j).substr(0, d));
      rf.glued = std::string(GluedCountNoun(W(j).substr(d + 1)));
      ++j;
      rf.decimals = 0;
    }
    f.low = f.high = v;
    rf.num_end = j;
    return true;
  }
  if (tok.kind != TokKind::kWord) return false;
  // Vague quantities.
  // "several hundred clients", "a few thousand people": the vague plural's interval.
  if ((W(i) == "several" || (W(i) == "few" && i > 0 && W(i - 1) == "a")) &&
      IsAnyWord(W(i + 1), {"hundred", "thousand"}) && W(i + 2) != "of" &&
      !IsAnyWord(W(i + 2), {"thousand", "million"})) {
    f.vague = W(i + 1) == "hundred" ? "hundreds" : "thousands";
    rf.vague_number = true;
    for (const Vague& vg : kVague)
      if (vg.key == f.vague) {
        f.low = vg.low;
        f.high = vg.high;
      }
    rf.num_end = i + 2;
    return true;
  }
  if (W(i) == "tens" || W(i) == "hundreds") {
    if (W(i + 1) == "of" && (W(i + 2) == "thousands" || W(i + 2) == "millions")) {
      std::string key = std::string(W(i)) + " of " + std::string(W(i + 2));
      for (const Vague& vg : kVague)
        if (vg.key == key) {
          f.vague = key;
          f.low = vg.low;
          f.high = vg.high;
        }
      if (f.vague.empty()) return false;
      rf.num_end = i + 3;
      return true;
    }
  }
  for (const Vague& vg : kVague) {
    // "killing thousands.": after an outcome verb the vague word may end its clause.
    bool ends_after_outcome = i > 0 && !OutcomeVerb(W(i - 1)).empty() &&
                              (i + 1 >= t_.size() || t_[i + 1].kind == TokKind::kPunct);
    if (vg.key == W(i) && (W(i + 1) == "of" || ends_after_outcome)) {
      f.vague = std::string(vg.key);
      f.low = vg.low;
      f.high = vg.high;
      rf.num_end = i + 1;
      return true;
    }
  }
  // "half a million", "half a billion": half of a scale word of a thousand or more.
  if (W(i) == "half" && W(i + 1) == "a" && ScaleWord(W(i + 2)) >= 1e3) {
    f.low = f.high = ScaleWord(W(i + 2)) / 2;
    rf.num_end = i + 3;
    return true;
  }
  if (W(i) == "dozen" && i > 0 && W(i - 1) == "a") {
    f.low = f.high = 12;
    rf.num_end = i + 1;
    return true;
  }
  double v = CompoundNumber(W(i));
  if (v <= 0) {
    // "a nine-storey block": a number word glued to the noun it counts.
    size_t dash = W(i).rfind('-');
    if (dash == std::string_view::npos) return false;
    std::string_view noun = GluedCountNoun(W(i).substr(dash + 1));
    double n = CompoundNumber(W(i).substr(0, dash));
    // "a one-man show" is not a count of men.
    if (!noun.empty() && n >= 2) {
      f.low = f.high = n;
      rf.num_end = i + 1;
      rf.glued = std::string(noun);
      return true;
    }
    // "a two-hour lunch", "a four-year term", "a ten-mile-long queue": a number word glued to
    // its unit, read like "12-hour" ("two-year-old" is an age: "year-old" is no unit).
    for (size_t d = W(i).find('-'); d != std::string_view::npos; d = W(i).find('-', d + 1)) {
      double m = CompoundNumber(W(i).substr(0, d));
      if (m <= 0) continue;
      std::string_view rest = W(i).substr(d + 1), shape;
      if (size_t d2 = rest.find('-'); d2 != std::string_view::npos) {
        shape = rest.substr(d2 + 1);
        rest = rest.substr(0, d2);
        if (!IsAnyWord(shape, {"high", "tall", "deep", "long", "wide"})) continue;
      }
      const UnitInfo* u = FindUnit(rest);
      if (u == nullptr || u->dimension == "percent" || rest.size() < 3) continue;
      f.low = f.high = m;
      rf.num_end = i + 1;
      rf.glued_unit = u->word;
      rf.glued_shape = shape;
      return true;
    }
    return false;
  }
  size_t j = i + 1;
  double total = 0;
  double current = v;
  // "three and a half hours", "one and a half million".
  if (W(j) == "and" && W(j + 1) == "a" && W(j + 2) == "half") {
    current += 0.5;
    j += 3;
    rf.decimals = 1;
  }
  while (j < t_.size()) {
    if (double s = ScaleWord(W(j)); s > 0) {
      current *= s;
      rf.decimals = 0;
      if (s >= 1e3) {
        total += current;
        current = 0;
      }
      ++j;
      continue;
    }
    if (W(j) == "and" && current == 0 && CompoundNumber(W(j + 1)) > 0 && total > 0) {
      current = CompoundNumber(W(j + 1));
      j += 2;
      continue;
    }
    if (double n = CompoundNumber(W(j)); n > 0 && current >= 100 && std::fmod(current, 100) == 0) {
      current += n;
      ++j;
      continue;
    }
    break;
  }
  f.low = f.high = total + current;
  rf.num_end = j;
  // "one" is a pronoun more often than a count; words need a following word to count.
  // "one ton of methane", "one metre": a unit that is not a span of time ("one day" is mostly
  // "some day").
  const UnitInfo* one_unit = W(i) == "one" ? FindUnit(W(j)) : nullptr;
  bool one_measure = one_unit != nullptr && one_unit->dimension != "duration" &&
                     one_unit->dimension != "percent" && W(j).size() > 1;
  if (W(i) == "one" && j == i + 1 && !one_measure &&
      !(W(j) == "or" && CompoundNumber(W(j + 1)) > 0) &&
      !IsAnyWord(W(j), {"person", "man", "woman", "child", "soldier", "officer", "civilian",
                        "worker", "firefighter", "policeman", "student", "passenger", "resident",
                        "journalist", "miner", "protester", "pilgrim", "tourist", "boy", "girl"}))
    return false;
  // A number word ending its clause counts only after "at", "to" or "from" ("put the toll at
  // eight.", "up from seven,"), where the head is read from the phrase before it, or after an
  // outcome verb ("opened fire, killing four.").
  // "At least seven: deaths linked to the blackout" in a list of key figures.
  if (j < t_.size() && IsPunct(t_[j], ':') && j + 1 < t_.size() && IsWord(j + 1)) return true;
  if (j >= t_.size() || (t_[j].kind != TokKind::kWord && !IsPunct(t_[j], '%')))
    return i > 0 &&
           (IsAnyWord(W(i - 1), {"at", "to", "from"}) || !OutcomeVerb(W(i - 1)).empty()) &&
           (j >= t_.size() || IsPunct(t_[j], '.') || IsPunct(t_[j], ',') || IsPunct(t_[j], ';'));
  return true;
}

bool SentenceReader::Excluded(const RawFigure& rf) const {
  const size_t i = rf.num_begin;
  const Tok& tok = t_[i];
  std::string_view prev = i > 0 ? W(i - 1) : std::string_view();
  // "Aug. 7": the abbreviation's period may be a token of its own.
  if (i > 1 && IsPunct(t_[i - 1], '.') && MonthOf(std::string(W(i - 2)) + ".")) return true;
  std::string_view next = W(rf.num_end);
  if (tok.kind == TokKind::kWord) {
    // "the two sides", "its three ministers": a definite description, not a reported figure.
    // A measure glued to its unit is not a count: "the four-day weekend" lasts four days.
    if (IsAnyWord(prev, {"top", "every"})) return true;  // "among the top three"
    if (IsAnyWord(prev, {"the", "these", "those", "both", "its", "their", "his", "her", "our",
                         "first", "last", "every", "each", "one"}))
      return rf.fig.vague.empty() && rf.glued_unit.empty();
    return IsAnyWord(next, {"o'clock", "oclock"});  // "it is seven o'clock"
  }
  // Glued to a word before it: "COVID-19", "F-16", "M23".
  if (!tok.space_before && i > 0) {
    if (t_[i - 1].kind == TokKind::kWord) return true;
    if (IsPunct(t_[i - 1], '-') && i > 1 && t_[i - 2].kind == TokKind::kWord &&
        !t_[i - 1].space_before)
      return true;
    if (IsPunct(t_[i - 1], '/') || IsPunct(t_[i - 1], ':') || IsPunct(t_[i - 1], '#')) return true;
  }
  // Dates and times: "March 5", "5 March", "4 a.m.", "10:30", "2023-11-13", "12/01".
  if (MonthOf(prev) || MonthOf(next)) return true;
  if (IsAnyWord(next, {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "o'clock",
                       "bst", "est", "cet"}) ||
      (next == "local" && W(rf.num_end + 1) == "time"))  // "began before 19.55 local time"
    return true;
  if (rf.num_end < t_.size() && !t_[rf.num_end].space_before &&
      (IsPunct(t_[rf.num_end], ':') || IsPunct(t_[rf.num_end], '/')) &&
      rf.num_end + 1 < t_.size() && t_[rf.num_end + 1].kind == TokKind::kNumber)
    return true;
  if (rf.num_end + 2 < t_.size() && IsPunct(t_[rf.num_end], '-') &&
      t_[rf.num_end + 1].kind == TokKind::kNumber && IsPunct(t_[rf.num_end + 2], '-'))
    return true;
  // Ages: "a 45-year-old man", "aged 45".
  if (rf.num_end + 1 < t_.size() && IsPunct(t_[rf.num_end], '-') &&
      (W(rf.num_end + 1).starts_with("year-old") || W(rf.num_end + 1).starts_with("month-old")))
    return true;
  // A rank ("the top 10 list"), a frequency ("every 30 seconds") or a number sign written apart
  // ("# 5" in tokenised text; "# 39m" and "# 1.2 billion" are pound sums, read in ReadUnit).
  if (IsAnyWord(prev, {"top", "every"}) ||
      (i > 0 && IsPunct(t_[i - 1], '#') && rf.num_end == i + 1))
    return true;
  // Races and race times: "the women's 200 meters", "the 400-meter relay", "in 4 minutes 8.08
  // seconds".
  if (IsAnyWord(prev, {"women's", "men's", "girls'", "boys'"}) ||
      (prev == "s" && i > 2 && IsAnyWord(W(i - 3), {"women", "men"})))
    return true;
  if (IsPunct(t_[rf.num_end < t_.size() ? rf.num_end : i], '-') &&
      IsAnyWord(W(rf.num_end + 2), {"relay", "hurdles", "freestyle", "backstroke", "breaststroke",
                                    "butterfly", "medley", "dash", "sprint", "steeplechase"}))
    return true;
  if ((IsAnyWord(next, {"minutes", "minute", "min"}) &&
       rf.num_end + 1 < t_.size() && t_[rf.num_end + 1].kind == TokKind::kNumber &&
       IsAnyWord(W(rf.num_end + 2), {"seconds", "second", "sec"})) ||
      (IsAnyWord(prev, {"minutes", "minute", "min"}) && i > 1 &&
       t_[i - 2].kind == TokKind::kNumber && IsAnyWord(next, {"seconds", "second", "sec"})))
    return true;
  // Records: "its lowest level in 15 months", "the highest in 20 years".
  if (prev == "in" && i > 2 &&
      (IsAnyWord(W(i - 2), {"lowest", "highest", "worst", "best", "biggest", "largest",
                            "smallest", "weakest", "strongest"}) ||
       (IsAnyWord(W(i - 2), {"level", "point", "rate"}) &&
        IsAnyWord(W(i - 3), {"lowest", "highest", "worst", "best", "weakest", "strongest"}))))
    return true;
  // "aged 45", "ages 18 to 34", "at age 25", "between the ages of 18 and 39".
  if (IsAnyWord(prev, {"aged", "per", "ages", "age"}) ||
      (prev == "of" && i > 1 && IsAnyWord(W(i - 2), {"ages", "age"})))
    return true;
  // An age between commas after a name: "said Dr Lena Horvat, 47, who runs the ward",
  // "Martha Kolb, 78, and her husband".
  if (i > 1 && IsPunct(t_[i - 1], ',') && t_[i - 2].kind == TokKind::kWord &&
      t_[i - 2].capitalized && rf.num_end == i + 1 && sc_.Raw(tok).size() <= 3 &&
      rf.fig.low < 120 && sc_.Raw(tok).find('.') == std::string_view::npos &&
      (i + 1 >= t_.size() || IsPunct(t_[i + 1], ',') || IsPunct(t_[i + 1], '.')))
    return true;
  // "Boeing 767-300", "A320-200": a number glued by a hyphen to a number before it.
  if (i > 1 && !tok.space_before && IsPunct(t_[i - 1], '-') && !t_[i - 1].space_before &&
      t_[i - 2].kind == TokKind::kNumber)
    return true;
  // Identifiers: "No. 2", "Route 9", "Flight 370", "page 12".
  if (i > 1 && IsPunct(t_[i - 1], '.') && IsAnyWord(W(i - 2), {"no", "nos", "vol", "p", "pp"}))
    return true;
  if (IsAnyWord(prev, {"no.", "no", "number", "route", "highway", "flight", "page", "pages",
                       "chapter", "article", "section", "resolution", "room", "gate",
                       "platform", "line", "unit", "block", "building", "road", "street",
                       "ward", "district", "zone", "level", "category", "grade", "phase",
                       "version", "vol.", "p.", "pp.", "issue", "paragraph", "clause",
                       "squad", "team", "battalion", "brigade", "division", "regiment",
                       "proposition", "measure", "amendment", "terminal", "pier", "stage",
                       "round", "class", "form", "bus", "channel", "episode", "season",
                       "series", "exit", "lane", "runway", "track", "item", "bill", "act",
                       "radio", "channel", "formula", "apollo"}) ||
      // "BBC 6 Music", "RADIO 5 LIVE": a number inside a name.
      (i > 0 && i + 1 < t_.size() && t_[i + 1].capitalized && t_[i + 1].kind == TokKind::kWord &&
       sc_.Raw(t_[i - 1]).size() >= 2 && sc_.Raw(t_[i - 1]).size() <= 5 &&
       std::all_of(sc_.Raw(t_[i - 1]).begin(), sc_.Raw(t_[i - 1]).end(),
                   [](char c) { return c >= 'A' && c <= 'Z'; })) ||
      // "all year 9 pupils": a school year (not "a year 9 ..."; a year number is read below).
      (prev == "year" && i > 1 && IsAnyWord(W(i - 2), {"all", "the", "in", "of", "for"}) &&
       sc_.Raw(tok).size() <= 2))
    return true;
  // Years: "in 2019", "since 1997" (a four-digit number with no unit or counted noun).
  double v = rf.fig.low;
  std::string_view raw = sc_.Raw(tok);
  if (raw.size() == 4 && raw.find_first_of(",.") == std::string_view::npos && v >= 1800 &&
      v <= 2100 && rf.num_end == i + 1) {
    if (!(FindUnit(next) || IsAnyWord(next, {"people", "persons", "residents", "civilians",
                                             "soldiers", "troops", "homes", "houses",
                                             "families", "children", "workers"})))
      return true;
  }
  return false;
}

void SentenceReader::ReadModifier(RawFigure& rf) {
  size_t i = rf.num_begin;
  rf.first = i;
  // Ranges introduced by "between".
  if (i > 0 && W(i - 1) == "between") {
    rf.first = i - 1;
    return;
  }
  for (const Modifier& m : kModifiers) {
    size_t len = 0;
    while (len < 3 && !m.words[len].empty()) ++len;
    if (len > i) continue;
    bool ok = true;
    for (size_t k = 0; k < len && ok; ++k) ok = W(i - len + k) == m.words[k];
    if (!ok) continue;
    // "over" as a preposition of time or place ("over 3 days" is still a quantity; "over the")
    if (m.words[0] == "some" && rf.fig.vague.size() > 0) continue;
    rf.fig.modifier = m.modifier;
    rf.first = i - len;
    return;
  }
}

void SentenceReader::ReadUnit(RawFigure& rf) {
  Figure& f = rf.fig;
  size_t j = rf.num_end;
  // "dlrs 2.6 billion": AP wire copy writes the currency as a word before the number.
  if (rf.first > 0 && W(rf.first - 1) == "dlrs") {
    f.unit = "usd";
    f.dimension = "money:usd";
    rf.first -= 1;
    rf.last = j;
    return;
  }
  // Currency symbols before the number.
  size_t b = rf.first;
  if (b > 0 && t_[b - 1].kind == TokKind::kPunct) {
    std::string_view sym = sc_.Raw(t_[b - 1]);
    std::string_view unit = sym == "$"   ? "usd"
                            : sym == "€" ? "eur"
                            : (sym == "£" || sym == "#") ? "gbp"
                                                         : "";
    if (!unit.empty()) {
      f.unit = std::string(unit);
      f.dimension = "money:" + f.unit;
      if (b > 1 && W(b - 2) == "us" && !t_[b - 1].space_before) {
        rf.first = b - 2;
      } else {
        rf.first = b - 1;
      }
      if (rf.fig.modifier != FigureModifier::kNone) {
        // "more than $5 million": the modifier precedes the symbol.
      }
      // "between $10 billion and $15 billion": the range's opening word.
      if (f.is_range && rf.first > 0 && W(rf.first - 1) == "between") --rf.first;
      // Re-read a modifier before the symbol.
      for (const Modifier& m : kModifiers) {
        size_t len = 0;
        while (len < 3 && !m.words[len].empty()) ++len;
        if (len > rf.first) continue;
        bool ok = true;
        for (size_t k = 0; k < len && ok; ++k) ok = W(rf.first - len + k) == m.words[k];
        if (ok) {
          f.modifier = m.modifier;
          rf.first -= len;
          break;
        }
      }
      rf.last = j;
      return;
    }
  }
  // Magnitude: "magnitude 6.4", "a magnitude of 6.1", "6.4-magnitude", "6.4 magnitude".
  if (rf.num_begin > 0 &&
      (W(rf.num_begin - 1) == "magnitude" ||
       (W(rf.num_begin - 1) == "of" && rf.num_begin > 1 && W(rf.num_begin - 2) == "magnitude"))) {
    f.dimension = "magnitude";
    rf.last = j;
    return;
  }
  size_t k = j;
  if (k < t_.size() && IsPunct(t_[k], '-') && !t_[k].space_before) ++k;  // "12-hour", "6.4-magnitude"
  if (W(k) == "magnitude") {
    f.dimension = "magnitude";
    rf.last = k + 1;
    return;
  }
  const UnitInfo* u = nullptr;
  size_t after = k;
  if (!rf.glued_unit.empty()) {
    u = FindUnit(rf.glued_unit);
    after = j;
    rf.shape = rf.glued_shape;
  } else if (k < t_.size()) {
    if (IsPunct(t_[k], '%')) {
      u = FindUnit("%");
      after = k + 1;
    } else if (W(k) == "per" && W(k + 1) == "cent") {
      u = FindUnit("percent");
      after = k + 2;
    } else if (W(k) == "square" && (W(k + 1) == "kilometres" || W(k + 1) == "kilometers" ||
                                    W(k + 1) == "km")) {
      static constexpr UnitInfo kSqKm{"square km", "km2", "area", 100.0};
      u = &kSqKm;
      after = k + 2;
    } else if ((W(k) == "square" || W(k) == "sq") &&
               IsAnyWord(W(k + 1), {"metres", "meters", "m"})) {
      static constexpr UnitInfo kSqM{"square metres", "m2", "area", 0.0001};
      u = &kSqM;
      after = k + 2;
    } else if (W(k) == "sq" && IsAnyWord(W(k + 1), {"km", "kilometres", "kilometers"})) {
      static constexpr UnitInfo kSqKm2{"sq km", "km2", "area", 100.0};
      u = &kSqKm2;
      after = k + 2;
    } else if ((W(k) == "square" || W(k) == "sq") && W(k + 1) == "miles") {
      static constexpr UnitInfo kSqMi{"square miles", "mi2", "area", 258.998811};
      u = &kSqMi;
      after = k + 2;
    } else if ((W(k) == "km" || W(k) == "kilometres" || W(k) == "kilometers") &&
               ((k + 2 < t_.size() && IsPunct(t_[k + 1], '/') && W(k + 2) == "h") ||
                (W(k + 1) == "per" && W(k + 2) == "hour"))) {
      u = FindUnit("km/h");
      after = k + 3;
    } else if (W(k) == "nautical" && (W(k + 1) == "miles" || W(k + 1) == "mile")) {
      static constexpr UnitInfo kNmi{"nautical miles", "nmi", "length", 1.852};
      u = &kNmi;
      after = k + 2;
    } else if (W(k) == "degrees" && IsAnyWord(W(k + 1), {"celsius", "c", "centigrade"})) {
      u = FindUnit("c");
      after = k + 2;
    } else if (W(k) == "miles" && W(k + 1) == "per" && W(k + 2) == "hour") {
      u = FindUnit("mph");
      after = k + 3;
    } else if (IsAnyWord(W(k), {"u.s.", "us", "u.s"}) && W(k + 1) == "dollars") {
      u = FindUnit("dollars");  // "40.5 million U.S. dollars"
      after = k + 2;
    } else if (k + 1 < t_.size() && t_[k].capitalized && FindUnit(W(k + 1)) != nullptr &&
               FindUnit(W(k + 1))->dimension.starts_with("money:")) {
      u = FindUnit(W(k + 1));  // "4 million Chinese yuan", "20,000 Kenyan shillings"
      after = k + 2;
    } else if (IsAnyWord(W(k), {"pounds", "pound"})) {
      // "pounds sterling", "2 million pounds" and "fined 5,000 pounds" are money; "3,000 pounds
      // of explosives" and "weighing 300 pounds" are weight. Otherwise it stays a plain noun.
      after = k + 1;
      bool scaled = rf.num_end > rf.num_begin + 1;
      bool weighs = false, pays = false;
      for (size_t p = rf.first; p > 0 && p + 5 > rf.first; --p) {
        std::string_view w = W(p - 1);
        weighs = weighs || w.starts_with("weigh") || IsAnyWord(w, {"lost", "gained", "heavy"});
        pays = pays || IsAnyWord(w, {"paid", "pay", "pays", "paying", "cost", "costs", "costing",
                                     "fined", "fine", "worth", "spent", "spend", "spending",
                                     "raised", "raise", "earn", "earns", "earned", "bail",
                                     "compensation", "damages", "salary", "fee", "budget",
                                     "award", "awarded", "sold", "bought", "price", "prize",
                                     "donated", "owed", "owes", "loan", "debts", "invest",
                                     "invested", "funding"});
      }
      if (W(k + 1) == "sterling") {
        u = &kPoundsSterling;
        after = k + 2;
      } else if (W(k + 1) == "of" || weighs) {
        u = &kPoundsWeight;
      } else if (scaled || pays) {
        u = &kPoundsSterling;
      }
    } else if ((u = FindUnit(W(k))) != nullptr) {
      after = k + 1;
    } else if (k == j && IsAnyWord(W(k), {"more", "additional", "further", "extra"}) &&
               (u = FindUnit(W(k + 1))) != nullptr && u->dimension == "duration") {
      // "two more days", "an additional two years" read like "two days".
      after = k + 2;
    } else if (k > j) {
      // "a 48-metre-high dam", "a 3-km-long queue": the unit and its shape in one word.
      std::string_view w = W(k);
      size_t d = w.find('-');
      if (d != std::string_view::npos && IsAnyWord(w.substr(d + 1), {"high", "tall", "deep",
                                                                     "long", "wide"})) {
        if ((u = FindUnit(w.substr(0, d))) != nullptr) {
          after = k + 1;
          rf.shape = w.substr(d + 1);
        }
      }
    }
  }
  if (u != nullptr) {
    f.unit = std::string(u->unit);
    f.dimension = std::string(u->dimension);
    f.base_low = f.low * u->to_base;
    f.base_high = f.high * u->to_base;
    rf.last = after;
    // A conversion in brackets restates the same figure: "60 kilometers (37 miles)".
    // "120 hectares (about 300 acres)": the restatement may carry its own modifier.
    size_t conv = after + 1;
    if (IsAnyWord(W(conv), {"about", "around", "some", "roughly", "approximately", "nearly",
                            "almost", "over"}))
      ++conv;
    // "400 tons (12.97 million ounces)": a scale word inside the conversion.
    size_t scale = conv + 1 < t_.size() && ScaleWord(W(conv + 1)) > 0 ? 1 : 0;
    // "40 kilograms (88 pounds)": after a mass, pounds are its conversion.
    bool pounds = u->dimension == "mass" && IsAnyWord(W(conv + 1 + scale), {"pounds", "pound"});
    if (conv + 2 + scale < t_.size() && IsPunct(t_[after], '(') &&
        t_[conv].kind == TokKind::kNumber && (FindUnit(W(conv + 1 + scale)) || pounds)) {
      size_t close = conv + 2 + scale;
      if (close < t_.size() && IsPunct(t_[close], ')')) rf.last = close + 1;
    }
    return;
  }
  rf.last = j;
}

// Reads a noun phrase starting at i (adjectives then a noun): returns one past its last word and
// sets `noun` to its last word, or returns i when there is none.
size_t SentenceReader::ReadNounPhrase(size_t i, std::string& noun) const {
  size_t j = i;
  size_t end = i;
  size_t limit = i + 4;
  auto quote = [&](size_t k) {
    return k < t_.size() && (IsPunct(t_[k], '"') || IsPunct(t_[k], '`') || IsPunct(t_[k], '\''));
  };
  while (j < t_.size() && j < limit && (t_[j].kind == TokKind::kWord || (j > i && quote(j)))) {
    // "four new ``Star Wars'' dispensers": a quoted name inside the noun phrase.
    if (quote(j)) {
      size_t open_end = j;
      while (quote(open_end)) ++open_end;
      size_t close = open_end;
      while (close < t_.size() && close < open_end + 4 && IsWord(close)) ++close;
      size_t after = close;
      while (quote(after)) ++after;
      if (close == open_end || after == close || !IsWord(after)) break;
      limit += after - j;
      j = after;
      continue;
    }
    std::string_view w = W(j);
    // "10,000 more troops", "three more executions": "more" before the counted noun.
    if (j == i && IsAnyWord(w, {"more", "additional", "further", "extra", "other"}) &&
        j + 1 < t_.size() && t_[j + 1].kind == TokKind::kWord && !IsFunctionWord(W(j + 1)) &&
        W(j + 1) != "than") {
      ++j;
      continue;
    }
    // "750 hybrid tea and floribunda bushes": two modifiers share the plural noun after "and".
    if (w == "and" && end > i && !W(end - 1).ends_with("s") && !t_[end - 1].capitalized) {
      size_t m = j + 1;
      while (m < t_.size() && m < j + 3 && IsWord(m) && !IsFunctionWord(W(m)) &&
             !W(m).ends_with("s"))
        ++m;
      if (m < t_.size() && m > j + 1 && IsWord(m) && W(m).ends_with("s") &&
          !W(m).ends_with("ss") && !IsFunctionWord(W(m)) && !IsAuxiliary(W(m)) &&
          OutcomeAfter(W(m)).empty() && !IsReportingVerb(W(m))) {
        end = m + 1;
        break;
      }
    }
    if (IsFunctionWord(w) || IsAuxiliary(w) || IsReportingVerb(w) || !OutcomeAfter(w).empty() ||
        !OutcomeVerb(w).empty() || WeekdayOf(w) || MonthOf(w) ||
        IsAnyWord(w, {"today", "tomorrow", "yesterday", "tonight", "fell", "became", "got",
                      "went", "came", "felt", "stayed", "began", "took", "made", "fled",
                      "within", "among", "between", "toward", "towards", "despite", "until",
                      "via", "against", "throughout", "globally", "nationally", "worldwide"}))
      break;
    // "2,207 vessels have been hailed, 221 boarded and nine diverted": a participle straight
    // after the number, before "and", punctuation or the end, is a verb.
    if (j == i && w.size() > 4 && w.ends_with("ed") && OutcomeAfter(w).empty() &&
        (j + 1 >= t_.size() || !IsWord(j + 1) || IsAnyWord(W(j + 1), {"and", "or", "since"})))
      break;
    // "the elder two seeming at ease": a participle straight after the number, before a
    // function word or punctuation, is a verb.
    if (j == i && w.size() > 4 && w.ends_with("ing") &&
        (j + 1 >= t_.size() || !IsWord(j + 1) || IsFunctionWord(W(j + 1))))
      break;
    if (w.ends_with("ed") && j > i) break;  // a participle after the noun
    // "two heavily armed boys": an adverb before the adjective it modifies.
    if (w.ends_with("ly") && w.size() > 4 && j + 2 < t_.size() && t_[j + 1].kind == TokKind::kWord &&
        W(j + 1).ends_with("ed") &&
        t_[j + 2].kind == TokKind::kWord && !IsFunctionWord(W(j + 1)) &&
        !IsAuxiliary(W(j + 1)) && OutcomeAfter(W(j + 1)).empty()) {
      j += 2;  // the adverb and its adjective ("armed" is no participle after the noun here)
      continue;
    }
    ++j;
    end = j;
    // "three police officers": "police" modifies the plural after it.
    if (w == "police" && j < t_.size() && t_[j].kind == TokKind::kWord && W(j).ends_with("s") &&
        !IsFunctionWord(W(j)) && !IsAuxiliary(W(j)) && OutcomeAfter(W(j)).empty() &&
        !IsReportingVerb(W(j)))
      continue;
    // A noun in -s that modifies a plural noun after it: "three sports halls", "two gas
    // cylinders", "12 bus passengers", "40 US soldiers", "148 basis points".
    bool s_modifier =
        (w.ends_with("ss") ||
         IsAnyWord(w, {"bus", "us", "gas", "sports", "arms", "news", "customs", "basis",
                       "status", "stimulus", "virus", "campus", "census", "bonus", "focus",
                       "corps"})) &&
        j < t_.size() && t_[j].kind == TokKind::kWord && W(j).ends_with("s") &&
        !W(j).ends_with("ss") && !IsFunctionWord(W(j)) && !IsAuxiliary(W(j));
    // An upper-case acronym in -s names, it does not count: "two US Air Force planes".
    std::string_view raw = sc_.Raw(t_[j - 1]);
    bool acronym = raw.size() >= 2 && raw.size() <= 4 &&
                   std::all_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (acronym && j < t_.size() && t_[j].kind == TokKind::kWord && !IsFunctionWord(W(j)) &&
        !IsAuxiliary(W(j)) && OutcomeAfter(W(j)).empty() && !IsReportingVerb(W(j)))
      s_modifier = true;
    // "-men" is a plural ("gunmen", "firemen"), but not in "specimen" or "regimen".
    bool men = w.ends_with("men") && !IsAnyWord(w, {"specimen", "regimen", "abdomen", "acumen"});
    if ((w.ends_with("s") && !s_modifier) || men || w == "people" || w == "police" ||
        w == "cattle" || w == "children" ||
        w == "personnel" || w == "staff" || w == "livestock" || w == "men" || w == "women")
      break;  // a plural noun ends the phrase
  }
  // "it's 9,000 combined": a word that follows a number but counts nothing. Precision first:
  // no noun, so the figure is dropped unless another rule reads its head.
  if (end == i + 1 && IsAnyWord(W(i), {"combined", "overall", "altogether", "apiece", "alone",
                                       "respectively", "total", "each", "so", "or", "more",
                                       "strong"}))
    return i;
  // "630,000 Nissan and Infiniti vehicles", "5 Live Football League", "RADIO 5 LIVE SPORTS":
  // a name (a capitalized word not in -s, or an all-capitals word) ends the phrase; what it
  // counts is not read, so the figure is dropped unless another rule reads its head.
  if (end > i) {
    std::string_view raw = sc_.Raw(t_[end - 1]);
    bool caps = raw.size() >= 2 &&
                std::all_of(raw.begin(), raw.end(), [](char c) { return c < 'a' || c > 'z'; });
    // The sentence's first word is capitalized by position ("Output has fallen by 70 percent").
    bool first_word = end - 1 == 0 || (end - 1 == 1 && t_[0].kind == TokKind::kPunct);
    if (t_[end - 1].capitalized && (!raw.ends_with("s") || caps) && !(first_word && !caps))
      return i;
  }
  if (end > i) {
    noun = std::string(W(end - 1));
    // Generic words for the population at large count as "people" ("2,500 residents were
    // evacuated" and "the evacuation of 3,000 people" are the same quantity).
    if (IsAnyWord(noun, {"persons", "person", "residents", "inhabitants", "villagers",
                         "individuals", "locals"}))
      noun = "people";
  }
  return end;
}

// "child deaths" counts children: the plural of a noun used as a modifier.
std::string Plural(std::string_view w) {
  if (w.empty()) return std::string();
  if (w == "child") return "children";
  if (w == "person") return "people";
  if (w.ends_with("man")) return std::string(w.substr(0, w.size() - 3)) + "men";
  if (w.ends_with("s")) return std::string(w);
  // "refinery" -> "refineries" ("day" -> "days").
  if (w.size() > 2 && w.back() == 'y' && std::string_view("aeiou").find(w[w.size() - 2]) ==
                                             std::string_view::npos)
    return std::string(w.substr(0, w.size() - 1)) + "ies";
  return std::string(w) + "s";
}

bool IsPersonNoun(std::string_view n) {
  return n == "people" || n == "civilians" || n == "soldiers" || n == "workers" ||
         n == "residents" || n == "children" || n == "villagers" || n == "passengers" ||
         n == "troops" || n == "police" || n == "officers" || n == "miners" ||
         n == "fighters" || n == "militants" || n == "attackers" || n == "students" ||
         n == "pilgrims" || n == "migrants" || n == "refugees" || n == "patients" ||
         n == "tourists" || n == "women" || n == "men" || n == "rescuers" || n == "firefighters";
}

void SentenceReader::ReadMeasureHead(RawFigure& rf) {
  Figure& f = rf.fig;
  const size_t b = rf.first;
  auto before = [&](size_t back) { return b >= back ? W(b - back) : std::string_view(); };
  // "a 100-ton containment dome", "a 500-foot boom", "a two-ton truck": a size glued before a
  // noun describes a thing, not the event; it is listed as background, never disputed.
  {
    bool glued = !rf.glued_unit.empty() ||
                 (rf.last >= 2 && IsPunct(t_[rf.last - 2], '-') && !t_[rf.last - 2].space_before &&
                  !t_[rf.last - 1].space_before);
    if (glued && rf.shape.empty() && IsWord(rf.last) && !IsFunctionWord(W(rf.last)) &&
        (f.dimension == "mass" || f.dimension == "area" || f.dimension == "length")) {
      f.general = true;
      rf.attributive = true;  // "a 180-kilometer road" is the road's length
    }
  }
  auto noun_after_of = [&](size_t k) {
    std::string noun;
    if (W(k) != "of" && W(k) != "from") return noun;
    ++k;
    // "10 percent of its membership".
    // "80 percent of all infections".
    // "of this year's grapes": a determiner and a time possessive.
    while (IsAnyWord(W(k), {"the", "a", "an", "its", "their", "his", "her", "our", "all", "this",
                            "these", "those", "last", "next"}) ||
           (W(k).ends_with("'s") && IsAnyWord(W(k).substr(0, W(k).size() - 2),
                                              {"year", "week", "month", "season", "day",
                                               "today", "yesterday"})))
      ++k;
    if (k < t_.size() && t_[k].kind == TokKind::kWord && !IsFunctionWord(W(k))) {
      size_t e = k;
      // A plural person noun or an age ends the phrase: "39 percent of people ages 18 to 34".
      // So do a participle after a plural noun or before a preposition, a present participle
      // before one, "-wide" and a time phrase.
      auto ends_phrase = [&](size_t at) {
        std::string_view w = W(at + 1);
        bool plural = W(at).ends_with("s") && !W(at).ends_with("'s") && !W(at).ends_with("ss");
        bool participle = w.ends_with("ed") ||
                          IsAnyWord(w, {"paid", "made", "held", "sold", "built", "spent",
                                        "taken", "given", "left", "lost", "brought", "bought"});
        bool ing = w.size() > 4 && w.ends_with("ing");
        // "of the pensions owed", "of all dividends paid by", "of all the oil leaked into",
        // "of all income going into the funds", "of all Indians living on reservations".
        bool clause = at + 2 < t_.size() && t_[at + 2].kind == TokKind::kWord &&
                      IsFunctionWord(W(at + 2));
        return IsAnyWord(w, {"ages", "aged", "last", "next", "worldwide", "nationwide"}) ||
               w.ends_with("-wide") || (participle && (plural || clause)) ||
               (ing && (clause || plural));  // "of homicides involving school-age children"
      };
      while (e + 1 < t_.size() && t_[e + 1].kind == TokKind::kWord && !IsFunctionWord(W(e + 1)) &&
             e < k + 2 && !IsPersonNoun(W(e)) && !ends_phrase(e))
        ++e;
      // Tokenised text splits the possessive: "the company 's total sales".
      if (e + 3 < t_.size() && IsPunct(t_[e + 1], '\'') && W(e + 2) == "s" &&
          t_[e + 3].kind == TokKind::kWord && !IsFunctionWord(W(e + 3))) {
        e += 3;
        while (e + 1 < t_.size() && t_[e + 1].kind == TokKind::kWord &&
               !IsFunctionWord(W(e + 1)) && !IsPersonNoun(W(e)))
          ++e;
      }
      noun = std::string(W(e));
      if (noun.ends_with("'s")) noun.resize(noun.size() - 2);
    }
    return noun;
  };
  if (f.dimension == "magnitude") {
    f.head = "magnitude";
  } else if (f.dimension == "speed") {
    f.head = "speed";
  } else if (f.dimension == "temperature") {
    f.head = "temperature";
  } else if (f.dimension == "power") {
    f.head = "power";
  } else if (f.dimension == "length") {
    std::string_view next = rf.shape.empty() ? W(rf.last) : rf.shape;
    // Flying words: "at 30,000 feet" is an altitude only in a sentence about flight ("the
    // well at 5,000 feet" is a depth under the sea).
    auto aviation = [&]() {
      for (size_t h = 0; h < t_.size(); ++h)
        if (IsAnyWord(W(h), {"plane", "planes", "jet", "jets", "aircraft", "airliner", "flight",
                             "flights", "altitude", "cruising", "radar", "pilot", "pilots",
                             "flying", "flew", "fly", "bombing", "bomber", "bombers",
                             "helicopter", "helicopters", "balloon", "drone", "drones", "cockpit",
                             "climbed", "descended", "descent", "parachute"}))
          return true;
      return false;
    };
    auto altitude_before = [&](size_t end) {
      for (size_t h = end > 12 ? end - 12 : 0; h < end; ++h)
        if (IsAnyWord(W(h), {"altitude", "altitudes"})) return true;
      return false;
    };
    // "travelled 25 km down the valley", "ran 4,000 feet down the mountain": a way along
    // the ground, not a depth ("400 metres down", "1,300 feet down a shaft" are depths).
    bool down_a_way = false;
    if (next == "down" && rf.shape.empty() && IsAnyWord(W(rf.last + 1), {"the", "a", "an"})) {
      for (size_t k = rf.last + 2; k < rf.last + 5 && k < t_.size() && !down_a_way; ++k)
        down_a_way = IsAnyWord(W(k), {"valley", "slope", "slopes", "mountain", "mountainside",
                                      "hillside", "hill", "river", "road", "street", "track",
                                      "run", "piste", "coast", "gorge", "canyon", "ravine",
                                      "motorway", "highway", "stream", "glacier", "line",
                                      "runway", "corridor", "channel", "estuary", "riverbed"});
    }
    // "70 centimetres of snow fell", "120 mm of rain": a layer of what fell or lies is a depth.
    auto layer = [&](size_t k) {
      // Not "of water": "in 245 feet of water" is the depth of the sea, not a layer.
      return IsAnyWord(W(k), {"snow", "rain", "rainfall", "snowfall", "ice", "ash", "mud",
                              "floodwater", "floodwaters", "sludge", "silt", "hail", "sleet",
                              "sediment", "lava"});
    };
    bool of_layer = next == "of" && rf.shape.empty() &&
                    (layer(rf.last + 1) ||
                     (IsAnyWord(W(rf.last + 1), {"fresh", "new", "heavy", "wet", "packed"}) &&
                      layer(rf.last + 2)));
    if ((IsAnyWord(next, {"deep", "underground", "below", "beneath", "underwater", "down"}) &&
         !down_a_way && !(next == "down" && altitude_before(rf.first))) || of_layer ||
        (before(1) == "of" && before(2) == "depth") || before(1) == "depth")
      f.head = "depth";
    else if (next == "high" || next == "tall" || (before(1) == "of" && before(2) == "height"))
      f.head = "height";
    // "plummeted from its cruise altitude of 9,900 meters down to 5,730 meters".
    else if (altitude_before(rf.first))
      f.head = "height";
    // An altitude: "ash rose to 40,000 feet", "a plume 12 km into the sky", "an altitude of".
    else if ((next == "into" && IsAnyWord(W(rf.last + 1) == "the" ? W(rf.last + 2)
                                                                  : W(rf.last + 1),
                                          {"sky", "air", "atmosphere", "stratosphere"})) ||
             (next == "above" && IsAnyWord(W(rf.last + 1), {"sea", "ground"})) ||
             (before(1) == "of" && IsAnyWord(before(2), {"altitude", "heights"})) ||
             (before(1) == "to" && IsAnyWord(before(2), {"rose", "risen", "rising", "soared",
                                                         "shot", "climbed"})) ||
             // "plotted the plane's altitude down to 16,000 feet", "bombing from 10,000 feet":
             // thousands of feet after at/from/to are an altitude.
             (f.unit == "ft" && f.low >= 1000 && rf.shape.empty() &&
              IsAnyWord(before(1), {"at", "from", "to"}) && next != "of" && next != "away" &&
              next != "long" && next != "wide" && aviation()) ||
             // "sea levels could rise by close to one metre", "the ground sank by 40 cm".
             (before(1) == "by" && IsAnyWord(before(2), {"rise", "rose", "risen", "rising",
                                                         "raised", "fall", "fell", "fallen",
                                                         "drop", "dropped", "sink", "sank",
                                                         "sunk", "subsided", "sagged"})))
      f.head = "height";
    else if (next == "long" || (before(1) == "of" && before(2) == "length"))
      f.head = "length";
    // Width and diameter are other quantities than length: "a sinkhole 30 m wide and 60 m
    // long" states two sizes, not two claims about one.
    else if (next == "wide" || next == "across" || (before(1) == "of" && before(2) == "width"))
      f.head = "width";
    else if ((next == "in" && W(rf.last + 1) == "diameter") ||
             (before(1) == "of" && before(2) == "diameter") || before(1) == "diameter")
      f.head = "diameter";
    else
      // "a 180-kilometer road", "a 110-foot boat": the length of a thing; "a 14-mile path" and
      // "a 19-mile stretch" are a way along the ground.
      f.head = rf.attributive && IsAnyWord(W(rf.last), {"pipe", "pipes", "cap", "tube", "hose",
                                                        "wheel", "wheels", "tyre", "tire",
                                                        "shaft", "borehole", "valve"})
                   ? "diameter"
               : rf.attributive && IsAnyWord(W(rf.last), {"road", "boat", "ship", "boom", "bridge",
                                                        "pipeline", "pipe", "wall", "fence",
                                                        "tunnel", "vessel", "tanker", "barge",
                                                        "train", "queue", "cable", "dam",
                                                        "runway", "canal", "yacht", "trawler",
                                                        "ferry", "truck", "lorry", "crack",
                                                        "slick", "plume", "convoy", "motorway",
                                                        "highway", "railway", "line"})
                   ? "length"
                   : "distance";
    // "Hailstones up to 7 centimetres across", "hail as big as 3 inches": a hailstone's size.
    if (f.head == "distance" || f.head == "width") {
      for (size_t h = 0; h < rf.first; ++h)
        if (IsAnyWord(W(h), {"hail", "hailstones", "hailstone"})) f.head = "diameter";
    }
    size_t k = rf.last;
    if (IsAnyWord(W(k), {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                         "southwest", "north-east", "north-west", "south-east", "south-west",
                         "away", "inland", "offshore", "upstream", "downstream"}))
      ++k;
    f.noun = noun_after_of(k);
    if (of_layer) {
      std::string_view what = layer(rf.last + 1) ? W(rf.last + 1) : W(rf.last + 2);
      f.noun = what == "snowfall" ? "snow" : what == "rainfall" ? "rain" : std::string(what);
    }
    // The size of what: "a sinkhole about 30 metres wide", "The hole was between 15 and 20
    // metres deep", "the wave is now 10 metres high". Sizes of different things are not
    // rival claims, so a size names its thing (the noun before the figure, or the subject
    // before a copula) or is never compared.
    if (f.noun.empty() && !of_layer &&
        IsAnyWord(f.head, {"depth", "height", "length", "width", "diameter"})) {
      size_t q = rf.first;
      while (q > 0 && W(q - 1).ends_with("ly") && W(q - 1).size() > 3) --q;
      while (q > 0 && IsAnyWord(W(q - 1), {"now", "still", "already", "just"})) --q;
      if (q > 0 && IsAnyWord(W(q - 1), {"is", "was", "are", "were", "measured", "measures",
                                         "measuring", "stood", "stands", "reached"})) {
        --q;
        while (q > 0 && IsAnyWord(W(q - 1), {"now", "still", "already", "reportedly"})) --q;
        // "The wave that hit Kaldra was 8 metres high": the noun before the relative clause.
        for (size_t r = q; r > 0 && q - r < 6; --r) {
          if (!IsWord(r - 1)) break;
          if (IsAnyWord(W(r - 1), {"that", "which"}) && r >= 2 && IsWord(r - 2)) {
            q = r - 1;
            break;
          }
        }
      }
      bool first = q == 1 || (q == 2 && t_[0].kind == TokKind::kPunct);
      if (q > 0 && IsWord(q - 1) && (!t_[q - 1].capitalized || first) &&
          !IsFunctionWord(W(q - 1)) &&
          !IsAuxiliary(W(q - 1)) && !W(q - 1).ends_with("ed") && !W(q - 1).ends_with("ing") &&
          !W(q - 1).ends_with("ly") && OutcomeVerb(W(q - 1)).empty() &&
          !IsReportingVerb(W(q - 1))) {
        f.noun = std::string(W(q - 1));
        // "Waves 4-5 metres high" and "the wave ... 8 metres high" are one thing.
        if (f.noun.size() > 3 && f.noun.ends_with("s") && !f.noun.ends_with("ss"))
          f.noun.pop_back();
      }
    }
  } else if (f.dimension == "area") {
    f.head = "area";
    f.noun = noun_after_of(rf.last);
  } else if (f.dimension == "mass") {
    f.head = "weight";
    f.noun = noun_after_of(rf.last);
  } else if (f.dimension == "duration") {
    f.head = "duration";
    f.noun = noun_after_of(rf.last);
    // "The siege lasted about 36 hours", "a blackout that lasted 14 hours": how long the event
    // went on, named by its event noun (and so comparable across articles).
    if (f.noun.empty() && IsAnyWord(before(1), {"lasted", "lasting", "last"})) {
      for (size_t h = b - 1; h-- > 0 && b - 1 - h <= 10;) {
        if (!EventOf(W(h)).empty()) {
          f.noun = std::string(EventOf(W(h)));
          break;
        }
        if (t_[h].kind == TokKind::kPunct) break;
      }
    }
  } else if (f.dimension == "percent") {
    std::string noun = noun_after_of(rf.last);
    if (noun.empty() && before(1) == "of" && b >= 2 && t_[b - 2].kind == TokKind::kWord &&
        !IsFunctionWord(before(2)))
      noun = std::string(before(2));
    // "a total of 45 percent": a percentage of an unnamed whole is dropped (precision first).
    if (IsAnyWord(noun, {"total", "average", "rate", "increase", "rise", "drop", "fall",
                         "maximum", "minimum", "share", "cut", "hike", "jump", "decline"}))
      noun.clear();
    // "Bookings for the season have fallen by 35 percent", "support slipped to 53 percent":
    // the subject of the change verb.
    if (noun.empty() && (before(1) == "by" || before(1) == "to") &&
        IsAnyWord(before(2), {"fallen", "fell", "falls", "risen", "rose", "rises", "dropped",
                              "drops", "increased", "decreased", "declined", "grown", "grew",
                              "jumped", "climbed", "slumped", "plunged", "surged", "soared",
                              "shrunk", "shrank", "slipped", "dipped", "edged", "sank",
                              "tumbled", "rebounded", "recovered", "slid"})) {
      size_t v = b - 2;
      while (v > 0 && (IsAuxiliary(W(v - 1)) || IsAnyWord(W(v - 1), {"already", "sharply"})))
        --v;
      // The clause starts after punctuation, a number or a clause word, at most 10 words back.
      auto opens = [&](size_t i) {
        return t_[i].kind != TokKind::kWord ||
               IsAnyWord(W(i), {"that", "which", "who", "and", "but", "while", "when", "after",
                                "because", "where", "if", "since", "meaning", "so", "though",
                                "although", "whereas", "than"});
      };
      size_t c = v;
      while (c > 0 && v - c < 10 && !opens(c - 1)) --c;
      bool clause_start = c == 0 || opens(c - 1);
      // Determiners and possessors: "BP's share price", "the division's crime rate".
      for (bool more = true; more && c < v;) {
        more = false;
        if (IsAnyWord(W(c), {"the", "a", "an", "its", "their", "his", "her", "our"})) {
          ++c;
          more = true;
        } else if (W(c).ends_with("'s") || W(c).ends_with("s'")) {
          ++c;
          more = true;
        } else if (c + 1 < v && (W(c + 1) == "'s" || W(c + 1) == "'")) {
          c += 2;
          more = true;
        }
      }
      std::string subject;
      size_t e = clause_start && c < v ? ReadNounPhrase(c, subject) : c;
      // The noun phrase reaches the verb, or a prepositional phrase does ("Bookings for the
      // rest of the season have fallen").
      if (e > c && (e == v || IsAnyWord(W(e), {"for", "of", "in", "at", "on", "across",
                                               "among", "from", "to"})))
        noun = subject;
    }
    // "to reduce crime on Merseyside by 16 %", "cut its workforce by 10 percent": the object
    // of a transitive change verb, at most six words before "by".
    if (noun.empty() && before(1) == "by") {
      for (size_t v = b - 1; v > 0 && b - 1 - v < 7 && noun.empty(); --v) {
        if (t_[v - 1].kind != TokKind::kWord) break;
        if (!IsAnyWord(W(v - 1), {"reduce", "reduced", "reduces", "reducing", "cut", "cuts",
                                  "cutting", "raise", "raised", "raises", "raising", "lower",
                                  "lowered", "lowers", "lowering", "boost", "boosted",
                                  "boosts", "boosting", "slash", "slashed", "slashes",
                                  "slashing"}))
          continue;
        // Not a passive ("prices were cut sharply last year by 5 percent"): no object.
        if (v >= 2 && IsAnyWord(W(v - 2), {"was", "were", "is", "are", "be", "been", "being"}))
          break;
        size_t c = v;
        while (IsAnyWord(W(c), {"the", "its", "their", "his", "her", "our"})) ++c;
        if (W(c).ends_with("ly") || IsAnyWord(W(c), {"last", "next", "early", "late"})) break;
        std::string object;
        size_t e = ReadNounPhrase(c, object);
        // The object reaches "by", or a prepositional phrase does ("crime on Merseyside").
        bool reaches = e == b - 1;
        for (size_t k = e; !reaches && e > c && k < b - 1 &&
                           IsAnyWord(W(e), {"on", "in", "at", "of", "across", "for"});
             ++k)
          reaches = k + 1 == b - 1;
        if (e > c && reaches) noun = object;
        break;
      }
    }
    f.head = noun.empty() ? "percent" : noun;
  } else if (f.dimension.starts_with("money:")) {
    f.head = "money";
    size_t k = rf.last;
    if (W(k) == "in" || W(k) == "of" || W(k) == "for") {
      std::string noun;
      size_t e = ReadNounPhrase(k + 1, noun);
      if (e > k + 1) f.noun = noun;
    }
    // "Repairing the line will cost about EUR 12 million": what it costs.
    if (f.noun.empty() && rf.first > 0 && IsAnyWord(W(rf.first - 1), {"cost", "costs", "costing"}))
      f.noun = "cost";
    // "The ransom is $3 million", "The bill was $40,000": the subject of a copula.
    if (f.noun.empty() && rf.first >= 2 && IsAnyWord(W(rf.first - 1), {"is", "was", "stood", "stands"}) &&
        IsAnyWord(W(rf.first - 2), {"ransom", "demand", "damage", "cost", "costs", "losses", "loss",
                                    "bill", "budget", "fine", "deficit", "payout", "compensation"}))
      f.noun = W(rf.first - 2) == "ransom" ? "demand" : std::string(W(rf.first - 2));
    // "The gunmen demanded 5 million euros", "asked for 5 million dollars", "a ransom of $2
    // million": a demand.
    if (f.noun.empty() && rf.first > 0 &&
        (IsAnyWord(W(rf.first - 1), {"demanded", "demanding", "demand", "demands"}) ||
         (W(rf.first - 1) == "for" && rf.first > 1 && IsAnyWord(W(rf.first - 2), {"asked", "asking"})) ||
         (W(rf.first - 1) == "of" && rf.first > 1 && IsAnyWord(W(rf.first - 2), {"ransom", "demand"}))))
      f.noun = "demand";
    // "Insurers estimated the damage at EUR 90 million", "puts the cost at $2 billion",
    // "damage estimated at": the sum is what the noun before "at" amounts to.
    const size_t at = rf.first;  // "at between $10 billion and ..." starts at "between"
    if (f.noun.empty() && at > 2 && W(at - 1) == "at") {
      static constexpr std::string_view kSums[] = {
          "damage", "damages", "cost", "costs", "losses", "loss", "bill", "price", "value",
          "payout", "claims", "budget", "compensation", "ransom", "fine", "aid", "deficit"};
      // "puts its losses so far at EUR 12 million": the sum noun within a few words of "at".
      for (size_t back = 2; back <= 5 && back <= at && f.noun.empty(); ++back) {
        std::string_view w = W(at - back);
        if (t_[at - back].kind != TokKind::kWord) break;
        for (std::string_view n : kSums)
          if (n == w) f.noun = std::string(n);
      }
    }
  }
}

void SentenceReader::ReadHead(RawFigure& rf, const RawFigure* prev) {
  Figure& f = rf.fig;
  if (!f.dimension.empty()) {
    ReadMeasureHead(rf);
    return;
  }
  size_t k = rf.last;
  std::string noun;
  // "a nine-storey block", "a 12-storey tower", "a 300-bed hospital".
  if (!rf.glued.empty()) {
    f.head = rf.glued;
    return;
  }
  if (k + 1 < t_.size() && IsPunct(t_[k], '-') && !t_[k].space_before &&
      !t_[k + 1].space_before) {
    if (std::string_view g = GluedCountNoun(W(k + 1)); !g.empty()) {
      f.head = std::string(g);
      rf.last = k + 2;
      return;
    }
  }
  // A list of key figures: "- 1.2 million: customers who lost power", "At least seven: deaths
  // linked to the blackout". The number opens its line and the noun follows the colon.
  bool opens_line = rf.first == 0 || (rf.first == 1 && t_[0].kind == TokKind::kPunct);
  if (opens_line && k + 1 < t_.size() && IsPunct(t_[k], ':') && IsWord(k + 1)) {
    size_t p = k + 1;
    while (IsAnyWord(W(p), {"the", "a", "an"})) ++p;
    std::string listed;
    size_t e = ReadNounPhrase(p, listed);
    if (e == p && !OutcomeAfter(W(p)).empty()) {  // "deaths", "injured"
      listed = std::string(W(p));
      e = p + 1;
    }
    if (e > p) {
      if (std::string_view o = OutcomeAfter(listed); !o.empty()) {
        f.head = std::string(o);
        f.noun = "people";
      } else {
        f.head = listed;
      }
      rf.has_np = true;
      rf.after_np = e;
      return;
    }
  }
  // Partitive: "380 of the injured", "46 of the village's 130 houses", "dozens of (the) homes".
  if (W(k) == "of") {
    size_t p = k + 1;
    bool definite = false;
    // "two of Hong Kong's wealthiest companies": a capitalised name before its possessive.
    {
      size_t n = p;
      while (n < t_.size() && n < p + 3 && t_[n].capitalized && !W(n).ends_with("'s")) ++n;
      if (n > p && n < t_.size() && t_[n].capitalized && W(n).ends_with("'s")) p = n;
    }
    while (p < t_.size() && (IsAnyWord(W(p), {"the", "these", "those", "its", "their", "our",
                                              "his", "her", "my", "your"}) ||
                             (t_[p].kind == TokKind::kWord && W(p).ends_with("'s")))) {
      definite = true;
      ++p;
    }
    if (p < t_.size() && t_[p].kind == TokKind::kNumber) ++p;  // "of the village's 130 houses"
    if (!definite && IsAnyWord(W(p), {"them", "those", "whom", "these"})) {
      // "19 passengers were taken to hospital, three of them in critical condition".
      if (prev != nullptr && !prev->fig.head.empty() && prev->fig.dimension.empty()) {
        f.head = prev->fig.head;
        f.noun = prev->fig.noun;
        f.partial = true;
      }
      return;
    }
    f.partial = f.vague.empty() && definite;
    if (std::string_view o = OutcomeAfter(W(p)); !o.empty() && !f.vague.empty() == false) {
      f.head = std::string(o);
      f.noun = "people";
      return;
    } else if (!o.empty()) {
      f.head = std::string(o);
      f.noun = "people";
      return;
    }
    size_t e = ReadNounPhrase(p, noun);
    if (e == p) return;
    rf.has_np = true;
    k = e;
  } else if (!f.vague.empty() && !rf.vague_number) {
    // "killing thousands.": a vague word with no noun after an outcome verb.
    if (rf.first > 0) f.head = std::string(OutcomeVerb(W(rf.first - 1)));
    return;
  } else {
    size_t e = ReadNounPhrase(k, noun);
    if (e > k) {
      rf.has_np = true;
      k = e;
    }
  }
  rf.after_np = k;
  // "killing six skiers and injuring 11 others", "14 people were killed and 37 others are
  // missing": "others" counts more of what the figure before counts.
  if (rf.has_np && noun == "others") {
    noun = prev != nullptr && prev->fig.dimension.empty() && !prev->fig.noun.empty()
               ? prev->fig.noun
               : std::string("people");
  }
  // "which took 10 lives", "the quake cost 300 lives".
  if (rf.has_np && noun == "lives" && rf.first > 0 &&
      IsAnyWord(W(rf.first - 1), {"took", "take", "takes", "taking", "claimed", "claim",
                                  "claims", "claiming", "cost", "costs", "costing"})) {
    f.head = "killed";
    f.noun = "people";
    return;
  }
  // The noun itself may be the outcome: "96 deaths", "15 wounded", "20,000 homeless".
  if (!rf.has_np) {
    if (std::string_view o = OutcomeAfter(W(k)); !o.empty()) {
      f.head = std::string(o);
      rf.outcome_after = true;
      return;
    }
  } else if (std::string_view o = OutcomeAfter(noun); !o.empty()) {
    f.head = std::string(o);
    f.noun = "people";
    return;
  }
  // "Eleven deaths ..., including four fishermen": a part of the figure before it.
  if (rf.first > 0 && W(rf.first - 1) == "including" && prev != nullptr &&
      !OutcomeAfter(prev->fig.head).empty()) {
    f.head = prev->fig.head;
    f.noun = rf.has_np ? noun : prev->fig.noun;
    f.partial = true;
    return;
  }
  // "of nearby villages" / "in Velt" between the noun phrase and the verb.
  size_t q = k;
  // "Four children collecting litter yesterday were killed": a participle phrase too.
  if (rf.has_np && (IsAnyWord(W(q), {"of", "in", "from", "at", "near", "living", "within"}) ||
                    (W(q).ends_with("ing") && W(q).size() > 5 && IsWord(q) &&
                     !IsReportingVerb(W(q)) && OutcomeVerb(W(q)).empty()))) {
    // "residents of villages within 6 km of the crater have been evacuated", "2,000 residents
    // living within 3 kilometres (1.9 miles) of the plant were evacuated": a measure (number
    // and unit, with a conversion in brackets) may sit inside the modifier; a clause word
    // ends it.
    size_t r = q + 1;
    size_t words = 0;
    while (r < t_.size() && words < 10 && !IsAuxiliary(W(r)) && OutcomeAfter(W(r)).empty() &&
           !IsAnyWord(W(r), {"who", "which", "that", "where", "when", "while", "whose"})) {
      if (t_[r].kind == TokKind::kNumber && r + 1 < t_.size() && FindUnit(W(r + 1)) != nullptr &&
          r > q + 1) {
        r += 2;
        ++words;
        if (r + 3 < t_.size() && IsPunct(t_[r], '(') && t_[r + 1].kind == TokKind::kNumber &&
            FindUnit(W(r + 2)) != nullptr && IsPunct(t_[r + 3], ')'))
          r += 4;
        continue;
      }
      // A tokenised possessive: "seeking the end of President Assad 's rule".
      if (IsPunct(t_[r], '\'') && W(r + 1) == "s" && r > q + 1) {
        r += 2;
        continue;
      }
      if (t_[r].kind != TokKind::kWord) break;
      ++r;
      ++words;
    }
    if (r < t_.size() && IsAuxiliary(W(r))) q = r;
  }
  // "Two brothers, ages 1 and 4, were killed": ages between commas before the outcome.
  if (rf.has_np && q == k && IsPunct(t_[q], ',') && IsAnyWord(W(q + 1), {"ages", "aged"})) {
    size_t r = q + 2;
    while (r < t_.size() && r < q + 10 && !IsPunct(t_[r], ',')) ++r;
    if (r < t_.size() && IsPunct(t_[r], ',') && IsAuxiliary(W(r + 1))) q = r + 1;
  }
  // "118 miners who died", "5,000 people who had fled": the outcome in a relative clause
  // right after the noun phrase.
  if (rf.has_np && q == k && W(q) == "who") ++q;
  // Outcome after auxiliaries: "were killed", "had been left homeless", "remain missing".
  size_t a = q;
  int aux = 0;
  bool fatally = false;
  // A raising verb: "are now known to have died", "were believed to have been killed".
  auto raising = [&](size_t i) {
    return IsAnyWord(W(i), {"known", "believed", "thought", "feared", "reported", "said",
                            "confirmed", "presumed", "understood", "suspected", "estimated"}) &&
           W(i + 1) == "to" && IsAnyWord(W(i + 2), {"have", "be"});
  };
  while (a < t_.size() && aux < 5 &&
         (IsAuxiliary(W(a)) || (W(a).ends_with("ly") && W(a).size() > 4 && IsWord(a)))) {
    fatally = fatally || W(a) == "fatally" || W(a) == "mortally";
    a += raising(a) ? 3 : 1;
    ++aux;
    if (raising(a)) {
      a += 2;
      ++aux;
    }
  }
  std::string_view outcome = OutcomeAfter(W(a));
  // "were ordered to leave", "fled their homes", "were forced from their homes".
  if (outcome.empty() && W(a) == "ordered" && W(a + 1) == "to" &&
      IsAnyWord(W(a + 2), {"leave", "evacuate", "flee"}))
    outcome = "evacuated";
  // "Three escapees were shot dead", "are being treated for injuries".
  if (outcome.empty() && IsAnyWord(W(a), {"shot", "stabbed", "beaten"}) && W(a + 1) == "dead")
    outcome = "killed";
  if (outcome.empty() && W(a) == "treated" && W(a + 1) == "for" &&
      IsAnyWord(W(a + 2), {"injuries", "wounds", "burns", "injury"}))
    outcome = "injured";
  // "Two men were found dead", "were found alive" is no outcome of ours.
  if (outcome.empty() && W(a) == "found" && IsAnyWord(W(a + 1), {"dead", "drowned"}))
    outcome = "killed";
  if (outcome.empty() && (W(a) == "fled" || (W(a) == "forced" && IsAnyWord(W(a + 1), {"from", "out"}))))
    outcome = "displaced";
  if (fatally && outcome == "injured") outcome = "killed";
  // "were fatally shot", "was fatally stabbed".
  if (fatally && outcome.empty() &&
      IsAnyWord(W(a), {"shot", "stabbed", "struck", "hit", "beaten", "burned", "crushed"}))
    outcome = "killed";
  // "three of our colleagues lost their lives".
  if (outcome.empty() && W(a) == "lost" && IsAnyWord(W(a + 1), {"their", "his", "her"}) &&
      IsAnyWord(W(a + 2), {"lives", "life"}))
    outcome = "killed";
  // "300,000 people had lost their homes".
  if (outcome.empty() && W(a) == "lost" && IsAnyWord(W(a + 1), {"their", "his", "her"}) &&
      IsAnyWord(W(a + 2), {"homes", "home", "houses"}))
    outcome = "homeless";
  // "two helicopters rescued 310 people", "gunmen killed at least 12": a past tense with an
  // object counted after it is active, and its subject is the agent, not what is counted.
  if (!outcome.empty() && aux == 0 && W(a).ends_with("ed") && a + 1 < t_.size() &&
      !IsAnyWord(W(a), {"died", "drowned", "perished"})) {
    size_t o = a + 1;
    if ((W(o) == "up" && W(o + 1) == "to") || (W(o) == "at" && W(o + 1) == "least") ||
        (IsAnyWord(W(o), {"more", "fewer", "less"}) && W(o + 1) == "than") ||
        (W(o) == "an" && W(o + 1) == "estimated"))
      o += 2;
    else if (IsAnyWord(W(o), {"about", "around", "some", "nearly", "almost", "roughly", "over"}))
      ++o;
    // "died 10 days later", "drowned 20 km off the coast": a measure, not an object.
    if (o < t_.size() && (t_[o].kind == TokKind::kNumber || CompoundNumber(W(o)) > 0 ||
                          IsAnyWord(W(o), {"dozens", "hundreds", "thousands", "scores"})) &&
        FindUnit(W(o + 1)) == nullptr)
      outcome = {};
  }
  if (outcome.empty() && IsAnyWord(W(a), {"pulled", "brought", "dug", "carried"}) &&
      (W(a + 1) == "out" || W(a + 1) == "alive") && (W(a + 1) == "alive" || W(a + 2) == "alive"))
    outcome = "rescued";
  if (std::string_view o = outcome; !o.empty()) {
    if (rf.has_np || aux > 0 || q == k) {
      f.head = std::string(o);
      f.noun = rf.has_np ? noun : std::string();
      // "85 child deaths": the modifier noun is singular.
      if (rf.has_np && aux == 0 && IsAnyWord(W(a), {"deaths", "fatalities", "injuries"}))
        f.noun = Plural(noun);
      rf.outcome_after = true;
    }
  }
  if (rf.has_np && IsAnyWord(W(k), {"and", "or"})) rf.coordinated = true;
  // "the village's 130 houses were destroyed" describes the whole set.
  if (rf.outcome_after && rf.num_begin > 0 && rf.first == rf.num_begin &&
      (W(rf.first - 1).ends_with("'s") || W(rf.first - 1) == "the")) {
    rf.definite = true;
    f.head.clear();
    rf.outcome_after = false;
  }
  if (!f.head.empty()) return;
  // An outcome verb right before: "killing 96 people", "injuring more than 400".
  const size_t b = rf.first;
  if (b > 0) {
    if (std::string_view o = OutcomeVerb(W(b - 1)); !o.empty()) {
      f.head = std::string(o);
      f.noun = noun;
      return;
    }
    // "has ordered about 80 embassy personnel, as well as dependents, to leave".
    if (W(b - 1) == "ordered" && rf.has_np) {
      for (size_t k2 = rf.after_np; k2 < t_.size() && k2 < rf.after_np + 8; ++k2) {
        if (W(k2) == "to" && IsAnyWord(W(k2 + 1), {"leave", "evacuate", "flee", "quit"})) {
          f.head = "evacuated";
          f.noun = noun;
          return;
        }
        if (IsPunct(t_[k2], '.') || IsPunct(t_[k2], ';')) break;
      }
    }
    // "the bombing that killed 259 people on board and 11 people on the ground": the second
    // count after "and" shares the outcome verb of the first.
    if (W(b - 1) == "and" && prev != nullptr && rf.has_np && prev->fig.dimension.empty() &&
        prev->first > 0 && !OutcomeVerb(W(prev->first - 1)).empty() && !prev->fig.head.empty()) {
      bool same_clause = true;
      for (size_t k2 = prev->last; k2 + 1 < b && same_clause; ++k2)
        same_clause = t_[k2].kind == TokKind::kWord && !IsAuxiliary(W(k2)) &&
                      OutcomeVerb(W(k2)).empty() && !IsReportingVerb(W(k2));
      if (same_clause && OutcomeAfter(W(rf.after_np)).empty() && !IsAuxiliary(W(rf.after_np))) {
        f.head = prev->fig.head;
        f.noun = noun;
        return;
      }
    }
    // "shot dead two others", "shooting dead three".
    if (b > 1 && W(b - 1) == "dead" && IsAnyWord(W(b - 2), {"shot", "shooting", "stabbed"})) {
      f.head = "killed";
      f.noun = noun;
      return;
    }
    // "hopes to evacuate another 1,000 tomorrow", "killing a further 12", "killing all 217".
    if (b > 1 && IsAnyWord(W(b - 1), {"another", "further", "additional", "all"})) {
      size_t v = W(b - 2) == "a" && b > 2 ? b - 3 : b - 2;
      if (std::string_view o = OutcomeVerb(W(v)); !o.empty()) {
        f.head = std::string(o);
        f.noun = noun;
        return;
      }
    }
    // "left 52 dead" is read above; "claimed 40 lives".
  }
  // "the evacuation of 3,000 people", "the deaths of 12 miners", "the arrest of 40".
  if (b > 1 && W(b - 1) == "of") {
    static constexpr Outcome kNominal[] = {
        {"evacuation", "evacuated"}, {"deaths", "killed"},  {"death", "killed"},
        {"arrest", "arrested"},      {"arrests", "arrested"}, {"detention", "arrested"},
        {"rescue", "rescued"},       {"displacement", "displaced"}, {"killing", "killed"},
        {"killings", "killed"},      {"lives", "killed"},       {"die-off", "killed"}};
    if (std::string_view o = OutcomeOf(W(b - 2), kNominal, std::size(kNominal)); !o.empty()) {
      f.head = std::string(o);
      f.noun = rf.has_np ? noun : std::string();
      return;
    }
  }
  // "police put the crowd at 15,000", "officials estimated the turnout at 60 percent".
  if (b > 1 && W(b - 1) == "at") {
    for (size_t back = 2; back <= 7 && back <= b; ++back) {
      size_t p = b - back;
      if (t_[p].kind != TokKind::kWord) break;
      if (IsAnyWord(W(p), {"put", "puts", "putting", "estimated", "estimates", "estimate",
                           "placed", "places", "pegged", "pegs"})) {
        std::string_view last = W(b - 2);
        if (last == "toll" || last == "tolls") break;  // read below
        if (W(b - 3) == "of" && !OutcomeAfter(last).empty()) break;
        // "put the number of child deaths at 85".
        if (std::string_view o = OutcomeAfter(last); !o.empty()) {
          f.head = std::string(o);
          f.noun = IsFunctionWord(W(b - 3)) ? std::string() : Plural(W(b - 3));
          return;
        }
        // "most estimates put that number at more than 1,000": what is counted is elsewhere.
        if (IsAnyWord(last, {"number", "figure", "total", "tally", "count", "it"})) break;
        if (p + 1 < b - 1 && !IsFunctionWord(last)) {
          f.head = std::string(last);
          return;
        }
        break;
      }
    }
  }
  // "the death toll rose to 52", "the number of displaced at 40,000", "a toll of 23".
  if (b > 0 && IsAnyWord(W(b - 1), {"to", "at", "of", "reached", "hit", "passed", "topped",
                                     "is", "was", "stood", "stands"})) {
    for (size_t back = 1; back <= 20 && back <= b; ++back) {
      size_t p = b - back;
      if (t_[p].kind == TokKind::kPunct && !IsPunct(t_[p], '\'')) break;
      if (W(p) == "toll" || W(p) == "tolls") {
        f.head = "killed";
        f.noun = rf.has_np && IsPersonNoun(noun) ? noun : std::string();
        f.total = f.noun.empty();
        return;
      }
      if (W(p) == "number" && W(p + 1) == "of") {
        std::string_view o = OutcomeAfter(W(p + 2));
        std::string np;
        if (o.empty() && IsPersonNoun(W(p + 2))) {
          o = OutcomeAfter(W(p + 3));  // "the number of people killed"
          np = std::string(W(p + 2));
        }
        if (!o.empty()) {
          f.head = std::string(o);
          f.noun = np == "people" ? std::string() : np;
          return;
        }
      }
    }
  }
  // "home to some 900 people", "a town of about 85,000 people".
  if (b > 1 && W(b - 1) == "to" && W(b - 2) == "home") {
    f.head = "population";
    return;
  }
  if (b > 1 && W(b - 1) == "of" && rf.has_np && noun == "people" &&
      IsAnyWord(W(b - 2), {"town", "city", "village", "country", "nation", "island", "district",
                           "region", "province", "community", "municipality", "port",
                           "suburb", "state", "county"})) {
    f.head = "population";
    // The size of a place is background, never set against another place's size.
    f.general = true;
    return;
  }
  // "The affected tank, one of six on the site, ...": the whole the one is taken from counts
  // the noun before the appositive.
  if (!rf.has_np && b > 3 && W(b - 1) == "of" && W(b - 2) == "one" && IsPunct(t_[b - 3], ',') &&
      t_[b - 4].kind == TokKind::kWord && !t_[b - 4].capitalized &&
      !IsFunctionWord(W(b - 4)) && !W(b - 4).ends_with("s") &&
      (rf.last >= t_.size() || t_[rf.last].kind == TokKind::kPunct ||
       IsAnyWord(W(rf.last), {"on", "in", "at", "across", "along", "near"}))) {
    f.head = Plural(W(b - 4));
    return;
  }
  // "The militants numbered up to 300".
  if (b > 1 && W(b - 1) == "numbered" && t_[b - 2].kind == TokKind::kWord) {
    f.head = std::string(W(b - 2));
    return;
  }
  if (rf.has_np) {
    f.head = noun;
    return;
  }
  // "cancelled 38 flights and diverted 11 more": more of what the figure before counts.
  if (!rf.has_np && prev != nullptr && prev->fig.dimension.empty() && !prev->fig.head.empty() &&
      W(rf.last) == "more" && (rf.last + 1 >= t_.size() || t_[rf.last + 1].kind == TokKind::kPunct)) {
    f.head = prev->fig.head;
    f.noun = prev->fig.noun;
    return;
  }
  // "Two pupils died and about 180 fell ill": falling ill is no outcome of ours, so the count
  // is of the noun before ("pupils"), as a plain noun.
  if (!rf.has_np && prev != nullptr && prev->fig.dimension.empty() && b > 0 &&
      W(b - 1) == "and" && IsAnyWord(W(rf.last), {"fell", "became", "got", "were", "are"}) &&
      IsAnyWord(W(rf.last + 1), {"ill", "sick", "unwell"})) {
    std::string_view n = prev->fig.noun.empty() ? std::string_view(prev->fig.head)
                                                : std::string_view(prev->fig.noun);
    if (!n.empty() && n != "people") {
      f.head = std::string(n);
      return;
    }
  }
  // Ellipsis: "up from 25,000", "... and 15".
  // Only a figure with no predicate of its own inherits: "two were killed and five were
  // pulled out alive" must not make the five dead.
  bool bare = rf.last >= t_.size() || t_[rf.last].kind == TokKind::kPunct ||
              IsAnyWord(W(rf.last), {"on", "in", "at", "by", "since", "last", "this", "and", "or",
                                     "according", "earlier", "previously", "before", "a", "the"}) ||
              // "221 boarded and nine diverted": a participle of its own, not an outcome.
              (W(rf.last).ends_with("ed") && OutcomeAfter(W(rf.last)).empty() &&
               (rf.last + 1 >= t_.size() || !IsWord(rf.last + 1) ||
                IsAnyWord(W(rf.last + 1), {"and", "or", "since"})));
  // A replaced figure ("up from 23 reported the night before") is the same quantity.
  if ((bare || f.superseded) && prev != nullptr && !prev->fig.head.empty() &&
      prev->fig.dimension.empty() &&
      (IsAnyWord(W(b - 1), {"from", "and", "or", "than"}) || IsPunct(t_[b - 1], ',') ||
       (W(b - 1) == "the" && b > 1 && W(b - 2) == "from"))) {
    f.head = prev->fig.head;
    f.noun = prev->fig.noun;
    f.total = prev->fig.total;
    return;
  }
  // "The toll, up from seven on Saturday, is expected to rise": the toll it replaces.
  if (f.superseded && prev == nullptr && b >= 2) {
    for (size_t p = b - 2; p-- > 0 && b - 2 - p <= 6;) {
      if (IsPunct(t_[p], '.') || IsPunct(t_[p], ';')) break;
      if (W(p) == "toll" || W(p) == "tolls") {
        f.head = "killed";
        f.total = true;
        break;
      }
    }
  }
}

void SentenceReader::Read(std::vector<Figure>& out) {
  std::vector<RawFigure> raws;
  size_t last_excluded_end = static_cast<size_t>(-1);
  bool last_excluded_year = false;  // the excluded number was a year ("In 2005, four ...")
  size_t i = 0;
  while (i < t_.size()) {
    const Tok& tok = t_[i];
    if (tok.kind == TokKind::kPunct || (tok.kind == TokKind::kWord && tok.lower.size() < 3 &&
                                        tok.lower != "a")) {
      ++i;
      continue;
    }
    RawFigure rf;
    if (!ParseNumberAt(i, rf)) {
      ++i;
      continue;
    }
    // A list continuing an excluded number ("aged 63, 67 and 79") is excluded with it.
    // A year before a comma ends an opening phrase, not a list: "In July 2005, four
    // Islamists killed 52 commuters".
    bool continues_excluded = i >= 2 && last_excluded_end == i - 1 &&
                              (IsAnyWord(W(i - 1), {"and", "to", "or"}) ||
                               (IsPunct(t_[i - 1], ',') && !last_excluded_year));
    if (continues_excluded || Excluded(rf)) {
      std::string_view raw = sc_.Raw(tok);
      last_excluded_year = tok.kind == TokKind::kNumber &&
                           raw.size() == 4 && raw.find_first_of(",.") == std::string_view::npos &&
                           rf.fig.low >= 1800 && rf.fig.low <= 2100 && rf.num_end == i + 1;
      i = std::max(rf.num_end, i + 1);
      last_excluded_end = i;
      continue;
    }
    ReadModifier(rf);
    // Ranges: "45-60", "4,000-6,000", "between 45 and 60", "45 to 60 people".
    size_t j = rf.num_end;
    RawFigure second;
    bool range = false;
    if (j + 1 < t_.size() && rf.fig.vague.empty()) {
      bool dash = IsPunct(t_[j], '-') && t_[j + 1].kind == TokKind::kNumber;
      bool between_and = rf.first + 1 == rf.num_begin && W(rf.first) == "between" && W(j) == "and";
      // "45 to 60 people", "four to five years".
      bool to = W(j) == "to" &&
                (t_[j + 1].kind == TokKind::kNumber ||
                 (t_[rf.num_begin].kind == TokKind::kWord && CompoundNumber(W(j + 1)) > 0)) &&
                !(rf.first > 0 && IsAnyWord(W(rf.first - 1), {"from", "rose", "risen"}));
      // "one or two of the tyres", "five or six children": a range in words.
      bool or_words = W(j) == "or" && t_[rf.num_begin].kind == TokKind::kWord &&
                      t_[j + 1].kind == TokKind::kWord && CompoundNumber(W(j + 1)) > 0;
      // "15 or 30-minute blocks", "10 or 12 miles": digits joined by "or" before a unit.
      bool or_digits = W(j) == "or" && t_[rf.num_begin].kind == TokKind::kNumber &&
                       t_[j + 1].kind == TokKind::kNumber && j + 2 < t_.size() &&
                       (FindUnit(W(j + 2)) != nullptr ||
                        (IsPunct(t_[j + 2], '-') && !t_[j + 2].space_before &&
                         FindUnit(W(j + 3)) != nullptr));
      // "$500 million to $600 million", "$ 10 to $ 40 million": a range of sums, the currency
      // written twice and the scale word perhaps only once.
      auto currency = [&](size_t k) {
        return k < t_.size() && t_[k].kind == TokKind::kPunct &&
               IsAnyWord(sc_.Raw(t_[k]), {"$", "€", "£", "#"});
      };
      bool money_between = W(j) == "and" && rf.num_begin >= 2 && W(rf.num_begin - 2) == "between";
      bool money_to = !dash && !to && (W(j) == "to" || IsPunct(t_[j], '-') || money_between) &&
                      rf.num_begin > 0 && currency(rf.num_begin - 1) && currency(j + 1) &&
                      j + 2 < t_.size() && t_[j + 2].kind == TokKind::kNumber &&
                      // "grew from $5 million to $9 million" is a change, not a range.
                      !(rf.first >= 2 && IsAnyWord(W(rf.first == rf.num_begin ? rf.first - 2
                                                                               : rf.first - 1),
                                                   {"from", "rose", "risen", "grew", "fell"})) &&
                      ParseNumberAt(j + 2, second);
      if (money_to && rf.num_end == rf.num_begin + 1 && second.num_end > second.num_begin + 1) {
        double digits = 0;
        int dec = 0;
        if (ParseDigits(sc_.Raw(t_[second.num_begin]), digits, dec) && digits > 0 &&
            rf.fig.low * (second.fig.low / digits) < second.fig.low) {
          rf.fig.low *= second.fig.low / digits;
          rf.fig.high = rf.fig.low;
        }
      }
      if ((money_to || ((dash || between_and || to || or_words || or_digits) &&
                        ParseNumberAt(j + 1, second))) &&
          second.fig.vague.empty() && second.fig.low > rf.fig.low &&
          (dash || money_to || !Excluded(second))) {
        rf.fig.high = second.fig.high;
        rf.fig.is_range = true;
        rf.num_end = second.num_end;
        rf.decimals = std::max(rf.decimals, second.decimals);
        range = true;
        // "$ 400-600m", "$2-3 billion": a scale after a sum's range applies to both ends.
        if (rf.num_begin > 0 && currency(rf.num_begin - 1) && rf.num_end < t_.size()) {
          double scale = ScaleWord(W(rf.num_end));
          if (W(rf.num_end) == "m" && !t_[rf.num_end].space_before) scale = 1e6;
          if (scale > 0) {
            rf.fig.low *= scale;
            rf.fig.high *= scale;
            ++rf.num_end;
          }
        }
        // "1-10 p.m.": a span of clock time.
        if (IsAnyWord(W(rf.num_end), {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"})) {
          i = rf.num_end + 1;
          continue;
        }
      } else if (between_and) {
        rf.first = rf.num_begin;
      }
    } else if (W(rf.first) == "between") {
      rf.first = rf.num_begin;
    }
    (void)range;
    ReadUnit(rf);
    // "$6-an-hour jobs", "a $700 million-a-year market": a rate glued to its number is not a
    // quantity of anything.
    if (rf.last < t_.size() &&
        ((IsPunct(t_[rf.last], '-') && !t_[rf.last].space_before &&
          (W(rf.last + 1).starts_with("a-") || W(rf.last + 1).starts_with("an-"))) ||
         W(rf.last).find("-a-") != std::string_view::npos ||
         W(rf.last).find("-an-") != std::string_view::npos)) {
      i = std::max(rf.last, i + 1);
      continue;
    }
    // A price or a frequency: "$2.83 a barrel", "$1,100 for each barrel", "$40 per share",
    // "36 times a day". A flow of money over time ("$350 million a year") stays a figure.
    {
      size_t r = rf.last;
      bool times = rf.fig.dimension.empty() && W(r) == "times";
      if (times) ++r;
      bool per = W(r) == "per" || W(r) == "apiece" ||
                 (W(r) == "for" && IsAnyWord(W(r + 1), {"each", "every"})) ||
                 (IsAnyWord(W(r), {"a", "an", "each", "every"}) &&
                  (times || IsAnyWord(W(r + 1), {"barrel", "share", "gallon", "hour", "ton",
                                                 "tonne", "litre", "liter", "pound", "ounce",
                                                 "kilo", "kilogram", "unit", "head", "person",
                                                 "piece", "ticket", "night", "seat", "vote",
                                                 "bushel", "acre", "hectare", "square",
                                                 "metre", "meter", "foot", "mile", "dose",
                                                 "pill", "tablet", "bottle", "pack", "room",
                                                 "bed", "kilometre", "kilometer"}))) ||
                 // "$ 80\/barrel", "$80/barrel": a price per unit written with a slash.
                 ((IsPunct(t_[r < t_.size() ? r : 0], '/') && r < t_.size() && IsWord(r + 1)) ||
                  (r + 2 < t_.size() && IsPunct(t_[r], '\\') && IsPunct(t_[r + 1], '/') &&
                   IsWord(r + 2)));
      // "4,000 times higher than the limit", "three times as many": a ratio.
      // "two times that of females", "50 to 100 times the rate": a ratio ("three times that
      // week" counts occasions).
      bool ratio_of = (IsAnyWord(W(r), {"that", "those"}) && W(r + 1) == "of") ||
                      (IsAnyWord(W(r), {"the", "its", "their"}) &&
                       IsAnyWord(W(r + 1), {"rate", "risk", "size", "amount", "number", "level",
                                            "average", "normal", "odds", "chance", "price",
                                            "cost", "speed", "value", "volume", "population",
                                            "national", "usual", "expected"}));
      per = per || (times && (ratio_of ||
                              IsAnyWord(W(r), {"more", "less", "as", "higher", "lower", "greater",
                                               "larger", "bigger", "faster", "over", "what"}) ||
                              (W(r).ends_with("er") && W(r + 1) == "than")));
      if (per && (times || rf.fig.dimension.starts_with("money:"))) {
        i = std::max(rf.last, i + 1);
        continue;
      }
    }
    // "10 percent to 20 percent", "3 km to 5 km": a range whose unit is written twice.
    if (!rf.fig.unit.empty() && !rf.fig.is_range && W(rf.last) == "to" &&
        rf.last + 1 < t_.size() && t_[rf.last + 1].kind == TokKind::kNumber) {
      RawFigure hi;
      if (ParseNumberAt(rf.last + 1, hi) && hi.fig.vague.empty() && hi.fig.low > rf.fig.low) {
        hi.first = hi.num_begin;
        ReadUnit(hi);
        if (hi.fig.unit == rf.fig.unit && hi.last > hi.num_end) {
          rf.fig.high = hi.fig.high;
          rf.fig.base_high = hi.fig.base_high;
          rf.fig.is_range = true;
          rf.last = hi.last;
        }
      }
    }
    if (rf.fig.dimension.empty() || rf.fig.base_low == 0) {
      rf.fig.base_low = rf.fig.low;
      rf.fig.base_high = rf.fig.high;
    }
    // "up from 25,000", "down from", "rose from 40 to 52": the text replaces this figure.
    // "up from the 11 it gave this morning".
    size_t from = rf.first >= 3 && W(rf.first - 1) == "the" ? rf.first - 1 : rf.first;
    if (from >= 2 && W(from - 1) == "from" &&
        IsAnyWord(W(from - 2), {"up", "down", "rose", "risen", "increased", "climbed",
                                "jumped", "fell", "fallen", "revised"}))
      rf.fig.superseded = true;
    // "wiped out 90 percent of the grapes, not 75 percent as it said at first": a value the
    // text corrects right after the figure it replaces.
    bool same_clause = !raws.empty() && raws.back().last <= rf.first - 2;
    for (size_t k = same_clause ? raws.back().last : 0; same_clause && k + 2 < rf.first; ++k)
      same_clause = IsWord(k);
    if (rf.first >= 2 && W(rf.first - 1) == "not" && IsPunct(t_[rf.first - 2], ',') &&
        same_clause && raws.back().fig.dimension == rf.fig.dimension) {
      rf.fig.superseded = true;
      rf.corrects_prev = true;
    }
    raws.push_back(std::move(rf));
    i = raws.back().last > i ? raws.back().last : i + 1;
  }
  if (raws.empty()) return;
  for (size_t r = 0; r < raws.size(); ++r) {
    ReadHead(raws[r], r > 0 ? &raws[r - 1] : nullptr);
    if (raws[r].corrects_prev) {
      raws[r].fig.head = raws[r - 1].fig.head;
      raws[r].fig.noun = raws[r - 1].fig.noun;
    }
  }
  // Coordination: "12 soldiers and four civilians were killed" shares the later outcome.
  for (size_t r = raws.size(); r-- > 1;) {
    RawFigure& a = raws[r - 1];
    const RawFigure& b = raws[r];
    if (a.coordinated && a.after_np + 1 == b.first && b.outcome_after && !b.fig.head.empty() &&
        (a.fig.head.empty() || a.fig.head == std::string_view(a.fig.noun) || !a.outcome_after)) {
      std::string noun = a.fig.head;
      a.fig.head = b.fig.head;
      a.fig.noun = noun;
    }
  }
  // Ellipsis of the counted noun: "injuring more than 400" after "killing 96 people".
  for (size_t r = 0; r < raws.size(); ++r) {
    Figure& f = raws[r].fig;
    if (!f.dimension.empty() || f.head.empty() || !f.noun.empty()) continue;
    if (!OutcomeAfter(f.head).empty() || f.head == "killed" || f.head == "population") {
      std::string noun;
      for (size_t p = r; p-- > 0;)
        if (!raws[p].fig.noun.empty() && raws[p].fig.dimension.empty()) {
          noun = raws[p].fig.noun;
          break;
        }
      f.noun = noun.empty() ? "people" : noun;
      if (f.head == "population") f.noun.clear();
    }
  }
  // Background statistics: a sentence naming a year ("in 1997", "since 1990") or a rate.
  bool names_year = false;
  for (size_t k = 0; k < t_.size() && !names_year; ++k) {
    std::string_view raw = sc_.Raw(t_[k]);
    names_year = t_[k].kind == TokKind::kNumber && raw.size() == 4 && raw[0] <= '2' &&
                 (raw.starts_with("19") || raw.starts_with("20")) &&
                 raw.find_first_of(",.") == std::string_view::npos;
    names_year = names_year || IsAnyWord(W(k), {"annually", "yearly", "last-year"}) ||
                 (IsAnyWord(W(k), {"last", "this", "each", "every", "per", "a"}) &&
                  IsAnyWord(W(k + 1), {"year", "decade", "century"})) ||
                 // "the crash of a train two years ago that killed 101 people": history.
                 (IsAnyWord(W(k), {"years", "decades", "year", "decade"}) && W(k + 1) == "ago");
  }
  std::vector<Cue> cues = FindCues(sc_, unit_.begin);
  for (RawFigure& rf : raws) {
    Figure& f = rf.fig;
    // What is counted is unknown: precision first.
    if (f.head.empty() || f.head == "percent") continue;
    // "The euro last traded at $1.3926": a sum written to three or more decimals is a rate.
    if (f.dimension.starts_with("money:") && rf.decimals >= 3) continue;
    // A head of one or two letters is no noun ("11 de junio", "4 x 4").
    if (f.head.size() <= 2) continue;
    // "724 inmates for every 100,000 residents", "5 deaths per 1,000 births": a rate.
    if (f.dimension.empty() && rf.has_np &&
        (W(rf.after_np) == "per" ||
         (W(rf.after_np) == "for" && IsAnyWord(W(rf.after_np + 1), {"every", "each"}))))
      continue;
    // "millions of dollars", "millions of miles": a figure of speech, not a stated amount.
    if (!f.vague.empty() && f.dimension.empty() &&
        IsAnyWord(f.head, {"dollars", "miles", "years", "times"}))
      continue;
    // "One soldier, who served in Iraq, said", "one executive familiar with the talks": one of
    // a plain noun introduces someone; it is no reported count (one person killed still is).
    if (f.low == 1 && !f.is_range && f.dimension.empty() && f.vague.empty() &&
        OutcomeAfter(f.head).empty() && f.head != "killed" && sc_.Raw(t_[rf.num_begin]).size() == 3)
      continue;
    bool speaker_one = false;
    for (const Cue& c : cues)
      speaker_one = speaker_one || (f.low == 1 && !f.is_range && f.dimension.empty() &&
                                    rf.first >= c.subject_begin && rf.last <= c.subject_end + 1 &&
                                    c.subject_end > c.subject_begin);
    if (speaker_one) continue;
    // "a 20-year low", "a 10-year high": a record, not a quantity.
    if (f.dimension == "duration" &&
        IsAnyWord(W(rf.last), {"low", "lows", "high", "highs", "record", "peak", "best", "worst"}))
      continue;
    // "8,000 years ago", "millions of years old": a point in time or an age, not a quantity.
    if ((f.dimension == "duration" ||
         IsAnyWord(f.head, {"years", "months", "weeks", "days", "decades", "centuries"})) &&
        IsAnyWord(W(f.dimension.empty() ? rf.after_np : rf.last), {"ago", "old"}))
      continue;
    f.article = article_.index;
    f.sentence = unit_index_;
    f.span = ToSpan(rf.first, rf.last);
    f.text = std::string(article_.View(f.span));
    f.attribution = AttributionFor(cues, t_, rf.first, rf.last, unit_.begin);
    // A correction: "An earlier version of this article said 12 guards had been injured."
    // The text withdraws the figure; no one claims it.
    if (IsRetraction(f.attribution.source)) {
      f.attribution = {};
      f.superseded = true;
    }
    if (f.attribution.empty() && speaker_ != nullptr) f.attribution = *speaker_;
    f.general = f.general || names_year;
    out.push_back(std::move(f));
  }
}

// A speaker label opening a paragraph of a transcript ("ODUYA: It is very bad.", "DR MIRIAM
// ODUYA:"): upper-case words, at most four, then ": ". Returns the label's length, else 0.
size_t LabelAt(std::string_view text, size_t pos) {
  size_t i = pos, words = 1, letters = 0;
  while (i < text.size() && i < pos + 40) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++letters;
    } else if (c == ' ') {
      if (++words > 4) return 0;
    } else if (c == ':') {
      break;
    } else if (c != '.' && c != '\'' && c != '-') {
      return 0;
    }
    ++i;
  }
  // "Q:" is the one single-letter label (an interviewer's question).
  bool q = i == pos + 1 && text[pos] == 'Q';
  if (i >= text.size() || text[i] != ':' || (letters < 2 && !q) || i == pos || text[i - 1] == ' ' ||
      i + 1 >= text.size() || text[i + 1] != ' ')
    return 0;
  return i - pos;
}

}  // namespace

std::vector<Attribution> TranscriptSpeakers(const Article& article, const std::vector<Span>& units) {
  std::vector<Attribution> out(units.size());
  std::string_view text = article.text;
  std::vector<Span> labels(units.size());
  std::vector<std::string> distinct;
  for (size_t u = 0; u < units.size(); ++u) {
    if (units[u].begin > text.size()) continue;
    // The paragraph the sentence belongs to: its block, else its line.
    size_t start = 0;
    bool found = false;
    for (const Block& b : article.blocks) {
      if (b.span.begin <= units[u].begin && units[u].begin < b.span.end) {
        start = b.span.begin;
        found = true;
        break;
      }
    }
    if (!found) {
      size_t nl = text.rfind('\n', units[u].begin == 0 ? 0 : units[u].begin - 1);
      start = nl == std::string_view::npos || units[u].begin == 0 ? 0 : nl + 1;
    }
    while (start < text.size() && (text[start] == ' ' || text[start] == '\n')) ++start;
    size_t len = LabelAt(text, start);
    if (len == 0) continue;
    labels[u] = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(start + len)};
    std::string label(text.substr(start, len));
    if (std::find(distinct.begin(), distinct.end(), label) == distinct.end())
      distinct.push_back(label);
  }
  auto lower_of = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return s;
  };
  auto is_role = [](const std::string& lower) {
    return IsAnyWord(lower, {"host", "presenter", "anchor", "reporter", "correspondent",
                             "narrator", "interviewer", "moderator", "newsreader", "announcer",
                             "q", "question"});
  };
  // One label is a dateline ("NEW DELHI: ..."), and labels without a host, presenter,
  // reporter or interviewer are section heads ("IMPACT: ...", "HOW IT WORKS: ..."): a
  // transcript has a role label and at least one other speaker.
  bool role = false;
  for (const std::string& l : distinct) role = role || is_role(lower_of(l));
  if (distinct.size() < 2 || !role) return out;
  // "Our reporter Filip Dvorak is in Tessaly": the reporter's label ("DVORAK:") is a role too.
  std::vector<std::string> reporters;
  for (std::string_view cue : {"reporter ", "correspondent ", "Reporter ", "Correspondent "}) {
    for (size_t at = text.find(cue); at != std::string_view::npos; at = text.find(cue, at + 1)) {
      size_t k = at + cue.size();
      std::string last;
      while (k < text.size() && text[k] >= 'A' && text[k] <= 'Z') {
        size_t e = k;
        while (e < text.size() && ((text[e] >= 'a' && text[e] <= 'z') ||
                                   (text[e] >= 'A' && text[e] <= 'Z') || text[e] == '-'))
          ++e;
        last = std::string(text.substr(k, e - k));
        if (e >= text.size() || text[e] != ' ') break;
        k = e + 1;
      }
      if (!last.empty()) reporters.push_back(lower_of(last));
    }
  }
  for (size_t u = 0; u < units.size(); ++u) {
    if (labels[u].empty()) continue;
    std::string label(text.substr(labels[u].begin, labels[u].end - labels[u].begin));
    std::string lower = lower_of(label);
    // The host's and the reporter's own words are the outlet's; other labels are not people.
    bool reporter = false;
    for (const std::string& r : reporters) reporter = reporter || lower == r || lower.ends_with(" " + r);
    if (is_role(lower) || reporter ||
        IsAnyWord(lower, {"a", "answer", "update", "updated", "breaking",
                          "correction", "note", "editor's note", "watch", "live", "alert",
                          "urgent", "flash", "exclusive", "analysis", "opinion", "video",
                          "audio", "photo", "source", "sources", "read more", "related",
                          "caption", "image", "advisory", "clarification", "warning"}))
      continue;
    out[u].source = std::move(label);
    out[u].span = labels[u];
  }
  return out;
}

bool IsAnyWord(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace figures

const char* FigureModifierName(FigureModifier modifier) {
  switch (modifier) {
    case FigureModifier::kNone: return "";
    case FigureModifier::kAbout: return "about";
    case FigureModifier::kMoreThan: return "more than";
    case FigureModifier::kAtLeast: return "at least";
    case FigureModifier::kUpTo: return "up to";
    case FigureModifier::kLessThan: return "less than";
  }
  return "";
}

std::vector<Figure> ExtractFigures(const Article& article) {
  std::vector<Figure> out;
  thread_local figures::Scanner scanner;
  std::vector<Span> units = figures::ScanUnits(article);
  std::vector<Attribution> speakers = figures::TranscriptSpeakers(article, units);
  for (size_t u = 0; u < units.size(); ++u) {
    Span s = units[u];
    if (s.end > article.text.size() || s.empty()) continue;
    std::string_view text = article.View(s);
    // Fast path: no digit and no letter that can start a number word or vague quantity.
    bool maybe = false;
    for (char c : text) {
      if ((c >= '0' && c <= '9')) {
        maybe = true;
        break;
      }
    }
    if (!maybe) {
      static constexpr std::string_view kStarts[] = {
          "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
          "eighty", "ninety", "dozen", "hundreds", "thousands", "tens", "scores", "millions",
          // "several hundred", "a few thousand", "half a million".
          "hundred", "thousand", "million", "billion"};
      for (std::string_view k : kStarts) {
        for (size_t p = text.find(k); p != std::string_view::npos; p = text.find(k, p + 1)) {
          if (p == 0 || text[p - 1] == ' ') {
            maybe = true;
            break;
          }
        }
        if (maybe) break;
        // Capitalized at the sentence start, or after an opening quote or bracket there:
        // '"Nine workers were injured," said ...'.
        // A bullet ("- Dozens of homes destroyed") opens a line like a quote does.
        size_t s0 = 0;
        while (s0 < text.size() && s0 < 4 &&
               (text[s0] == '"' || text[s0] == '\'' || text[s0] == '(' || text[s0] == '`' ||
                text[s0] == '-' || text[s0] == '*' || text[s0] == ' '))
          ++s0;
        if (text.substr(s0, 3) == "\xE2\x80\xA2") {  // "•"
          s0 += 3;
          while (s0 < text.size() && text[s0] == ' ') ++s0;
        }
        if (text.size() >= s0 + k.size() && (text[s0] | 0x20) == k[0] &&
            text.substr(s0 + 1, k.size() - 1) == k.substr(1)) {
          maybe = true;
          break;
        }
      }
    }
    if (!maybe) continue;
    scanner.Scan(text);
    const Attribution* speaker = u < speakers.size() && !speakers[u].empty() ? &speakers[u]
                                                                             : nullptr;
    figures::SentenceReader reader(article, s, static_cast<uint32_t>(u), scanner, speaker);
    reader.Read(out);
  }
  return out;
}

}  // namespace sitrep
