// Writing text as TOML strings that a curator will read and edit: the import from
// TimelineJS and the translation import both write pack.toml by hand, so the
// file keeps its comments and its order.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// A TOML basic string on one line: "…" with every quote, backslash and control
// character escaped.
std::string toml_string(std::string_view s);

// A TOML string for text a curator edits: multi-line text as """…""" with real
// line breaks (every quote escaped, so no """ can end it early), one line
// otherwise.
std::string toml_text(std::string_view s);

// Text as pack.toml's long texts are written: """\ and then the text wrapped at
// spaces into lines of about `width` characters, each ending in " \" (TOML joins
// them again, so the screen shows no break there); the text's own line breaks
// stay real line breaks. Reads back as exactly `s`.
std::string toml_wrapped_text(std::string_view s, int width = 80);

}  // namespace kiosk
