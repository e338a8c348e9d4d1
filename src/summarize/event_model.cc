// Builds the per-event sentence table every summarizer works from.
#include "summarize/event_model.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <unordered_set>

#include <re2/re2.h>
#include <xxhash.h>

#include "sitrep/text.h"

namespace sitrep::summarize {
namespace {

// Openings that need the sentence before them: pronouns whose referent is elsewhere, and
// discourse connectives that continue an argument.
const std::unordered_set<std::string_view>& ContextOpeners() {
  static const std::unordered_set<std::string_view> words = {
      "he",      "she",     "they",    "it",       "his",     "her",       "their", "its",
      "this",    "these",   "those",   "them",     "him",     "we",        "i",     "our",
      "that",    "such",    "but",     "and",      "so",      "also",      "however", "yet",
      "or",      "still",   "meanwhile", "instead", "then",   "too",       "moreover", "besides",
      "nevertheless", "thus", "therefore", "otherwise", "later", "afterward", "both",
      "another", "other",   "others",  "the other", "nor",    "because",   "while", "which",
      "there,"};
  return words;
}

// Openings that tie the sentence to the one before it ("Even so, most parents ..."), with their
// comma: "In addition to the levee, ..." and "Again the river rose" stand alone.
bool LinkedOpening(std::string_view text) {
  static constexpr std::string_view kOpenings[] = {
      "Even so,", "For example,", "For instance,", "In fact,", "As a result,", "In contrast,",
      "By contrast,", "Of course,", "In turn,", "In addition,", "On the other hand,",
      "At the same time,", "In the meantime,", "After all,", "Above all,", "To be sure,",
      "Certainly,", "Indeed,", "Similarly,", "Likewise,", "Consequently,", "Nonetheless,",
      "Hence,", "Accordingly,", "Again,", "Even then,", "In other words,", "Conversely,"};
  for (std::string_view o : kOpenings) {
    if (text.starts_with(o)) return true;
  }
  return false;
}

// First-person words outside an attributed quote usually mean the sentence is someone's
// words without the "said" that tells whose.
const std::unordered_set<std::string_view>& FirstPerson() {
  static const std::unordered_set<std::string_view> words = {"i", "we", "my", "our", "me",
                                                             "us", "i'm", "we're", "i've"};
  return words;
}

// Verbs that report speech: a pronoun before one names a speaker the reader has not met.
const std::unordered_set<std::string_view>& ReportingVerbs() {
  static const std::unordered_set<std::string_view> words = {
      "said", "says", "added", "adds", "told", "noted", "explained", "stressed", "insisted",
      "argued", "warned", "recalled", "acknowledged", "conceded", "admitted", "wrote"};
  return words;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Word (lower-cased form) -> what the model needs of it, keyed by the form's 64-bit XXH3 hash:
// no string is stored, so a word costs 12 bytes a slot instead of a node and a string (a
// 25-article event has ~10k words and stems). Two forms of one event sharing a 64-bit hash is a
// 1-in-10^11 event.
class WordTable {
 public:
  struct Info {
    uint32_t id = 0;  // the stem's term id
    bool stop = false;
    bool first_person = false;
    bool reporting = false;  // a reporting verb (ReportingVerbs(), or "say")
  };
  WordTable() : keys_(1 << 8, 0), values_(1 << 8, 0) {}
  // The entry for `key`, if there is one.
  std::optional<Info> Find(uint64_t key) const {
    key |= 1;  // 0 = empty; the lowest bit is given up
    const size_t mask = keys_.size() - 1;
    for (size_t slot = Home(key, mask); keys_[slot] != 0; slot = (slot + 1) & mask) {
      if (keys_[slot] == key) return Unpack(values_[slot]);
    }
    return std::nullopt;
  }
  void Put(uint64_t key, Info info) {
    key |= 1;
    if ((size_ + 1) * 10 > keys_.size() * 7) Grow();  // load factor <= 0.7
    const size_t mask = keys_.size() - 1;
    size_t slot = Home(key, mask);
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask;
    if (keys_[slot] == 0) ++size_;
    keys_[slot] = key;
    values_[slot] = Pack(info);
  }

 private:
  static size_t Home(uint64_t key, size_t mask) { return (key * 0x9E3779B97F4A7C15ull) >> 20 & mask; }
  static uint32_t Pack(Info info) {
    return info.id << 3 | (info.stop ? 1u : 0u) | (info.first_person ? 2u : 0u) |
           (info.reporting ? 4u : 0u);
  }
  static Info Unpack(uint32_t v) {
    return Info{v >> 3, (v & 1) != 0, (v & 2) != 0, (v & 4) != 0};
  }
  void Grow() {
    std::vector<uint64_t> keys(keys_.size() * 2, 0);
    std::vector<uint32_t> values(keys.size(), 0);
    const size_t mask = keys.size() - 1;
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] == 0) continue;
      size_t slot = Home(keys_[i], mask);
      while (keys[slot] != 0) slot = (slot + 1) & mask;
      keys[slot] = keys_[i];
      values[slot] = values_[i];
    }
    keys_.swap(keys);
    values_.swap(values);
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;  // Info packed: id << 3 | reporting << 2 | first_person << 1
                                  // | stop
  size_t size_ = 0;
};

}  // namespace

