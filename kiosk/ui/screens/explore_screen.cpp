// Explore, the home screen: title band, the photograph with caption and credit,
// the selected event's card and the timeline strip.
#include "layout/date_label.h"
#include "pack/date.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

const Event* selected(const Ui& ui, const ExhibitState& s) {
    if (ui.pack.events.empty()) return nullptr;
    return &ui.pack.events[size_t(std::clamp(s.selected_event, 0, int(ui.pack.events.size()) - 1))];
}

void draw_title_band(const DrawContext& c) {
    const Ui& ui = c.ui;
    const Fonts& f = ui.fonts;
    const ExploreLayout& l = ui.layouts.explore;
    const Rect& r = l.title_room;
    // Set by the layout in the room the buttons leave: wrapped, stepped down, and
    // only then cut with "…", never under the buttons.
    const TitleText& t = l.title_in(ui.lang);
    const FontRole role = t.title_role;
    const float title_size = f.size(role);
    draw_text(c.dl, f, role, snap(r.x, r.y), c.palette.paper, t.title);

    const std::string life = ui.digits(life_dates(ui.pack.exhibit, ui.lang));
    // Sit the life dates on the baseline of the title's last line.
    const size_t last_break = t.title.rfind('\n');
    const std::string last_line = last_break == std::string::npos ? t.title : t.title.substr(last_break + 1);
    const TextLayout& title = text_layout(f, role, title_size, t.title);
    const float baseline_gap =
        title.ascent - text_layout(f, FontRole::LifeDates, f.size(FontRole::LifeDates), life).ascent;
    const float last_y = r.y + float(std::max(t.title_lines, 1) - 1) * title.line_height;
    const float life_x = r.x + text_width(f, role, last_line) + 20 * l.unit;
    // On a narrow portrait panel the dates go under the name rather than off the edge.
    if (!life.empty() && life_x + text_width(f, FontRole::LifeDates, life) < r.right())
        draw_text(c.dl, f, FontRole::LifeDates, snap(life_x, last_y + baseline_gap), c.palette.muted, life);
    draw_text(c.dl, f, FontRole::Subtitle, snap(r.x, r.y + t.subtitle_y), c.palette.muted, t.subtitle);
}

// Under the frame of an event with several photographs: a dot for each, the
// shown one filled, and "2 / 3" beside them. Returns the height taken.
float draw_page_dots(const DrawContext& c, const Rect& cap) {
    const ExploreLayout& l = c.ui.layouts.explore;
    const Event* e = selected(c.ui, c.state);
    if (!e || e->photos.size() < 2 || l.page_dots_h <= 0) return 0;
    const int pages = int(e->photos.size());
    const int page = std::clamp(c.state.photo_page, 0, pages - 1);
    const float u = l.unit;
    const float r = std::max(std::round(6 * u), 4.f);
    const float gap = std::max(std::round(20 * u), 13.f);
    const float cy = cap.y + std::round(18 * u) + l.page_dots_h / 2;
    float x = cap.x + r;
    for (int i = 0; i < pages && i < 12; ++i, x += gap) {
        if (i == page)
            c.dl.AddCircleFilled(ImVec2(x, cy), r, c.palette.paper, 16);
        else
            c.dl.AddCircle(ImVec2(x, cy), r - 0.5f, c.palette.muted, 16, std::max(1.f, u * 1.5f));
    }
    const std::string count = c.ui.digits(std::to_string(page + 1) + " / " + std::to_string(pages));
    const float th = c.ui.fonts.size(FontRole::Small);
    draw_text(c.dl, c.ui.fonts, FontRole::Small, snap(x + gap / 2, cy - th / 2), c.palette.muted, count);
    return l.page_dots_h;
}

