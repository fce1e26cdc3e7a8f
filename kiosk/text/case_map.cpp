#include "text/case_map.h"

#include <unicode/ustring.h>
#include <vector>

namespace kiosk {

std::string to_upper(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t utf16_length = 0;
    u_strFromUTF8(nullptr, 0, &utf16_length, utf8.data(), int32_t(utf8.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::string(utf8);
    std::vector<UChar> text(size_t(utf16_length) + 1);
    status = U_ZERO_ERROR;
    u_strFromUTF8(text.data(), int32_t(text.size()), nullptr, utf8.data(), int32_t(utf8.size()), &status);
    if (U_FAILURE(status)) return std::string(utf8);

    // Capitals can be longer than their letters (ß → SS): ask for the length first.
    status = U_ZERO_ERROR;
    const int32_t upper_length = u_strToUpper(nullptr, 0, text.data(), utf16_length, "", &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::string(utf8);
    std::vector<UChar> upper(size_t(upper_length) + 1);
    status = U_ZERO_ERROR;
    u_strToUpper(upper.data(), int32_t(upper.size()), text.data(), utf16_length, "", &status);
    if (U_FAILURE(status)) return std::string(utf8);

    int32_t out_length = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(nullptr, 0, &out_length, upper.data(), upper_length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::string(utf8);
    std::string out(size_t(out_length), '\0');
    status = U_ZERO_ERROR;
    // Filling the string exactly leaves no room for a terminator: ICU warns, and
    // std::string needs none.
    u_strToUTF8(out.data(), out_length, nullptr, upper.data(), upper_length, &status);
    if (U_FAILURE(status)) return std::string(utf8);
    return out;
}

}  // namespace kiosk
