// Shared by the benchmarks: where ../shared is, and a skip message when it is not.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace sitrep::bench {

// SITREP_SHARED_DIR from the environment, else the directory found at configure time.
inline std::string SharedDir() {
  if (const char* env = std::getenv("SITREP_SHARED_DIR"); env && *env) return env;
#ifdef SITREP_SHARED_DIR_DEFAULT
  return SITREP_SHARED_DIR_DEFAULT;
#else
  return "";
#endif
}

// Path of a file under shared/data, or "" after printing why the benchmark skips.
inline std::string SharedFile(const std::string& relative) {
  std::string dir = SharedDir();
  std::string path = dir.empty() ? std::string() : dir + "/data/" + relative;
  if (path.empty() || !std::filesystem::exists(path)) {
    std::fprintf(stderr,
                 "skipping: %s not found (set SITREP_SHARED_DIR to the shared/ folder that holds "
                 "data/%s)\n",
                 path.empty() ? relative.c_str() : path.c_str(), relative.c_str());
    return "";
  }
  return path;
}

}  // namespace sitrep::bench
