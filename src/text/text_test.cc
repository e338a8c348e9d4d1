#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sitrep/text.h"

#include <unicode/uchar.h>

namespace sitrep {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) out.emplace_back(text.substr(t.span.begin, t.span.size()));
  return out;
}

TEST(NormalizeText, FoldsTypographyAndComposes) {
  EXPECT_EQ(NormalizeText("\xE2\x80\x9CIt\xE2\x80\x99s\xC2\xA0here\xE2\x80\x9D\r\n"),
            "\"It's here\"\n");
  // e + combining acute -> precomposed e-acute (NFC).
  EXPECT_EQ(NormalizeText("Cafe\xCC\x81"), "Caf\xC3\xA9");
  EXPECT_EQ(NormalizeText("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth"), "softhyphen zerowidth");
  EXPECT_EQ(NormalizeText("\xEF\xBB\xBFX\tY"), "X Y");
}

TEST(NormalizeText, RepairsInvalidUtf8AndCounts) {
  size_t repairs = 0;
  std::string out = NormalizeText("ok \xC3 bad \xFF end", &repairs);
  EXPECT_EQ(repairs, 2u);
  EXPECT_EQ(out, "ok \xEF\xBF\xBD bad \xEF\xBF\xBD end");
}

TEST(CollapseSpaces, OneSpaceBetweenWordsNoneAtTheEnds) {
  EXPECT_EQ(CollapseSpaces("  The dam\n failed\r\n\ton  Tuesday. \n"), "The dam failed on Tuesday.");
  EXPECT_EQ(CollapseSpaces(""), "");
  EXPECT_EQ(CollapseSpaces(" \n\t "), "");
  EXPECT_EQ(CollapseSpaces("a\u00a0b"), "a\u00a0b");  // only ASCII whitespace
}

TEST(Tokenize, KeepsWordInternalPunctuation) {
  EXPECT_EQ(Words("Al-Assad's U.S. envoy counted 20,000 people at 9:30, didn't he?"),
            (std::vector<std::string>{"Al-Assad's", "U.S.", "envoy", "counted", "20,000", "people",
                                      "at", "9:30", ",", "didn't", "he", "?"}));
  auto toks = Tokenize("3.5 km AT&T");
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_EQ(toks[0].kind, TokenKind::kNumber);
  EXPECT_EQ(toks[1].kind, TokenKind::kWord);
}

// The tokenizer answers ASCII without ICU: every ASCII code point must come out as ICU's
// properties say, alone and inside a word.
TEST(Tokenize, AsciiFastPathAgreesWithIcu) {
  for (int c = 1; c < 0x80; ++c) {
    const std::string alone(1, static_cast<char>(c));
    const std::vector<Token> tokens = Tokenize(alone);
    if (u_isUWhiteSpace(c)) {
      EXPECT_TRUE(tokens.empty()) << "code point " << c;
      continue;
    }
    ASSERT_EQ(tokens.size(), 1u) << "code point " << c;
    const TokenKind expected = u_isalpha(c)                         ? TokenKind::kWord
                               : u_isdigit(c)                       ? TokenKind::kNumber
                               : (U_GET_GC_MASK(c) & U_GC_P_MASK) != 0 ? TokenKind::kPunct
                                                                     : TokenKind::kSymbol;
    EXPECT_EQ(tokens[0].kind, expected) << "code point " << c;
    // Between two letters: one word token iff ICU calls it a letter or digit.
    const std::vector<Token> inside = Tokenize("ab" + alone + "cd");
    const bool word_char = u_isalpha(c) || u_isdigit(c);
    if (word_char) {
      EXPECT_EQ(inside.size(), 1u) << "code point " << c;
    } else if (c != '\'' && c != '-' && c != '&' && c != '.') {
      EXPECT_GT(inside.size(), 1u) << "code point " << c;
    }
  }
  std::string lower;
  FoldCase("AbC-XYZ 09 [Q]", lower);
  EXPECT_EQ(lower, "abc-xyz 09 [q]");
}

TEST(Tokenize, HandlesNonLatinScripts) {
  EXPECT_EQ(Words("Київ — Kyiv."), (std::vector<std::string>{"Київ", "—", "Kyiv", "."}));
}

TEST(ContentTerms, StemsAndDropsStopWords) {
  Stemmer stemmer;
  EXPECT_EQ(ContentTerms("The rescuers were searching the flooded villages.", stemmer),
            (std::vector<std::string>{"rescuer", "search", "flood", "villag"}));
  EXPECT_TRUE(IsStopWord("the"));
  EXPECT_FALSE(IsStopWord("flood"));
}

TEST(FoldCase, FoldsUnicode) {
  std::string out;
  FoldCase("ÉVÉNEMENT Straße", out);
  EXPECT_EQ(out, "événement strasse");
}

}  // namespace
}  // namespace sitrep
