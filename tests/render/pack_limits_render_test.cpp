// A pack at every limit of pack_limits.h at once, and packs beyond them, tapped
// through every screen at two sizes through SDL's software renderer. The kiosk
// must draw all of them without aborting (Dear ImGui's 16-bit index assert, SDL's
// software rasterizer on huge geometry), keep every cluster row reachable, and
// draw frames of more than 65 536 vertices correctly. The screenshots land in
// the test output folder (limits-*.png) to be looked at.
#include "imgui_sdl_renderer.h"
#include "layout/content_note_measure.h"
#include "offscreen.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"
#include "scripted_kiosk.h"
#include "ui/frame.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <tuple>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1920, 1080}};

kiosk::LocalText en(const std::string& s) {
    kiosk::LocalText t;
    t.by_lang["en"] = s;
    return t;
}

// Readable filler of exactly `chars` ASCII characters, words and sentences.
std::string prose(size_t chars, const std::string& tag) {
    static const char* words[] = {"the",   "archive", "records", "a",         "meeting", "in",
                                  "Phnom", "Penh",    "where",   "ministers", "spoke",   "about",
                                  "the",   "border",  "and",     "rice",      "harvest"};
    std::string s = tag + ":";
    for (size_t i = 0; s.size() < chars; ++i) {
        s += ' ';
        s += words[i % (sizeof words / sizeof *words)];
        if (i % 11 == 10) s += '.';
    }
    s.resize(chars);
    return s;
}

kiosk::Event event(int i, int year, int month, size_t text_chars) {
    kiosk::Event e;
    e.id = "event-" + std::to_string(i);
    e.when.start = {year, month, 0, kiosk::DatePrecision::Month};
    e.headline = en(prose(size_t(kiosk::kMaxHeadlineChars), "Event " + std::to_string(i)));
    e.text = en(prose(text_chars, "Text " + std::to_string(i)));
    return e;
}

// The bundled exhibit (its photograph, fonts' scripts, settings) with `edit` applied.
template <typename Edit>
kiosk::PackLoadResult pack_with(Edit edit) {
    kiosk::PackLoadResult r = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(r.ok());
    edit(r.pack);
    return r;
}

// Every count and length at its limit at once.
void at_every_limit(kiosk::Pack& p) {
    p.exhibit.title = en(prose(size_t(kiosk::kMaxTitleChars), "Title"));
    p.exhibit.subtitle = en(prose(size_t(kiosk::kMaxSubtitleChars), "Subtitle"));
    p.exhibit.content_note = en(prose(size_t(kiosk::kMaxAboutTextChars), "Note"));
    p.exhibit.credits = en(prose(size_t(kiosk::kMaxAboutTextChars), "Credits"));
    p.exhibit.licence = en(prose(size_t(kiosk::kMaxAboutTextChars), "Licence"));
    p.events.clear();
    // kMaxEventsPerYear in 1975, the rest spread over the other years.
    for (int i = 0; i < kiosk::kMaxEventsPerYear; ++i) p.events.push_back(event(i, 1975, 1 + i % 12, 400));
    for (int i = kiosk::kMaxEventsPerYear; i < kiosk::kMaxEvents; ++i)
        p.events.push_back(event(i, 1925 + (i % 88 < 50 ? i % 50 : 51 + i % 37), 1 + i % 12, 400));
    p.events[0].text = en(prose(size_t(kiosk::kMaxEventTextChars), "Longest"));
    std::stable_sort(p.events.begin(), p.events.end(), [](const kiosk::Event& a, const kiosk::Event& b) {
        return a.when.start.year != b.when.start.year ? a.when.start.year < b.when.start.year
                                                      : a.when.start.month < b.when.start.month;
    });
    p.quotes.resize(size_t(kiosk::kMaxQuotes));
    for (size_t i = 0; i < p.quotes.size(); ++i) {
        p.quotes[i].id = "q" + std::to_string(i);
        p.quotes[i].text = en(prose(size_t(kiosk::kMaxQuoteChars), "Quote " + std::to_string(i)));
        p.quotes[i].speaker = en(prose(size_t(kiosk::kMaxShortTextChars), "Speaker"));
        p.quotes[i].role = en(prose(size_t(kiosk::kMaxShortTextChars), "Role"));
        p.quotes[i].context = en(prose(size_t(kiosk::kMaxShortTextChars), "Context"));
    }
    p.sources.resize(size_t(kiosk::kMaxSources));
    for (size_t i = 0; i < p.sources.size(); ++i) {
        p.sources[i].id = "s" + std::to_string(i);
        p.sources[i].title = en(prose(size_t(kiosk::kMaxCitationChars), "Source " + std::to_string(i)));
    }
    p.eras.resize(size_t(kiosk::kMaxEras));
    for (size_t i = 0; i < p.eras.size(); ++i) {
        p.eras[i].id = "era" + std::to_string(i);
        p.eras[i].name = en(prose(size_t(kiosk::kMaxShortTextChars), "Era"));
        p.eras[i].start = {1925 + int(i) * 2, 0, 0, kiosk::DatePrecision::Year};
        p.eras[i].end = {1926 + int(i) * 2, 0, 0, kiosk::DatePrecision::Year};
    }
}

