// The plain structs that flow through sitrep's pipeline:
//   ingest -> clean -> dedupe -> cluster -> annotate -> consolidate -> summarize/timeline -> render.
//
// An Article owns its text; everything later (blocks, sentences, mentions, figures) refers back
// to that text by byte spans, so every line of a brief cites the exact bytes it came from and
// "every sentence of a brief is a span of an input article" can be checked.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

// A calendar date (proleptic Gregorian). month/day 0 = not known at that precision.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;

  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
  bool IsComplete() const { return year != 0 && month != 0 && day != 0; }
  // "2020-03-03", "2020-03" or "2020".
  std::string ToIso() const;
  // Days since 1970-01-01 (complete dates only).
  int64_t ToDays() const;
  static CivilDate FromDays(int64_t days);
  // ISO weekday of a complete date: 1 = Monday ... 7 = Sunday.
  int Weekday() const;
};

// [begin, end) byte offsets into Article::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
};

// Why the cleaner kept or dropped a block.
enum class BlockRole : uint8_t {
  kBody,          // article text
  kTitle,         // the headline line
  kMeta,          // site name, dateline, byline, "Published ... Updated ..."
  kBoilerplate,   // navigation, share buttons, widget text, "related"/"most read" lists
  kCaption,       // photo captions and credits
  kReferences,    // a reference list / sources section
  kComments,      // reader comments and the comment form
  kDuplicate,     // a block repeated inside the article (e.g. the title again)
};
const char* BlockRoleName(BlockRole role);

// A paragraph or line of the article, as the cleaner judged it.
struct Block {
  Span span;
  BlockRole role = BlockRole::kBody;
  float score = 0;          // the cleaner's body score (higher = more body-like)
  std::string reason;       // for dropped blocks: the features that dropped it, for --explain
  bool kept() const { return role == BlockRole::kBody; }
};

struct Sentence {
  Span span;                // into Article::text; never altered beyond whitespace when shown
  uint32_t block = 0;       // index into Article::blocks
  uint32_t index_in_article = 0;
};

// Where the publication date came from.
enum class DateSource : uint8_t { kUnknown, kText, kMetadata, kOption };
const char* DateSourceName(DateSource source);

struct Article {
  uint32_t index = 0;          // position in the corpus (0-based); citations print index + 1
  std::string id;              // from the input (JSON id) or derived from the file name
  std::string path;            // the file it came from, "-" for stdin
  int64_t record = -1;         // 1-based JSONL line / WARC record; -1 when the file is the article
  std::string event_id;        // cluster JSONL: the id of the event the article was listed under
  std::string title;
  std::string outlet;          // site or agency name where known
  std::string url;
  std::string author;
  std::string language;        // ISO 639-1 where detected
  std::optional<CivilDate> date;
  DateSource date_source = DateSource::kUnknown;
  std::string date_text;       // the text the date was read from, for --explain

  std::string text;            // NFC-normalized UTF-8 body as read (boilerplate still in)
  std::vector<Block> blocks;   // filled by clean
  std::vector<Sentence> sentences;  // filled by annotate (kept blocks only)

  std::string_view View(Span s) const { return std::string_view(text).substr(s.begin, s.size()); }
};

}  // namespace sitrep
