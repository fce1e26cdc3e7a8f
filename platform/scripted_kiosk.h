// The kiosk off-screen, driven by touch scripts in virtual time exactly as
// `vitrine --headless --replay` drives it: for previews, golden tests and
// benchmarks.
#pragma once

#include "input/replay.h"
#include "kiosk_view.h"
#include "offscreen.h"

#include <cstdint>
#include <string>
#include <vector>

namespace platform {

class ScriptedKiosk {
public:
    // False with `error` when the renderer or the fonts cannot be set up; a pack
    // that does not load still gives a kiosk showing the unavailable screen.
    bool open(int width, int height, kiosk::PackLoadResult pack, const kiosk::KioskConfig& config, std::string* error,
              kiosk::HeadlessRenderer renderer = kiosk::HeadlessRenderer::Software);

    // Plays script lines (the replay format) whose times are relative to now.
    // A script that does not parse plays nothing: false, and the reason on stderr.
    bool play(const std::string& relative_script);
    // Lets `ms` of virtual time pass: every timer runs out at its moment, as in
    // real time (virtual_time.h).
    void wait(int64_t ms);
    // A tap on the middle of `r` (or at x, y) after `after_ms`.
    void tap(const kiosk::Rect& r, int64_t after_ms = 300);
    void tap(float x, float y, int64_t after_ms = 300);

    // Renders the current frame and returns it as RGBA8.
    std::vector<uint8_t> shot();
    bool save_shot(const std::string& path, std::string* error);

    KioskView& view() { return view_; }
    const kiosk::ScreenLayouts& layouts() const { return view_.layouts(); }
    int64_t now() const { return now_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    Offscreen target_;
    KioskView view_;
    int width_ = 0, height_ = 0;
    int64_t now_ = 0;
};

}  // namespace platform
