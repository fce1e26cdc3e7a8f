#include "layout/about_measure.h"

#include "layout/text_measure.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

// Walks the column from `top`, drawing when `paint` is given; returns its height.
// Measuring and drawing share this walk so they cannot disagree.
float about_flow(const Ui& ui, FlowPainter* paint, float top) {
    const Fonts& f = ui.fonts;
    const Rect& col = ui.layouts.about.column;
    const float u = ui.layouts.unit;
    const Pack& pack = ui.pack;
    float y = top;
    auto text = [&](FontRole role, const std::string& s, Ink ink, float indent = 0) {
        if (s.empty()) return;
        y += paint ? paint->text(role, ImVec2(col.x + indent, y), ink, s, col.w - indent)
                   : text_height(f, role, s, col.w - indent);
    };
    auto heading = [&](const std::string& s) {
        y += 44 * u;
        if (paint) paint->spaced_caps(FontRole::DateLabel, ImVec2(col.x, y), Ink::AccentText, s, 0.12f);
        y += f.size(FontRole::DateLabel) * 1.5f + 8 * u;
    };

    std::string cut;
    text(FontRole::Headline, laid_out(ui.text(pack.exhibit.title), cut, bytes_for_chars(kMaxTitleChars)), Ink::Paper);
    y += 6 * u;
    text(FontRole::Small, ui.digits(ui_text(UiText::AboutExhibitVersion, ui.lang, {{"version", pack.exhibit.version}})),
         Ink::Muted);
    const ExhibitInfo& e = pack.exhibit;
    if (ui.unreviewed(e.translations, {&e.title, &e.subtitle, &e.content_note, &e.gaps, &e.credits, &e.licence})) {
        y += 4 * u;
        text(FontRole::Small, ui_text(UiText::TranslationNotReviewed, ui.lang), Ink::Muted);
    }

    const std::string& note = ui.text(pack.exhibit.content_note);
    if (!note.empty()) {
        heading(ui_text(UiText::AboutContentNote, ui.lang));
        const float bar = std::max(std::round(5 * u), 3.f), inset = bar + std::round(22 * u);
        const float start = y;
        text(FontRole::Body, note, Ink::Paper, inset);
        if (paint) paint->bar(col.x, start - 4 * u, col.x + bar, y + 4 * u, Ink::Accent);
    }
    // The curator's account of what is missing comes before the credits, where
    // a visitor reading about the exhibit's limits will look.
    if (!ui.text(pack.exhibit.gaps).empty()) {
        heading(ui_text(UiText::AboutLacks, ui.lang));
        text(FontRole::Body, ui.text(pack.exhibit.gaps), Ink::Paper);
    }
    if (!ui.text(pack.exhibit.credits).empty()) {
        heading(ui_text(UiText::AboutCredits, ui.lang));
        text(FontRole::Body, ui.text(pack.exhibit.credits), Ink::Paper);
    }
    if (!ui.text(pack.exhibit.licence).empty()) {
        heading(ui_text(UiText::AboutLicence, ui.lang));
        text(FontRole::Body, ui.text(pack.exhibit.licence), Ink::Paper);
    }
    // Who translated the exhibit into each language, and who reviewed it.
    if (!pack.translations.empty()) {
        heading(ui_text(UiText::AboutTranslations, ui.lang));
        for (const std::string& lang : pack.settings.languages) {
            const auto it = pack.translations.find(lang);
            if (it == pack.translations.end() || it->second.by.empty()) continue;
            const Translation& t = it->second;
            std::string line =
                ui_text(UiText::AboutTranslatedBy, ui.lang, {{"language", language_name(lang)}, {"names", t.by}});
            line += ui_text(UiText::TranslationSeparator, ui.lang);
            line += t.reviewed_by.empty() ? ui_text(UiText::TranslationNotReviewed, ui.lang)
                                          : ui_text(UiText::AboutReviewedBy, ui.lang, {{"names", t.reviewed_by}});
            text(FontRole::Body, line, Ink::Paper);
            if (!t.note.empty()) {
                y += 4 * u;
                text(FontRole::Caption, t.note, Ink::Muted);
            }
            y += 16 * u;
        }
    }
    if (!pack.sources.empty()) {
        heading(ui_text(UiText::AboutSources, ui.lang));
        for (const Source& s : pack.sources) {
            text(FontRole::Body, ui.text(s.title), Ink::Paper);
            if (!ui.text(s.note).empty()) {
                y += 4 * u;
                text(FontRole::Caption, ui.text(s.note), Ink::Muted);
            }
            if (!s.url.empty()) text(FontRole::Caption, s.url, Ink::Muted);
            y += 24 * u;
        }
    }
    return y - top + 24 * u;
}

float about_content_height(const Ui& ui) { return about_flow(ui, nullptr, 0); }

}  // namespace kiosk
