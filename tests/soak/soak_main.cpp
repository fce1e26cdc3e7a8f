// vitrine-soak: hours of a kiosk's life in minutes. The real kiosk (KioskView on
// SDL's software renderer, as `vitrine --headless --replay` and the golden tests
// drive it) runs at 60 frames a second of virtual time while a random visitor
// (soak_monkey.h) taps, drags, flings, pinches, puts a palm on the glass, loses
// finger-ups, touches during transitions and walks away for long enough to see the
// idle countdown, the attract loop and the reset for the next visitor.
//
//   vitrine-soak [--frames N] [--seed S] [--size WxH] [--render-every N]
//                [--progress N] [--max-rss-growth-kb K]
//
// First a scripted tour goes once through every screen and visitor setting and the
// attract loop, so memory kept after first use is in place; then the N frames.
// Every frame: the due touch events, the kiosk's tick, and, when the kiosk says
// the screen changed or animates, the frame's draw list (KioskView::build); every
// Nth such frame is drawn through SDL's software renderer (KioskView::render).
// After every idle reset (the first touch on the attract loop) it checks the
// kiosk is back in a pristine Explore, at once and again a second later (what
// tests/core/idle_test.cpp asserts, and a little more). Resident memory (VmRSS) is
// read after the warm-up (10% of the frames) and at the end.
//
// Exit status: 0 when every check held and resident memory grew by at most
// K KB (default 1024) after the warm-up; 1 otherwise; 2 usage error. Under
// AddressSanitizer the growth is printed but not checked by default (its
// quarantine holds freed memory); LeakSanitizer checks for leaks at exit.
//
// VmRSS also counts what glibc's allocator keeps after freeing large blocks; the
// kiosk fixes the mmap threshold so it gives them back
// (platform/process_memory.h), and so does this program. The "malloc'd in use"
// line (mallinfo2) tells such growth apart from a leak.
#include "kiosk_view.h"
#include "offscreen.h"
#include "pack/pack_loader.h"
#include "process_memory.h"
#include "soak_monkey.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <string>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define VITRINE_SOAK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VITRINE_SOAK_ASAN 1
#endif
#endif
#ifndef VITRINE_SOAK_ASAN
#define VITRINE_SOAK_ASAN 0
#endif

namespace {

using kiosk::Screen;

// Bytes the program holds from malloc (glibc's count): a leak grows it; memory
// the allocator keeps after a large temporary buffer does not.
long heap_kb() {
#if !VITRINE_SOAK_ASAN && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    return long(mallinfo2().uordblks / 1024);  // (ASan's allocator does not fill it in)
#else
    return -1;
#endif
}

long rss_kb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
    return -1;
}

const char* usage =
    "usage: vitrine-soak [--frames N] [--seed S] [--size WxH] [--render-every N] [--max-rss-growth-kb K]\n"
    "  --frames N             frames of virtual time at 60 fps (default 1000000, about 4.6 h)\n"
    "  --uptime-days D        spread the frames over D days of uptime: every 20000 frames the\n"
    "                         last visitor leaves, the kiosk closes (screen off) and opens days later\n"
    "  --seed S               the random visitor's seed (default 1)\n"
    "  --size WxH             the display (default 1280x800)\n"
    "  --render-every N       draw every Nth frame that changed through the software renderer;\n"
    "                         the others only build their draw lists (default 60; 1: all)\n"
    "  --progress N           a progress line on stderr every N frames (default 100000)\n"
    "  --max-rss-growth-kb K  fail when resident memory grows more than K KB after the\n"
    "                         warm-up (default 1024; -1: report only, the default under ASan)\n";