void draw_photo(const DrawContext& c) {
    const Ui& ui = c.ui;
    const ExploreLayout& l = ui.layouts.explore;
    const Photograph* photo = explore_photo(c.state, ui);
    const PhotoFrame placed = photo_frame_for(l, photo);
    const Rect& f = placed.frame;
    const float u = l.unit;
    const float border = photo_border(u);
    for (int i = 1; i <= 4; ++i) {  // a soft shadow under the frame
        const float grow = float(i) * 6 * u;
        c.dl.AddRectFilled(snap(f.x - grow / 2, f.y + grow / 2), snap(f.right() + grow / 2, f.bottom() + grow),
                           with_alpha(0xff000000u, uint8_t(34 - i * 6)), grow);
    }
    c.dl.AddRectFilled(snap(f.x, f.y), snap(f.right(), f.bottom()), c.palette.frame);
    if (!photo) return;
    const Rect inner = {f.x + border, f.y + border, f.w - 2 * border, f.h - 2 * border};
    const PhotoTexture* shown = c.photos.find(*photo, PhotoSize::Frame);
    if (shown && shown->texture && shown->width > 0) {
        // Fit the whole photograph: a museum never crops a historical image.
        const float s = std::min(inner.w / float(shown->width), inner.h / float(shown->height));
        const float w = float(shown->width) * s, h = float(shown->height) * s;
        const float x = inner.x + (inner.w - w) / 2, y = inner.y + (inner.h - h) / 2;
        c.dl.AddImage(shown->texture, snap(x, y), snap(x + w, y + h));
    }
    const Rect& cap = placed.caption;
    const float y = cap.y + std::round(18 * u) + draw_page_dots(c, cap);
    const std::string& caption = ui.text(photo->caption);
    const float cap_h = draw_text(
        c.dl, ui.fonts, FontRole::Caption, ImVec2(cap.x, y), c.palette.paper,
        l.caption_lines > 0 ? fit_lines(ui.fonts, FontRole::Caption, caption, cap.w, l.caption_lines) : caption, cap.w);
    // Wrapped as the caption's room was measured (caption_height): a credit is
    // never cut, even beside the frame.
    draw_text(c.dl, ui.fonts, FontRole::Small, ImVec2(cap.x, y + cap_h + 6 * u), c.palette.muted,
              ui.text(photo->credit), cap.w);
}

void draw_card(const DrawContext& c) {
    const Event* e = selected(c.ui, c.state);
    if (!e) return;
    const Ui& ui = c.ui;
    const Rect& card = ui.layouts.explore.card;
    const CardMetrics m = measure_card(ui, *e);
    const float scroll = c.state.card.offset();
    const float flow_bottom = card.y + m.view_height;

    c.dl.PushClipRect(snap(card.x - 4, card.y), snap(card.right() + 4, flow_bottom), true);
    FlowDrawer paint(c.dl, ui.fonts, c.palette);
    card_flow(ui, *e, &paint, card.y - scroll);
    c.dl.PopClipRect();

    const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, m.view_height / 4);
    draw_scroll_hints(c.dl, c.palette, {card.x - 4, card.y, card.w + 8, m.view_height}, m.content_height, scroll, fade,
                      card.right() + std::round(14 * ui.layouts.unit), ui.layouts.unit);

    const std::string source = source_pinned(ui, *e) ? sources_line(ui, *e) : std::string();
    if (!source.empty())
        draw_text(c.dl, ui.fonts, FontRole::Small,
                  ImVec2(card.x, card.bottom() - (source_height(ui, *e) - 16 * ui.layouts.unit)), c.palette.muted,
                  source, card.w);

    // A newly selected event fades in.
    if (!reduced_motion(ui.pack) && c.state.selection_changed_ms >= 0) {
        const float t = ease_progress(c.state.selection_changed_ms, c.now_ms, kFadeMs);
        draw_veil(c.dl, c.palette, {card.x - 4, card.y, card.w + 8, card.h}, 1 - t);
    }
}

void draw_marker(ImDrawList& dl, const Palette& p, ImVec2 at, float radius, float ring, bool chosen) {
    if (chosen) {
        dl.AddCircleFilled(at, radius + ring * 2, with_alpha(p.accent, uint8_t(0x44)), 48);
        dl.AddCircleFilled(at, radius, p.accent, 48);
        dl.AddCircle(at, radius - ring / 2, p.accent_light, 48, ring);
    } else {
        dl.AddCircleFilled(at, radius, p.background, 32);
        dl.AddCircle(at, radius - ring / 2, p.paper, 32, ring);
    }
}

// "Zoom out", once zoomed in: a small round-ended button over the era bands' end.
void draw_zoom_out(const DrawContext& c) {
    const Ui& ui = c.ui;
    const Rect& r = ui.layouts.explore.zoom_out;
    const Palette& p = c.palette;
    const float radius = r.h / 2;
    c.dl.AddRectFilled(snap(r.x, r.y), snap(r.right(), r.bottom()), p.background, radius);
    c.dl.AddRect(snap(r.x, r.y), snap(r.right(), r.bottom()), p.outline, radius, 0, std::max(1.5f, radius / 22));
    const std::string& label = ui_text(UiText::ExploreZoomOut, ui.lang);
    const float size = ui.fonts.size(FontRole::Small);
    draw_text(c.dl, ui.fonts, FontRole::Small,
              ImVec2(r.x + (r.w - text_width(ui.fonts, FontRole::Small, label)) / 2, r.y + (r.h - size * 1.36f) / 2),
              p.paper, label);
}

