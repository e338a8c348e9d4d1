#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sitrep/web.h"
#include "web/charset.h"
#include "web/dom.h"
#include "web/extract.h"
#include "web/gzip.h"
#include "web/scan.h"
#include "web/score.h"

namespace sitrep {
namespace {

std::string Fixture(const std::string& name) { return std::string(SITREP_SOURCE_DIR) + "/tests/web/" + name; }

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("sitrep_web_test_" + name)).string();
}

TEST(ExtractHtml, KeepsArticleParagraphsAndDropsFurniture) {
  HtmlSource source;
  source.name = "article_basic.html";
  source.url = "https://herald.example/news/bridge";
  auto page = ExtractHtml(ReadAll(Fixture("article_basic.html")), source);
  ASSERT_TRUE(page.has_value()) << page.error().ToString();
  EXPECT_NE(page->text.find("The harbour bridge reopened to traffic"), std::string::npos);
  EXPECT_NE(page->text.find("under winter loads."), std::string::npos);
  // Paragraphs are separated by blank lines, in document order.
  EXPECT_NE(page->text.find("published.\n\nCommuters"), std::string::npos);
  for (const char* furniture : {"Share on social media", "Ferry timetable", "Reader one", "Copyright",
                                "Most read", "Home", "By Mara"}) {
    EXPECT_EQ(page->text.find(furniture), std::string::npos) << furniture;
  }
  EXPECT_EQ(page->text.find("Harbour bridge reopens"), std::string::npos) << "headline is not body";
  EXPECT_EQ(page->title, "Harbour bridge reopens after three months of repairs");
  EXPECT_EQ(page->outlet, "The Coastal Herald");
  EXPECT_EQ(page->author, "Mara Lindqvist");
  ASSERT_TRUE(page->date.has_value());
  EXPECT_EQ(*page->date, (CivilDate{2024, 3, 5}));
  EXPECT_NE(page->date_text.find("json-ld"), std::string::npos);
  EXPECT_EQ(page->url, "https://herald.example/news/2024/03/05/harbour-bridge-reopens");
  EXPECT_EQ(page->language, "en");
  EXPECT_EQ(page->charset, "UTF-8");
}

TEST(ExtractHtml, DecodesDeclaredAndUndeclaredLatin1) {
  for (const char* name : {"latin1_declared.html", "latin1_undeclared.html"}) {
    auto page = ExtractHtml(ReadAll(Fixture(name)), HtmlSource{});
    ASSERT_TRUE(page.has_value()) << name;
    EXPECT_NE(page->text.find("Le caf\xC3\xA9 du port a rouvert"), std::string::npos) << name;
    EXPECT_NE(page->text.find("m\xC3\xA9t\xC3\xA9o"), std::string::npos) << name;
    EXPECT_EQ(page->charset, "windows-1252") << name;
    EXPECT_EQ(page->language, "fr") << name;
  }
}

TEST(ExtractHtml, HttpCharsetWinsOverMeta) {
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xE9 au lait, "
                     "avec un croissant chaud, servi chaque matin sur la place du march\xE9.</p></body></html>";
  HtmlSource source;
  source.content_type = "text/html; charset=ISO-8859-1";
  auto page = ExtractHtml(html, source);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->charset_source, "http");
  EXPECT_NE(page->text.find("Caf\xC3\xA9 au lait"), std::string::npos);
}

TEST(ExtractHtml, ScriptRenderedPageFallsBackToJsonLdBody) {
  std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
      "\"headline\": \"Tram line extended\", \"articleBody\": \"The tram line now runs to the "
      "airport. Trains leave every ten minutes from six in the morning until midnight, and the fare "
      "is the same as for any other trip inside the city. Work on a second branch to the university "
      "starts next year, the transport office said on Monday.\"}</script></head>"
      "<body><div id=\"app\"></div><noscript>Enable JavaScript to read this site.</noscript></body></html>";
  auto page = ExtractHtml(html, HtmlSource{});
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->text.find("The tram line now runs to the airport."), 0u);
  EXPECT_EQ(page->title, "Tram line extended");
}

