#include "window_run.h"

#include "base/log.h"
#include "base/printable.h"
#include "display_power.h"
#include "event_pump.h"
#include "event_wait.h"
#include "folder_watch.h"
#include "kiosk_view.h"
#include "service_notify.h"
#include "stop_signal.h"
#include "text/interface_strings.h"
#include "visit_log.h"
#include "wall_clock.h"

#include <SDL.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <glob.h>
#include <limits>
#include <memory>
#include <optional>

namespace platform {

namespace {

using kiosk::log_error;
using kiosk::log_info;
namespace from = kiosk::log_from;

// How often to look for a newly installed pack or a USB report when a folder
// cannot be watched (platform/folder_watch.h); otherwise only a change wakes it.
constexpr int64_t kWatchMs = 2000;
constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
// Opening hours are looked at again at their next boundary, but at least this
// often: that deadline runs on the steady clock, computed from the wall clock,
// which can move under it (a battery clock corrected by network time, a daylight
// saving change, an administrator's `date`). A move is noticed within this long.
constexpr int64_t kHoursRecheckMs = 10 * 60 * 1000;
// Until the clock can be trusted the exhibit stays on; network time may come at
// any moment, and the schedule applies within this long of it.
constexpr int64_t kUntrustedClockMs = 60 * 1000;

int64_t ticks() { return int64_t(SDL_GetTicks64()); }

// SDL, the window and its renderer; closed in reverse when it goes.
struct Window {
    SDL_Window* window = nullptr;
    SDL_Renderer* renderer = nullptr;
    bool kiosk_mode = false;
    bool vsync = false;
    int width = 0, height = 0;  // the renderer's output, in pixels

