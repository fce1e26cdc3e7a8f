#include "curator/speech_languages.h"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace kiosk {
namespace {

// The 2–3 letter codes of espeak-ng-data/lang/ in Debian 12 (espeak-ng 1.51),
// sorted; a pack's language codes are 2–3 letters. Kept here, in one place, so
// the curators' tools agree with each other; the kiosk itself asks the voices
// installed beside it.
constexpr std::string_view kVoices[] = {
    "af",  "am",  "an", "ar", "as",  "az",  "ba", "be",  "bg",  "bn",  "bpy", "bs",  "ca", "chr", "cmn", "cs",  "cv",
    "cy",  "da",  "de", "el", "en",  "eo",  "es", "et",  "eu",  "fa",  "fi",  "fr",  "ga", "gd",  "gn",  "grc", "gu",
    "hak", "haw", "he", "hi", "hr",  "ht",  "hu", "hy",  "hyw", "ia",  "id",  "io",  "is", "it",  "ja",  "jbo", "ka",
    "kk",  "kl",  "kn", "ko", "kok", "ku",  "ky", "la",  "lb",  "lfn", "lt",  "ltg", "lv", "mi",  "mk",  "ml",  "mr",
    "ms",  "mt",  "my", "nb", "nci", "ne",  "nl", "nog", "om",  "or",  "pa",  "pap", "pl", "pt",  "py",  "qdb", "qu",
    "quc", "qya", "ro", "ru", "sd",  "shn", "si", "sjn", "sk",  "sl",  "smj", "sq",  "sr", "sv",  "sw",  "ta",  "te",
    "th",  "tk",  "tn", "tr", "tt",  "ug",  "uk", "ur",  "uz",  "vi",  "yue",
};

}  // namespace

bool synthesised_speech(const std::string& lang) {
    return std::binary_search(std::begin(kVoices), std::end(kVoices), std::string_view(lang));
}

}  // namespace kiosk
