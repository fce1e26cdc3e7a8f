// validate's list of texts the kiosk cannot speak: in each language of the pack
// eSpeak NG has no voice for (curator/speech_languages.h), every text a visitor
// reads in it without a [[recordings]] entry, as one warning per language.
#pragma once

#include "base/diagnostic.h"
#include "pack/pack.h"

#include <string>
#include <vector>

namespace kiosk {

// At most this many texts are named in each language's warning; the rest are counted.
constexpr size_t kNamedUnrecordedTexts = 10;

// `manifest` is pack.toml's bytes, `pack` the pack loaded from it (its
// recordings that passed every check), `file` pack.toml's name for the message.
std::vector<Diagnostic> missing_recording_warnings(const std::string& manifest, const Pack& pack,
                                                   const std::string& file);

}  // namespace kiosk
