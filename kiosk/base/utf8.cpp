#include "base/utf8.h"

#include <cstdint>

namespace kiosk {

// The allowed second-byte ranges follow the Unicode Standard's table 3-7, which
// is what rules out overlongs, surrogates and > U+10FFFF.
size_t decode_utf8(std::string_view s, size_t pos, uint32_t* code_point) {
    const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
    const uint8_t lead = byte(pos);
    if (lead < 0x80) {
        *code_point = lead;
        return 1;
    }

    size_t length = 0;
    uint8_t low = 0x80, high = 0xBF;  // range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (pos + length > s.size()) return 0;
    if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
    uint32_t cp = lead & (0x7F >> length);
    for (size_t i = pos + 1; i < pos + length; ++i) {
        if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
        cp = cp << 6 | (byte(i) & 0x3F);
    }
    *code_point = cp;
    return length;
}

uint32_t next_code_point(std::string_view text, size_t& pos) {
    uint32_t cp = 0;
    const size_t length = decode_utf8(text, pos, &cp);
    if (length == 0) {
        ++pos;
        return 0xFFFD;
    }
    pos += length;
    return cp;
}

bool find_invalid_utf8(const std::string& bytes, int* line, int* col) {
    int current_line = 1;
    size_t line_start = 0;
    for (size_t pos = 0; pos < bytes.size();) {
        uint32_t cp = 0;
        const size_t length = decode_utf8(bytes, pos, &cp);
        if (length == 0) {
            if (line) *line = current_line;
            if (col) *col = static_cast<int>(pos - line_start) + 1;
            return true;
        }
        if (bytes[pos] == '\n') {
            ++current_line;
            line_start = pos + 1;
        }
        pos += length;
    }
    return false;
}

std::string encode_utf8(uint32_t c) {
    if (c > 0x10FFFF) c = 0xFFFD;
    std::string out;
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
    return out;
}

}  // namespace kiosk
