// The attract loop: a slow pan over the exhibit's photographs in turn, the quotes the curator chose
// (each disputed one with its mark) changing every few seconds and an invitation
// to touch. Everything drifts a little, all the time,
// so no bright pixel stays in place for hours (burn-in on a panel left on).
// The invitation speaks each of the pack's languages in turn.
#include "layout/attract_layout.h"
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
    const Quote* quote = attract_quote_shown_at(ui, t);
    const AttractLayout a = attract_layout(ui, quote, attract.photo);
    draw_text(c.dl, f, FontRole::Title, ImVec2(a.left + dx, a.title_y + dy), p.paper, a.title);
    draw_text(c.dl, f, FontRole::Subtitle, ImVec2(a.left + dx, a.subtitle_y + dy), p.muted, a.subtitle);

    // One quote at a time, cross-fading.
    if (quote) {
        const int64_t in = t % kAttractQuoteMs;
        const float fade_ms = 1200;
        const float alpha = std::min({1.f, float(in) / fade_ms, float(kAttractQuoteMs - in) / fade_ms});
        const Rect box = {a.quote.x + dx, a.quote.y + dy, a.quote.w, a.quote.h};
        draw_quote_block(c.dl, ui, p, *quote, box, 0, true);
        // Fading through the veiled backdrop rather than to flat colour.
        c.dl.AddRectFilled(ImVec2(box.x - 8, box.y - 8), ImVec2(box.right() + 8, box.bottom() + 8),
                           with_alpha(p.background, (1 - alpha) * 0.92f));
    }

    // The photograph's caption and credit, fading with it. Under the drifting
    // invitation they drift a third as far, which the foot's margin allows.
    if (!a.photo_line.empty())
        draw_text(c.dl, f, FontRole::Small, ImVec2(a.photo_line_x + dx, a.photo_line_y + dy / 3),
                  with_alpha(p.muted, attract.alpha), a.photo_line);

    // The invitation, breathing gently.
    const Rect pill = {a.invite.x + dx, a.invite.y + dy, a.invite.w, a.invite.h};
    draw_invite(c, pill, t);
    const float breath = 0.5f + 0.5f * wave(t, 3.2f);
    c.dl.AddRect(ImVec2(pill.x - 6 * u, pill.y - 6 * u), ImVec2(pill.right() + 6 * u, pill.bottom() + 6 * u),
                 with_alpha(p.accent, 0.25f + 0.5f * breath), (pill.h + 12 * u) / 2, 0, std::max(2.f, 3 * u));
}

}  // namespace kiosk
