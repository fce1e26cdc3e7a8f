// vitrine-bench: the kiosk's figures on this machine, printed as one plain-text
// table. It asserts nothing about time (the figures are the machine's as much as
// the kiosk's), so it is not a CTest test. Run it from a Release build:
//
//   build/release/tests/vitrine-bench [--full] [--vitrine PATH]
//
// By default a quick run, a few minutes on two cores, so it is run before a
// commit: fewer frames per figure, no 3840x2160 frames through the software
// renderer, a shorter session. --full measures everything at length.
//
//   1. Cold start: `vitrine` as a child process, a headless screenshot (fork to
//      exit) and a window under SDL's offscreen video driver (its --stats
//      first_frame_ms, from the start of main() to the first present).
//   2. Frame CPU time (this thread's CPU clock) replaying a timeline fling and a
//      photo pinch in process, through platform::KioskView and SDL's software
//      renderer: the whole frame (tick, build, render) and its building alone;
//      then through SDL's OpenGL ES 2 renderer (a board's), under the offscreen
//      video driver and Mesa's EGL: this thread's CPU and every thread's, as
//      llvmpipe rasterises in threads of its own where a board has a GPU.
//   3. Memory after start and after a session (10 000 frames with --full).
//   4. Idle: the real kiosk left alone for 10 s with each idle-wait strategy.
//   5. The text engine per language.
//   6. Speech: eSpeak NG's start (CPU, resident memory), and the CPU to make
//      what the first key says, an event card, a quote and About, against the
//      seconds of speech each gives.
//
// Progress goes to stderr, the table to stdout.
#include "bench_process.h"
#include "kiosk_view.h"
#include "offscreen.h"
#include "pack/pack_loader.h"
#include "process_memory.h"
#include "speech_player.h"
#include "startup_count.h"
#include "state/focus.h"
#include "state/spoken_text.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <poll.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#ifndef VITRINE_BUILD_TYPE
#define VITRINE_BUILD_TYPE "unknown"
#endif

namespace {

using bench::Child;
using bench::SpawnOptions;
using kiosk::InputEvent;

constexpr int kFrameMs = 16;  // virtual time between frames

// How much a run measures: the quick default or --full.
struct BenchMode {
    const char* name;
    size_t min_frames_per_cell;  // samples of each kind of frame, per scenario and size
    bool uhd_frames;             // 3840x2160 frames through the software renderer (most of a full run)
    int session_frames;
    int cold_start_runs;
    double idle_seconds;
};
constexpr BenchMode kQuick{"quick (the default; --full for the long run)", 100, false, 500, 3, 10};
constexpr BenchMode kFull{"full", 300, true, 10000, 5, 10};

// ---------------------------------------------------------------- the table

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* fmt, ...) {
    char buffer[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buffer, sizeof buffer, fmt, args);
    va_end(args);
    return buffer;
}

// Rows of a label and right-aligned figures; a section's first row names its columns.
struct Table {
    struct Row {
        std::string label;
        std::vector<std::string> cells;
        bool heading = false;
    };
    std::vector<Row> rows;

    void heading(const std::string& title, std::vector<std::string> columns) {
        rows.push_back({title, std::move(columns), true});
    }
    void row(const std::string& label, std::vector<std::string> cells) {
        rows.push_back({"  " + label, std::move(cells)});
    }
    void note(const std::string& text) { rows.push_back({"  " + text, {}}); }

    void print(std::FILE* out) const {
        size_t label_w = 0, cell_w = 0;
        for (const Row& r : rows) {
            if (!r.cells.empty()) label_w = std::max(label_w, r.label.size());
            for (const std::string& c : r.cells) cell_w = std::max(cell_w, c.size());
        }
        cell_w += 2;
        for (const Row& r : rows) {
            if (r.heading) std::fputc('\n', out);
            std::fprintf(out, "%-*s", r.cells.empty() ? 0 : int(label_w), r.label.c_str());
            for (const std::string& c : r.cells) std::fprintf(out, "%*s", int(cell_w), c.c_str());
            std::fputc('\n', out);
        }
    }
};

// Each line with the seconds since the bench started: where a run's time goes.
void progress(const std::string& text) {
    static const auto started = bench::Clock::now();
    std::fprintf(stderr, "vitrine-bench: %5.1f s  %s\n", bench::seconds_since(started), text.c_str());
}

double percentile(std::vector<double> v, double q) {
    if (v.empty()) return NAN;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(q * double(v.size())));
    return v[std::min(v.size(), std::max<size_t>(rank, 1)) - 1];
}
double median(const std::vector<double>& v) {
    if (v.empty()) return NAN;
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    return s.size() % 2 ? s[s.size() / 2] : (s[s.size() / 2 - 1] + s[s.size() / 2]) / 2;
}

std::string ms(double v) { return std::isnan(v) ? "n/a" : format("%.3f ms", v); }
std::string mib(std::optional<uint64_t> kb) { return kb ? format("%.1f MiB", double(*kb) / 1024) : "n/a"; }

