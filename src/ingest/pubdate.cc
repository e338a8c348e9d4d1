// Publication dates as news sites print them. RE2 patterns, tried together; the earliest match
// in the line wins ("Published 14.02.2021 09:30 Updated 14.02.2021 11:02" -> the 14th, published).
// Slashed dates with both parts <= 12 are ambiguous (US vs European order) and are not guessed.
#include <re2/re2.h>

#include <array>
#include <memory>
#include <vector>
#include <optional>
#include <string>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

constexpr const char* kMonth =
    "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

int MonthNumber(std::string_view name) {
  static constexpr std::array<const char*, 12> kPrefixes = {"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower;
  for (char c : name.substr(0, 3)) lower.push_back(static_cast<char>(std::tolower(c)));
  for (size_t i = 0; i < kPrefixes.size(); ++i)
    if (lower == kPrefixes[i]) return static_cast<int>(i) + 1;
  return 0;
}

bool Valid(int y, int m, int d) {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > kDays[m - 1]) return false;
  if (m == 2 && d == 29) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return true;
}

enum class Order { kMonthDayYear, kDayMonthYear, kYearMonthDay, kDayMonthYearNumeric, kSlashed };

struct Pattern {
  std::unique_ptr<RE2> re;
  Order order;
};

const std::vector<Pattern>& Patterns() {
  static const std::vector<Pattern>* patterns = [] {
    auto* p = new std::vector<Pattern>;
    RE2::Options opt;
    opt.set_case_sensitive(false);
    auto add = [&](const std::string& re, Order order) {
      p->push_back({std::make_unique<RE2>("(" + re + ")", opt), order});
    };
    add(std::string("\\b") + kMonth + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
        Order::kMonthDayYear);
    add(std::string("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") + kMonth + ",?\\s+(\\d{4})\\b",
        Order::kDayMonthYear);
    add("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]\\d|\\b)", Order::kYearMonthDay);
    add("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b", Order::kYearMonthDay);
    add("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b", Order::kDayMonthYearNumeric);
    add("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b", Order::kSlashed);
    return p;
  }();
  return *patterns;
}

std::optional<CivilDate> Interpret(Order order, std::string_view a, std::string_view b,
                                   std::string_view c) {
  auto num = [](std::string_view s) { return std::atoi(std::string(s).c_str()); };
  int y = 0, m = 0, d = 0;
  switch (order) {
    case Order::kMonthDayYear: m = MonthNumber(a); d = num(b); y = num(c); break;
    case Order::kDayMonthYear: d = num(a); m = MonthNumber(b); y = num(c); break;
    case Order::kYearMonthDay: y = num(a); m = num(b); d = num(c); break;
    case Order::kDayMonthYearNumeric: d = num(a); m = num(b); y = num(c); break;
    case Order::kSlashed: {
      int first = num(a), second = num(b);
      y = num(c);
      if (first > 12 && second <= 12) { d = first; m = second; }
      else if (second > 12 && first <= 12) { m = first; d = second; }
      else return std::nullopt;  // ambiguous: never guessed
      break;
    }
  }
  if (!Valid(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

}  // namespace

std::optional<CivilDate> ParsePublicationDate(std::string_view line) {
  std::optional<CivilDate> best;
  size_t best_pos = std::string_view::npos;
  for (const Pattern& p : Patterns()) {
    re2::StringPiece input(line.data(), line.size());
    re2::StringPiece whole, a, b, c;
    auto view = [](re2::StringPiece s) { return std::string_view(s.data(), s.size()); };
    while (RE2::PartialMatch(input, *p.re, &whole, &a, &b, &c)) {
      size_t pos = static_cast<size_t>(whole.data() - line.data());
      if (pos >= best_pos) break;
      if (auto date = Interpret(p.order, view(a), view(b), view(c))) {
        best = date;
        best_pos = pos;
        break;
      }
      input = re2::StringPiece(line.data() + pos + 1, line.size() - pos - 1);  // a later match
    }
  }
  return best;
}

}  // namespace sitrep
