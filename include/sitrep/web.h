// web: read the web as it is: HTML pages and WARC archives in, clean articles out.
//
// Method: bytes are decoded to UTF-8 (BOM, HTTP charset, <meta charset>, else ICU detection),
// parsed by an HTML5 parser (myhtml) into sitrep's flattened DOM, and the main text is chosen by a
// readability-style content score (paragraphs vote for containers; link lists, forms and
// widget-named blocks are dropped). Metadata comes from JSON-LD, Open Graph and meta tags,
// <time>, the URL and the visible dateline; language from cld2. WARC files are streamed record by
// record (zlib, one gzip member per record), so memory stays bounded by the largest record.
// Invariant: a bad page or record costs that page or record only and is reported with its file,
// record number and byte offset. Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep {

// What the transport said about a page (HTTP headers, WARC record); all may be empty.
struct HtmlSource {
  std::string name;          // file path or URL, for messages
  std::string url;           // the page's own URL (WARC-Target-URI)
  std::string content_type;  // "text/html; charset=..." from HTTP
};

struct WebPage {
  std::string title;
  std::string outlet;        // site name (og:site_name, publisher, else the host)
  std::string author;
  std::string url;           // canonical URL, else the source URL
  std::string language;      // ISO 639-1 (cld2 on the text, else the markup's lang)
  std::optional<CivilDate> date;
  std::string date_text;     // where the date came from, e.g. "meta article:published_time: ..."
  std::string text;          // main text, paragraphs separated by blank lines (UTF-8, not normalized)
  uint32_t paragraphs = 0;
  std::string charset;       // charset the bytes were decoded from, and how it was chosen
  std::string charset_source;
  bool parse_truncated = false;  // the page hit WebOptions::max_dom_nodes
};

struct WebOptions {
  uint64_t max_page_bytes = 64ull << 20;        // larger pages: the first max_page_bytes are read
  uint32_t max_dom_nodes = 4u << 20;            // bounds memory on hostile markup
  uint64_t max_warc_record_bytes = 64ull << 20; // larger records are skipped with an error
  bool detect_language = true;                  // cld2 on the extracted text
};

// Extracts one page. `bytes` may be gzip-compressed. Errors: kEmpty when no main text was found,
// kTruncated/kMalformed for broken gzip.
Result<WebPage> ExtractHtml(std::string_view bytes, const HtmlSource& source,
                            const WebOptions& options = {});

// Turns an extracted page into an Article (text through NormalizeText, date source kMetadata).
Article ArticleFromPage(WebPage page, const std::string& path, int64_t record);

// For Ingest's format dispatch: one HTML page (gzip allowed) as one Article, appended to `out`;
// problems go to out.report naming the file.
void IngestHtml(std::string_view source, std::string_view bytes, const IngestOptions& options,
                IngestResult& out);

// For Ingest's format dispatch: every HTML response record of a .warc or .warc.gz file, streamed.
// Non-HTML records are skipped and counted (one warning); a truncated or corrupt archive yields
// every whole record before the damage and an Error naming the record and byte offset.
void IngestWarcFile(const std::string& path, const IngestOptions& options, IngestResult& out);

// One WARC record as read (payload = the HTTP body for response records, the block otherwise).
struct WarcRecord {
  int64_t number = 0;        // 1-based
  int64_t offset = 0;        // byte offset of the record (of its gzip member) in the file
  std::string type;          // WARC-Type
  std::string target_uri;    // WARC-Target-URI
  std::string warc_date;     // WARC-Date
  int http_status = 0;       // 0 when not an HTTP response
  std::string content_type;  // HTTP Content-Type (or the record's, for resource records)
  std::string payload;
};

struct WarcStats {
  uint64_t records = 0;
  uint64_t html_records = 0;
  uint64_t skipped_non_html = 0;   // responses/resources that are not HTML
  uint64_t skipped_other = 0;      // warcinfo, request, metadata, revisit, non-2xx responses
  uint64_t errors = 0;
};

// Streams a WARC file; `on_record` gets each record in order and returns false to stop.
// Problems are appended to `problems`. Memory: one record plus a 1 MiB read buffer.
WarcStats ReadWarc(const std::string& path, const WebOptions& options,
                   const std::function<bool(const WarcRecord&)>& on_record,
                   std::vector<Error>& problems);

// `sitrep extract`: reads HTML files (gzip allowed), WARC files and folders of them (recursively,
// in name order), streaming: each article goes to `on_article` as soon as it is extracted, so
// memory stays bounded by the largest page or record. Problems are appended to `problems`.
struct ExtractRunStats {
  uint64_t files = 0;
  uint64_t pages = 0;          // HTML pages and WARC HTML records looked at
  uint64_t articles = 0;       // of which gave an article
  WarcStats warc;              // summed over the WARC files
};
ExtractRunStats ExtractFiles(const std::vector<std::string>& paths, const WebOptions& options,
                             const std::function<void(const Article&)>& on_article,
                             std::vector<Error>& problems);

// Writes one article as a JSONL line (the format `sitrep brief` reads), without the newline.
std::string ArticleJsonLine(const Article& article);

// The article-extraction benchmark (../shared/data/article-extraction-benchmark), scored as the
// benchmark scores: 4-token shingles with counts, per-page precision and recall averaged, F1 of
// the averages, and exact-match accuracy.
struct ExtractionScore {
  double precision = 0, recall = 0, f1 = 0, accuracy = 0;
  size_t pages = 0;
  double pages_per_s = 0, mb_per_s = 0;  // per CPU-second of one thread, pages in memory (inflated)
};
struct ExtractionBenchmark {
  ExtractionScore ours;
  double parse_only_pages_per_s = 0, parse_only_mb_per_s = 0;  // myhtml parse, no extraction
  std::vector<std::string> ids;                  // page ids, in benchmark order
  std::vector<double> page_f1;                   // per page, for finding the bad ones
  uint64_t html_bytes = 0;
};
// Loads the benchmark from `dir`, extracts every page (repeat times, the fastest run timed).
Result<ExtractionBenchmark> RunExtractionBenchmark(const std::string& dir, int repeat = 3);
// Scores predictions (page id -> body text) against the benchmark's ground truth in `dir`.
Result<ExtractionScore> ScoreExtraction(const std::string& dir,
                                        const std::map<std::string, std::string>& predictions);

}  // namespace sitrep