void draw_strip(const DrawContext& c) {
    const Ui& ui = c.ui;
    const ExploreLayout& l = ui.layouts.explore;
    const Palette& p = c.palette;
    const Fonts& f = ui.fonts;
    const float u = l.unit;
    const TimelineAxis& axis = l.axis;
    const float scroll = c.state.strip.offset();
    const float zoom = c.state.strip_zoom;
    const bool zoomed = zoom > 1;
    const StripMarkers markers = strip_markers(l, zoom);
    auto sx = [&](float content) { return axis.screen_x(content, scroll); };

    // Everything on the strip scrolls inside its window; the ends fade.
    const Rect& win = l.strip_touch;
    c.dl.PushClipRect(snap(win.x, win.y), snap(win.right(), win.bottom()), true);

    for (const Era& era : ui.pack.eras) {
        const float x0 = sx(axis.content_x(era.start.year, zoom)), x1 = sx(axis.content_x(era.end.year, zoom)) - 3;
        if (x1 <= x0) continue;
        const uint32_t fill = darken_for_contrast(rgb(era.color), p.era_text, 7.0);
        c.dl.AddRectFilled(snap(x0, l.era_top), snap(x1, l.era_top + l.era_height), fill, std::round(6 * u));
        // A name is shown whole or not at all: a clipped word reads as a mistake.
        const std::string& name = ui.text(era.name);
        const float pad = std::round(std::max(12 * u, 6.f));
        const float tw = text_width(f, FontRole::Small, name);
        // Keep the label in view while its band is partly scrolled off (or under
        // "Zoom out"); where the visible part of the band is too short for it,
        // leave it out.
        const float shown_right = zoomed ? l.zoom_out.x : win.right();
        const float left = std::max(x0, win.x) + pad, right = std::min(x1, shown_right) - pad;
        if (tw <= right - left)
            draw_text(c.dl, f, FontRole::Small,
                      ImVec2(left, l.era_top + (l.era_height - f.size(FontRole::Small) * 1.36f) / 2), p.era_text, name);
    }

    const float axis_w = std::max(2 * u, 1.f);
    draw_rule(c.dl, sx(0) - 10 * u, sx(axis.width(zoom)) + 10 * u, axis.y, axis_w, p.outline);
    const float label_y = axis.y + l.selected_radius + 10 * u;
    for (const StripTick& tick : strip_ticks(axis, f, FontRole::Small, zoom, scroll, ui.lang)) {
        const float x = sx(tick.x);
        c.dl.AddRectFilled(snap(x - axis_w / 2, axis.y - 5 * u), snap(x - axis_w / 2 + axis_w, axis.y + 5 * u),
                           p.outline);
        // A label half out of the window is left out, as an era's name is.
        const std::string label = ui.digits(tick.label);
        const float label_w = label == tick.label ? tick.label_width : text_width(f, FontRole::Small, label);
        const float left = x - label_w / 2;
        if (left >= win.x && left + label_w <= win.right())
            draw_text(c.dl, f, FontRole::Small, ImVec2(left, label_y), p.muted, label);
    }

    const float ring = std::max(std::round(4 * u), 2.f);
    const int chosen_cluster = c.state.selected_event >= 0 && size_t(c.state.selected_event) < markers.cluster_of.size()
                                   ? markers.cluster_of[size_t(c.state.selected_event)]
                                   : -1;
    for (size_t i = 0; i < markers.clusters.size(); ++i) {
        const MarkerCluster& cl = markers.clusters[i];
        const bool chosen = int(i) == chosen_cluster;
        const ImVec2 at = snap(sx(cl.x), axis.y);
        if (cl.count == 1) {
            draw_marker(c.dl, p, at, chosen ? l.selected_radius : l.marker_radius, ring, chosen);
            continue;
        }
        // A numbered cluster: how many events are there, opened with a tap.
        const float r = l.selected_radius;
        draw_marker(c.dl, p, at, r, ring, chosen || int(i) == c.state.open_cluster);
        const std::string n = ui.digits(std::to_string(cl.count));
        draw_text(c.dl, f, FontRole::SmallCaps,
                  ImVec2(at.x - text_width(f, FontRole::SmallCaps, n) / 2, at.y - f.size(FontRole::SmallCaps) * 0.68f),
                  chosen ? p.accent_light : p.paper, n);
    }
    c.dl.PopClipRect();

    // Soft edges where the timeline continues beyond the window.
    const float fade = std::round(std::max(48 * u, 16.f));
    const uint32_t clear = with_alpha(p.background, uint8_t(0));
    if (scroll > 0.5f)
        c.dl.AddRectFilledMultiColor(snap(win.x, win.y), snap(win.x + fade, win.bottom()), p.background, clear, clear,
                                     p.background);
    if (scroll < axis.max_scroll(zoom) - 0.5f)
        c.dl.AddRectFilledMultiColor(snap(win.right() - fade, win.y), snap(win.right(), win.bottom()), clear,
                                     p.background, p.background, clear);

    if (zoomed) draw_zoom_out(c);

    const int count = int(ui.pack.events.size());
    draw_icon_button(c.dl, p, l.button[int(Button::Prev)], Icon::Left, c.state.selected_event > 0);
    draw_icon_button(c.dl, p, l.button[int(Button::Next)], Icon::Right, c.state.selected_event + 1 < count);
}

