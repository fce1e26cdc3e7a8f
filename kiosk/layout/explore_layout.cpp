#include "layout/explore_layout.h"

#include "layout/text_measure.h"
#include "pack/date.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk {

namespace {

constexpr float kTouchTargetMm = 15.f;
constexpr float kMinPhotoWidthMm = 10.f;

// Lays the strip out inside `strip`: era bands on top, the axis and markers below
// them, year labels under the axis. Landscape puts prev/next at both ends of the
// strip; portrait, short of width, leaves them to the button row.
void layout_strip(ExploreLayout& l, const Fonts& fonts, const Pack& pack, bool nav_in_strip) {
    const float u = l.unit;
    const float nav = std::round(std::max(68 * u, l.target * 0.7f));
    const float small = fonts.size(FontRole::Small);

    l.era_height = std::round(std::max(46 * u, small * 1.7f));
    l.era_top = l.strip.y + std::round(20 * u);
    const float inset = nav_in_strip ? nav + 24 * u : 0;

    l.marker_radius = std::round(std::max(14 * u, 9.f));
    l.selected_radius = std::round(std::max(22 * u, 13.f));
    const float marker_zone = std::max(2 * l.selected_radius + 16 * u, l.target * 0.8f);
    l.axis.y = std::round(l.era_top + l.era_height + marker_zone / 2 + 4 * u);
    l.axis.view_left = l.strip.x + inset + l.selected_radius;
    l.axis.view_right = l.strip.right() - inset - l.selected_radius;

    // The life when the pack gives one, else the events' own span.
    const ExhibitInfo& x = pack.exhibit;
    const int64_t first = x.born.year ? x.born.year : pack.events.empty() ? 0 : pack.events.front().when.start.year;
    l.axis.first_year = first;
    l.axis.last_year = (x.died.year ? x.died.year : first) + 1;
    for (const Event& e : pack.events) {
        l.axis.first_year = std::min(l.axis.first_year, double(e.when.start.year));
        l.axis.last_year = std::max(l.axis.last_year, double(e.when.start.year) + 1);
    }
    for (const Era& era : pack.eras) {
        l.axis.first_year = std::min(l.axis.first_year, double(era.start.year));
        l.axis.last_year = std::max(l.axis.last_year, double(era.end.year));
    }

    // Wide enough that the events, spread evenly, would each have most of a
    // fingertip; small panels then scroll the strip instead of shrinking targets.
    const float wanted = float(pack.events.size()) * l.target * 0.8f;
    l.axis.content_width = std::round(l.axis.view_width() * std::clamp(wanted / l.axis.view_width(), 1.f, 4.f));
    // Zoomed all the way in, a day is wider than a fingertip.
    l.axis.max_zoom = std::max(1.f, float(1.25 * l.target * 365.25 / l.axis.px_per_year(1)));

    l.event_year.clear();
    for (const Event& e : pack.events) l.event_year.push_back(decimal_year(e.when.start));
    // Events come in date order with a coarse date first ("1950" before
    // "1950-03-01"), but a coarse date sits at the middle of its year or month:
    // such a one moves back to the finer date after it, still within its year,
    // so the markers run in the events' order.
    for (size_t i = l.event_year.size(); i-- > 1;) l.event_year[i - 1] = std::min(l.event_year[i - 1], l.event_year[i]);
    StripMarkers outermost = strip_markers(l, 1);
    l.marker_x = std::move(outermost.x);
    l.clusters = std::move(outermost.clusters);
    l.cluster_of = std::move(outermost.cluster_of);

    l.strip_touch = {l.strip.x + inset, l.strip.y, l.strip.w - 2 * inset, l.strip.h};
    // "Zoom out" over the right end of the era bands; its touch area reaches up
    // from just above the markers, never over them.
    float zoom_w = 0;
    for (const std::string& lang : pack.settings.languages)
        zoom_w = std::max(zoom_w, text_width(fonts, FontRole::Small, ui_text(UiText::ExploreZoomOut, lang).c_str()));
    zoom_w = std::round(zoom_w + 2 * std::max(14 * u, 8.f));
    l.zoom_out = {l.strip_touch.right() - zoom_w, l.era_top, zoom_w, l.era_height};
    l.zoom_out_hit = grow_to(l.zoom_out, l.target);
    const float markers_top = l.axis.y - l.selected_radius;
    if (l.zoom_out_hit.bottom() > markers_top) l.zoom_out_hit.y = markers_top - l.zoom_out_hit.h;
    if (nav_in_strip) {
        const float nav_y = l.axis.y - nav / 2;
        l.button[int(Button::Prev)] = {l.strip.x, nav_y, nav, nav};
        l.button[int(Button::Next)] = {l.strip.right() - nav, nav_y, nav, nav};
    }
}

// The row of round-ended buttons (Voices, About, Aa), right-aligned at `right`.
// Each is as wide as its label in the longest of the pack's languages, so a
// French "À propos" fits as well as "About" and a language switch moves nothing.
void layout_buttons(ExploreLayout& l, const Fonts& fonts, const Pack& pack, float right, float top, float height) {
    const float u = l.unit;
    const float gap = std::round(18 * u);
    const float pad = std::round(26 * u);
    const struct {
        Button b;
        UiText label;
    } row[] = {{Button::Settings, UiText::CommonSettings},
               {Button::About, UiText::ExploreAbout},
               {Button::Voices, UiText::ExploreVoices}};
    float x = right;
    for (const auto& item : row) {
        float label_w = 0;
        for (const std::string& lang : pack.settings.languages)
            label_w = std::max(label_w, text_width(fonts, FontRole::Button, ui_text(item.label, lang).c_str()));
        const float w = std::max(height, label_w + 2 * pad);
        x -= w;
        l.button[int(item.b)] = {std::round(x), top, std::round(w), height};
        x -= gap;
    }
}

// Shrinks `area` to the photograph's proportions plus its frame, keeping it at
// the top left (or centred) so the caption stays aligned under it.
Rect fit_photo_frame(const Rect& area, const Photograph* photo, float border, bool centre) {
    if (!photo || photo->width <= 0 || photo->height <= 0) return area;
    const float inner_w = area.w - 2 * border, inner_h = area.h - 2 * border;
    const float s = std::min(inner_w / photo->width, inner_h / photo->height);
    Rect r = area;
    r.w = std::round(photo->width * s + 2 * border);
    r.h = std::round(photo->height * s + 2 * border);
    if (centre) r.x = std::round(area.x + (area.w - r.w) / 2);
    return r;
}

// About 70 characters of body text: longer lines make readers lose their place.
float comfortable_measure(const Fonts& fonts) {
    const char* sample = "the quick brown fox jumps over a lazy dog while the museum opens its doors";
    const float per_char = text_width(fonts, FontRole::Body, sample) / float(std::strlen(sample));
    return std::round(per_char * 70);
}

int line_count(const std::string& lines) {
    return lines.empty() ? 0 : 1 + int(std::count(lines.begin(), lines.end(), '\n'));
}

// `text` in the first of `tries` (a role and a number of lines) it fits whole,
// else cut with "…" in the last of them.
struct Setting {
    FontRole role;
    int lines;
};
template <size_t N>
void fit_setting(const Fonts& fonts, const std::string& text, float width, const Setting (&tries)[N], FontRole& role,
                 std::string& shown, bool& cut) {
    cut = true;
    int lines = 1;
    for (const Setting& s : tries) {
        role = s.role;
        lines = s.lines;
        if (fits_lines(fonts, s.role, fonts.size(s.role), text, width, s.lines)) {
            cut = false;
            break;
        }
    }
    shown = fit_lines(fonts, role, text, width, lines);
}

// Room for the longest caption and credit of any photograph Explore shows (and the page
// dots when an event has several), at most `max_h` high: a caption longer than
// that shows the lines it has room for, ending in "…" (whole in the
// photograph's viewer), and `lines` says how many.
float caption_height(const Fonts& fonts, const Pack& pack, float width, float dots_h, float u, float max_h,
                     int& lines) {
    lines = 0;
    const std::vector<const Photograph*> shown = pack.shown_photos();
    if (shown.empty()) return 0;
    float line = fonts.size(FontRole::Caption);
    float cap = 0;
    float credit = fonts.size(FontRole::Small) * 1.3f;
    for (const std::string& lang : pack.settings.languages)
        for (const Photograph* photo : shown) {
            const std::string& caption = pack.text(photo->caption, lang);
            cap = std::max(cap, text_height(fonts, FontRole::Caption, caption, width));
            line = std::max(line, line_height(fonts, FontRole::Caption, caption));
            // The credit is never cut: a narrow caption beside the frame wraps it.
            const std::string& by = pack.text(photo->credit, lang);
            if (text_width(fonts, FontRole::Small, by) > width)
                credit = std::max(credit, text_height(fonts, FontRole::Small, by, width));
        }
    const float around = 18 * u + dots_h + 6 * u + credit;
    if (around + cap > max_h) {
        lines = std::max(1, int((max_h - around) / line));
        cap = std::min(cap, float(lines) * line);
    }
    return std::round(around + cap);
}

// photo_floor_shortfall for a frame on a display of `target` (15 mm) pixels; half
// a pixel is the frame's rounding.
float floor_shortfall(float target, float px_per_mm, const Rect& frame) {
    return std::min({1.f, (frame.h + 0.5f) / target, (frame.w + 0.5f) / (kMinPhotoWidthMm * px_per_mm)});
}

// The worst shortfall of any shown photograph's frame in `area`.
float worst_shortfall(const Rect& area, const Pack& pack, float border, bool centre, float target, float px_per_mm) {
    float worst = 1;
    for (const Photograph* photo : pack.shown_photos())
        worst = std::min(worst, floor_shortfall(target, px_per_mm, fit_photo_frame(area, photo, border, centre)));
    return worst;
}

// The height a wide area needs for every shown photograph's frame to meet the
// floor: 15 mm, and for a tall photograph the height that makes it 10 mm wide.
float floor_height(const Pack& pack, float border, float target, float px_per_mm) {
    float need = 0;
    for (const Photograph* photo : pack.shown_photos()) {
        if (photo->width <= 0 || photo->height <= 0) continue;
        const float aspect = float(photo->height) / float(photo->width);
        need = std::max({need, target, std::ceil(2 * border + (kMinPhotoWidthMm * px_per_mm - 2 * border) * aspect)});
    }
    return need;
}

// The tallest frame any shown photograph takes in `area`.
float tallest_frame(const Rect& area, const Pack& pack, float border, bool centre) {
    float h = 0;
    for (const Photograph* photo : pack.shown_photos()) h = std::max(h, fit_photo_frame(area, photo, border, centre).h);
    return h > 0 ? h : area.h;
}

}  // namespace

