// Word lists (stop words, abbreviations) loaded once from the embedded data files.
#include "text/lexicon.h"

#include <string>

#include "core/data.h"

namespace sitrep {

const Lexicon& GetLexicon() {
  static const Lexicon* lexicon = [] {
    auto* lex = new Lexicon;
    for (std::string_view w : EmbeddedLines("stopwords-en.txt")) lex->stop_words.emplace(w);
    for (std::string_view line : EmbeddedLines("abbreviations-en.txt")) {
      size_t sp = line.find_first_of(" \t");
      if (sp == std::string_view::npos) continue;
      std::string_view abbr = line.substr(0, sp);
      std::string_view cls = line.substr(line.find_first_not_of(" \t", sp));
      AbbrevClass c = AbbrevClass::kAny;
      if (cls == "title") c = AbbrevClass::kTitle;
      else if (cls == "month") c = AbbrevClass::kMonth;
      else if (cls == "num") c = AbbrevClass::kNumber;
      lex->abbreviations.emplace(std::string(abbr), c);
    }
    return lex;
  }();
  return *lexicon;
}

bool IsStopWord(std::string_view lower_word) {
  const auto& words = GetLexicon().stop_words;
  return words.find(lower_word) != words.end();
}

}  // namespace sitrep
