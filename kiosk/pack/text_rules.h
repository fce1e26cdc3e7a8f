// What a pack's text and ids may hold, checked character by character: every
// text a visitor must read has something visible in it, no text carries control
// characters or bidirectional overrides (which reorder what is drawn and what a
// curator's terminal shows), and ids are plain ASCII so two ids that look the
// same are the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Unicode code points in UTF-8 TEXT (a Khmer syllable counts several). Bytes
// that start no sequence count one each.
size_t count_code_points(std::string_view text);

// The first code point of TEXT that no pack text may hold: C0 controls (tab and
// line feed allowed in long text, and a carriage return just before a line
// feed), DEL, C1 controls and the bidirectional embeddings, overrides and
// isolates (U+202A..U+202E, U+2066..U+2069).
struct ForbiddenCharacter {
    uint32_t code_point = 0;
    size_t position = 0;  // 1-based, in code points
};
std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text, bool long_text);

// TEXT without the characters find_forbidden_character would report.
std::string without_forbidden_characters(std::string_view text, bool long_text);

// "U+001B (a control character)", "U+202E (a bidirectional override)".
std::string describe_forbidden(uint32_t code_point);

// The first character of TEXT with more than kMaxMarksPerCharacter marks
// stacked on it: a grapheme cluster (ICU's character breaks), with a cluster that
// ends in a virama (Khmer's coeng U+17D2, Devanagari's U+094D) joined to the next,
// as HarfBuzz shapes them as one syllable. Checked before any text is shaped:
// a stack of hundreds takes HarfBuzz minutes.
struct StackedCharacter {
    size_t marks = 0;     // code points after the first
    size_t position = 0;  // 1-based, in code points, where the character starts
};
std::optional<StackedCharacter> find_stacked_character(std::string_view text);

// "a character with 40 marks stacked on it; at most 16"
std::string describe_stacked(const StackedCharacter& stacked);

// True when TEXT has at least one character that draws something: not only
// spaces, line breaks, zero-width or other format characters, fillers or
// variation selectors.
bool has_visible_character(std::string_view text);

// Ids are 1 to kMaxIdBytes of a-z A-Z 0-9 - _ .
constexpr size_t kMaxIdBytes = 64;
bool is_safe_id(std::string_view id);

}  // namespace kiosk