TitleText fit_title(const Fonts& fonts, const Pack& pack, const std::string& lang, float width, float u) {
    const ExhibitInfo& exhibit = pack.exhibit;
    TitleText t;
    t.lang = lang;
    std::string cut;
    // One line at the title's size, two, then two at the headline's size.
    const Setting title_tries[] = {
        {FontRole::Title, 1}, {FontRole::Title, kMaxTitleLines}, {FontRole::Headline, kMaxTitleLines}};
    fit_setting(fonts, laid_out(pack.text(exhibit.title, lang), cut, bytes_for_chars(kMaxTitleChars)), width,
                title_tries, t.title_role, t.title, t.title_cut);
    FontRole subtitle_role = FontRole::Subtitle;
    const Setting subtitle_tries[] = {{FontRole::Subtitle, 1}, {FontRole::Subtitle, kMaxSubtitleLines}};
    fit_setting(fonts, laid_out(pack.text(exhibit.subtitle, lang), cut, bytes_for_chars(kMaxSubtitleChars)), width,
                subtitle_tries, subtitle_role, t.subtitle, t.subtitle_cut);
    t.title_lines = line_count(t.title);
    t.subtitle_lines = line_count(t.subtitle);
    // Each block keeps the room of at least one line, as the band always has.
    // Lines as tall as the text needs: Khmer's stacked marks take more than the size.
    const float title_size = line_height(fonts, t.title_role, t.title);
    const float subtitle_size = line_height(fonts, FontRole::Subtitle, t.subtitle);
    const float first_title = std::max(fonts.size(t.title_role) * 1.1f, title_size);
    const float first_subtitle = std::max(fonts.size(FontRole::Subtitle) * 1.3f, subtitle_size);
    const float extra_title = float(std::max(t.title_lines, 1) - 1) * title_size;
    t.subtitle_y = first_title + extra_title + 10 * u;
    t.height = first_title + extra_title + std::round(10 * u) + first_subtitle +
               float(std::max(t.subtitle_lines, 1) - 1) * subtitle_size;
    return t;
}