// `count` events in one year, beyond kMaxEventsPerYear.
void one_crowded_year(kiosk::Pack& p, int count) {
    p.events.clear();
    for (int i = 0; i < count; ++i) p.events.push_back(event(i, 1975, 1 + i * 12 / count, 200));
}

struct Kiosk : platform::ScriptedKiosk {
    Kiosk(int w, int h, kiosk::PackLoadResult pack, float panel_inches = 0) {
        std::string error;
        kiosk::KioskConfig config;
        config.panel_inches = panel_inches;
        REQUIRE(open(w, h, std::move(pack), config, &error));
    }
    const kiosk::ExhibitState& state() { return view().state(); }
    // The frame as draw data, and its vertex count.
    int vertices() { return view().build(now())->TotalVtxCount; }
    void save(const std::string& name) {
        std::string error;
        const std::string path = std::string(VITRINE_TEST_OUTPUT) + "/limits-" + name + "-" + std::to_string(width()) +
                                 "x" + std::to_string(height()) + ".png";
        CHECK(save_shot(path, &error));
    }
    void drag(float x, float y0, float y1) {
        std::ostringstream s;
        s << "100 down 0 " << x << " " << y0 << "\n";
        for (int i = 1; i <= 10; ++i)
            s << 100 + i * 16 << " move 0 " << x << " " << y0 + (y1 - y0) * float(i) / 10 << "\n";
        s << 100 + 11 * 16 + 200 << " up 0 " << x << " " << y1 << "\n";
        play(s.str());
        wait(3000);
    }
};

// Opens the cluster with the most events; returns it.
kiosk::MarkerCluster open_biggest_cluster(Kiosk& k) {
    const kiosk::ExploreLayout& l = k.layouts().explore;
    const auto biggest = std::max_element(l.clusters.begin(), l.clusters.end(),
                                          [](const auto& a, const auto& b) { return a.count < b.count; });
    REQUIRE(biggest != l.clusters.end());
    // Bring the cluster into view on the strip, then tap it.
    for (int i = 0; i < 8 && k.state().open_cluster < 0; ++i) {
        const float x = l.axis.screen_x(biggest->x, k.state().strip.offset());
        if (x < l.strip_touch.x || x > l.strip_touch.right()) {
            const float dx = x - (l.strip_touch.x + l.strip_touch.w / 2);
            std::ostringstream s;
            const float from = l.strip_touch.x + l.strip_touch.w / 2, y = l.axis.y;
            s << "100 down 0 " << from << " " << y << "\n";
            for (int j = 1; j <= 10; ++j)
                s << 100 + j * 30 << " move 0 " << from - dx * float(j) / 10 << " " << y << "\n";
            s << 100 + 11 * 30 + 300 << " up 0 " << from - dx << " " << y << "\n";
            k.play(s.str());
            k.wait(2000);
            continue;
        }
        k.tap(x, l.axis.y);
        k.wait(500);
    }
    REQUIRE(k.state().open_cluster == int(biggest - l.clusters.begin()));
    return *biggest;
}

