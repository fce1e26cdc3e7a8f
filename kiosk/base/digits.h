// Digits as a language writes them: a Khmer date, year, count or page label may
// use Khmer digits (០-៩) where the pack asks for them ([settings] khmer_digits).
// Everything that prints a number for a visitor goes through this one function.
#pragma once

#include <string>

namespace kiosk {

// `text` with each ASCII digit 0-9 replaced by the Khmer digit of the same value
// when `khmer` is true; unchanged otherwise. Other characters are kept as they are.
std::string localise_digits(const std::string& text, bool khmer);

}  // namespace kiosk
