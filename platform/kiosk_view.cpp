#include "kiosk_view.h"

#include "ui/frame.h"
#include "imgui_sdl_renderer.h"
#include "pack/pack_limits.h"
#include "pack/pack_text.h"
#include "pack/photo_scaling.h"
#include "ui/screens.h"
#include "ui/screens/unavailable_screen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace platform {

KioskView::~KioskView() {
    photos_.clear();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
    if (imgui_) ImGui::DestroyContext(imgui_);
}

namespace {

// What staff read when the exhibit's screens do not fit the display.
std::string display_too_small(const kiosk::Display& d, const std::vector<std::string>& problems) {
    std::string panel = std::to_string(d.width) + "x" + std::to_string(d.height);
    if (d.panel_inches > 0) {
        const int tenths = int(std::lround(d.panel_inches * 10));
        panel += ", " + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " inches";
    }
    // What to do first; which screens do not fit after.
    return "this display (" + panel + ") is too small: 800x480 on a 7-inch panel and larger are supported (" +
           problems.front() + (problems.size() > 1 ? ", and " + std::to_string(problems.size() - 1) + " more" : "") +
           ")";
}

}  // namespace

kiosk::PackLoadOptions pack_load_options(int width, int height) {
    kiosk::PackLoadOptions o;
    if (width > 0 && height > 0) {
        // The panel's longest side: what the memory budget is checked for, so
        // thirteen 40-megapixel photographs fit a 1 GB board. The viewer's zoom
        // magnifies these pixels rather than keeping four times as many.
        o.max_photo_side = std::max(width, height);
        o.display_width = width;
        o.display_height = height;
    }
    return o;
}

kiosk::Ui KioskView::ui() const {
    const auto& languages = loaded_.pack.settings.languages;
    const size_t lang = size_t(state_.visitor.language) < languages.size() ? size_t(state_.visitor.language) : 0;
    return kiosk::Ui{loaded_.pack, layouts_, fonts_, config_, languages.empty() ? "en" : languages[lang]};
}

bool KioskView::init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
                     const kiosk::KioskConfig& config, const std::string& font_dir, int64_t now_ms,
                     std::string* error) {
    renderer_ = renderer;
    rotation_ = {config.rotation, display.width, display.height};
    display_ = {rotation_.logical_width(), rotation_.logical_height(), display.panel_inches};
    config_ = config;
    font_dir_ = font_dir;
    loaded_ = std::move(pack);
    exhibit_loaded_ = loaded_.ok() && !loaded_.pack.events.empty();
    staff_details_.clear();
    staff_label_.clear();
    if (!exhibit_loaded_) {
        for (const kiosk::Diagnostic& d : loaded_.diagnostics)
            if (d.severity == kiosk::Diagnostic::Severity::Error) staff_details_.push_back(d.to_string());
        if (staff_details_.empty()) staff_details_.push_back(loaded_.pack.dir + ": the exhibit has no events");
    }

    imgui_ = kiosk::create_imgui_context();
    ImGui::SetCurrentContext(imgui_);
    // The unavailable screen's words always: a display too small for the
    // exhibit's screens is only found once the layouts are made.
    glyph_text_ = exhibit_loaded_ ? kiosk::collect_pack_text(loaded_.pack) + kiosk::interface_text(loaded_.pack)
                                  : std::string();
    glyph_text_ += kiosk::unavailable_screen_text();
    for (const std::string& line : staff_details_) glyph_text_ += line;
    if (!build_fonts_and_layouts(error)) return false;
    if (exhibit_loaded_) {
        const std::vector<std::string> problems = kiosk::layout_problems(layouts_);
        if (!problems.empty()) {
            // Screens that overlap are no exhibit: say so, on screen and in the journal.
            exhibit_loaded_ = false;
            staff_label_ = kiosk::kDisplayTooSmallLabel;
            staff_details_ = {display_too_small(display_, problems)};
            std::fprintf(stderr, "vitrine: %s\n", staff_details_[0].c_str());
            for (const std::string& p : problems) std::fprintf(stderr, "vitrine: %s\n", p.c_str());
        }
    }
    if (exhibit_loaded_) {
        upload_photos();
        state_ = kiosk::initial_state(ui(), now_ms);
    }
    return true;
}

