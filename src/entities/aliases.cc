// Alias rules, applied with a union-find over mentions:
//   known sets (data/aliases.txt) > identical keys > acronym definitions "Long Name (ACR)"
//   (spelled in order, or a foreign-language acronym with at most one letter not an initial) and
//   unique initials > full person names sharing first and last name > a shorter name that
//   begins or ends a longer one of the same article > given names written together or apart >
//   quoted nicknames > surname-only mentions (the nearest full name of the same article, else
//   the only one in the event) > transliteration variants word by word.
// A surname shared by two people's full names in one article is ambiguous there: its bare
// mentions join neither (a missed merge costs less than two people made one).
#include "entities/aliases.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/data.h"
#include "entities/gazetteer_format.h"


namespace sitrep::entities {
namespace {

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

const std::set<std::string_view>& Titles() {
  static const std::set<std::string_view> titles = {
      "mr", "mrs", "ms", "dr", "prof", "president", "vice", "gen", "general", "prime", "minister",
      "sen", "senator", "rep", "representative", "gov", "governor", "king", "queen", "prince",
      "princess", "sheikh", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant", "capt",
      "captain", "pope", "chancellor", "secretary", "commander", "judge", "justice", "rev",
      "reverend", "sir", "lord", "lady", "marshal", "field", "chairman", "mayor", "ayatollah",
      "emir", "sultan", "brig", "brigadier", "maj", "major", "adm", "admiral", "foreign",
      "defense", "defence", "interior", "state", "deputy", "former", "late", "us", "u.s.",
      "spokesman", "spokeswoman", "leader", "chief", "ambassador", "envoy", "premier", "sayyed",
      "sayyid", "grand", "mullah", "crown"};
  return titles;
}

// Data file: one alias set per line, canonical name first, aliases separated by '|'.
struct KnownAliasTable {
  std::vector<std::vector<std::string_view>> sets;
  std::unordered_map<std::string, int> by_key;
};
const KnownAliasTable& Known() {
  static const KnownAliasTable table = [] {
    KnownAliasTable t;
    std::string_view data = EmbeddedData("aliases.txt");
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> set;
      while (!line.empty()) {
        size_t bar = line.find('|');
        std::string_view alias = line.substr(0, bar);
        line = bar == std::string_view::npos ? std::string_view() : line.substr(bar + 1);
        while (!alias.empty() && alias.front() == ' ') alias.remove_prefix(1);
        while (!alias.empty() && (alias.back() == ' ' || alias.back() == '\r')) alias.remove_suffix(1);
        if (!alias.empty()) set.push_back(alias);
      }
      if (set.empty()) continue;
      int id = static_cast<int>(t.sets.size());
      for (std::string_view alias : set) {
        // Keys without person titles stripped: the file lists exact names.
        std::string key = AliasKey(alias, EntityType::kMisc);
        if (!key.empty()) t.by_key.emplace(key, id);
      }
      t.sets.push_back(std::move(set));
    }
    return t;
  }();
  return table;
}

size_t Levenshtein(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return row[b.size()];
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

struct UnionFind {
  std::vector<uint32_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  uint32_t Find(uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

constexpr std::string_view kInitialStopWords[] = {"of", "the", "and", "for", "de", "du", "des",
                                                  "la", "le", "del", "in", "on", "to", "&"};

// "RSF" -> true: 2-8 letters, capitals (periods allowed: "U.N."); a few lower-case letters
// inside, fewer than the capitals, for "AfD".
bool LooksLikeAcronym(std::string_view s) {
  int letters = 0, lower = 0;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c >= 'a' && c <= 'z' && letters > 0) ++lower;
    else if (c != '.' && c != '-' && c != '&') return false;
  }
  return letters >= 2 && lower < letters && letters + lower <= 8;
}

// The "ACR" of a "(ACR)" right after a mention.
std::string_view DefinedAcronym(std::string_view following) {
  size_t i = 0;
  while (i < following.size() && following[i] == ' ') ++i;
  if (i >= following.size() || following[i] != '(') return {};
  size_t close = following.find(')', i);
  if (close == std::string_view::npos || close - i > 12) return {};
  std::string_view inner = following.substr(i + 1, close - i - 1);
  return LooksLikeAcronym(inner) ? inner : std::string_view();
}

// Full names of one person: same first and last word (up to transliteration) and no two
// different middle parts ("George W. Bush" is not "George H.W. Bush"; "George Bush" is either).
bool SamePerson(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b);

// Connectors that may give no letter when spelling: the Arabic article and "wal" ("Hayat Tahrir
// al-Sham (HTS)"), the Urdu/Persian izafat ("Tehreek-e-Insaf (PTI)"), a possessive's "s".
constexpr std::string_view kSpellingConnectors[] = {"al", "el", "wal", "e", "i", "ul", "s"};

// Stop words and connectors may give an acronym no letter.
bool MayGiveNoLetter(std::string_view word) {
  auto in = [word](const auto& list) {
    return std::find(std::begin(list), std::end(list), word) != std::end(list);
  };
  return in(kInitialStopWords) || in(kSpellingConnectors);
}

// Whether `acronym` (folded, no spaces) can be spelled by word prefixes of `key` in order,
// every word except stop words and connectors giving at least one letter: "ecowas" from
// "economic community of west african states".
bool SpellsAcronym(std::string_view acronym, const std::vector<std::string_view>& words, size_t w) {
  if (w == words.size()) return acronym.empty();
  const bool stop = MayGiveNoLetter(words[w]);
  if (stop && SpellsAcronym(acronym, words, w + 1)) return true;
  for (size_t k = 1; k <= words[w].size() && k <= acronym.size(); ++k) {
    if (words[w][k - 1] != acronym[k - 1]) break;
    if (SpellsAcronym(acronym.substr(k), words, w + 1)) return true;
  }
  return false;
}

// An acronym from another language's word order or words ("National Liberation Army (ELN)",
// "Jalisco New Generation Cartel (CJNG)"): at least three letters, all but at most one of them
// initials of the name's words (any order, each word once).
bool LooseAcronym(std::string_view acronym, const std::vector<std::string_view>& words) {
  if (acronym.size() < 3 || words.size() < 2) return false;
  std::string initials;
  for (std::string_view w : words) initials.push_back(w[0]);
  int missing = 0;
  for (char c : acronym) {
    size_t at = initials.find(c);
    if (at == std::string::npos) ++missing;
    else initials[at] = ' ';
  }
  return missing <= 1;
}

// Whether `acronym` is exactly the initials of `words`, stop words and connectors giving their
// initial or nothing: "ecowas" from "economic community of west african states".
bool InitialsOf(std::string_view acronym, const std::vector<std::string_view>& words, size_t w) {
  if (w == words.size()) return acronym.empty();
  const bool stop = MayGiveNoLetter(words[w]);
  if (stop && InitialsOf(acronym, words, w + 1)) return true;
  return !acronym.empty() && words[w][0] == acronym[0] && InitialsOf(acronym.substr(1), words, w + 1);
}

}  // namespace

bool TransliterationVariants(std::string_view a, std::string_view b);

namespace {
bool SamePerson(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  if (a.size() < 2 || b.size() < 2) return false;
  if (!TransliterationVariants(a.front(), b.front()) || !TransliterationVariants(a.back(), b.back()))
    return false;
  auto middle = [](const std::vector<std::string_view>& w) {
    std::string m;
    for (size_t i = 1; i + 1 < w.size(); ++i) m.append(w[i]);
    return m;
  };
  std::string ma = middle(a), mb = middle(b);
  return ma.empty() || mb.empty() || ma == mb;
}
}  // namespace

std::string AliasKey(std::string_view surface, EntityType type) {
  std::string_view s = surface;
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'"})
    if (s.size() > suffix.size() && s.ends_with(suffix)) {
      s.remove_suffix(suffix.size());
      break;
    }
  std::string key = NormalizePlaceName(s);
  std::vector<std::string_view> words = Words(key);
  size_t first = 0;
  if (words.size() > 1 && words[0] == "the") first = 1;
  if (type == EntityType::kPerson)
    while (first + 1 < words.size() && Titles().count(words[first])) ++first;
  // The Arabic article: "al-Assad", "el-Sisi", "Al Jazeera" (when more follows).
  if (first + 1 < words.size() && (words[first] == "al" || words[first] == "el" || words[first] == "ad"))
    ++first;
  std::string out;
  for (size_t i = first; i < words.size(); ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

std::string ConsonantSkeleton(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == 'p' && i + 1 < word.size() && word[i + 1] == 'h') {
      c = 'f';
      ++i;
    }
    if (IsVowel(c) || c == 'h' || c == 'w') continue;
    if (c == 'c' || c == 'q' || c == 'g') c = 'k';
    if (c == 'z') c = 's';
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

bool TransliterationVariants(std::string_view a, std::string_view b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  if (ConsonantSkeleton(a) != ConsonantSkeleton(b)) return false;
  // Niger / Nigeria; a final "h" after a vowel is silent (Haniyeh / Haniya).
  auto vowel_end = [](std::string_view w) {
    return IsVowel(w.back()) || (w.size() >= 2 && w.back() == 'h' && IsVowel(w[w.size() - 2]));
  };
  if (vowel_end(a) != vowel_end(b)) return false;
  size_t longer = std::max(a.size(), b.size());
  if (std::min(a.size(), b.size()) <= 5 && a[0] != b[0]) return false;  // Iran / Oran
  return Levenshtein(a, b) * 10 <= longer * 3;                            // Mali / Malawi
}

int KnownAliasSet(std::string_view key) {
  const auto& known = Known();
  auto it = known.by_key.find(std::string(key));
  return it == known.by_key.end() ? -1 : it->second;
}

std::vector<std::string_view> KnownAliases(int set) {
  const auto& known = Known();
  if (set < 0 || static_cast<size_t>(set) >= known.sets.size()) return {};
  return known.sets[set];
}

std::vector<uint32_t> GroupItems(std::span<const AliasItem> items, bool use_known_aliases) {
  const size_t n = items.size();
  UnionFind uf(n);
  std::vector<std::string> keys(n), nicknames(n);
  std::vector<std::vector<std::string_view>> words(n);
  for (size_t i = 0; i < n; ++i) {
    std::string text = items[i].text;
    // A quoted nickname inside a person's name: Joaquin "El Chapo" Guzman.
    if (items[i].type == EntityType::kPerson) {
      for (std::string_view quote : {std::string_view("\""), std::string_view("\xE2\x80\x9C")}) {
        size_t open = text.find(quote);
        if (open == std::string::npos) continue;
        std::string_view close = quote == "\"" ? quote : std::string_view("\xE2\x80\x9D");
        size_t end = text.find(close, open + quote.size());
        if (end == std::string::npos || end == open + quote.size()) continue;
        nicknames[i] = AliasKey(text.substr(open + quote.size(), end - open - quote.size()),
                                EntityType::kPerson);
        text = text.substr(0, open) + " " + text.substr(end + close.size());
        break;
      }
    }
    keys[i] = AliasKey(text, items[i].type);
    words[i] = Words(keys[i]);
  }
  auto is_person = [&](size_t i) { return items[i].type == EntityType::kPerson; };
  // Surnames shared by two different full names in one document.
  std::map<std::pair<uint32_t, std::string_view>, std::set<std::string_view>> full_by_surname;
  for (size_t i = 0; i < n; ++i)
    if (is_person(i) && words[i].size() >= 2)
      full_by_surname[{items[i].document, words[i].back()}].insert(keys[i]);
  auto ambiguous = [&](size_t i) {
    if (!is_person(i) || words[i].size() != 1) return false;
    auto it = full_by_surname.find({items[i].document, words[i][0]});
    if (it == full_by_surname.end() || it->second.size() < 2) return false;
    // Two full names that are one person ("Vladimir Putin" / "Vladimir V. Putin") do not count.
    std::vector<std::vector<std::string_view>> fulls;
    for (std::string_view full : it->second) fulls.push_back(Words(full));
    for (size_t a = 0; a < fulls.size(); ++a)
      for (size_t b = a + 1; b < fulls.size(); ++b)
        if (!SamePerson(fulls[a], fulls[b])) return true;
    return false;
  };
  std::vector<bool> is_ambiguous(n);
  for (size_t i = 0; i < n; ++i) is_ambiguous[i] = ambiguous(i);

  // Known alias sets and identical keys (people with people, others with others).
  std::unordered_map<std::string, uint32_t> first_of_key;
  std::unordered_map<int, uint32_t> first_of_set;
  for (size_t i = 0; i < n; ++i) {
    if (keys[i].empty() || is_ambiguous[i]) continue;
    std::string k = keys[i] + (is_person(i) ? "\x01P" : "");
    auto [it, inserted] = first_of_key.emplace(k, static_cast<uint32_t>(i));
    if (!inserted) uf.Union(it->second, static_cast<uint32_t>(i));
    if (use_known_aliases) {
      int set = KnownAliasSet(keys[i]);
      if (set < 0) set = KnownAliasSet(AliasKey(items[i].text, EntityType::kMisc));
      if (set >= 0) {
        auto [jt, fresh] = first_of_set.emplace(set, static_cast<uint32_t>(i));
        if (!fresh) uf.Union(jt->second, static_cast<uint32_t>(i));
      }
    }
  }
  // Acronyms defined in the text: "Rapid Support Forces (RSF)".
  std::unordered_map<std::string, std::vector<uint32_t>> by_key;
  for (size_t i = 0; i < n; ++i) by_key[keys[i]].push_back(static_cast<uint32_t>(i));
  std::set<std::string> defined;
  for (size_t i = 0; i < n; ++i) {
    std::string_view acronym = DefinedAcronym(items[i].following);
    if (acronym.empty() || is_person(i)) continue;
    std::string akey = AliasKey(acronym, items[i].type);
    akey.erase(std::remove(akey.begin(), akey.end(), ' '), akey.end());
    if (!SpellsAcronym(akey, words[i], 0) && !LooseAcronym(akey, words[i])) continue;
    defined.insert(akey);
    for (uint32_t j : by_key[akey]) uf.Union(static_cast<uint32_t>(i), j);
    // "SPLM-IO" elsewhere keys as "splm io".
    std::string spaced = AliasKey(acronym, items[i].type);
    if (spaced != akey) {
      defined.insert(spaced);
      for (uint32_t j : by_key[spaced]) uf.Union(static_cast<uint32_t>(i), j);
    }
  }
  // Undefined acronyms: merge with the single multi-word name whose initials they are.
  // Stop words ("of") may give their initial or none: "ECOWAS", "AU".
  std::vector<uint32_t> multiword;
  std::set<std::string_view> seen_names;
  for (size_t i = 0; i < n; ++i)
    if (!is_person(i) && words[i].size() >= 2 && seen_names.insert(keys[i]).second)
      multiword.push_back(static_cast<uint32_t>(i));
  for (size_t i = 0; i < n; ++i) {
    if (is_person(i) || !LooksLikeAcronym(items[i].text) || defined.count(keys[i])) continue;
    std::string letters;
    for (char c : keys[i]) if (c != ' ') letters.push_back(c);
    std::set<std::string_view> names;
    for (uint32_t j : multiword)
      if (letters.size() <= words[j].size() && InitialsOf(letters, words[j], 0)) names.insert(keys[j]);
    if (names.size() != 1) continue;
    for (uint32_t j : by_key[std::string(*names.begin())]) uf.Union(static_cast<uint32_t>(i), j);
  }
  // Full person names of one person (SamePerson); when a first + last name pair has two
  // different middle parts in the data, the bare "first last" joins neither.
  std::map<std::pair<std::string_view, std::string_view>, std::set<std::string>> middles;
  for (size_t i = 0; i < n; ++i) {
    if (!is_person(i) || words[i].size() < 3) continue;
    std::string m;
    for (size_t w = 1; w + 1 < words[i].size(); ++w) m.append(words[i][w]);
    middles[{words[i].front(), words[i].back()}].insert(m);
  }
  std::vector<size_t> fulls;
  for (size_t i = 0; i < n; ++i)
    if (is_person(i) && words[i].size() >= 2) fulls.push_back(i);
  for (size_t a = 0; a < fulls.size(); ++a)
    for (size_t b = a + 1; b < fulls.size(); ++b) {
      size_t i = fulls[a], j = fulls[b];
      if (!SamePerson(words[i], words[j])) continue;
      if (words[i].size() != words[j].size()) {
        auto it = middles.find({words[i].front(), words[i].back()});
        if (it != middles.end() && it->second.size() >= 2) continue;
      }
      uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    }
  // A name of two or more words that begins or ends a longer name of the same article ("Sassou Nguesso" in
  // "Denis Sassou Nguesso", "Salva Kiir" in "Salva Kiir Mayardit"), when only one person fits.
  for (size_t i = 0; i < n; ++i) {
    if (!is_person(i) || words[i].size() < 2) continue;
    const auto& wi = words[i];
    std::set<uint32_t> groups;
    int64_t any = -1;
    for (size_t j = 0; j < n; ++j) {
      const auto& wj = words[j];
      if (!is_person(j) || wj.size() <= wi.size() || items[j].document != items[i].document) continue;
      bool prefix = std::equal(wi.begin(), wi.end(), wj.begin());
      bool suffix = std::equal(wi.begin(), wi.end(), wj.end() - static_cast<std::ptrdiff_t>(wi.size()));
      if (!prefix && !suffix) continue;
      groups.insert(uf.Find(static_cast<uint32_t>(j)));
      any = static_cast<int64_t>(j);
    }
    if (groups.size() == 1) uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(any));
  }
  // Given names written together or apart, surname up to transliteration: "Abdul-Malik
  // al-Houthi" / "Abdulmalik al-Houthi", "Abdul Hamid Dbeibah" / "Abdulhamid al-Dbeiba".
  auto given = [&](size_t i) {
    std::string g;
    for (size_t w = 0; w + 1 < words[i].size(); ++w)
      if (w == 0 || (words[i][w] != "al" && words[i][w] != "el")) g.append(words[i][w]);
    return g;
  };
  std::vector<std::string> givens(n);
  for (size_t i : fulls) givens[i] = given(i);
  for (size_t a = 0; a < fulls.size(); ++a)
    for (size_t b = a + 1; b < fulls.size(); ++b) {
      size_t i = fulls[a], j = fulls[b];
      if (givens[i].size() < 4 || givens[i] != givens[j]) continue;
      if (!TransliterationVariants(words[i].back(), words[j].back())) continue;
      uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    }
  // Quoted nicknames join the mentions of the nickname alone ("El Chapo").
  for (size_t i = 0; i < n; ++i) {
    if (nicknames[i].empty()) continue;
    auto it = by_key.find(nicknames[i]);
    if (it == by_key.end()) continue;
    for (uint32_t j : it->second)
      if (is_person(j)) uf.Union(static_cast<uint32_t>(i), j);
  }
  // Surname-only mentions.
  for (size_t i = 0; i < n; ++i) {
    if (!is_person(i) || words[i].size() != 1) continue;
    // A surname two people of this article share names neither of them for sure.
    if (is_ambiguous[i]) continue;
    std::string_view surname = words[i][0];
    int64_t best = -1, best_distance = INT64_MAX;
    for (size_t j = 0; j < n; ++j) {
      if (!is_person(j) || words[j].size() < 2 || items[j].document != items[i].document) continue;
      if (!TransliterationVariants(words[j].back(), surname)) continue;
      // Preceding full names first, then the nearest following one.
      int64_t d = static_cast<int64_t>(items[i].offset) - static_cast<int64_t>(items[j].offset);
      int64_t distance = d >= 0 ? d : (int64_t{1} << 40) - d;
      if (distance < best_distance) {
        best_distance = distance;
        best = static_cast<int64_t>(j);
      }
    }
    if (best >= 0) {
      uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(best));
      continue;
    }
    std::set<uint32_t> groups;
    int64_t any = -1;
    for (size_t j = 0; j < n; ++j) {
      if (!is_person(j) || words[j].size() < 2 || !TransliterationVariants(words[j].back(), surname))
        continue;
      groups.insert(uf.Find(static_cast<uint32_t>(j)));
      any = static_cast<int64_t>(j);
    }
    if (groups.size() == 1) uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(any));
  }
  // Transliteration variants, word by word, between distinct keys of one type.
  std::vector<size_t> reps;
  std::set<std::pair<std::string_view, int>> seen;
  for (size_t i = 0; i < n; ++i)
    if (!keys[i].empty() && !is_ambiguous[i] &&
        seen.insert({keys[i], static_cast<int>(items[i].type)}).second)
      reps.push_back(i);
  for (size_t a = 0; a < reps.size(); ++a) {
    for (size_t b = a + 1; b < reps.size(); ++b) {
      size_t i = reps[a], j = reps[b];
      if (items[i].type != items[j].type || words[i].size() != words[j].size()) continue;
      if (uf.Find(static_cast<uint32_t>(i)) == uf.Find(static_cast<uint32_t>(j))) continue;
      bool same = true;
      for (size_t w = 0; w < words[i].size() && same; ++w)
        same = TransliterationVariants(words[i][w], words[j][w]);
      if (!same) continue;
      // A surname shared within one document stays two people unless the first names match.
      uf.Union(static_cast<uint32_t>(i), static_cast<uint32_t>(j));
    }
  }
  // Propagate: every item joins the group of its key's representative.
  std::vector<uint32_t> group(n);
  std::unordered_map<uint32_t, uint32_t> dense;
  for (size_t i = 0; i < n; ++i) {
    uint32_t root = uf.Find(static_cast<uint32_t>(i));
    auto [it, inserted] = dense.emplace(root, static_cast<uint32_t>(dense.size()));
    group[i] = it->second;
  }
  return group;
}

}  // namespace sitrep::entities

namespace sitrep {

std::vector<uint32_t> GroupAliases(std::span<const NamedMention> mentions, bool use_known_aliases) {
  std::vector<entities::AliasItem> items(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const NamedMention& m = mentions[i];
    items[i].text = m.text;
    items[i].type = m.type;
    items[i].document = m.document;
    // Position in the sentence when found, so "nearest preceding full name" works.
    size_t at = m.context.find(m.text);
    items[i].offset = static_cast<uint32_t>(i * 1000 + (at == std::string::npos ? 0 : at));
    if (at != std::string::npos) items[i].following = std::string_view(m.context).substr(at + m.text.size());
  }
  return entities::GroupItems(items, use_known_aliases);
}

}  // namespace sitrep