void draw_cluster_list(const DrawContext& c) {
    const Ui& ui = c.ui;
    const ExploreLayout& l = ui.layouts.explore;
    const float list_scroll = c.state.cluster_list.offset();
    const StripMarkers markers = strip_markers(l, c.state.strip_zoom);
    if (size_t(c.state.open_cluster) >= markers.clusters.size()) return;
    const MarkerCluster& cl = markers.clusters[size_t(c.state.open_cluster)];
    const ClusterList list = cluster_list_layout(l, ui.fonts, cl, c.state.strip.offset(), list_scroll);
    if (list.rows.empty()) return;
    const Palette& p = c.palette;
    const Rect& panel = list.panel;
    const float u = l.unit;
    c.dl.AddRectFilled(snap(panel.x + 6 * u, panel.y + 10 * u), snap(panel.right() + 6 * u, panel.bottom() + 12 * u),
                       with_alpha(0xff000000u, uint8_t(90)), 14 * u);
    c.dl.AddRectFilled(snap(panel.x, panel.y), snap(panel.right(), panel.bottom()), p.frame, 14 * u);
    c.dl.AddRect(snap(panel.x, panel.y), snap(panel.right(), panel.bottom()), p.outline, 14 * u, 0, 1.5f);
    const Rect& view = list.view;
    c.dl.PushClipRect(snap(view.x, view.y), snap(view.right(), view.bottom()), true);
    const float date_h = ui.fonts.size(FontRole::SmallCaps) * 1.25f;
    const float head_h = ui.fonts.size(FontRole::Body) * 1.3f;
    for (int i = 0; i < cl.count; ++i) {
        const Rect& r = list.rows[size_t(i)];
        // Only the rows in view are drawn: a thousand-event year costs what one screen of rows costs.
        if (r.bottom() < view.y || r.y > view.bottom()) continue;
        const Event& e = ui.pack.events[size_t(cl.first + i)];
        const bool chosen = cl.first + i == c.state.selected_event;
        if (chosen)
            c.dl.AddRectFilled(snap(r.x - 8 * u, r.y + 2), snap(r.right() + 8 * u, r.bottom() - 2), p.background,
                               10 * u);
        const float y = r.y + (r.h - date_h - head_h) / 2;
        // One line a row: a long date is tightened, then cut, never drawn over its neighbours.
        const DateLabel date =
            fit_date_label(ui.fonts, FontRole::SmallCaps, format_date_span(e.when, ui.pack, ui.lang), r.w, 0.08f, true);
        draw_spaced_caps(c.dl, ui.fonts, FontRole::SmallCaps, ImVec2(r.x, y), p.accent_text, date.lines[0],
                         date.spacing_em);
        draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(r.x, y + date_h), chosen ? p.accent_light : p.paper,
                  fit_lines(ui.fonts, FontRole::Body, ui.text(e.headline), r.w, 1, false));
        const size_t next = size_t(i + 1);
        if (next < list.rows.size() && list.rows[next].x == r.x && list.rows[next].y > r.y)
            draw_rule(c.dl, r.x, r.right(), r.bottom(), 1, p.rule);
    }
    c.dl.PopClipRect();
    const float fade = std::min(ui.fonts.size(FontRole::Body) * 1.5f, view.h / 5);
    draw_scroll_hints(c.dl, p, view, list.content_height, std::clamp(list_scroll, 0.f, list.max_scroll()), fade,
                      panel.right() - std::round(std::max(10 * u, 6.f)), u);
}

}  // namespace

void draw_explore(const DrawContext& c) {
    const ExploreLayout& l = c.ui.layouts.explore;
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(float(l.display.width), float(l.display.height)), c.palette.background);
    draw_title_band(c);
    draw_rule(c.dl, l.title_band.x, l.title_band.right(), l.divider_top, 1, c.palette.rule);
    draw_pill_button(c.dl, c.ui.fonts, c.palette, l.button[int(Button::Voices)],
                     ui_text(UiText::ExploreVoices, c.ui.lang));
    draw_pill_button(c.dl, c.ui.fonts, c.palette, l.button[int(Button::About)],
                     ui_text(UiText::ExploreAbout, c.ui.lang));
    draw_pill_button(c.dl, c.ui.fonts, c.palette, l.button[int(Button::Settings)],
                     ui_text(UiText::CommonSettings, c.ui.lang), c.state.settings_open);
    draw_photo(c);
    draw_card(c);
    draw_rule(c.dl, l.strip.x, l.strip.right(), l.divider_strip, 1, c.palette.rule);
    draw_strip(c);
    if (c.state.open_cluster >= 0) draw_cluster_list(c);
}

}  // namespace kiosk
