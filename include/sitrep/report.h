// report: one self-contained HTML page of a Brief (headline, summary with citation chips, timeline,
// map of places, actors, figures, disagreements and sources) that opens offline in any browser.
// Method: the page is written in one pass; every citation is a <mark id> cut into the source
// text in C++ (UTF-8 byte offsets never reach JavaScript), so chips are plain links that work
// with JavaScript off. Leaflet, vis-timeline and a Natural Earth country GeoJSON are inlined from
// the build (none when node_modules was absent). The page makes no network request.
// Invariants: all article text is HTML-escaped; invalid UTF-8 shows as U+FFFD. Thread safety:
// reentrant.
#pragma once

#include <string>
#include <string_view>

#include "sitrep/brief.h"

namespace sitrep {

struct HtmlReportOptions {
  bool inline_scripts = true;     // false: a plain document (no map/timeline scripts or data)
  std::string title;              // <title>; empty = the brief's headline
  std::string generator = "sitrep";  // shown in the footer
};

// Renders the whole page. Never fails: missing sections are left out, bad spans are clamped.
std::string RenderHtml(const Brief& brief, const HtmlReportOptions& options = {});

// Escapes text for HTML element content and attribute values (& < > " '), replaces invalid
// UTF-8 and control characters other than tab/newline with U+FFFD.
std::string EscapeHtml(std::string_view text);

// Whether this build inlines the map and timeline libraries (node_modules was found at
// configure time).
bool HtmlReportHasScripts();

}  // namespace sitrep
