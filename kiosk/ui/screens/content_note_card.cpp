// The content note's card over Explore at the start of a visit: a heading, the
// curator's note and one button, on a calm panel; the note scrolls inside when
// it is longer than the screen allows.
#include "layout/content_note_measure.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_content_note(const DrawContext& c) {
    const Ui& ui = c.ui;
    const Palette& p = c.palette;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const ContentNoteCard card = content_note_card(ui);
    draw_modal_panel(c.dl, p, {0, 0, W, H}, card.panel, 0.82f, u);

    draw_spaced_caps(c.dl, ui.fonts, FontRole::DateLabel, snap(card.text.x, card.heading_y), p.accent_text,
                     ui_text(UiText::ContentNoteHeading, ui.lang), 0.12f);
    if (!card.unreviewed.empty())
        draw_text(c.dl, ui.fonts, FontRole::Small, snap(card.text.x, card.unreviewed_y), p.muted, card.unreviewed,
                  card.text.w);

    const Rect& view = card.text;
    const float scroll = c.state.content_note_scroll.offset();
    c.dl.PushClipRect(snap(view.x - 8, view.y), snap(view.right() + 8, view.bottom()), true);
    std::string storage;
    draw_text(c.dl, ui.fonts, FontRole::Body, snap(view.x, view.y - scroll), p.paper,
              laid_out(content_note_text(ui), storage), view.w);
    c.dl.PopClipRect();
    const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, view.h / 4);
    draw_scroll_hints(c.dl, p, {view.x - 8, view.y, view.w + 16, view.h}, card.content_height, scroll, fade,
                      view.right() + std::round(20 * u), u);

    draw_pill_button(c.dl, ui.fonts, p, card.button, ui_text(UiText::ContentNoteDismiss, ui.lang), true);
}

}  // namespace kiosk
