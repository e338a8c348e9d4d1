// sitrep extract: HTML pages and WARC archives in, one article per JSONL line out (the format
// `sitrep brief` reads). Streams: each article is written as soon as it is extracted.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "sitrep/web.h"

namespace sitrep::cli {
namespace {

const Command kExtract("extract", "Extract articles from HTML pages and WARC archives to JSONL",
                       [](CLI::App& sub) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto output = std::make_shared<std::string>("-");
  auto max_page = std::make_shared<uint64_t>(WebOptions{}.max_page_bytes);
  auto max_record = std::make_shared<uint64_t>(WebOptions{}.max_warc_record_bytes);
  sub.add_option("inputs", *inputs, ".html/.htm (gzip allowed), .warc/.warc.gz files or folders")
      ->required();
  sub.add_option("-o,--output", *output, "JSONL output file ('-' = stdout)");
  sub.add_option("--max-page-bytes", *max_page, "Larger HTML files are rejected");
  sub.add_option("--max-warc-record-bytes", *max_record, "Larger WARC records are skipped");
  return [=]() -> int {
    WebOptions options;
    options.max_page_bytes = *max_page;
    options.max_warc_record_bytes = *max_record;
    std::ofstream file;
    std::ostream* out = &std::cout;
    if (*output != "-") {
      file.open(*output, std::ios::binary);
      if (!file) {
        std::fprintf(stderr, "%s: error: cannot write the output file\n", output->c_str());
        return kExitUsage;
      }
      out = &file;
    }
    std::vector<Error> problems;
    ExtractRunStats stats = ExtractFiles(*inputs, options, [&](const Article& a) {
      *out << ArticleJsonLine(a) << '\n';
    }, problems);
    out->flush();
    for (const Error& e : problems) std::fprintf(stderr, "%s\n", e.ToString().c_str());
    std::fprintf(stderr,
                 "sitrep extract: %llu files, %llu pages, %llu articles written; WARC: %llu "
                 "records, %llu HTML, %llu non-HTML and %llu other records skipped; %zu problems\n",
                 static_cast<unsigned long long>(stats.files), static_cast<unsigned long long>(stats.pages),
                 static_cast<unsigned long long>(stats.articles),
                 static_cast<unsigned long long>(stats.warc.records),
                 static_cast<unsigned long long>(stats.warc.html_records),
                 static_cast<unsigned long long>(stats.warc.skipped_non_html),
                 static_cast<unsigned long long>(stats.warc.skipped_other), problems.size());
    return stats.articles > 0 ? kExitOk : kExitNoUsableInput;
  };
});

}  // namespace
}  // namespace sitrep::cli
