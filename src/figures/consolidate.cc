// Consolidation: group claims about the same quantity, count support, flag disagreements.
//
// Each claim is read as an interval in the base unit: "about" widens by the tolerance, "more
// than"/"at least" open it upward, "up to" downward, vague words ("dozens") stand for their
// span, and a measured value (km, ha, magnitude) is widened by half a step of its last stated
// digit, so "60 kilometers" and "37 miles" agree while "6.1" and "6.4" do not. Two claims of
// different articles disagree only when their intervals do not overlap. Partial counts ("380 of
// the injured") never take part, nor values an article itself says were replaced ("up from").
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "figures/internal.h"
#include "sitrep/figures.h"

namespace sitrep {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::string FormatNumber(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::fixed);
  if (r.ec != std::errc()) return "?";
  return std::string(buf, r.ptr);
}

int Decimals(const std::string& key) {
  size_t dot = key.find('.');
  if (dot == std::string::npos) return 0;
  size_t end = key.find_first_not_of("0123456789", dot + 1);
  return static_cast<int>((end == std::string::npos ? key.size() : end) - dot - 1);
}

struct Interval {
  double low, high;
};

Interval ClaimInterval(const Figure& f, const FigureOptions& options) {
  double lo = f.base_low, hi = f.base_high;
  const bool measured = !f.dimension.empty() && !f.dimension.starts_with("money:");
  if (measured && f.vague.empty() && f.low > 0) {
    double step = 0.5 * std::pow(10.0, -Decimals(FormatNumber(f.low))) * (f.base_low / f.low);
    lo -= step;
    hi += step;
  }
  switch (f.modifier) {
    case FigureModifier::kNone: break;
    case FigureModifier::kAbout:
      lo -= std::abs(f.base_low) * options.about_tolerance;
      hi += std::abs(f.base_high) * options.about_tolerance;
      break;
    case FigureModifier::kMoreThan: lo = std::nextafter(lo, kInf); hi = kInf; break;
    case FigureModifier::kAtLeast: hi = kInf; break;
    case FigureModifier::kUpTo: lo = 0; break;
    case FigureModifier::kLessThan: hi = std::nextafter(hi, -kInf); lo = 0; break;
  }
  return {lo, hi};
}

bool Overlap(Interval a, Interval b) { return a.low <= b.high && b.low <= a.high; }

// Measures whose qualifier noun is too loosely read to keep groups apart.
bool NounMatters(const Figure& f) {
  return f.dimension != "magnitude";
}

// Heads whose values may disagree. Plain counted nouns ("19 passengers" taken to hospital,
// "52 passengers" on board) too often count different subsets to be set against each other,
// and so do distances ("50 km east of Tripoli" and "600 km from Tripoli" are two towns).
bool Disputable(const std::string& head) {
  return figures::IsAnyWord(head, {"killed", "injured", "missing", "trapped", "stranded",
                                   "displaced", "evacuated",
                                   "homeless", "arrested", "rescued", "destroyed", "damaged",
                                   "magnitude", "area", "depth", "height",
                                   "population", "money", "weight", "speed", "length", "width",
                                   "diameter", "power", "duration"});
}

// Groups too vague to compare: a bare distance or duration, an unknown percentage.
bool Comparable(const Figure& f) {
  if (f.partial || f.general || f.head.empty() || f.head == "percent") return false;
  if (f.head == "money" && f.noun.empty()) return false;  // "$5 million" of what?
  // A size names what it measures ("the hole ... 40 metres deep"); one that names nothing
  // cannot be set against another thing's size.
  if (figures::IsAnyWord(f.head, {"distance", "duration", "length", "width", "diameter", "depth",
                                  "height"}) &&
      f.noun.empty())
    return false;
  // A duration disputes only how long the event itself went on ("the siege lasted 36 hours").
  if (f.head == "duration" && figures::EventOf(f.noun).empty()) return false;
  // "Up to 14 inches of snow", "536 millimeters of rain": falls of snow or rain differ from
  // place to place and are often forecasts, so they are listed, never disputed.
  if (f.head == "depth" && figures::IsAnyWord(f.noun, {"snow", "rain", "hail", "sleet"}))
    return false;
  return true;
}

std::vector<std::string> ContentWords(std::string_view s) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 3 && !figures::IsFunctionWord(cur)) words.push_back(cur);
    cur.clear();
  };
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
      cur.push_back(c);
    else if (c >= 'A' && c <= 'Z')
      cur.push_back(static_cast<char>(c + 32));
    else
      flush();
  }
  flush();
  return words;
}

