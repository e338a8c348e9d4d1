// Internal: JSONL reading for ingest (article lines and cluster lines).
#pragma once

#include <string_view>

#include "sitrep/ingest.h"

namespace sitrep {

// Reads JSON Lines: each line an article {"id","title","date","url","source","text",...} or an
// event {"id", "documents": [articles...]} (the ../shared cluster format). A single JSON
// document spread over several lines (a pretty-printed .json file) is read too. One Error per
// unusable line, naming the line and byte offset; other lines are still read.
void ReadJsonl(std::string_view source, std::string_view bytes, const IngestOptions& options,
               IngestResult& out);

}  // namespace sitrep
