// Internal helpers shared by the renderers.
#pragma once

#include <string>
#include <string_view>

#include "sitrep/article.h"

namespace sitrep {

// A span's text with runs of whitespace (newlines included) collapsed to one space: the only
// change a rendered sentence ever gets.
std::string DisplayText(std::string_view text);

// "2020-08-05" or "date unknown".
std::string DateOrUnknown(const Article& a);

}  // namespace sitrep
