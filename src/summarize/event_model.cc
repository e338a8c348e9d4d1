// Builds the per-event sentence table every summarizer works from.
#include "summarize/event_model.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include <re2/re2.h>

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
      "another", "other",   "others",  "the other", "nor",    "because",   "while", "which"};
  return words;
}

// First-person words outside an attributed quote usually mean the sentence is someone's
// words without the "said" that tells whose.
const std::unordered_set<std::string_view>& FirstPerson() {
  static const std::unordered_set<std::string_view> words = {"i", "we", "my", "our", "me",
                                                             "us", "i'm", "we're", "i've"};
  return words;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

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
  struct WordInfo {
    uint32_t id;
    bool stop;
  };
  std::unordered_map<std::string, WordInfo> words;
  std::unordered_map<uint64_t, uint32_t> bigram_ids;
  std::string lower;
  model.article_candidates.resize(articles.size());
  model.article_weight.assign(articles.size(), 1.0);

  for (uint32_t a = 0; a < articles.size(); ++a) {
    const Article& article = articles[a];
    const bool copy = a < dedupe.duplicate_of.size() && dedupe.duplicate_of[a] >= 0;
    if (!copy) ++model.num_articles_used;
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
      std::string_view shown = article.View(c.span);
      c.words = CountWords(shown);

      uint32_t prev = UINT32_MAX;
      bool prev_stop = true;
      bool first_word = true;
      bool first_person = false;
      std::string opener;
      std::unordered_set<uint32_t> seen_concepts;
      for (const Token& t : Tokenize(shown)) {
        if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
          continue;  // punctuation does not break a bigram (ROUGE ignores it too)
        }
        FoldCase(shown.substr(t.span.begin, t.span.size()), lower);
        if (first_word) {
          opener = lower;
          first_word = false;
        }
        if (FirstPerson().count(lower)) first_person = true;
        auto it = words.find(lower);
        if (it == words.end()) {
          WordInfo info;
          info.stop = IsStopWord(lower);
          std::string stem(stemmer.Stem(lower));
          auto sit = words.find("\x01" + stem);  // stems share ids through a prefixed key
          if (sit == words.end()) {
            info.id = model.num_terms++;
            words.emplace("\x01" + stem, WordInfo{info.id, false});
          } else {
            info.id = sit->second.id;
          }
          it = words.emplace(lower, info).first;
        }
        const WordInfo info = it->second;
        if (!info.stop) c.terms.push_back(info.id);
        if (prev != UINT32_MAX && !(prev_stop && info.stop)) {
          const uint64_t key = (static_cast<uint64_t>(prev) << 32) | info.id;
          auto [bit, inserted] = bigram_ids.try_emplace(key, model.num_bigrams);
          if (inserted) ++model.num_bigrams;
          if (seen_concepts.insert(bit->second).second) c.concepts.push_back(bit->second);
          c.bigrams.push_back(bit->second);
        }
        prev = info.id;
        prev_stop = info.stop;
      }

      // Readability: the sentence must stand alone in a short brief.
      std::string_view trimmed = shown;
      while (!trimmed.empty() && IsSpace(trimmed.back())) trimmed.remove_suffix(1);
      const char first = trimmed.empty() ? ' ' : trimmed.front();
      const char last = trimmed.empty() ? ' ' : trimmed.back();
      const bool quote_open = first == '"' || first == '`' || first == '\'';
      const bool question = trimmed.find('?') != std::string_view::npos;
      const bool terminal = last == '.' || last == '!' || last == '"' || last == '\'';
      c.readable = !ContextOpeners().count(opener) && !quote_open && !question && terminal &&
                   !first_person && c.words >= 8 && c.words <= 55 &&
                   !(first >= 'a' && first <= 'z');
      model.article_candidates[a].push_back(static_cast<uint32_t>(model.candidates.size()));
      model.candidates.push_back(std::move(c));
    }
  }

  // Article weight: cosine of the article's term vector to the event's; articles well below
  // the median (off-topic, or a different story in the same feed) weigh less.
  std::vector<double> centroid(model.num_terms, 0.0);
  std::vector<std::unordered_map<uint32_t, double>> tf(articles.size());
  for (const Candidate& c : model.candidates) {
    if (c.from_copy) continue;
    for (uint32_t t : c.terms) tf[c.article][t] += 1;
  }
  for (uint32_t a = 0; a < articles.size(); ++a) {
    double norm = 0;
    for (auto& [t, v] : tf[a]) norm += v * v;
    norm = std::sqrt(norm);
    if (norm == 0) continue;
    for (auto& [t, v] : tf[a]) centroid[t] += v / norm;
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
      if (median > 0) model.article_weight[a] = std::clamp(cosine[a] / median, 0.2, 1.0);
    }
  }
  return model;
}

}  // namespace sitrep::summarize
