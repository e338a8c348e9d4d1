// Fuzzes JSONL reading (article lines and ../shared cluster lines) through IngestBytes, as
// `sitrep brief` reads it.
#include <cstdint>
#include <string_view>

#include "sitrep/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (4u << 20)) return 0;
  sitrep::IngestOptions options;
  options.max_article_bytes = 1u << 20;
  sitrep::IngestResult out;
  sitrep::IngestBytes("fuzz.jsonl", std::string_view(reinterpret_cast<const char*>(data), size), options, out);
  return 0;
}
