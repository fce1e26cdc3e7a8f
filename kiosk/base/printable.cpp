#include "base/printable.h"

#include <cstdint>
#include <cstdio>

namespace kiosk {

namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when invalid.
size_t utf8_length(std::string_view text, size_t i, uint32_t* code_point) {
    const auto byte = [&](size_t k) { return uint8_t(text[k]); };
    const uint8_t lead = byte(i);
    size_t length = 0;
    uint32_t cp = 0, min = 0;
    if (lead < 0x80) return *code_point = lead, 1;
    if ((lead & 0xE0) == 0xC0) length = 2, cp = lead & 0x1F, min = 0x80;
    else if ((lead & 0xF0) == 0xE0) length = 3, cp = lead & 0x0F, min = 0x800;
    else if ((lead & 0xF8) == 0xF0) length = 4, cp = lead & 0x07, min = 0x10000;
    else return 0;
    if (i + length > text.size()) return 0;
    for (size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    *code_point = cp;
    return length;
}

}  // namespace

std::string printable(std::string_view text, size_t max_bytes) {
    std::string out;
    out.reserve(text.size() < max_bytes ? text.size() : max_bytes);
    char escape[16];
    size_t i = 0;
    while (i < text.size() && i < max_bytes) {
        uint32_t cp = 0;
        const size_t length = utf8_length(text, i, &cp);
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02x", unsigned(uint8_t(text[i])));
            out += escape;
            ++i;
            continue;
        }
        if (cp == '\n') out += "\\n";
        else if (cp == '\t') out += "\\t";
        else if (cp == '\r') out += "\\r";
        else if (cp < 0x20 || cp == 0x7F) {
            std::snprintf(escape, sizeof escape, "\\x%02x", unsigned(cp));
            out += escape;
        } else if ((cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
                   (cp >= 0x2066 && cp <= 0x2069)) {
            // C1 controls (0x9b is a terminal's escape introducer too), line
            // separators and bidirectional overrides that reorder what follows.
            std::snprintf(escape, sizeof escape, "\\u%04x", unsigned(cp));
            out += escape;
        } else {
            out.append(text.substr(i, length));
        }
        i += length;
    }
    if (i < text.size()) out += "\xE2\x80\xA6 (" + std::to_string(text.size() - i) + " more bytes)";
    return out;
}

}  // namespace kiosk