// What a visitor finds after the reset: what tests/core/idle_test.cpp asserts of
// a pristine Explore (screen, selection, scroll, zoom, quote, settings, cluster
// list, no countdown), compared with a freshly made state, and nothing held over
// from the last visitor: no fingers, drags, PIN pad or settings panel.
std::vector<std::string> pristine_problems(const platform::KioskView& view, int64_t now_ms) {
    const kiosk::ExhibitState& s = view.state();
    const kiosk::ExhibitState fresh = kiosk::initial_state(view.ui(), now_ms);
    std::vector<std::string> p;
    auto check = [&](bool ok, const std::string& what) {
        if (!ok) p.push_back(what);
    };
    check(s.screen == Screen::Explore, std::string("screen is ") + kiosk::screen_name(s.screen) + ", not explore");
    check(s.selected_event == 0, "selected event " + std::to_string(s.selected_event));
    check(s.strip.offset() == fresh.strip.offset(), "strip offset " + std::to_string(s.strip.offset()));
    check(s.card.offset() == fresh.card.offset(), "card offset " + std::to_string(s.card.offset()));
    check(s.about.offset() == fresh.about.offset(), "about offset " + std::to_string(s.about.offset()));
    check(!s.strip.moving() && !s.card.moving() && !s.about.moving(), "a scroll still moving");
    check(s.photo.zoom == 1 && s.photo.pan_x == 0 && s.photo.pan_y == 0, "photo zoom " + std::to_string(s.photo.zoom));
    check(s.quote == 0, "quote " + std::to_string(s.quote));
    check(s.visitor == kiosk::VisitorSettings{}, "visitor settings not reset");
    check(!s.settings_open, "settings panel open");
    check(s.open_cluster == -1, "cluster list open");
    check(!kiosk::countdown_visible(s, view.pack()), "countdown visible");
    check(!s.pin_open && s.pin_entered.empty() && s.corner_holds.empty(), "staff PIN state left over");
    check(!s.dragging_strip && !s.dragging_card && !s.dragging_about, "a drag left over");
    check(s.gestures.touches().empty() && !s.gestures.busy(), "fingers left in the gesture recogniser");
    check(!s.exit_requested, "exit requested");
    return p;
}

// ", large text", for the progress lines; "" for the standard size.
const char* text_size_name(kiosk::TextSize size) {
    return size == kiosk::TextSize::Large        ? ", large text"
           : size == kiosk::TextSize::ExtraLarge ? ", extra-large text"
                                                 : "";
}

}  // namespace

