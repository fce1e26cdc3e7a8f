#include "layout/screen_layouts.h"

#include "layout/text_measure.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

Rect switch_in_row(const Rect& row, float body_px) {
    const float h = std::round(std::min(row.h * 0.55f, body_px * 1.4f));
    const float w = std::round(h * 1.8f);
    return {row.right() - w, row.y + (row.h - h) / 2, w, h};
}

float switch_label_width(const Rect& row, float body_px) {
    const Rect track = switch_in_row(row, body_px);
    return std::max(0.f, row.w - track.w - std::round(track.h * 0.5f));
}

namespace {

float top_bar_pad(float unit) { return std::round(std::max(40 * unit, 10.f)); }

// `y`: the bar's top; below 0, the top of the screen.
TopBar layout_top_bar(const Display& d, float unit, float target, float y = -1) {
    const float size = std::round(std::max(72 * unit, target));
    const float pad = top_bar_pad(unit);
    if (y < 0) y = pad;
    TopBar bar;
    bar.back = {pad, y, std::round(size * 2.1f), size};
    bar.settings = {float(d.width) - pad - size, y, size, size};
    return bar;
}

PhotoLayout layout_photo(const Display& d, const Fonts& fonts, float unit, float target, const ReachBand& reach) {
    PhotoLayout p;
    p.image_area = {0, 0, float(d.width), float(d.height)};
    const float band = fonts.size(FontRole::Body) * 4.2f + 40 * unit;
    p.caption_band = {0, float(d.height) - band, float(d.width), band};
    // The close button is a large round × in the top right corner, "Aa" beside
    // it; on a tall portrait panel whose top is out of reach, just above the
    // caption (or the reach band's lower end).
    p.bar = layout_top_bar(d, unit, target);
    if (reach.limited) {
        const float size = p.bar.settings.h;
        p.bar = layout_top_bar(d, unit, target, std::min(p.caption_band.y, reach.bottom) - top_bar_pad(unit) - size);
    }
    const float size = p.bar.settings.w;
    p.bar.back = p.bar.settings;
    p.bar.settings.x = p.bar.back.x - size - std::round(18 * unit);
    return p;
}

// True when some quote shows in a language other than its own: Voices then
// keeps a row for the button to its original.
bool has_translated_quote(const Pack& pack) {
    for (const Quote& q : pack.quotes)
        for (const auto& [lang, text] : q.text.by_lang)
            if (lang != q.language) return true;
    return false;
}

VoicesLayout layout_voices(const Display& d, float unit, float target, bool portrait, bool original_row,
                           const ReachBand& reach) {
    VoicesLayout v;
    v.bar = layout_top_bar(d, unit, target);
    const float W = float(d.width), H = float(d.height);
    const float arrow = std::round(std::max(80 * unit, target));
    float top = v.bar.back.bottom() + std::round(40 * unit);
    v.dots_y = std::round(std::min(H, reach.bottom) - std::max(60 * unit, target * 0.6f));
    if (!portrait) {
        const float side = std::round(std::max(72 * unit, 16.f)) + arrow + std::round(48 * unit);
        v.quote_box = {side, top, W - 2 * side, v.dots_y - top - std::round(40 * unit)};
        v.prev = {side - arrow - std::round(48 * unit), v.quote_box.y + v.quote_box.h / 2 - arrow / 2, arrow, arrow};
        v.next = {W - side + std::round(48 * unit), v.prev.y, arrow, arrow};
    } else {
        // Portrait keeps the arrows low, within reach, either side of the dots.
        const float pad = std::round(std::max(72 * unit, 16.f));
        v.prev = {pad, v.dots_y - arrow / 2, arrow, arrow};
        v.next = {W - pad - arrow, v.prev.y, arrow, arrow};
        float bottom = v.prev.y - std::round(40 * unit);
        // A tall portrait panel whose top is out of reach has back and "Aa" in a
        // row above the arrows, and the quote from the top of the screen.
        if (reach.limited) {
            v.bar = layout_top_bar(d, unit, target, v.prev.y - std::round(24 * unit) - v.bar.back.h);
            top = top_bar_pad(unit);
            bottom = v.bar.back.y - std::round(40 * unit);
        }
        v.quote_box = {pad, top, W - 2 * pad, bottom - top};
    }
    if (original_row) {
        const float row = std::round(target);
        v.quote_box.h -= row + std::round(16 * unit);
        v.original_row = {v.quote_box.x, v.quote_box.bottom() + std::round(16 * unit), v.quote_box.w, row};
    }
    return v;
}

AboutLayout layout_about(const Display& d, float unit, float target, const ReachBand& reach) {
    AboutLayout a;
    a.bar = layout_top_bar(d, unit, target);
    const float W = float(d.width), H = float(d.height);
    const float pad = std::round(std::max(72 * unit, 16.f));
    const float width = std::min(W - 2 * pad, std::round(1100 * unit * 1.1f));
    const float x = std::round((W - width) / 2);
    if (reach.limited) {
        // The top is out of reach: the text from the top of the screen, back and
        // "Aa" under it, at the foot of the reach band.
        const float bar_pad = top_bar_pad(unit);
        a.bar = layout_top_bar(d, unit, target, std::min(H, reach.bottom) - bar_pad - a.bar.back.h);
        a.column = {x, bar_pad, width, a.bar.back.y - std::round(32 * unit) - bar_pad};
        return a;
    }
    const float top = a.bar.back.bottom() + std::round(32 * unit);
    a.column = {x, top, width, H - top - pad / 2};
    return a;
}

// The settings panel with its rows set in `px` (body text) and `spacing` × px
// tall, one a row. Unless `one_a_row`, the switches and the languages share the
// rows the band has room for: languages go side by side in a grid when they do
// not fit one a row, and on a short panel high contrast and speech share a row.
SettingsLayout settings_at(const Display& d, const Fonts& fonts, const Pack& pack, float unit, float target,
                           const ReachBand& band, float px, float spacing, bool one_a_row) {
    SettingsLayout s;
    s.text_px = px;
    const float W = float(d.width);
    const float row = std::round(std::max(target, px * spacing));
    const float pad = std::round(std::max(36 * unit, 12.f));
    const int languages = pack.settings.languages.size() > 1 ? int(pack.settings.languages.size()) : 0;
    const float title = fonts.size(FontRole::Headline) * px / fonts.size(FontRole::Body) * 1.4f;
    const float w = std::min(W - 2 * pad, std::round(std::max(720 * unit, 14 * px)));
    const float fixed = pad + title + pad + row + pad;
    const int rows_free = std::max(1, int((band.bottom - band.top - 2 * pad - fixed) / row));
    int switch_rows = 3, language_rows = languages, columns = 1;
    auto grid = [&](int rows_left) {
        columns = (languages + std::max(1, rows_left) - 1) / std::max(1, rows_left);
        language_rows = (languages + columns - 1) / columns;
    };
    if (!one_a_row && languages == 0 && rows_free < 3) {
        switch_rows = 2;
    } else if (!one_a_row && languages > 0 && rows_free < 3 + languages) {
        grid(rows_free - 3);
        if (columns > 2) {
            switch_rows = 2;
            grid(rows_free - 2);
        }
    }
    const float h = fixed + row * float(switch_rows + language_rows);
    // On portrait panels the panel sits low, within reach.
    const float y = d.portrait() ? band.bottom - h - pad * 2 : std::round(band.top + (band.bottom - band.top - h) / 2);
    s.panel = {std::round((W - w) / 2), std::max(band.top + pad, y), w, h};
    const float inner = w - 2 * pad, gap = std::round(std::max(24 * unit, 8.f));
    const float left = s.panel.x + pad;
    float ry = s.panel.y + pad + title;
    // The sizes' buttons at the row's right, each a fingertip wide and as tall
    // as the row allows; the label has the rest.
    s.text_size = {left, ry, inner, row};
    const float size_w = std::round(std::max(target, px * 1.9f)), size_gap = std::round(std::max(8 * unit, 4.f));
    const float size_h = std::round(std::max(target, std::min(row - 2 * size_gap, px * 2.f)));
    for (int i = 0; i < int(TextSize::Count); ++i)
        s.text_sizes[i] = {s.text_size.right() - float(int(TextSize::Count) - i) * (size_w + size_gap) + size_gap,
                           ry + std::round((row - size_h) / 2), size_w, size_h};
    ry += row;
    if (switch_rows == 3) {
        s.high_contrast = {left, ry, inner, row};
        ry += row;
        s.speech = {left, ry, inner, row};
    } else {
        const float half = std::floor((inner - gap) / 2);
        s.high_contrast = {left, ry, half, row};
        s.speech = {left + half + gap, ry, half, row};
    }
    ry += row;
    const float column_w = std::floor((inner - gap * float(columns - 1)) / float(columns));
    for (int i = 0; i < languages; ++i)
        s.languages.push_back(
            {left + float(i / language_rows) * (column_w + gap), ry + float(i % language_rows) * row, column_w, row});
    ry += row * float(language_rows) + pad;
    s.close = {left, ry, inner, row};
    return s;
}

// Whether every label of the panel shows whole, in each of the pack's
// languages, in the lines its row holds.
bool settings_labels_fit(const SettingsLayout& s, const Fonts& fonts, const Pack& pack) {
    const float px = s.text_px;
    const struct {
        UiText text;
        float width;
        float row_h;
    } labels[] = {
        {UiText::SettingsTextSize, s.text_sizes[0].x - s.text_size.x - std::round(px * 0.4f), s.text_size.h},
        {UiText::SettingsHighContrast, switch_label_width(s.high_contrast, px), s.high_contrast.h},
        {UiText::SpeechLabel, switch_label_width(s.speech, px), s.speech.h},
    };
    for (const std::string& lang : pack.settings.languages)
        for (const auto& l : labels) {
            const std::string& text = ui_text(l.text, lang);
            const int lines = std::max(1, int(l.row_h / line_height(fonts, FontRole::Body, text, px)));
            if (!fits_lines(fonts, FontRole::Body, px, text, l.width, lines)) return false;
        }
    return true;
}

// The panel at the visitor's text size when the band has room for it: one item
// a row, with tighter rows before a grid; else smaller text (extra-large text
// on a small panel), down to the 2.5 mm floor. A size at which a label would
// be cut is taken only when no smaller one shows them whole.
SettingsLayout layout_settings(const Display& d, const Fonts& fonts, const Pack& pack, float unit, float target,
                               const ReachBand& band) {
    const float floor_px = std::ceil(kMinCapHeightMm * d.px_per_mm() / CapHeights{}[Face::SansRegular]);
    SettingsLayout s, first_fitting;
    for (float px = fonts.size(FontRole::Body);; px = std::round(px * 0.92f)) {
        for (bool one_a_row : {true, false})
            for (float spacing : {2.6f, 1.9f, 1.6f}) {
                s = settings_at(d, fonts, pack, unit, target, band, px, spacing, one_a_row);
                const float pad = s.text_size.x - s.panel.x;
                if (s.panel.bottom() > band.bottom - pad + 0.5f) continue;
                if (settings_labels_fit(s, fonts, pack)) return s;
                if (first_fitting.text_px == 0) first_fitting = s;
            }
        if (px * 0.92f < floor_px) return first_fitting.text_px > 0 ? first_fitting : s;
    }
}

PinLayout layout_pin(const Display& d, float unit, float target, const ReachBand& reach) {
    PinLayout p;
    const float W = float(d.width), H = float(d.height);
    const float key = std::round(std::max(96 * unit, target * 1.1f));
    const float gap = std::round(std::max(16 * unit, 6.f));
    const float pad = std::round(std::max(28 * unit, 10.f));
    const float grid_w = key * 3 + gap * 2, grid_h = key * 4 + gap * 3;
    const float display_h = key * 0.7f;
    const float w = grid_w + 2 * pad, h = pad + display_h + gap + grid_h + pad;
    const float scale = std::min(1.f, (H - 16) / h);  // a 480-pixel panel squeezes the gaps, never the keys
    // Centred, within the reach band on a tall portrait panel.
    const float centre = reach.limited ? std::max((reach.top + reach.bottom) / 2, h * scale / 2 + 8) : H / 2;
    p.panel = {std::round((W - w) / 2), std::round(std::max(8.f, centre - h * scale / 2)), w, std::round(h * scale)};
    p.display = {p.panel.x + pad, p.panel.y + pad * scale, grid_w, display_h * scale};
    const float top = p.display.bottom() + gap * scale;
    const float step_y = (p.panel.bottom() - pad * scale - top - key) / 3;
    for (int i = 0; i < 12; ++i)
        p.keys[i] = {p.panel.x + pad + float(i % 3) * (key + gap), top + float(i / 3) * step_y, key, key};
    return p;
}

}  // namespace

