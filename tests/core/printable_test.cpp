#include "base/printable.h"

#include <catch2/catch.hpp>

#include <string>

using kiosk::printable;

TEST_CASE("printable keeps readable text, including other scripts") {
    CHECK(printable("Ieng Sary, 1925") == "Ieng Sary, 1925");
    CHECK(printable("Marie Skłodowska-Curie — Paris") == "Marie Skłodowska-Curie — Paris");
    CHECK(printable("\xE1\x9E\x80\xE1\x9F\x86") == "\xE1\x9E\x80\xE1\x9F\x86");  // Khmer
}

TEST_CASE("printable writes terminal escapes and controls as visible text") {
    CHECK(printable("a\x1b[2Jb") == "a\\x1b[2Jb");
    CHECK(printable("line\nnext\ttab\r") == "line\\nnext\\ttab\\r");
    CHECK(printable(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(printable("del\x7f") == "del\\x7f");
    CHECK(printable("csi\xC2\x9b"
                    "31m") == "csi\\u009b31m");                   // C1 escape introducer
    CHECK(printable("bidi\xE2\x80\xAEtxt") == "bidi\\u202etxt");  // right-to-left override
}

TEST_CASE("printable shows bytes that are not UTF-8 instead of passing them on") {
    CHECK(printable("\xff\xfe") == "\\xff\\xfe");
    CHECK(printable("\xC3") == "\\xc3");                    // truncated sequence
    CHECK(printable("\xC0\xAF") == "\\xc0\\xaf");           // overlong '/'
    CHECK(printable("\xED\xA0\x80") == "\\xed\\xa0\\x80");  // surrogate
}

TEST_CASE("printable cuts long input and says how much was left out") {
    const std::string line(100'000'000 / 1000, 'x');
    const std::string shown = printable(line, 40);
    CHECK(shown == std::string(40, 'x') + "\xE2\x80\xA6 (99960 more bytes)");
    CHECK(printable("short", 40) == "short");
    CHECK(printable(std::string(40, 'y'), 40) == std::string(40, 'y'));
}
