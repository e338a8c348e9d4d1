#include "entities/conll.h"

#include <fstream>

namespace sitrep::entities {

Result<std::vector<ConllSentence>> ReadConll(const std::string& path) {
  std::ifstream in(path);
  if (!in) return MakeError(ErrorCode::kNotFound, path, "cannot open the CoNLL file",
                            "give the path of train.txt/valid.txt/test.txt");
  std::vector<ConllSentence> out;
  ConllSentence current;
  uint32_t document = 0;
  std::string line;
  int64_t line_number = 0, offset = 0;
  auto flush = [&] {
    if (!current.tokens.empty()) out.push_back(std::move(current));
    current = ConllSentence();
    current.document = document;
  };
  while (std::getline(in, line)) {
    ++line_number;
    int64_t line_offset = offset;
    offset += static_cast<int64_t>(line.size()) + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
      continue;
    }
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      ++document;
      current.document = document;
      continue;
    }
    size_t first_end = line.find_first_of(" \t");
    size_t last_begin = line.find_last_of(" \t");
    if (first_end == std::string::npos) {
      Error e;
      e.code = ErrorCode::kMalformed;
      e.source = path;
      e.record = line_number;
      e.offset = line_offset;
      e.message = "a CoNLL line needs a token and a tag separated by a space";
      e.hint = "check that the file is CoNLL-2003 format (token ... NER-tag)";
      return tl::unexpected<Error>(std::move(e));
    }
    current.tokens.push_back(line.substr(0, first_end));
    current.tags.push_back(line.substr(last_begin + 1));
  }
  flush();
  if (document == 0) SplitDocumentsAtDatelines(out);
  return out;
}

bool IsDateline(const ConllSentence& s) {
  // "BRUSSELS 1996-08-22": capitalised words, then an ISO date.
  if (s.tokens.size() < 2 || s.tokens.size() > 8) return false;
  const std::string& date = s.tokens.back();
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (size_t i = 0; i + 1 < s.tokens.size(); ++i)
    for (char c : s.tokens[i])
      if (c >= 'a' && c <= 'z') return false;
  return true;
}

void SplitDocumentsAtDatelines(std::vector<ConllSentence>& sentences) {
  uint32_t document = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    // The headline comes right before the dateline.
    if (i + 1 < sentences.size() && IsDateline(sentences[i + 1])) ++document;
    sentences[i].document = document;
  }
}

namespace {
EntityType TypeOf(std::string_view tag) {
  auto type = ParseEntityType(tag.size() > 2 ? tag.substr(2) : tag);
  return type ? *type : EntityType::kMisc;
}
}  // namespace

std::vector<Chunk> ChunksOf(const std::vector<std::string>& tags) {
  std::vector<Chunk> chunks;
  char prev = 'O';
  EntityType prev_type = EntityType::kMisc;
  for (size_t i = 0; i < tags.size(); ++i) {
    std::string_view tag = tags[i];
    char p = tag.empty() || tag == "O" ? 'O' : tag[0];
    if (p == 'O') {
      prev = 'O';
      continue;
    }
    EntityType type = TypeOf(tag);
    bool start = p == 'B' || p == 'U' || p == 'S' || prev == 'O' || prev == 'L' || prev == 'E' ||
                 prev == 'U' || prev == 'S' || prev_type != type;
    if (start) chunks.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1), type});
    else chunks.back().end = static_cast<uint32_t>(i + 1);
    prev = p;
    prev_type = type;
  }
  return chunks;
}

std::vector<std::string> BilouLabels(const std::vector<Chunk>& chunks, size_t n) {
  std::vector<std::string> labels(n, "O");
  for (const Chunk& c : chunks) {
    std::string type = EntityTypeName(c.type);
    if (c.end - c.begin == 1) {
      labels[c.begin] = "U-" + type;
      continue;
    }
    labels[c.begin] = "B-" + type;
    for (uint32_t i = c.begin + 1; i + 1 < c.end; ++i) labels[i] = "I-" + type;
    labels[c.end - 1] = "L-" + type;
  }
  return labels;
}

std::string BilouToBio(std::string_view label) {
  if (label.size() < 2) return std::string(label);
  std::string out(label);
  if (out[0] == 'L') out[0] = 'I';
  if (out[0] == 'U') out[0] = 'B';
  return out;
}

void AddToScores(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                 NerScores& scores) {
  auto g = ChunksOf(gold), p = ChunksOf(predicted);
  for (const Chunk& c : g) {
    ++scores.overall.gold;
    ++scores.per_type[static_cast<int>(c.type)].gold;
  }
  for (const Chunk& c : p) {
    ++scores.overall.predicted;
    ++scores.per_type[static_cast<int>(c.type)].predicted;
  }
  size_t j = 0;
  for (const Chunk& c : g) {
    while (j < p.size() && p[j].begin < c.begin) ++j;
    if (j < p.size() && p[j] == c) {
      ++scores.overall.correct;
      ++scores.per_type[static_cast<int>(c.type)].correct;
    }
  }
  scores.tokens += gold.size();
  ++scores.sentences;
}

void FinishScores(NerScores& scores, uint64_t correct_tokens) {
  scores.token_accuracy = scores.tokens ? 100.0 * correct_tokens / scores.tokens : 0;
}

}  // namespace sitrep::entities
