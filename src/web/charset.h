// Internal: decode an HTML page of any charset to UTF-8.
//
// Order (as browsers do): byte order mark, then the HTTP Content-Type charset, then a
// <meta charset> / <meta http-equiv> in the first 4 KiB, then: valid UTF-8 stays UTF-8, anything
// else is detected with ICU's charset detector. Labels follow WHATWG (latin1/ascii mean
// windows-1252). Never fails: undecodable bytes become U+FFFD later, in NormalizeText.
#pragma once

#include <string>
#include <string_view>

namespace sitrep::web {

struct DecodedHtml {
  std::string utf8;       // the page as UTF-8 (BOM removed), when it had to be converted
  std::string_view input; // else: the input bytes themselves (already UTF-8), not copied
  bool converted = false;
  std::string_view view() const { return converted ? std::string_view(utf8) : input; }
  std::string charset;    // the charset used, e.g. "UTF-8", "windows-1252"
  std::string how;        // "bom", "http", "meta", "utf8-valid", "detected", "default"
};

DecodedHtml DecodeHtml(std::string_view bytes, std::string_view http_content_type = {});

// The charset parameter of a Content-Type value ("text/html; charset=ISO-8859-1"), or "".
std::string CharsetFromContentType(std::string_view content_type);

// True when bytes are valid UTF-8.
bool IsValidUtf8(std::string_view bytes);

}  // namespace sitrep::web
