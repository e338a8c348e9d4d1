#include "ingest/jsonl.h"

#include <simdjson.h>

#include <algorithm>
#include <string>

#include "sitrep/text.h"

namespace sitrep {
namespace {

std::string GetString(simdjson::dom::object obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    simdjson::dom::element el;
    if (obj[key].get(el) != simdjson::SUCCESS) continue;
    std::string_view sv;
    if (el.get_string().get(sv) == simdjson::SUCCESS) return std::string(sv);
    int64_t n;
    if (el.get_int64().get(n) == simdjson::SUCCESS) return std::to_string(n);
  }
  return {};
}

class Reader {
 public:
  Reader(std::string_view source, const IngestOptions& options, IngestResult& out)
      : source_(source), options_(options), out_(out) {}

  void Problem(ErrorCode code, int64_t line, int64_t offset, std::string message,
               std::string hint, bool fatal = true) {
    Error e;
    e.code = code;
    e.source = std::string(source_);
    e.record = line;
    e.offset = offset;
    e.message = std::move(message);
    e.hint = std::move(hint);
    e.fatal = fatal;
    out_.report.problems.push_back(std::move(e));
    if (fatal) ++out_.report.records_rejected;
  }

  // One parsed JSON value at `line`: an article, an event, or an array of either.
  void Value(simdjson::dom::element el, int64_t line, int64_t offset) {
    simdjson::dom::array arr;
    if (el.get_array().get(arr) == simdjson::SUCCESS) {
      for (simdjson::dom::element item : arr) Value(item, line, offset);
      return;
    }
    simdjson::dom::object obj;
    if (el.get_object().get(obj) != simdjson::SUCCESS) {
      Problem(ErrorCode::kMalformed, line, offset, "the line is JSON but not an object",
              "each line must be an article or event object");
      return;
    }
    simdjson::dom::array docs;
    if (obj["documents"].get_array().get(docs) == simdjson::SUCCESS) {
      std::string event = GetString(obj, {"id", "event_id", "topic"});
      if (!options_.event_id.empty() && event != options_.event_id) {
        NoteEvent(event);
        return;
      }
      NoteEvent(event);
      size_t n = 0;
      for (simdjson::dom::element doc : docs) {
        ++n;
        simdjson::dom::object dobj;
        if (doc.get_object().get(dobj) != simdjson::SUCCESS) {
          Problem(ErrorCode::kMalformed, line, offset,
                  "document " + std::to_string(n) + " of event " + event + " is not an object", "");
          continue;
        }
        Article(dobj, line, offset, event, n);
      }
      return;
    }
    Article(obj, line, offset, GetString(obj, {"event_id", "event"}), 0);
  }

 private:
  void NoteEvent(const std::string& event) {
    auto& seen = out_.report.events_seen;
    if (std::find(seen.begin(), seen.end(), event) == seen.end()) seen.push_back(event);
  }

  void Article(simdjson::dom::object obj, int64_t line, int64_t offset, std::string event,
               size_t doc_number) {
    std::string where = doc_number ? " (document " + std::to_string(doc_number) + ")" : "";
    std::string text = GetString(obj, {"text", "body", "content", "article_body"});
    if (text.empty()) {
      Problem(ErrorCode::kEmpty, line, offset, "article" + where + " has no \"text\"",
              "give the article body under \"text\"");
      return;
    }
    size_t repairs = 0;
    sitrep::Article a;
    a.text = NormalizeText(text, &repairs);
    if (repairs)
      Problem(ErrorCode::kBadEncoding, line, offset,
              std::to_string(repairs) + " invalid UTF-8 sequence(s) replaced" + where, "",
              /*fatal=*/false);
    if (a.text.size() > options_.max_article_bytes) {
      Problem(ErrorCode::kTooLarge, line, offset,
              "article" + where + " text cut to " + std::to_string(options_.max_article_bytes) +
                  " bytes",
              "raise --max-article-bytes", /*fatal=*/false);
      size_t cut = options_.max_article_bytes;
      while (cut > 0 && (static_cast<uint8_t>(a.text[cut]) & 0xC0) == 0x80) --cut;
      a.text.resize(cut);
    }
    a.id = GetString(obj, {"id", "uid", "doc_id"});
    if (a.id.empty()) a.id = std::string(source_) + ":" + std::to_string(line);
    a.path = std::string(source_);
    a.record = line;
    a.event_id = std::move(event);
    a.title = NormalizeText(GetString(obj, {"title", "headline"}));
    a.url = GetString(obj, {"url", "link"});
    a.outlet = NormalizeText(GetString(obj, {"source", "outlet", "site", "site_name"}));
    a.author = NormalizeText(GetString(obj, {"author", "byline"}));
    a.language = GetString(obj, {"language", "lang"});
    std::string date = GetString(obj, {"date", "published", "datePublished", "dct"});
    if (!date.empty()) {
      if (auto d = ParsePublicationDate(date)) {
        a.date = d;
        a.date_source = DateSource::kMetadata;
        a.date_text = date;
      } else {
        Problem(ErrorCode::kMalformed, line, offset,
                "date \"" + date + "\"" + where + " is not a complete date; ignored",
                "use ISO 8601 (2023-06-09)", /*fatal=*/false);
      }
    }
    if (!a.date && options_.default_date) {
      a.date = options_.default_date;
      a.date_source = DateSource::kOption;
    }
    out_.articles.push_back(std::move(a));
  }

  std::string_view source_;
  const IngestOptions& options_;
  IngestResult& out_;
};

}  // namespace

void ReadJsonl(std::string_view source, std::string_view bytes, const IngestOptions& options,
               IngestResult& out) {
  Reader reader(source, options, out);
  simdjson::dom::parser parser;
  // A whole pretty-printed document (a .json file) parses as one value.
  {
    simdjson::dom::element whole;
    if (bytes.find('\n') != std::string_view::npos &&
        parser.parse(bytes.data(), bytes.size()).get(whole) == simdjson::SUCCESS) {
      reader.Value(whole, 1, 0);
      return;
    }
  }
  size_t pos = 0;
  int64_t line_no = 0;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    std::string_view line = bytes.substr(pos, end - pos);
    ++line_no;
    int64_t offset = static_cast<int64_t>(pos);
    pos = end + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;  // blank line
    simdjson::dom::element el;
    auto error = parser.parse(line.data(), line.size()).get(el);
    if (error) {
      bool truncated = nl == std::string_view::npos && error == simdjson::TAPE_ERROR;
      reader.Problem(truncated ? ErrorCode::kTruncated : ErrorCode::kMalformed, line_no, offset,
                     std::string("not valid JSON: ") + simdjson::error_message(error),
                     truncated ? "the file may have been cut off" : "fix or remove the line");
      continue;
    }
    reader.Value(el, line_no, offset);
  }
}

}  // namespace sitrep
