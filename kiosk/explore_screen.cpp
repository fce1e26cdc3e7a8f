#include "explore_screen.h"

#include "date.h"
#include "draw_helpers.h"
#include "theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

const std::string& lang_of(const Pack& pack) { return pack.settings.languages.front(); }

ImVec2 v(float x, float y) { return ImVec2(std::round(x), std::round(y)); }


void draw_title_band(ImDrawList& dl, const Pack& pack, const ExploreLayout& l, const Fonts& fonts) {
    const std::string& lang = lang_of(pack);
    const Rect& r = l.title_band;
    const std::string& title = pack.exhibit.title.get(lang);
    const float title_size = fonts.size(FontRole::Title);
    draw_text(dl, fonts, FontRole::Title, v(r.x, r.y), theme::paper, title);

    std::string life = std::to_string(pack.exhibit.born.year);
    life += pack.exhibit.died.year ? " – " + std::to_string(pack.exhibit.died.year) : " –";
    // Sit the life dates on the title's baseline.
    const float baseline_gap = fonts[FontRole::Title]->Ascent * title_size / fonts[FontRole::Title]->FontSize -
                               fonts[FontRole::LifeDates]->Ascent * fonts.size(FontRole::LifeDates) /
                                   fonts[FontRole::LifeDates]->FontSize;
    draw_text(dl, fonts, FontRole::LifeDates,
              v(r.x + text_width(fonts, FontRole::Title, title) + 20 * l.unit, r.y + baseline_gap), theme::muted,
              life);
    draw_text(dl, fonts, FontRole::Subtitle, v(r.x, r.y + title_size * 1.1f + 10 * l.unit), theme::muted,
              pack.exhibit.subtitle.get(lang));
}

void draw_round_button(ImDrawList& dl, const Rect& r, const Fonts& fonts, const char* label) {
    const float radius = std::min(r.w, r.h) / 2;
    dl.AddRectFilled(v(r.x, r.y), v(r.right(), r.bottom()), theme::background, radius);
    dl.AddRect(v(r.x, r.y), v(r.right(), r.bottom()), theme::outline, radius, 0, std::max(1.5f, radius / 22));
    const std::string text = label;
    const float tw = text_width(fonts, FontRole::Button, text);
    const float th = fonts.size(FontRole::Button);
    draw_text(dl, fonts, FontRole::Button, ImVec2(r.x + (r.w - tw) / 2, r.y + (r.h - th * 1.2f) / 2 + th * 0.05f),
              theme::paper, text);
}

void draw_photo(ImDrawList& dl, const Pack& pack, const ExploreLayout& l, const Fonts& fonts,
                const PhotoTextures& photos) {
    const Photograph* photo = pack.find_photo(pack.exhibit.photo);
    const Rect& f = l.photo_frame;
    const float u = l.unit;
    const float border = photo_border(u);
    // Soft shadow under the frame.
    for (int i = 1; i <= 4; ++i) {
        const float grow = i * 6 * u;
        dl.AddRectFilled(v(f.x - grow / 2, f.y + grow / 2), v(f.right() + grow / 2, f.bottom() + grow),
                         theme::with_alpha(0x000000, uint8_t(34 - i * 6)), grow);
    }
    dl.AddRectFilled(v(f.x, f.y), v(f.right(), f.bottom()), theme::frame);

    const Rect inner = {f.x + border, f.y + border, f.w - 2 * border, f.h - 2 * border};
    if (photo) {
        const auto it = photos.find(photo->id);
        if (it != photos.end() && it->second.texture && it->second.width > 0) {
            // Fit the whole photograph: a museum never crops a historical image.
            const float s = std::min(inner.w / it->second.width, inner.h / it->second.height);
            const float w = it->second.width * s, h = it->second.height * s;
            const float x = inner.x + (inner.w - w) / 2, y = inner.y + (inner.h - h) / 2;
            dl.AddImage(it->second.texture, v(x, y), v(x + w, y + h));
        }
        const std::string& lang = lang_of(pack);
        const Rect& c = l.caption;
        const float y = c.y + std::round(18 * u);
        const float cap_h = draw_text(dl, fonts, FontRole::Caption, ImVec2(c.x, y), theme::paper,
                                      photo->caption.get(lang), c.w);
        draw_text(dl, fonts, FontRole::Small, ImVec2(c.x, y + cap_h + 6 * u), theme::muted, photo->credit.get(lang));
    }
}

