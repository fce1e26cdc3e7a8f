#include "base/digits.h"

namespace kiosk {

std::string localise_digits(const std::string& text, bool khmer) {
    if (!khmer) return text;
    std::string out;
    out.reserve(text.size() * 3);
    for (const char c : text) {
        if (c < '0' || c > '9') {
            out += c;
            continue;
        }
        // U+17E0 KHMER DIGIT ZERO onwards: E1 9F A0 + the digit.
        out += "\xE1\x9F";
        out += char(0xA0 + (c - '0'));
    }
    return out;
}

}  // namespace kiosk
