// WARC reading, streamed: a 1 MiB read buffer, zlib inflating one gzip member after another
// (crawls gzip each record separately), and one record in memory at a time.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

#include <zlib.h>

#include "sitrep/text.h"
#include "sitrep/web.h"
#include "web/gzip.h"

namespace sitrep {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Bytes of a file, inflated when gzip. Keeps the file offset where each gzip member started,
// so errors can name the offset a user can seek to.
class ByteSource {
 public:
  explicit ByteSource(const std::string& path) : in_(path, std::ios::binary) {}
  ~ByteSource() {
    if (gzip_) inflateEnd(&z_);
  }
  bool ok() const { return static_cast<bool>(in_); }

  void Start() {
    ReadRaw();
    gzip_ = web::IsGzip(std::string_view(raw_.data(), raw_avail_));
    if (gzip_) {
      inflateInit2(&z_, 15 + 16);
      members_.push_back({0, 0});
    }
  }

  // Appends up to `want` more bytes to `out`; 0 at the end of data or on damage (error() says).
  size_t Read(std::string& out, size_t want) {
    if (!gzip_) {
      if (raw_pos_ >= raw_avail_ && !ReadRaw()) return 0;
      size_t n = std::min(want, raw_avail_ - raw_pos_);
      out.append(raw_.data() + raw_pos_, n);
      raw_pos_ += n;
      produced_ += n;
      return n;
    }
    size_t before = out.size();
    out.resize(before + want);
    size_t got = 0;
    while (got == 0 && !error_.size() && !end_) {
      if (raw_pos_ >= raw_avail_ && !ReadRaw()) {
        if (in_member_) {
          error_ = "the gzip data ends in the middle of a member (truncated file)";
          truncated_ = true;
        } else {
          end_ = true;
        }
        break;
      }
      if (!in_member_) {
        // A new member starts here.
        members_.push_back({produced_, consumed_});
        if (members_.size() > 64) members_.erase(members_.begin(), members_.begin() + 32);
        inflateReset(&z_);
        in_member_ = true;
      }
      z_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      z_.avail_in = static_cast<uInt>(raw_avail_ - raw_pos_);
      z_.next_out = reinterpret_cast<Bytef*>(out.data() + before);
      z_.avail_out = static_cast<uInt>(want);
      int rc = inflate(&z_, Z_NO_FLUSH);
      size_t used = (raw_avail_ - raw_pos_) - z_.avail_in;
      raw_pos_ += used;
      consumed_ += used;
      got = want - z_.avail_out;
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        // Skip padding between members (some writers add zeros).
        while (true) {
          if (raw_pos_ >= raw_avail_ && !ReadRaw()) break;
          if (raw_[raw_pos_] != 0) break;
          ++raw_pos_;
          ++consumed_;
        }
      } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && used == 0 && got == 0 && raw_pos_ >= raw_avail_)) {
        error_ = std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed");
        break;
      }
    }
    out.resize(before + got);
    produced_ += got;
    return got;
  }

  // File offset of the gzip member holding uncompressed offset u (u itself when not gzip).
  int64_t FileOffset(uint64_t u) const {
    if (!gzip_) return static_cast<int64_t>(u);
    int64_t best = 0;
    for (const auto& m : members_) {
      if (m.first <= u) best = static_cast<int64_t>(m.second);
    }
    return best;
  }
  uint64_t consumed() const { return gzip_ ? consumed_ : produced_; }
  const std::string& error() const { return error_; }
  bool truncated() const { return truncated_; }
  bool gzip() const { return gzip_; }

 private:
  bool ReadRaw() {
    if (!in_) return false;
    raw_.resize(1 << 20);
    in_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
    raw_avail_ = static_cast<size_t>(in_.gcount());
    raw_pos_ = 0;
    return raw_avail_ > 0;
  }

  std::ifstream in_;
  std::string raw_;
  size_t raw_avail_ = 0, raw_pos_ = 0;
  bool gzip_ = false, in_member_ = false, end_ = false, truncated_ = false;
  z_stream z_{};
  uint64_t produced_ = 0, consumed_ = 0;
  std::vector<std::pair<uint64_t, uint64_t>> members_;  // (uncompressed start, file offset)
  std::string error_;
};

