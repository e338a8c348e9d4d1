// Internal: gzip inflation with zlib (all members of a multi-member file), bounded output.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::web {

inline bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// Inflates every gzip member of `bytes` into `out` (at most max_bytes). On damage or
// truncation returns false with `why` set; `out` then holds what came before the damage.
bool Gunzip(std::string_view bytes, uint64_t max_bytes, std::string& out, std::string& why);

}  // namespace sitrep::web
