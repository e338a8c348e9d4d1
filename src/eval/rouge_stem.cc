// ROUGE-1.5.5's stemmer, reproduced rule for rule so that scores match the Perl script.
//
// Why not libstemmer: ROUGE-1.5.5 ships its own Perl Porter stemmer in which Chin-Yew Lin changed
// step 4 (a word in -ement no longer tries -ment and -ent in the same pass, and -ment/-ent run
// after the other suffixes), and it looks a word up in WordNet's exception lists before stemming.
// Snowball's "porter" and "english" differ from that on words like "agreement" and "went", and
// published DUC figures were made with the script, so the rules are written out here with the
// script's own regular expressions (RE2), the one back-reference done by hand.
#include <string>
#include <string_view>
#include <unordered_map>

#include <re2/re2.h>

#include "core/data.h"
#include "sitrep/eval.h"

namespace sitrep {
namespace {

// The script's building blocks: c = consonant, v = vowel (y counts as both), C/V = runs.
#define SITREP_C "[^aeiou][^aeiouy]*"
#define SITREP_V "[aeiouy][aeiou]*"
struct Patterns {
  RE2 mgr0{"^(" SITREP_C ")?" SITREP_V SITREP_C};                          // m > 0
  RE2 meq1{"^(" SITREP_C ")?" SITREP_V SITREP_C "(" SITREP_V ")?$"};       // m = 1
  RE2 mgr1{"^(" SITREP_C ")?" SITREP_V SITREP_C SITREP_V SITREP_C};        // m > 1
  RE2 has_vowel{"^(" SITREP_C ")?[aeiouy]"};                               // vowel in stem
  RE2 cvc{"^" SITREP_C "[aeiouy][^aeiouwxy]$"};                            // *o
};
#undef SITREP_C
#undef SITREP_V

const Patterns& P() {
  static const Patterns patterns;
  return patterns;
}

bool EndsWith(std::string_view w, std::string_view s) {
  return w.size() >= s.size() && w.substr(w.size() - s.size()) == s;
}

// The longest suffix of `w` in `list` (the leftmost match of the script's alternation), or -1.
template <size_t N>
int LongestSuffix(std::string_view w, const std::string_view (&list)[N]) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    if (EndsWith(w, list[i]) && (best < 0 || list[i].size() > list[best].size())) {
      best = static_cast<int>(i);
    }
  }
  return best;
}

constexpr std::string_view kStep2From[] = {
    "ational", "tional", "enci",    "anci",    "izer",    "bli",   "alli",
    "entli",   "eli",    "ousli",   "ization", "ation",   "ator",  "alism",
    "iveness", "fulness", "ousness", "aliti",  "iviti",   "biliti", "logi"};
constexpr std::string_view kStep2To[] = {
    "ate", "tion", "ence", "ance", "ize", "ble", "al",  "ent", "e",   "ous", "ize",
    "ate", "ate",  "al",   "ive",  "ful", "ous", "al",  "ive", "ble", "log"};
constexpr std::string_view kStep3From[] = {"icate", "ative", "alize", "iciti",
                                           "ical",  "ful",   "ness"};
constexpr std::string_view kStep3To[] = {"ic", "", "al", "ic", "ic", "", ""};
constexpr std::string_view kStep4[] = {"al",  "ance", "ence", "er",  "ic",    "able",
                                       "ible", "ant", "ement", "ou", "ism",   "ate",
                                       "iti", "ous",  "ive",  "ize"};

