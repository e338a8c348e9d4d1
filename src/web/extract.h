// Internal: main-text and metadata extraction from a parsed page (see sitrep/web.h for the
// contract). Separate from the public header so tests can look at the intermediate steps.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/article.h"
#include "web/dom.h"

namespace sitrep::web {

struct PageMetadata {
  std::string title;
  std::string site_name;
  std::string author;
  std::string canonical_url;
  std::string language;      // from markup (html lang, og:locale), lower-case ISO 639-1
  std::optional<CivilDate> date;
  std::string date_text;     // what the date was read from, e.g. "json-ld datePublished: 2019-..."
  std::string json_ld_body;  // schema.org articleBody, when the page has one
};

PageMetadata ExtractMetadata(const HtmlDom& dom, std::string_view page_url);

// The main text as paragraphs (whitespace collapsed, in document order).
std::vector<std::string> ExtractBody(const HtmlDom& dom, const PageMetadata& metadata);

// A date in ISO 8601 form at the start of text ("2019-11-19", "2019-11-19T08:00:00Z").
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// A /2019/11/19/ or -20191119- style date inside a URL.
std::optional<CivilDate> DateFromUrl(std::string_view url);
// "November 19, 2019", "19 November 2019", "Nov. 19, 2019" anywhere in text.
std::optional<CivilDate> DateFromText(std::string_view text);

}  // namespace sitrep::web
