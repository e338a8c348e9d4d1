// Data files linked into the binary (see sitrep_embed_data in cmake/SitrepHelpers.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace sitrep {

// The bytes of an embedded data file by its file name ("stopwords-en.txt"); empty if absent.
std::string_view EmbeddedData(std::string_view name);

// The file's lines with comments ('#' to end of line) and surrounding blanks removed, empty
// lines skipped. Views point into the embedded bytes (valid for the program's lifetime).
std::vector<std::string_view> EmbeddedLines(std::string_view name);

// Registers a file at static-initialization time; used by generated code only.
struct EmbeddedDataRegistrar {
  EmbeddedDataRegistrar(const char* name, const char* begin, const char* end);
};

}  // namespace sitrep
