// CoNLL-format NER files (token first column, NER tag last) and conlleval-style chunking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/entities.h"
#include "sitrep/status.h"

namespace sitrep::entities {

struct ConllSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;  // as in the file (IOB1, IOB2 or IO)
  uint32_t document = 0;          // -DOCSTART- lines start a new document
};

// Reads a CoNLL file; a line with fewer than two columns is a kMalformed error naming the line.
// Without -DOCSTART- lines, documents are split at Reuters datelines (SplitDocumentsAtDatelines).
Result<std::vector<ConllSentence>> ReadConll(const std::string& path);

// A headline followed by a "CITY 1996-08-22" dateline starts a new document.
bool IsDateline(const ConllSentence& s);
void SplitDocumentsAtDatelines(std::vector<ConllSentence>& sentences);

struct Chunk {
  uint32_t begin = 0, end = 0;  // token indexes [begin, end)
  EntityType type = EntityType::kMisc;
  bool operator==(const Chunk&) const = default;
};

// Entities of a tag sequence by conlleval's rules: a chunk starts at B-X, or at I-X after O or
// after another type; it continues through I-X of the same type.
std::vector<Chunk> ChunksOf(const std::vector<std::string>& tags);

// "B-PER"/"I-PER"/"L-PER"/"U-PER"/"O" labels of chunks over n tokens.
std::vector<std::string> BilouLabels(const std::vector<Chunk>& chunks, size_t n);
// BILOU labels to IOB2 ("L-" -> "I-", "U-" -> "B-").
std::string BilouToBio(std::string_view label);

// Adds one sentence's gold and predicted tags to scores.
void AddToScores(const std::vector<std::string>& gold, const std::vector<std::string>& predicted,
                 NerScores& scores);
void FinishScores(NerScores& scores, uint64_t correct_tokens);

}  // namespace sitrep::entities
