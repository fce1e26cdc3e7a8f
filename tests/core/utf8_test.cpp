#include "base/utf8.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

struct Position {
    int line = -1;
    int col = -1;
};

// Where the first invalid byte is, or {-1, -1} when the text is valid.
Position first_invalid(const std::string& bytes) {
    Position p;
    if (!kiosk::find_invalid_utf8(bytes, &p.line, &p.col)) return {};
    return p;
}

bool valid(const std::string& bytes) { return !kiosk::find_invalid_utf8(bytes, nullptr, nullptr); }

}  // namespace

TEST_CASE("valid UTF-8 passes, up to U+10FFFF") {
    CHECK(valid(""));
    CHECK(valid("plain ASCII\nwith lines\n"));
    CHECK(valid("\xC3\xA9"));          // é, 2 bytes
    CHECK(valid("\xE1\x9E\x80"));      // Khmer ka, 3 bytes
    CHECK(valid("\xE2\x80\x93"));      // en dash
    CHECK(valid("\xF0\x9F\x93\xB7"));  // camera emoji, 4 bytes
    CHECK(valid("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
    CHECK(valid("\xEE\x80\x80"));      // U+E000, just above them
    CHECK(valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    CHECK(valid(std::string("nul \0 is valid", 14)));
}

TEST_CASE("overlong forms are invalid") {
    CHECK_FALSE(valid("\xC0\xAF"));
    CHECK_FALSE(valid("\xC1\xBF"));
    CHECK_FALSE(valid("\xE0\x80\xAF"));
    CHECK_FALSE(valid("\xE0\x9F\xBF"));
    CHECK_FALSE(valid("\xF0\x80\x80\xAF"));
    CHECK_FALSE(valid("\xF0\x8F\xBF\xBF"));
}

TEST_CASE("surrogates and code points above U+10FFFF are invalid") {
    CHECK_FALSE(valid("\xED\xA0\x80"));      // U+D800
    CHECK_FALSE(valid("\xED\xBF\xBF"));      // U+DFFF
    CHECK_FALSE(valid("\xF4\x90\x80\x80"));  // U+110000
    CHECK_FALSE(valid("\xF5\x80\x80\x80"));
    CHECK_FALSE(valid("\xFE"));
    CHECK_FALSE(valid("\xFF"));
}

TEST_CASE("stray and truncated sequences are invalid") {
    CHECK_FALSE(valid("\x80"));  // continuation without a lead
    CHECK_FALSE(valid("a\xBF"));
    CHECK_FALSE(valid("\xC3"));  // truncated at the end of the text
    CHECK_FALSE(valid("\xE2\x80"));
    CHECK_FALSE(valid("\xF0\x9F\x93"));
    CHECK_FALSE(
        valid("\xE2\x80"
              "a"));  // interrupted by ASCII
    CHECK_FALSE(valid("\xC3\xC3\xA9"));
}

TEST_CASE("the position is the first bad byte, 1-based, columns in bytes") {
    CHECK(first_invalid("\xFF").line == 1);
    CHECK(first_invalid("\xFF").col == 1);

    const Position second_line = first_invalid(
        "ab\ncd\xFF"
        "e");
    CHECK(second_line.line == 2);
    CHECK(second_line.col == 3);

    // The Khmer letter before the bad byte is three bytes wide.
    const Position after_khmer = first_invalid("x\n\ny\n\xE1\x9E\x80\xC0\xAF");
    CHECK(after_khmer.line == 4);
    CHECK(after_khmer.col == 4);

    // A truncated sequence is reported where it starts.
    const Position truncated = first_invalid("title = \"\xE2\x80\"");
    CHECK(truncated.line == 1);
    CHECK(truncated.col == 10);
}

TEST_CASE("valid text leaves the position alone") {
    int line = 7, col = 9;
    CHECK_FALSE(kiosk::find_invalid_utf8("fine\n", &line, &col));
    CHECK(line == 7);
    CHECK(col == 9);
}

TEST_CASE("one decoder reads code points and refuses what is not well-formed", "[utf8]") {
    uint32_t cp = 0;
    CHECK(kiosk::decode_utf8("A", 0, &cp) == 1);
    CHECK(cp == 'A');
    CHECK(kiosk::decode_utf8("\xC3\xA9", 0, &cp) == 2);  // é
    CHECK(cp == 0xE9);
    CHECK(kiosk::decode_utf8("\xE1\x9E\x80", 0, &cp) == 3);  // ក, Khmer KA
    CHECK(cp == 0x1780);
    CHECK(kiosk::decode_utf8("\xF0\x9F\x98\x80", 0, &cp) == 4);
    CHECK(cp == 0x1F600);
    cp = 7;
    CHECK(kiosk::decode_utf8("\xC0\xAF", 0, &cp) == 0);          // overlong '/'
    CHECK(kiosk::decode_utf8("\xED\xA0\x80", 0, &cp) == 0);      // a surrogate
    CHECK(kiosk::decode_utf8("\xF4\x90\x80\x80", 0, &cp) == 0);  // above U+10FFFF
    CHECK(kiosk::decode_utf8("\xE1\x9E", 0, &cp) == 0);          // cut short
    CHECK(cp == 7);

    // A loop over any bytes ends, each bad byte one U+FFFD.
    const std::string mixed = "a\xFF\xE1\x9E\x80";
    std::vector<uint32_t> read;
    for (size_t pos = 0; pos < mixed.size();) read.push_back(kiosk::next_code_point(mixed, pos));
    CHECK(read == std::vector<uint32_t>{'a', 0xFFFD, 0x1780});
}
