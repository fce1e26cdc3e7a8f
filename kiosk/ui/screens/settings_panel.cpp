// Visitor settings, one tap away ("Aa") on every screen: the text size, high
// contrast, speech, and the pack's languages by their own names, never by flags.
#include "layout/text_measure.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// The fonts with every role scaled so body text is `body_px`: the panel's own
// size when the display has no room for it at the visitor's (settings_at).
// "Done" keeps up with the rows' text, which extra-large text makes larger
// than the buttons' own size.
Fonts fonts_at(const Fonts& fonts, float body_px) {
    Fonts f = fonts;
    const float ratio = body_px / fonts.size(FontRole::Body);
    if (ratio != 1)
        for (float& px : f.sizes.px) px = std::round(px * ratio);
    float& button = f.sizes.px[int(FontRole::Button)];
    button = std::max(button, std::round(body_px * 0.8f));
    return f;
}

// "Text size", then a button for each size with a type sample set small,
// larger and largest; the chosen one filled.
void draw_text_size_row(ImDrawList& dl, const Fonts& fonts, const Palette& p, const SettingsLayout& l, TextSize chosen,
                        const std::string& lang) {
    const Rect& r = l.text_size;
    const float th = fonts.size(FontRole::Body);
    const float label_w = std::max(0.f, l.text_sizes[0].x - r.x - std::round(th * 0.4f));
    const std::string& label = ui_text(UiText::SettingsTextSize, lang);
    const int lines = std::max(1, int(r.h / line_height(fonts, FontRole::Body, label)));
    const std::string shown = fit_lines(fonts, FontRole::Body, label, label_w, lines);
    const float label_h = std::max(text_height(fonts, FontRole::Body, shown, 0), th * 1.3f);
    draw_text(dl, fonts, FontRole::Body, ImVec2(r.x, r.y + (r.h - label_h) / 2), p.paper, shown);
    const std::string& sample = ui_text(UiText::SettingsTextSample, lang);
    const float sample_px[int(TextSize::Count)] = {0.7f, 1.f, 1.35f};
    for (int i = 0; i < int(TextSize::Count); ++i) {
        const Rect& b = l.text_sizes[i];
        const bool on = TextSize(i) == chosen;
        const float radius = std::min(b.w, b.h) * 0.25f;
        dl.AddRectFilled(snap(b.x, b.y), snap(b.right(), b.bottom()), on ? p.paper : p.background, radius);
        dl.AddRect(snap(b.x, b.y), snap(b.right(), b.bottom()), on ? p.paper : p.outline, radius, 0, 1.5f);
        const float px = std::round(std::min(th * sample_px[i], b.h * 0.7f));
        const TextLayout& t = text_layout(fonts, FontRole::Body, px, sample);
        draw_text_at(dl, fonts, FontRole::Body, px, ImVec2(b.x + (b.w - t.width) / 2, b.y + (b.h - t.height()) / 2),
                     on ? p.background : p.paper, sample);
    }
    draw_rule(dl, r.x, r.right(), r.bottom(), 1, p.rule);
}

}  // namespace

void draw_settings_panel(const DrawContext& c) {
    const Ui& ui = c.ui;
    const SettingsLayout& l = ui.layouts.settings;
    const Palette& p = c.palette;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const Fonts fonts = fonts_at(ui.fonts, l.text_px);
    draw_modal_panel(c.dl, p, {0, 0, W, H}, l.panel, 0.78f, u);
    const Rect& r = l.panel;
    draw_text(c.dl, fonts, FontRole::Headline, ImVec2(l.text_size.x, r.y + std::max(36 * u, 12.f) * 0.8f), p.paper,
              ui_text(UiText::SettingsHeading, ui.lang));
    draw_text_size_row(c.dl, fonts, p, l, c.state.visitor.text_size, ui.lang);
    draw_switch_row(c.dl, fonts, p, l.high_contrast, ui_text(UiText::SettingsHighContrast, ui.lang),
                    c.state.visitor.high_contrast);
    draw_switch_row(c.dl, fonts, p, l.speech, ui_text(UiText::SpeechLabel, ui.lang), c.state.visitor.speech);
    for (size_t i = 0; i < l.languages.size(); ++i) {
        const Rect& row = l.languages[i];
        const bool chosen = int(i) == c.state.visitor.language;
        const float th = fonts.size(FontRole::Body);
        draw_text(c.dl, fonts, FontRole::Body, ImVec2(row.x, row.y + (row.h - th * 1.3f) / 2),
                  chosen ? p.accent_text : p.paper, language_name(ui.pack.settings.languages[i]));
        if (chosen) c.dl.AddCircleFilled(snap(row.right() - th / 2, row.y + row.h / 2), th / 3, p.accent, 24);
        draw_rule(c.dl, row.x, row.right(), row.bottom(), 1, p.rule);
    }
    draw_pill_button(c.dl, fonts, p, l.close, ui_text(UiText::SettingsDone, ui.lang));
}

std::string language_names(const Pack& pack) {
    std::string text;
    for (const std::string& code : pack.settings.languages) text += language_name(code) + " ";
    return text;
}

}  // namespace kiosk