std::string PorterStem(std::string w) {
  const Patterns& p = P();
  if (w.size() < 3) return w;
  const bool initial_y = w[0] == 'y';
  if (initial_y) w[0] = 'Y';

  // Step 1a.
  if (EndsWith(w, "sses") || EndsWith(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }
  // Step 1b.
  if (EndsWith(w, "eed")) {
    if (RE2::PartialMatch(std::string_view(w).substr(0, w.size() - 3), p.mgr0)) w.pop_back();
  } else if (EndsWith(w, "ed") || EndsWith(w, "ing")) {
    const size_t cut = EndsWith(w, "ed") ? 2 : 3;
    std::string stem = w.substr(0, w.size() - cut);
    if (RE2::PartialMatch(stem, p.has_vowel)) {
      w = std::move(stem);
      const size_t n = w.size();
      if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
        w += 'e';
      } else if (n >= 2 && w[n - 1] == w[n - 2] &&
                 std::string_view("aeiouylsz").find(w[n - 1]) == std::string_view::npos) {
        w.pop_back();
      } else if (RE2::PartialMatch(w, p.cvc)) {
        w += 'e';
      }
    }
  }
  // Step 1c.
  if (!w.empty() && w.back() == 'y') {
    std::string stem = w.substr(0, w.size() - 1);
    if (RE2::PartialMatch(stem, p.has_vowel)) w = stem + "i";
  }
  // Step 2.
  if (int i = LongestSuffix(w, kStep2From); i >= 0) {
    std::string stem = w.substr(0, w.size() - kStep2From[i].size());
    if (RE2::PartialMatch(stem, p.mgr0)) w = stem + std::string(kStep2To[i]);
  }
  // Step 3.
  if (int i = LongestSuffix(w, kStep3From); i >= 0) {
    std::string stem = w.substr(0, w.size() - kStep3From[i].size());
    if (RE2::PartialMatch(stem, p.mgr0)) w = stem + std::string(kStep3To[i]);
  }
  // Step 4, as modified in ROUGE-1.5.5: the list, then -ment, then -ent else -(s|t)ion, each
  // applied to the result of the one before.
  if (int i = LongestSuffix(w, kStep4); i >= 0) {
    std::string stem = w.substr(0, w.size() - kStep4[i].size());
    if (RE2::PartialMatch(stem, p.mgr1)) w = stem;
  }
  if (EndsWith(w, "ment")) {
    std::string stem = w.substr(0, w.size() - 4);
    if (RE2::PartialMatch(stem, p.mgr1)) w = stem;
  }
  if (EndsWith(w, "ent")) {
    std::string stem = w.substr(0, w.size() - 3);
    if (RE2::PartialMatch(stem, p.mgr1)) w = stem;
  } else if (EndsWith(w, "sion") || EndsWith(w, "tion")) {
    std::string stem = w.substr(0, w.size() - 3);
    if (RE2::PartialMatch(stem, p.mgr1)) w = stem;
  }
  // Step 5.
  if (!w.empty() && w.back() == 'e') {
    std::string stem = w.substr(0, w.size() - 1);
    if (RE2::PartialMatch(stem, p.mgr1) ||
        (RE2::PartialMatch(stem, p.meq1) && !RE2::PartialMatch(stem, p.cvc))) {
      w = std::move(stem);
    }
  }
  if (EndsWith(w, "ll") && RE2::PartialMatch(w, p.mgr1)) w.pop_back();

  if (initial_y) w[0] = 'y';
  return w;
}

const std::unordered_map<std::string_view, std::string_view>& WordNetExceptions() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::string_view>();
    for (std::string_view line : EmbeddedLines("wordnet-exceptions.txt")) {
      const size_t space = line.find(' ');
      if (space == std::string_view::npos) continue;
      (*t)[line.substr(0, space)] = line.substr(space + 1);  // a later list wins, as in the DB
    }
    return t;
  }();
  return *table;
}

}  // namespace

std::string RougeStem(const std::string& lower_word, bool wordnet) {
  if (lower_word.empty()) return lower_word;
  if (wordnet) {
    const auto& exceptions = WordNetExceptions();
    if (auto it = exceptions.find(lower_word); it != exceptions.end()) {
      return std::string(it->second);
    }
  }
  return PorterStem(lower_word);
}

}  // namespace sitrep
