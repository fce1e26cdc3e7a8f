// A translator's file for one language, as JSON, and bringing it into pack.toml:
//
//   {"language": "km",
//    "exhibit": {"title": "…", "subtitle": "…"},
//    "events": {"born": {"headline": "…", "text": "…"}}, …}
//
// A table is pack.toml's array name ([[events]] → "events"), an id the item's
// `id`, a field the key without its language (`headline.en` → "headline").
// The import edits pack.toml as text: each translation goes on the line after
// the default language's text, and every other byte of the file stays as it was.
#pragma once

#include "curator/pack_texts.h"

#include <string>
#include <vector>

namespace kiosk {

struct TranslationImport {
    std::vector<std::string> errors;  // each names the table, id or field at fault
    std::string manifest;             // the new pack.toml; only meaningful when ok()
    std::string language;
    int written = 0;    // texts added or changed
    int unchanged = 0;  // already in pack.toml as given
    // Left empty, or still exactly the default language's text (an exported
    // skeleton's untranslated value): not imported, so validate still lists them.
    int not_translated = 0;
    bool added_language = false;  // the language joined [settings] languages

    bool ok() const { return errors.empty(); }
};

// Brings the translations of `json_text` into `manifest` (pack.toml's bytes).
TranslationImport import_translation(const std::string& manifest, const std::string& json_text);

struct TranslationExport {
    std::string json;   // the translator's file, ending in a newline
    std::string error;  // why there is none
    int missing = 0;    // texts without a translation in the language
};

// Every text of the pack in `language`: its translation where pack.toml has one,
// the default language's text where it has none, and those listed under
// "missing" ("events/born/headline"), for a translator to fill in and import.
TranslationExport export_translation(const std::string& manifest, const std::string& language);

// The texts of `texts` that have no translation in `language`.
std::vector<const PackText*> missing_translations(const PackTexts& texts, const std::string& language);

// "Khmer" for "km", "French" for "fr", … and the code itself for a language
// the tools do not name.
std::string language_name_in_english(const std::string& code);

}  // namespace kiosk
