#include "app/app.h"

#include "base/log.h"
#include "pack/pack_limits.h"
#include "pack/pack_text.h"
#include "pack/photo_scaling.h"
#include "ui/frame.h"
#include "ui/screens/unavailable_screen.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// The first problem, and how many more.
std::string first_problem(const std::vector<std::string>& problems) {
    return problems.front() + (problems.size() > 1 ? ", and " + std::to_string(problems.size() - 1) + " more" : "");
}

// What staff read when the exhibit's screens do not fit the display.
std::string display_too_small(const Display& d, const std::vector<std::string>& problems) {
    std::string panel = std::to_string(d.width) + "x" + std::to_string(d.height);
    if (d.panel_inches > 0) {
        const int tenths = int(std::lround(d.panel_inches * 10));
        panel += ", " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " inches";
    }
    // What to do first; which screens do not fit after.
    return "this display (" + panel + ") is too small: 800x480 on a 7-inch panel and larger are supported (" +
           first_problem(problems) + ")";
}

// The display is one the screens are designed for: 800x480 and larger, either way up.
bool supported_size(const Display& d) {
    return std::max(d.width, d.height) >= 800 && std::min(d.width, d.height) >= 480;
}

// On a display of a supported size the screens are made to fit; when they do
// not, it is the pack's words: the exhibit's text (title, subtitle ...) that,
// replaced by one short word, lets them fit. "" when none does on its own.
std::string text_that_does_not_fit(const Display& display, const Fonts& fonts, const Pack& pack) {
    using Field = LocalText ExhibitInfo::*;
    const std::pair<const char*, Field> fields[] = {
        {"title", &ExhibitInfo::title},       {"subject", &ExhibitInfo::subject},
        {"subtitle", &ExhibitInfo::subtitle}, {"content_note", &ExhibitInfo::content_note},
        {"credits", &ExhibitInfo::credits},   {"licence", &ExhibitInfo::licence},
        {"gaps", &ExhibitInfo::gaps}};
    Pack plain = pack;
    for (const auto& [name, field] : fields) {
        if ((pack.exhibit.*field).empty()) continue;
        // One short word any of the kiosk's fonts draws in one line, in each of the text's languages.
        for (auto& [lang, text] : (plain.exhibit.*field).by_lang) text = "Exhibit";
        const bool fits = layout_problems(layout_screens(display, fonts, plain)).empty();
        plain.exhibit.*field = pack.exhibit.*field;
        if (fits) return name;
    }
    return "";
}

// What staff read when the screens do not fit: the display when it is smaller
// than the screens are made for, else the pack's text that makes them overlap,
// else (no one text to blame) what overlaps, without blaming either.
std::string screens_do_not_fit(const Display& d, const Fonts& fonts, const Pack& pack,
                               const std::vector<std::string>& problems) {
    if (!supported_size(d)) return display_too_small(d, problems);
    const std::string panel = std::to_string(d.width) + "x" + std::to_string(d.height);
    const std::string what = first_problem(problems);
    const std::string field = text_that_does_not_fit(d, fonts, pack);
    if (!field.empty())
        return "the exhibit's " + field + " ([exhibit] " + field + " in pack.toml) does not fit the screens of this " +
               "display (" + panel + "): " + what + "; shorten it, and check the pack with vitrine-pack validate";
    return "the exhibit's screens do not fit this display (" + panel + "), although its size is supported: " + what +
           "; check the pack with vitrine-pack validate --size " + panel;
}

// The errors that kept the pack from loading, or why a pack without events is none.
std::vector<std::string> load_failures(const PackLoadResult& loaded) {
    std::vector<std::string> details;
    for (const Diagnostic& d : loaded.diagnostics)
        if (d.severity == Diagnostic::Severity::Error) details.push_back(d.to_string());
    if (details.empty()) details.push_back(loaded.pack.dir + ": the exhibit has no events");
    return details;
}

}  // namespace

App::~App() {
    if (imgui_) ImGui::DestroyContext(imgui_);
}

Ui App::ui() const {
    const auto& languages = loaded_.pack.settings.languages;
    const size_t lang = size_t(state_.visitor.language) < languages.size() ? size_t(state_.visitor.language) : 0;
    return Ui{loaded_.pack, layouts_, fonts_, config_, languages.empty() ? "en" : languages[lang]};
}

bool App::init(const Display& panel, PackLoadResult pack, const KioskConfig& config, const std::string& font_dir,
               int64_t now_ms, std::string* error) {
    rotation_ = {config.rotation, panel.width, panel.height};
    display_ = {rotation_.logical_width(), rotation_.logical_height(), panel.panel_inches, config.panel_bottom_mm};
    config_ = config;
    font_dir_ = font_dir;
    caps_ = CapHeights{};
    if (!text_.load(font_dir_, error)) return false;
    measure_cap_heights(text_.fonts(), caps_);
    loaded_ = std::move(pack);
    exhibit_loaded_ = loaded_.ok() && !loaded_.pack.events.empty();
    staff_details_.clear();
    staff_label_.clear();
    if (!exhibit_loaded_) staff_details_ = load_failures(loaded_);

    imgui_ = create_imgui_context();
    ImGui::SetCurrentContext(imgui_);
    if (!build_fonts_and_layouts(error)) return false;
    check_display_fits();
    if (exhibit_loaded_) state_ = initial_state(ui(), now_ms);
    return true;
}

