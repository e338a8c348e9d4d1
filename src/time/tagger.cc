// The temporal tagger: tokens -> rules -> resolver. See include/sitrep/time.h for the contract.
//
// Why rules in code and words in a table: the word classes (months, units, number words ...) are
// data anyone can extend (data/time/time-lexicon.tsv); the rules are small functions, each with a
// test in tagger_test.cc, because each needs resolution logic (tense, narrative anchor, ISO weeks)
// that a pattern language would hide. At every token all rules are tried and the longest match
// wins, so "Monday, 6 November, 2017 - 13:30" beats "Monday" and "6 November".
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "core/data.h"
#include "sitrep/time.h"
#include "time/calendar.h"

namespace sitrep {

namespace ti = time_internal;

const char* TimeTypeName(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

namespace {

// ---------------------------------------------------------------------------------------------
// Word table

struct Lex {
  int month = 0;
  int weekday = 0;
  int ordinal = 0;
  double number = -1;
  std::string_view unit, season, daypart, deictic, ref, set, holiday, approx, position;
};

using LexMap = std::unordered_map<std::string_view, Lex>;

const LexMap& Lexicon() {
  static const LexMap* const kLex = [] {
    auto* map = new LexMap();
    for (std::string_view line : EmbeddedLines("time-lexicon.tsv")) {
      std::array<std::string_view, 3> f;
      size_t n = 0;
      while (!line.empty() && n < 3) {
        size_t cut = line.find_first_of("\t ");
        f[n++] = line.substr(0, cut);
        line = cut == std::string_view::npos ? std::string_view() : line.substr(cut);
        while (!line.empty() && (line.front() == '\t' || line.front() == ' ')) line.remove_prefix(1);
      }
      if (n < 3) continue;
      Lex& e = (*map)[f[0]];
      const std::string_view cls = f[1], v = f[2];
      auto to_int = [](std::string_view s) {
        int x = 0;
        std::from_chars(s.data(), s.data() + s.size(), x);
        return x;
      };
      if (cls == "month") e.month = to_int(v);
      else if (cls == "weekday") e.weekday = to_int(v);
      else if (cls == "ordinal") e.ordinal = to_int(v);
      else if (cls == "number") {
        double x = 0;
        std::from_chars(v.data(), v.data() + v.size(), x);
        e.number = x;
      } else if (cls == "unit") e.unit = v;
      else if (cls == "season") e.season = v;
      else if (cls == "daypart") e.daypart = v;
      else if (cls == "deictic") e.deictic = v;
      else if (cls == "ref") e.ref = v;
      else if (cls == "set") e.set = v;
      else if (cls == "holiday") e.holiday = v;
      else if (cls == "approx") e.approx = v;
      else if (cls == "position") e.position = v;
    }
    return map;
  }();
  return *kLex;
}

// ---------------------------------------------------------------------------------------------
// Tokens

enum class Kind : uint8_t { kWord, kNumber, kPunct };

struct Tok {
  uint32_t b = 0, e = 0;
  Kind kind = Kind::kPunct;
  bool space_before = false;
  bool cap = false;           // starts with an upper-case ASCII letter
  int64_t num = -1;           // value of a digit run (up to 9 digits)
  uint8_t digits = 0;
  std::string_view low;       // lower-cased text
  const Lex* lex = nullptr;
};

bool IsAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Granularity of a calendar reading.
enum class Gran : uint8_t { kNone, kCentury, kDecade, kYear, kHalf, kQuarter, kSeason, kMonth,
                            kWeekend, kWeek, kDay };

struct Match {
  size_t end = 0;             // exclusive token index
  TimeType type = TimeType::kDate;
  std::string value;
  std::string mod;
  Gran gran = Gran::kNone;
  CivilDate first, last;      // covered days (when gran != kNone)
  CivilDate at;               // the date at the value's precision
  bool relative = false;
  bool anchor = false;        // a complete day later narrative expressions may refer to
};

// Relation words before a unit/month/weekday/season: offset and whether it is narrative.
struct Relation {
  int offset = 0;
  bool narrative = false;
};
bool RelationOf(std::string_view w, Relation* r) {
  if (w == "this" || w == "current") { *r = {0, false}; return true; }
  if (w == "last" || w == "past" || w == "previous") { *r = {-1, false}; return true; }
  if (w == "next" || w == "coming") { *r = {1, false}; return true; }
  if (w == "following" || w == "subsequent") { *r = {1, true}; return true; }
  if (w == "same" || w == "that") { *r = {0, true}; return true; }
  return false;
}

bool IsFutureWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"will", "ll", "shall", "scheduled", "upcoming",
                                                "plans", "planning", "next", "tomorrow"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

constexpr bool kUseEdSuffix = false;  // all dates: worse on TimeBank (76.1 vs 76.4 value F1)
// A regular past form ("closed", "reported"): a weaker past marker, used for bare months only,
// where a wrong year costs most (measured on TimeBank/AQUAINT).
bool IsEdVerb(std::string_view w) {
  return w.size() > 4 && w.ends_with("ed") && w != "scheduled" && w != "expected" &&
         w != "planned" && w != "needed";
}
bool IsPastWord(std::string_view w) {
  // Reporting verbs ("said", "told") are left out: they date the report, not the event.
  static constexpr std::string_view kWords[] = {"was", "were", "had", "did", "ago", "last",
                                                "came", "began", "took", "held", "met", "left",
                                                "went", "made", "saw", "won", "lost", "fell",
                                                "rose", "gave", "earlier", "yesterday"};
  if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
  return kUseEdSuffix && w.size() > 4 && w.substr(w.size() - 2) == "ed" && w != "scheduled" &&
         w != "expected" && w != "planned";
}

bool IsTimeZone(std::string_view w) {
  static constexpr std::string_view kZones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst",
                                                "pdt", "gmt", "utc", "bst", "cet", "cest", "et"};
  return std::find(std::begin(kZones), std::end(kZones), w) != std::end(kZones);
}

std::string FormatNumber(double x) {
  char buf[32];
  if (std::floor(x) == x) std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(x));
  else std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

// TIMEX3 duration value of `n` units ("X" when vague).
std::string DurationValue(std::string_view unit, double n, bool vague) {
  const std::string q = vague ? "X" : FormatNumber(n);
  // TimeBank writes decades and centuries in years ("two decades" = P20Y).
  if (unit == "DE") return vague ? "PXDE" : "P" + FormatNumber(n * 10) + "Y";
  if (unit == "CE") return vague ? "PXCE" : "P" + FormatNumber(n * 100) + "Y";
  if (unit == "H") return "PT" + q + "H";
  if (unit == "MIN") return "PT" + q + "M";
  if (unit == "S") return "PT" + q + "S";
  if (unit == "FN") return vague ? "PXW" : "P" + FormatNumber(n * 2) + "W";
  return "P" + q + std::string(unit);
}

int SeasonStartMonth(std::string_view s) {
  if (s == "SP") return 3;
  if (s == "SU") return 6;
  if (s == "FA") return 9;
  return 12;  // WI starts in December of the season's year
}

// ---------------------------------------------------------------------------------------------
// The tagger

class Tagger {
 public:
  Tagger(std::string_view text, CivilDate reference, const TimeOptions& options)
      : text_(text), options_(options) {
    have_ref_ = reference.IsComplete() && reference.month <= 12 &&
                reference.day <= ti::DaysInMonth(reference.year, reference.month);
    // Without a usable reference, resolve against a stand-in and mask the digits afterwards.
    ref_ = have_ref_ ? reference : CivilDate{2000, 6, 15};
    anchor_ = ref_;
    Tokenize();
  }

  std::vector<TimeExpr> Run() {
    std::vector<TimeExpr> out;
    size_t i = 0;
    while (i < toks_.size()) {
      Match best;
      if (IsTrigger(i) && TryAt(i, &best)) {
        Emit(i, best, out);
        i = best.end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  // ---- tokens ----
  void Tokenize() {
    const size_t n = std::min<uint64_t>(text_.size(), options_.max_text_bytes);
    lower_.resize(n);
    for (size_t k = 0; k < n; ++k) {
      unsigned char c = static_cast<unsigned char>(text_[k]);
      lower_[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : static_cast<char>(c);
    }
    const LexMap& lex = Lexicon();
    toks_.reserve(n / 5 + 4);
    bool space = true;
    size_t k = 0;
    while (k < n) {
      unsigned char c = static_cast<unsigned char>(text_[k]);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        space = true;
        ++k;
        continue;
      }
      Tok t;
      t.b = static_cast<uint32_t>(k);
      t.space_before = space;
      space = false;
      if (IsAlpha(c) || c >= 0x80) {
        size_t j = k;
        while (j < n && (IsAlpha(static_cast<unsigned char>(text_[j])) ||
                         static_cast<unsigned char>(text_[j]) >= 0x80)) {
          ++j;
        }
        t.kind = Kind::kWord;
        t.cap = c >= 'A' && c <= 'Z';
        t.e = static_cast<uint32_t>(j);
        t.low = std::string_view(lower_).substr(k, j - k);
        if (t.low.size() <= 16) {
          auto it = lex.find(t.low);
          if (it != lex.end()) t.lex = &it->second;
        }
        k = j;
      } else if (IsDigit(c)) {
        size_t j = k;
        while (j < n && IsDigit(static_cast<unsigned char>(text_[j]))) ++j;
        t.kind = Kind::kNumber;
        t.e = static_cast<uint32_t>(j);
        t.digits = static_cast<uint8_t>(std::min<size_t>(j - k, 255));
        if (j - k <= 9) {
          int64_t v = 0;
          for (size_t x = k; x < j; ++x) v = v * 10 + (text_[x] - '0');
          t.num = v;
        }
        t.low = std::string_view(lower_).substr(k, j - k);
        k = j;
      } else {
        // One punctuation character (a whole UTF-8 sequence is a word above).
        t.kind = Kind::kPunct;
        t.e = static_cast<uint32_t>(k + 1);
        t.low = std::string_view(lower_).substr(k, 1);
        k = k + 1;
      }
      toks_.push_back(t);
    }
  }

  size_t N() const { return toks_.size(); }
  bool W(size_t i, std::string_view w) const {
    return i < N() && toks_[i].kind == Kind::kWord && toks_[i].low == w;
  }
  bool P(size_t i, char c) const {
    return i < N() && toks_[i].kind == Kind::kPunct && toks_[i].low[0] == c;
  }
  bool Num(size_t i) const { return i < N() && toks_[i].kind == Kind::kNumber; }
  // Token i directly follows token i-1 (no space).
  bool Glued(size_t i) const { return i < N() && !toks_[i].space_before; }
  const Lex* L(size_t i) const { return i < N() ? toks_[i].lex : nullptr; }

  bool IsTrigger(size_t i) const {
    const Tok& t = toks_[i];
    if (t.kind == Kind::kNumber) return true;
    if (t.kind == Kind::kPunct) return t.low[0] == '\'';
    if (t.lex) return true;
    static constexpr std::string_view kWords[] = {
        "the", "this", "last", "next", "past", "previous", "coming", "following", "that",
        "more", "less", "at", "up", "every", "each", "noon", "midnight", "midday", "new",
        "fiscal", "end", "beginning", "start", "middle", "these", "mid", "year", "half",
        "several", "few", "many", "couple", "same", "ages"};
    return std::find(std::begin(kWords), std::end(kWords), t.low) != std::end(kWords);
  }

  // ---- context ----
  // +1 future, -1 past, 0 unknown: tense markers in the sentence around token i.
  int Tense(size_t i, bool ed_suffix = false) const {
    bool past = false;
    for (size_t k = i; k-- > 0 && i - k <= 14;) {
      const Tok& t = toks_[k];
      if (t.kind == Kind::kPunct && (t.low[0] == '.' || t.low[0] == '!' || t.low[0] == '?') &&
          (k + 1 < N() && toks_[k + 1].cap)) {
        break;
      }
      if (t.kind != Kind::kWord) continue;
      if (IsFutureWord(t.low)) return 1;
      if (IsPastWord(t.low) || (ed_suffix && IsEdVerb(t.low))) past = true;
    }
    for (size_t k = i; k < N() && k - i <= 10; ++k) {
      const Tok& t = toks_[k];
      if (t.kind == Kind::kPunct && (t.low[0] == '.' || t.low[0] == '!' || t.low[0] == '?')) break;
      if (t.kind != Kind::kWord) continue;
      if (t.low == "will" || t.low == "ll" || t.low == "shall") return 1;
      if (IsPastWord(t.low) || (ed_suffix && IsEdVerb(t.low))) past = true;
    }
    return past ? -1 : 0;
  }

  // The year of a month (and day, 0 = the month) named without one, chosen by tense around tok.
  int InferYear(int month, int day, size_t tok) const {
    const int tense = Tense(tok, /*ed_suffix=*/day == 0);
    const int64_t ref_days = ref_.ToDays();
    int best = ref_.year;
    int64_t best_cost = INT64_MAX;
    for (int y = ref_.year - 1; y <= ref_.year + 1; ++y) {
      CivilDate first{y, month, day == 0 ? 1 : std::min(day, ti::DaysInMonth(y, month))};
      CivilDate last{y, month, day == 0 ? ti::DaysInMonth(y, month) : first.day};
      int64_t d_first = first.ToDays() - ref_days, d_last = last.ToDays() - ref_days;
      int64_t cost;
      if (d_first <= 0 && d_last >= 0) cost = 0;  // contains the reference
      else cost = std::min(std::llabs(d_first), std::llabs(d_last));
      // Tense moves the choice to the side it names (a small slack for same-week mentions).
      if (tense > 0 && d_last < -3) cost += 400;
      if (tense < 0 && d_first > 31) cost += 400;
      if (cost < best_cost) {
        best_cost = cost;
        best = y;
      }
    }
    return best;
  }

  // ---- results ----
  static void SetDay(Match* m, CivilDate d) {
    m->gran = Gran::kDay;
    m->first = m->last = m->at = d;
    m->value = ti::FormatDay(d);
    m->anchor = true;
  }
  static void SetMonth(Match* m, int y, int mo) {
    m->gran = Gran::kMonth;
    m->at = CivilDate{y, mo, 0};
    m->first = CivilDate{y, mo, 1};
    m->last = CivilDate{y, mo, ti::DaysInMonth(y, mo)};
    m->value = ti::FormatMonth(y, mo);
  }
  static void SetYear(Match* m, int y) {
    m->gran = Gran::kYear;
    m->at = CivilDate{y, 0, 0};
    m->first = CivilDate{y, 1, 1};
    m->last = CivilDate{y, 12, 31};
    m->value = ti::FormatYear(y);
  }
  static void SetWeek(Match* m, CivilDate in_week, bool weekend) {
    const ti::IsoWeek w = ti::IsoWeekOf(in_week);
    const CivilDate monday = ti::MondayOfIsoWeek(w.year, w.week);
    m->gran = weekend ? Gran::kWeekend : Gran::kWeek;
    m->first = ti::AddDays(monday, weekend ? 5 : 0);
    m->last = ti::AddDays(monday, 6);
    m->at = CivilDate{monday.year, monday.month, 0};
    m->value = ti::FormatWeek(w) + (weekend ? "-WE" : "");
  }
  static void SetQuarter(Match* m, int y, int q) {
    m->gran = Gran::kQuarter;
    m->at = CivilDate{y, 0, 0};
    m->first = CivilDate{y, 3 * q - 2, 1};
    m->last = CivilDate{y, 3 * q, ti::DaysInMonth(y, 3 * q)};
    m->value = ti::FormatYear(y) + "-Q" + std::to_string(q);
  }
  static void SetHalf(Match* m, int y, int h) {
    m->gran = Gran::kHalf;
    m->at = CivilDate{y, 0, 0};
    m->first = CivilDate{y, h == 1 ? 1 : 7, 1};
    m->last = CivilDate{y, h == 1 ? 6 : 12, h == 1 ? 30 : 31};
    m->value = ti::FormatYear(y) + "-H" + std::to_string(h);
  }
  static void SetSeason(Match* m, int y, std::string_view s) {
    m->gran = Gran::kSeason;
    m->at = CivilDate{y, 0, 0};
    const int start = SeasonStartMonth(s);
    m->first = CivilDate{y, start, 1};
    const CivilDate end = ti::AddMonths(CivilDate{y, start, 1}, 2);
    m->last = CivilDate{end.year, end.month, ti::DaysInMonth(end.year, end.month)};
    m->value = ti::FormatYear(y) + "-" + std::string(s);
  }
  static void SetRef(Match* m, std::string_view ref) {
    m->gran = Gran::kNone;
    m->value = std::string(ref);
  }
  static void SetDuration(Match* m, std::string_view unit, double n, bool vague) {
    m->type = TimeType::kDuration;
    m->gran = Gran::kNone;
    m->value = DurationValue(unit, n, vague);
  }

  // Shift of `unit` (Y M W D Q DE CE WE) by `offset` from date `base`, at the unit's precision.
  static bool SetRelativeUnit(Match* m, CivilDate base, std::string_view unit, int offset) {
    if (unit == "D") {
      SetDay(m, ti::AddDays(base, offset));
    } else if (unit == "W") {
      SetWeek(m, ti::AddDays(base, 7 * offset), false);
    } else if (unit == "WE") {
      // "last weekend": the weekend before the reference; "this weekend": the coming one.
      CivilDate d = offset < 0 ? ti::WeekdayOnOrBefore(ti::AddDays(base, -1), 6)
                  : offset > 0 ? ti::AddDays(ti::WeekdayOnOrAfter(base, 6), 7)
                               : ti::WeekdayOnOrAfter(base, 6);
      SetWeek(m, d, true);
    } else if (unit == "M") {
      CivilDate d = ti::AddMonths(CivilDate{base.year, base.month, 1}, offset);
      SetMonth(m, d.year, d.month);
    } else if (unit == "Q") {
      int idx = base.year * 4 + (base.month - 1) / 3 + offset;
      SetQuarter(m, idx / 4, idx % 4 + 1);
    } else if (unit == "Y") {
      SetYear(m, base.year + offset);
    } else if (unit == "DE") {
      m->gran = Gran::kDecade;
      const int decade = base.year / 10 + offset;
      m->at = CivilDate{decade * 10, 0, 0};
      m->first = CivilDate{decade * 10, 1, 1};
      m->last = CivilDate{decade * 10 + 9, 12, 31};
      m->value = std::to_string(decade);
    } else if (unit == "CE") {
      m->gran = Gran::kCentury;
      const int century = base.year / 100 + offset;
      m->at = CivilDate{century * 100, 0, 0};
      m->first = CivilDate{century * 100, 1, 1};
      m->last = CivilDate{century * 100 + 99, 12, 31};
      m->value = std::to_string(century);
    } else {
      return false;
    }
    m->relative = true;
    return true;
  }

  void Emit(size_t first_tok, const Match& m, std::vector<TimeExpr>& out) {
    TimeExpr e;
    e.span = Span{toks_[first_tok].b, toks_[m.end - 1].e};
    e.type = m.type;
    e.value = m.value;
    e.mod = m.mod;
    e.relative = m.relative;
    if (m.relative && !have_ref_) {
      // Masked: the digits came from the stand-in reference.
      if (m.type == TimeType::kDate || m.type == TimeType::kTime) {
        for (char& c : e.value) {
          if (IsDigit(static_cast<unsigned char>(c))) c = 'X';
        }
      }
    } else if (m.gran != Gran::kNone && m.type != TimeType::kDuration &&
               m.type != TimeType::kSet) {
      e.date = m.at;
      e.first_day = m.first;
      e.last_day = m.last;
      if (m.anchor && options_.narrative_anchor) anchor_ = m.first;
    }
    out.push_back(std::move(e));
  }

  // ---- rules ----
  bool TryAt(size_t i, Match* best) {
    Match m;
    size_t best_end = 0;
    auto consider = [&](bool ok) {
      if (ok && m.end > best_end) {
        best_end = m.end;
        *best = m;
      }
      m = Match();
    };
    // Modifiers that belong to the expression: "about", "more than", "early", "the end of".
    size_t j = i;
    std::string mod;
    bool position = false;
    for (int round = 0; round < 2; ++round) {
      size_t k = j;
      std::string md;
      if (W(k, "more") && W(k + 1, "than")) { k += 2; md = "MORE_THAN"; }
      else if (W(k, "less") && W(k + 1, "than")) { k += 2; md = "LESS_THAN"; }
      else if (W(k, "at") && (W(k + 1, "least") || W(k + 1, "most"))) {
        md = W(k + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
        k += 2;
      } else if (W(k, "up") && W(k + 1, "to")) { k += 2; md = "EQUAL_OR_LESS"; }
      else if (W(k, "no") && W(k + 1, "more") && W(k + 2, "than")) { k += 3; md = "EQUAL_OR_LESS"; }
      else if ((W(k, "the") || k == j) &&
               (W(k + (W(k, "the") ? 1 : 0), "end") || W(k + (W(k, "the") ? 1 : 0), "beginning") ||
                W(k + (W(k, "the") ? 1 : 0), "start") || W(k + (W(k, "the") ? 1 : 0), "middle")) &&
               W(k + (W(k, "the") ? 2 : 1), "of")) {
        const size_t w = k + (W(k, "the") ? 1 : 0);
        md = toks_[w].low == "end" ? "END" : toks_[w].low == "middle" ? "MID" : "START";
        k = w + 2;
        position = true;
      } else if (L(k) && !L(k)->position.empty() && !position) {
        const std::string_view p = L(k)->position;
        md = p == "-" ? "" : std::string(p);
        k += 1;
        if (P(k, '-') && Glued(k)) ++k;  // "mid-October"
        position = true;
      } else if (L(k) && !L(k)->approx.empty() && !W(k, "some") && !W(k, "over")) {
        md = std::string(L(k)->approx);
        k += 1;
      }
      if (k == j) break;
      j = k;
      mod = md.empty() ? mod : md;
    }
    const bool has_prefix = j > i;
    m = Match();
    consider(TimeOfDay(j, &m));
    consider(NumericDate(j, &m));
    consider(MonthFirst(j, &m));
    consider(DayFirst(j, &m));
    consider(Weekday(j, &m));
    consider(Ago(j, &m));
    consider(QuarterOrHalf(j, &m));
    consider(Duration(j, &m));
    consider(Year(j, has_prefix, &m));
    consider(Decade(j, &m));
    consider(Deictic(j, &m));
    consider(RelativeExpr(j, &m));
    consider(Narrative(j, &m));
    consider(RefWord(j, &m));
    consider(SetExpr(j, &m));
    consider(Holiday(j, &m));
    if (best_end == 0) return false;
    if (!mod.empty()) best->mod = mod;
    // "earlier this year" and "early next year" keep the value; a prefix on a bare reference word
    // ("about now") is not part of it.
    return true;
  }

  // Reads a cardinal at i: digits, number words ("twenty-five", "two hundred"), "a"/"an",
  // or a vague quantity ("several", "a few", "many"). Returns the token after it.
  size_t Quantity(size_t i, double* value, bool* vague) const {
    *vague = false;
    if (i >= N()) return i;
    if (W(i, "several") || W(i, "many") || W(i, "few") || W(i, "some")) {
      *vague = true;
      *value = 0;
      return i + 1;
    }
    if ((W(i, "a") || W(i, "the")) && (W(i + 1, "few") || W(i + 1, "couple"))) {
      *vague = true;
      *value = 0;
      return W(i + 2, "of") ? i + 3 : i + 2;
    }
    if (Num(i) && toks_[i].num >= 0) {
      double v = static_cast<double>(toks_[i].num);
      size_t k = i + 1;
      // "1.5", "20,000"
      if (P(k, '.') && Glued(k) && Num(k + 1) && Glued(k + 1) && toks_[k + 1].num >= 0) {
        v += toks_[k + 1].num / std::pow(10.0, toks_[k + 1].digits);
        k += 2;
      } else {
        while (P(k, ',') && Glued(k) && Num(k + 1) && Glued(k + 1) && toks_[k + 1].digits == 3) {
          v = v * 1000 + static_cast<double>(toks_[k + 1].num);
          k += 2;
        }
      }
      *value = v;
      return k;
    }
    const Lex* lx = L(i);
    if (!lx || lx->number < 0) return i;
    double v = lx->number;
    size_t k = i + 1;
    if (W(i, "a") || W(i, "an")) {
      if (L(k) && L(k)->number >= 100) {  // "a hundred years"
        v = L(k)->number;
        ++k;
      }
      *value = v;
      return k;
    }
    if (W(i, "half")) {
      *value = 0.5;
      return (W(k, "a") || W(k, "an")) ? k + 1 : k;
    }
    // "twenty-five", "twenty five"
    if (v >= 20 && v < 100) {
      size_t h = P(k, '-') && Glued(k) ? k + 1 : k;
      if (L(h) && L(h)->number >= 1 && L(h)->number < 10 && !W(h, "a") && !W(h, "an")) {
        v += L(h)->number;
        k = h + 1;
      }
    }
    if (L(k) && (L(k)->number == 100 || L(k)->number == 1000) && !W(k, "a")) {
      v *= L(k)->number;
      ++k;
    }
    *value = v;
    return k;
  }

  // "a.m.", "am", "p.m" at i: returns the end (i when absent) and whether it is p.m.
  size_t AmPm(size_t i, bool* pm) const {
    if (W(i, "am") || W(i, "pm")) {
      *pm = W(i, "pm");
      return i + 1;
    }
    if ((W(i, "a") || W(i, "p")) && P(i + 1, '.') && Glued(i + 1) && W(i + 2, "m") &&
        Glued(i + 2)) {
      *pm = W(i, "p");
      size_t k = i + 3;
      if (P(k, '.') && Glued(k)) ++k;
      return k;
    }
    return i;
  }

  // Day of month at i ("6", "6th", "sixth"): returns end, fills day.
  size_t DayOfMonth(size_t i, int* day) const {
    if (Num(i) && toks_[i].digits <= 2 && toks_[i].num >= 1 && toks_[i].num <= 31) {
      *day = static_cast<int>(toks_[i].num);
      size_t k = i + 1;
      if (Glued(k) && (W(k, "st") || W(k, "nd") || W(k, "rd") || W(k, "th"))) ++k;
      return k;
    }
    if (L(i) && L(i)->ordinal >= 1 && L(i)->ordinal <= 31) {
      *day = L(i)->ordinal;
      return i + 1;
    }
    return i;
  }

  // A 4-digit year at i (1000..2199), optionally "'97"-style two digits after an apostrophe.
  size_t YearAt(size_t i, int* year) const {
    if (Num(i) && toks_[i].digits == 4 && toks_[i].num >= 1000 && toks_[i].num <= 2199) {
      *year = static_cast<int>(toks_[i].num);
      return i + 1;
    }
    return i;
  }

  // A time of day at i: "3 p.m.", "10:35 a.m.", "13:30", "noon", "midnight"; then an optional
  // day ("Friday", "yesterday", "Nov. 9"). Sets m->value's time part in *hhmm.
  size_t ClockAt(size_t i, std::string* hhmm) const {
    if (W(i, "noon") || W(i, "midday")) {
      *hhmm = "T12:00";
      return i + 1;
    }
    if (W(i, "midnight")) {
      *hhmm = "T24:00";
      return i + 1;
    }
    if (!Num(i) || toks_[i].digits > 2 || toks_[i].num > 24) return i;
    int hour = static_cast<int>(toks_[i].num), minute = -1;
    size_t k = i + 1;
    if ((P(k, ':') || P(k, '.')) && Glued(k) && Num(k + 1) && Glued(k + 1) &&
        toks_[k + 1].digits == 2 && toks_[k + 1].num < 60) {
      minute = static_cast<int>(toks_[k + 1].num);
      k += 2;
    }
    bool pm = false;
    size_t after = AmPm(k, &pm);
    if (after == k) {
      // 24-hour "13:30" needs the colon; "3." alone is not a time.
      if (minute < 0 || !P(k - 2, ':')) return i;
    } else {
      if (hour < 1 || hour > 12) return i;
      if (pm && hour != 12) hour += 12;
      if (!pm && hour == 12) hour = 0;
      k = after;
    }
    if (k < N() && toks_[k].kind == Kind::kWord && IsTimeZone(toks_[k].low) &&
        (toks_[k].cap || toks_[k].low == "gmt")) {
      ++k;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute < 0 ? 0 : minute);
    *hhmm = buf;
    return k;
  }

  bool TimeOfDay(size_t i, Match* m) {
    std::string hhmm;
    size_t k = ClockAt(i, &hhmm);
    if (k == i) return false;
    m->type = TimeType::kTime;
    // A following day: ", Friday", " yesterday", " Nov. 9", " on Friday" is left to its own tag.
    size_t d = P(k, ',') ? k + 1 : k;
    Match day;
    bool have_day = false;
    if (Weekday(d, &day) || Deictic(d, &day) || MonthFirst(d, &day) || DayFirst(d, &day)) {
      if (day.gran == Gran::kDay && day.type == TimeType::kDate) have_day = true;
    }
    if (have_day) {
      *m = day;
      m->type = TimeType::kTime;
      m->value += hhmm;
      return true;
    }
    SetDay(m, anchor_);
    m->type = TimeType::kTime;
    m->anchor = false;
    m->relative = true;
    m->value += hhmm;
    m->end = k;
    return true;
  }

  // Appends a following clock time ("- 13:30", ", 10:35 a.m.", "at 3 p.m.") to a day match.
  void MaybeClock(Match* m) const {
    if (m->gran != Gran::kDay) return;
    size_t k = m->end;
    if (P(k, '-') || P(k, ',')) ++k;
    else if (W(k, "at")) ++k;
    std::string hhmm;
    size_t e = ClockAt(k, &hhmm);
    if (e == k || W(k, "noon") || W(k, "midnight")) return;
    m->type = TimeType::kTime;
    m->value += hhmm;
    m->end = e;
  }

  bool NumericDate(size_t i, Match* m) {
    if (!Num(i)) return false;
    const Tok& a = toks_[i];
    // 2017-10-26
    if (a.digits == 4 && P(i + 1, '-') && Glued(i + 1) && Num(i + 2) && Glued(i + 2) &&
        P(i + 3, '-') && Glued(i + 3) && Num(i + 4) && Glued(i + 4)) {
      CivilDate d{static_cast<int>(a.num), static_cast<int>(toks_[i + 2].num),
                  static_cast<int>(toks_[i + 4].num)};
      if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > ti::DaysInMonth(d.year, d.month))
        return false;
      SetDay(m, d);
      m->end = i + 5;
      MaybeClock(m);
      return true;
    }
    // 26.10.2017 (day first), 10/26/2017 and 10/26/17 (month first, as US news prints them)
    if (a.digits <= 2 && (P(i + 1, '.') || P(i + 1, '/')) && Glued(i + 1) && Num(i + 2) &&
        Glued(i + 2) && toks_[i + 2].digits <= 2 && P(i + 3, toks_[i + 1].low[0]) &&
        Glued(i + 3) && Num(i + 4) && Glued(i + 4) &&
        (toks_[i + 4].digits == 4 || toks_[i + 4].digits == 2)) {
      int x = static_cast<int>(a.num), y = static_cast<int>(toks_[i + 2].num);
      int year = static_cast<int>(toks_[i + 4].num);
      if (toks_[i + 4].digits == 2) year += year < 50 ? 2000 : 1900;
      int day = x, month = y;
      if (toks_[i + 1].low[0] == '/') std::swap(day, month);
      if (month > 12 && day <= 12) std::swap(day, month);
      if (month < 1 || month > 12 || day < 1 || day > ti::DaysInMonth(year, month)) return false;
      SetDay(m, CivilDate{year, month, day});
      m->end = i + 5;
      MaybeClock(m);
      return true;
    }
    return false;
  }

  // A month name usable here: capitalized (or an abbreviation with its period), and for the
  // words that are also verbs/modal ("May", "March") something date-like around it.
  bool MonthAt(size_t i, int* month, size_t* end) const {
    const Lex* lx = L(i);
    if (!lx || lx->month == 0) return false;
    const Tok& t = toks_[i];
    const bool abbrev = t.low.size() <= 4 && t.low != "june" && t.low != "july" && t.low != "may";
    size_t k = i + 1;
    if (abbrev) {
      if (P(k, '.') && Glued(k)) ++k;
      else if (!(Num(k) && toks_[k].digits <= 2)) return false;  // "Jan 5" ok, "mar" no
      if (!t.cap) return false;
    } else if (!t.cap) {
      return false;
    }
    *month = lx->month;
    *end = k;
    return true;
  }

  bool ModalMonthOk(size_t i, size_t end) const {
    // "May" / "March" alone: accept after a preposition or determiner or before a year/day.
    const std::string_view w = toks_[i].low;
    if (w != "may" && w != "march") return true;
    if (Num(end)) return true;
    if (i == 0) return false;
    const Tok& p = toks_[i - 1];
    static constexpr std::string_view kBefore[] = {"in", "of", "since", "until", "by", "early",
                                                   "late", "mid", "last", "next", "this", "from",
                                                   "through", "before", "after", "during", "-",
                                                   "and", "to", "end", "beginning", "till"};
    return std::find(std::begin(kBefore), std::end(kBefore), p.low) != std::end(kBefore);
  }

  bool MonthFirst(size_t i, Match* m) {
    int month = 0;
    size_t k = 0;
    if (!MonthAt(i, &month, &k)) return false;
    int day = 0, year = 0;
    size_t e = DayOfMonth(k, &day);
    if (e > k && Num(k) && toks_[k].digits == 4) e = k;  // "May 2011" is a year, not a day
    if (e > k) {
      size_t y = P(e, ',') ? e + 1 : e;
      size_t ye = YearAt(y, &year);
      if (ye > y) e = ye;
      if (year == 0) {
        year = InferYear(month, day, i);
        m->relative = true;
      }
      if (day > ti::DaysInMonth(year, month)) return false;
      SetDay(m, CivilDate{year, month, day});
      m->end = e;
      MaybeClock(m);
      return true;
    }
    size_t y = (P(k, ',') || W(k, "of")) ? k + 1 : k;
    size_t ye = YearAt(y, &year);
    if (ye > y) {
      SetMonth(m, year, month);
      m->end = ye;
      return true;
    }
    if (!ModalMonthOk(i, k)) return false;
    year = InferYear(month, 0, i);
    SetMonth(m, year, month);
    m->relative = true;
    m->end = k;
    return true;
  }

  // "26 October 2017", "6 November, 2017", "the 5th of March".
  bool DayFirst(size_t i, Match* m) {
    size_t k = W(i, "the") ? i + 1 : i;
    int day = 0;
    size_t e = DayOfMonth(k, &day);
    if (e == k) return false;
    if (L(k) && L(k)->ordinal > 0 && !W(e, "of")) return false;  // "first" alone is no date
    if (W(e, "of")) ++e;
    int month = 0;
    size_t me = 0;
    if (!MonthAt(e, &month, &me)) return false;
    int year = 0;
    size_t y = P(me, ',') ? me + 1 : me;
    size_t ye = YearAt(y, &year);
    if (ye > y) {
      me = ye;
    } else {
      year = InferYear(month, day, i);
      m->relative = true;
    }
    if (day > ti::DaysInMonth(year, month)) return false;
    SetDay(m, CivilDate{year, month, day});
    m->end = me;
    MaybeClock(m);
    return true;
  }

  // "Friday", "last Friday", "Friday morning", "Monday, 6 November, 2017 - 13:30".
  bool Weekday(size_t i, Match* m) {
    size_t k = i;
    int rel = 0;
    bool has_rel = false;
    if (W(k, "last") || W(k, "next") || W(k, "this") || W(k, "previous") || W(k, "coming")) {
      rel = W(k, "last") || W(k, "previous") ? -1 : W(k, "this") ? 0 : 1;
      has_rel = true;
      ++k;
    }
    const Lex* lx = L(k);
    if (!lx || lx->weekday == 0) return false;
    const Tok& t = toks_[k];
    size_t e = k + 1;
    if (t.low.size() <= 4) {  // "Fri." / "Thurs." need the period
      if (!(P(e, '.') && Glued(e)) || !t.cap) return false;
      ++e;
    }
    const int wd = lx->weekday;
    // A full date after it wins: "Monday, 6 November, 2017", "Tuesday, March 3".
    if (!has_rel) {
      size_t d = P(e, ',') ? e + 1 : e;
      Match full;
      if (MonthFirst(d, &full) || DayFirst(d, &full) || NumericDate(d, &full)) {
        if (full.gran == Gran::kDay) {
          *m = full;
          return true;
        }
      }
    }
    CivilDate day;
    if (has_rel && rel < 0) day = ti::WeekdayOnOrBefore(ti::AddDays(ref_, -1), wd);
    else if (has_rel && rel > 0) day = ti::WeekdayOnOrAfter(ti::AddDays(ref_, 1), wd);
    else if (has_rel) day = ti::AddDays(ti::MondayOfIsoWeek(ti::IsoWeekOf(ref_).year,
                                                            ti::IsoWeekOf(ref_).week), wd - 1);
    else {
      const int tense = Tense(k);
      const CivilDate before = ti::WeekdayOnOrBefore(ref_, wd);
      const CivilDate after = ti::WeekdayOnOrAfter(ref_, wd);
      // Without a tense marker, news reports the past, except for the next day or two.
      const int64_t ahead = after.ToDays() - ref_.ToDays();
      day = tense > 0 || (tense == 0 && ahead > 0 && ahead <= 2) ? after : before;
    }
    SetDay(m, day);
    m->relative = true;
    m->end = e;
    // "Friday morning", "Wednesday night"
    if (L(e) && !L(e)->daypart.empty()) {
      m->type = TimeType::kTime;
      m->value += "T" + std::string(L(e)->daypart);
      m->end = e + 1;
    } else {
      MaybeClock(m);
    }
    return true;
  }

  // "three years ago", "a week earlier", "two days later", "a month from now".
  bool Ago(size_t i, Match* m) {
    double n = 0;
    bool vague = false;
    size_t k = Quantity(i, &n, &vague);
    if (k == i) return false;
    if (W(k, "more")) ++k;
    const Lex* lx = L(k);
    if (!lx || lx->unit.empty()) return false;
    const std::string_view unit = lx->unit;
    size_t e = k + 1;
    int dir = 0;
    bool from_anchor = false;
    if (W(e, "ago")) dir = -1;
    else if (W(e, "earlier") || W(e, "before")) { dir = -1; from_anchor = true; }
    else if (W(e, "later") || W(e, "after")) { dir = 1; from_anchor = true; }
    else if (W(e, "from") && W(e + 1, "now")) { dir = 1; ++e; }
    else return false;
    if (W(e, "before") || W(e, "after")) {
      // "two days before the vote": a duration relative to an event, not a date.
      if (!W(e + 1, "that") && !W(e + 1, "this")) {
        SetDuration(m, unit, n, vague);
        m->end = k + 1;
        return true;
      }
    }
    ++e;
    const CivilDate base = from_anchor ? anchor_ : ref_;
    if (vague) {
      SetRef(m, dir < 0 ? "PAST_REF" : "FUTURE_REF");
      m->end = e;
      return true;
    }
    const int count = static_cast<int>(n);
    if (unit == "H" || unit == "MIN" || unit == "S") {
      SetRef(m, dir < 0 ? "PAST_REF" : "FUTURE_REF");
      m->end = e;
      return true;
    }
    if (unit == "DE") {
      SetRelativeUnit(m, base, "Y", dir * count * 10);
    } else if (unit == "CE") {
      SetRelativeUnit(m, base, "Y", dir * count * 100);
    } else if (unit == "FN") {
      SetRelativeUnit(m, base, "W", dir * count * 2);
    } else if (!SetRelativeUnit(m, base, unit, dir * count)) {
      return false;
    }
    m->anchor = false;
    m->end = e;
    return true;
  }

  // "the third quarter", "third-quarter", "the first half of 2011", "fiscal 1989", "the quarter".
  bool QuarterOrHalf(size_t i, Match* m) {
    size_t k = i;
    if (W(k, "the")) ++k;
    int lead_year = 0;  // "the 1988 third quarter"
    if (W(i, "the") && YearAt(k, &lead_year) > k &&
        ((L(k + 1) && L(k + 1)->ordinal >= 1 && L(k + 1)->ordinal <= 4) || W(k + 1, "quarter"))) {
      ++k;
    } else {
      lead_year = 0;
    }
    if (W(k, "fiscal")) {
      int year = 0;
      size_t ye = YearAt(k + 1, &year);
      if (ye > k + 1) {
        SetYear(m, year);
        m->end = ye;
        return true;
      }
    }
    int ordinal = 0;
    bool latest = false, year_before = false;
    if (L(k) && L(k)->ordinal >= 1 && L(k)->ordinal <= 4) {
      ordinal = L(k)->ordinal;
      ++k;
    } else if (W(k, "latest") || W(k, "recent")) {
      latest = true;
      ++k;
    } else if (W(k, "current") && W(k + 1, "quarter")) {
      SetRelativeUnit(m, ref_, "Q", 0);
      m->end = k + 2;
      return true;
    } else if ((W(k, "year") && P(k + 1, '-') && (W(k + 2, "earlier") || W(k + 2, "ago")))) {
      year_before = true;
      k += 3;
    } else if (W(k, "fiscal")) {
      // "the fiscal third quarter" handled by falling through with fiscal skipped
    }
    if (W(k, "fiscal")) ++k;
    if (ordinal == 0 && L(k) && L(k)->ordinal >= 1 && L(k)->ordinal <= 4) {
      ordinal = L(k)->ordinal;
      ++k;
    }
    if (P(k, '-') && Glued(k)) ++k;  // "third-quarter"
    const bool quarter = W(k, "quarter");
    const bool half = W(k, "half") && ordinal >= 1 && ordinal <= 2;
    if (!quarter && !half) {
      if (year_before && W(i, "year")) {  // "year-earlier" as an adjective
        SetRelativeUnit(m, ref_, "Y", -1);
        m->end = i + 3;
        return true;
      }
      return false;
    }
    if (!quarter && !W(i, "the") && !W(i, "first") && !W(i, "second")) return false;
    if (ordinal == 0 && !latest && !year_before && !W(i, "the")) return false;
    ++k;
    int year = 0;
    bool explicit_year = false;
    size_t y = k;
    if (W(y, "of") || P(y, ',')) ++y;
    if (W(y, "fiscal")) ++y;
    if (size_t ye = YearAt(y, &year); ye > y) {
      k = ye;
      explicit_year = true;
    }
    if (half) {
      if (!explicit_year) year = ref_.year;
      SetHalf(m, year, ordinal);
      m->relative = !explicit_year;
      m->end = k;
      return true;
    }
    const int ref_q = (ref_.month - 1) / 3 + 1;
    if (lead_year != 0) {
      year = lead_year;
      explicit_year = true;
    }
    if (ordinal == 0 && lead_year != 0) {
      SetYear(m, lead_year);
      return false;
    }
    if (ordinal == 0) {
      // "the quarter", "the latest quarter": in reports, the last quarter that ended.
      int idx = ref_.year * 4 + (ref_q - 1) - 1 - (year_before ? 4 : 0);
      SetQuarter(m, idx / 4, idx % 4 + 1);
      m->relative = true;
    } else {
      if (!explicit_year) {
        year = ref_.year - (year_before ? 1 : 0);
        // "the fourth quarter" said in February is last year's, unless announced ahead.
        if (ordinal > ref_q && Tense(i) <= 0) year -= 1;
      }
      SetQuarter(m, year, ordinal);
      m->relative = !explicit_year;
    }
    m->end = k;
    return true;
  }

  // "two years", "30-year", "the past two months", "the first nine months", "several weeks".
  bool Duration(size_t i, Match* m) {
    size_t k = i;
    bool the = false;
    if (W(k, "the")) {
      the = true;
      ++k;
      if (W(k, "past") || W(k, "last") || W(k, "next") || W(k, "coming") || W(k, "first") ||
          W(k, "previous") || W(k, "following") || W(k, "final")) {
        ++k;
      }
    } else if (W(k, "past") || W(k, "last") || W(k, "next") || W(k, "another") ||
               W(k, "first")) {
      ++k;
    }
    double n = 0;
    bool vague = false;
    size_t q = Quantity(k, &n, &vague);
    if (q == k) {
      // bare plural after "for": "for years", "for decades"
      if (k == i && i > 0 &&
          (W(i - 1, "for") || W(i - 1, "in") || W(i - 1, "within") || W(i - 1, "take") ||
           W(i - 1, "takes") || W(i - 1, "took") || W(i + 1, "before") || W(i + 1, "after") ||
           W(i + 1, "later") || W(i + 1, "earlier")) &&
          L(i) && !L(i)->unit.empty() && toks_[i].low.back() == 's' &&
          L(i)->unit != "WE" && L(i)->unit != "S") {
        SetDuration(m, L(i)->unit, 0, true);
        m->end = i + 1;
        return true;
      }
      return false;
    }
    if (the && (W(i + 1, "a") || W(i + 1, "an"))) return false;
    size_t u = q;
    if (P(u, '-') && Glued(u)) ++u;  // "two-year"
    if (W(u, "more") || W(u, "full") || W(u, "straight") || W(u, "consecutive")) ++u;
    const Lex* lx = L(u);
    if (!lx || lx->unit.empty()) return false;
    // "a second" / "one second" as a unit is rare next to the ordinal; keep it.
    if (!vague && n <= 0) return false;
    if (Num(k) && toks_[k].digits >= 4 && !P(k + 1, ',')) return false;  // "the 1988 second"
    // Ages ("6-year-old", "52 years old") are not time expressions in TimeML.
    if (W(u + 1, "old") || (P(u + 1, '-') && W(u + 2, "old"))) return false;
    // "$5 million a year", "10 percent a year": a rate.
    if ((W(k, "a") || W(k, "an")) && k > 0 &&
        (Num(k - 1) || W(k - 1, "million") || W(k - 1, "billion") || W(k - 1, "percent") ||
         P(k - 1, '%') || W(k - 1, "cents") || W(k - 1, "dollars"))) {
      return false;
    }
    if (W(k, "a") && toks_[u].low.back() == 's' && toks_[u].low != "hours") return false;
    if ((W(k, "a") || W(k, "an")) && i > 0 &&
        (W(i - 1, "once") || W(i - 1, "twice") || W(i - 1, "times") || W(i - 1, "per"))) {
      return false;  // "twice a year" is a frequency
    }
    SetDuration(m, lx->unit, n, vague);
    m->end = u + 1;
    // "two years old": TimeML keeps "old" out; "a day and a half" is rare: not handled.
    return true;
  }

  // "in 2011", "2009-2010", "fiscal 1989" (above), "(1998)".
  bool Year(size_t i, bool has_prefix, Match* m) {
    int year = 0;
    size_t e = YearAt(i, &year);
    if (e == i) return false;
    if (P(e, '%') || W(e, "percent")) return false;
    if (i > 0 && (P(i - 1, '$') || P(i - 1, '#') || P(i - 1, '.') || P(i - 1, ',') ||
                  P(i - 1, ':'))) {
      if (!(P(i - 1, ',') && i >= 2 && !Num(i - 2))) return false;
    }
    if (P(e, ',') && Num(e + 1) && Glued(e + 1)) return false;  // "2,000" is not a year
    if (P(e, '.') && Num(e + 1) && Glued(e + 1)) return false;
    if (P(e, ':') && Num(e + 1)) return false;
    if (W(e, "s") && Glued(e)) {  // "1990s"
      m->gran = Gran::kDecade;
      m->value = std::to_string(year / 10);
      m->at = CivilDate{year / 10 * 10, 0, 0};
      m->first = CivilDate{year / 10 * 10, 1, 1};
      m->last = CivilDate{year / 10 * 10 + 9, 12, 31};
      m->end = e + 1;
      if (i > 0 && W(i - 1, "the")) return true;
      return true;
    }
    if (!has_prefix && e < N() && toks_[e].kind == Kind::kWord && !toks_[e].cap && i > 0) {
      // "some 2000 people", "nearly 1500 troops": a count after a quantifier.
      static constexpr std::string_view kQuantifiers[] = {"some", "about", "nearly", "almost",
                                                          "over", "than", "around", "only",
                                                          "least", "just", "roughly", "another"};
      if (std::find(std::begin(kQuantifiers), std::end(kQuantifiers), toks_[i - 1].low) !=
          std::end(kQuantifiers)) {
        return false;
      }
    }
    if (!has_prefix && e < N() && toks_[e].kind == Kind::kWord && !toks_[e].cap) {
      static constexpr std::string_view kCounted[] = {"people", "men", "women", "children",
                                                      "police", "feet", "staff", "personnel"};
      if (std::find(std::begin(kCounted), std::end(kCounted), toks_[e].low) !=
          std::end(kCounted)) {
        return false;
      }
      // "1990 elections" keeps, "2000 people" does not: a following lower-case plural noun.
      const std::string_view w = toks_[e].low;
      static constexpr std::string_view kOk[] = {"was", "has", "this", "its", "is", "as", "was",
                                                 "his", "elections", "games", "olympics",
                                                 "levels", "figures", "results", "finals"};
      const bool plural = w.size() >= 4 && w.back() == 's' && !w.ends_with("ss") &&
                          !w.ends_with("is") && !w.ends_with("us");
      if (plural &&
          std::find(std::begin(kOk), std::end(kOk), w) == std::end(kOk)) {
        return false;
      }
    }
    SetYear(m, year);
    m->end = e;
    return true;
  }

  // "the 1990s" (with its article), "the '90s", "the 20th century", "the mid-1990s" via prefix.
  bool Decade(size_t i, Match* m) {
    size_t k = i;
    if (W(k, "the")) ++k;
    if (P(k, '\'') && Num(k + 1) && Glued(k + 1) && toks_[k + 1].digits == 2 && W(k + 2, "s") &&
        Glued(k + 2)) {
      const int decade = static_cast<int>(toks_[k + 1].num) + (toks_[k + 1].num < 30 ? 2000 : 1900);
      m->gran = Gran::kDecade;
      m->value = std::to_string(decade / 10);
      m->at = CivilDate{decade, 0, 0};
      m->first = CivilDate{decade, 1, 1};
      m->last = CivilDate{decade + 9, 12, 31};
      m->end = k + 3;
      return true;
    }
    if (k > i) {
      int year = 0;
      size_t e = YearAt(k, &year);
      if (e > k && W(e, "s") && Glued(e)) {
        Year(k, true, m);
        return true;
      }
      int ord = 0;
      size_t oe = DayOfMonth(k, &ord);
      if (oe > k && W(oe, "century")) {
        m->gran = Gran::kCentury;
        m->value = FormatNumber(ord - 1);
        m->at = CivilDate{(ord - 1) * 100, 0, 0};
        m->first = CivilDate{(ord - 1) * 100, 1, 1};
        m->last = CivilDate{(ord - 1) * 100 + 99, 12, 31};
        m->end = oe + 1;
        return true;
      }
    }
    return false;
  }

  // "today", "yesterday morning", "tonight", "last night", "this morning", "the day before
  // yesterday", "now"-like words are RefWord.
  bool Deictic(size_t i, Match* m) {
    size_t k = i;
    int offset = 0;
    std::string part;
    bool found = false;
    if (W(k, "the") && W(k + 1, "day") && (W(k + 2, "before") || W(k + 2, "after")) &&
        (W(k + 3, "yesterday") || W(k + 3, "tomorrow"))) {
      offset = W(k + 3, "yesterday") ? -2 : 2;
      k += 4;
      found = true;
    } else if (L(k) && !L(k)->deictic.empty()) {
      const std::string_view d = L(k)->deictic;
      if (d == "0NI") part = "NI";
      else std::from_chars(d.data(), d.data() + d.size(), offset);
      ++k;
      found = true;
      if (part.empty() && L(k) && !L(k)->daypart.empty()) {
        part = std::string(L(k)->daypart);
        ++k;
      }
    } else if ((W(k, "last") || W(k, "this")) && L(k + 1) && !L(k + 1)->daypart.empty() &&
               !W(k + 1, "overnight")) {
      part = std::string(L(k + 1)->daypart);
      offset = W(k, "last") ? -1 : 0;
      if (W(k, "last") && part != "NI") offset = -1;
      k += 2;
      found = true;
    } else if (W(k, "overnight")) {
      part = "NI";
      ++k;
      found = true;
    }
    if (!found) return false;
    SetDay(m, ti::AddDays(ref_, offset));
    m->relative = true;
    m->end = k;
    if (!part.empty()) {
      m->type = TimeType::kTime;
      m->value += "T" + part;
    } else {
      MaybeClock(m);
    }
    return true;
  }

  // "last year", "this week", "next month", "the coming weeks", "last summer", "this
  // December", "the weekend", "last Friday" (Weekday), "the past year", "the year".
  bool RelativeExpr(size_t i, Match* m) {
    size_t k = i;
    bool the = false;
    if (W(k, "the")) {
      the = true;
      ++k;
    }
    Relation rel;
    bool has_rel = false;
    if (k < N() && RelationOf(toks_[k].low, &rel)) {
      if (rel.narrative) return false;  // Narrative()
      if (W(k, "this") && the) return false;
      has_rel = true;
      ++k;
    }
    if (W(k, "earlier") || W(k, "later")) return false;
    if (has_rel && W(k, "fiscal") && W(k + 1, "year")) ++k;
    const Lex* lx = L(k);
    if (!lx) return false;
    const int offset = rel.offset;
    if (!lx->unit.empty()) {
      const std::string_view unit = lx->unit;
      const bool plural = toks_[k].low.back() == 's' && unit != "S";
      if (plural) {
        // "the coming weeks", "recent months" are vague: "the past few weeks" is in Duration.
        if (!has_rel) return false;
        if (offset < 0) SetDuration(m, unit, 0, true);
        else SetRef(m, offset > 0 ? "FUTURE_REF" : "PRESENT_REF");
        m->end = k + 1;
        return true;
      }
      if (!has_rel) {
        // "the weekend", "the year" (the reference's), "the week".
        if (!the) return false;
        if (unit == "WE") {
          const int tense = Tense(k);
          SetRelativeUnit(m, ref_, "WE", tense > 0 ? 0 : -1);
          if (tense <= 0 && ref_.Weekday() >= 6) SetWeek(m, ref_, true);
          m->end = k + 1;
          return true;
        }
        if (unit != "Y") return false;
        if (W(k + 1, "before") || W(k + 1, "earlier") || W(k + 1, "after")) return false;
        if (i > 0 && (W(i - 1, "for") || W(i - 1, "during") || W(i - 1, "over") ||
                      W(i - 1, "throughout"))) {
          SetDuration(m, "Y", 1, false);
          m->end = k + 1;
          return true;
        }
        SetRelativeUnit(m, ref_, "Y", 0);
        m->end = k + 1;
        return true;
      }
      if (unit == "H" || unit == "MIN" || unit == "S") return false;
      if (the && offset != 0 && (unit == "D" || unit == "H")) {
        // "the past day": a duration of one unit
        SetDuration(m, unit, 1, false);
        m->end = k + 1;
        return true;
      }
      if (!SetRelativeUnit(m, ref_, unit == "FN" ? "W" : unit, offset)) return false;
      m->end = k + 1;
      return true;
    }
    if (!has_rel) {
      // A bare season: "in the summer", "summer" by tense.
      if (!lx->season.empty() && (the || (i > 0 && (W(i - 1, "in") || W(i - 1, "this"))))) {
        int year = ref_.year;
        const int tense = Tense(k);
        const int start = SeasonStartMonth(lx->season);
        if (tense < 0 && start > ref_.month) year -= 1;
        if (tense > 0 && start + 2 < ref_.month) year += 1;
        size_t e = k + 1;
        int y = 0;
        if (W(e, "of") && YearAt(e + 1, &y) > e + 1) {
          year = y;
          e += 2;
        } else {
          m->relative = true;
        }
        SetSeason(m, year, lx->season);
        m->end = e;
        return true;
      }
      // "spring 2011"
      if (!lx->season.empty()) {
        int y = 0;
        if (YearAt(k + 1, &y) > k + 1) {
          SetSeason(m, y, lx->season);
          m->end = k + 2;
          return true;
        }
      }
      return false;
    }
    if (!lx->season.empty()) {
      const int start = SeasonStartMonth(lx->season);
      // Season instance index: year*4 + season; the reference is in the season whose start <=.
      int year = ref_.year;
      if (offset < 0) {
        // the last such season that has begun before the current one
        year = (start <= ref_.month - 3 || (start == 12 && ref_.month >= 3)) ? ref_.year
                                                                             : ref_.year - 1;
        if (start == 12) year = ref_.month == 12 ? ref_.year - 1 : ref_.year - 1;
      } else if (offset > 0) {
        year = start > ref_.month ? ref_.year : ref_.year + 1;
      }
      SetSeason(m, year, lx->season);
      m->relative = true;
      m->end = k + 1;
      return true;
    }
    if (lx->month != 0 && toks_[k].cap) {
      const int mo = lx->month;
      int year = ref_.year;
      if (offset < 0) year = mo < ref_.month ? ref_.year : ref_.year - 1;
      else if (offset > 0) year = mo > ref_.month ? ref_.year : ref_.year + 1;
      SetMonth(m, year, mo);
      m->relative = true;
      m->end = k + 1;
      size_t e = k + 1;
      if (toks_[k].low.size() <= 4 && P(e, '.') && Glued(e)) m->end = e + 1;  // "next Jan."
      return true;
    }
    return false;
  }

  // "the next day", "the following week", "the day before", "that day", "the same day".
  bool Narrative(size_t i, Match* m) {
    size_t k = i;
    if (W(k, "the")) ++k;
    Relation rel;
    const Lex* lx = nullptr;
    size_t e = 0;
    if (k < N() && (W(k, "next") || W(k, "following") || W(k, "previous") || W(k, "same") ||
                    (W(k, "that") && k == i)) &&
        RelationOf(toks_[k].low, &rel)) {
      if (W(k, "next")) rel = {1, true};
      if (W(k, "previous")) rel = {-1, true};
      lx = L(k + 1);
      e = k + 2;
      // "the next day" only; "next week" (no article) is relative to the reference.
      if (W(k, "next") && !W(i, "the")) return false;
      if (W(k, "previous") && !W(i, "the")) return false;
    } else if (W(i, "the") && L(k) && !L(k)->unit.empty() &&
               (W(k + 1, "before") || W(k + 1, "after")) && !W(k + 2, "yesterday") &&
               !W(k + 2, "tomorrow")) {
      lx = L(k);
      rel = {W(k + 1, "before") ? -1 : 1, true};
      e = k + 2;
    } else {
      return false;
    }
    if (!lx || lx->unit.empty()) return false;
    const std::string_view unit = lx->unit;
    if (unit == "H" || unit == "MIN" || unit == "S" || toks_[e - 1].low.back() == 's') {
      if (toks_[e - 1].low != "days" || true) {
        if (toks_[e - 1].low.back() == 's') return false;
      }
      return false;
    }
    const CivilDate base = options_.narrative_anchor ? anchor_ : ref_;
    if (!SetRelativeUnit(m, base, unit, rel.offset)) return false;
    m->anchor = false;
    m->end = e;
    return true;
  }

  // "now", "currently", "recently", "the past", "the future", "soon", "recent years".
  bool RefWord(size_t i, Match* m) {
    size_t k = i;
    if (W(k, "the") && (W(k + 1, "past") || W(k + 1, "future") || W(k + 1, "present"))) {
      if (L(k + 2) && (!L(k + 2)->unit.empty() || L(k + 2)->number >= 0)) return false;
      if (W(k + 2, "few") || W(k + 2, "several")) return false;
      SetRef(m, W(k + 1, "past") ? "PAST_REF" : W(k + 1, "future") ? "FUTURE_REF" : "PRESENT_REF");
      m->end = k + 2;
      return true;
    }
    if (W(k, "these") && W(k + 1, "days")) {
      SetRef(m, "PRESENT_REF");
      m->end = k + 2;
      return true;
    }
    const Lex* lx = L(k);
    if (!lx || lx->ref.empty()) return false;
    const std::string_view w = toks_[k].low;
    if (w == "once") return false;  // too often a conjunction
    if (w == "recent" || w == "current") {
      // "recent years/months/weeks/days" as one expression; "current" before a unit too.
      if (L(k + 1) && !L(k + 1)->unit.empty()) {
        if (w == "current") return false;  // RelativeExpr: "current quarter"
        SetRef(m, "PAST_REF");
        m->end = k + 2;
        return true;
      }
    }
    if (w == "recent") return false;  // an adjective alone ("recent talks")
    if (w == "future") {
      // "future" alone only as "in future"/"near future" (an adjective otherwise)
      if (!(i > 0 && (W(i - 1, "in") || W(i - 1, "near")))) return false;
    }
    if (w == "now" && i > 0 && (W(i - 1, "right") || W(i - 1, "just"))) {
      SetRef(m, "PRESENT_REF");
      m->end = k + 1;
      return true;
    }
    SetRef(m, lx->ref);
    m->end = k + 1;
    return true;
  }

  // "daily", "every day", "each year", "every Friday", "every other week".
  bool SetExpr(size_t i, Match* m) {
    const Lex* lx = L(i);
    if (lx && !lx->set.empty()) {
      m->type = TimeType::kSet;
      m->value = std::string(lx->set);
      m->end = i + 1;
      return true;
    }
    if (!W(i, "every") && !W(i, "each")) return false;
    size_t k = i + 1;
    double n = 1;
    if (W(k, "other")) {
      n = 2;
      ++k;
    } else if (Num(k) && toks_[k].num > 0) {
      n = static_cast<double>(toks_[k].num);
      ++k;
    } else if (L(k) && L(k)->number > 1) {
      n = L(k)->number;
      ++k;
    }
    lx = L(k);
    if (!lx) return false;
    m->type = TimeType::kSet;
    if (!lx->unit.empty()) {
      m->value = DurationValue(lx->unit, n, false);
    } else if (lx->weekday != 0) {
      m->value = "XXXX-WXX-" + std::to_string(lx->weekday);
    } else if (!lx->daypart.empty()) {
      m->value = "XXXX-XX-XXT" + std::string(lx->daypart);  // "every morning"
    } else if (!lx->season.empty()) {
      m->value = "XXXX-" + std::string(lx->season);
    } else if (lx->month != 0 && toks_[k].cap) {
      m->value = "XXXX-" + ti::FormatMonth(0, lx->month).substr(5);
    } else {
      return false;
    }
    m->end = k + 1;
    return true;
  }

  // "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving", "Easter".
  bool Holiday(size_t i, Match* m) {
    size_t k = i;
    int month = 0, day = 0;
    std::string_view rule;
    if (W(k, "new") && toks_[k].cap && W(k + 1, "year") && P(k + 2, '\'') && W(k + 3, "s") &&
        (W(k + 4, "day") || W(k + 4, "eve"))) {
      if (W(k + 4, "day")) { month = 1; day = 1; }
      else { month = 12; day = 31; }
      k += 5;
    } else if (L(k) && !L(k)->holiday.empty() && toks_[k].cap) {
      const std::string_view h = L(k)->holiday;
      ++k;
      if (h.size() == 5 && h[2] == '-') {
        month = (h[0] - '0') * 10 + (h[1] - '0');
        day = (h[3] - '0') * 10 + (h[4] - '0');
        if (W(k, "eve")) { --day; ++k; }
        else if (W(k, "day")) { ++k; }
      } else {
        rule = h;
        if (W(k, "day") || W(k, "sunday")) ++k;
      }
    } else {
      return false;
    }
    int year = ref_.year;
    int y = 0;
    bool explicit_year = false;
    if (size_t ye = YearAt(k, &y); ye > k) {
      year = y;
      k = ye;
      explicit_year = true;
    }
    auto date_of = [&](int yy) {
      if (rule == "THANKSGIVING") return ti::NthWeekdayOfMonth(yy, 11, 4, 4);
      if (rule == "EASTER") return ti::EasterSunday(yy);
      return CivilDate{yy, month, day};
    };
    if (!explicit_year) {
      // the nearest occurrence, pushed by tense
      const int tense = Tense(i);
      int best = ref_.year;
      int64_t best_cost = INT64_MAX;
      for (int yy = ref_.year - 1; yy <= ref_.year + 1; ++yy) {
        const int64_t d = date_of(yy).ToDays() - ref_.ToDays();
        int64_t cost = std::llabs(d) + ((tense > 0 && d < -1) || (tense < 0 && d > 1) ? 400 : 0);
        if (cost < best_cost) {
          best_cost = cost;
          best = yy;
        }
      }
      year = best;
      m->relative = true;
    }
    SetDay(m, date_of(year));
    m->end = k;
    return true;
  }

  std::string_view text_;
  const TimeOptions& options_;
  std::string lower_;
  std::vector<Tok> toks_;
  CivilDate ref_;
  CivilDate anchor_;
  bool have_ref_ = false;
};

}  // namespace

std::vector<TimeExpr> TagTimes(std::string_view text, CivilDate reference,
                               const TimeOptions& options) {
  Tagger tagger(text, reference, options);
  return tagger.Run();
}

}  // namespace sitrep
