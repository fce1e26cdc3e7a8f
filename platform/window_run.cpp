#include "window_run.h"

#include "display_power.h"
#include "event_pump.h"
#include "event_wait.h"
#include "kiosk_view.h"
#include "base/printable.h"
#include "service_notify.h"
#include "visit_log.h"
#include "wall_clock.h"

#include <SDL.h>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <memory>

namespace platform {

namespace {

constexpr int kMaxWaitMs = 1000;
constexpr int64_t kWatchMs = 2000;  // how often to look for a newly installed pack or a USB report

volatile std::sig_atomic_t g_stop = 0;
void on_stop_signal(int) { g_stop = 1; }

}  // namespace

int run_window(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, ExhibitSource& source,
               kiosk::PackLoadResult pack,
               const std::string& font_dir, std::chrono::steady_clock::time_point started) {
    // In kiosk mode only the service manager (SIGTERM) or the staff PIN ends the
    // program: SDL must not turn signals into SDL_QUIT, which a window manager's
    // close or Alt+F4 also sends.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "vitrine: cannot open the display: %s\n", SDL_GetError());
        return 1;
    }
    const bool kiosk_mode = !options.windowed;
    const Uint32 flags = kiosk_mode ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN;
    const int w = kiosk_mode ? 1280 : options.width, h = kiosk_mode ? 800 : options.height;
    SDL_Window* window = SDL_CreateWindow("Vitrine", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC)
                                    : nullptr;
    if (window && !renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer) {
        std::fprintf(stderr, "vitrine: cannot create the window: %s\n", SDL_GetError());
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
        return 1;
    }
    if (kiosk_mode) SDL_ShowCursor(SDL_DISABLE);

    int out_w = 0, out_h = 0;
    SDL_GetRendererOutputSize(renderer, &out_w, &out_h);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(renderer, &info);
    const bool vsync = info.flags & SDL_RENDERER_PRESENTVSYNC;
    EventWait waiter;
    waiter.init(SDL_GetCurrentVideoDriver());
    DisplayPower display_power = DisplayPower::for_window(window);
    std::fprintf(stderr, "vitrine: display %dx%d, video driver %s, renderer %s%s, idle wait: %s, power: %s\n", out_w,
                 out_h, SDL_GetCurrentVideoDriver(), info.name, vsync ? " (vsync)" : "", waiter.strategy_name(),
                 display_power.available() ? display_power.how().c_str() : "a black frame only");

