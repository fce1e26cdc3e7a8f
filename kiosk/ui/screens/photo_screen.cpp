// The photograph viewer: fullscreen, pinch or double-tap to zoom from 1× to 4×,
// drag to pan while zoomed, the caption over the bottom, a large close button,
// and "3 / 12" at the top when the exhibit has more than one photograph.
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
    const Photograph* photo = shown_photo(ui, c.state.photo);
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
    const std::string& caption = ui.text(photo->caption);
    const std::string& credit = ui.text(photo->credit);
    const std::string& alt = ui.text(photo->alt);
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

    const size_t count = ui.pack.shown_photos().size();
    if (count > 1) {
        const std::string page = ui.digits(std::to_string(std::clamp(c.state.photo.index, 0, int(count) - 1) + 1) +
                                           " / " + std::to_string(count));
        const float tw = text_width(ui.fonts, FontRole::Body, page);
        const float th = ui.fonts.size(FontRole::Body);
        const Rect& back = l.bar.back;
        // On a dark pill: the photograph under it may be as light as the text.
        const float pad = std::round(std::max(16 * u, 8.f));
        const Rect pill = {std::round(W / 2 - tw / 2 - pad), std::round(back.y + (back.h - th) / 2 - pad / 2),
                           std::round(tw + 2 * pad), std::round(th + pad)};
        c.dl.AddRectFilled(snap(pill.x, pill.y), snap(pill.right(), pill.bottom()),
                           with_alpha(p.background, uint8_t(210)), pill.h / 2);
        draw_text(c.dl, ui.fonts, FontRole::Body, snap(pill.x + pad, pill.y + pad / 2), p.paper, page);
    }
    draw_icon_button(c.dl, p, l.bar.back, Icon::Close);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
}

}  // namespace kiosk