// A window over the inflated stream: buf_[pos_..] are the unread bytes.
class Stream {
 public:
  explicit Stream(ByteSource& source) : source_(source) {}
  // Makes at least n unread bytes available; false at the end of data.
  bool Ensure(size_t n) {
    while (buf_.size() - pos_ < n) {
      if (pos_ > (1 << 20)) {
        buf_.erase(0, pos_);
        base_ += pos_;
        pos_ = 0;
      }
      if (source_.Read(buf_, std::max<size_t>(n - (buf_.size() - pos_), 256 << 10)) == 0) return false;
    }
    return true;
  }
  // One line without its CR LF; false at the end of data (or a line over max_bytes).
  bool ReadLine(std::string& line, size_t max_bytes) {
    line.clear();
    while (true) {
      size_t nl = buf_.find('\n', pos_);
      if (nl != std::string::npos) {
        line.assign(buf_, pos_, nl - pos_);
        pos_ = nl + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      if (buf_.size() - pos_ > max_bytes) return false;
      if (!Ensure(buf_.size() - pos_ + 1)) {
        return false;
      }
    }
  }
  // Exactly n bytes into out (streamed, so n may be large); false when the data ends first.
  bool ReadExact(size_t n, std::string* out) {
    while (n > 0) {
      if (pos_ >= buf_.size() && !Ensure(1)) return false;
      size_t take = std::min(n, buf_.size() - pos_);
      if (out) out->append(buf_, pos_, take);
      pos_ += take;
      n -= take;
    }
    return true;
  }
  bool AtEnd() { return !Ensure(1); }
  char Peek() const { return buf_[pos_]; }
  uint64_t offset() const { return base_ + pos_; }

 private:
  ByteSource& source_;
  std::string buf_;
  size_t pos_ = 0;
  uint64_t base_ = 0;
};

// Splits "HTTP/1.1 200 OK\r\nHeader: v\r\n\r\nbody" into status, headers and body.
bool ParseHttp(const std::string& block, int& status, std::string& content_type,
               std::string& transfer_encoding, std::string& content_encoding, size_t& body_start) {
  size_t end = block.find("\r\n\r\n");
  size_t sep = 4;
  if (end == std::string::npos) {
    end = block.find("\n\n");
    sep = 2;
  }
  if (end == std::string::npos) {
    end = block.size();
    sep = 0;
  }
  std::string_view head(block.data(), end);
  size_t eol = head.find('\n');
  std::string_view status_line = Trim(head.substr(0, eol));
  if (status_line.rfind("HTTP/", 0) != 0) return false;
  size_t sp = status_line.find(' ');
  status = sp == std::string_view::npos ? 0 : std::atoi(std::string(status_line.substr(sp + 1, 3)).c_str());
  while (eol != std::string_view::npos) {
    size_t next = head.find('\n', eol + 1);
    std::string_view line = Trim(head.substr(eol + 1, next == std::string_view::npos ? std::string_view::npos : next - eol - 1));
    size_t colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string key = Lower(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (key == "content-type") content_type = std::string(value);
      if (key == "transfer-encoding") transfer_encoding = Lower(value);
      if (key == "content-encoding") content_encoding = Lower(value);
    }
    eol = next;
  }
  body_start = std::min(block.size(), end + sep);
  return true;
}

// Undoes HTTP chunked transfer coding; on malformed input returns the bytes as they are.
std::string Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find("\r\n", pos);
    if (eol == std::string_view::npos) return std::string(body);
    std::string size_text(body.substr(pos, eol - pos));
    char* end = nullptr;
    unsigned long long size = std::strtoull(size_text.c_str(), &end, 16);
    if (end == size_text.c_str()) return std::string(body);
    if (size == 0) break;
    pos = eol + 2;
    if (pos + size > body.size()) {
      out.append(body.substr(pos));
      break;
    }
    out.append(body.substr(pos, size));
    pos += size + 2;
  }
  return out;
}

bool IsHtmlType(std::string_view content_type, std::string_view payload) {
  std::string t = Lower(content_type);
  if (t.find("text/html") != std::string::npos || t.find("application/xhtml") != std::string::npos)
    return true;
  if (!t.empty()) return false;
  std::string head = Lower(payload.substr(0, 512));
  return head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos;
}

}  // namespace

