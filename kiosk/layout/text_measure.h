// Measuring text as the screens will draw it: heights, widths, lines cut to fit.
// Layout and input handling measure with these; ui/draw_helpers.h draws with the
// same line breaking (layout/text_lines.h).
//
// Text of any length is safe to hand them: a text longer than a screen could
// ever show is cut (with "…") before it is measured.
#pragma once

#include "pack/pack_limits.h"
#include "text/fonts.h"

#include <cstddef>
#include <imgui.h>
#include <string>

namespace kiosk {

// No screen lays out more than this much of one text: the longest text a pack may
// hold (kMaxAboutTextChars) in 4-byte characters.
constexpr size_t kMaxLaidOutBytes = 4 * size_t(kMaxAboutTextChars);
// Bytes for `chars` characters of any script: the cut a screen applies to a field
// whose limit is `chars` before laying it out.
constexpr size_t bytes_for_chars(int chars) { return 4 * size_t(chars); }

// `text` itself, or its first `max_bytes` cut at a character boundary with "…"
// appended (kept in `storage`).
const std::string& laid_out(const std::string& text, std::string& storage, size_t max_bytes = kMaxLaidOutBytes);

// Height of `text` wrapped at `wrap_width` (0: no wrapping).
float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width);
float text_width(const Fonts& fonts, FontRole role, const std::string& text);
// The same at any size of a font.
float text_height_at(const ImFont* font, float size, const std::string& text, float wrap_width);

// `text` as at most `max_lines` lines of `width` (wrapped at words, or one line
// when `wrap` is false): when it does not fit, the last line ends with "…".
// Lines are joined with '\n', to be drawn without wrapping.
std::string fit_lines(const ImFont* font, float size, const std::string& text, float width, int max_lines,
                      bool wrap = true);
std::string fit_lines(const Fonts& fonts, FontRole role, const std::string& text, float width, int max_lines,
                      bool wrap = true);

// Whether `text` wrapped at words within `width` takes at most `max_lines` lines,
// none of them wider than `width` (fit_lines would show it whole).
bool fits_lines(const ImFont* font, float size, const std::string& text, float width, int max_lines);

// The width of a label drawn with draw_spaced_caps (ASCII upper-cased, spaced apart).
float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em);

}  // namespace kiosk
