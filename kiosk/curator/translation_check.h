// validate's list of missing translations: for each language of the pack after
// the default, the texts that have none, at the line of the default language's
// text, so a curator (or a translator) can go through them one by one.
#pragma once

#include "base/diagnostic.h"

#include <string>
#include <vector>

namespace kiosk {

// For each language of [settings] languages but the first that lacks some
// texts: one warning counting them ("km: 12 texts have no Khmer translation"),
// then one warning per text at its default-language text's line ("km: events
// 'born' headline has no Khmer translation"), the first kMaxProblemsOfOneKind
// of them, and one line counting the rest. `manifest` is pack.toml's bytes,
// `file` its name for the messages.
std::vector<Diagnostic> missing_translation_warnings(const std::string& manifest, const std::string& file);

}  // namespace kiosk