WarcStats ReadWarc(const std::string& path, const WebOptions& options,
                   const std::function<bool(const WarcRecord&)>& on_record,
                   std::vector<Error>& problems) {
  WarcStats stats;
  auto problem = [&](ErrorCode code, int64_t record, int64_t offset, std::string message,
                     std::string hint, bool fatal = true) {
    Error e;
    e.code = code;
    e.source = path;
    e.record = record;
    e.offset = offset;
    e.message = std::move(message);
    e.hint = std::move(hint);
    e.fatal = fatal;
    problems.push_back(std::move(e));
    ++stats.errors;
  };
  ByteSource source(path);
  if (!source.ok()) {
    problem(ErrorCode::kUnreadable, -1, -1, "cannot open the WARC file", "check the path and permissions");
    return stats;
  }
  source.Start();
  Stream stream(source);
  std::string line;
  int64_t number = 0;
  while (true) {
    // Blank lines separate records.
    bool more = true;
    while ((more = !stream.AtEnd()) && (stream.Peek() == '\r' || stream.Peek() == '\n')) {
      stream.ReadExact(1, nullptr);
    }
    if (!more) break;
    ++number;
    uint64_t start = stream.offset();
    int64_t file_offset = source.FileOffset(start);
    if (!stream.ReadLine(line, 4096) || line.rfind("WARC/", 0) != 0) {
      problem(ErrorCode::kMalformed, number, file_offset,
              "no WARC record starts here (expected \"WARC/1.0\"); reading stopped",
              "the file is damaged or not a WARC file; records before this one were read");
      break;
    }
    WarcRecord record;
    record.number = number;
    record.offset = file_offset;
    int64_t content_length = -1;
    std::string record_content_type;
    size_t header_bytes = 0;
    bool header_ok = false;
    while (stream.ReadLine(line, 64 << 10)) {
      header_bytes += line.size();
      if (line.empty()) {
        header_ok = true;
        break;
      }
      if (header_bytes > (1 << 20)) break;
      size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string key = Lower(Trim(std::string_view(line).substr(0, colon)));
      std::string value(Trim(std::string_view(line).substr(colon + 1)));
      if (key == "warc-type") record.type = Lower(value);
      else if (key == "warc-target-uri") record.target_uri = value;
      else if (key == "warc-date") record.warc_date = value;
      else if (key == "content-type") record_content_type = value;
      else if (key == "content-length") {
        char* end = nullptr;
        long long v = std::strtoll(value.c_str(), &end, 10);
        content_length = end != value.c_str() && v >= 0 ? v : -1;
      }
    }
    // Strip <> some writers put around the URI (WARC 1.1 examples).
    if (record.target_uri.size() > 1 && record.target_uri.front() == '<' && record.target_uri.back() == '>')
      record.target_uri = record.target_uri.substr(1, record.target_uri.size() - 2);
    if (!header_ok) {
      bool damaged = !source.error().empty();
      problem(damaged ? ErrorCode::kMalformed : ErrorCode::kTruncated, number, file_offset,
              damaged ? "record header unreadable: " + source.error()
                      : "the archive ends inside a record header (truncated file)",
              "records before this one were read");
      break;
    }
    if (content_length < 0) {
      problem(ErrorCode::kMalformed, number, file_offset,
              "record has no valid Content-Length; reading stopped", "the file is damaged");
      break;
    }
    ++stats.records;
    if (static_cast<uint64_t>(content_length) > options.max_warc_record_bytes) {
      problem(ErrorCode::kTooLarge, number, file_offset,
              "record of " + std::to_string(content_length) + " bytes is over the " +
                  std::to_string(options.max_warc_record_bytes) + "-byte limit; skipped",
              "raise max_warc_record_bytes to read it");
      if (!stream.ReadExact(static_cast<size_t>(content_length), nullptr)) {
        problem(ErrorCode::kTruncated, number, file_offset, "the archive ends inside this record", "");
        break;
      }
      continue;
    }
    bool wanted = record.type == "response" || record.type == "resource";
    std::string block;
    block.reserve(wanted ? static_cast<size_t>(content_length) : 0);
    if (!stream.ReadExact(static_cast<size_t>(content_length), wanted ? &block : nullptr)) {
      bool damaged = !source.error().empty() && !source.truncated();
      problem(damaged ? ErrorCode::kMalformed : ErrorCode::kTruncated, number, file_offset,
              damaged ? "record body unreadable: " + source.error()
                      : "the archive ends inside this record (truncated file); " +
                            std::to_string(number - 1) + " whole records were read",
              "re-download or re-crawl the archive");
      --stats.records;
      break;
    }
    if (!wanted) {
      ++stats.skipped_other;
      continue;
    }
    if (record.type == "response" && Lower(record_content_type).find("application/http") != std::string::npos) {
      std::string transfer, encoding;
      size_t body_start = 0;
      if (!ParseHttp(block, record.http_status, record.content_type, transfer, encoding, body_start)) {
        problem(ErrorCode::kMalformed, number, file_offset, "response record without an HTTP status line",
                "", /*fatal=*/true);
        continue;
      }
      std::string body = block.substr(body_start);
      if (transfer.find("chunked") != std::string::npos) body = Dechunk(body);
      if ((encoding == "gzip" || encoding == "x-gzip") && web::IsGzip(body)) {
        std::string inflated, why;
        web::Gunzip(body, options.max_warc_record_bytes, inflated, why);
        body = std::move(inflated);
      }
      record.payload = std::move(body);
    } else {
      record.content_type = record_content_type;
      record.payload = std::move(block);
    }
    if (record.http_status != 0 && (record.http_status < 200 || record.http_status >= 300)) {
      ++stats.skipped_other;
      continue;
    }
    if (!IsHtmlType(record.content_type, record.payload)) {
      ++stats.skipped_non_html;
      continue;
    }
    ++stats.html_records;
    if (!on_record(record)) break;
  }
  if (!source.error().empty() && (problems.empty() || problems.back().source != path)) {
    problem(source.truncated() ? ErrorCode::kTruncated : ErrorCode::kMalformed, number,
            static_cast<int64_t>(source.consumed()), source.error(), "records before the damage were read");
  }
  return stats;
}

