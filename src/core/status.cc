#include "sitrep/status.h"

#include <string>

namespace sitrep {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kUnreadable: return "unreadable";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kBinary: return "binary";
    case ErrorCode::kBadEncoding: return "bad_encoding";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kMalformed: return "malformed";
    case ErrorCode::kTruncated: return "truncated";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Error::ToString() const {
  std::string out = source.empty() ? std::string("sitrep") : source;
  if (record >= 0) out += ":" + std::to_string(record);
  if (offset >= 0) out += " (byte " + std::to_string(offset) + ")";
  out += fatal ? ": error: " : ": warning: ";
  out += message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

}  // namespace sitrep
