// Which languages the kiosk can speak by synthesis: those eSpeak NG ships a
// voice for. A text in any other language is spoken only from a recording
// ([[recordings]]), so validate lists the texts that have none.
#pragma once

#include <string>

namespace kiosk {

// True when eSpeak NG (Debian 12's espeak-ng-data, 1.51) has a voice for the
// language code `lang` ("en", "fr"); false for "km", which it has none for.
bool synthesised_speech(const std::string& lang);

}  // namespace kiosk