// The screens show the exhibit's photograph: Explore at the size of its frame,
// the viewer and the attract loop at up to twice the panel (the loader keeps
// photographs at the panel's longest side, so a larger original gives a sharper
// zoom only up to that), or at the panel's size when that would take more than
// half the photographs' memory budget. No other photograph is drawn, so none other takes texture
// memory, and the decoded pixels are dropped once they live in textures.
void KioskView::upload_photos() {
    const std::string& shown = loaded_.pack.exhibit.photo;
    const kiosk::Rect& frame = layouts_.explore.photo_frame;
    const float border = kiosk::photo_border(layouts_.unit);
    photos_.upload(renderer_, loaded_.pack, int(frame.w - 2 * border), int(frame.h - 2 * border),
                   kiosk::PhotoSize::Frame, shown);
    int zoom = 2;
    if (const kiosk::Photograph* p = loaded_.pack.find_photo(shown)) {
        int w = 0, h = 0;
        kiosk::fit_size(p->width, p->height, display_.width * 2, display_.height * 2, w, h);
        if (int64_t(w) * h * 4 > kiosk::kPhotoMemoryBudgetBytes / 2) zoom = 1;
    }
    // The panel's own pixels (a turned panel swaps width and height, not the count).
    photos_.upload(renderer_, loaded_.pack, display_.width * zoom, display_.height * zoom, kiosk::PhotoSize::Full,
                   shown);
    for (kiosk::Photograph& p : loaded_.pack.photographs) std::vector<uint8_t>().swap(p.rgba);
}

bool KioskView::build_fonts_and_layouts(std::string* error) {
    ImGui::SetCurrentContext(imgui_);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
    font_texture_ = nullptr;
    const auto sizes = kiosk::type_scale_for(display_, state_.visitor.large_text);
    if (!kiosk::build_fonts(atlas, sizes, font_dir_, glyph_text_, fonts_, error)) return false;
    font_texture_ = upload_font_atlas(renderer_);
    if (!font_texture_) {
        if (error) *error = std::string("cannot upload the font atlas: ") + SDL_GetError();
        return false;
    }
    fonts_for_ = state_.visitor;
    if (exhibit_loaded_) layouts_ = kiosk::layout_screens(display_, fonts_, loaded_.pack);
    return true;
}

// Larger text needs fonts baked at the larger sizes and layouts made with them.
void KioskView::follow_visitor_settings() {
    if (state_.visitor.large_text == fonts_for_.large_text) return;
    std::string error;
    if (!build_fonts_and_layouts(&error)) {
        std::fprintf(stderr, "vitrine: %s\n", error.c_str());
        return;
    }
    kiosk::refresh_scroll_ranges(state_, ui());
}

bool KioskView::handle(const kiosk::InputEvent& event) {
    if (!exhibit_loaded_) return false;
    kiosk::InputEvent upright = event;
    rotation_.to_logical(event.x, event.y, upright.x, upright.y);
    const bool changed = kiosk::update(state_, upright, ui());
    follow_visitor_settings();
    return changed;
}

kiosk::TickResult KioskView::tick(int64_t now_ms) {
    if (!exhibit_loaded_) return {};
    const kiosk::TickResult r = kiosk::tick(state_, now_ms, ui());
    follow_visitor_settings();
    return r;
}

const ImDrawData* KioskView::build(int64_t now_ms) {
    ImGui::SetCurrentContext(imgui_);
    return kiosk::build_frame(display_, 1.f / 60.f, [&](ImDrawList& dl) {
        if (exhibit_loaded_) {
            const kiosk::Ui u = ui();
            const kiosk::Palette& palette = kiosk::palette_for(state_.visitor.high_contrast);
            kiosk::draw_exhibit({dl, u, state_, palette, photos_.textures(), now_ms});
        } else {
            kiosk::draw_unavailable(dl, display_, fonts_, staff_details_, staff_label_);
        }
    });
}

void KioskView::show_notice(const std::string& text, bool problem, int64_t now_ms) {
    kiosk::show_notice(state_, text, problem, now_ms);
}

bool KioskView::set_opening(bool open_now, int64_t now_ms) {
    if (!exhibit_loaded_) return false;
    const bool before = state_.screen_off;
    kiosk::set_opening(state_, open_now, ui(), now_ms);
    return state_.screen_off != before;
}

bool KioskView::quiet(int64_t now_ms) const {
    constexpr int64_t kQuietMs = 30000;
    return !exhibit_loaded_ || state_.screen == kiosk::Screen::Attract ||
           (now_ms - state_.last_input_ms >= kQuietMs && state_.gestures.touches().empty() && !state_.pin_open);
}

void KioskView::render(int64_t now_ms) {
    const ImDrawData* data = build(now_ms);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0xff);
    SDL_RenderClear(renderer_);
    render_draw_data(renderer_, data, &rotation_);
}

}  // namespace platform
