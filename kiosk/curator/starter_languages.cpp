#include "curator/starter_languages.h"

#include "curator/pack_texts.h"
#include "curator/timelinejs_import.h"
#include "curator/toml_text.h"
#include "curator/translation_file.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

// The starter's "en" keys and language list moved to `code`: its English texts
// then stand in the default language for the curator to overwrite.
std::string with_default(std::string manifest, const std::string& code) {
    const std::string from = ".en = ", to = "." + code + " = ";
    for (size_t at = manifest.find(from); at != std::string::npos; at = manifest.find(from, at + to.size()))
        manifest.replace(at, from.size(), to);
    const std::string list = "languages = [\"en\"]";
    if (const size_t at = manifest.find(list); at != std::string::npos)
        manifest.replace(at, list.size(), "languages = [" + toml_string(code) + "]");
    return manifest;
}

// Who translated the texts into `code`, before the first [[array]] of items.
std::string with_translation_block(const std::string& manifest, const std::string& code) {
    const std::string name = language_name_in_english(code);
    const std::string block = "# Who translated the texts into " + name +
                              ", and who reviewed the translation: until a\n"
                              "# native speaker who knows the history has reviewed it, leave reviewed_by empty and\n"
                              "# the kiosk marks the " +
                              name + " texts \"Translation not yet reviewed\".\n[translations." + code + "]\nby = " +
                              toml_string(std::string(kToFinish) + "who translated the texts into " + name) +
                              "\nreviewed_by = \"\"\n\n";
    size_t at = manifest.find("\n[[");
    if (at == std::string::npos) return manifest + "\n" + block;
    // Before the comment lines that introduce that array.
    size_t line = at + 1;
    while (line > 1) {
        const size_t previous = manifest.rfind('\n', line - 2);
        const size_t start = previous == std::string::npos ? 0 : previous + 1;
        if (manifest.compare(start, 1, "#") != 0) break;
        line = start;
    }
    return manifest.substr(0, line) + block + manifest.substr(line);
}

}  // namespace

StarterLanguages starter_in_languages(const std::string& manifest, const std::vector<std::string>& languages) {
    StarterLanguages result;
    if (languages.empty()) {
        result.error = "no language given";
        return result;
    }
    for (size_t i = 0; i < languages.size(); ++i) {
        if (!is_language_code_text(languages[i])) {
            result.error = "'" + languages[i] + "' is not a language code; use 2–3 lowercase letters, e.g. km";
            return result;
        }
        if (std::find(languages.begin(), languages.begin() + long(i), languages[i]) != languages.begin() + long(i)) {
            result.error = "'" + languages[i] + "' is listed twice";
            return result;
        }
    }
    result.manifest = languages.front() == "en" ? manifest : with_default(manifest, languages.front());
    const PackTexts texts = read_pack_texts(result.manifest);
    for (size_t i = 1; i < languages.size(); ++i) {
        const std::string& code = languages[i];
        nlohmann::json file = {{"language", code}};
        for (const PackText& t : texts.texts) {
            if (t.plain) continue;  // a speaker's one name serves every language
            const std::string value = std::string(kToFinish) + "write in " + language_name_in_english(code) + ": " +
                                      t.languages.at(texts.default_language()).text;
            if (t.id.empty())
                file[t.table][t.field] = value;
            else
                file[t.table][t.id][t.field] = value;
        }
        const TranslationImport imported = import_translation(result.manifest, file.dump());
        if (!imported.ok()) {
            result.error = imported.errors.front();
            return result;
        }
        result.manifest = with_translation_block(imported.manifest, code);
        result.to_finish += imported.written + 1;
    }
    return result;
}

}  // namespace kiosk