// Opens the biggest cluster, checks its list stays clear of the title and the
// buttons, scrolls to its end and selects the last event there.
void every_cluster_row_reachable(Kiosk& k, const std::string& name) {
    const kiosk::MarkerCluster cl = open_biggest_cluster(k);
    const kiosk::ExploreLayout& l = k.layouts().explore;
    const kiosk::ClusterList list =
        kiosk::cluster_list_layout(l, k.view().ui().fonts, k.state().open_cluster, k.state().strip.offset());
    CHECK(list.panel.y >= l.divider_top);
    CHECK(list.panel.bottom() <= l.strip.y);
    CHECK(list.panel.y >= 0);
    k.save(name + "-cluster");
    // Flick up until the list rests at its end (on the 7" panel, with 2.5 mm
    // type, the list's view is a row or two high: many short flicks).
    for (int i = 0; i < 1000 && k.state().cluster_list.offset() < list.max_scroll() - 1; ++i)
        k.drag(list.panel.x + list.panel.w / 2, list.view.bottom() - 4, list.view.y + 4);
    CHECK(k.state().cluster_list.offset() == Approx(list.max_scroll()).margin(1));
    k.save(name + "-cluster-end");
    const kiosk::ClusterList end = kiosk::cluster_list_layout(
        l, k.view().ui().fonts, k.state().open_cluster, k.state().strip.offset(), k.state().cluster_list.offset());
    const kiosk::Rect& last = end.rows.back();
    REQUIRE(last.bottom() <= end.view.bottom() + 1);
    REQUIRE(last.y >= end.view.y - 1);
    k.tap(last);
    k.wait(1000);
    CHECK(k.state().open_cluster == -1);
    CHECK(k.state().selected_event == cl.first + cl.count - 1);
}

void tour(Kiosk& k, const std::string& name) {
    k.wait(1000);
    k.save(name + "-explore");
    const kiosk::ScreenLayouts& l = k.layouts();
    k.tap(l.explore.photo_frame);
    k.wait(1000);
    k.save(name + "-photo");
    k.tap(l.photo.bar.back);
    k.wait(1000);
    k.tap(l.explore.button[int(kiosk::Button::Voices)]);
    k.wait(1000);
    CHECK(k.state().screen == kiosk::Screen::Voices);
    k.save(name + "-voices");
    for (int i = 0; i < 3; ++i) k.tap(l.voices.next, 200);
    k.wait(1000);
    k.save(name + "-voices-4");
    k.tap(l.voices.bar.back);
    k.wait(1000);
    k.tap(l.explore.button[int(kiosk::Button::About)]);
    k.wait(1000);
    CHECK(k.state().screen == kiosk::Screen::About);
    k.save(name + "-about");
    for (int i = 0; i < 6; ++i) k.drag(l.about.column.x + 40, l.about.column.bottom() - 10, l.about.column.y + 10);
    k.save(name + "-about-scrolled");
    k.tap(l.about.bar.back);
    k.wait(int64_t(k.view().pack().settings.idle_timeout_s) * 1000 + kiosk::kCountdownMs + 4000);
    CHECK(k.state().screen == kiosk::Screen::Attract);
    k.save(name + "-attract");
    k.tap(float(k.width()) / 2, float(k.height()) / 2);
    k.wait(1000);
    // The next visitor: the content note, at its longest, scrolls in its card;
    // a tap puts it away.
    REQUIRE(k.state().content_note_open);
    k.save(name + "-content-note");
    const kiosk::ContentNoteCard card = kiosk::content_note_card(k.view().ui());
    for (int i = 0; i < 6; ++i) k.drag(card.text.x + 40, card.text.bottom() - 10, card.text.y + 10);
    if (card.max_scroll() > 0) CHECK(k.state().content_note_scroll.offset() > 0);
    CHECK(k.state().content_note_open);
    k.save(name + "-content-note-scrolled");
    k.tap(float(k.width()) / 2, float(k.height()) / 2);
    k.wait(1000);
    CHECK_FALSE(k.state().content_note_open);
}

}  // namespace

TEST_CASE("A pack at every limit at once draws every screen at two sizes", "[limits]") {
    for (const auto& [w, h] : kSizes) {
        Kiosk k(w, h, pack_with(at_every_limit));
        INFO(w << "x" << h);
        tour(k, "at-limits");
        every_cluster_row_reachable(k, "at-limits");
    }
}