ScreenLayouts layout_screens(const Display& display, const Fonts& fonts, const Pack& pack) {
    ScreenLayouts s;
    s.display = display;
    s.explore = layout_explore(display, fonts, pack);
    s.unit = s.explore.unit;
    s.target = s.explore.target;
    s.portrait = display.portrait();
    s.reach = reach_band(display);
    s.photo = layout_photo(display, fonts, s.unit, s.target, s.reach);
    s.voices = layout_voices(display, s.unit, s.target, s.portrait, has_translated_quote(pack), s.reach);
    s.about = layout_about(display, s.unit, s.target, s.reach);
    s.settings = layout_settings(display, fonts, pack, s.unit, s.target, s.reach);
    s.pin = layout_pin(display, s.unit, s.target, s.reach);
    const float W = float(display.width), H = float(display.height);
    const float cw = std::min(W - 32, std::round(std::max(760 * s.unit, 16 * fonts.size(FontRole::Body))));
    const float ch =
        std::round(fonts.size(FontRole::Headline) * 2.2f + fonts.size(FontRole::Body) * 3.2f + 64 * s.unit);
    s.countdown = {std::round((W - cw) / 2), std::round(s.portrait ? H * 0.55f : (H - ch) / 2), cw, ch};
    return s;
}

namespace {

const char* const kTextSizeNames[int(TextSize::Count)] = {"standard text", "large text", "extra-large text"};

// Every control with its screen and name.
std::vector<Region> controls(const ScreenLayouts& s) {
    std::vector<Region> c;
    const char* const button_names[] = {"Voices", "About", "Aa", "previous", "next"};
    for (int b = 0; b < int(Button::Count); ++b) c.push_back({"Explore", button_names[b], s.explore.button_hit[b]});
    for (auto [screen, bar] : {std::pair{"Photograph", &s.photo.bar}, std::pair{"Voices", &s.voices.bar},
                               std::pair{"About", &s.about.bar}}) {
        c.push_back({screen, "back", bar->back});
        c.push_back({screen, "Aa", bar->settings});
    }
    c.push_back({"Voices", "previous", s.voices.prev});
    c.push_back({"Voices", "next", s.voices.next});
    if (s.voices.original_row.h > 0) c.push_back({"Voices", "show original", s.voices.original_row});
    for (int i = 0; i < int(TextSize::Count); ++i)
        c.push_back({"Settings", kTextSizeNames[i], s.settings.text_sizes[i]});
    c.push_back({"Settings", "high contrast", s.settings.high_contrast});
    c.push_back({"Settings", "speech", s.settings.speech});
    for (size_t i = 0; i < s.settings.languages.size(); ++i)
        c.push_back({"Settings", "language " + std::to_string(i + 1), s.settings.languages[i]});
    c.push_back({"Settings", "close", s.settings.close});
    for (int k = 0; k < 12; ++k) c.push_back({"PIN pad", "key " + std::to_string(k + 1), s.pin.keys[k]});
    return c;
}

}  // namespace