template <typename Claim>
void AddToSide(std::vector<DisagreementSide>& sides, const std::string& value,
               const std::string& text, const Claim& claim, const std::string& source) {
  auto it = std::find_if(sides.begin(), sides.end(),
                         [&](const DisagreementSide& s) { return s.value == value; });
  if (it == sides.end()) {
    sides.push_back(DisagreementSide{value, text, {}, {}, {}});
    it = sides.end() - 1;
  }
  it->articles.push_back(claim.article);
  it->spans.push_back(claim.span);
  it->sources.push_back(source);
}

void SortSides(std::vector<DisagreementSide>& sides) {
  std::stable_sort(sides.begin(), sides.end(), [](const auto& a, const auto& b) {
    std::set<uint32_t> sa(a.articles.begin(), a.articles.end());
    std::set<uint32_t> sb(b.articles.begin(), b.articles.end());
    return sa.size() > sb.size();
  });
}

const Article* ByIndex(std::span<const Article> articles, uint32_t index) {
  if (index < articles.size() && articles[index].index == index) return &articles[index];
  for (const Article& a : articles)
    if (a.index == index) return &a;
  return nullptr;
}

bool CloseInTime(std::span<const Article> articles, uint32_t a, uint32_t b,
                 const FigureOptions& options) {
  const Article* x = ByIndex(articles, a);
  const Article* y = ByIndex(articles, b);
  if (x == nullptr || y == nullptr || !x->date || !y->date || !x->date->IsComplete() ||
      !y->date->IsComplete())
    return true;
  int64_t gap = x->date->ToDays() - y->date->ToDays();
  return (gap < 0 ? -gap : gap) <= options.max_publication_gap_days;
}

}  // namespace

std::string FigureValueKey(const Figure& f) {
  if (!f.vague.empty()) return f.vague;
  if (f.is_range) return FormatNumber(f.low) + "-" + FormatNumber(f.high);
  return FormatNumber(f.low);
}

const char* DisagreementKindName(DisagreementKind kind) {
  switch (kind) {
    case DisagreementKind::kValue: return "value";
    case DisagreementKind::kDate: return "date";
    case DisagreementKind::kReason: return "reason";
  }
  return "";
}

