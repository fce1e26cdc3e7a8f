#include "layout/screen_layouts.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

TopBar layout_top_bar(const Display& d, float unit, float target) {
    const float size = std::round(std::max(72 * unit, target));
    const float pad = std::round(std::max(40 * unit, 10.f));
    TopBar bar;
    bar.back = {pad, pad, std::round(size * 2.1f), size};
    bar.settings = {float(d.width) - pad - size, pad, size, size};
    return bar;
}

PhotoLayout layout_photo(const Display& d, const Fonts& fonts, float unit, float target) {
    PhotoLayout p;
    p.bar = layout_top_bar(d, unit, target);
    // The close button is a large round × in the top right corner, "Aa" beside it.
    const float size = p.bar.settings.w;
    p.bar.back = p.bar.settings;
    p.bar.settings.x = p.bar.back.x - size - std::round(18 * unit);
    p.image_area = {0, 0, float(d.width), float(d.height)};
    const float band = fonts.size(FontRole::Body) * 4.2f + 40 * unit;
    p.caption_band = {0, float(d.height) - band, float(d.width), band};
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

VoicesLayout layout_voices(const Display& d, float unit, float target, bool portrait, bool original_row) {
    VoicesLayout v;
    v.bar = layout_top_bar(d, unit, target);
    const float W = float(d.width), H = float(d.height);
    const float arrow = std::round(std::max(80 * unit, target));
    const float top = v.bar.back.bottom() + std::round(40 * unit);
    v.dots_y = std::round(H - std::max(60 * unit, target * 0.6f));
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
        v.quote_box = {pad, top, W - 2 * pad, v.prev.y - top - std::round(40 * unit)};
    }
    if (original_row) {
        const float row = std::round(target);
        v.quote_box.h -= row + std::round(16 * unit);
        v.original_row = {v.quote_box.x, v.quote_box.bottom() + std::round(16 * unit), v.quote_box.w, row};
    }
    return v;
}

AboutLayout layout_about(const Display& d, float unit, float target) {
    AboutLayout a;
    a.bar = layout_top_bar(d, unit, target);
    const float W = float(d.width), H = float(d.height);
    const float pad = std::round(std::max(72 * unit, 16.f));
    const float width = std::min(W - 2 * pad, std::round(1100 * unit * 1.1f));
    const float top = a.bar.back.bottom() + std::round(32 * unit);
    a.column = {std::round((W - width) / 2), top, width, H - top - pad / 2};
    return a;
}

SettingsLayout layout_settings(const Display& d, const Fonts& fonts, const Pack& pack, float unit, float target) {
    SettingsLayout s;
    const float W = float(d.width), H = float(d.height);
    const float row = std::round(std::max(target, fonts.size(FontRole::Body) * 2.6f));
    const float pad = std::round(std::max(36 * unit, 12.f));
    const int languages = pack.settings.languages.size() > 1 ? int(pack.settings.languages.size()) : 0;
    const float title = fonts.size(FontRole::Headline) * 1.4f;
    const float w = std::min(W - 2 * pad, std::round(std::max(720 * unit, 14 * fonts.size(FontRole::Body))));
    // The two switches and the languages share the rows the panel has room for:
    // languages go side by side in a grid when they do not fit one a row, and
    // on a short panel the two switches share a row.
    const float fixed = pad + title + pad + row + pad;
    const int rows_free = std::max(1, int((H - 2 * pad - fixed) / row));
    int switch_rows = 2, language_rows = languages, columns = 1;
    if (languages > 0 && rows_free < 2 + languages) {
        language_rows = std::max(1, rows_free - 2);
        columns = (languages + language_rows - 1) / language_rows;
        if (columns > 2 && rows_free >= 2) {
            switch_rows = 1;
            language_rows = std::max(1, rows_free - 1);
            columns = (languages + language_rows - 1) / language_rows;
        }
        language_rows = (languages + columns - 1) / columns;
    }
    const float h = fixed + row * float(switch_rows + language_rows);
    // On portrait panels the panel sits low, within reach.
    const float y = d.portrait() ? H - h - pad * 2 : std::round((H - h) / 2);
    s.panel = {std::round((W - w) / 2), std::max(pad, y), w, h};
    const float inner = w - 2 * pad, gap = std::round(std::max(24 * unit, 8.f));
    float ry = s.panel.y + pad + title;
    if (switch_rows == 2) {
        s.large_text = {s.panel.x + pad, ry, inner, row};
        ry += row;
        s.high_contrast = {s.panel.x + pad, ry, inner, row};
    } else {
        const float half = std::floor((inner - gap) / 2);
        s.large_text = {s.panel.x + pad, ry, half, row};
        s.high_contrast = {s.panel.x + pad + half + gap, ry, half, row};
    }
    ry += row;
    const float column_w = std::floor((inner - gap * float(columns - 1)) / float(columns));
    for (int i = 0; i < languages; ++i)
        s.languages.push_back({s.panel.x + pad + float(i / language_rows) * (column_w + gap),
                               ry + float(i % language_rows) * row, column_w, row});
    ry += row * float(language_rows) + pad;
    s.close = {s.panel.x + pad, ry, inner, row};
    return s;
}

