#include "curator/translation_check.h"

#include "curator/pack_texts.h"
#include "curator/translation_file.h"
#include "pack/pack_limits.h"

namespace kiosk {

std::vector<Diagnostic> missing_translation_warnings(const std::string& manifest, const std::string& file) {
    std::vector<Diagnostic> warnings;
    const PackTexts texts = read_pack_texts(manifest);
    if (!texts.ok()) return warnings;  // the loader has said why already
    for (size_t i = 1; i < texts.languages.size(); ++i) {
        const std::string& code = texts.languages[i];
        const std::vector<const PackText*> missing = missing_translations(texts, code);
        if (missing.empty()) continue;
        const std::string name = language_name_in_english(code);
        warnings.push_back(
            {Diagnostic::Severity::Warning, file, 0, 0,
             code + ": " + std::to_string(missing.size()) + (missing.size() == 1 ? " text has" : " texts have") +
                 " no " + name + " translation; the kiosk shows " + (missing.size() == 1 ? "it" : "them") + " in " +
                 language_name_in_english(texts.default_language()) + " (vitrine-pack translation export --language " +
                 code + " lists them for a translator)"});
        // The first few at their lines, as for any kind of problem; the export lists them all.
        for (size_t k = 0; k < missing.size() && k < kMaxProblemsOfOneKind; ++k) {
            const TomlPlace at = missing[k]->languages.at(texts.default_language()).value.begin;
            warnings.push_back({Diagnostic::Severity::Warning, file, at.line, at.column,
                                code + ": " + missing[k]->name() + " has no " + name + " translation"});
        }
        if (missing.size() > kMaxProblemsOfOneKind)
            warnings.push_back({Diagnostic::Severity::Warning, file, 0, 0,
                                code + ": … and " + std::to_string(missing.size() - kMaxProblemsOfOneKind) +
                                    " more texts without a " + name + " translation"});
    }
    return warnings;
}

}  // namespace kiosk
