// Outside opening hours the kiosk draws a black frame; where the board lets it,
// it also switches the panel off (DRM DPMS: the backlight of a DSI panel, an
// HDMI monitor's standby) and back on when a touch wakes it for staff.
#pragma once

#include <functional>
#include <string>

struct SDL_Window;

namespace platform {

// When to switch: off only once the black frame is on the glass (so waking never
// shows the last exhibit frame first), on before the next frame is drawn, once
// per change. The switch itself is a function, so tests can stand in for DRM.
class DisplayPower {
public:
    using Switch = std::function<bool(bool on)>;  // false: the display refused

    DisplayPower() = default;
    DisplayPower(Switch power, std::string how) : switch_(std::move(power)), how_(std::move(how)) {}

    // DRM's DPMS property on the window's connectors under SDL's KMSDRM driver;
    // otherwise a DisplayPower that does nothing (the frame alone is black).
    static DisplayPower for_window(SDL_Window* window);

    bool available() const { return bool(switch_); }
    const std::string& how() const { return how_; }
    bool is_off() const { return off_; }

    // Before drawing a frame: the display must be on unless the screen is off.
    void before_frame(bool screen_off);
    // After presenting a frame: a black frame is showing, so the panel may go off.
    void after_frame(bool screen_off);

private:
    void set(bool on);

    Switch switch_;
    std::string how_;
    bool off_ = false;
    bool refused_ = false;  // reported once, then left alone
};

}  // namespace platform
