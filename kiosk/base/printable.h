// Text from a pack, a replay or a configuration, made safe to print in a
// message: a curator's terminal must not run escape sequences a pack carries,
// and a 100 MB line must not be echoed whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// The longest stretch of input a message quotes by default.
constexpr size_t kQuotedInputBytes = 120;

// TEXT with every control character (C0, DEL, C1) and every byte that is not
// valid UTF-8 written as a visible escape (\n, \t, \x1b, \u009b), cut after
// MAX_BYTES of input with "… (N more bytes)". Valid printable UTF-8 is kept.
std::string printable(std::string_view text, size_t max_bytes = kQuotedInputBytes);

}  // namespace kiosk
