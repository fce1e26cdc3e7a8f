#include "pack/text_rules.h"

#include "base/utf8.h"
#include "pack/pack_limits.h"
#include "text/line_breaks.h"

#include <algorithm>
#include <cstdio>
#include <unicode/uchar.h>

namespace kiosk {
namespace {

bool is_control(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }
bool is_bidi_override(uint32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// Characters that take no ink: white space, zero-width and format characters,
// fillers, variation selectors and tags. Khmer's two invisible inherent vowels
// are among them: a Khmer title of only those would show nothing.
bool is_invisible(uint32_t cp) {
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0xA0)) return true;
    switch (cp) {
        case 0x00AD:
        case 0x034F:
        case 0x061C:
        case 0x115F:
        case 0x1160:
        case 0x1680:
        case 0x17B4:
        case 0x17B5:
        case 0x180E:
        case 0x2800:
        case 0x3000:
        case 0x3164:
        case 0xFEFF:
        case 0xFFA0: return true;
        default: break;
    }
    return (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
           (cp >= 0x205F && cp <= 0x206F) || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFFF0 && cp <= 0xFFF8) ||
           (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A) || (cp >= 0xE0000 && cp <= 0xE0FFF);
}

}  // namespace

size_t count_code_points(std::string_view text) {
    size_t count = 0;
    for (size_t pos = 0; pos < text.size(); ++count) next_code_point(text, pos);
    return count;
}

std::optional<ForbiddenCharacter> find_forbidden_character(std::string_view text, bool long_text) {
    size_t position = 0;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t cp = next_code_point(text, pos);
        ++position;
        const bool allowed_space =
            long_text && (cp == '\t' || cp == '\n' || (cp == '\r' && pos < text.size() && text[pos] == '\n'));
        if ((is_control(cp) && !allowed_space) || is_bidi_override(cp)) return ForbiddenCharacter{cp, position};
    }
    return std::nullopt;
}

std::string without_forbidden_characters(std::string_view text, bool long_text) {
    std::string kept;
    kept.reserve(text.size());
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        const uint32_t cp = next_code_point(text, pos);
        const bool allowed_space =
            long_text && (cp == '\t' || cp == '\n' || (cp == '\r' && pos < text.size() && text[pos] == '\n'));
        if ((is_control(cp) && !allowed_space) || is_bidi_override(cp)) continue;
        kept.append(text.substr(start, pos - start));
    }
    return kept;
}

std::string describe_forbidden(uint32_t code_point) {
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(code_point));
    return std::string(hex) + (is_bidi_override(code_point) ? " (a bidirectional override)" : " (a control character)");
}

std::optional<StackedCharacter> find_stacked_character(std::string_view text) {
    // Most text has no mark at all: only a run of non-ASCII can hold a stack.
    if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return std::nullopt;
    size_t start = 0, position = 1, code_points = 0, start_position = 1;
    for (const uint32_t end : grapheme_clusters(text)) {
        uint32_t last = 0, before_joiner = 0;
        for (size_t pos = start; pos < end;) {
            last = next_code_point(text, pos);
            ++code_points;
            ++position;
            if (last != 0x200C && last != 0x200D) before_joiner = last;
        }
        start = end;
        // A virama (combining class 9) joins the next consonant into the syllable.
        if (end < text.size() && u_getCombiningClass(UChar32(before_joiner)) == 9) continue;
        if (code_points > size_t(kMaxMarksPerCharacter) + 1) return StackedCharacter{code_points - 1, start_position};
        code_points = 0;
        start_position = position;
    }
    return std::nullopt;
}

std::string describe_stacked(const StackedCharacter& stacked) {
    return "a character with " + std::to_string(stacked.marks) + " marks stacked on it; at most " +
           std::to_string(kMaxMarksPerCharacter);
}

bool has_visible_character(std::string_view text) {
    for (size_t pos = 0; pos < text.size();)
        if (!is_invisible(next_code_point(text, pos))) return true;
    return false;
}

bool is_safe_id(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdBytes) return false;
    for (char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace kiosk
