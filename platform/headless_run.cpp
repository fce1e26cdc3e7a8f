#include "headless_run.h"

#include "base/file_read.h"
#include "kiosk_view.h"
#include "offscreen.h"
#include "base/printable.h"
#include "input/replay.h"

#include <cstdio>

namespace platform {

namespace {

bool shoot(Offscreen& target, KioskView& view, const std::string& path, int64_t now_ms) {
    view.tick(now_ms);
    view.render(now_ms);
    std::string error;
    if (!target.save_png(path, &error)) {
        std::fprintf(stderr, "vitrine: %s\n", error.c_str());
        return false;
    }
    std::fprintf(stderr, "vitrine: wrote %s\n", kiosk::printable(path, 1024).c_str());
    return true;
}

}  // namespace

int run_headless(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, kiosk::PackLoadResult pack,
                 const std::string& font_dir) {
    kiosk::ReplayScript script;
    if (!options.replay.empty()) {
        // Read once, bounded and without blocking: a FIFO or a device named as the
        // script is refused, and a huge file is not swallowed.
        const kiosk::FileRead file = kiosk::read_regular_file(options.replay, kiosk::kMaxReplayBytes, kiosk::FinalLink::Follow);
        if (!file.ok()) {
            std::fprintf(stderr, "vitrine: %s: cannot read the replay script: %s\n",
                         kiosk::printable(options.replay, 1024).c_str(), file.error.c_str());
            return 1;
        }
        script = kiosk::parse_replay(file.text(), options.replay);
        if (!script.ok()) {
            std::fprintf(stderr, "vitrine: %s\n", script.error.c_str());
            return 1;
        }
    }

    Offscreen target;
    KioskView view;
    std::string error;
    const kiosk::Display display{options.width, options.height, config.panel_inches};
    if (!target.create(options.width, options.height, &error) ||
        !view.init(target.renderer(), display, std::move(pack), config, font_dir, 0, &error)) {
        std::fprintf(stderr, "vitrine: %s\n", error.c_str());
        return 1;
    }

    // Virtual time: the clock is the script's, so a replay runs as fast as the
    // machine can draw and gives the same result every time.
    int64_t now = 0;
    for (const kiosk::ReplayStep& step : script.steps) {
        now = step.time_ms;
        if (step.action == kiosk::ReplayStep::Action::Input) {
            view.tick(now);
            view.handle(step.input);
        } else if (!shoot(target, view, step.shot_file, now)) {
            return 1;
        }
    }
    if (!options.screenshot.empty() && !shoot(target, view, options.screenshot, now)) return 1;
    return view.exhibit_loaded() ? 0 : 1;
}

}  // namespace platform
