// Internal: the text layer's word lists, parsed once (thread-safe static initialization).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sitrep {

enum class AbbrevClass { kTitle, kMonth, kNumber, kAny };

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Lexicon {
  std::unordered_set<std::string, StringHash, std::equal_to<>> stop_words;
  std::unordered_map<std::string, AbbrevClass, StringHash, std::equal_to<>> abbreviations;
};

const Lexicon& GetLexicon();

}  // namespace sitrep