std::string sources_line(const Pack& pack, const Event& e) {
    std::string line;
    for (const std::string& id : e.sources) {
        const Source* s = pack.find_source(id);
        if (!s) continue;
        line += line.empty() ? "Source: " : "; ";
        line += s->title.get(lang_of(pack));
    }
    return line;
}

void draw_card(ImDrawList& dl, const Pack& pack, const ExhibitState& state, const ExploreLayout& l,
               const Fonts& fonts) {
    if (pack.events.empty()) return;
    const std::string& lang = lang_of(pack);
    const Event& e = pack.events[size_t(std::clamp(state.selected_event, 0, int(pack.events.size()) - 1))];
    const Rect& c = l.card;
    const float u = l.unit;

    // The source sits at the card's foot; everything else flows from the top and
    // is clipped above it with a fade when an event's text is long.
    const std::string source = sources_line(pack, e);
    const float source_h = source.empty() ? 0 : text_height(fonts, FontRole::Small, source, c.w);
    const float flow_bottom = c.bottom() - (source_h > 0 ? source_h + 16 * u : 0);
    dl.PushClipRect(v(c.x, c.y), v(c.right(), flow_bottom), true);

    float y = c.y;
    y += fonts.size(FontRole::DateLabel) * 0.1f;
    draw_spaced_caps(dl, fonts, FontRole::DateLabel, ImVec2(c.x, y), theme::accent_text,
                     format_date_span(e.when, lang), 0.12f);
    y += fonts.size(FontRole::DateLabel) * 1.3f + 14 * u;
    y += draw_text(dl, fonts, FontRole::Headline, ImVec2(c.x, y), theme::paper, e.headline.get(lang), c.w);
    y += 24 * u;
    y += draw_text(dl, fonts, FontRole::Body, ImVec2(c.x, y), theme::paper, e.text.get(lang), c.w);

    const std::string& disputed = e.disputed.get(lang);
    if (!disputed.empty()) {
        y += 26 * u;
        const float bar = std::max(std::round(5 * u), 3.f);
        const float inset = bar + std::round(22 * u);
        float by = y + 8 * u;
        draw_spaced_caps(dl, fonts, FontRole::SmallCaps, ImVec2(c.x + inset, by), theme::accent_text, "Disputed", 0.08f);
        by += fonts.size(FontRole::SmallCaps) * 1.3f + 4 * u;
        by += draw_text(dl, fonts, FontRole::Caption, ImVec2(c.x + inset, by), theme::paper, disputed, c.w - inset);
        by += 8 * u;
        dl.AddRectFilled(v(c.x, y), v(c.x + bar, by), theme::accent);
        y = by;
    }
    dl.PopClipRect();

    if (y > flow_bottom) {  // more text than room: fade the last lines out
        const float fade = std::min(fonts.size(FontRole::Body) * 2.f, c.h / 4);
        dl.AddRectFilledMultiColor(v(c.x, flow_bottom - fade), v(c.right(), flow_bottom),
                                   theme::with_alpha(theme::background, 0), theme::with_alpha(theme::background, 0),
                                   theme::background, theme::background);
    }
    if (!source.empty())
        draw_text(dl, fonts, FontRole::Small, ImVec2(c.x, c.bottom() - source_h), theme::muted, source, c.w);
}

