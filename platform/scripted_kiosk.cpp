#include "scripted_kiosk.h"

#include "base/log.h"
#include "virtual_time.h"

#include <sstream>

namespace platform {

bool ScriptedKiosk::open(int width, int height, kiosk::PackLoadResult pack, const kiosk::KioskConfig& config,
                         std::string* error, kiosk::HeadlessRenderer renderer) {
    width_ = width;
    height_ = height;
    return target_.create(width, height, renderer, error) &&
           view_.init(target_.renderer(), kiosk::Display{width, height, config.panel_inches}, std::move(pack), config,
                      VITRINE_FONT_DIR, 0, error);
}

void ScriptedKiosk::wait(int64_t ms) {
    if (ms <= 0) return;
    advance_virtual_time(view_, now_, now_ + ms);
    now_ += ms;
}

bool ScriptedKiosk::play(const std::string& relative_script) {
    const kiosk::ReplayScript script = kiosk::parse_replay(relative_script, "script");
    if (!script.ok()) {
        kiosk::log_error(kiosk::log_from::kInput, script.error);
        return false;
    }
    const int64_t start = now_;
    for (const kiosk::ReplayStep& step : script.steps) {
        wait(start + step.time_ms - now_);
        if (step.action == kiosk::ReplayStep::Action::Input) {
            kiosk::InputEvent e = step.input;
            e.time_ms = now_;
            view_.handle(e);
        }
    }
    return true;
}

void ScriptedKiosk::tap(const kiosk::Rect& r, int64_t after_ms) { tap(r.x + r.w / 2, r.y + r.h / 2, after_ms); }

void ScriptedKiosk::tap(float x, float y, int64_t after_ms) {
    std::ostringstream s;
    s << after_ms << " down 0 " << x << " " << y << "\n" << after_ms + 60 << " up 0 " << x << " " << y << "\n";
    play(s.str());
}

std::vector<uint8_t> ScriptedKiosk::shot() {
    view_.tick(now_);
    view_.render(now_);
    return target_.read_rgba();
}

bool ScriptedKiosk::save_shot(const std::string& path, std::string* error) {
    view_.tick(now_);
    view_.render(now_);
    return target_.save_png(path, error);
}

}  // namespace platform
