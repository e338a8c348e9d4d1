// Date and cause claims about the event itself, for disagreement detection.
//
// A date claim ties an event noun ("landslide", "quake", "blaze", "attacked") to a date phrase
// after it in the same sentence ("... struck Tarvel on Tuesday") or a possessive before it
// ("Monday's earthquake"). A date right after a reporting verb ("said on Wednesday") dates the
// report, not the event, and is skipped. Weekdays resolve to the latest such day on or before
// the publication date; "March 5" to the publication year (the year before when that would lie
// in the future). The date value itself comes from src/time's TagTimes (TIMEX3, resolved by the
// tense of the sentence) where it tags the phrase; the small built-in reader is the fallback.
#include <cstdlib>
#include <optional>
#include <string>

#include "figures/internal.h"
#include "figures/scan.h"
#include "sitrep/figures.h"
#include "sitrep/time.h"

namespace sitrep {
namespace {

std::optional<CivilDate> ResolveWeekday(int weekday, const std::optional<CivilDate>& published) {
  if (!published || !published->IsComplete()) return std::nullopt;
  int64_t days = published->ToDays();
  int back = (published->Weekday() - weekday + 7) % 7;
  return CivilDate::FromDays(days - back);
}

std::optional<CivilDate> ResolveMonthDay(int month, int day,
                                         const std::optional<CivilDate>& published) {
  if (!published || published->year == 0 || day < 1 || day > 31) return std::nullopt;
  CivilDate d{published->year, month, day};
  if (published->IsComplete() && d > *published) d.year -= 1;
  return d;
}

// A date phrase starting at token i ("on Tuesday", "on March 5", "on 5 March", "Tuesday's"):
// the resolved date and one past its last token.
std::optional<CivilDate> DateAt(const std::vector<figures::Tok>& t, size_t i,
                                const std::optional<CivilDate>& published, size_t& end) {
  auto w = [&](size_t k) { return k < t.size() ? t[k].lower : std::string_view(); };
  if (int wd = figures::WeekdayOf(w(i)); wd > 0) {
    end = i + 1;
    if (w(end) == "night" || w(end) == "morning" || w(end) == "evening" ||
        w(end) == "afternoon")
      ++end;
    return ResolveWeekday(wd, published);
  }
  if (int m = figures::MonthOf(w(i)); m > 0 && i + 1 < t.size() &&
                                      t[i + 1].kind == figures::TokKind::kNumber) {
    end = i + 2;
    int day = std::atoi(std::string(w(i + 1)).c_str());
    return ResolveMonthDay(m, day, published);
  }
  if (i + 1 < t.size() && t[i].kind == figures::TokKind::kNumber) {
    if (int m = figures::MonthOf(w(i + 1)); m > 0) {
      end = i + 2;
      int day = std::atoi(std::string(w(i)).c_str());
      return ResolveMonthDay(m, day, published);
    }
  }
  return std::nullopt;
}

bool AfterReportingVerb(const std::vector<figures::Tok>& t, size_t on) {
  for (size_t back = 1; back <= 4 && back <= on; ++back) {
    std::string_view w = t[on - back].lower;
    if (figures::IsReportingVerb(w) || w == "announced" || w == "statement") return true;
    if (t[on - back].kind == figures::TokKind::kPunct) return false;
  }
  return false;
}

// The event an event word at i names, or empty. "fire" before an agency noun ("fire
// investigators said", "the fire service") names the service, not the event.
std::string_view EventAt(const std::vector<figures::Tok>& t, size_t i) {
  std::string_view e = figures::EventOf(t[i].lower);
  // "strike" is a walkout only beside words of labour; in a war it is an air strike, and air
  // strikes recur day after day.
  if (e == "strike" && t[i].lower == "strike") {
    bool labour = false;
    for (const figures::Tok& w : t)
      labour = labour || figures::IsAnyWord(w.lower, {"workers", "union", "unions", "strikers",
                                                       "pickets", "picket", "wages", "pay",
                                                       "walkout", "shift", "employees", "staff"});
    if (!labour) return {};
  }
  if (e.empty() || t[i].lower != "fire" || i + 1 >= t.size()) return e;
  if (figures::IsAnyWord(t[i + 1].lower,
                         {"service", "services", "officials", "official", "investigators",
                          "brigade", "brigades", "department", "chief", "crews", "crew",
                          "station", "engines", "fighters", "authorities", "spokesman",
                          "spokeswoman", "spokesperson", "officers", "experts", "safety"}))
    return {};
  return e;
}

}  // namespace

std::vector<DateClaim> ExtractDateClaims(const Article& article) {
  std::vector<DateClaim> out;
  thread_local figures::Scanner sc;
  for (Span unit : figures::ScanUnits(article)) {
    if (unit.end > article.text.size()) continue;
    sc.Scan(article.View(unit));
    const auto& t = sc.tokens();
    std::vector<TimeExpr> tagged;
    if (article.date && article.date->IsComplete())
      tagged = TagTimes(article.View(unit), *article.date);
    // The day TagTimes gives for a phrase starting at token i, else the built-in reading.
    auto date_at = [&](size_t i, size_t& end) -> std::optional<CivilDate> {
      std::optional<CivilDate> fallback = DateAt(t, i, article.date, end);
      if (!fallback) return std::nullopt;
      for (const TimeExpr& x : tagged) {
        if (x.span.begin != t[i].begin) continue;
        if ((x.type == TimeType::kDate || x.type == TimeType::kTime) && x.date &&
            x.date->IsComplete())
          return *x.date;
      }
      return fallback;
    };
    std::string_view event;
    size_t event_at = 0;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind != figures::TokKind::kWord) continue;
      // "Monday's earthquake", "Monday's magnitude 6.4 earthquake", "Tuesday night's collapse".
      bool part_of_day = i + 1 < t.size() && figures::WeekdayOf(t[i].lower) > 0 &&
                         !t[i].lower.ends_with("'s") &&
                         figures::IsAnyWord(t[i + 1].lower, {"night's", "morning's",
                                                             "evening's", "afternoon's"});
      if (part_of_day || (t[i].lower.ends_with("'s") && figures::WeekdayOf(t[i].lower) > 0)) {
        const size_t after = part_of_day ? i + 1 : i;
        for (size_t k = after + 1; k < t.size() && k <= after + 5; ++k) {
          std::string_view e = figures::EventOf(t[k].lower);
          if (e.empty()) continue;
          size_t end = 0;
          if (auto d = date_at(i, end)) {
            DateClaim c;
            c.article = article.index;
            c.span = Span{unit.begin + t[i].begin, unit.begin + t[after].end - 2};
            c.event = std::string(e);
            c.date = *d;
            out.push_back(c);
          }
          break;
        }
        if (part_of_day) ++i;
        continue;
      }
      if (std::string_view e = EventAt(t, i); !e.empty()) {
        event = e;
        event_at = i;
        continue;
      }
      // A leak or a spill goes on for days, so a date after the noun often dates a later
      // development ("the oil spill, apologized on Wednesday"): it dates the event only
      // through a verb of onset ("The spill began on Friday night") or when the trigger is
      // the verb itself ("ammonia leaked from a tank late on Monday"). The onset verb follows
      // the noun closely and the date follows the verb ("The leak, which began late on
      // Monday"); the verb "leaked" dates only its own clause (no punctuation in between).
      bool onset = true;
      if (t[i].lower == "on" && (event == "leak" || event == "spill")) {
        onset = false;
        if (t[event_at].lower == "leaked") {
          onset = true;
          for (size_t k = event_at + 1; k < i && onset; ++k)
            onset = t[k].kind != figures::TokKind::kPunct;
        }
        for (size_t k = event_at + 1; k < i && k <= event_at + 4 && !onset; ++k)
          onset = i <= k + 2 &&
                  figures::IsAnyWord(t[k].lower, {"began", "begun", "started", "occurred",
                                                  "happened", "erupted", "struck", "hit",
                                                  "broke"});
      }
      // "on the evening of 1 June", "in the early hours of Sunday": the day after "of".
      size_t day_at = i + 1;
      auto w = [&](size_t k) { return k < t.size() ? t[k].lower : std::string_view(); };
      bool part_of = t[i].lower == "on" && w(i + 1) == "the" &&
                     figures::IsAnyWord(w(i + 2), {"morning", "afternoon", "evening", "night"}) &&
                     w(i + 3) == "of";
      bool early_hours = t[i].lower == "in" && w(i + 1) == "the" && w(i + 2) == "early" &&
                         w(i + 3) == "hours" && w(i + 4) == "of";
      if (part_of) day_at = i + 4;
      if (early_hours) day_at = i + 5;
      if ((t[i].lower == "on" || early_hours) && !event.empty() && onset &&
          !AfterReportingVerb(t, i)) {
        size_t end = 0;
        auto d = date_at(day_at, end);
        // "The Exxon Valdez oil spill occurred ... on March 24, 1989": a day more than a
        // year before publication is history, not the event being reported.
        if (d && article.date && article.date->IsComplete() &&
            d->ToDays() < article.date->ToDays() - 366)
          d.reset();
        if (d) {
          DateClaim c;
          c.article = article.index;
          c.span = Span{unit.begin + t[day_at].begin, unit.begin + t[end - 1].end};
          c.event = std::string(event);
          c.date = *d;
          out.push_back(c);
          event = {};  // one date per event mention
        }
      }
    }
  }
  return out;
}