    Window() = default;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window() {
        if (renderer) SDL_DestroyRenderer(renderer);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

// In kiosk mode only the service manager (SIGTERM) or the staff PIN ends the
// program: SDL must not turn signals into SDL_QUIT, which a window manager's
// close or Alt+F4 also sends.
void take_signals() {
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    take_stop_signals();
}

// Whether the machine has a GPU the kernel drives (a /dev/dri/card* node).
// Without one, OpenGL can only be Mesa's software rasteriser: measured at
// 1920x1080 under Xvfb, 101 MiB PSS for the kiosk with SDL's OpenGL renderer on
// llvmpipe (its LLVM alone 21 MiB) against 25 MiB with SDL's own software
// renderer drawing straight into the window, which then also starts sooner.
bool has_gpu() {
    glob_t found{};
    const bool any = glob("/dev/dri/card*", 0, nullptr, &found) == 0 && found.gl_pathc > 0;
    globfree(&found);
    return any;
}

bool open_window(const kiosk::KioskOptions& options, Window& w) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        log_error(from::kDisplay, std::string("cannot open the display: ") + SDL_GetError());
        return false;
    }
    w.kiosk_mode = !options.windowed;
    const Uint32 flags = w.kiosk_mode ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_SHOWN;
    const int width = w.kiosk_mode ? 1280 : options.width, height = w.kiosk_mode ? 800 : options.height;
    // SDL_RENDER_DRIVER, when set, chooses as SDL documents it.
    const bool software_only = !has_gpu() && !SDL_GetHint(SDL_HINT_RENDER_DRIVER);
    if (software_only) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");  // no GL to present with either
    w.window = SDL_CreateWindow("Vitrine", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
    if (w.window && !software_only)
        w.renderer = SDL_CreateRenderer(w.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (w.window && !w.renderer) w.renderer = SDL_CreateRenderer(w.window, -1, SDL_RENDERER_SOFTWARE);
    if (!w.renderer) {
        log_error(from::kDisplay, std::string("cannot create the window: ") + SDL_GetError());
        return false;
    }
    if (w.kiosk_mode) SDL_ShowCursor(SDL_DISABLE);
    SDL_GetRendererOutputSize(w.renderer, &w.width, &w.height);
    return true;
}

// Only when the display asks for a repaint: the shown/hidden events at start-up
// would cost a frame for nothing.
bool asks_for_repaint(const SDL_Event& e) {
    return e.type == SDL_WINDOWEVENT &&
           (e.window.event == SDL_WINDOWEVENT_EXPOSED || e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            e.window.event == SDL_WINDOWEVENT_RESTORED);
}

// Milliseconds until the opening hours are looked at again. HELD: the hours say
// closed but a touch keeps the screen on for staff (kiosk::set_opening), which
// is asked again every kWatchMs until it lets the screen go black.
int64_t hours_recheck_ms(const kiosk::OpeningHours& hours, const kiosk::WallTime& wall, bool held) {
    if (held) return kWatchMs;
    if (!kiosk::clock_trusted(hours, wall)) return kUntrustedClockMs;
    const std::optional<int> minutes = kiosk::minutes_to_next_change(hours, wall);
    if (!minutes) return kHoursRecheckMs;
    return std::min<int64_t>((int64_t(*minutes) * 60 - wall.second) * 1000, kHoursRecheckMs);
}

// The main loop and everything it keeps between turns.
class MainLoop {
public:
    MainLoop(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, ExhibitSource& source,
             const std::string& font_dir, std::chrono::steady_clock::time_point started, Window& window)
            : options_(options),
              config_(config),
              source_(source),
              font_dir_(font_dir),
              started_(started),
              w_(window),
              display_power_(DisplayPower::for_window(window.window)) {
        for (const ExhibitSource::Folder& f : source_.folders_to_watch()) folders_.want(f.dir, f.names, f.noticed);
        // The first turn looks once (next_watch_ 0): anything that changed before
        // the folders were watched is seen then.
        if (!config_.hours.enabled) next_hours_ = kNever;
        waiter_.init(SDL_GetCurrentVideoDriver(), stop_signal_fd(),
                     {folders_.fd(), [this] { return folders_.drain(); }});
    }

    void log_display() const;
    int run(kiosk::PackLoadResult pack);

private:
    bool start(kiosk::PackLoadResult pack);
    void turn();
    void hang_for_tests(int64_t now) const;
    void watch(int64_t now);
    void check_hours(int64_t now);
    void switch_pack_if_quiet(int64_t now);
    void switch_pack(int64_t now);
    void follow_screen(const kiosk::TickResult& t, int64_t now);
    void draw(int64_t now);
    int wait_timeout(const kiosk::TickResult& t, int64_t now) const;
    void take_events(int timeout);
    int finish();
    // Staff see what the configuration got wrong at the start, and again
    // whenever a touch wakes the screen outside opening hours (a staff check).
    void show_config_note(int64_t at) {
        if (!config_.staff_note.empty()) view_->show_notice(config_.staff_note, true, at);
    }
    // systemctl status shows the exhibit on screen; a fleet tool checks it.
    std::string shown() const { return view_->pack().exhibit.id + " " + view_->pack().exhibit.version; }

    const kiosk::KioskOptions& options_;
    const kiosk::KioskConfig& config_;
    ExhibitSource& source_;
    const std::string& font_dir_;
    const std::chrono::steady_clock::time_point started_;
    Window& w_;
    kiosk::Display display_;
    FolderWatch folders_;  // before the wait, whose thread drains it
    EventWait waiter_;
    DisplayPower display_power_;
    ServiceNotifier service_;
    VisitLog visit_log_;
    std::unique_ptr<KioskView> view_;
    // --stats: one line at the first frame (with the waits' wakeups so far), and on
    // exit the frames presented (the first included), the waits' wakeups and the
    // seconds since the first frame.
    uint64_t frames_ = 0;
    std::chrono::steady_clock::time_point first_frame_;
    int64_t hang_at_ = -1;
    bool dirty_ = true;
    bool photos_pending_ = true;  // photographs whose cached sizes may still be missing
    bool closed_ = false;         // a window's close or Escape, outside kiosk mode
    bool was_off_ = false;
    bool new_pack_waiting_ = false;
    int64_t next_watch_ = 0;  // kNever while every folder is watched
    int64_t next_hours_ = 0;  // kNever without opening hours
};

void MainLoop::log_display() const {
    SDL_RendererInfo info;
    SDL_GetRendererInfo(w_.renderer, &info);
    char line[512];
    std::snprintf(line, sizeof line, "display %dx%d, video driver %s, renderer %s%s, idle wait: %s, power: %s",
                  w_.width, w_.height, SDL_GetCurrentVideoDriver(), info.name, w_.vsync ? " (vsync)" : "",
                  waiter_.strategy_name(),
                  display_power_.available() ? display_power_.how().c_str() : "a black frame only");
    log_info(from::kDisplay, line);
}

bool MainLoop::start(kiosk::PackLoadResult pack) {
    const float inches = options_.panel_inches > 0 ? options_.panel_inches : config_.panel_inches;
    display_ = {w_.width, w_.height, inches};
    std::string error;
    // Anonymous visitor counts go to the state folder when the kiosk may write
    // there (the service can; a developer's desktop usually cannot).
    if (w_.kiosk_mode && !visit_log_.open(config_.state_dir + "/stats.db", &error))
        kiosk::log_warning(from::kStats, "visitor statistics are off: " + error);
    view_ = std::make_unique<KioskView>();
    if (!view_->init(w_.renderer, display_, std::move(pack), config_, font_dir_, ticks(), &error)) {
        log_error(from::kApp, error);
        return false;
    }
    view_->set_photo_cache(kiosk::photo_cache_dir(config_));
    service_.ready(shown());
    // For the supervision test only: the loop stops turning after this long,
    // as a real hang would (a deadlock, a driver that never returns).
    if (const char* hang_env = std::getenv("VITRINE_TEST_HANG_AFTER_MS")) hang_at_ = ticks() + std::atoll(hang_env);
    show_config_note(ticks());
    return true;
}

int MainLoop::run(kiosk::PackLoadResult pack) {
    if (!start(std::move(pack))) return 1;
    while (!stop_requested() && !closed_ && !view_->exit_requested()) turn();
    return finish();
}

void MainLoop::turn() {
    const int64_t now = ticks();
    hang_for_tests(now);
    // Alive as long as this loop turns, drawing or not.
    service_.alive(now);
    if (waiter_.take_wake() || now >= next_watch_) watch(now);
    if (now >= next_hours_) check_hours(now);
    switch_pack_if_quiet(now);
    const kiosk::TickResult t = view_->tick(now);
    follow_screen(t, now);
    // The photo cache is filled for the photographs not shown yet, one a turn
    // and only at quiet moments, so later screens and starts never scale one.
    const bool prepared = photos_pending_ && view_->quiet(now) && view_->prepare_photos();
    if (!prepared && view_->quiet(now)) photos_pending_ = false;
    take_events(prepared ? 0 : wait_timeout(t, now));
}

void MainLoop::hang_for_tests(int64_t now) const {
    if (hang_at_ < 0 || now < hang_at_) return;
    log_error(from::kApp, "VITRINE_TEST_HANG_AFTER_MS: the main loop stops turning");
    while (!stop_requested()) SDL_Delay(100);
}

// A USB stick's report, a newly installed exhibit: when a watched folder changed,
// or every kWatchMs while one cannot be watched (a folder created since is
// watched from now on). The opening hours too, as the clock may have moved.
void MainLoop::watch(int64_t now) {
    next_watch_ = folders_.refresh() ? kNever : now + kWatchMs;
    if (const auto report = source_.check_usb_report()) {
        kiosk::log(report->problem ? kiosk::LogLevel::Warning : kiosk::LogLevel::Info, from::kPack, report->message);
        view_->show_notice(report->message, report->problem, now);
        dirty_ = true;
    }
    new_pack_waiting_ |= source_.check_for_new_pack();
    check_hours(now);
}

void MainLoop::check_hours(int64_t now) {
    if (!config_.hours.enabled) {
        next_hours_ = kNever;
        return;
    }
    const kiosk::WallTime wall = read_wall_time();
    const bool on = kiosk::should_be_on(config_.hours, wall);
    dirty_ |= view_->set_opening(on, now);
    next_hours_ = now + hours_recheck_ms(config_.hours, wall, !on && !view_->state().screen_off);
}

// A newly installed exhibit takes over at a quiet moment, in place: no restart,
// and never while someone is reading.
void MainLoop::switch_pack_if_quiet(int64_t now) {
    if (!new_pack_waiting_ || !view_->quiet(now)) return;
    new_pack_waiting_ = false;
    switch_pack(now);
    dirty_ = true;
    next_hours_ = std::min(next_hours_, now);  // a new view starts lit, even when closed
}

void MainLoop::switch_pack(int64_t now) {
    kiosk::PackLoadResult next = kiosk::load_pack(source_.dir(), pack_load_options(w_.width, w_.height));
    for (const kiosk::Diagnostic& d : next.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    auto replacement = std::make_unique<KioskView>();
    std::string error;
    const std::string dir = kiosk::printable(source_.dir(), 1024);
    if (!next.ok() || !replacement->init(w_.renderer, display_, std::move(next), config_, font_dir_, now, &error)) {
        log_error(from::kPack, dir + " could not be loaded; keeping the current exhibit");
        // Staff are addressed in English, as the journal is.
        view_->show_notice(kiosk::ui_text(kiosk::UiText::NoticeReloadFailed, "en"), true, now);
        return;
    }
    view_ = std::move(replacement);  // the old view's sound output closes first
    photos_pending_ = true;
    view_->set_photo_cache(kiosk::photo_cache_dir(config_));
    view_->open_sound();
    log_info(from::kPack, "switched to " + dir + " (" + kiosk::printable(view_->pack().exhibit.id) + " " +
                              kiosk::printable(view_->pack().exhibit.version) + ")");
    service_.send("STATUS=" + shown());
}

// The screen woken outside opening hours, the visitor counts, and a frame when
// something changed.
void MainLoop::follow_screen(const kiosk::TickResult& t, int64_t now) {
    const bool off = view_->state().screen_off;
    if (was_off_ && !off) {
        show_config_note(now);
        dirty_ = true;
        // Woken for staff while closed: black again kStaffWakeMs after the last touch.
        if (config_.hours.enabled) next_hours_ = std::min(next_hours_, now + kWatchMs);
    }
    was_off_ = off;
    if (visit_log_.is_open()) {
        // The date only when there is something to file under it: not every frame.
        const std::vector<kiosk::StatEvent> stats = view_->drain_stats();
        if (!stats.empty()) visit_log_.record(stats, VisitLog::today());
    }
    if (dirty_ || t.redraw || t.animating) draw(now);
}

void MainLoop::draw(int64_t now) {
    display_power_.before_frame(view_->state().screen_off);
    view_->render(now);
    SDL_RenderPresent(w_.renderer);  // paces animation at the display's rate
    display_power_.after_frame(view_->state().screen_off);
    dirty_ = false;
    // Sound opens once the first frame is up: nothing plays before a visitor's
    // first key, and opening the device takes a while (ALSA reads its whole
    // configuration) that the screen need not wait for.
    if (++frames_ == 1) view_->open_sound();
    if (frames_ != 1 || !options_.stats) return;
    first_frame_ = std::chrono::steady_clock::now();
    std::fprintf(stderr, "vitrine-stats: first_frame_ms=%.1f wakeups=%llu\n",
                 std::chrono::duration<double, std::milli>(first_frame_ - started_).count(),
                 static_cast<unsigned long long>(waiter_.wakeups()));
}

// Animating: look at input and go straight on to the next frame. Otherwise sleep
// until input arrives or the next timer is due: a frame or a state change
// (next_deadline), the opening hours' next boundary, the periodic watch when a
// folder cannot be watched, and the service's watchdog ping; with none of them
// it sleeps until input. A stop signal or a watched folder's change ends any wait
// (platform/stop_signal.h, platform/folder_watch.h).
int MainLoop::wait_timeout(const kiosk::TickResult& t, int64_t now) const {
    if (t.animating) return w_.vsync ? 0 : 16;
    int64_t due = std::min(next_watch_, next_hours_);
    if (t.next_deadline) due = std::min(due, *t.next_deadline);
    int64_t timeout = due == kNever ? kNever : std::max<int64_t>(due - now, 1);
    if (service_.ping_interval_ms() > 0) timeout = std::min<int64_t>(timeout, service_.ping_interval_ms());
    if (timeout == kNever) return EventWait::kForever;
    return int(std::min<int64_t>(timeout, std::numeric_limits<int>::max()));
}

void MainLoop::take_events(int timeout) {
    SDL_Event e;
    if (!waiter_.wait(timeout, e)) return;
    const int64_t woke = ticks();
    do {
        if (event_closes_program(e, w_.kiosk_mode))
            closed_ = true;
        else if (asks_for_repaint(e))
            dirty_ = true;
        else if (const auto in = to_input_event(e, w_.width, w_.height, woke))
            dirty_ |= view_->handle(*in);
    } while (SDL_PollEvent(&e));
}

int MainLoop::finish() {
    service_.send("STOPPING=1");
    display_power_.before_frame(false);  // whoever comes next finds the panel on
    int exit_code = 0;
    if (view_->exit_requested()) {
        log_info(from::kApp, "staff exit");
        exit_code = kExitStaff;
    }
    if (!options_.stats) return exit_code;
    const auto end = std::chrono::steady_clock::now();
    const double seconds = frames_ ? std::chrono::duration<double>(end - first_frame_).count() : 0;
    const double first_ms = frames_ ? std::chrono::duration<double, std::milli>(first_frame_ - started_).count() : -1;
    std::fprintf(stderr, "vitrine-stats: frames=%llu wakeups=%llu seconds=%.3f first_frame_ms=%.1f wait=%s\n",
                 static_cast<unsigned long long>(frames_), static_cast<unsigned long long>(waiter_.wakeups()), seconds,
                 first_ms, waiter_.strategy_key());
    return exit_code;
}

}  // namespace

int run_window(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, ExhibitSource& source,
               kiosk::PackLoadResult pack, const std::string& font_dir, std::chrono::steady_clock::time_point started) {
    take_signals();
    Window window;
    if (!open_window(options, window)) return 1;
    SDL_RendererInfo info;
    SDL_GetRendererInfo(window.renderer, &info);
    window.vsync = info.flags & SDL_RENDERER_PRESENTVSYNC;
    MainLoop loop(options, config, source, font_dir, started, window);
    loop.log_display();
    return loop.run(std::move(pack));
}

}  // namespace platform
