#include "curator/recording_check.h"

#include "curator/pack_texts.h"
#include "curator/speech_languages.h"
#include "curator/translation_file.h"

namespace kiosk {

std::vector<Diagnostic> missing_recording_warnings(const std::string& manifest, const Pack& pack,
                                                   const std::string& file) {
    std::vector<Diagnostic> warnings;
    const PackTexts texts = read_pack_texts(manifest);
    if (!texts.ok()) return warnings;  // the loader has said why already
    for (const std::string& lang : pack.settings.languages) {
        if (synthesised_speech(lang)) continue;
        std::vector<const PackText*> unrecorded;
        for (const PackText& text : texts.texts) {
            // A plain name is one string for every language, in no language of
            // its own: no recording can be given for it.
            if (text.plain || !text.languages.count(lang)) continue;
            if (!pack.find_recording(text.table, text.id, text.field, lang)) unrecorded.push_back(&text);
        }
        if (unrecorded.empty()) continue;
        const std::string name = language_name_in_english(lang);
        std::string named;
        for (size_t i = 0; i < unrecorded.size() && i < kNamedUnrecordedTexts; ++i)
            named += (i == 0 ? "" : ", ") + unrecorded[i]->name();
        if (unrecorded.size() > kNamedUnrecordedTexts)
            named += " and " + std::to_string(unrecorded.size() - kNamedUnrecordedTexts) + " more";
        warnings.push_back({Diagnostic::Severity::Warning, file, 0, 0,
                            name + ": " + std::to_string(unrecorded.size()) +
                                (unrecorded.size() == 1 ? " text has" : " texts have") +
                                " no recording, so the kiosk cannot speak " + (unrecorded.size() == 1 ? "it" : "them") +
                                " (eSpeak NG has no " + name + " voice): " + named +
                                "; add a [[recordings]] entry for each (PACK-FORMAT.md, Recordings)"});
    }
    return warnings;
}

}  // namespace kiosk