TEST(ExtractHtml, GzipPagesAndBrokenGzip) {
  // The WARC fixture is known-good multi-member gzip (one member per record).
  std::string warc_gz = ReadAll(Fixture("sample.warc.gz"));
  std::string inflated, why;
  EXPECT_TRUE(web::Gunzip(warc_gz, 1 << 20, inflated, why)) << why;
  EXPECT_EQ(inflated, ReadAll(Fixture("sample.warc")));
  std::string cut = warc_gz.substr(0, warc_gz.size() / 2);
  inflated.clear();
  EXPECT_FALSE(web::Gunzip(cut, 1 << 20, inflated, why));
  EXPECT_FALSE(why.empty());
  auto page = ExtractHtml(std::string("\x1f\x8b\x08\x00garbage", 12), HtmlSource{"bad.html.gz", "", ""});
  ASSERT_FALSE(page.has_value());
  EXPECT_EQ(page.error().source, "bad.html.gz");
}

TEST(ExtractHtml, EmptyAndNonArticleInputsGiveErrorsNotCrashes) {
  for (std::string bytes : {std::string(), std::string("\0\0\0", 3), std::string("<html>"),
                            std::string("<<<>>><//p>&#xFFFFFFFF;&amp"), std::string(1000, '<')}) {
    auto page = ExtractHtml(bytes, HtmlSource{"x.html", "", ""});
    if (!page) {
      EXPECT_EQ(page.error().code, ErrorCode::kEmpty);
    }
  }
}

TEST(ExtractHtml, DeepNestingDoesNotOverflowTheStack) {
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "<p>Deep inside many boxes sits one paragraph of text, long enough to count as body.</p>";
  auto page = ExtractHtml(html, HtmlSource{});
  ASSERT_TRUE(page.has_value());
  EXPECT_NE(page->text.find("Deep inside many boxes"), std::string::npos);
}

TEST(Dom, LimitNestingCutsOnlyWhatIsTooDeep) {
  std::string out;
  // Unclosed paragraphs and list items close themselves: not deep, nothing removed.
  std::string flat = "<body>";
  for (int i = 0; i < 2000; ++i) flat += "<p>para <li>item <br><img src=x>";
  EXPECT_FALSE(web::LimitNesting(flat, 512, out));
  // 600 nested divs: the 88 innermost start tags and their end tags go; the text stays.
  std::string deep;
  for (int i = 0; i < 600; ++i) deep += "<div class=\"d\">";
  deep += "text";
  for (int i = 0; i < 600; ++i) deep += "</div>";
  ASSERT_TRUE(web::LimitNesting(deep, 512, out));
  size_t opens = 0, closes = 0;
  for (size_t p = out.find("<div"); p != std::string::npos; p = out.find("<div", p + 1)) ++opens;
  for (size_t p = out.find("</div>"); p != std::string::npos; p = out.find("</div>", p + 1)) ++closes;
  EXPECT_EQ(opens, 512u);
  EXPECT_EQ(closes, 512u);
  EXPECT_NE(out.find(">text<"), std::string::npos);
  // Script content is not markup.
  EXPECT_FALSE(web::LimitNesting("<script>" + deep + "</script>", 512, out));
}

TEST(ExtractHtml, NodeLimitBoundsMemory) {
  std::string html = "<html><body>";
  for (int i = 0; i < 5000; ++i) html += "<p>Paragraph number " + std::to_string(i) + ", with some words.</p>";
  WebOptions options;
  options.max_dom_nodes = 1000;
  auto page = ExtractHtml(html, HtmlSource{}, options);
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(page->parse_truncated);
}