double cpu_ms(clockid_t clock) {
    timespec t;
    clock_gettime(clock, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}
double thread_cpu_ms() { return cpu_ms(CLOCK_THREAD_CPUTIME_ID); }

// ---------------------------------------------------------------- the kiosk in process

InputEvent touch(InputEvent::Type type, int finger, float x, float y) {
    InputEvent e;
    e.type = type;
    e.finger = finger;
    e.x = x;
    e.y = y;
    return e;
}
InputEvent down(int f, float x, float y) { return touch(InputEvent::Type::Down, f, x, y); }
InputEvent move(int f, float x, float y) { return touch(InputEvent::Type::Move, f, x, y); }
InputEvent up(int f, float x, float y) { return touch(InputEvent::Type::Up, f, x, y); }

enum class Work { Full, Build };

// The kiosk off-screen in virtual time, a frame every 16 ms, as the golden tests
// and `vitrine --headless --replay` drive it.
struct Kiosk {
    int width = 0, height = 0;
    platform::Offscreen target;
    platform::KioskView view;
    int64_t now = 0;
    Work work = Work::Full;
    kiosk::HeadlessRenderer renderer = kiosk::HeadlessRenderer::Software;
    std::vector<double>* samples = nullptr;      // frame CPU ms, while timing
    std::vector<double>* all_threads = nullptr;  // the same, every thread of the process
    uint64_t frames = 0;
    int entered[5] = {};  // times each kiosk::Screen was entered

    bool init(int w, int h, std::string* error, const std::string& language = "") {
        width = w;
        height = h;
        kiosk::KioskConfig config;
        config.language = language;
        return target.create(w, h, renderer, error) &&
               view.init(target.renderer(), kiosk::Display{w, h, 0},
                         kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary", platform::pack_load_options(w, h)),
                         config, VITRINE_FONT_DIR, now, error);
    }
    const kiosk::ScreenLayouts& l() const { return view.layouts(); }
    kiosk::Screen screen() const { return view.state().screen; }

    // One frame: its input (at the frame's time), then what is timed: the tick
    // and the frame's building, and for Work::Full its drawing by SDL.
    void frame(std::vector<InputEvent> events = {}) {
        now += kFrameMs;
        for (InputEvent& e : events) {
            e.time_ms = now;
            view.handle(e);
        }
        const double start = thread_cpu_ms(), process_start = cpu_ms(CLOCK_PROCESS_CPUTIME_ID);
        view.tick(now);
        if (work == Work::Build) {
            view.build(now);
        } else {
            view.render(now);
            SDL_RenderFlush(target.renderer());
            // GL queues the frame: reading a pixel back waits until it is drawn.
            if (renderer != kiosk::HeadlessRenderer::Software) {
                uint32_t pixel = 0;
                const SDL_Rect one = {0, 0, 1, 1};
                SDL_RenderReadPixels(target.renderer(), &one, SDL_PIXELFORMAT_RGBA32, &pixel, 4);
            }
        }
        const double cpu = thread_cpu_ms() - start;
        if (samples) samples->push_back(cpu);
        if (all_threads) all_threads->push_back(cpu_ms(CLOCK_PROCESS_CPUTIME_ID) - process_start);
        ++frames;
        if (view.state().screen != last_screen) ++entered[int(view.state().screen)];
        last_screen = view.state().screen;
    }
    kiosk::Screen last_screen = kiosk::Screen::Explore;

    void idle(int n) {
        for (int i = 0; i < n; ++i) frame();
    }
    // Down, up four frames later, then `settle` frames for what it started.
    void tap(float x, float y, int settle = 30) {
        frame({down(0, x, y)});
        idle(3);
        frame({up(0, x, y)});
        idle(settle);
    }
    void tap(const kiosk::Rect& r, int settle = 30) { tap(r.x + r.w / 2, r.y + r.h / 2, settle); }
};

// A flick along Explore's timeline strip as on a 7" 800x480 panel, scaled to the
// display: 240 px in 10 moves 16 ms apart, then frames until the strip rests.
void fling(Kiosk& k, int direction) {
    const kiosk::Rect& st = k.l().explore.strip_touch;
    const float distance = std::min(240.f * float(k.width) / 800.f, st.w * 0.8f);
    const float y = st.y + st.h / 2;
    float x = st.x + st.w / 2 + float(direction) * distance / 2;
    k.frame({down(0, x, y)});
    for (int i = 0; i < 10; ++i) {
        x -= float(direction) * distance / 10;
        k.frame({move(0, x, y)});
    }
    k.frame({up(0, x, y)});
    for (int i = 0; i < 400 && k.view.state().strip.moving(); ++i) k.frame();
}

// Two fingers 24 mm apart spreading to 80 mm over 30 frames and closing back over 30.
float pinch(Kiosk& k) {
    const float mm = k.l().explore.px_per_mm;
    const float cx = float(k.width) / 2, cy = float(k.height) / 2;
    const float near_d = 12 * mm, far_d = std::min(40 * mm, float(std::min(k.width, k.height)) * 0.45f);
    float max_zoom = 1;
    k.frame({down(0, cx - near_d, cy), down(1, cx + near_d, cy)});
    for (int i = 1; i <= 60; ++i) {
        const float t = i <= 30 ? float(i) / 30 : float(60 - i) / 30;
        const float d = near_d + (far_d - near_d) * t;
        k.frame({move(0, cx - d, cy), move(1, cx + d, cy)});
        max_zoom = std::max(max_zoom, k.view.state().photo.zoom);
    }
    k.frame({up(0, cx - near_d, cy), up(1, cx + near_d, cy)});
    return max_zoom;
}

bool open_photo(Kiosk& k) {
    k.tap(k.l().explore.photo_frame, 40);
    return k.screen() == kiosk::Screen::Photo;
}

struct Cell {
    std::string size, scenario;
    std::vector<double> full, build;
    std::string note;
    std::string renderer = "software";
    std::vector<double> full_all_threads;  // opengles2: llvmpipe's threads too
};

// One scenario at one size: an untimed round to warm up, then rounds until each
// kind of frame has at least `min_frames` samples.
void time_scenario(Kiosk& k, Cell& cell, size_t min_frames, const std::function<void(int round)>& round) {
    k.samples = nullptr;
    k.work = Work::Full;
    round(0);
    for (Work w : {Work::Full, Work::Build}) {
        std::vector<double>& out = w == Work::Full ? cell.full : cell.build;
        k.work = w;
        k.samples = &out;
        k.all_threads =
            w == Work::Full && k.renderer != kiosk::HeadlessRenderer::Software ? &cell.full_all_threads : nullptr;
        const auto wall = bench::Clock::now();
        for (int r = 1; out.size() < min_frames; ++r) round(r);
        double cpu = 0;
        for (double v : out) cpu += v;
        progress(format("  %s %s %s: %zu frames, %.3f s thread CPU, %.3f s wall", cell.size.c_str(),
                        cell.scenario.c_str(), w == Work::Full ? "full" : "build", out.size(), cpu / 1000,
                        bench::seconds_since(wall)));
    }
    k.samples = nullptr;
    k.all_threads = nullptr;
    k.work = Work::Full;
}

std::vector<Cell> frame_times(int w, int h, const BenchMode& mode,
                              kiosk::HeadlessRenderer renderer = kiosk::HeadlessRenderer::Software) {
    std::vector<Cell> cells;
    const std::string name = renderer == kiosk::HeadlessRenderer::Software ? "software" : "opengles2";
    const std::string size = format("%dx%d", w, h);
    Kiosk k;
    k.renderer = renderer;
    std::string error;
    if (!k.init(w, h, &error)) {
        progress(size + " " + name + ": " + error);
        cells.push_back({size, "fling", {}, {}, error, name, {}});
        cells.push_back({size, "pinch", {}, {}, error, name, {}});
        return cells;
    }
    k.idle(20);

    progress(size + " " + name + ": timeline fling");
    Cell fl{size, "fling", {}, {}, "", name, {}};
    const float range = k.l().explore.axis.max_scroll();
    float travelled = 0;
    time_scenario(k, fl, mode.min_frames_per_cell, [&](int r) {
        const float before = k.view.state().strip.offset();
        fling(k, r % 2 ? 1 : -1);
        travelled = std::max(travelled, std::abs(k.view.state().strip.offset() - before));
    });
    if (range <= 0)
        fl.note = "strip cannot scroll here (range 0 px)";
    else
        fl.note = format("strip range %.0f px, a fling moves it up to %.0f px", range, travelled);
    cells.push_back(fl);

    progress(size + " " + name + ": photo pinch");
    Cell pi{size, "pinch", {}, {}, "", name, {}};
    if (!open_photo(k)) {
        pi.note = "the photo viewer did not open";
    } else {
        float zoom = 1;
        time_scenario(k, pi, mode.min_frames_per_cell, [&](int) { zoom = std::max(zoom, pinch(k)); });
        pi.note = format("zoom reaches %.2fx", zoom);
    }
    cells.push_back(pi);
    return cells;
}

// One round of the long session: every screen, flings, a pinch, taps.
// The text engine in one language at 1920x1080: the glyph cache after a visitor
// has read every event, every quote and About; what an unchanged frame shapes;
// and the frame that switches the language from the settings panel.
struct TextRun {
    std::string language;
    size_t glyphs = 0;
    int page_rows = 0, pages = 0;
    int64_t shapings_warm_frame = -1;
    double first_frame_ms = NAN, warm_frame_ms = NAN, switch_ms = NAN;
    std::string error;
};

TextRun text_engine_run(const std::string& language, const std::string& switch_to) {
    TextRun r;
    r.language = language;
    Kiosk k;
    std::vector<double> first;
    k.samples = &first;
    if (!k.init(1920, 1080, &r.error, language)) return r;
    k.idle(1);
    r.first_frame_ms = first.empty() ? NAN : first.front();
    k.samples = nullptr;
    // The reading is not timed: building its frames fills the glyph cache as drawing
    // them would, at a fraction of a software render's time at this size.
    k.work = Work::Build;
    const auto& events = k.view.pack().events;
    for (size_t i = 1; i < events.size(); ++i) k.tap(k.l().explore.button[int(kiosk::Button::Next)], 10);
    k.tap(k.l().explore.button[int(kiosk::Button::Voices)]);
    for (size_t i = 1; i < k.view.pack().quotes.size(); ++i) k.tap(k.l().voices.next, 10);
    k.tap(k.l().voices.bar.back);
    k.tap(k.l().explore.button[int(kiosk::Button::About)]);
    k.tap(k.l().about.bar.back);
    k.work = Work::Full;  // the new glyphs' pages uploaded before the warm frame
    k.idle(10);
    const int64_t before = k.view.text().shapings();
    std::vector<double> warm;
    k.samples = &warm;
    k.idle(1);
    k.samples = nullptr;
    r.shapings_warm_frame = k.view.text().shapings() - before;
    r.warm_frame_ms = warm.empty() ? NAN : warm.front();
    const kiosk::GlyphAtlas& atlas = k.view.text().atlas();
    r.glyphs = atlas.glyph_count();
    r.page_rows = atlas.rows_used();
    r.pages = atlas.page_count();
    // The switch: the settings panel, then the other language's row; timed from
    // the lifting finger's frame to the frame that shows the new language.
    const std::vector<std::string>& languages = k.view.pack().settings.languages;
    const auto target = std::find(languages.begin(), languages.end(), switch_to);
    if (target != languages.end()) {
        k.tap(k.l().explore.button[int(kiosk::Button::Settings)]);
        const kiosk::Rect row = k.l().settings.languages[size_t(target - languages.begin())];
        k.frame({down(0, row.x + row.w / 2, row.y + row.h / 2)});
        k.idle(3);
        std::vector<double> switching;
        k.samples = &switching;
        k.frame({up(0, row.x + row.w / 2, row.y + row.h / 2)});
        k.idle(1);
        k.samples = nullptr;
        r.switch_ms = 0;
        for (double ms : switching) r.switch_ms += ms;
    }
    return r;
}

// Speech in one language at 1920x1080: what it costs to start eSpeak NG, and to
// make each kind of utterance ready (the worker's job in a window; on the
// caller's thread here, as headless runs do).
struct SpeechRun {
    double start_ms = NAN;                          // eSpeak NG started (its data read)
    std::optional<uint64_t> rss_before, rss_after;  // around the start and the first utterance
    struct Made {
        std::string what;
        double cpu_ms = NAN, first_part_ms = NAN;
        int64_t speech_ms = 0;
    };
    std::vector<Made> made;
    std::string error;
};

SpeechRun speech_run() {
    SpeechRun r;
    Kiosk k;
    if (!k.init(1920, 1080, &r.error)) return r;
    platform::SpeechPlayer player;
    r.rss_before = bench::self_rss_kb();
    const double t0 = thread_cpu_ms();
    if (!player.synth()) {
        r.error = "no eSpeak NG";
        return r;
    }
    r.start_ms = thread_cpu_ms() - t0;
    const kiosk::Ui ui = k.view.ui();
    kiosk::ExhibitState s = k.view.state();
    auto measure = [&](const std::string& what, const std::vector<kiosk::SpeechPart>& parts) {
        SpeechRun::Made m{what};
        double a = thread_cpu_ms();
        player.prepare({parts.front()}, ui.lang, ui.pack.dir);
        m.first_part_ms = thread_cpu_ms() - a;
        a = thread_cpu_ms();
        const platform::PreparedSpeech ready = player.prepare(parts, ui.lang, ui.pack.dir);
        m.cpu_ms = thread_cpu_ms() - a;
        m.speech_ms = ready.clip.duration_ms();
        r.made.push_back(m);
    };
    auto item = [&](kiosk::FocusId id) {
        kiosk::FocusItem i;
        i.id = id;
        return kiosk::item_speech(i, s, ui);
    };
    std::vector<kiosk::SpeechPart> first = kiosk::guide_speech(ui);
    for (const kiosk::SpeechPart& p : item(kiosk::FocusId::Title)) first.push_back(p);
    measure("the first key: the guide and the title", first);
    r.rss_after = bench::self_rss_kb();
    // The longest card, quote: what a visitor waits longest for.
    size_t longest = 0, longest_quote = 0;
    for (size_t i = 0; i < ui.pack.events.size(); ++i)
        if (ui.text(ui.pack.events[i].text).size() > ui.text(ui.pack.events[longest].text).size()) longest = i;
    for (size_t i = 0; i < ui.pack.quotes.size(); ++i)
        if (ui.text(ui.pack.quotes[i].text).size() > ui.text(ui.pack.quotes[longest_quote].text).size())
            longest_quote = i;
    s.selected_event = int(longest);
    measure("the longest event card", item(kiosk::FocusId::Card));
    s.quote = int(longest_quote);
    measure("the longest quote", item(kiosk::FocusId::Quote));
    measure("About, whole", item(kiosk::FocusId::AboutText));
    return r;
}

void session_round(Kiosk& k) {
    using kiosk::Button;
    const kiosk::ScreenLayouts& l = k.l();
    fling(k, 1);
    fling(k, -1);
    k.tap(l.explore.button[int(Button::Next)], 20);
    k.tap(l.explore.button[int(Button::Next)], 20);
    k.tap(l.explore.button[int(Button::Prev)], 20);
    if (open_photo(k)) {
        pinch(k);
        k.idle(10);
        k.tap(l.photo.bar.back);
    }
    k.tap(l.explore.button[int(Button::Voices)]);
    k.tap(l.voices.next);
    k.tap(l.voices.next);
    k.tap(l.voices.bar.back);
    k.tap(l.explore.button[int(Button::About)]);
    {
        // A flick up the About column.
        const kiosk::Rect& c = l.about.column;
        const float x = c.x + c.w / 2, step = c.h * 0.04f;
        float y = c.y + c.h * 0.7f;
        k.frame({down(0, x, y)});
        for (int i = 0; i < 10; ++i) k.frame({move(0, x, y -= step)});
        k.frame({up(0, x, y)});
        for (int i = 0; i < 400 && k.view.state().about.moving(); ++i) k.frame();
    }
    k.tap(l.about.bar.back);
    k.tap(l.explore.button[int(Button::Settings)]);
    k.tap(l.settings.close);
}

// ---------------------------------------------------------------- the kiosk as a child

struct ColdStart {
    std::vector<double> headless_ms, window_first_frame_ms, window_line_ms;
    std::string display_line;  // the kiosk's "vitrine: display ..." line: driver, renderer, wait
    std::string error;
};

std::string last_line(const Child& c) { return c.lines().empty() ? "no output" : c.lines().back(); }

ColdStart cold_start(const std::string& vitrine, const std::string& tmp, const BenchMode& mode) {
    ColdStart r;
    for (int i = 0; i < mode.cold_start_runs; ++i) {
        Child c;
        std::string error;
        const std::string shot = tmp + "/cold-" + std::to_string(i) + ".png";
        if (!c.start({vitrine, "--headless", "--size", "1920x1080", "--screenshot", shot}, {}, &error)) {
            r.error = error;
            return r;
        }
        if (!c.wait_exit(60)) {
            c.kill_now();
            r.error = "headless run did not finish in 60 s";
            return r;
        }
        if (!WIFEXITED(c.exit_status()) || WEXITSTATUS(c.exit_status()) != 0) {
            r.error = "headless run failed: " + last_line(c);
            return r;
        }
        r.headless_ms.push_back(std::chrono::duration<double, std::milli>(c.exited_at() - c.started()).count());
    }
    SpawnOptions offscreen;
    offscreen.set_env = {{"SDL_VIDEODRIVER", "offscreen"}};
    offscreen.unset_env = {"VITRINE_IDLE_WAIT"};
    for (int i = 0; i < mode.cold_start_runs; ++i) {
        Child c;
        std::string error;
        if (!c.start({vitrine, "--windowed", "1920x1080", "--stats"}, offscreen, &error)) {
            r.error = error;
            return r;
        }
        const auto line = c.wait_for_line("vitrine-stats: first_frame_ms=", 3);
        const double line_ms = bench::seconds_since(c.started()) * 1000;
        c.terminate(3);
        if (const auto d = c.find_line("vitrine: display ")) {
            r.display_line = d->substr(9);
            // What it says, without the subsystem the log ends it with (" [display]").
            const size_t tag = r.display_line.rfind(" [");
            if (tag != std::string::npos && r.display_line.back() == ']') r.display_line.erase(tag);
        }
        if (!line) {
            r.error = "windowed run reported no first frame within 3 s: " + last_line(c);
            return r;
        }
        r.window_first_frame_ms.push_back(std::strtod(bench::field(*line, "first_frame_ms")->c_str(), nullptr));
        r.window_line_ms.push_back(line_ms);
    }
    return r;
}

struct IdleRun {
    explicit IdleRun(std::string l) : label(std::move(l)) {}
    std::string label;
    std::string error;
    uint64_t frames = 0, wakeups = 0;  // the stats line: first frame to exit
    double seconds = 0;
    std::string wait;
    double cpu_s = NAN;  // the 10 s after the first frame
    double kernel_wakeups_per_s = NAN;
    std::optional<double> exit_s;  // SIGTERM to exit
    std::unique_ptr<Child> child;
    std::unique_ptr<Child> xvfb;  // the display it runs on, if private
};

// Starts the kiosk, leaves it alone for `seconds` after its first frame and
// sends it SIGTERM; idle_finish() then waits for its exit and its stats line. As
// on a board, its state folder and the USB report's folder (/var/lib/vitrine and
// /run/vitrine there) exist, its own under DIR: the kiosk watches them.
void idle_measure(IdleRun& r, const std::string& vitrine, const SpawnOptions& options, double seconds,
                  const std::string& dir) {
    progress("idle: " + r.label);
    std::error_code ec;
    std::filesystem::create_directories(dir + "/state", ec);
    std::filesystem::create_directories(dir + "/run", ec);
    const std::string config = dir + "/vitrine.toml";
    if (FILE* f = std::fopen(config.c_str(), "w")) {
        std::fprintf(f, "[state]\ndir = \"%s/state\"\nusb_report = \"%s/run/usb-status\"\n", dir.c_str(), dir.c_str());
        std::fclose(f);
    }
    r.child = std::make_unique<Child>();
    Child& c = *r.child;
    if (!c.start({vitrine, "--windowed", "1280x800", "--stats", "--config", config}, options, &r.error)) return;
    if (!c.wait_for_line("vitrine-stats: first_frame_ms=", 20)) {
        r.error = "no first frame: " + last_line(c);
        c.kill_now();
        return;
    }
    const auto cpu0 = bench::process_cpu_seconds(c.pid());
    const auto sw0 = bench::process_voluntary_switches(c.pid());
    const auto t0 = bench::Clock::now();
    c.pump(seconds);
    const auto cpu1 = bench::process_cpu_seconds(c.pid());
    const auto sw1 = bench::process_voluntary_switches(c.pid());
    const double elapsed = bench::seconds_since(t0);
    if (cpu0 && cpu1) r.cpu_s = *cpu1 - *cpu0;
    if (sw0 && sw1) r.kernel_wakeups_per_s = double(*sw1 - *sw0) / elapsed;
}

void idle_finish(IdleRun& r) {
    if (r.child && r.child->running()) {
        // SIGTERM ends any wait at once (platform/stop_signal.h); one that does not
        // shows here as "killed".
        r.exit_s = r.child->terminate(10);
        if (const auto line = r.child->find_line("vitrine-stats: frames=")) {
            r.frames = std::strtoull(bench::field(*line, "frames").value_or("0").c_str(), nullptr, 10);
            r.wakeups = std::strtoull(bench::field(*line, "wakeups").value_or("0").c_str(), nullptr, 10);
            r.seconds = std::strtod(bench::field(*line, "seconds").value_or("0").c_str(), nullptr);
            r.wait = bench::field(*line, "wait").value_or("?");
        } else if (r.error.empty()) {
            r.error = r.exit_s ? "no stats line on exit" : "did not exit within 10 s of SIGTERM (killed)";
        }
    }
    if (r.xvfb) r.xvfb->terminate(5);
}

// A private Xvfb display; its number, or nullopt.
std::optional<std::string> start_xvfb(Child& xvfb, const std::string& tmp, std::string* error) {
    int fds[2];
    if (pipe(fds) != 0) {
        *error = std::string("pipe: ") + std::strerror(errno);
        return std::nullopt;
    }
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);  // the write end goes to Xvfb, which writes its display number
    SpawnOptions o;
    o.stderr_path = tmp + "/xvfb.log";
    const bool started = xvfb.start(
        {"/usr/bin/Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"}, o,
        error);
    close(fds[1]);
    std::string number;
    if (started) {
        const auto deadline = bench::Clock::now() + std::chrono::seconds(10);
        while (bench::Clock::now() < deadline && number.find('\n') == std::string::npos) {
            pollfd p{fds[0], POLLIN, 0};
            if (poll(&p, 1, 100) <= 0) continue;
            char buffer[32];
            const ssize_t n = read(fds[0], buffer, sizeof buffer);
            if (n <= 0) break;
            number.append(buffer, size_t(n));
        }
    }
    close(fds[0]);
    if (!started) return std::nullopt;
    while (!number.empty() && (number.back() == '\n' || number.back() == ' ')) number.pop_back();
    if (number.empty()) {
        *error = "Xvfb gave no display number (see " + tmp + "/xvfb.log)";
        xvfb.kill_now();
        return std::nullopt;
    }
    return ":" + number;
}

