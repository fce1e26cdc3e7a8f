// Capitals for the letter-spaced labels (DISPUTED, CRÉDITS): every script's own
// capitals by the Unicode case rules, as ICU implements them, so a French "é"
// becomes "É" and a German "ß" "SS". Scripts without case (Khmer) pass unchanged.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// `utf8` in capitals. Text ICU cannot read (invalid UTF-8) is returned as given.
std::string to_upper(std::string_view utf8);

}  // namespace kiosk
