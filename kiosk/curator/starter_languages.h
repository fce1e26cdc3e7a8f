// A starter pack in several languages (vitrine-pack new --languages en,km): the
// starter's texts in the first language, and in each other one a "TO FINISH:"
// value beside each text asking for it in that language, with a
// [translations.<lang>] block asking who translated it. The pack validates once
// every one is written, as after a TimelineJS import.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct StarterLanguages {
    std::string manifest;  // the starter's pack.toml in those languages
    std::string error;     // why not (a language that is no code, listed twice)
    int to_finish = 0;     // texts left to write in the other languages
};

// `manifest` is a starter pack.toml whose texts are all in English and whose
// [settings] languages are ["en"]; `languages` the pack's, default first.
StarterLanguages starter_in_languages(const std::string& manifest, const std::vector<std::string>& languages);

}  // namespace kiosk