std::string executable_dir() {
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? "." : self.parent_path().string();
}

std::string now_text() {
    const std::time_t t = std::time(nullptr);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M:%S %Z", std::localtime(&t));
    return buffer;
}

}  // namespace

// 7: start-up in instructions (startup_count.h).
void print_startup(Table& table, const std::string& vitrine, const std::string& tmp) {
    progress("start-up: instruction counts (callgrind, qemu-user)");
    bench::StartupSettings settings;
    settings.vitrine = vitrine;
    settings.vitrine_arm64 = std::string(VITRINE_SOURCE_DIR) + "/build/arm64/vitrine";
    settings.plugin_source = std::string(VITRINE_SOURCE_DIR) + "/tests/compare-browser/insn_count.c";
    settings.work_dir = tmp;
    table.heading("7. Start-up instructions, bundled exhibit: process start to the first frame handed to the renderer",
                  {"instructions"});
    const auto billions = [](uint64_t n) { return format("%.3f x10^9", double(n) / 1e9); };
    for (const bench::StartupCount& c : bench::count_startup(settings)) {
        if (!c.total) {
            table.row(c.label, {"n/a"});
            table.note("  (" + c.note + ")");
            continue;
        }
        table.row(c.label, {billions(*c.total)});
        for (const auto& [phase, count] : c.phases) table.row("  " + phase, {billions(count)});
    }
    table.note("  (callgrind on this build unless the row says arm64; --first-frame stops once the frame is built and");
    table.note("   its textures uploaded; phases are inclusive and overlap: the first frame includes the photographs)");
}