std::vector<ReasonClaim> ExtractReasonClaims(const Article& article) {
  std::vector<ReasonClaim> out;
  thread_local figures::Scanner sc;
  for (Span unit : figures::ScanUnits(article)) {
    if (unit.end > article.text.size()) continue;
    std::string_view text = article.View(unit);
    if (text.find("caused by") == std::string_view::npos &&
        text.find("triggered by") == std::string_view::npos &&
        text.find("blamed") == std::string_view::npos)
      continue;
    sc.Scan(text);
    const auto& t = sc.tokens();
    std::string_view event;
    for (size_t i = 0; i < t.size(); ++i) {
      if (std::string_view e = EventAt(t, i); !e.empty() && t[i].lower != "attacked") {
        if (event.empty()) event = e;
        continue;
      }
      size_t start = 0;
      // "was caused by", "was probably caused by", "was most likely triggered by".
      size_t aux = i;
      while (aux > 0 && aux + 3 > i && figures::IsAnyWord(t[aux - 1].lower,
                                                          {"probably", "likely", "most",
                                                           "apparently", "almost", "certainly"}))
        --aux;
      if ((t[i].lower == "caused" || t[i].lower == "triggered") && i + 1 < t.size() &&
          t[i + 1].lower == "by" && aux > 0 && figures::IsAnyWord(t[aux - 1].lower,
                                                                {"was", "were", "been", "is"})) {
        start = i + 2;
        // "Further damage was caused by ...": the subject right before the auxiliary must be
        // the event (or the comma closing a clause after it), not another noun.
        if (aux >= 2 && t[aux - 2].kind == figures::TokKind::kWord && EventAt(t, aux - 2).empty())
          start = 0;
      } else if (t[i].lower == "blamed") {
        // "blamed the flooding on X"
        // The object names the event: "officials blamed the explosion on X".
        for (size_t k = i + 1; k < t.size() && k < i + 6; ++k) {
          if (std::string_view e = EventAt(t, k); !e.empty()) event = e;
          if (t[k].lower == "on") {
            start = k + 1;
            break;
          }
        }
      }
      if (start == 0 || event.empty() || start >= t.size()) continue;
      // "blamed the bombings on what it described as terrorists": the cause follows the frame.
      if (t[start].lower == "what" && start + 3 < t.size() &&
          figures::IsAnyWord(t[start + 2].lower, {"described", "called", "termed", "labelled",
                                                  "labeled", "calls", "describes"})) {
        size_t k = start + 3;
        if (k < t.size() && t[k].lower == "as") ++k;
        start = k;
        if (start >= t.size()) continue;
      }
      // A cause that is asked about, supposed or one of several ("would consider whether it was
      // caused by negligence, an accident or ...") is nobody's claim.
      bool hedged = false;
      for (size_t k = 0; k < start && !hedged; ++k) {
        hedged = figures::IsAnyWord(t[k].lower, {"whether", "if", "may", "might", "could",
                                                 "possibly", "perhaps", "suspected", "unclear",
                                                 "unknown", "speculated", "speculation", "rule"});
      }
      // "a power cut that shut down the tank's cooling system": the cause is the noun phrase;
      // a relative clause describing how it acted is not part of it.
      size_t e = start;
      while (e < t.size() && t[e].kind != figures::TokKind::kPunct &&
             !(e > start && figures::IsAnyWord(t[e].lower, {"that", "which", "who", "when"})))
        ++e;
      for (size_t k = e; k < t.size() && !hedged; ++k) hedged = t[k].lower == "or";
      if (hedged || e == start) continue;
      ReasonClaim c;
      c.article = article.index;
      c.span = Span{unit.begin + t[start].begin, unit.begin + t[e - 1].end};
      c.event = std::string(event);
      c.reason = std::string(article.View(c.span));
      out.push_back(std::move(c));
      break;
    }
  }
  return out;
}

}  // namespace sitrep
