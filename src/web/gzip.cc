#include "web/gzip.h"

#include <zlib.h>

namespace sitrep::web {

bool Gunzip(std::string_view bytes, uint64_t max_bytes, std::string& out, std::string& why) {
  out.clear();
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) {
    why = "zlib could not start";
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(bytes.size(), UINT32_MAX));
  char buffer[64 << 10];
  bool ok = true;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    int rc = inflate(&z, Z_NO_FLUSH);
    size_t produced = sizeof(buffer) - z.avail_out;
    if (out.size() + produced > max_bytes) {
      out.append(buffer, max_bytes - out.size());
      why = "inflated size is over the " + std::to_string(max_bytes) + "-byte limit";
      ok = false;
      break;
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      // Another member may follow (gzip files can be concatenated).
      if (z.avail_in == 0) break;
      if (z.avail_in >= 2 && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b) {
        inflateReset(&z);
        continue;
      }
      break;  // trailing garbage after the last member: ignored, as gzip(1) does
    }
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      why = "the gzip data ends early (truncated)";
      ok = false;
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      why = std::string("corrupt gzip data: ") + (z.msg ? z.msg : "inflate failed");
      ok = false;
      break;
    }
    if (z.avail_in == 0 && produced == 0) {
      why = "the gzip data ends early (truncated)";
      ok = false;
      break;
    }
  }
  inflateEnd(&z);
  return ok;
}

}  // namespace sitrep::web