uint32_t CountWords(std::string_view text) {
  uint32_t n = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

size_t DatelineLength(std::string_view sentence) {
  // An upper-case place (words of capitals), optionally ", State." or ", Month Day", then an
  // agency in parentheses and a dash, or an underscore / double dash on its own ("US - China"
  // is a headline, not a dateline).
  static const RE2 kDateline(
      R"(^([A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*)(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*)?)"
      R"((?:,?\s+[A-Z][a-z]+\.?\s+\d{1,2})?)"
      R"((?:\s*\([^)]{1,40}\)\s*(?:_|--|-|—)|\s+(?:_|--|—))\s+)");
  re2::StringPiece input(sentence.data(), sentence.size());
  re2::StringPiece match;
  if (!kDateline.Match(input, 0, sentence.size(), RE2::ANCHOR_START, &match, 1)) return 0;
  // Keep it only when a real sentence follows.
  if (match.size() + 20 > sentence.size()) return 0;
  return match.size();
}

EventModel BuildEventModel(std::span<const Article> articles, const DedupeResult& dedupe) {
  EventModel model;
  Stemmer stemmer;
  WordTable words;
  std::string lower;
  std::vector<uint32_t> terms;  // one sentence's, before they are stored to size
  // Every sentence's bigrams as (first term << 32 | second term), in one array; ids are given
  // after the loop by rank among the distinct keys. Two flat arrays cost a third of the memory
  // of a hash table of the distinct bigrams at a healthy load factor.
  std::vector<uint64_t> bigram_keys;
  std::vector<uint32_t> bigram_begin;  // per candidate: its first key in bigram_keys
  model.article_candidates.resize(articles.size());
  model.article_weight.assign(articles.size(), 1.0);
  size_t total_sentences = 0;
  for (const Article& article : articles) total_sentences += article.sentences.size();
  model.candidates.reserve(total_sentences);

  for (uint32_t a = 0; a < articles.size(); ++a) {
    const Article& article = articles[a];
    const bool copy = a < dedupe.duplicate_of.size() && dedupe.duplicate_of[a] >= 0;
    if (!copy) ++model.num_articles_used;
    model.article_candidates[a].reserve(article.sentences.size());
    for (uint32_t s = 0; s < article.sentences.size(); ++s) {
      const Sentence& sentence = article.sentences[s];
      Candidate c;
      c.article = a;
      c.sentence = s;
      c.position = sentence.index_in_article;
      c.from_copy = copy;
      c.span = sentence.span;
      std::string_view full = article.View(sentence.span);
      if (c.position == 0) {
        const size_t cut = DatelineLength(full);
        c.span.begin += static_cast<uint32_t>(cut);
      }
      // A list marker of wire copy ("_ In a form of crop rotation, ...") is not shown.
      {
        std::string_view rest = article.View(c.span);
        if (rest.size() > 2 && (rest[0] == '_' || rest[0] == '-' || rest[0] == '*') &&
            rest[1] == ' ') {
          size_t skip = 1;
          while (skip < rest.size() && IsSpace(rest[skip])) ++skip;
          c.span.begin += static_cast<uint32_t>(skip);
        }
      }
      std::string_view shown = article.View(c.span);
      c.words = CountWords(shown);

      uint32_t prev = UINT32_MAX;
      bool prev_stop = true;
      bool first_word = true;
      bool first_person = false;
      bool also = false, after_also = false;
      bool dangling = false;        // "he added", or "In an interview, he says ..."
      bool before_first_comma = true;
      bool named_before = false;    // a capitalised word after the first
      bool tail_speaker = false;    // the last word so far ends "he said"
      uint32_t word_index = 0;
      std::string previous_lower;
      std::string opener;
      terms.clear();
      bigram_begin.push_back(static_cast<uint32_t>(bigram_keys.size()));
      for (const Token& t : Tokenize(shown)) {
        if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
          continue;  // punctuation does not break a bigram (ROUGE ignores it too)
        }
        FoldCase(shown.substr(t.span.begin, t.span.size()), lower);
        {
          const bool pronoun = lower == "he" || lower == "she" || lower == "they";
          // A subject pronoun right after a short fronted phrase ("In a phone interview, he").
          if (pronoun && !before_first_comma && word_index <= 8 && previous_lower.empty()) {
            dangling = true;
          }
          // A speaker known only as a pronoun: "..., he added." (not when a name came before
          // it in the sentence: "Smith denied it, but he said ...").
          const bool pronoun_speaker =
              (previous_lower == "he" || previous_lower == "she" || previous_lower == "they") &&
              ReportingVerbs().count(lower);
          if (pronoun_speaker && !named_before) dangling = true;
          // As the sentence's last words (", he added.") the speaker is always someone before.
          tail_speaker = pronoun_speaker;
          const char c0 = shown[t.span.begin];
          if (word_index > 0 && c0 >= 'A' && c0 <= 'Z') named_before = true;
          previous_lower = lower;
          ++word_index;
          // previous_lower is cleared at the first comma so that the word after it is seen as
          // the start of the main clause.
          if (before_first_comma && t.span.end < shown.size() && shown[t.span.end] == ',') {
            before_first_comma = false;
            previous_lower.clear();
          }
        }
        if (first_word) {
          opener = lower;
          first_word = false;
          // "There, the murder rate ..." and "Here, ..." point at a place named before;
          // "There were ..." does not.
          const size_t after = t.span.end;
          if ((lower == "there" || lower == "here") && after < shown.size() &&
              shown[after] == ',') {
            opener = "there,";
          }
        }
        const uint64_t key = XXH3_64bits(lower.data(), lower.size());
        WordTable::Info info;
        if (const auto known = words.Find(key)) {
          info = *known;
        } else {
          info.stop = IsStopWord(lower);
          info.first_person = FirstPerson().count(lower) > 0;
          info.reporting = lower == "say" || ReportingVerbs().count(lower) > 0;
          // Stems share term ids through their own keys (a different seed keeps a stem from
          // meeting the word of the same spelling).
          const std::string_view stem = stemmer.Stem(lower);
          const uint64_t stem_key = XXH3_64bits_withSeed(stem.data(), stem.size(), 1);
          if (const auto stem_info = words.Find(stem_key)) {
            info.id = stem_info->id;
          } else {
            info.id = model.num_terms++;
            words.Put(stem_key, WordTable::Info{info.id, false, false, false});
          }
          words.Put(key, info);
        }
        first_person |= info.first_person;
        c.attributed |= info.reporting;
        // "also" adds to something told before ("Officials have also ruled out ..."); "also
        // known as" and "also called" do not.
        if (after_also) also |= lower != "known" && lower != "called";
        after_also = lower == "also";
        if (!info.stop) terms.push_back(info.id);
        if (prev != UINT32_MAX && !(prev_stop && info.stop)) {
          bigram_keys.push_back(static_cast<uint64_t>(prev) << 32 | info.id);
        }
        prev = info.id;
        prev_stop = info.stop;
      }
      dangling |= tail_speaker;
      also |= after_also;
      // Stored sorted and to size: every reader takes them as a bag.
      std::sort(terms.begin(), terms.end());
      c.terms.assign(terms.begin(), terms.end());

      // Readability: the sentence must stand alone in a short brief.
      std::string_view trimmed = shown;
      while (!trimmed.empty() && IsSpace(trimmed.back())) trimmed.remove_suffix(1);
      std::string_view whole = full;
      while (!whole.empty() && IsSpace(whole.back())) whole.remove_suffix(1);
      const char first = trimmed.empty() ? ' ' : trimmed.front();
      const char last = whole.empty() ? ' ' : whole.back();
      const bool quote_open = first == '"' || first == '`' || first == '\'';
      const bool question = trimmed.find('?') != std::string_view::npos;
      const bool terminal = last == '.' || last == '!' || last == '"' || last == '\'';
      c.readable = !ContextOpeners().count(opener) && !LinkedOpening(trimmed) && !also &&
                   !quote_open && !question && terminal && !first_person && !dangling &&
                   c.words >= 8 && c.words <= 55 && !(first >= 'a' && first <= 'z');
      model.article_candidates[a].push_back(static_cast<uint32_t>(model.candidates.size()));
      model.candidates.push_back(std::move(c));
    }
  }

  // Bigram concepts: ids by rank of the distinct keys; each candidate keeps its distinct ids.
  words = WordTable();  // not needed any more: give its memory back before the sort's copy
  {
    bigram_begin.push_back(static_cast<uint32_t>(bigram_keys.size()));
    std::vector<uint64_t> distinct = bigram_keys;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    model.num_bigrams = static_cast<uint32_t>(distinct.size());
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < model.candidates.size(); ++i) {
      ids.clear();
      for (uint32_t k = bigram_begin[i]; k < bigram_begin[i + 1]; ++k) {
        auto at = std::lower_bound(distinct.begin(), distinct.end(), bigram_keys[k]);
        ids.push_back(static_cast<uint32_t>(at - distinct.begin()));
      }
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      model.candidates[i].concepts.assign(ids.begin(), ids.end());
    }
  }

  // Article weight: (cosine to the event's centroid / the median cosine)^2, in [0.1, 1]: articles
  // below the median (off-topic, or a different story in the same feed) weigh less, and fast.
  // The square scored better on DUC 2006 than the plain ratio (ROUGE-2 0.1029 vs 0.1017).
  std::vector<double> centroid(model.num_terms, 0.0);
  std::vector<std::vector<std::pair<uint32_t, double>>> tf(articles.size());
  {
    std::vector<double> dense(model.num_terms, 0.0);
    for (uint32_t a = 0; a < articles.size(); ++a) {
      std::vector<uint32_t> touched;
      for (uint32_t ci : model.article_candidates[a]) {
        const Candidate& c = model.candidates[ci];
        if (c.from_copy) break;
        for (uint32_t t : c.terms) {
          if (dense[t] == 0) touched.push_back(t);
          dense[t] += 1;
        }
      }
      double norm = 0;
      for (uint32_t t : touched) norm += dense[t] * dense[t];
      norm = std::sqrt(norm);
      for (uint32_t t : touched) {
        tf[a].emplace_back(t, dense[t]);
        centroid[t] += dense[t] / norm;
        dense[t] = 0;
      }
    }
  }
  double cnorm = 0;
  for (double v : centroid) cnorm += v * v;
  cnorm = std::sqrt(cnorm);
  std::vector<double> cosines;
  std::vector<double> cosine(articles.size(), 0.0);
  for (uint32_t a = 0; a < articles.size(); ++a) {
    double dot = 0, norm = 0;
    for (auto& [t, v] : tf[a]) {
      dot += v * centroid[t];
      norm += v * v;
    }
    if (norm == 0 || cnorm == 0) continue;
    cosine[a] = dot / (std::sqrt(norm) * cnorm);
    cosines.push_back(cosine[a]);
  }
  if (cosines.size() >= 3) {
    std::nth_element(cosines.begin(), cosines.begin() + cosines.size() / 2, cosines.end());
    const double median = cosines[cosines.size() / 2];
    for (uint32_t a = 0; a < articles.size(); ++a) {
      if (median > 0) model.article_weight[a] = std::clamp(std::pow(cosine[a] / median, 2.0), 0.1, 1.0);
    }
  }
  return model;
}

}  // namespace sitrep::summarize
