// Measuring text as the screens will draw it: heights, widths, lines cut to fit.
// Layout and input handling measure with these; ui/draw_helpers.h draws the same
// layouts (text/text_engine.h), so measuring and drawing cannot disagree.
//
// Text of any length is safe to hand them: a text longer than a screen could
// ever show is cut (with "…") before it is laid out.
#pragma once

#include "pack/pack_limits.h"
#include "text/fonts.h"

#include <cstddef>
#include <string>

namespace kiosk {

// No screen lays out more than this much of one text: the longest text a pack may
// hold (kMaxAboutTextChars) in 4-byte characters.
constexpr size_t kMaxLaidOutBytes = 4 * size_t(kMaxAboutTextChars);
// Bytes for `chars` characters of any script: the cut a screen applies to a field
// whose limit is `chars` before laying it out.
constexpr size_t bytes_for_chars(int chars) { return 4 * size_t(chars); }
// Labels are short; anything longer is cut before it is laid out.
constexpr size_t kMaxLabelBytes = 1024;

// `text` itself, or its first `max_bytes` cut at a character boundary with "…"
// appended (kept in `storage`).
const std::string& laid_out(const std::string& text, std::string& storage, size_t max_bytes = kMaxLaidOutBytes);

// `text` in the role's face at `size` pixels, wrapped at `wrap_width` (0: only at '\n').
const TextLayout& text_layout(const Fonts& fonts, FontRole role, float size, const std::string& text,
                              float wrap_width = 0);

// Height of `text` wrapped at `wrap_width` (0: no wrapping).
float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width);
float text_width(const Fonts& fonts, FontRole role, const std::string& text);
// The same at any size of the role's face.
float text_height_at(const Fonts& fonts, FontRole role, float size, const std::string& text, float wrap_width);
// The height of one line of `text` at the role's size: more than the size for
// Khmer, whose stacked marks need the room.
float line_height(const Fonts& fonts, FontRole role, const std::string& text, float size = 0);

// `text` as at most `max_lines` lines of `width` (wrapped at line break
// opportunities, or one line when `wrap` is false): when it does not fit, the
// last line ends with "…". Lines are joined with '\n', to be drawn without wrapping.
std::string fit_lines(const Fonts& fonts, FontRole role, const std::string& text, float width, int max_lines,
                      bool wrap = true);
std::string fit_lines_at(const Fonts& fonts, FontRole role, float size, const std::string& text, float width,
                         int max_lines, bool wrap = true);

// Whether `text` wrapped within `width` takes at most `max_lines` lines, none of
// them wider than `width` (fit_lines would show it whole).
bool fits_lines(const Fonts& fonts, FontRole role, float size, const std::string& text, float width, int max_lines);

// A label as draw_spaced_caps sets it: ASCII letters upper-cased, except in a
// text with Khmer, which has no capitals.
std::string caps_label(const Fonts& fonts, FontRole role, const std::string& text);
// The width of a label drawn with draw_spaced_caps (upper-cased and spaced
// apart; Khmer is neither: spacing would tear its clusters apart).
float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em);

}  // namespace kiosk