std::vector<Rect> touch_targets(const ScreenLayouts& s) {
    std::vector<Rect> t;
    for (const Region& r : controls(s)) t.push_back(r.rect);
    return t;
}

std::vector<std::string> out_of_reach(const ScreenLayouts& s) {
    std::vector<std::string> problems;
    if (!s.reach.limited) return problems;
    for (const Region& r : controls(s))
        if (r.rect.y < s.reach.top - 0.5f || r.rect.bottom() > s.reach.bottom + 0.5f)
            problems.push_back(r.screen + ": " + r.name + " is out of reach");
    return problems;
}

std::vector<Region> screen_regions(const ScreenLayouts& s) {
    std::vector<Region> r;
    const ExploreLayout& e = s.explore;
    const char* const button_names[] = {"Voices", "About", "Aa", "previous", "next"};
    Rect title = e.title_band;
    // Landscape sets the buttons at the title band's right: the title's room ends before them.
    if (!e.portrait) title.w = e.button[int(Button::Voices)].x - title.x;
    r.push_back({"Explore", "the title", title});
    r.push_back({"Explore", "the photograph", e.photo_frame});
    r.push_back({"Explore", "the caption", e.caption});
    r.push_back({"Explore", "the card", e.card});
    for (int b = 0; b < int(Button::Count); ++b) r.push_back({"Explore", button_names[b], e.button[b]});
    // The strip's scrolling window; landscape puts previous and next at its ends.
    r.push_back({"Explore", "the timeline", e.strip_touch});

    r.push_back({"Photograph", "close", s.photo.bar.back});
    r.push_back({"Photograph", "Aa", s.photo.bar.settings});
    r.push_back({"Photograph", "the caption", s.photo.caption_band});

    r.push_back({"Voices", "back", s.voices.bar.back});
    r.push_back({"Voices", "Aa", s.voices.bar.settings});
    r.push_back({"Voices", "the quote", s.voices.quote_box});
    r.push_back({"Voices", "previous", s.voices.prev});
    r.push_back({"Voices", "next", s.voices.next});
    if (s.voices.original_row.h > 0) r.push_back({"Voices", "show original", s.voices.original_row});

    r.push_back({"About", "back", s.about.bar.back});
    r.push_back({"About", "Aa", s.about.bar.settings});
    r.push_back({"About", "the text", s.about.column});

    // The text size row's label and its buttons.
    Rect size_label = s.settings.text_size;
    size_label.w = s.settings.text_sizes[0].x - size_label.x;
    r.push_back({"Settings", "text size", size_label});
    // The settings panel and the PIN pad are their controls.
    for (const Region& c : controls(s))
        if (c.screen == "Settings" || c.screen == "PIN pad") r.push_back(c);
    return r;
}