const TitleText& ExploreLayout::title_in(const std::string& lang) const {
    static const TitleText kNone;
    for (const TitleText& t : titles)
        if (t.lang == lang) return t;
    return titles.empty() ? kNone : titles.front();
}

float photo_border(float unit) { return std::max(std::round(10 * unit), 4.f); }

PhotoFrame photo_frame_for(const ExploreLayout& l, const Photograph* photo) {
    if (!photo) return {l.photo_frame, l.caption};
    const Rect frame = fit_photo_frame(l.photo_area, photo, photo_border(l.unit), l.photo_centred);
    if (l.caption_beside) return {frame, l.caption};
    return {frame, {l.caption.x, frame.bottom(), l.caption.w, l.caption.h}};
}

float photo_floor_shortfall(const ExploreLayout& l, const Rect& frame) {
    return floor_shortfall(l.target, l.px_per_mm, frame);
}

std::vector<std::string> photos_under_floor(const ExploreLayout& l, const Pack& pack) {
    std::vector<std::string> ids;
    for (const Photograph* photo : pack.shown_photos())
        if (photo_floor_shortfall(l, photo_frame_for(l, photo).frame) < 1) ids.push_back(photo->id);
    return ids;
}

float touch_target_px(const Display& display) { return std::round(kTouchTargetMm * display.px_per_mm()); }

