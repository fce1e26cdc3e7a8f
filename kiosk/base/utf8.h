// UTF-8 validation with a position, so a pack author can find the bad byte: a
// TOML parser's own message about encoding is harder to act on.
#pragma once

#include <string>

namespace kiosk {

// Returns true when `bytes` is NOT valid UTF-8 and sets the 1-based line and
// column (counted in bytes) of the first offending byte. Overlong forms,
// surrogates, code points above U+10FFFF and truncated sequences are invalid.
// Returns false, leaving line and col alone, when the text is valid.
bool find_invalid_utf8(const std::string& bytes, int* line, int* col);

}  // namespace kiosk
