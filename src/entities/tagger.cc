#include "entities/tagger.h"

#include <algorithm>

#include "entities/conll.h"
#include "entities/model.h"
#include "sitrep/entities.h"

namespace sitrep {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PER";
    case EntityType::kOrganization: return "ORG";
    case EntityType::kLocation: return "LOC";
    case EntityType::kMisc: return "MISC";
  }
  return "MISC";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  if (name == "PER") return EntityType::kPerson;
  if (name == "ORG") return EntityType::kOrganization;
  if (name == "LOC") return EntityType::kLocation;
  if (name == "MISC") return EntityType::kMisc;
  return std::nullopt;
}

namespace entities {

std::vector<std::pair<size_t, size_t>> GroupSentences(std::string_view text,
                                                      const std::vector<Span>& tokens) {
  constexpr size_t kMaxTokens = 120;
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto is_closer = [](std::string_view t) {
    return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" ||
           t == "\xE2\x80\x99";
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool end = false;
    if (i + 1 == tokens.size()) {
      end = true;
    } else {
      std::string_view between =
          text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
      std::string_view t = text.substr(tokens[i].begin, tokens[i].size());
      std::string_view next = text.substr(tokens[i + 1].begin, tokens[i + 1].size());
      if (between.find('\n') != std::string_view::npos) end = true;
      else if (t == "." || t == "!" || t == "?" || (is_closer(t) && i > start)) {
        std::string_view mark = t;
        if (is_closer(t)) mark = text.substr(tokens[i - 1].begin, tokens[i - 1].size());
        if (mark == "." || mark == "!" || mark == "?") {
          unsigned char c = static_cast<unsigned char>(next[0]);
          end = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c >= 0x80;
          if (is_closer(next)) end = false;  // the closer belongs to this sentence
        }
      }
      if (i + 1 - start >= kMaxTokens) end = true;
    }
    if (end) {
      out.emplace_back(start, i + 1);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace entities

std::vector<Mention> NerModel::Tag(std::string_view text) const {
  std::vector<Mention> mentions;
  std::vector<Span> tokens = NerTokenize(text);
  // The text is one document: history and context aggregation run over all its sentences.
  auto sentences = entities::GroupSentences(text, tokens);
  std::vector<std::vector<std::string_view>> document;
  for (auto [first, last] : sentences) {
    auto& sentence = document.emplace_back();
    for (size_t i = first; i < last; ++i) sentence.push_back(text.substr(tokens[i].begin, tokens[i].size()));
  }
  std::vector<std::vector<int>> document_labels;
  rep_->DecodeDocument(document, document_labels);
  for (size_t s = 0; s < sentences.size(); ++s) {
    const size_t first = sentences[s].first;
    const std::vector<int>& labels = document_labels[s];
    for (size_t i = 0; i < labels.size(); ++i) {
      int l = labels[i];
      if (l == 0) continue;
      int pos = (l - 1) % 4, type = (l - 1) / 4;
      if (pos == 0 || pos == 3) {
        Mention m;
        m.span = {tokens[first + i].begin, tokens[first + i].end};
        m.type = static_cast<EntityType>(type);
        mentions.push_back(m);
      } else if (!mentions.empty()) {
        mentions.back().span.end = tokens[first + i].end;
      }
    }
  }
  return mentions;
}

std::vector<Mention> TagEntities(const Article& article, const NerModel& model) {
  std::vector<Span> ranges;
  for (const Sentence& s : article.sentences) ranges.push_back(s.span);
  if (ranges.empty())
    for (const Block& b : article.blocks)
      if (b.kept()) ranges.push_back(b.span);
  if (ranges.empty() && article.blocks.empty())
    ranges.push_back({0, static_cast<uint32_t>(article.text.size())});
  // The ranges are tagged as one document (one range per line), so the document-level
  // features (history, context aggregation, the second pass) see the whole article, as in
  // training; a line break always ends a sentence, so no mention crosses two ranges.
  std::string joined;
  std::vector<std::pair<uint32_t, Span>> starts;  // offset in joined, range in the article
  for (Span range : ranges) {
    if (range.end > article.text.size() || range.empty()) continue;
    starts.emplace_back(static_cast<uint32_t>(joined.size()), range);
    joined.append(article.View(range));
    joined.push_back('\n');
  }
  std::vector<Mention> out;
  for (Mention m : model.Tag(joined)) {
    auto it = std::upper_bound(starts.begin(), starts.end(), m.span.begin,
                               [](uint32_t offset, const auto& s) { return offset < s.first; });
    if (it == starts.begin()) continue;
    --it;
    const uint32_t shift = it->second.begin - it->first;
    if (m.span.end > it->first + it->second.size()) continue;  // never, by the line break
    m.span.begin += shift;
    m.span.end += shift;
    m.article = article.index;
    out.push_back(m);
  }
  return out;
}

std::vector<Mention> TagEntities(const Article& article) {
  auto model = NerModel::Default();
  if (!model) return {};
  return TagEntities(article, **model);
}

}  // namespace sitrep