    int exit_code = 0;
    {
        const float inches = options.panel_inches > 0 ? options.panel_inches : config.panel_inches;
        const kiosk::Display display{out_w, out_h, inches};
        auto view = std::make_unique<KioskView>();
        std::string error;
        // Anonymous visitor counts go to the state folder when the kiosk may write
        // there (the service can; a developer's desktop usually cannot).
        VisitLog visit_log;
        if (kiosk_mode && !visit_log.open(config.state_dir + "/stats.db", &error))
            std::fprintf(stderr, "vitrine: visitor statistics are off: %s\n", error.c_str());
        if (!view->init(renderer, display, std::move(pack), config, font_dir, int64_t(SDL_GetTicks64()), &error)) {
            std::fprintf(stderr, "vitrine: %s\n", error.c_str());
            exit_code = 1;
        } else {
            // --stats: one line at the first frame, and on exit the frames presented
            // (the first included), the waits' wakeups and the seconds since the first frame.
            uint64_t frames = 0;
            std::chrono::steady_clock::time_point first_frame;
            ServiceNotifier service;
            // systemctl status shows the exhibit on screen; a fleet tool checks it.
            const auto shown = [&] { return view->pack().exhibit.id + " " + view->pack().exhibit.version; };
            service.ready(shown());
            // For the supervision test only: the loop stops turning after this long,
            // as a real hang would (a deadlock, a driver that never returns).
            const char* hang_env = std::getenv("VITRINE_TEST_HANG_AFTER_MS");
            const int64_t hang_at = hang_env ? int64_t(SDL_GetTicks64()) + std::atoll(hang_env) : -1;
            bool dirty = true;
            // Staff see what the configuration got wrong at the start, and again
            // whenever a touch wakes the screen outside opening hours (a staff check).
            const auto show_config_note = [&](int64_t at) {
                if (!config.staff_note.empty()) view->show_notice(config.staff_note, true, at);
            };
            show_config_note(int64_t(SDL_GetTicks64()));
            bool was_off = false;
            bool new_pack_waiting = false;
            int64_t next_watch = 0;
            while (!g_stop && !view->exit_requested()) {
                const int64_t now = int64_t(SDL_GetTicks64());
                if (hang_at >= 0 && now >= hang_at) {
                    std::fprintf(stderr, "vitrine: VITRINE_TEST_HANG_AFTER_MS: the main loop stops turning\n");
                    while (!g_stop) SDL_Delay(100);
                }
                // Alive as long as this loop turns, drawing or not.
                service.alive(now);
                if (now >= next_watch) {
                    next_watch = now + kWatchMs;
                    if (const auto report = source.check_usb_report()) {
                        std::fprintf(stderr, "vitrine: %s\n", report->message.c_str());
                        view->show_notice(report->message, report->problem, now);
                        dirty = true;
                    }
                    new_pack_waiting |= source.check_for_new_pack();
                    if (config.hours.enabled)
                        dirty |= view->set_opening(kiosk::should_be_on(config.hours, read_wall_time()), now);
                }
                // A newly installed exhibit takes over at a quiet moment, in place:
                // no restart, and never while someone is reading.
                if (new_pack_waiting && view->quiet(now)) {
                    new_pack_waiting = false;
                    kiosk::PackLoadResult next = kiosk::load_pack(source.dir(), pack_load_options(out_w, out_h));
                    for (const kiosk::Diagnostic& d : next.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
                    auto replacement = std::make_unique<KioskView>();
                    if (next.ok() && replacement->init(renderer, display, std::move(next), config, font_dir, now, &error)) {
                        view = std::move(replacement);
                        std::fprintf(stderr, "vitrine: switched to %s (%s %s)\n",
                                     kiosk::printable(source.dir(), 1024).c_str(),
                                     kiosk::printable(view->pack().exhibit.id).c_str(),
                                     kiosk::printable(view->pack().exhibit.version).c_str());
                        service.send("STATUS=" + shown());
                        dirty = true;
                    } else {
                        std::fprintf(stderr, "vitrine: %s could not be loaded; keeping the current exhibit\n",
                                     kiosk::printable(source.dir(), 1024).c_str());
                        view->show_notice("The new exhibit could not be loaded; the current one stays.", true, now);
                        dirty = true;
                    }
                }
                const kiosk::TickResult t = view->tick(now);
                if (was_off && !view->state().screen_off) {
                    show_config_note(now);
                    dirty = true;
                }
                was_off = view->state().screen_off;
                if (visit_log.is_open()) {
                    // The date only when there is something to file under it: not every frame.
                    const std::vector<kiosk::StatEvent> stats = view->drain_stats();
                    if (!stats.empty()) visit_log.record(stats, VisitLog::today());
                }
                if (dirty || t.redraw || t.animating) {
                    display_power.before_frame(view->state().screen_off);
                    view->render(now);
                    SDL_RenderPresent(renderer);  // paces animation at the display's rate
                    display_power.after_frame(view->state().screen_off);
                    dirty = false;
                    if (++frames == 1 && options.stats) {
                        first_frame = std::chrono::steady_clock::now();
                        std::fprintf(stderr, "vitrine-stats: first_frame_ms=%.1f\n",
                                     std::chrono::duration<double, std::milli>(first_frame - started).count());
                    }
                }
                // Animating: look at input and go straight on to the next frame.
                // Otherwise sleep until input arrives or the next timer is due.
                // Never longer than a second: a stop signal does not interrupt SDL's
                // own wait, and one wakeup a second is nothing to an idle board.
                int timeout = t.animating ? (vsync ? 0 : 16) : kMaxWaitMs;
                if (!t.animating && t.next_deadline)
                    timeout = int(std::clamp<int64_t>(*t.next_deadline - now, 1, kMaxWaitMs));
                if (!t.animating) timeout = int(std::clamp<int64_t>(next_watch - now, 1, timeout));
                if (service.ping_interval_ms() > 0) timeout = int(std::min<int64_t>(timeout, service.ping_interval_ms()));
                SDL_Event e;
                if (!waiter.wait(timeout, e)) continue;
                const int64_t woke = int64_t(SDL_GetTicks64());
                do {
                    if (event_closes_program(e, kiosk_mode)) {
                        g_stop = 1;
                    } else if (e.type == SDL_WINDOWEVENT && (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                                             e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                                                             e.window.event == SDL_WINDOWEVENT_RESTORED)) {
                        // Only when the display asks for a repaint: the shown/hidden
                        // events at start-up would cost a frame for nothing.
                        dirty = true;
                    } else if (const auto in = to_input_event(e, out_w, out_h, woke)) {
                        dirty |= view->handle(*in);
                    }
                } while (SDL_PollEvent(&e));
            }
            service.send("STOPPING=1");
            display_power.before_frame(false);  // whoever comes next finds the panel on
            if (view->exit_requested()) {
                std::fprintf(stderr, "vitrine: staff exit\n");
                exit_code = kExitStaff;
            }
            if (options.stats) {
                const auto end = std::chrono::steady_clock::now();
                const double seconds = frames ? std::chrono::duration<double>(end - first_frame).count() : 0;
                const double first_ms =
                    frames ? std::chrono::duration<double, std::milli>(first_frame - started).count() : -1;
                std::fprintf(stderr, "vitrine-stats: frames=%llu wakeups=%llu seconds=%.3f first_frame_ms=%.1f wait=%s\n",
                             static_cast<unsigned long long>(frames), static_cast<unsigned long long>(waiter.wakeups()),
                             seconds, first_ms, waiter.strategy_key());
            }
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return exit_code;
}

}  // namespace platform
