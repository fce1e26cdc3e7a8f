// Visitor settings, one tap away ("Aa") on every screen: larger text, high
// contrast, and the pack's languages by their own names, never by flags.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_settings_panel(const DrawContext& c) {
    const Ui& ui = c.ui;
    const SettingsLayout& l = ui.layouts.settings;
    const Palette& p = c.palette;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    draw_modal_panel(c.dl, p, {0, 0, W, H}, l.panel, 0.78f, u);
    const Rect& r = l.panel;
    draw_text(c.dl, ui.fonts, FontRole::Headline, ImVec2(l.large_text.x, r.y + std::max(36 * u, 12.f) * 0.8f), p.paper,
              ui_text(UiText::SettingsHeading, ui.lang));
    draw_switch_row(c.dl, ui.fonts, p, l.large_text, ui_text(UiText::SettingsLargerText, ui.lang),
                    c.state.visitor.large_text);
    draw_switch_row(c.dl, ui.fonts, p, l.high_contrast, ui_text(UiText::SettingsHighContrast, ui.lang),
                    c.state.visitor.high_contrast);
    for (size_t i = 0; i < l.languages.size(); ++i) {
        const Rect& row = l.languages[i];
        const bool chosen = int(i) == c.state.visitor.language;
        const float th = ui.fonts.size(FontRole::Body);
        draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(row.x, row.y + (row.h - th * 1.3f) / 2),
                  chosen ? p.accent_text : p.paper, language_name(ui.pack.settings.languages[i]));
        if (chosen) c.dl.AddCircleFilled(snap(row.right() - th / 2, row.y + row.h / 2), th / 3, p.accent, 24);
        draw_rule(c.dl, row.x, row.right(), row.bottom(), 1, p.rule);
    }
    draw_pill_button(c.dl, ui.fonts, p, l.close, ui_text(UiText::SettingsDone, ui.lang));
}

std::string language_names(const Pack& pack) {
    std::string text;
    for (const std::string& code : pack.settings.languages) text += language_name(code) + " ";
    return text;
}

}  // namespace kiosk
