// Errors as values at sitrep's library boundary.
//
// Every fallible public function returns Result<T> (shaped like C++23 std::expected) or fills a
// report with Error values. An Error names what failed and where: the file or URL, the record
// (JSONL line, WARC record), the byte offset, the fault, and a hint for the user. No exception
// crosses include/sitrep/.
#pragma once

#include <cstdint>
#include <string>

#include <tl/expected.hpp>

namespace sitrep {

enum class ErrorCode {
  kNotFound,        // a path that does not exist
  kUnreadable,      // exists but cannot be read (permissions, I/O)
  kEmpty,           // nothing in it (empty file, empty folder, no sentences)
  kBinary,          // not text (NUL bytes, images, executables)
  kBadEncoding,     // invalid UTF-8 or an unknown charset (repaired where possible)
  kTooLarge,        // over a configured byte limit
  kMalformed,       // a JSON line that is not JSON, broken HTML/WARC structure
  kTruncated,       // ended in the middle of a record
  kUnsupported,     // a format sitrep does not read
  kInvalidArgument, // an option value that makes no sense
  kInternal,
};

// Short stable name of a code, e.g. "not_found"; used in JSON output and messages.
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string source;        // file path, URL or "-" for stdin
  int64_t record = -1;       // 1-based JSONL line or WARC record number; -1 when not applicable
  int64_t offset = -1;       // byte offset in the source; -1 when unknown
  std::string message;       // what is wrong, in a sentence
  std::string hint;          // what the user can do about it; may be empty
  bool fatal = true;         // false: a warning, the input was still used (e.g. repaired UTF-8)

  // "path:line: message (hint)" in the style of compilers, for stderr.
  std::string ToString() const;
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> MakeError(ErrorCode code, std::string source, std::string message,
                                       std::string hint = {}) {
  Error e;
  e.code = code;
  e.source = std::move(source);
  e.message = std::move(message);
  e.hint = std::move(hint);
  return tl::unexpected<Error>(std::move(e));
}

}  // namespace sitrep