std::vector<std::string> layout_problems(const ScreenLayouts& s) {
    std::vector<std::string> problems;
    const std::vector<Region> regions = screen_regions(s);
    const float W = float(s.display.width), H = float(s.display.height);
    // The screens are designed down to the 7" panel's 800x480, either way up:
    // below it the 2.5 mm type leaves no room for them.
    if (std::max(W, H) < 800 || std::min(W, H) < 480) problems.push_back("the display is smaller than 800x480");
    auto overlap = [](const Rect& a, const Rect& b) {
        // Touching edges are fine; a pixel's rounding is not an overlap.
        return a.x < b.right() - 0.5f && b.x < a.right() - 0.5f && a.y < b.bottom() - 0.5f && b.y < a.bottom() - 0.5f;
    };
    for (size_t i = 0; i < regions.size(); ++i) {
        const Region& a = regions[i];
        if (a.rect.w < 1 || a.rect.h < 1) {
            problems.push_back(a.screen + ": no room for " + a.name);
            continue;
        }
        if (a.rect.x < -0.5f || a.rect.y < -0.5f || a.rect.right() > W + 0.5f || a.rect.bottom() > H + 0.5f)
            problems.push_back(a.screen + ": " + a.name + " goes off the screen");
        for (size_t j = i + 1; j < regions.size(); ++j) {
            const Region& b = regions[j];
            if (b.screen == a.screen && b.rect.w >= 1 && b.rect.h >= 1 && overlap(a.rect, b.rect))
                problems.push_back(a.screen + ": " + a.name + " overlaps " + b.name);
        }
    }
    return problems;
}

}  // namespace kiosk