TEST(Dom, FlattenedTreeIsPreorderWithSubtreeEnds) {
  auto dom = web::HtmlDom::Parse("<div id=a><p>one <b>two</b></p><p>three</p></div>");
  const auto& nodes = dom->nodes();
  uint32_t div = dom->Find(web::Tag::kDiv);
  ASSERT_NE(div, 0u);
  EXPECT_EQ(dom->Attr(div, "id"), "a");
  std::string text;
  for (uint32_t i = div + 1; i < nodes[div].end; ++i) {
    EXPECT_GT(nodes[i].depth, nodes[div].depth);
    if (nodes[i].tag == web::Tag::kText) text += std::string(nodes[i].text) + "|";
  }
  EXPECT_EQ(text, "one |two|three|");
  for (uint32_t i = 1; i < nodes.size(); ++i) {
    EXPECT_LT(nodes[i].parent, i);
    EXPECT_LE(nodes[i].end, nodes[nodes[i].parent].end);
  }
}

// The 16-bytes-a-step scans against the byte loops they replaced, on text mixing every kind of
// whitespace, commas, '<' and bytes >= 0x80, at lengths around the 16-byte steps and past the
// 255-step counter flush (4,080 bytes).
std::string ScanSample(std::mt19937& rng, size_t length) {
  static const char kBytes[] = {' ', '\t', '\n', '\v', '\f', '\r', ',', '<', 'a', 'Z', '\x80', '\xC3', '\xFF', '\x08', '\x0E', '\0'};
  std::string s(length, ' ');
  for (char& c : s) c = kBytes[rng() % sizeof(kBytes)];
  return s;
}