Rect grow_to(const Rect& r, float min_size) {
    Rect g = r;
    if (g.w < min_size) {
        g.x -= (min_size - g.w) / 2;
        g.w = min_size;
    }
    if (g.h < min_size) {
        g.y -= (min_size - g.h) / 2;
        g.h = min_size;
    }
    return g;
}

ExploreLayout layout_explore(const Display& display, const Fonts& fonts, const Pack& pack) {
    ExploreLayout l;
    l.display = display;
    l.unit = fonts.sizes.scale;
    l.px_per_mm = display.px_per_mm();
    l.target = touch_target_px(display);
    l.portrait = display.portrait();
    const float u = l.unit;
    const float W = float(display.width), H = float(display.height);
    const float button_h = std::round(std::max(64 * u, l.target * 0.7f));
    const Photograph* exhibit_photo = pack.find_photo(pack.exhibit.photo);
    const bool paged =
        std::any_of(pack.events.begin(), pack.events.end(), [](const Event& e) { return e.photos.size() > 1; });
    l.page_dots_h = paged ? std::round(std::max(22 * u, 10.f)) : 0;

    const float pad_x = std::round(std::max(72 * u, 16.f));
    const float pad_top = std::round(std::max(48 * u, 12.f));
    const float pad_bottom = std::round(std::max(28 * u, 8.f));
    const float content_w = W - 2 * pad_x;

    // Landscape sets the buttons at the band's right, beside the title and subtitle;
    // portrait leaves them the panel's width. The band grows for a title or
    // subtitle on two lines, in whichever of the pack's languages needs most.
    float title_w = content_w;
    if (!l.portrait) {
        layout_buttons(l, fonts, pack, W - pad_x, pad_top, button_h);
        title_w = l.button[int(Button::Voices)].x - std::round(24 * u) - pad_x;
    }
    const float one_line_each =
        fonts.size(FontRole::Title) * 1.1f + std::round(10 * u) + fonts.size(FontRole::Subtitle) * 1.3f;
    float title_h = std::round(one_line_each);
    for (const std::string& lang : pack.settings.languages) {
        l.titles.push_back(fit_title(fonts, pack, lang, title_w, u));
        if (l.titles.back().height > one_line_each) title_h = std::max(title_h, std::ceil(l.titles.back().height));
    }
    l.title_band = {pad_x, pad_top, content_w, title_h};
    l.title_room = {pad_x, pad_top, title_w, l.title_band.h};
    l.divider_top = std::round(l.title_band.bottom() + std::max(24 * u, 8.f));

    // The strip runs along the bottom (of the reach band, on a tall portrait
    // panel mounted low); its height follows its parts so small panels keep
    // 15 mm targets.
    const float small = fonts.size(FontRole::Small);
    const float strip_need = std::max(46 * u, small * 1.7f) + std::max(60 * u, l.target * 0.8f) + small * 1.6f + 40 * u;
    l.strip = {pad_x, 0, content_w, std::round(std::max(210 * u, strip_need))};
    l.strip.y = std::min(H - pad_bottom, reach_band(display).bottom) - l.strip.h;
    l.divider_strip = l.strip.y;

    if (!l.portrait) {
        for (Button b : {Button::Voices, Button::About, Button::Settings})
            l.button[int(b)].y = l.title_band.bottom() - button_h;

        const float main_top = l.divider_top + std::round(40 * u);
        const float main_bottom = l.strip.y - std::round(24 * u);
        const float gap = std::round(72 * u);
        float photo_w = std::round(content_w * 0.44f);
        // The photograph keeps at least two thirds of the height beside the card:
        // on a short panel a long caption shows its first line there, whole in
        // the viewer a tap away.
        const float main_h = main_bottom - main_top;
        const float border = photo_border(u);
        const float cap_h = caption_height(fonts, pack, photo_w, l.page_dots_h, u, main_h / 3, l.caption_lines);
        l.photo_area = {pad_x, main_top, photo_w, main_h - cap_h};
        // A tall title band on a short panel leaves the frame above its caption
        // under its floor: the frame then takes the column's full height, and
        // the caption goes beside it, in a column widened into the card's (its
        // text scrolls; a caption squeezed beside the frame would lose its words).
        const float beside_w = std::round(content_w * 0.52f);
        const Rect beside_area = {pad_x, main_top, std::round(beside_w * 0.45f), main_h};
        const float under = worst_shortfall(l.photo_area, pack, border, false, l.target, l.px_per_mm);
        l.caption_beside =
            under < 1 && worst_shortfall(beside_area, pack, border, false, l.target, l.px_per_mm) > under;
        if (l.caption_beside) {
            photo_w = beside_w;
            // The caption's first line level with the frame's top (its drawing
            // leaves 18 design pixels above the page dots and the text).
            const float cap_x = beside_area.right() + std::round(24 * u);
            const float cap_w = pad_x + photo_w - cap_x;
            const float lead = std::round(18 * u);
            l.photo_area = beside_area;
            l.caption = {cap_x, main_top - lead, cap_w,
                         caption_height(fonts, pack, cap_w, l.page_dots_h, u, main_h + lead, l.caption_lines)};
            l.photo_frame = fit_photo_frame(l.photo_area, exhibit_photo, border, false);
        } else {
            l.photo_frame = fit_photo_frame(l.photo_area, exhibit_photo, border, false);
            l.caption = {pad_x, l.photo_frame.bottom(), photo_w, cap_h};
        }
        const float card_x = pad_x + photo_w + gap;
        l.card = {card_x, main_top, std::min(W - pad_x - card_x, comfortable_measure(fonts)), main_bottom - main_top};
    } else {
        // Portrait: title, photograph, card, then the controls above the strip,
        // within a seated visitor's reach.
        const float buttons_top = l.strip.y - std::round(28 * u) - button_h;
        layout_buttons(l, fonts, pack, W - pad_x, buttons_top, button_h);
        l.button[int(Button::Prev)] = {pad_x, buttons_top, button_h, button_h};
        l.button[int(Button::Next)] = {pad_x + button_h + std::round(18 * u), buttons_top, button_h, button_h};

        const float main_top = l.divider_top + std::round(36 * u);
        float photo_h = std::round((H - main_top) * 0.34f);
        // Extra-large text on a small panel: the photograph gives up some of its
        // height (down to a fifth) so the card keeps four lines of text.
        const float cap_h = caption_height(fonts, pack, content_w, l.page_dots_h, u, 1e9f, l.caption_lines);
        const float card_room = buttons_top - std::round(28 * u) - main_top - cap_h - std::round(36 * u);
        const float wanted = 4 * line_height(fonts, FontRole::Body, "") + fonts.size(FontRole::Headline) * 1.3f;
        if (card_room - photo_h < wanted)
            photo_h = std::max(std::round((H - main_top) * 0.2f), photo_h - (wanted - (card_room - photo_h)));
        // Never under the photograph's floor: the card's scrolling text gives up
        // the room instead, down to two lines of it.
        const float card_floor = 2 * line_height(fonts, FontRole::Body, "");
        photo_h = std::max(
            photo_h, std::min(floor_height(pack, photo_border(u), l.target, l.px_per_mm), card_room - card_floor));
        l.photo_area = {pad_x, main_top, content_w, photo_h};
        l.photo_centred = true;
        l.photo_frame = fit_photo_frame(l.photo_area, exhibit_photo, photo_border(u), true);
        l.caption = {pad_x, l.photo_frame.bottom(), content_w, cap_h};
        // The card starts under the tallest frame's caption, whichever event is shown.
        const float frames_h = tallest_frame(l.photo_area, pack, photo_border(u), true);
        const float card_top = l.photo_area.y + frames_h + cap_h + std::round(36 * u);
        l.card = {pad_x, card_top, std::min(content_w, comfortable_measure(fonts)),
                  buttons_top - std::round(28 * u) - card_top};
    }
    layout_strip(l, fonts, pack, !l.portrait);

    for (int i = 0; i < int(Button::Count); ++i) l.button_hit[i] = grow_to(l.button[i], l.target);
    return l;
}