void draw_strip(ImDrawList& dl, const Pack& pack, const ExhibitState& state, const ExploreLayout& l,
                const Fonts& fonts) {
    const std::string& lang = lang_of(pack);
    const float u = l.unit;
    const TimelineAxis& axis = l.axis;

    // Era bands, with a hairline gap between neighbours.
    const Rect& band = l.era_band;
    for (const Era& era : pack.eras) {
        const float x0 = axis.x_of(era.start.year), x1 = axis.x_of(era.end.year) - 3;
        if (x1 <= x0) continue;
        dl.AddRectFilled(v(x0, band.y), v(x1, band.bottom()), theme::rgb(era.color), std::round(6 * u));
        const std::string& name = era.name.get(lang);
        // A name is shown whole or not at all: a clipped word reads as a mistake.
        const float pad = std::round(std::max(12 * u, 6.f));
        if (text_width(fonts, FontRole::Small, name) <= x1 - x0 - 2 * pad)
            draw_text(dl, fonts, FontRole::Small,
                      ImVec2(x0 + pad, band.y + (band.h - fonts.size(FontRole::Small) * 1.36f) / 2),
                      theme::rgb(0xf1e9d8), name);
    }

    const float axis_w = std::max(2 * u, 1.f);
    draw_rule(dl, axis.left - 10 * u, axis.right + 10 * u, axis.y, axis_w, theme::outline);

    // Year labels under the axis.
    const float label_y = axis.y + l.selected_radius + 10 * u;
    const int first_tick = int(std::ceil(axis.first_year / axis.tick_step)) * axis.tick_step;
    for (int year = first_tick; year <= axis.last_year; year += axis.tick_step) {
        const std::string label = std::to_string(year);
        const float x = axis.x_of(year);
        dl.AddRectFilled(v(x - axis_w / 2, axis.y - 5 * u), v(x - axis_w / 2 + axis_w, axis.y + 5 * u), theme::outline);
        draw_text(dl, fonts, FontRole::Small, ImVec2(x - text_width(fonts, FontRole::Small, label) / 2, label_y),
                  theme::muted, label);
    }

    // Markers, the selected one last so it sits on top of crowded neighbours.
    const float ring = std::max(std::round(4 * u), 2.f);
    for (size_t i = 0; i < l.marker_x.size(); ++i) {
        if (int(i) == state.selected_event) continue;
        const ImVec2 c = v(l.marker_x[i], axis.y);
        dl.AddCircleFilled(c, l.marker_radius, theme::background, 32);
        dl.AddCircle(c, l.marker_radius - ring / 2, theme::paper, 32, ring);
    }
    if (state.selected_event >= 0 && size_t(state.selected_event) < l.marker_x.size()) {
        const ImVec2 c = v(l.marker_x[size_t(state.selected_event)], axis.y);
        dl.AddCircleFilled(c, l.selected_radius + 8 * u, theme::with_alpha(theme::accent, 0x44), 48);
        dl.AddCircleFilled(c, l.selected_radius, theme::accent, 48);
        dl.AddCircle(c, l.selected_radius - ring / 2, theme::accent_light, 48, ring);
    }

    // Previous / next, disabled-looking at the ends.
    const struct { Button b; bool enabled; bool left; } nav[] = {
        {Button::Prev, state.selected_event > 0, true},
        {Button::Next, state.selected_event + 1 < int(pack.events.size()), false}};
    for (const auto& n : nav) {
        const Rect& r = l.button[int(n.b)];
        const ImVec2 c(r.x + r.w / 2, r.y + r.h / 2);
        const float rad = r.w / 2;
        const ImU32 col = n.enabled ? theme::paper : theme::outline;
        dl.AddCircleFilled(c, rad, theme::background, 48);
        dl.AddCircle(c, rad - 1, theme::outline, 48, std::max(1.5f, rad / 30));
        // A chevron drawn as two strokes: crisper than a glyph at every size.
        const float s = rad * 0.28f, dir = n.left ? -1.f : 1.f;
        const ImVec2 pts[3] = {ImVec2(c.x - dir * s * 0.5f, c.y - s), ImVec2(c.x + dir * s * 0.5f, c.y),
                               ImVec2(c.x - dir * s * 0.5f, c.y + s)};
        dl.AddPolyline(pts, 3, col, 0, std::max(2.f, rad / 16));
    }
}

}  // namespace

void draw_explore(ImDrawList& dl, const Pack& pack, const ExhibitState& state, const ExploreLayout& l,
                  const Fonts& fonts, const PhotoTextures& photos) {
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(float(l.display.width), float(l.display.height)), theme::background);
    draw_title_band(dl, pack, l, fonts);
    draw_rule(dl, l.title_band.x, l.title_band.right(), l.divider_top, 1, theme::rule);
    draw_round_button(dl, l.button[int(Button::Voices)], fonts, "Voices");
    draw_round_button(dl, l.button[int(Button::About)], fonts, "About");
    draw_round_button(dl, l.button[int(Button::Settings)], fonts, "Aa");
    draw_photo(dl, pack, l, fonts, photos);
    draw_card(dl, pack, state, l, fonts);
    draw_rule(dl, l.strip.x, l.strip.right(), l.divider_strip, 1, theme::rule);
    draw_strip(dl, pack, state, l, fonts);
}

}  // namespace kiosk
