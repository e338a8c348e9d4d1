// Fuzzes HTML reading: charset decoding, parsing, extraction and metadata. The first byte picks
// an HTTP Content-Type, so the charset paths are reached too.
#include <cstdint>
#include <string_view>

#include "sitrep/web.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const char* kContentTypes[] = {"", "text/html; charset=utf-8", "text/html; charset=iso-8859-1",
                                        "text/html; charset=shift_jis", "text/html; charset=bogus",
                                        "text/html; charset=utf-16"};
  if (size > (4u << 20)) return 0;  // big pages are unit-tested; keep iterations fast
  sitrep::HtmlSource source;
  source.name = "fuzz.html";
  source.url = "https://fuzz.example/2020/01/02/page";
  if (size > 0) source.content_type = kContentTypes[data[0] % 6];
  sitrep::WebOptions options;
  options.max_dom_nodes = 1u << 18;
  auto page = sitrep::ExtractHtml(std::string_view(reinterpret_cast<const char*>(data), size), source, options);
  if (page) {
    sitrep::Article a = sitrep::ArticleFromPage(std::move(*page), "fuzz.html", -1);
    (void)sitrep::ArticleJsonLine(a);
  }
  return 0;
}