FigureReport ConsolidateFigures(std::span<const Article> articles, const FigureOptions& options) {
  FigureReport report;
  for (const Article& a : articles) {
    std::vector<Figure> f = ExtractFigures(a);
    report.figures.insert(report.figures.end(), std::make_move_iterator(f.begin()),
                          std::make_move_iterator(f.end()));
    std::vector<DateClaim> d = options.date_claims ? options.date_claims(a) : ExtractDateClaims(a);
    report.dates.insert(report.dates.end(), d.begin(), d.end());
    std::vector<ReasonClaim> r = ExtractReasonClaims(a);
    report.reasons.insert(report.reasons.end(), r.begin(), r.end());
  }

  // Figures: group by (head, noun, dimension). A toll that names no noun ("the death toll has
  // risen to 17") joins the counts of its outcome when they all count one noun other than
  // people ("14 inmates were killed"); with several nouns (soldiers, civilians) it stays apart.
  // "31 people were injured" never joins "three rescuers were injured": a part, not a rival.
  std::map<std::string, std::set<std::string>> nouns_of_outcome;
  for (const Figure& f : report.figures)
    if (Comparable(f) && f.dimension.empty() && !f.noun.empty() && f.noun != "people")
      nouns_of_outcome[f.head].insert(f.noun);
  // Areas and weights likewise: "48 square kilometres" burned joins "12,000 hectares of forest"
  // when forest is the one thing whose area the event's articles give; with several (forest,
  // farmland, classrooms) a bare area could be any of them and is not compared.
  std::map<std::string, std::set<std::string>> nouns_of_measure;
  for (const Figure& f : report.figures)
    if (Comparable(f) && (f.dimension == "area" || f.dimension == "mass") && !f.noun.empty())
      nouns_of_measure[f.head].insert(f.noun);
  // A toll counts people, never animals: "dozens of cattle had been found dead".
  for (auto& [head, nouns] : nouns_of_outcome)
    for (const std::string& n : nouns)
      if (figures::IsAnyWord(n, {"cattle", "cows", "sheep", "goats", "pigs", "horses", "camels",
                                 "animals", "livestock", "poultry", "chickens", "birds", "fish",
                                 "dogs", "seals", "crows", "dolphins", "whales", "deer",
                                 "seabirds", "turtles", "bats"}))
        nouns.insert("people");  // more than one noun: no toll joins
  std::map<std::string, std::vector<uint32_t>> groups;
  std::vector<std::string> order;
  for (uint32_t i = 0; i < report.figures.size(); ++i) {
    Figure& f = report.figures[i];
    if (!Comparable(f)) continue;
    if (f.total && f.dimension.empty() && (f.noun.empty() || f.noun == "people") &&
        Disputable(f.head)) {
      auto it = nouns_of_outcome.find(f.head);
      if (it != nouns_of_outcome.end() && it->second.size() == 1) f.noun = *it->second.begin();
    }
    if ((f.dimension == "area" || f.dimension == "mass") && f.noun.empty()) {
      auto it = nouns_of_measure.find(f.head);
      if (it != nouns_of_measure.end() && it->second.size() == 1) f.noun = *it->second.begin();
      // Several things have an area here: a bare one could be any of them.
      if (it != nouns_of_measure.end() && it->second.size() > 1) continue;
    }
    std::string key = f.head + '\x1f' + (NounMatters(f) ? f.noun : std::string()) + '\x1f' +
                      f.dimension;
    auto [it, fresh] = groups.try_emplace(key);
    if (fresh) order.push_back(key);
    it->second.push_back(i);
  }
  for (const std::string& key : order) {
    const std::vector<uint32_t>& members = groups[key];
    const Figure& first = report.figures[members.front()];
    FigureGroup group;
    group.head = first.head;
    group.noun = NounMatters(first) ? first.noun : std::string();
    group.dimension = first.dimension;
    std::set<std::string> superseded;
    for (uint32_t i : members)
      if (report.figures[i].superseded) superseded.insert(FigureValueKey(report.figures[i]));
    std::vector<uint32_t> value_of(members.size());
    for (size_t m = 0; m < members.size(); ++m) {
      const Figure& f = report.figures[members[m]];
      std::string vkey = FigureValueKey(f);
      std::string full = std::string(FigureModifierName(f.modifier)) + "|" + vkey + "|" + f.unit;
      size_t v = 0;
      for (; v < group.values.size(); ++v) {
        const Figure& g = report.figures[group.values[v].figures.front()];
        if (std::string(FigureModifierName(g.modifier)) + "|" + group.values[v].key + "|" +
                g.unit == full)
          break;
      }
      if (v == group.values.size()) group.values.push_back(FigureValue{vkey, f.text, {}, 0});
      group.values[v].figures.push_back(members[m]);
      value_of[m] = static_cast<uint32_t>(v);
    }
    for (FigureValue& v : group.values) {
      std::set<uint32_t> arts;
      for (uint32_t i : v.figures) arts.insert(report.figures[i].article);
      v.support = static_cast<uint32_t>(arts.size());
    }
    // Conflicting pairs: claims of different articles, or of two named sources in one article.
    // A claimant (article + source) that itself states a value compatible with the other side
    // does not dispute it ("a 25 mph test rather than 30 mph" states both). Work is over pairs
    // of distinct values (all claims of a value share one interval) and stops at the first pair
    // of claims that qualifies, so a large event costs values^2, not claims^3.
    std::vector<Interval> value_interval(group.values.size());
    for (size_t v = 0; v < group.values.size(); ++v)
      value_interval[v] = ClaimInterval(report.figures[group.values[v].figures.front()], options);
    std::map<std::pair<uint32_t, std::string>, std::vector<uint32_t>> claimant_values;
    for (size_t m = 0; m < members.size(); ++m) {
      const Figure& f = report.figures[members[m]];
      auto& vs = claimant_values[{f.article, f.attribution.source}];
      if (std::find(vs.begin(), vs.end(), value_of[m]) == vs.end()) vs.push_back(value_of[m]);
    }
    auto claimant_states = [&](const Figure& owner, uint32_t other_value) {
      for (uint32_t v : claimant_values[{owner.article, owner.attribution.source}])
        if (Overlap(value_interval[v], value_interval[other_value])) return true;
      return false;
    };
    auto live = [&](const Figure& f) {
      return !f.superseded && !superseded.count(FigureValueKey(f));
    };
    // Conflicting values joined into components: "10 vs 11" killed in one city and "213 vs
    // 247" in another are two disagreements, not one.
    std::vector<uint32_t> component(group.values.size());
    for (uint32_t v = 0; v < component.size(); ++v) component[v] = v;
    auto root = [&](uint32_t v) {
      while (component[v] != v) v = component[v] = component[component[v]];
      return v;
    };
    std::set<uint32_t> conflicting;
    for (uint32_t va = 0; va < group.values.size(); ++va) {
      for (uint32_t vb = va + 1; vb < group.values.size(); ++vb) {
        if (Overlap(value_interval[va], value_interval[vb])) continue;
        // "up to 300" against "more than 300": one number, read two ways, is no rivalry.
        if (group.values[va].key == group.values[vb].key) continue;
        // Values more than ten times apart count different scopes ("11 killed" in one city,
        // "247" in another; "180 kilograms" seized, "4,000 tons" shipped), not rival claims.
        const Interval& span_a = value_interval[va];
        const Interval& span_b = value_interval[vb];
        double far = std::max(span_a.low, span_b.low), near = std::min(span_a.high, span_b.high);
        if (near > 0 && far / near > options.max_value_ratio) continue;
        bool found = false;
        for (uint32_t ia : group.values[va].figures) {
          const Figure& fa = report.figures[ia];
          if (!live(fa) || claimant_states(fa, vb)) continue;
          for (uint32_t ib : group.values[vb].figures) {
            const Figure& fb = report.figures[ib];
            if (fb.article == fa.article &&
                (fa.attribution.empty() || fb.attribution.empty() ||
                 fa.attribution.source == fb.attribution.source))
              continue;
            if (!live(fb) || claimant_states(fb, va) ||
                !CloseInTime(articles, fa.article, fb.article, options))
              continue;
            found = true;
            break;
          }
          if (found) break;
        }
        if (found) {
          conflicting.insert(va);
          conflicting.insert(vb);
          component[root(va)] = root(vb);
        }
      }
    }
    if (!conflicting.empty() && Disputable(group.head)) {
      group.disputed = true;
      std::map<uint32_t, std::vector<uint32_t>> by_component;
      for (uint32_t v : conflicting) by_component[root(v)].push_back(v);
      for (const auto& [unused_root, values] : by_component) {
        Disagreement d;
        d.kind = DisagreementKind::kValue;
        d.topic = group.head;
        d.noun = group.noun;
        for (uint32_t v : values) {
          const FigureValue& value = group.values[v];
          for (uint32_t i : value.figures) {
            const Figure& f = report.figures[i];
            AddToSide(d.sides, value.key, value.text, f, f.attribution.source);
          }
        }
        SortSides(d.sides);
        report.disagreements.push_back(std::move(d));
      }
    }
    std::stable_sort(group.values.begin(), group.values.end(),
                     [](const FigureValue& a, const FigureValue& b) { return a.support > b.support; });
    report.groups.push_back(std::move(group));
  }

  // Dates of the same event.
  std::map<std::string, std::vector<const DateClaim*>> by_event;
  for (const DateClaim& c : report.dates) by_event[c.event].push_back(&c);
  for (auto& [event, claims] : by_event) {
    bool conflict = false;
    for (size_t a = 0; a < claims.size() && !conflict; ++a)
      for (size_t b = a + 1; b < claims.size() && !conflict; ++b)
        conflict = claims[a]->article != claims[b]->article && claims[a]->date != claims[b]->date &&
                   CloseInTime(articles, claims[a]->article, claims[b]->article, options);
    if (!conflict) continue;
    Disagreement d;
    d.kind = DisagreementKind::kDate;
    d.topic = event;
    for (const DateClaim* c : claims) {
      const Article* art = nullptr;
      for (const Article& a : articles)
        if (a.index == c->article) art = &a;
      std::string text = art ? std::string(art->View(c->span)) : std::string();
      AddToSide(d.sides, c->date.ToIso(), text, *c, std::string());
    }
    SortSides(d.sides);
    report.disagreements.push_back(std::move(d));
  }

  // Causes of the same event stated with no word in common.
  std::map<std::string, std::vector<const ReasonClaim*>> reasons;
  for (const ReasonClaim& c : report.reasons) reasons[c.event].push_back(&c);
  for (auto& [event, claims] : reasons) {
    std::set<size_t> involved;
    for (size_t a = 0; a < claims.size(); ++a) {
      std::vector<std::string> wa = ContentWords(claims[a]->reason);
      for (size_t b = a + 1; b < claims.size(); ++b) {
        if (claims[a]->article == claims[b]->article) continue;
        std::vector<std::string> wb = ContentWords(claims[b]->reason);
        bool shared = false;
        for (const std::string& w : wa)
          shared = shared || std::find(wb.begin(), wb.end(), w) != wb.end();
        if (!shared && !wa.empty() && !wb.empty()) {
          involved.insert(a);
          involved.insert(b);
        }
      }
    }
    if (involved.empty()) continue;
    Disagreement d;
    d.kind = DisagreementKind::kReason;
    d.topic = event;
    for (size_t i : involved) AddToSide(d.sides, claims[i]->reason, claims[i]->reason, *claims[i], "");
    SortSides(d.sides);
    report.disagreements.push_back(std::move(d));
  }
  return report;
}

}  // namespace sitrep
