// Internal: word shingling and MinHash for dedupe (public entry points are in sitrep/dedupe.h).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sitrep::dedupe_internal {

// 64-bit hashes of the word `shingle_words`-grams of text: words are runs of ASCII letters and
// digits or non-ASCII bytes, ASCII lower-cased; everything else separates words. A text with
// fewer words than a shingle gives one shingle of all its words; no words gives none.
void ShingleHashes(std::string_view text, uint32_t shingle_words, std::vector<uint64_t>& out);

// Sorted, de-duplicated shingle hashes (a set) of text.
std::vector<uint64_t> ShingleSet(std::string_view text, uint32_t shingle_words);

// One-permutation MinHash signature of a text's shingle hashes (duplicates allowed).
std::vector<uint64_t> SignShingles(const std::vector<uint64_t>& shingles, uint32_t count);

// Exact Jaccard of two sorted sets; 0 when both are empty.
double SetJaccard(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);

}  // namespace sitrep::dedupe_internal
