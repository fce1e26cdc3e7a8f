// Which encoding a file a curator hands over is in when it is not UTF-8, said in
// words they can act on. Spreadsheets still save "CSV" in the Windows code page
// and "Unicode Text" in UTF-16; the importer reads UTF-8 only, and says which
// one it was given and how to save it again.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

// The code point Windows-1252 gives `byte` (0xE9 is é, 0x92 is ’). The five
// bytes it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) give themselves,
// as C1 controls, the way browsers read them.
uint32_t windows_1252_code_point(uint8_t byte);

struct EncodingProblem {
    std::string message;  // "" when the text is UTF-8
    int line = 0;         // 1-based, of the first byte that is not UTF-8; 0 for the whole file
    int column = 0;
};

// Why `bytes` is not UTF-8 text, or an empty message when it is. A UTF-16 byte
// order mark is named as UTF-16; text whose every byte past ASCII is a
// Windows-1252 character is named as Windows-1252, with the character its
// first such byte stands for. `save_as` says how to save the file again
// ("save it as \"CSV UTF-8\"").
EncodingProblem find_encoding_problem(const std::string& bytes, const std::string& save_as);

}  // namespace kiosk
