#include "render/render_util.h"

#include "sitrep/text.h"

namespace sitrep {

std::string DisplayText(std::string_view text) { return CollapseSpaces(text); }

std::string DateOrUnknown(const Article& a) { return a.date ? a.date->ToIso() : "date unknown"; }

}  // namespace sitrep
