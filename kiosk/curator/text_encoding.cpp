#include "curator/text_encoding.h"

#include "base/utf8.h"

#include <cstdio>

namespace kiosk {
namespace {

// Windows-1252's 0x80 to 0x9F; 0xA0 to 0xFF are Latin-1, the code points themselves.
const uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

bool defined_in_windows_1252(uint8_t byte) {
    return byte != 0x81 && byte != 0x8D && byte != 0x8F && byte != 0x90 && byte != 0x9D;
}

std::string utf8_of(uint32_t cp) {
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

// The byte at 1-based `line` and byte `column`.
uint8_t byte_at(const std::string& bytes, int line, int column) {
    size_t i = 0;
    for (int l = 1; l < line && i < bytes.size(); ++i)
        if (bytes[i] == '\n') ++l;
    i += static_cast<size_t>(column - 1);
    return i < bytes.size() ? static_cast<uint8_t>(bytes[i]) : 0;
}

}  // namespace

uint32_t windows_1252_code_point(uint8_t byte) {
    return byte >= 0x80 && byte <= 0x9F ? kWindows1252High[byte - 0x80] : byte;
}

EncodingProblem find_encoding_problem(const std::string& bytes, const std::string& save_as) {
    EncodingProblem problem;
    if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0) {
        problem.message = "this file is not UTF-8: it is UTF-16 (what Excel saves as \"Unicode Text\"); " + save_as;
        return problem;
    }
    int line = 0, column = 0;
    if (!find_invalid_utf8(bytes, &line, &column)) return problem;
    problem.line = line;
    problem.column = column;
    bool windows_1252 = true;
    for (char c : bytes)
        if (!defined_in_windows_1252(static_cast<uint8_t>(c))) windows_1252 = false;
    const uint8_t first = byte_at(bytes, line, column);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", first);
    if (windows_1252) {
        problem.message = "this file is not UTF-8 (it looks like Windows-1252: byte " + std::string(hex) +
                          " here would be '" + utf8_of(windows_1252_code_point(first)) + "'); " + save_as;
    } else {
        problem.message =
            "this file is not UTF-8 (byte " + std::string(hex) + " here is no UTF-8 character); " + save_as;
    }
    return problem;
}

}  // namespace kiosk
