// Fuzzes the WARC reader (plain and gzip members) and the HTML extraction of its records.
// ReadWarc streams from a path, so each input goes to a per-process temporary file.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "sitrep/web.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path =
      (std::filesystem::temp_directory_path() / ("sitrep_fuzz_warc_" + std::to_string(getpid()) + ".warc")).string();
  if (FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  } else {
    return 0;
  }
  sitrep::IngestOptions options;
  options.max_file_bytes = 8u << 20;
  sitrep::IngestResult out;
  sitrep::IngestWarcFile(path, options, out);
  std::remove(path.c_str());
  return 0;
}
