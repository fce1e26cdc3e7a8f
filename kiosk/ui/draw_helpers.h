// Small drawing helpers on top of ImDrawList, shared by every screen.
//
// Text of any length is safe to hand them: a text longer than a screen could
// ever show is cut (with "…") before it is measured, a long text is drawn line by
// line and only its lines inside the clip rectangle reach the draw list, so the
// cost of a frame follows what is visible, not what the pack holds.
#pragma once

#include "text/fonts.h"
#include "pack/pack_limits.h"

#include <cstddef>
#include <imgui.h>
#include <string>
#include <vector>

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

// Draws wrapped text at whole pixels; returns its height.
float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                const std::string& text, float wrap_width = 0);
float draw_text_at(ImDrawList& dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, const std::string& text,
                   float wrap_width = 0);

// `text` as at most `max_lines` lines of `width` (wrapped at words, or one line
// when `wrap` is false): when it does not fit, the last line ends with "…".
// Lines are joined with '\n', to be drawn without wrapping.
std::string fit_lines(const ImFont* font, float size, const std::string& text, float width, int max_lines,
                      bool wrap = true);
std::string fit_lines(const Fonts& fonts, FontRole role, const std::string& text, float width, int max_lines,
                      bool wrap = true);

// Upper-cases ASCII letters and spaces the characters apart: used for small
// labels (dates, "DISPUTED") the way printed labels set them. Returns the width.
float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em);
float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em);

// A horizontal rule `thickness` pixels high centred on `y`, as whole rows of
// pixels: an anti-aliased line of the same width smears across two rows.
void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col);

// For the tests that check what screens write (interface_strings_test): while
// `log` is set, every text given to draw_text, draw_text_at and draw_spaced_caps
// is added to it with its font. Null (the kiosk's case) records nothing.
struct DrawnText {
    const ImFont* font;
    std::string text;
};
void record_drawn_text(std::vector<DrawnText>* log);

}  // namespace kiosk