int main(int argc, char** argv) {
    platform::keep_large_blocks_returnable();  // as the kiosk's own main does
    long long frames = 1000000;
    unsigned long seed = 1;
    int width = 1280, height = 800;
    long render_every = 60;
    long long progress = 100000;
    long max_growth_kb = VITRINE_SOAK_ASAN ? -1 : 1024;
    double uptime_days = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* v = i + 1 < argc ? argv[i + 1] : nullptr;
        if (a == "--help" || a == "-h") {
            std::fputs(usage, stdout);
            return 0;
        }
        if (!v) {
            std::fprintf(stderr, "vitrine-soak: %s needs a value\n%s", a.c_str(), usage);
            return 2;
        }
        char* end = nullptr;
        if (a == "--frames")
            frames = std::strtoll(v, &end, 10);
        else if (a == "--seed")
            seed = std::strtoul(v, &end, 10);
        else if (a == "--progress")
            progress = std::strtoll(v, &end, 10);
        else if (a == "--render-every")
            render_every = std::strtol(v, &end, 10);
        else if (a == "--max-rss-growth-kb")
            max_growth_kb = std::strtol(v, &end, 10);
        else if (a == "--uptime-days")
            uptime_days = std::strtod(v, &end);
        else if (a == "--size") {
            if (std::sscanf(v, "%dx%d", &width, &height) != 2 || width < 320 || height < 240)
                end = nullptr;
            else
                end = const_cast<char*>(v + std::strlen(v));
        } else {
            std::fprintf(stderr, "vitrine-soak: unknown option %s\n%s", a.c_str(), usage);
            return 2;
        }
        if (!end || *end != '\0' || frames < 10 || render_every < 1 || progress < 1 || uptime_days < 0 ||
            uptime_days > 100000) {
            std::fprintf(stderr, "vitrine-soak: bad value for %s: %s\n%s", a.c_str(), v, usage);
            return 2;
        }
        ++i;
    }

    const auto wall_start = std::chrono::steady_clock::now();
    kiosk::KioskConfig config;
    config.staff_pin = "97531864";  // the PIN pad opens now and then; the monkey never finds this
    // As platform::ScriptedKiosk opens it (and `vitrine --headless`): an
    // off-screen surface with SDL's software renderer and the kiosk on it.
    platform::Offscreen target;
    platform::KioskView view;
    std::string error;
    if (!target.create(width, height, &error) ||
        !view.init(target.renderer(), kiosk::Display{width, height, config.panel_inches},
                   kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary", platform::pack_load_options(width, height)),
                   config, VITRINE_FONT_DIR, 0, &error)) {
        std::fprintf(stderr, "vitrine-soak: %s\n", error.c_str());
        return 1;
    }
    if (!view.exhibit_loaded()) {
        std::fprintf(stderr, "vitrine-soak: the bundled exhibit did not load\n");
        return 1;
    }
    const int64_t idle_ms = kiosk::idle_timeout_ms(view.pack());
    soak::Monkey monkey(uint32_t(seed), width, height, idle_ms);

    std::vector<std::string> failures;
    uint64_t failure_count = 0;
    auto fail = [&](long long frame, int64_t t, const std::string& what) {
        ++failure_count;
        if (failures.size() < 20)
            failures.push_back("frame " + std::to_string(frame) + " (t=" + std::to_string(t) + " ms): " + what);
    };

    const long long warmup_frame = frames / 10;
    long rss_warmup = -1, heap_warmup = -1, rss_half = -1;
    uint64_t built = 0, rendered = 0, drawn = 0, idle_resets = 0, attract_entries = 0, countdowns = 0;
    bool woke_from_attract = false;
    Screen last_screen = view.state().screen;
    bool last_countdown = false;
    std::vector<kiosk::InputEvent> due;
    const int events_total = int(view.pack().events.size()), quotes_total = int(view.pack().quotes.size());

    // The tour: every screen and visitor setting once, in every language (each step's end and every 60th
    // changed frame drawn by the software renderer) and the attract loop, so the memory the kiosk
    // keeps after first use (textures, fonts baked at the large size, the allocator's
    // pools) is in use before the warm-up figure is taken.
    long long tour_frames = 0;
    {
        std::vector<std::pair<int64_t, kiosk::InputEvent>> script;
        int64_t at = 500;
        auto ev = [&](kiosk::InputEvent::Type type, int finger, float x, float y, int64_t when) {
            kiosk::InputEvent e;
            e.type = type;
            e.finger = finger;
            e.x = x;
            e.y = y;
            e.time_ms = when;
            script.push_back({when, e});
        };
        auto tap_at = [&](const kiosk::Rect& r) {
            ev(kiosk::InputEvent::Type::Down, 0, r.x + r.w / 2, r.y + r.h / 2, at);
            ev(kiosk::InputEvent::Type::Up, 0, r.x + r.w / 2, r.y + r.h / 2, at + 60);
            at += 800;
        };
        auto tour_frame = [&](int64_t until) {
            while (tour_frames * 1000 / 60 < until) {
                ++tour_frames;
                const int64_t t = tour_frames * 1000 / 60;
                for (auto& [when, e] : script)
                    if (when <= t && when > (tour_frames - 1) * 1000 / 60) view.handle(e);
                const kiosk::TickResult r = view.tick(t);
                if ((r.redraw || r.animating) && tour_frames % 60 == 0) {
                    view.render(t);
                    SDL_RenderFlush(target.renderer());
                } else if (r.redraw || r.animating) {
                    view.build(t);
                }
            }
        };
        // The layouts change with the text size, so the tour goes one step at a time.
        auto step = [&](auto&& add) {
            script.clear();
            at += 100;  // after the frame the last step ended on
            add();
            tour_frame(at);
            view.render(tour_frames * 1000 / 60);  // each step's end drawn in full
            SDL_RenderFlush(target.renderer());
            if (std::getenv("VITRINE_SOAK_TRACE"))
                std::fprintf(stderr, "tour: t=%lld sel %d n %zu %s%s%s%s RSS %ld KB\n", (long long)at,
                             view.state().selected_event, script.size(), kiosk::screen_name(view.state().screen),
                             text_size_name(view.state().visitor.text_size),
                             view.state().settings_open ? " settings" : "",
                             view.state().visitor.high_contrast ? " contrast" : "", rss_kb());
        };
        const auto& L = [&]() -> const kiosk::ScreenLayouts& { return view.layouts(); };
        // Every language too: each one's glyphs, shapings and layouts are kept once used.
        const size_t language_count = std::max<size_t>(1, L().settings.languages.size());
        for (size_t language = 0; language < language_count; ++language)
            for (int size = 0; size < int(kiosk::TextSize::Count); ++size) {
                if (size == 0 && language > 0) {
                    step([&] { tap_at(L().explore.button_hit[int(kiosk::Button::Settings)]); });
                    step([&] { tap_at(L().settings.languages[language]); });
                    step([&] { tap_at(L().settings.close); });
                }
                step([&] { tap_at(L().explore.button_hit[int(kiosk::Button::Next)]); });
                step([&] { tap_at(L().explore.photo_frame); });
                step([&] {
                    const kiosk::Rect& r = L().photo.image_area;
                    const float cx = r.x + r.w / 2, cy = r.y + r.h / 2;
                    ev(kiosk::InputEvent::Type::Down, 1, cx - 30, cy, at);
                    ev(kiosk::InputEvent::Type::Down, 2, cx + 30, cy, at + 10);
                    for (int i = 1; i <= 20; ++i) {
                        ev(kiosk::InputEvent::Type::Move, 1, cx - 30 - 10.f * float(i), cy, at + 10 + 16 * i);
                        ev(kiosk::InputEvent::Type::Move, 2, cx + 30 + 10.f * float(i), cy, at + 18 + 16 * i);
                    }
                    ev(kiosk::InputEvent::Type::Up, 1, cx - 230, cy, at + 400);
                    ev(kiosk::InputEvent::Type::Up, 2, cx + 230, cy, at + 410);
                    at += 1200;
                });
                step([&] { tap_at(L().photo.bar.back); });
                step([&] { tap_at(L().explore.button_hit[int(kiosk::Button::Voices)]); });
                step([&] { tap_at(L().voices.next); });
                step([&] { tap_at(L().voices.bar.back); });
                step([&] { tap_at(L().explore.button_hit[int(kiosk::Button::About)]); });
                step([&] { tap_at(L().about.bar.back); });
                step([&] { tap_at(L().explore.button_hit[int(kiosk::Button::Settings)]); });
                step([&] { tap_at(L().settings.high_contrast); });
                step([&] { tap_at(L().settings.high_contrast); });
                step([&] { tap_at(L().settings.speech); });
                step([&] { tap_at(L().settings.speech); });
                // Standard, large, extra large, and back to standard.
                step([&] { tap_at(L().settings.text_sizes[(size + 1) % int(kiosk::TextSize::Count)]); });
                step([&] { tap_at(L().settings.close); });
            }
        // Left alone: the countdown, the attract loop (drawn at its own pace), a wake.
        at += idle_ms + kiosk::kCountdownMs + 15000;
        step([&] { tap_at(kiosk::Rect{float(width) / 2, float(height) / 2, 1, 1}); });
        at += 2000;
        tour_frame(at);
        const kiosk::ExhibitState& s = view.state();
        if (s.screen != Screen::Explore || s.visitor != kiosk::VisitorSettings{})
            fail(0, at,
                 std::string("the warm-up tour did not end in a fresh Explore (screen ") +
                     kiosk::screen_name(s.screen) + ")");
    }
    const long rss_after_tour = rss_kb();

    // --uptime-days: every so often the last visitor leaves and the museum closes
    // (the screen goes off, the loop sleeps) and opens again days later, so the
    // kiosk's clock runs through months of uptime and past SDL's 32-bit wrap
    // (2^32 ms, 49.7 days) several times in one run.
    const long long frames_per_opening = 20000;  // 5.6 minutes of visits between closings
    // One opening fewer than fits, so the last closing has room to find an attract loop.
    const long long closings_planned = uptime_days > 0 ? std::max(1LL, frames / frames_per_opening - 1) : 0;
    const int64_t visit_ms = (tour_frames + frames) * 1000 / 60;
    const int64_t closed_ms =
        closings_planned ? std::max<int64_t>(3600000, (int64_t(uptime_days * 86400000.0) - visit_ms) / closings_planned)
                         : 0;
    int64_t skipped_ms = 0;
    long long closings = 0, next_closing_frame = frames_per_opening;

    for (long long frame = 1; frame <= frames; ++frame) {
        int64_t t = (tour_frames + frame) * 1000 / 60 + skipped_ms;
        if (closings < closings_planned && frame >= next_closing_frame) monkey.hold();
        if (closings < closings_planned && monkey.idle() && t >= view.state().last_input_ms + kiosk::kStaffWakeMs) {
            // Closing time, once the last visitor has left (the screen waits for
            // staff a while after any touch): the screen goes off, nothing is
            // drawn until opening.
            view.set_opening(false, t);
            view.tick(t);
            if (!view.state().screen_off) fail(frame, t, "the screen did not go off at closing");
            skipped_ms += closed_ms;
            t += closed_ms;
            view.tick(t);
            view.set_opening(true, t);
            if (view.state().screen_off) fail(frame, t, "the screen did not come on at opening");
            // Opening shows the fresh Explore the closing left; nobody has touched
            // it for days, so the next tick may start the attract loop at once.
            for (const std::string& p : pristine_problems(view, t)) fail(frame, t, "at opening: " + p);
            view.tick(t);
            monkey.reopened(t);
            last_screen = view.state().screen;
            ++closings;
            next_closing_frame += frames_per_opening;  // a late closing does not push the next ones back
        }
        monkey.plan(t, view.layouts(), view.state());
        due.clear();
        monkey.take_due(t, due);
        bool changed = false;
        for (const kiosk::InputEvent& e : due) {
            const Screen before = view.state().screen;
            changed |= view.handle(e);
            if (before == Screen::Attract && view.state().screen != Screen::Attract) {
                // The first touch on the attract loop: a fresh Explore, at once.
                if (!monkey.wake_pending() || e.time_ms != monkey.wake_at_ms())
                    fail(frame, t, "the attract loop woke from an event other than the wake tap");
                woke_from_attract = true;
                for (const std::string& p : pristine_problems(view, e.time_ms))
                    fail(frame, t, "at the wake touch: " + p);
            }
        }
        const kiosk::TickResult r = view.tick(t);
        const kiosk::ExhibitState& s = view.state();

        if (s.screen == Screen::Attract && last_screen != Screen::Attract) ++attract_entries;
        last_screen = s.screen;
        const bool countdown = kiosk::countdown_visible(s, view.pack());
        if (countdown && !last_countdown) ++countdowns;
        last_countdown = countdown;

        // What the hostile input test holds at every step.
        if (s.selected_event < 0 || s.selected_event >= events_total) fail(frame, t, "selected event out of range");
        if (!(s.photo.zoom >= 1 && s.photo.zoom <= 4))
            fail(frame, t, "zoom out of range: " + std::to_string(s.photo.zoom));
        if (s.quote < 0 || s.quote >= quotes_total) fail(frame, t, "quote out of range");
        if (s.exit_requested) fail(frame, t, "the kiosk asked to exit");

        // A second after the wake tap, with nobody touching: still pristine.
        if (monkey.wake_pending() && t >= monkey.wake_at_ms() + soak::Monkey::kSettleMs) {
            if (!woke_from_attract) {
                fail(frame, t,
                     std::string("a long idle gap did not end in the attract loop (screen ") +
                         kiosk::screen_name(s.screen) + ")");
            } else {
                ++idle_resets;
                for (const std::string& p : pristine_problems(view, t)) fail(frame, t, "a second after waking: " + p);
            }
            woke_from_attract = false;
            monkey.wake_checked();
        }

        // Draw as the kiosk's loop does: only when something changed or moves.
        if (changed || r.redraw || r.animating) {
            ++drawn;
            if (drawn % uint64_t(render_every) == 0) {
                view.render(t);
                SDL_RenderFlush(target.renderer());
                ++rendered;
            } else {
                view.build(t);
                ++built;
            }
        }

        if (frame == frames / 2) rss_half = rss_kb();
        if (frame == warmup_frame) {
            rss_warmup = rss_kb();
            heap_warmup = heap_kb();
        }
        if (frame % progress == 0)
            std::fprintf(stderr, "vitrine-soak: %lld/%lld frames, %llu idle resets, RSS %ld KB, screen %s%s%s\n", frame,
                         frames, (unsigned long long)idle_resets, rss_kb(), kiosk::screen_name(s.screen),
                         text_size_name(s.visitor.text_size), s.visitor.high_contrast ? ", high contrast" : "");
    }
    const long rss_end = rss_kb(), heap_end = heap_kb();
    const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
    const long growth = rss_end - rss_warmup;
    const soak::MonkeyCounts& c = monkey.counts();

    std::printf("vitrine-soak: seed %lu, %dx%d, %s build%s\n", seed, width, height,
#ifdef NDEBUG
                "optimised",
#else
                "debug",
#endif
                VITRINE_SOAK_ASAN ? " with AddressSanitizer" : "");
    std::printf("frames                %lld\n", frames);
    std::printf("virtual hours         %.2f of visits at 60 fps\n", double(frames) / 60.0 / 3600.0);
    if (closings_planned)
        std::printf(
            "uptime                %.1f days: %lld closings of %.1f days each (screen off), the clock at\n"
            "                      %lld ms at the end, past SDL's 32-bit wrap %lld times\n",
            double(visit_ms + skipped_ms) / 86400000.0, closings, double(closed_ms) / 86400000.0,
            (long long)(visit_ms + skipped_ms), (long long)((visit_ms + skipped_ms) >> 32));
    std::printf("events injected       %llu\n", (unsigned long long)c.events);
    std::printf(
        "  gestures            %llu taps, %llu double taps, %llu long presses, %llu drags, %llu flings, %llu pinches,\n"
        "                      %llu palms, %llu lost finger-ups, %llu two-visitor, %llu transition bursts, %llu staff "
        "corners\n",
        (unsigned long long)c.taps, (unsigned long long)c.double_taps, (unsigned long long)c.long_presses,
        (unsigned long long)c.drags, (unsigned long long)c.flings, (unsigned long long)c.pinches,
        (unsigned long long)c.palms, (unsigned long long)c.lost_ups, (unsigned long long)c.two_visitors,
        (unsigned long long)c.transition_bursts, (unsigned long long)c.staff_corners);
    std::printf("  idle gaps           %llu short, %llu into the countdown, %llu long (attract)\n",
                (unsigned long long)c.short_gaps, (unsigned long long)c.countdown_gaps,
                (unsigned long long)c.long_gaps);
    std::printf("countdowns shown      %llu\n", (unsigned long long)countdowns);
    std::printf("attract loops         %llu\n", (unsigned long long)attract_entries);
    std::printf("idle resets checked   %llu\n", (unsigned long long)idle_resets);
    std::printf("frames drawn          %llu (%llu draw lists built, %llu rendered by the software renderer)\n",
                (unsigned long long)drawn, (unsigned long long)built, (unsigned long long)rendered);
    std::printf(
        "RSS after the tour    %ld KB (%lld frames through every screen and setting, every 60th drawn, and each step's "
        "end)\n",
        rss_after_tour, tour_frames);
    std::printf("RSS at warm-up        %ld KB (frame %lld)\n", rss_warmup, warmup_frame);
    std::printf("RSS half-way          %ld KB (frame %lld)\n", rss_half, frames / 2);
    std::printf("RSS at end            %ld KB\n", rss_end);
    std::printf("RSS growth            %ld KB (limit %s)\n", growth,
                max_growth_kb < 0 ? "none: report only" : (std::to_string(max_growth_kb) + " KB").c_str());
    if (heap_warmup > 0 && heap_end > 0)  // 0 under valgrind, whose allocator replaces glibc's
        std::printf(
            "malloc'd in use       %ld KB at warm-up, %ld KB at end (growth %ld KB; glibc mallinfo2, for diagnosis)\n",
            heap_warmup, heap_end, heap_end - heap_warmup);
    std::printf("wall seconds          %.1f (%.0f frames/s)\n", wall_s, double(frames) / wall_s);
    std::printf("check failures        %llu\n", (unsigned long long)failure_count);
    for (const std::string& f : failures) std::printf("FAILED %s\n", f.c_str());

    bool ok = failure_count == 0;
    if (closings < closings_planned) {
        std::printf("FAILED only %lld of %lld closings happened (the last visitor never left)\n", closings,
                    closings_planned);
        ok = false;
    }
    if (max_growth_kb >= 0 && (rss_warmup < 0 || rss_end < 0 || growth > max_growth_kb)) {
        std::printf("FAILED resident memory grew by %ld KB after the warm-up (limit %ld KB)\n", growth, max_growth_kb);
        ok = false;
    }
    std::printf("%s\n", ok ? "soak: ok" : "soak: FAILED");
    std::fflush(stdout);
    return ok ? 0 : 1;
}
