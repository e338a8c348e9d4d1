// render: a Brief as Markdown for people or as versioned JSON for programs.
//
// JSON follows docs/brief.schema.json (kBriefSchemaVersion); offsets are byte offsets into each
// source article's text, which the JSON carries when RenderOptions::include_text is set.
// Thread safety: reentrant.
#pragma once

#include <string>

#include "sitrep/brief.h"

namespace sitrep {

inline constexpr const char* kBriefSchemaVersion = "1.0";

struct RenderOptions {
  bool explain = false;       // list every dropped block and near-duplicate with its reason
  bool include_text = false;  // JSON: include each article's full text
};

std::string RenderMarkdown(const Brief& brief, const RenderOptions& options);
std::string RenderJson(const Brief& brief, const RenderOptions& options);

}  // namespace sitrep
