#include "sitrep/ingest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace sitrep {
namespace {
namespace fs = std::filesystem;

CivilDate D(int y, int m, int d) { return CivilDate{y, m, d}; }

TEST(ParsePublicationDate, ReadsTheFormsSitesPrint) {
  EXPECT_EQ(ParsePublicationDate("Tuesday, March 3, 2020"), D(2020, 3, 3));
  EXPECT_EQ(ParsePublicationDate("Friday, 9 June, 2023 - 08:15"), D(2023, 6, 9));
  EXPECT_EQ(ParsePublicationDate("Published 14.02.2021 09:30 Updated 15.02.2021 11:02"),
            D(2021, 2, 14));
  EXPECT_EQ(ParsePublicationDate("June 9, 2023"), D(2023, 6, 9));
  EXPECT_EQ(ParsePublicationDate("2017-10-26T13:30:00Z"), D(2017, 10, 26));
  EXPECT_EQ(ParsePublicationDate("Posted Sept. 12th, 2019"), D(2019, 9, 12));
  EXPECT_EQ(ParsePublicationDate("By Ana Ruiz | 25/10/2017"), D(2017, 10, 25));
}

TEST(ParsePublicationDate, NeverGuesses) {
  EXPECT_FALSE(ParsePublicationDate("03/04/2021"));      // ambiguous order
  EXPECT_FALSE(ParsePublicationDate("February 30, 2021"));  // no such day
  EXPECT_FALSE(ParsePublicationDate("in June"));
  EXPECT_FALSE(ParsePublicationDate("Model 2020-X"));
}

TEST(IngestBytes, ReadsArticleAndClusterJsonl) {
  IngestOptions opt;
  IngestResult out;
  IngestBytes("a.jsonl",
              "{\"id\":\"x1\",\"title\":\"T\",\"date\":\"2020-03-03\",\"source\":\"Wire\","
              "\"text\":\"Body one.\"}\n"
              "\n"
              "{\"id\":\"E1\",\"documents\":[{\"id\":\"d1\",\"text\":\"A.\"},"
              "{\"id\":\"d2\",\"date\":null,\"text\":\"B.\"}]}\n",
              opt, out);
  ASSERT_EQ(out.articles.size(), 3u);
  EXPECT_EQ(out.articles[0].id, "x1");
  EXPECT_EQ(out.articles[0].outlet, "Wire");
  EXPECT_EQ(out.articles[0].date, D(2020, 3, 3));
  EXPECT_EQ(out.articles[0].date_source, DateSource::kMetadata);
  EXPECT_EQ(out.articles[1].event_id, "E1");
  EXPECT_EQ(out.articles[2].record, 3);
  EXPECT_FALSE(out.articles[2].date.has_value());
  EXPECT_EQ(out.report.events_seen, std::vector<std::string>{"E1"});
}

TEST(IngestBytes, BadJsonLineNamesLineAndKeepsTheRest) {
  IngestResult out;
  IngestBytes("b.jsonl", "{\"text\":\"Good.\"}\n{\"text\": oops}\n{\"text\":\"Also good.\"}\n",
              IngestOptions{}, out);
  EXPECT_EQ(out.articles.size(), 2u);
  ASSERT_EQ(out.report.problems.size(), 1u);
  EXPECT_EQ(out.report.problems[0].record, 2);
  EXPECT_EQ(out.report.problems[0].code, ErrorCode::kMalformed);
  EXPECT_NE(out.report.problems[0].ToString().find("b.jsonl:2"), std::string::npos);
}

TEST(IngestBytes, RejectsBinaryAndEmpty) {
  IngestResult out;
  IngestBytes("img.jpg", std::string("\xFF\xD8\xFF\xE0\0\0JFIF", 10), IngestOptions{}, out);
  IngestBytes("empty.txt", "", IngestOptions{}, out);
  IngestBytes("blank.txt", "  \n\n ", IngestOptions{}, out);
  EXPECT_TRUE(out.articles.empty());
  ASSERT_EQ(out.report.problems.size(), 3u);
  EXPECT_EQ(out.report.problems[0].code, ErrorCode::kBinary);
  EXPECT_EQ(out.report.problems[1].code, ErrorCode::kEmpty);
  EXPECT_EQ(out.report.problems[2].code, ErrorCode::kEmpty);
}

TEST(IngestBytes, RepairsOrTranscodesBadEncoding) {
  IngestResult out;
  IngestBytes("latin1.txt", "Caf\xE9 in S\xE3o Paulo.", IngestOptions{}, out);
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_EQ(out.articles[0].text, "Caf\xC3\xA9 in S\xC3\xA3o Paulo.");
  IngestBytes("mixed.txt", "Caf\xC3\xA9 and \xFF here.", IngestOptions{}, out);
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_NE(out.articles[1].text.find("\xEF\xBF\xBD"), std::string::npos);
  ASSERT_EQ(out.report.problems.size(), 2u);
  EXPECT_FALSE(out.report.problems[0].fatal);
  EXPECT_EQ(out.report.problems[1].code, ErrorCode::kBadEncoding);
}

TEST(IngestBytes, CutsHugeArticleWithWarning) {
  IngestOptions opt;
  opt.max_article_bytes = 1000;
  std::string big;
  while (big.size() < 5000) big += "A line of article text goes here.\n";
  IngestResult out;
  IngestBytes("huge.txt", big, opt, out);
  ASSERT_EQ(out.articles.size(), 1u);
  EXPECT_LE(out.articles[0].text.size(), 1000u);
  ASSERT_EQ(out.report.problems.size(), 1u);
  EXPECT_EQ(out.report.problems[0].code, ErrorCode::kTooLarge);
}

TEST(Ingest, FoldersMissingPathsAndEmptyFolders) {
  fs::path dir = fs::temp_directory_path() / "sitrep_ingest_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  fs::create_directories(dir / "empty");
  std::ofstream(dir / "b.txt") << "Second article.\n";
  std::ofstream(dir / "sub" / "a.txt") << "First article.\n";
  std::ofstream(dir / ".hidden") << "not an article\n";
  IngestResult out = Ingest({(dir / "b.txt").string(), (dir / "sub").string(),
                             (dir / "nope").string(), (dir / "empty").string()},
                            IngestOptions{});
  ASSERT_EQ(out.articles.size(), 2u);
  EXPECT_EQ(out.articles[1].index, 1u);
  EXPECT_EQ(out.report.inputs_seen, 4u);
  EXPECT_EQ(out.report.inputs_rejected, 2u);
  ASSERT_EQ(out.report.problems.size(), 2u);
  EXPECT_EQ(out.report.problems[0].code, ErrorCode::kNotFound);
  EXPECT_EQ(out.report.problems[1].code, ErrorCode::kEmpty);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sitrep
