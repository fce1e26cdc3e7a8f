// The kiosk's application, without SDL: the loaded exhibit (or why it did not
// load, with the details staff read), the configuration, the fonts and layouts for
// the display and the visitor's text size, the visitor's state and language, and
// the rules that span them: larger text rebuilds the fonts and layouts, a new
// exhibit takes over only at a quiet moment, a display too small for the screens
// is refused plainly. The platform (platform/kiosk_view.h) feeds it input and
// time, uploads what it asks for (the font atlas when it changed, the
// photographs) and draws the Dear ImGui draw data it returns.
#pragma once

#include "config/kiosk_config.h"
#include "config/panel_rotation.h"
#include "input/input.h"
#include "layout/screen_layouts.h"
#include "layout/ui_context.h"
#include "pack/pack_loader.h"
#include "state/exhibit_state.h"
#include "text/fonts.h"
#include "ui/screens.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// The largest side of a photograph's texture: a Raspberry Pi 3's GPU takes no
// larger, and no panel the kiosk supports shows more.
constexpr int kMaxPhotoTextureSide = 2048;

// A photograph the screens draw, and the size the platform uploads it at (found
// again by the photograph and `size`).
struct PhotoRequest {
    std::string photo;
    int max_width = 0, max_height = 0;
    PhotoSize size = PhotoSize::Frame;
};

class App {
public:
    App() = default;
    App(const App&) = delete;
    App& operator=(const App&) = delete;
    ~App();

    // `panel` is the display as the driver reports it; config.rotation turns the
    // exhibit onto it. Takes the loaded pack (valid or not). Returns false only
    // when the kiosk cannot draw at all (no fonts); a broken pack, or a display
    // too small for the screens, still gives an app that shows the "exhibit
    // unavailable" screen.
    bool init(const Display& panel, PackLoadResult pack, const KioskConfig& config, const std::string& font_dir,
              int64_t now_ms, std::string* error);

    bool exhibit_loaded() const { return exhibit_loaded_; }
    // Applies one input event, in the panel's coordinates; true when the screen
    // must be redrawn.
    bool handle(const InputEvent& event);
    // Advances timers and animations.
    TickResult tick(int64_t now_ms);
    // Builds the frame for `now_ms` (valid until the next build), with the
    // photographs the platform uploaded.
    ImDrawData* build(int64_t now_ms, const PhotoTextures& photos);

    // True once after the font atlas was rebuilt (at the start, for larger text):
    // the platform uploads it now, with this app's Dear ImGui context current.
    bool take_font_atlas_change();
    void make_current() const;
    // Every size of every photograph the screens show (none without an exhibit).
    std::vector<PhotoRequest> photo_requests() const;
    // The box `photo` is fitted into at `size`.
    PhotoRequest photo_request(const Photograph& photo, PhotoSize size) const;

    // The platform's answer for the utterance it was asked to play
    // (state().access.speech): its length, captions, and whether a part had no voice.
    void speech_ready(uint64_t serial, int64_t duration_ms, std::vector<CaptionCue> captions, bool unavailable);

    bool exit_requested() const { return state_.exit_requested; }
    // The anonymous visitor counts collected since the last call.
    std::vector<StatEvent> drain_stats() { return state_.stats.drain(); }
    void show_notice(const std::string& text, bool problem, int64_t now_ms);
    // Within opening hours or not; true when the screen went dark or woke.
    bool set_opening(bool open_now, int64_t now_ms);
    // A quiet moment to change exhibits: the attract loop, or nobody touching.
    bool quiet(int64_t now_ms) const;

    const ExhibitState& state() const { return state_; }
    // For tests that set up a visitor's state directly.
    ExhibitState& state_for_tests() { return state_; }
    const ScreenLayouts& layouts() const { return layouts_; }
    const Fonts& fonts() const { return fonts_; }
    // The text engine: its glyph pages are what the platform uploads.
    TextEngine& text() { return text_; }
    const Pack& pack() const { return loaded_.pack; }
    const KioskConfig& config() const { return config_; }
    const Display& display() const { return display_; }  // upright, as the exhibit is laid out
    const PanelRotation& rotation() const { return rotation_; }
    // What staff read on the unavailable screen, and what it is about.
    const std::vector<std::string>& staff_details() const { return staff_details_; }
    const std::string& staff_label() const { return staff_label_; }
    // The screens' inputs, in the visitor's language.
    Ui ui() const;

private:
    bool build_fonts_and_layouts(std::string* error);
    void check_display_fits();
    void follow_visitor_settings();

    ImGuiContext* imgui_ = nullptr;
    std::string font_dir_;
    CapHeights caps_;         // the installed faces' capitals, for the 2.5 mm floor
    Display display_;         // upright, as the exhibit is laid out
    PanelRotation rotation_;  // how the panel is mounted
    KioskConfig config_;
    PackLoadResult loaded_;
    bool exhibit_loaded_ = false;
    std::vector<std::string> staff_details_;
    std::string staff_label_;  // what the details are about (empty: the pack did not load)
    TextEngine text_;          // the fonts' files, shaping and the glyph cache: kept across rebuilds
    Fonts fonts_;
    VisitorSettings fonts_for_;  // the settings the fonts were built for
    bool atlas_changed_ = false;
    ScreenLayouts layouts_;
    ExhibitState state_;
};

}  // namespace kiosk
