// Ingest: paths -> bytes -> (sniffed format) -> Articles, one Error per unusable input.
#include "sitrep/ingest.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "ingest/jsonl.h"
#include "sitrep/text.h"
#include "sitrep/web.h"

namespace sitrep {
namespace fs = std::filesystem;
namespace {

Error MakeProblem(ErrorCode code, std::string_view source, std::string message,
                  std::string hint = {}, bool fatal = true) {
  Error e;
  e.code = code;
  e.source = std::string(source);
  e.message = std::move(message);
  e.hint = std::move(hint);
  e.fatal = fatal;
  return e;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Binary if the first 8 KiB hold a NUL byte or mostly control bytes.
bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return !head.empty() && controls * 10 > head.size();
}

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<uint8_t>(bytes[0]) == 0x1F &&
         static_cast<uint8_t>(bytes[1]) == 0x8B;
}

// Inflates every gzip member. Returns false (with what was inflated so far) on damage.
bool Gunzip(std::string_view in, uint64_t max_bytes, std::string& out, std::string& why) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    why = "zlib could not start";
    return false;
  }
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  char buf[1 << 16];
  bool ok = true;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      why = "decompressed size is over the limit";
      ok = false;
      break;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // the next member
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      why = "the gzip stream ends early (truncated file)";
      ok = false;
      break;
    }
    if (rc != Z_OK) {
      why = zs.msg ? zs.msg : "corrupt gzip data";
      ok = false;
      break;
    }
  }
  inflateEnd(&zs);
  return ok;
}

// Counts invalid UTF-8 sequences and whether any valid multi-byte sequence occurs.
void ScanUtf8(std::string_view bytes, size_t* invalid, bool* multibyte) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t n = static_cast<int32_t>(std::min<size_t>(bytes.size(), INT32_MAX));
  int32_t i = 0;
  *invalid = 0;
  *multibyte = false;
  while (i < n) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) ++*invalid;
    else *multibyte = true;
  }
}

// Decodes a text file's bytes to normalized UTF-8, reporting what was repaired.
std::string DecodeText(std::string_view source, std::string_view bytes, IngestReport& report) {
  size_t invalid = 0;
  bool multibyte = false;
  ScanUtf8(bytes, &invalid, &multibyte);
  if (invalid > 0 && !multibyte) {
    // No valid UTF-8 sequence at all: a legacy single-byte file. Windows-1252 is the
    // superset of Latin-1 that web text in Western languages uses.
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), "windows-1252");
    std::string utf8;
    u.toUTF8String(utf8);
    (void)status;
    report.problems.push_back(MakeProblem(
        ErrorCode::kBadEncoding, source,
        "not UTF-8 (" + std::to_string(invalid) + " invalid bytes); read as Windows-1252",
        "save the file as UTF-8 if this is wrong", /*fatal=*/false));
    return NormalizeText(utf8);
  }
  size_t repairs = 0;
  std::string text = NormalizeText(bytes, &repairs);
  if (repairs > 0) {
    report.problems.push_back(MakeProblem(
        ErrorCode::kBadEncoding, source,
        "invalid UTF-8: " + std::to_string(repairs) + " sequence(s) replaced with U+FFFD",
        "the file is damaged or mixes encodings", /*fatal=*/false));
  }
  return text;
}

std::string IdFromPath(std::string_view path) {
  if (path == "-") return "stdin";
  std::string name = fs::path(std::string(path)).filename().string();
  for (std::string_view ext : {".gz", ".txt", ".text", ".md"}) {
    if (EndsWith(Lower(name), ext)) name.resize(name.size() - ext.size());
  }
  return name;
}

