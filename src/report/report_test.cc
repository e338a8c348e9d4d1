#include "sitrep/report.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "sitrep/ingest.h"

namespace sitrep {
namespace {

// Text of the element that opens at `open_at` up to its matching </mark>, tags removed.
std::string MarkText(const std::string& page, size_t open_at) {
  size_t pos = page.find('>', open_at) + 1;
  int depth = 1;
  std::string text;
  while (pos < page.size() && depth > 0) {
    if (page.compare(pos, 6, "<mark ") == 0 || page.compare(pos, 6, "<mark>") == 0) {
      ++depth;
    } else if (page.compare(pos, 7, "</mark>") == 0) {
      if (--depth == 0) break;
    }
    if (page[pos] == '<') {
      pos = page.find('>', pos) + 1;
      continue;
    }
    text += page[pos++];
  }
  return text;
}

std::string MarkTextById(const std::string& page, const std::string& id) {
  size_t at = page.find("<mark id=\"" + id + "\"");
  return at == std::string::npos ? "<missing " + id + ">" : MarkText(page, at);
}

// Occurrences inside <main> (the inlined libraries may hold any text).
size_t Count(const std::string& page, const std::string& what) {
  size_t from = page.find("<main"), to = page.find("</main>");
  std::string s = page.substr(from, to - from);
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

Brief OneArticleBrief(std::string text) {
  Brief b;
  Article a;
  a.index = 0;
  a.title = "Blast <b>at</b> the port";
  a.outlet = "Harbour & Wire";
  a.text = std::move(text);
  a.blocks.push_back(Block{Span{0, static_cast<uint32_t>(a.text.size())}});
  b.articles.push_back(a);
  b.headline = a.title;
  b.relevance = {1.0};
  b.dedupe.duplicate_of = {-1};
  return b;
}

TEST(EscapeHtml, EscapesMarkupCharacters) {
  EXPECT_EQ(EscapeHtml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(EscapeHtml("</script>"), "&lt;/script&gt;");
}

TEST(EscapeHtml, KeepsValidUtf8AndNewlines) {
  EXPECT_EQ(EscapeHtml("Bey\xC3\xA9rut \xE2\x80\x94 port\n"), "Bey\xC3\xA9rut \xE2\x80\x94 port\n");
}

TEST(EscapeHtml, ReplacesInvalidBytesAndControls) {
  EXPECT_EQ(EscapeHtml("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(EscapeHtml("a\x01" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(EscapeHtml("\xC3"), "\xEF\xBF\xBD");  // truncated sequence: one per byte
  EXPECT_EQ(EscapeHtml("a\r\nb\rc"), "a\nb\nc");
}

TEST(RenderHtml, EscapesArticleTextEverywhere) {
  Brief b = OneArticleBrief("They wrote <script>alert(1)</script> & left.");
  b.summary.sentences.push_back({0, Span{0, static_cast<uint32_t>(b.articles[0].text.size())}, 1,
                                 {Citation{0, Span{0, 10}, 1}}});
  std::string page = RenderHtml(b);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; left."), std::string::npos);
  EXPECT_NE(page.find("Blast &lt;b&gt;at&lt;/b&gt; the port"), std::string::npos);
  EXPECT_NE(page.find("Harbour &amp; Wire"), std::string::npos);
}

TEST(RenderHtml, ChipLinksToTheExactCitedSpan) {
  // "é" takes two bytes: the span's byte offsets must land on "cranes", not two letters off.
  std::string text = "Caf\xC3\xA9 owners said cranes fell. Nothing else.";
  Brief b = OneArticleBrief(text);
  uint32_t begin = static_cast<uint32_t>(text.find("cranes"));
  Span cited{begin, begin + 11};  // "cranes fell"
  b.summary.sentences.push_back({0, Span{0, static_cast<uint32_t>(text.find('.') + 1)}, 1,
                                 {Citation{0, cited, 1}}});
  std::string page = RenderHtml(b);
  std::string id = "s0-" + std::to_string(begin) + "-" + std::to_string(begin + 11);
  EXPECT_NE(page.find("href=\"#" + id + "\""), std::string::npos);
  EXPECT_EQ(MarkTextById(page, id), "cranes fell");
}

TEST(RenderHtml, NestsSpansAndClipsCrossingOnes) {
  std::string text = "Officials said 135 people died. A second sentence follows here.";
  Brief b = OneArticleBrief(text);
  uint32_t end1 = static_cast<uint32_t>(text.find('.') + 1);
  uint32_t fig = static_cast<uint32_t>(text.find("135"));
  uint32_t second = static_cast<uint32_t>(text.find("A second"));
  b.summary.sentences.push_back({0, Span{0, end1}, 1, {Citation{0, Span{0, end1}, 1}}});
  Figure f;
  f.article = 0;
  f.span = Span{fig, fig + 10};  // "135 people", inside the sentence
  b.figures.figures.push_back(f);
  // Crosses the end of the first sentence into the second.
  b.timeline.entries.push_back(TimelineEntry{CivilDate{2020, 8, 4}, "2020-08-04",
                                             TimelineKind::kEvent, 0, Span{fig, second + 8}, 1});
  std::string page = RenderHtml(b);
  EXPECT_EQ(Count(page, "<mark"), Count(page, "</mark>"));
  EXPECT_EQ(MarkTextById(page, "s0-0-" + std::to_string(end1)),
            "Officials said 135 people died.");
  EXPECT_EQ(MarkTextById(page, "s0-" + std::to_string(fig) + "-" + std::to_string(fig + 10)),
            "135 people");
  // Clipped to the enclosing sentence, but still an anchor the timeline chip can reach.
  std::string crossing = "s0-" + std::to_string(fig) + "-" + std::to_string(second + 8);
  EXPECT_EQ(MarkTextById(page, crossing), "135 people died.");
  EXPECT_NE(page.find("href=\"#" + crossing + "\""), std::string::npos);
}

TEST(RenderHtml, BadSpansNeverBreakThePage) {
  std::string text = "Bey\xC3\xA9rut port.";
  Brief b = OneArticleBrief(text);
  // Ends inside the two-byte "é", one span beyond the text, one citing a missing article.
  b.summary.sentences.push_back({0, Span{0, 4}, 1, {Citation{0, Span{0, 4}, 1},
                                                    Citation{0, Span{5, 500}, 1},
                                                    Citation{7, Span{0, 3}, 1}}});
  std::string page = RenderHtml(b);
  EXPECT_EQ(Count(page, "<mark"), Count(page, "</mark>"));
  EXPECT_EQ(page.find("\xEF\xBF\xBD"), std::string::npos);  // no character was cut in half
  EXPECT_EQ(page.find(">[8]</a>"), std::string::npos);           // no chip to a missing article
}

TEST(RenderHtml, DroppedBlocksAreListedOnDemand) {
  std::string text = "Share this story\nThe blast destroyed the grain silo.";
  Brief b = OneArticleBrief(text);
  uint32_t nl = static_cast<uint32_t>(text.find('\n'));
  b.articles[0].blocks = {Block{Span{0, nl}, BlockRole::kBoilerplate, 0, "share widget"},
                          Block{Span{nl + 1, static_cast<uint32_t>(text.size())}}};
  std::string page = RenderHtml(b);
  size_t details = page.find("<details class=\"dropped\"><summary>Dropped from this article: 1 block");
  ASSERT_NE(details, std::string::npos);
  EXPECT_GT(page.find("Share this story", details), details);
  EXPECT_NE(page.find("share widget"), std::string::npos);
  EXPECT_LT(page.find("<p>The blast destroyed"), details);
}

TEST(RenderHtml, DateRangeLeavesOffTopicArticlesOut) {
  Brief b = OneArticleBrief("The port was closed.");
  b.articles[0].date = CivilDate{2020, 8, 5};
  Article other = b.articles[0];
  other.index = 1;
  other.date = CivilDate{2023, 6, 9};
  b.articles.push_back(other);
  b.relevance = {1.0, 0.1};
  b.dedupe.duplicate_of = {-1, -1};
  std::string page = RenderHtml(b);
  EXPECT_NE(page.find("Reports dated 2020-08-05</p>"), std::string::npos);
  EXPECT_NE(page.find("Off-topic (relevance 10%)"), std::string::npos);
}

TEST(RenderHtml, PlainDocumentWithoutScripts) {
  Brief b = OneArticleBrief("One sentence.");
  HtmlReportOptions options;
  options.inline_scripts = false;
  std::string page = RenderHtml(b, options);
  EXPECT_EQ(page.find("id=\"sitrep-data\""), std::string::npos);
  EXPECT_EQ(page.find("id=\"map\""), std::string::npos);
  for (const char* landmark : {"<header", "<nav", "<main", "<footer", "<h1>", "<h2 "})
    EXPECT_NE(page.find(landmark), std::string::npos) << landmark;
}

TEST(RenderHtml, BundledExampleEveryChipResolves) {
  auto brief = BuildBrief(Ingest({SITREP_SOURCE_DIR "/examples/beirut-2020"}, {}), {});
  ASSERT_TRUE(brief.has_value()) << brief.error().ToString();
  std::string page = RenderHtml(*brief);
  std::set<std::string> ids;
  std::regex id_re("id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), id_re); it != std::sregex_iterator();
       ++it)
    ids.insert((*it)[1]);
  std::regex chip_re("class=\"chip\" href=\"#([^\"]+)\"");
  size_t chips = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), chip_re);
       it != std::sregex_iterator(); ++it, ++chips)
    EXPECT_TRUE(ids.count((*it)[1])) << "chip to missing anchor " << (*it)[1];
  EXPECT_GT(chips, brief->summary.sentences.size());
  // Each summary sentence's first citation marks exactly the cited bytes of its article.
  ASSERT_FALSE(brief->summary.sentences.empty());
  for (const SummarySentence& s : brief->summary.sentences) {
    ASSERT_FALSE(s.citations.empty());
    const Citation& c = s.citations.front();
    std::string id = "s" + std::to_string(c.article) + "-" + std::to_string(c.span.begin) + "-" +
                     std::to_string(c.span.end);
    EXPECT_EQ(MarkTextById(page, id), EscapeHtml(brief->articles[c.article].View(c.span)));
  }
  if (HtmlReportHasScripts()) {
    EXPECT_NE(page.find("id=\"sitrep-countries\">{\"type\":\"FeatureCollection\""),
              std::string::npos);
    EXPECT_NE(page.find("id=\"map\""), std::string::npos);
    EXPECT_NE(page.find("id=\"timeline-vis\""), std::string::npos);
  } else {  // built without node_modules: the plain document, no map or chart boxes
    EXPECT_EQ(page.find("id=\"map\""), std::string::npos);
    EXPECT_EQ(page.find("id=\"timeline-vis\""), std::string::npos);
  }
}

}  // namespace
}  // namespace sitrep