// Screens that overlap are no exhibit: say so, on screen and in the journal.
void App::check_display_fits() {
    if (!exhibit_loaded_) return;
    // A control a visitor in a wheelchair cannot reach is for the integrator to
    // know of (a panel mounted too high for its size), not a reason to go dark.
    for (const std::string& p : out_of_reach(layouts_))
        log_warning(log_from::kDisplay, p + " (panel_bottom_mm = " + std::to_string(int(display_.panel_bottom_mm)) +
                                            ": controls are kept 380 to 1220 mm above the floor where they fit)");
    const std::vector<std::string> problems = layout_problems(layouts_);
    if (problems.empty()) return;
    exhibit_loaded_ = false;
    // The pack's own words: the pack could not be shown, and the label says so.
    staff_label_ = supported_size(display_) ? "" : kDisplayTooSmallLabel;
    staff_details_ = {screens_do_not_fit(display_, fonts_, loaded_.pack, problems)};
    log_error(log_from::kDisplay, staff_details_[0]);
    for (const std::string& p : problems) log_error(log_from::kDisplay, p);
}

// The screens show the exhibit's photographs (Pack::shown_photos): Explore each
// at the size of its frame, the viewer and the attract loop fitted inside a
// square of the panel's longest side (a landscape photograph zoomed on a
// portrait panel stays sharp; the viewer's zoom magnifies those pixels rather
// than keeping four times as many), never larger than kMaxPhotoTextureSide a
// side. The validator has checked that they fit the photographs' memory budget
// at that size (photo_budget.h); the platform holds only those the screens have
// asked for lately (platform/photo_store.h).
std::vector<PhotoRequest> App::photo_requests() const {
    if (!exhibit_loaded_) return {};
    std::vector<PhotoRequest> requests;
    for (const PhotoSize size : {PhotoSize::Frame, PhotoSize::Full})
        for (const Photograph* p : loaded_.pack.shown_photos()) requests.push_back(photo_request(*p, size));
    return requests;
}

PhotoRequest App::photo_request(const Photograph& photo, PhotoSize size) const {
    int max_w = std::max(display_.width, display_.height), max_h = max_w;
    if (size == PhotoSize::Frame) {
        const float border = photo_border(layouts_.unit);
        const Rect frame = photo_frame_for(layouts_.explore, &photo).frame;
        max_w = int(frame.w - 2 * border), max_h = int(frame.h - 2 * border);
    }
    return {photo.id, std::clamp(max_w, 1, kMaxPhotoTextureSide), std::clamp(max_h, 1, kMaxPhotoTextureSide), size};
}

bool App::build_fonts_and_layouts(std::string* error) {
    ImGui::SetCurrentContext(imgui_);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    atlas_changed_ = true;
    const auto sizes = type_scale_for(display_, state_.visitor.text_size, caps_);
    if (!build_fonts(atlas, sizes, text_, fonts_, error)) return false;
    fonts_for_ = state_.visitor;
    if (exhibit_loaded_) layouts_ = layout_screens(display_, fonts_, loaded_.pack);
    return true;
}

bool App::take_font_atlas_change() {
    const bool changed = atlas_changed_;
    atlas_changed_ = false;
    return changed;
}

void App::make_current() const { ImGui::SetCurrentContext(imgui_); }

// Another text size needs fonts at its sizes and layouts made with them.
void App::follow_visitor_settings() {
    if (state_.visitor.text_size == fonts_for_.text_size) return;
    std::string error;
    if (!build_fonts_and_layouts(&error)) {
        log_error(log_from::kApp, error);
        return;
    }
    refresh_scroll_ranges(state_, ui());
}

bool App::handle(const InputEvent& event) {
    if (!exhibit_loaded_) return false;
    InputEvent upright = event;
    rotation_.to_logical(event.x, event.y, upright.x, upright.y);
    const bool changed = update(state_, upright, ui());
    follow_visitor_settings();
    return changed;
}

TickResult App::tick(int64_t now_ms) {
    if (!exhibit_loaded_) return {};
    const TickResult r = kiosk::tick(state_, now_ms, ui());
    follow_visitor_settings();
    return r;
}

ImDrawData* App::build(int64_t now_ms, const PhotoTextures& photos) {
    ImGui::SetCurrentContext(imgui_);
    text_.new_frame();
    return build_frame(display_, 1.f / 60.f, [&](ImDrawList& dl) {
        if (exhibit_loaded_) {
            const Ui u = ui();
            const Palette& palette = palette_for(state_.visitor.high_contrast);
            draw_exhibit({dl, u, state_, palette, photos, now_ms});
        } else {
            draw_unavailable(dl, display_, fonts_, staff_details_, staff_label_);
        }
    });
}

void App::speech_ready(uint64_t serial, int64_t duration_ms, std::vector<CaptionCue> captions, bool unavailable) {
    kiosk::speech_ready(state_.access.speech, serial, duration_ms, std::move(captions), unavailable);
}

void App::show_notice(const std::string& text, bool problem, int64_t now_ms) {
    kiosk::show_notice(state_, text, problem, now_ms);
}

bool App::set_opening(bool open_now, int64_t now_ms) {
    if (!exhibit_loaded_) return false;
    const bool before = state_.screen_off;
    kiosk::set_opening(state_, open_now, ui(), now_ms);
    return state_.screen_off != before;
}

bool App::quiet(int64_t now_ms) const {
    constexpr int64_t kQuietMs = 30000;
    return !exhibit_loaded_ || state_.screen == Screen::Attract ||
           (now_ms - state_.last_input_ms >= kQuietMs && state_.gestures.touches().empty() && !state_.pin_open);
}

}  // namespace kiosk
