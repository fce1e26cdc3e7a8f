// The attract loop: a slow pan over the exhibit's photographs in turn, the quotes the curator chose
// (each disputed one with its mark) changing every few seconds and an invitation
// to touch. Everything drifts a little, all the time,
// so no bright pixel stays in place for hours (burn-in on a panel left on).
// The invitation speaks each of the pack's languages in turn.
#include "layout/attract_photo.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kTau = 6.2831853f;

float wave(int64_t ms, float period_s) {
    return std::sin(kTau * float(ms % int64_t(period_s * 1000)) / (period_s * 1000));
}

constexpr int64_t kInviteMs = 4000;     // each language's "Touch to explore" stays this long
constexpr int64_t kInviteFadeMs = 700;  // and cross-fades into the next (cut when motion is reduced)

// "Touch to explore" in each of the pack's languages in turn, from the
// visitor's, on a pill as wide as the longest; one language: as it always was.
void draw_invite(const DrawContext& c, const Rect& around, int64_t t) {
    const Ui& ui = c.ui;
    const Fonts& f = ui.fonts;
    const Palette& p = c.palette;
    const std::vector<std::string>& langs = ui.pack.settings.languages;
    if (langs.size() < 2) {
        draw_pill_button(c.dl, f, p, around, ui_text(UiText::AttractInvite, ui.lang));
        return;
    }
    draw_pill_button(c.dl, f, p, around, "");
    const size_t first = size_t(std::max(0, ui.pack.language_index(ui.lang)));
    const size_t turn = size_t(t / kInviteMs);
    const int64_t in = t % kInviteMs;
    const float fade = reduced_motion(ui.pack) ? 0.f : std::min(1.f, float(in) / float(kInviteFadeMs));
    const float th = f.size(FontRole::Button);
    auto label = [&](size_t k, float alpha) {
        if (alpha <= 0) return;
        const std::string& text = ui_text(UiText::AttractInvite, langs[(first + k) % langs.size()]);
        const float tw = text_width(f, FontRole::Button, text);
        draw_text(c.dl, f, FontRole::Button,
                  ImVec2(around.x + (around.w - tw) / 2, around.y + (around.h - th * 1.2f) / 2 + th * 0.05f),
                  with_alpha(p.paper, alpha), text);
    };
    if (fade < 1 && turn > 0) label(turn - 1, 1 - fade);
    label(turn, turn > 0 ? fade : 1.f);
}

}  // namespace

void draw_attract(const DrawContext& c) {
    const Ui& ui = c.ui;
    const Palette& p = c.palette;
    const Fonts& f = ui.fonts;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const float u = ui.layouts.unit;
    const int64_t t = std::max<int64_t>(0, c.now_ms - c.state.attract_start_ms);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);

    // The photograph fills the screen and moves slowly, behind a dark veil.
    const AttractPhoto attract = attract_photo_at(ui.pack, t);
    if (const Photograph* photo = attract.photo) {
        const PhotoTexture* shown = c.photos.sharpest(*photo);
        if (shown && shown->texture && photo->width > 0) {
            const float cover = std::max(W / float(photo->width), H / float(photo->height));
            const float zoom = 1.12f + 0.08f * wave(t, 90);
            const float w = float(photo->width) * cover * zoom, h = float(photo->height) * cover * zoom;
            const float x = (W - w) / 2 + (w - W) / 2 * 0.8f * wave(t, 73);
            const float y = (H - h) / 2 + (h - H) / 2 * 0.8f * wave(t + 20000, 97);
            c.dl.AddImage(shown->texture, ImVec2(x, y), ImVec2(x + w, y + h), ImVec2(0, 0), ImVec2(1, 1),
                          with_alpha(0xffffffffu, attract.alpha));
        }
    }
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), with_alpha(p.background, uint8_t(222)));

    // Everything on top drifts along a slow figure over minutes.
    const float dx = W * 0.025f * wave(t, 97), dy = H * 0.03f * wave(t + 30000, 131);
    const float pad = std::round(std::max(96 * u, 20.f));
    const float left = pad + dx;
    float y = pad * (ui.layouts.portrait ? 1.5f : 1.f) + dy;
    // One line each, ending in "…" when the exhibit's title or subtitle is longer.
    const float line_w = W - 2 * pad;
    y += draw_text(c.dl, f, FontRole::Title, ImVec2(left, y), p.paper,
                   fit_lines(f, FontRole::Title, ui.text(ui.pack.exhibit.title), line_w, 1, false));
    std::string life = ui.digits(std::to_string(ui.pack.exhibit.born.year));
    if (ui.pack.exhibit.died.year) life += " – " + ui.digits(std::to_string(ui.pack.exhibit.died.year));
    std::string cut;
    draw_text(
        c.dl, f, FontRole::Subtitle, ImVec2(left, y + 8 * u), p.muted,
        fit_lines(f, FontRole::Subtitle,
                  laid_out(ui.text(ui.pack.exhibit.subtitle), cut, bytes_for_chars(kMaxSubtitleChars)) + " · " + life,
                  line_w, 1, false));

    // One quote at a time, cross-fading.
    const float invite_h = std::round(std::max(72 * u, ui.layouts.target * 0.8f));
    const float invite_y = H - pad - invite_h + dy;
    if (const Quote* quote = attract_quote_at(ui.pack, t)) {
        const int64_t in = t % kAttractQuoteMs;
        const float fade_ms = 1200;
        const float alpha = std::min({1.f, float(in) / fade_ms, float(kAttractQuoteMs - in) / fade_ms});
        const float box_w = ui.layouts.portrait ? W - 2 * pad : std::min(W * 0.62f, 1300 * u);
        const float top = y + f.size(FontRole::Subtitle) * 2.5f + 40 * u;
        const Rect box = {left, top, box_w, invite_y - top - 40 * u};
        draw_quote_block(c.dl, ui, p, *quote, box, 0, true);
        // Fading through the veiled backdrop rather than to flat colour.
        c.dl.AddRectFilled(ImVec2(box.x - 8, box.y - 8), ImVec2(box.right() + 8, box.bottom() + 8),
                           with_alpha(p.background, (1 - alpha) * 0.92f));
    }

    // The invitation, breathing gently.
    float tw = 0;
    for (const std::string& lang : ui.pack.settings.languages)
        tw = std::max(tw, text_width(f, FontRole::Button, ui_text(UiText::AttractInvite, lang)));
    const Rect pill = {W / 2 - tw / 2 - 40 * u + dx, invite_y, tw + 80 * u, invite_h};
    draw_invite(c, pill, t);
    const float breath = 0.5f + 0.5f * wave(t, 3.2f);
    c.dl.AddRect(ImVec2(pill.x - 6 * u, pill.y - 6 * u), ImVec2(pill.right() + 6 * u, pill.bottom() + 6 * u),
                 with_alpha(p.accent, 0.25f + 0.5f * breath), (pill.h + 12 * u) / 2, 0, std::max(2.f, 3 * u));
}

}  // namespace kiosk