TEST(Scan, CountTextMatchesByteLoop) {
  std::mt19937 rng(1);
  std::vector<std::string> samples = {std::string(9000, ' '), std::string(9000, ','), std::string(4081, '\v')};
  for (size_t length : {0u, 1u, 15u, 16u, 17u, 31u, 33u, 100u, 4079u, 4080u, 4096u, 5000u, 9000u}) {
    samples.push_back(ScanSample(rng, length));
  }
  for (const std::string& s : samples) {
    size_t length = s.size();
    uint32_t non_space = 0, commas = 0;
    for (char c : s) {
      non_space += !(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v');
      commas += c == ',';
    }
    web::TextCounts counts = web::CountText(s);
    EXPECT_EQ(counts.non_space, non_space) << length;
    EXPECT_EQ(counts.commas, commas) << length;
  }
}

TEST(Scan, AppendCollapsedMatchesCharLoop) {
  std::mt19937 rng(2);
  for (int round = 0; round < 300; ++round) {
    std::string text = ScanSample(rng, rng() % 70);
    for (const char* start : {"", "x", "x "}) {
      for (bool vertical_tab : {false, true}) {
        std::string expected = start;
        for (char c : text) {
          bool white = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || (vertical_tab && c == '\v');
          if (!white) {
            expected += c;
          } else if (!expected.empty() && expected.back() != ' ') {
            expected += ' ';
          }
        }
        std::string got = start;
        if (vertical_tab) {
          web::AppendCollapsed<true>(got, text);
        } else {
          web::AppendCollapsed<false>(got, text);
        }
        EXPECT_EQ(got, expected);
      }
    }
  }
}

TEST(Scan, FindByteFindsTheFirst) {
  std::mt19937 rng(3);
  for (size_t length = 0; length < 80; ++length) {
    std::string s = ScanSample(rng, length);
    for (size_t from = 0; from <= length; from += 7) {
      const char* got = web::FindByte(s.data() + from, s.data() + s.size(), '<');
      size_t expected = s.find('<', from);
      EXPECT_EQ(got ? static_cast<size_t>(got - s.data()) : std::string::npos, expected);
    }
  }
}

TEST(Dates, IsoUrlAndTextForms) {
  EXPECT_EQ(web::ParseIsoDate("2019-11-19T08:00:00Z"), (CivilDate{2019, 11, 19}));
  EXPECT_EQ(web::ParseIsoDate("20191119"), (CivilDate{2019, 11, 19}));
  EXPECT_FALSE(web::ParseIsoDate("2019-13-01").has_value());
  EXPECT_FALSE(web::ParseIsoDate("yesterday").has_value());
  EXPECT_EQ(web::DateFromUrl("https://x.example/2018/08/07/story.html"), (CivilDate{2018, 8, 7}));
  EXPECT_EQ(web::DateFromUrl("https://x.example/news-20200229-leap"), (CivilDate{2020, 2, 29}));
  EXPECT_FALSE(web::DateFromUrl("https://x.example/2018/08/story").has_value());
  EXPECT_EQ(web::DateFromText("Updated: March 3, 2020 at 5pm"), (CivilDate{2020, 3, 3}));
  EXPECT_EQ(web::DateFromText("Published 19th November 2019"), (CivilDate{2019, 11, 19}));
  EXPECT_FALSE(web::DateFromText("The mayor spoke for 3 hours in 2019").has_value());
}

TEST(BenchmarkScore, MatchesHandComputedShingles) {
  // "a b c d e": shingles abcd, bcde. Prediction "a b c d x": abcd, bcdx. tp 1, fp 1, fn 1.
  web::PageScore s = web::ScorePage("a b c d e", "a, b; c d x");
  EXPECT_NEAR(s.tp, 1.0 / 3, 1e-12);
  EXPECT_NEAR(s.fp, 1.0 / 3, 1e-12);
  EXPECT_NEAR(s.fn, 1.0 / 3, 1e-12);
  EXPECT_FALSE(s.exact);
  EXPECT_TRUE(web::ScorePage("Hello, world!", "Hello world").exact);
  // Short texts are one shingle; tokens are Unicode words (\w+), case kept.
  EXPECT_EQ(web::BenchmarkTokens("Caf\xC3\xA9 na\xC3\xAFve_x 42"),
            (std::vector<std::string_view>{"Caf\xC3\xA9", "na\xC3\xAFve_x", "42"}));
  web::CorpusScore c = web::ScoreCorpus({web::ScorePage("a b c d e", "a b c d e"),
                                         web::ScorePage("a b c d e", "")});
  EXPECT_DOUBLE_EQ(c.precision, 1.0);  // the empty prediction has no precision term
  EXPECT_DOUBLE_EQ(c.recall, 0.5);
  EXPECT_DOUBLE_EQ(c.accuracy, 0.5);
}

TEST(Warc, ReadsResponsesSkipsTheRestAndCountsThem) {
  for (const char* name : {"sample.warc.gz", "sample.warc"}) {
    std::vector<Error> problems;
    std::vector<WarcRecord> records;
    WarcStats stats = ReadWarc(Fixture(name), WebOptions{}, [&](const WarcRecord& r) {
      records.push_back(r);
      return true;
    }, problems);
    EXPECT_TRUE(problems.empty()) << problems[0].ToString();
    EXPECT_EQ(stats.records, 6u) << name;
    EXPECT_EQ(stats.html_records, 2u);
    EXPECT_EQ(stats.skipped_non_html, 1u);  // the PNG
    EXPECT_EQ(stats.skipped_other, 3u);     // warcinfo, request, 404
    ASSERT_EQ(records.size(), 2u);
    EXPECT_EQ(records[0].number, 3);
    EXPECT_EQ(records[0].target_uri, "https://herald.example/news/bridge");
    EXPECT_EQ(records[0].http_status, 200);
    EXPECT_EQ(records[0].payload, ReadAll(Fixture("article_basic.html")));
    // The second page was sent chunked: the payload is the de-chunked HTML.
    EXPECT_EQ(records[1].payload.find("<html>"), 0u);
    EXPECT_NE(records[1].payload.find("library keeps its opening hours"), std::string::npos);
    EXPECT_EQ(records[1].payload.find("\r\n0\r\n"), std::string::npos);
  }
}

TEST(Warc, TruncatedArchiveKeepsWholeRecordsAndSaysWhere) {
  for (const char* name : {"sample.warc.gz", "sample.warc"}) {
    std::string bytes = ReadAll(Fixture(name));
    // Cut inside the last record.
    std::string path = TempPath(std::string("cut_") + name);
    std::ofstream(path, std::ios::binary) << bytes.substr(0, bytes.size() - 120);
    std::vector<Error> problems;
    std::vector<int64_t> numbers;
    ReadWarc(path, WebOptions{}, [&](const WarcRecord& r) {
      numbers.push_back(r.number);
      return true;
    }, problems);
    EXPECT_EQ(numbers, (std::vector<int64_t>{3})) << name;
    ASSERT_FALSE(problems.empty()) << name;
    EXPECT_EQ(problems.back().code, ErrorCode::kTruncated) << problems.back().ToString();
    EXPECT_EQ(problems.back().record, 6) << problems.back().ToString();
    EXPECT_GT(problems.back().offset, 0);
    std::filesystem::remove(path);
  }
}

TEST(Warc, GarbageIsAnErrorNotACrash) {
  std::string path = TempPath("garbage.warc");
  std::ofstream(path, std::ios::binary) << "WARC/1.0\r\nContent-Length: 99999999999\r\n\r\nshort";
  std::vector<Error> problems;
  WarcStats stats = ReadWarc(path, WebOptions{}, [](const WarcRecord&) { return true; }, problems);
  EXPECT_EQ(stats.html_records, 0u);
  ASSERT_FALSE(problems.empty());
  std::ofstream(path, std::ios::binary) << "this is not a WARC file at all";
  problems.clear();
  ReadWarc(path, WebOptions{}, [](const WarcRecord&) { return true; }, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, ErrorCode::kMalformed);
  EXPECT_EQ(problems[0].record, 1);
  problems.clear();
  ReadWarc(TempPath("does_not_exist.warc"), WebOptions{}, [](const WarcRecord&) { return true; }, problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, ErrorCode::kUnreadable);
  std::filesystem::remove(path);
}

TEST(IngestWeb, HtmlAndWarcBecomeArticles) {
  IngestResult out;
  IngestHtml("bridge.html", ReadAll(Fixture("article_basic.html")), IngestOptions{}, out);
  ASSERT_EQ(out.articles.size(), 1u);
  const Article& a = out.articles[0];
  EXPECT_EQ(a.path, "bridge.html");
  EXPECT_EQ(a.record, -1);
  EXPECT_EQ(a.date_source, DateSource::kMetadata);
  EXPECT_NE(a.text.find("reopened to traffic"), std::string::npos);

  IngestWarcFile(Fixture("sample.warc.gz"), IngestOptions{}, out);
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_EQ(out.articles[1].record, 3);
  EXPECT_EQ(out.articles[2].record, 6);
  EXPECT_EQ(out.articles[2].index, 2u);
  EXPECT_EQ(out.articles[2].url, "https://gazette.example/council-budget");
  EXPECT_EQ(out.articles[2].title, "Council approves budget");
  // The skipped records are counted in one warning.
  bool counted = false;
  for (const Error& e : out.report.problems) {
    if (!e.fatal && e.message.find("1 non-HTML") != std::string::npos) counted = true;
  }
  EXPECT_TRUE(counted);
}

TEST(ExtractFiles, StreamsFoldersAndReportsMissingPaths) {
  std::vector<Error> problems;
  std::vector<std::string> ids;
  ExtractRunStats stats = ExtractFiles({Fixture("sample.warc.gz"), Fixture("nope.html")}, WebOptions{},
                                       [&](const Article& a) { ids.push_back(a.id); }, problems);
  EXPECT_EQ(stats.articles, 2u);
  EXPECT_EQ(ids, (std::vector<std::string>{"sample.warc.gz#3", "sample.warc.gz#6"}));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].code, ErrorCode::kNotFound);
  Article a;
  a.id = "x";
  a.text = "Line one.\n\nLine \"two\".";
  a.date = CivilDate{2020, 1, 2};
  EXPECT_EQ(ArticleJsonLine(a), "{\"id\":\"x\",\"date\":\"2020-01-02\",\"text\":\"Line one.\\n\\nLine \\\"two\\\".\"}");
}

}  // namespace
}  // namespace sitrep
