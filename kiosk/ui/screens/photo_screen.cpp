// The photograph viewer: fullscreen, pinch or double-tap to zoom from 1× to 4×,
// drag to pan while zoomed, the caption over the bottom, a large close button.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_photo_viewer(const DrawContext& c) {
    const Ui& ui = c.ui;
    const PhotoLayout& l = ui.layouts.photo;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), with_alpha(0xff000000u, uint8_t(255)));
    const Photograph* photo = shown_photo(ui);
    if (!photo) return;

    const PhotoTexture* shown = c.photos.sharpest(*photo);
    if (shown && shown->texture && photo->width > 0) {
        const Rect r = photo_rect(c.state.photo, ui, photo->width, photo->height);
        c.dl.AddImage(shown->texture, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()));
    }

    // The caption lies over the bottom of the picture on a dark gradient, then
    // the credit and the description of the image (its alt text, what speech
    // reads), cut to a few lines; the band grows upwards to hold them.
    const float u = ui.layouts.unit;
    Rect band = l.caption_band;
    const float col_w = std::min(band.w - 2 * std::max(72 * u, 16.f), 1300 * u);
    const float x = (W - col_w) / 2;
    const std::string& caption = photo->caption.get(ui.lang);
    const std::string& credit = photo->credit.get(ui.lang);
    const std::string& alt = photo->alt.get(ui.lang);
    const std::string description =
        alt.empty() ? ""
                    : fit_lines(ui.fonts, FontRole::Small,
                                ui_text(UiText::PhotoDescription, ui.lang, {{"description", alt}}), col_w, 3);
    const float description_h =
        description.empty() ? 0 : 6 * u + text_height(ui.fonts, FontRole::Small, description, col_w);
    const float text_h =
        text_height(ui.fonts, FontRole::Body, caption, col_w) + ui.fonts.size(FontRole::Small) * 1.5f + description_h;
    const float grown = std::min(std::max(band.h, text_h + 40 * u), H * 0.6f);
    band.y = band.bottom() - grown;
    band.h = grown;
    const uint32_t clear = with_alpha(p.background, uint8_t(0));
    const uint32_t dark = with_alpha(p.background, uint8_t(235));
    c.dl.AddRectFilledMultiColor(ImVec2(band.x, band.y - band.h * 0.4f), ImVec2(band.right(), band.y), clear, clear,
                                 dark, dark);
    c.dl.AddRectFilled(ImVec2(band.x, band.y), ImVec2(band.right(), band.bottom()), dark);
    float y = band.y + (band.h - text_h) / 2;
    y += draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(x, y), p.paper, caption, col_w);
    const float credit_h = draw_text(c.dl, ui.fonts, FontRole::Small, ImVec2(x, y + 6 * u), p.muted, credit, col_w);
    if (!description.empty())
        draw_text(c.dl, ui.fonts, FontRole::Small, ImVec2(x, y + 12 * u + credit_h), p.muted, description, col_w);

    draw_icon_button(c.dl, p, l.bar.back, Icon::Close);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
}

}  // namespace kiosk
