#include "base/printable.h"

#include "base/utf8.h"

#include <cstdint>
#include <cstdio>

namespace kiosk {

std::string printable(std::string_view text, size_t max_bytes) {
    std::string out;
    out.reserve(text.size() < max_bytes ? text.size() : max_bytes);
    char escape[16];
    size_t i = 0;
    while (i < text.size() && i < max_bytes) {
        uint32_t cp = 0;
        const size_t length = decode_utf8(text, i, &cp);
        if (length == 0) {
            std::snprintf(escape, sizeof escape, "\\x%02x", unsigned(uint8_t(text[i])));
            out += escape;
            ++i;
            continue;
        }
        if (cp == '\n')
            out += "\\n";
        else if (cp == '\t')
            out += "\\t";
        else if (cp == '\r')
            out += "\\r";
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