TEST_CASE("Packs beyond the limits draw without aborting", "[limits]") {
    for (const auto& [w, h] : kSizes) {
        INFO(w << "x" << h);
        DYNAMIC_SECTION("700 quotes at " << w << "x" << h << ": a position indicator, the last quote reachable") {
            Kiosk k(w, h, pack_with([](kiosk::Pack& p) {
                        const kiosk::Quote q = p.quotes.at(0);
                        p.quotes.assign(700, q);
                        for (size_t i = 0; i < p.quotes.size(); ++i) p.quotes[i].id = "q" + std::to_string(i);
                    }));
            k.tap(k.layouts().explore.button[int(kiosk::Button::Voices)]);
            for (int i = 0; i < 699; ++i) k.tap(k.layouts().voices.next, 20);
            k.wait(1000);
            CHECK(k.state().quote == 699);
            k.save("700-quotes");
        }
        DYNAMIC_SECTION("a 1 MB quote, title, credits and headline at " << w << "x" << h) {
            Kiosk k(w, h, pack_with([](kiosk::Pack& p) {
                        p.quotes.at(0).text = en(prose(1 << 20, "Megaquote"));
                        p.quotes.at(0).speaker = en(prose(1 << 20, "Speaker"));
                        p.exhibit.title = en(std::string(1 << 20, 'T'));
                        p.exhibit.subtitle = en(prose(1 << 20, "Subtitle"));
                        p.exhibit.credits = en(prose(100 << 10, "Credits"));
                        p.exhibit.licence = en(std::string(1 << 20, 'L'));
                        p.events.at(0).headline = en(prose(1 << 20, "Headline"));
                        p.events.at(0).text = en(std::string(1 << 20, '\n'));
                    }));
            tour(k, "megabytes");
        }
        for (int count : {100, 240, 1000}) {
            DYNAMIC_SECTION(count << " events in one year at " << w << "x" << h << ": every row reachable") {
                Kiosk k(w, h, pack_with([count](kiosk::Pack& p) { one_crowded_year(p, count); }));
                every_cluster_row_reachable(k, std::to_string(count) + "-in-a-year");
            }
        }
    }
}

TEST_CASE("A long staff message is shortened on the unavailable screen", "[limits]") {
    kiosk::PackLoadResult broken;
    broken.pack.dir = "/media/usb/pack";
    std::string ids;
    for (int i = 0; i < 2000; ++i) ids += (i ? ", " : "") + std::string("source-") + std::to_string(i);
    kiosk::Diagnostic d;
    d.severity = kiosk::Diagnostic::Severity::Error;
    d.message = "unknown source 'sorce-12'; the pack's sources are " + ids;
    broken.diagnostics.push_back(d);
    for (int i = 0; i < 2000; ++i) {
        d.message = "event " + std::to_string(i) + ": unknown source 'sorce-" + std::to_string(i) + "'";
        broken.diagnostics.push_back(d);
    }
    for (const auto& [w, h] : kSizes) {
        Kiosk k(w, h, broken);
        CHECK_FALSE(k.view().exhibit_loaded());
        k.save("unavailable");
        CHECK(k.vertices() < 65536);  // a few lines, not two thousand
    }
}

TEST_CASE("A frame of more than 65 536 vertices is drawn whole", "[limits]") {
    // 24 000 small squares (96 000 vertices) across the target, the last one red:
    // drawn only if the renderer follows each command's VtxOffset.
    platform::Offscreen target;
    std::string error;
    REQUIRE(target.create(320, 240, &error));
    ImGuiContext* ctx = kiosk::create_imgui_context();
    unsigned char* pixels = nullptr;
    int aw = 0, ah = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &aw, &ah);
    const ImDrawData* data = kiosk::build_frame({320, 240, 0}, 1.f / 60, [](ImDrawList& dl) {
        for (int i = 0; i < 24000; ++i) {
            const float x = float(i % 160) * 2, y = float(i / 160 % 120) * 2;
            dl.AddRectFilled(ImVec2(x, y), ImVec2(x + 2, y + 2), i == 23999 ? 0xff0000ffu : 0xff404040u);
        }
    });
    CHECK(data->TotalVtxCount > 65536);
    bool offset_used = false;
    for (int n = 0; n < data->CmdListsCount; ++n)
        for (const ImDrawCmd& cmd : data->CmdLists[n]->CmdBuffer) offset_used |= cmd.VtxOffset > 0;
    CHECK(offset_used);
    SDL_SetRenderDrawColor(target.renderer(), 0, 0, 0, 0xff);
    SDL_RenderClear(target.renderer());
    platform::render_draw_data(target.renderer(), data);
    const std::vector<uint8_t> rgba = target.read_rgba();
    // Square 23999: column 159, row 149 % 120 = 29.
    const size_t at = (size_t(29 * 2) * 320 + size_t(159 * 2)) * 4;
    CHECK(int(rgba[at]) == 0xff);
    CHECK(int(rgba[at + 1]) == 0);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("A display too small for the screens shows why instead of overlapping them", "[limits]") {
    // 320x240 at any size; 480x320 on a 3.5" panel, where 15 mm targets leave no room.
    for (const auto& [w, h, inches] : {std::tuple<int, int, float>{320, 240, 0.f}, {480, 320, 3.5f}}) {
        Kiosk k(w, h, kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary"), inches);
        CHECK_FALSE(k.view().exhibit_loaded());
        k.save("too-small");
    }
    Kiosk supported(800, 480, kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary"));
    CHECK(supported.view().exhibit_loaded());
}