PinLayout layout_pin(const Display& d, float unit, float target) {
    PinLayout p;
    const float W = float(d.width), H = float(d.height);
    const float key = std::round(std::max(96 * unit, target * 1.1f));
    const float gap = std::round(std::max(16 * unit, 6.f));
    const float pad = std::round(std::max(28 * unit, 10.f));
    const float grid_w = key * 3 + gap * 2, grid_h = key * 4 + gap * 3;
    const float display_h = key * 0.7f;
    const float w = grid_w + 2 * pad, h = pad + display_h + gap + grid_h + pad;
    const float scale = std::min(1.f, (H - 16) / h);  // a 480-pixel panel squeezes the gaps, never the keys
    p.panel = {std::round((W - w) / 2), std::round(std::max(8.f, (H - h * scale) / 2)), w, std::round(h * scale)};
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
    s.photo = layout_photo(display, fonts, s.unit, s.target);
    s.voices = layout_voices(display, s.unit, s.target, s.portrait, has_translated_quote(pack));
    s.about = layout_about(display, s.unit, s.target);
    s.settings = layout_settings(display, fonts, pack, s.unit, s.target);
    s.pin = layout_pin(display, s.unit, s.target);
    const float W = float(display.width), H = float(display.height);
    const float cw = std::min(W - 32, std::round(std::max(760 * s.unit, 16 * fonts.size(FontRole::Body))));
    const float ch =
        std::round(fonts.size(FontRole::Headline) * 2.2f + fonts.size(FontRole::Body) * 3.2f + 64 * s.unit);
    s.countdown = {std::round((W - cw) / 2), std::round(s.portrait ? H * 0.55f : (H - ch) / 2), cw, ch};
    return s;
}

std::vector<Rect> touch_targets(const ScreenLayouts& s) {
    std::vector<Rect> t;
    for (int b = 0; b < int(Button::Count); ++b) t.push_back(s.explore.button_hit[b]);
    for (const TopBar* bar : {&s.photo.bar, &s.voices.bar, &s.about.bar}) {
        t.push_back(bar->back);
        t.push_back(bar->settings);
    }
    t.push_back(s.voices.prev);
    t.push_back(s.voices.next);
    if (s.voices.original_row.h > 0) t.push_back(s.voices.original_row);
    t.push_back(s.settings.large_text);
    t.push_back(s.settings.high_contrast);
    for (const Rect& r : s.settings.languages) t.push_back(r);
    t.push_back(s.settings.close);
    for (const Rect& k : s.pin.keys) t.push_back(k);
    return t;
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

    r.push_back({"Settings", "larger text", s.settings.large_text});
    r.push_back({"Settings", "high contrast", s.settings.high_contrast});
    for (size_t i = 0; i < s.settings.languages.size(); ++i)
        r.push_back({"Settings", "language " + std::to_string(i + 1), s.settings.languages[i]});
    r.push_back({"Settings", "close", s.settings.close});

    for (int k = 0; k < 12; ++k) r.push_back({"PIN pad", "key " + std::to_string(k + 1), s.pin.keys[k]});
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