StripMarkers strip_markers(const ExploreLayout& l, float zoom) {
    return strip_markers(l.axis, l.event_year, l.target, zoom);
}

ClusterList cluster_list_layout(const ExploreLayout& l, const Fonts& fonts, int cluster, float scroll,
                                float list_scroll) {
    if (cluster < 0 || size_t(cluster) >= l.clusters.size()) return {};
    return cluster_list_layout(l, fonts, l.clusters[size_t(cluster)], scroll, list_scroll);
}

ClusterList cluster_list_layout(const ExploreLayout& l, const Fonts& fonts, const MarkerCluster& c, float scroll,
                                float list_scroll) {
    ClusterList list;
    const float row_h = std::round(std::max(l.target, fonts.size(FontRole::Body) * 2.4f));
    const float pad = std::round(std::max(16 * l.unit, 8.f));
    const float gap = std::round(std::max(8 * l.unit, 4.f));
    // The panel's room: under the title band's divider (and the top of the
    // reach band), above the strip and any button between them (portrait puts
    // its button row there).
    // On a tall portrait panel every row stays within reach.
    const float top = std::max(l.divider_top, reach_band(l.display).top) + gap;
    float bottom = l.strip.y - gap;
    for (const Rect& b : l.button)
        if (b.h > 0 && b.y >= top && b.y < bottom) bottom = std::min(bottom, b.y - gap);
    const float room = std::max(row_h, bottom - top - 2 * pad);
    const int per_column = std::max(1, int(room / row_h));
    // Columns at least ~22 characters of body text wide, at most three.
    const float min_column = std::max(280 * l.unit, fonts.size(FontRole::Body) * 11);
    const int max_columns = std::clamp(int(l.strip.w / min_column), 1, 3);
    const int columns = std::clamp((c.count + per_column - 1) / per_column, 1, max_columns);
    const int rows = (c.count + columns - 1) / columns;
    const bool scrolls = rows > per_column;
    const float column_w = std::min(std::max(560 * l.unit, 0.55f * l.strip.w), l.strip.w / float(columns));
    const float w = column_w * float(columns);
    list.content_height = row_h * float(rows);
    const float h = std::min(list.content_height, row_h * float(per_column)) + 2 * pad;
    const float cx = l.axis.screen_x(c.x, scroll);
    list.panel = {std::round(std::clamp(cx - w / 2, l.strip.x, l.strip.right() - w)),
                  std::round(std::max(top, bottom - h)), std::round(w), std::round(h)};
    list.view = {list.panel.x, list.panel.y + pad, list.panel.w, list.panel.h - 2 * pad};
    const float offset = std::clamp(list_scroll, 0.f, list.max_scroll());
    for (int i = 0; i < c.count; ++i) {
        // A list that fits reads down each column; a scrolling one across the
        // columns, then down, so scrolling moves through it in order.
        const int col = scrolls ? i % columns : i / rows, row = scrolls ? i / columns : i % rows;
        list.rows.push_back({list.panel.x + pad + column_w * float(col), list.view.y + row_h * float(row) - offset,
                             column_w - 2 * pad, row_h});
    }
    return list;
}

}  // namespace kiosk