void IngestWarcFile(const std::string& path, const IngestOptions& options, IngestResult& out) {
  WebOptions web_options;
  web_options.max_warc_record_bytes = std::min<uint64_t>(options.max_file_bytes, web_options.max_warc_record_bytes);
  size_t before = out.articles.size();
  std::vector<Error> problems;
  WarcStats stats = ReadWarc(path, web_options, [&](const WarcRecord& record) {
    HtmlSource source;
    source.name = path;
    source.url = record.target_uri;
    source.content_type = record.content_type;
    auto page = ExtractHtml(record.payload, source, web_options);
    if (!page) {
      Error e = page.error();
      e.record = record.number;
      e.offset = record.offset;
      e.fatal = true;
      problems.push_back(std::move(e));
      ++out.report.records_rejected;
      return true;
    }
    Article a = ArticleFromPage(std::move(*page), path, record.number);
    if (!a.date && !record.warc_date.empty()) {
      // The crawl date bounds the publication date; used only when the page states none.
      if (a.date_text.empty() && options.default_date) {
        a.date = options.default_date;
        a.date_source = DateSource::kOption;
      }
    }
    if (a.text.size() > options.max_article_bytes) a.text.resize(options.max_article_bytes);
    a.index = static_cast<uint32_t>(out.articles.size());
    out.articles.push_back(std::move(a));
    ++out.report.articles_read;
    return true;
  }, problems);
  for (auto& p : problems) out.report.problems.push_back(std::move(p));
  if (stats.skipped_non_html + stats.skipped_other > 0) {
    Error note;
    note.code = ErrorCode::kUnsupported;
    note.source = path;
    note.message = std::to_string(stats.records) + " records: " + std::to_string(stats.html_records) +
                   " HTML pages read, " + std::to_string(stats.skipped_non_html) +
                   " non-HTML payloads and " + std::to_string(stats.skipped_other) +
                   " other records (request, metadata, non-2xx) skipped";
    note.fatal = false;
    out.report.problems.push_back(std::move(note));
  }
  if (out.articles.size() == before) ++out.report.inputs_rejected;
}

}  // namespace sitrep
