// ingest: turn files, folders, JSONL streams (and, where built, HTML/WARC) into Articles.
//
// Method: each input is sniffed (extension, then content: NUL bytes, JSON, markup), decoded to
// UTF-8 (invalid sequences repaired to U+FFFD with a warning), NFC-normalized, and split into
// articles. The publication date comes from the article's own lines, else from metadata, else
// from IngestOptions::default_date; an unknown date stays unknown.
// Invariant: an input that cannot be used costs that input only; it is reported, never dropped
// silently. Thread safety: stateless; safe to call from several threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/status.h"

namespace sitrep {

struct IngestOptions {
  uint64_t max_file_bytes = 256ull << 20;     // larger files are rejected (kTooLarge)
  uint64_t max_article_bytes = 8ull << 20;    // longer article texts are cut, with a warning
  std::optional<CivilDate> default_date;      // --date: used when an article states none
  std::string event_id;                       // cluster JSONL: keep only this event ("" = all)
};

struct IngestReport {
  std::vector<Error> problems;   // rejected inputs (fatal) and repairs (warnings), in input order
  uint32_t inputs_seen = 0;      // files (and stdin) looked at
  uint32_t inputs_rejected = 0;  // files that gave no article at all
  uint32_t records_rejected = 0; // JSONL lines / records that gave no article
  uint32_t articles_read = 0;
  std::vector<std::string> events_seen;  // distinct cluster/event ids met in cluster JSONL
};

struct IngestResult {
  std::vector<Article> articles;  // Article::index is set to the position here
  IngestReport report;
};

// Reads every path: a file, a folder (its files, recursively, in name order) or "-" (stdin).
IngestResult Ingest(const std::vector<std::string>& paths, const IngestOptions& options);

// Reads one in-memory input as if it were a file named `source_name` (the name's extension
// picks the format when the content does not). Appends to `out`.
void IngestBytes(std::string_view source_name, std::string_view bytes, const IngestOptions& options,
                 IngestResult& out);

// Finds a publication date in a line as news sites print it: "Tuesday, March 3, 2020",
// "Friday, 9 June, 2023 - 08:15", "Published 14.02.2021 09:30", "June 9, 2023", ISO 8601.
// Returns nothing when the line holds no complete date.
std::optional<CivilDate> ParsePublicationDate(std::string_view line);

}  // namespace sitrep
