#include "layout/content_note_measure.h"

#include "layout/text_measure.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

const std::string& content_note_text(const Ui& ui) { return ui.text(ui.pack.exhibit.content_note); }

ContentNoteCard content_note_card(const Ui& ui) {
    const ScreenLayouts& l = ui.layouts;
    const Fonts& f = ui.fonts;
    const float u = l.unit;
    const float W = float(l.display.width), H = float(l.display.height);
    const float margin = std::round(std::max(48 * u, 12.f));
    const float pad = std::round(std::max(48 * u, 14.f));
    // As wide as a comfortable line of body text (about 65 characters), never
    // wider than the screen allows.
    const float width = std::min(W - 2 * margin, std::round(f.size(FontRole::Body) * 34 + 2 * pad));
    const float text_w = width - 2 * pad;

    ContentNoteCard card;

    float heading_h = std::round(f.size(FontRole::DateLabel) * 1.5f + 20 * u);
    const ExhibitInfo& exhibit = ui.pack.exhibit;
    if (ui.unreviewed(exhibit.translations, {&exhibit.content_note})) {
        card.unreviewed = ui_text(UiText::TranslationNotReviewed, ui.lang);
        card.unreviewed_y = heading_h - 12 * u;
        heading_h += std::round(f.size(FontRole::Small) * 1.3f + 8 * u);
    }
    const std::string& label = ui_text(UiText::ContentNoteDismiss, ui.lang);
    const float button_h = std::round(std::max(l.target, f.size(FontRole::Button) * 2.4f));
    const float button_w =
        std::round(std::max(l.target * 2.5f, text_width(f, FontRole::Button, label) + 2 * button_h * 0.6f));
    std::string storage;
    card.content_height = text_height(f, FontRole::Body, laid_out(content_note_text(ui), storage), text_w);

    const float fixed = pad + heading_h + pad + button_h + pad;
    const float room = std::max(0.f, H - 2 * margin - fixed);
    const float text_h = std::min(card.content_height, room);
    const float height = fixed + text_h;
    // Centred, within the reach band on a tall portrait panel: its button at
    // its foot stays within reach.
    const ReachBand& reach = ui.layouts.reach;
    const float centre = reach.limited ? (reach.top + reach.bottom) / 2 : H / 2;
    const float y =
        std::clamp(centre - height / 2, std::min(margin, (H - height) / 2), std::max(margin, H - margin - height));
    card.panel = {std::round((W - width) / 2), std::round(y), width, std::round(height)};
    card.heading_y = card.panel.y + pad;
    card.unreviewed_y += card.heading_y;
    card.text = {card.panel.x + pad, card.heading_y + heading_h, text_w, text_h};
    card.button = {std::round(card.panel.x + (width - button_w) / 2), card.text.bottom() + pad, button_w, button_h};
    return card;
}

}  // namespace kiosk
