// `sitrep extract`'s library call: files and folders in, articles out one at a time.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "sitrep/web.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

bool IsWarcName(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto ends = [&](std::string_view suffix) {
    return lower.size() >= suffix.size() && lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".warc") || ends(".warc.gz");
}

Error Problem(ErrorCode code, const std::string& source, std::string message, std::string hint = {}) {
  Error e;
  e.code = code;
  e.source = source;
  e.message = std::move(message);
  e.hint = std::move(hint);
  return e;
}

void ExtractOne(const std::string& path, const WebOptions& options,
                const std::function<void(const Article&)>& on_article, std::vector<Error>& problems,
                ExtractRunStats& stats) {
  ++stats.files;
  if (IsWarcName(path)) {
    WarcStats warc = ReadWarc(path, options, [&](const WarcRecord& record) {
      ++stats.pages;
      HtmlSource source;
      source.name = path;
      source.url = record.target_uri;
      source.content_type = record.content_type;
      auto page = ExtractHtml(record.payload, source, options);
      if (!page) {
        Error e = page.error();
        e.record = record.number;
        e.offset = record.offset;
        problems.push_back(std::move(e));
        return true;
      }
      Article a = ArticleFromPage(std::move(*page), path, record.number);
      ++stats.articles;
      on_article(a);
      return true;
    }, problems);
    stats.warc.records += warc.records;
    stats.warc.html_records += warc.html_records;
    stats.warc.skipped_non_html += warc.skipped_non_html;
    stats.warc.skipped_other += warc.skipped_other;
    stats.warc.errors += warc.errors;
    return;
  }
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  if (ec) {
    problems.push_back(Problem(ErrorCode::kUnreadable, path, "cannot read the file: " + ec.message()));
    return;
  }
  if (size > options.max_page_bytes) {
    problems.push_back(Problem(ErrorCode::kTooLarge, path,
                               "the page is " + std::to_string(size) + " bytes, over the " +
                                   std::to_string(options.max_page_bytes) + "-byte limit",
                               "raise --max-page-bytes"));
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes(size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<size_t>(in.gcount()));
  ++stats.pages;
  HtmlSource source;
  source.name = path;
  auto page = ExtractHtml(bytes, source, options);
  if (!page) {
    problems.push_back(page.error());
    return;
  }
  Article a = ArticleFromPage(std::move(*page), path, -1);
  ++stats.articles;
  on_article(a);
}

}  // namespace

ExtractRunStats ExtractFiles(const std::vector<std::string>& paths, const WebOptions& options,
                             const std::function<void(const Article&)>& on_article,
                             std::vector<Error>& problems) {
  ExtractRunStats stats;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      if (files.empty()) problems.push_back(Problem(ErrorCode::kEmpty, path, "the folder has no files"));
      for (const auto& f : files) ExtractOne(f, options, on_article, problems, stats);
    } else if (!fs::exists(path, ec)) {
      problems.push_back(Problem(ErrorCode::kNotFound, path, "no such file or folder"));
    } else {
      ExtractOne(path, options, on_article, problems, stats);
    }
  }
  return stats;
}

}  // namespace sitrep
