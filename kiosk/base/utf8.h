// UTF-8 validation with a position, so a pack author can find the bad byte: a
// TOML parser's own message about encoding is harder to act on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// The core's one UTF-8 decoder. Decodes the well-formed sequence at `pos` into
// `code_point` and returns its length in bytes; returns 0 (leaving
// `code_point` alone) when the bytes there are not well-formed UTF-8 (the
// Unicode Standard's table 3-7: no overlongs, surrogates, code points above
// U+10FFFF or truncated sequences).
size_t decode_utf8(std::string_view text, size_t pos, uint32_t* code_point);

// Decodes the code point at `pos` and advances `pos` past it; a byte that
// starts no well-formed sequence reads as U+FFFD and advances one, so a loop
// over any bytes ends.
uint32_t next_code_point(std::string_view text, size_t& pos);

// The UTF-8 bytes of one code point (U+FFFD for one past U+10FFFF).
std::string encode_utf8(uint32_t code_point);

// Returns true when `bytes` is NOT valid UTF-8 and sets the 1-based line and
// column (counted in bytes) of the first offending byte. Overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences are invalid.
// Returns false, leaving line and col alone, when the text is valid.
bool find_invalid_utf8(const std::string& bytes, int* line, int* col);

}  // namespace kiosk