void AddTextArticle(std::string_view source, std::string_view bytes, const IngestOptions& options,
                    IngestResult& out) {
  std::string text = DecodeText(source, bytes, out.report);
  if (text.size() > options.max_article_bytes) {
    size_t cut = text.rfind('\n', options.max_article_bytes);
    if (cut == std::string::npos || cut == 0) cut = options.max_article_bytes;
    while (cut > 0 && (static_cast<uint8_t>(text[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    out.report.problems.push_back(MakeProblem(
        ErrorCode::kTooLarge, source,
        "article text is " + std::to_string(text.size()) + " bytes; only the first " +
            std::to_string(cut) + " were read",
        "raise the limit with --max-article-bytes", /*fatal=*/false));
    text.resize(cut);
  }
  bool blank = std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n'; });
  if (blank) {
    out.report.problems.push_back(
        MakeProblem(ErrorCode::kEmpty, source, "the file holds no text", "remove it or fill it"));
    return;  // the caller counts the input as rejected
  }
  Article a;
  a.id = IdFromPath(source);
  a.path = std::string(source);
  a.text = std::move(text);
  if (options.default_date) {
    a.date = options.default_date;
    a.date_source = DateSource::kOption;
  }
  out.articles.push_back(std::move(a));
}

enum class Format { kText, kJsonl, kHtml, kWarc };

Format Sniff(std::string_view name, std::string_view bytes) {
  std::string lower = Lower(name);
  if (EndsWith(lower, ".gz")) lower.resize(lower.size() - 3);
  if (EndsWith(lower, ".jsonl") || EndsWith(lower, ".ndjson") || EndsWith(lower, ".json"))
    return Format::kJsonl;
  if (EndsWith(lower, ".html") || EndsWith(lower, ".htm") || EndsWith(lower, ".xhtml"))
    return Format::kHtml;
  if (EndsWith(lower, ".warc")) return Format::kWarc;
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' ||
                              bytes[i] == '\t'))
    ++i;
  std::string head = Lower(bytes.substr(i, 64));
  if (head.starts_with("warc/")) return Format::kWarc;
  if (head.starts_with("{")) return Format::kJsonl;
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      head.starts_with("<?xml") || head.starts_with("<head") || head.starts_with("<body"))
    return Format::kHtml;
  return Format::kText;
}

bool ReadFile(const fs::path& path, uint64_t max_bytes, std::string& bytes, IngestReport& report) {
  std::string source = path.string();
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  if (ec) {
    report.problems.push_back(MakeProblem(ErrorCode::kUnreadable, source,
                                          "cannot read the file: " + ec.message()));
    return false;
  }
  if (size > max_bytes) {
    report.problems.push_back(MakeProblem(
        ErrorCode::kTooLarge, source,
        "the file is " + std::to_string(size) + " bytes, over the " + std::to_string(max_bytes) +
            "-byte limit",
        "raise it with --max-file-bytes or split the file"));
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report.problems.push_back(
        MakeProblem(ErrorCode::kUnreadable, source, "cannot open the file for reading"));
    return false;
  }
  bytes.resize(size);
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  return true;
}

void IngestFile(const fs::path& path, const IngestOptions& options, IngestResult& out) {
  ++out.report.inputs_seen;
  std::string source = path.string();
  std::string lower = Lower(source);
  // WARC files stream record by record; they are never read whole.
  if (EndsWith(lower, ".warc") || EndsWith(lower, ".warc.gz")) {
    size_t before = out.articles.size();
    IngestWarcFile(source, options, out);
    if (out.articles.size() == before) ++out.report.inputs_rejected;
    return;
  }
  std::string bytes;
  if (!ReadFile(path, options.max_file_bytes, bytes, out.report)) {
    ++out.report.inputs_rejected;
    return;
  }
  size_t before = out.articles.size();
  IngestBytes(source, bytes, options, out);
  if (out.articles.size() == before) ++out.report.inputs_rejected;
}

}  // namespace

void IngestBytes(std::string_view source, std::string_view bytes, const IngestOptions& options,
                 IngestResult& out) {
  if (bytes.empty()) {
    out.report.problems.push_back(
        MakeProblem(ErrorCode::kEmpty, source, "the file is empty", "remove it or fill it"));
    return;
  }
  Format format = Sniff(source, bytes);
  std::string inflated;
  if (IsGzip(bytes)) {
    if (format == Format::kHtml) {
      IngestHtml(source, bytes, options, out);  // the web reader inflates (and sniffs) itself
      return;
    }
    std::string why;
    if (!Gunzip(bytes, options.max_file_bytes, inflated, why)) {
      out.report.problems.push_back(MakeProblem(
          ErrorCode::kTruncated, source, "gzip: " + why,
          inflated.empty() ? "the file is damaged" : "only the part before the damage was read",
          /*fatal=*/inflated.empty()));
      if (inflated.empty()) return;
    }
    bytes = inflated;
    std::string inner(source);
    if (EndsWith(Lower(inner), ".gz")) inner.resize(inner.size() - 3);
    format = Sniff(inner, bytes);
  }
  if (format == Format::kWarc) {
    out.report.problems.push_back(MakeProblem(
        ErrorCode::kUnsupported, source, "WARC data is read from files only",
        "save it as a .warc or .warc.gz file and pass the path"));
    return;
  }
  if (LooksBinary(bytes)) {
    out.report.problems.push_back(MakeProblem(
        ErrorCode::kBinary, source, "binary data, not text (NUL or control bytes)",
        "pass text, HTML, JSONL or WARC files"));
    return;
  }
  switch (format) {
    case Format::kJsonl:
      ReadJsonl(source, bytes, options, out);
      return;
    case Format::kHtml:
      IngestHtml(source, bytes, options, out);
      return;
    case Format::kText:
    case Format::kWarc:
      AddTextArticle(source, bytes, options, out);
      return;
  }
}

IngestResult Ingest(const std::vector<std::string>& paths, const IngestOptions& options) {
  IngestResult out;
  for (const std::string& input : paths) {
    if (input == "-") {
      ++out.report.inputs_seen;
      std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      size_t before = out.articles.size();
      IngestBytes("-", bytes, options, out);
      if (out.articles.size() == before) ++out.report.inputs_rejected;
      continue;
    }
    fs::path path(input);
    std::error_code ec;
    fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) {
      ++out.report.inputs_seen;
      ++out.report.inputs_rejected;
      out.report.problems.push_back(MakeProblem(ErrorCode::kNotFound, input,
                                                "no such file or folder", "check the path"));
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied,
                                               ec),
           end;
           !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {  // hidden files and folders are not articles
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        ++out.report.inputs_seen;
        ++out.report.inputs_rejected;
        out.report.problems.push_back(MakeProblem(ErrorCode::kEmpty, input,
                                                  "the folder holds no files",
                                                  "point sitrep at the articles themselves"));
      }
      for (const fs::path& f : files) IngestFile(f, options, out);
      continue;
    }
    IngestFile(path, options, out);
  }
  for (uint32_t i = 0; i < out.articles.size(); ++i) out.articles[i].index = i;
  out.report.articles_read = static_cast<uint32_t>(out.articles.size());
  return out;
}

}  // namespace sitrep
