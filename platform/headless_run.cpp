#include "headless_run.h"

#include "base/file_read.h"
#include "base/log.h"
#include "base/printable.h"
#include "input/replay.h"
#include "kiosk_view.h"
#include "offscreen.h"
#include "text_dump.h"
#include "virtual_time.h"

namespace platform {

namespace {

// Renders the frame at `now_ms` into `path`; with `dump` set, writes the text
// runs it drew there too (text_dump.h).
bool shoot(Offscreen& target, KioskView& view, const std::string& path, int64_t now_ms, const std::string& dump = "") {
    std::vector<kiosk::DumpedText> texts;
    if (!dump.empty()) view.text().record(&texts);
    view.render(now_ms);
    view.text().record(nullptr);
    std::string error;
    if (!target.save_png(path, &error) ||
        (!dump.empty() && !write_text_dump(dump, view.text().fonts(), texts, &error))) {
        kiosk::log_error(kiosk::log_from::kApp, error);
        return false;
    }
    kiosk::log_info(kiosk::log_from::kApp, "wrote " + kiosk::printable(path, 1024));
    return true;
}

}  // namespace

int run_headless(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, kiosk::PackLoadResult pack,
                 const std::string& font_dir) {
    kiosk::ReplayScript script;
    if (!options.replay.empty()) {
        // Read once, bounded and without blocking: a FIFO or a device named as the
        // script is refused, and a huge file is not swallowed.
        const kiosk::FileRead file =
            kiosk::read_regular_file(options.replay, kiosk::kMaxReplayBytes, kiosk::FinalLink::Follow);
        if (!file.ok()) {
            kiosk::log_error(kiosk::log_from::kInput,
                             kiosk::printable(options.replay, 1024) + ": cannot read the replay script: " + file.error);
            return 1;
        }
        script = kiosk::parse_replay(file.text(), options.replay);
        if (!script.ok()) {
            kiosk::log_error(kiosk::log_from::kInput, script.error);
            return 1;
        }
    }

    Offscreen target;
    KioskView view;
    std::string error;
    const kiosk::Display display{options.width, options.height, config.panel_inches};
    if (!target.create(options.width, options.height, options.renderer, &error) ||
        !view.init(target.renderer(), display, std::move(pack), config, font_dir, 0, &error)) {
        kiosk::log_error(kiosk::log_from::kApp, error);
        return 1;
    }
    view.set_photo_cache(kiosk::photo_cache_dir(config));
    if (options.first_frame) {
        view.build(0);  // with its photographs and glyphs uploaded: what a board's GPU is handed
        return view.exhibit_loaded() ? 0 : 1;
    }

    if (!options.audio_out.empty() && !view.record_sound(options.audio_out, &error)) {
        kiosk::log_error(kiosk::log_from::kApp, error);
        return 1;
    }
    // Virtual time: the clock is the script's, so a replay runs as fast as the
    // machine can draw and gives the same result every time; every timer between
    // two lines runs out at its moment (virtual_time.h).
    int64_t now = 0;
    for (const kiosk::ReplayStep& step : script.steps) {
        advance_virtual_time(view, now, step.time_ms);
        now = step.time_ms;
        if (step.action == kiosk::ReplayStep::Action::Input) {
            view.handle(step.input);
        } else if (!shoot(target, view, step.shot_file, now,
                          options.dump_text.empty() ? "" : dump_path_for_shot(step.shot_file))) {
            return 1;
        }
    }
    if (!options.screenshot.empty()) {
        advance_virtual_time(view, now, now);
        if (!shoot(target, view, options.screenshot, now, options.dump_text)) return 1;
    }
    if (!view.finish_sound(now, &error)) {
        kiosk::log_error(kiosk::log_from::kApp, error);
        return 1;
    }
    return view.exhibit_loaded() ? 0 : 1;
}

}  // namespace platform