int main(int argc, char** argv) {
    // The in-process kiosk's memory as the kiosk's own: its main does this first.
    platform::keep_large_blocks_returnable();
    // Next to the kiosk: <build>/tests/vitrine-bench and <build>/vitrine.
    std::string vitrine = std::filesystem::path(executable_dir()).parent_path().string() + "/vitrine";
    BenchMode mode = kQuick;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--vitrine" && i + 1 < argc) {
            vitrine = argv[++i];
        } else if (a == "--full") {
            mode = kFull;
        } else {
            const bool help = a == "--help" || a == "-h";
            std::fprintf(help ? stdout : stderr,
                         "usage: vitrine-bench [--full] [--vitrine PATH]\n\n"
                         "Prints a table of the kiosk's figures on this machine: cold start, frame CPU\n"
                         "time, memory and idle wakeups. PATH defaults to the build's vitrine. A quick\n"
                         "run by default; --full takes more samples, 3840x2160 frames and a 10 000-frame\n"
                         "session (over 10 minutes on two cores).\n");
            return help ? 0 : 2;
        }
    }
    const bool have_vitrine = access(vitrine.c_str(), X_OK) == 0;
    char tmp_template[] = "/tmp/vitrine-bench-XXXXXX";
    const char* tmp_dir = mkdtemp(tmp_template);
    const std::string tmp = tmp_dir ? tmp_dir : "/tmp";
    const auto bench_start = bench::Clock::now();

    Table table;

    // 3 starts first, in a process that has done nothing else yet.
    progress("memory: start");
    const auto rss_empty = bench::self_rss_kb();
    const auto pss_empty = bench::self_pss_kb();
    std::optional<uint64_t> rss_start, pss_start, rss_half, pss_half, rss_session, pss_session;
    uint64_t half_frames = 0, session_frames = 0;
    std::string memory_error;
    int entered[5] = {};
    auto k = std::make_unique<Kiosk>();
    if (!k->init(1920, 1080, &memory_error)) {
        progress("memory: " + memory_error);
        k.reset();
    } else {
        rss_start = bench::self_rss_kb();
        pss_start = bench::self_pss_kb();
    }

    // 4, while the kiosk above waits. The idle kiosks' exits are awaited
    // alongside the session (3), which is not timed, rather than on their own.
    std::vector<IdleRun> idle;
    std::vector<std::thread> finishers;
    std::string xvfb_note;
    if (have_vitrine) {
        idle.reserve(3);
        SpawnOptions o;
        o.set_env = {{"SDL_VIDEODRIVER", "offscreen"}};
        o.unset_env = {"VITRINE_IDLE_WAIT"};
        idle.emplace_back("offscreen driver, default wait");
        idle_measure(idle.back(), vitrine, o, mode.idle_seconds, tmp + "/idle-default");
        idle_finish(idle.back());
        if (access("/usr/bin/Xvfb", X_OK) == 0) {
            auto xvfb = std::make_unique<Child>();
            std::string error;
            if (const auto display = start_xvfb(*xvfb, tmp, &error)) {
                SpawnOptions x;
                x.set_env = {{"SDL_VIDEODRIVER", "x11"}, {"DISPLAY", *display}};
                x.unset_env = {"VITRINE_IDLE_WAIT", "WAYLAND_DISPLAY"};
                idle.emplace_back("Xvfb, x11 driver, default wait");
                idle.back().xvfb = std::move(xvfb);
                idle_measure(idle.back(), vitrine, x, mode.idle_seconds, tmp + "/idle-x11");
                finishers.emplace_back(idle_finish, std::ref(idle.back()));
            } else {
                xvfb_note = "Xvfb did not start: " + error;
            }
        } else {
            xvfb_note = "n/a (no Xvfb)";
        }
        o.set_env.push_back({"VITRINE_IDLE_WAIT", "sdl"});
        idle.emplace_back("offscreen driver, VITRINE_IDLE_WAIT=sdl");
        idle_measure(idle.back(), vitrine, o, mode.idle_seconds, tmp + "/idle-sdl");
        finishers.emplace_back(idle_finish, std::ref(idle.back()));
    }

    // 3: the session.
    if (k) {
        progress(format("memory: a %d-frame session", mode.session_frames));
        while (k->frames < uint64_t(mode.session_frames)) {
            session_round(*k);
            if (!half_frames && k->frames >= uint64_t(mode.session_frames / 2)) {
                half_frames = k->frames;
                rss_half = bench::self_rss_kb();
                pss_half = bench::self_pss_kb();
            }
        }
        session_frames = k->frames;
        rss_session = bench::self_rss_kb();
        pss_session = bench::self_pss_kb();
        std::copy(std::begin(k->entered), std::end(k->entered), entered);
        k.reset();
    }
    if (!finishers.empty()) progress("idle: waiting for the kiosks to act on SIGTERM");
    for (std::thread& t : finishers) t.join();

    // 5.
    std::vector<TextRun> text_runs;
    for (const auto& [language, other] : {std::pair{"en", "km"}, std::pair{"km", "fr"}, std::pair{"fr", "en"}}) {
        progress(std::string("text engine: ") + language);
        text_runs.push_back(text_engine_run(language, other));
    }

    // 6.
    progress("speech");
    const SpeechRun speech = speech_run();

    // 2, on a quiet machine.
    std::vector<Cell> cells;
    for (const auto& [w, h] : {std::pair{800, 480}, std::pair{1920, 1080}, std::pair{3840, 2160}}) {
        if (w == 3840 && !mode.uhd_frames) continue;
        const std::vector<Cell> c = frame_times(w, h, mode);
        cells.insert(cells.end(), c.begin(), c.end());
    }
    for (const auto& [w, h] : {std::pair{800, 480}, std::pair{1920, 1080}, std::pair{3840, 2160}}) {
        const std::vector<Cell> c = frame_times(w, h, mode, kiosk::HeadlessRenderer::OpenGles2);
        cells.insert(cells.end(), c.begin(), c.end());
    }

    // 1.
    ColdStart cold;
    if (have_vitrine) {
        progress("cold start");
        cold = cold_start(vitrine, tmp, mode);
    }

    // ---- the table
    utsname un{};
    uname(&un);
    std::printf("vitrine-bench  %s\n", now_text().c_str());
    std::printf("machine: nproc %d, %s, %s %s %s\n", bench::cpu_count(), bench::cpu_model().c_str(), un.sysname,
                un.release, un.machine);
    std::printf("build: %s%s; vitrine: %s\n", VITRINE_BUILD_TYPE,
#if defined(__SANITIZE_ADDRESS__)
                " with AddressSanitizer",
#else
                "",
#endif
                vitrine.c_str());
    std::printf("mode: %s\n", mode.name);

    table.heading("1. Cold start to first exhibit frame", {"median", "min", "max"});
    auto stats_row = [&](const std::string& label, const std::vector<double>& v) {
        if (v.empty()) {
            table.row(label, {"n/a", "", ""});
            return;
        }
        table.row(label, {format("%.0f ms", median(v)), format("%.0f ms", *std::min_element(v.begin(), v.end())),
                          format("%.0f ms", *std::max_element(v.begin(), v.end()))});
    };
    if (!have_vitrine) {
        table.note("n/a: no kiosk at " + vitrine + " (--vitrine PATH)");
    } else {
        stats_row(format("headless 1920x1080 --screenshot, fork to exit (%d runs)", mode.cold_start_runs),
                  cold.headless_ms);
        stats_row(format("window 1920x1080, offscreen driver: first_frame_ms (%d runs)", mode.cold_start_runs),
                  cold.window_first_frame_ms);
        stats_row("window 1920x1080, offscreen driver: fork to first-frame line", cold.window_line_ms);
        if (!cold.display_line.empty()) table.note("  (the window run's " + cold.display_line + ")");
        if (!cold.error.empty()) table.note("error: " + cold.error);
    }

    table.heading(format("2. Frame CPU time (thread CPU clock), virtual frames every %d ms", kFrameMs),
                  {"p50", "p99", "frames"});
    for (const Cell& c : cells) {
        const std::string prefix = c.size + " " + c.scenario + (c.renderer == "software" ? "" : " " + c.renderer);
        table.row(prefix + ": full frame (tick + build + " + c.renderer + " render)",
                  {ms(percentile(c.full, 0.5)), ms(percentile(c.full, 0.99)), std::to_string(c.full.size())});
        if (c.renderer != "software")
            table.row(prefix + ": full frame, every thread (llvmpipe rasterising)",
                      {ms(percentile(c.full_all_threads, 0.5)), ms(percentile(c.full_all_threads, 0.99)),
                       std::to_string(c.full_all_threads.size())});
        table.row(prefix + ": building alone (tick + build)",
                  {ms(percentile(c.build, 0.5)), ms(percentile(c.build, 0.99)), std::to_string(c.build.size())});
        if (!c.note.empty()) table.note("  (" + prefix + ": " + c.note + ")");
    }
    if (!mode.uhd_frames) table.note("  (3840x2160: --full)");

    table.heading("3. Memory of the bench process", {"VmRSS", "PSS"});
    table.row("before any kiosk", {mib(rss_empty), mib(pss_empty)});
    if (!memory_error.empty()) {
        table.note("error: " + memory_error);
    } else {
        table.row("after start (KioskView at 1920x1080)", {mib(rss_start), mib(pss_start)});
        table.row(format("halfway through the session (%llu frames)", (unsigned long long)half_frames),
                  {mib(rss_half), mib(pss_half)});
        table.row(format("after a %llu-frame session, every frame rendered", (unsigned long long)session_frames),
                  {mib(rss_session), mib(pss_session)});
        table.note(format("  (the session entered explore %d, photo %d, voices %d and about %d times)",
                          entered[int(kiosk::Screen::Explore)], entered[int(kiosk::Screen::Photo)],
                          entered[int(kiosk::Screen::Voices)], entered[int(kiosk::Screen::About)]));
    }

    table.heading(
        format("4. Idle: `vitrine --windowed 1280x800 --stats --config` left alone %.0f s after its first frame",
               mode.idle_seconds),
        {"wait", "frames>1st", "over s", "wakeups/s", "kernel/s", "CPU s", "TERM->exit"});
    if (!have_vitrine) table.note("n/a: no kiosk at " + vitrine);
    auto seconds_text = [](const std::optional<double>& s) { return s ? format("%.2f s", *s) : std::string("killed"); };
    for (const IdleRun& r : idle) {
        const std::string kernel = std::isnan(r.kernel_wakeups_per_s) ? "n/a" : format("%.1f", r.kernel_wakeups_per_s);
        const std::string cpu = std::isnan(r.cpu_s) ? "n/a" : format("%.2f", r.cpu_s);
        if (!r.error.empty()) {
            table.row(r.label, {"n/a", "n/a", "n/a", "n/a", kernel, cpu, seconds_text(r.exit_s)});
            table.note("  (" + r.label + ": " + r.error + ")");
            continue;
        }
        const uint64_t after_first = r.frames > 0 ? r.frames - 1 : 0;
        table.row(r.label, {r.wait, std::to_string(after_first), format("%.1f", r.seconds),
                            r.seconds > 0 ? format("%.1f", double(r.wakeups) / r.seconds) : "n/a", kernel, cpu,
                            seconds_text(r.exit_s)});
    }
    if (!xvfb_note.empty()) table.row("Xvfb, x11 driver, default wait", {xvfb_note});
    table.note("  (wait, frames drawn after the first and the kiosk's own wakeups/s: its stats line, which covers");
    table.note("   first frame to exit (\"over s\"); kernel/s (voluntary context switches of all its threads) and");
    table.note(format("   CPU s (utime+stime): the %.0f s after the first frame; TERM->exit: SIGTERM to exit)",
                      mode.idle_seconds));
    table.note("  (each kiosk has a state folder and a USB report folder of its own, watched as on a board)");
    table.heading("5. Text engine, bundled exhibit at 1920x1080, after every event, quote and About were read",
                  {"glyphs", "page rows", "shaped/frame", "1st frame", "warm frame", "switch"});
    for (const TextRun& r : text_runs) {
        if (!r.error.empty()) {
            table.row(r.language, {"n/a"});
            table.note("  (" + r.language + ": " + r.error + ")");
            continue;
        }
        table.row("language " + r.language,
                  {std::to_string(r.glyphs), format("%d of %d", r.page_rows, kiosk::kGlyphPageSide * r.pages),
                   std::to_string(r.shapings_warm_frame), ms(r.first_frame_ms), ms(r.warm_frame_ms), ms(r.switch_ms)});
    }
    table.note(
        format("  (page rows: rows of %d-pixel-wide glyph pages in use; shaped/frame: paragraphs HarfBuzz shaped in an",
               kiosk::kGlyphPageSide));
    table.note(
        "   unchanged frame; frames: thread CPU of tick + build + software render; switch: the settings panel's");
    table.note("   language row, from the lifting finger's frame through the next, to en→km, km→fr, fr→en)");
    table.heading("6. Speech, bundled exhibit in English (eSpeak NG; thread CPU, this build)",
                  {"CPU", "1st part", "speech", "x real time"});
    if (!speech.error.empty())
        table.note("n/a: " + speech.error);
    else {
        table.row("eSpeak NG started (data read, English and French voices listed)", {ms(speech.start_ms)});
        table.row("resident memory before the start, after the first utterance",
                  {mib(speech.rss_before), mib(speech.rss_after)});
        for (const SpeechRun::Made& m : speech.made)
            table.row(m.what, {ms(m.cpu_ms), ms(m.first_part_ms), format("%.1f s", double(m.speech_ms) / 1000),
                               m.cpu_ms > 0 ? format("%.0f", double(m.speech_ms) / m.cpu_ms) : "n/a"});
        table.note("  (1st part: what a window waits before the first words play, the rest being made while they");
        table.note("   do; x real time: seconds of speech made per second of CPU)");
    }
    print_startup(table, vitrine, tmp);
    table.print(stdout);
    std::printf("\nbench time %.0f s\n", bench::seconds_since(bench_start));

    std::error_code ec;
    if (tmp_dir) std::filesystem::remove_all(tmp, ec);
    return 0;
}
