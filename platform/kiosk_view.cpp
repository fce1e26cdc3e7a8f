#include "kiosk_view.h"

#include "frame.h"
#include "imgui_sdl_renderer.h"
#include "pack_text.h"
#include "screens.h"
#include "unavailable_screen.h"

namespace platform {

KioskView::~KioskView() {
    photos_.clear();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
    if (imgui_) ImGui::DestroyContext(imgui_);
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
    if (!exhibit_loaded_) {
        for (const kiosk::Diagnostic& d : loaded_.diagnostics)
            if (d.severity == kiosk::Diagnostic::Severity::Error) staff_details_.push_back(d.to_string());
        if (staff_details_.empty()) staff_details_.push_back(loaded_.pack.dir + ": the exhibit has no events");
    }

    imgui_ = kiosk::create_imgui_context();
    ImGui::SetCurrentContext(imgui_);
    glyph_text_ = exhibit_loaded_ ? kiosk::collect_pack_text(loaded_.pack) + kiosk::interface_text(loaded_.pack)
                                  : kiosk::unavailable_screen_text();
    for (const std::string& line : staff_details_) glyph_text_ += line;
    if (!build_fonts_and_layouts(error)) return false;
    if (exhibit_loaded_) {
        const kiosk::Rect& frame = layouts_.explore.photo_frame;
        const float border = kiosk::photo_border(layouts_.unit);
        // Explore's copy at the size of its frame; the viewer's at twice the
        // screen, so a 2× zoom stays sharp.
        photos_.upload(renderer, loaded_.pack, int(frame.w - 2 * border), int(frame.h - 2 * border), "");
        photos_.upload(renderer, loaded_.pack, display.width * 2, display.height * 2, "@full");
        // The decoded pixels now live in textures; do not keep a second copy.
        for (kiosk::Photograph& p : loaded_.pack.photographs) std::vector<uint8_t>().swap(p.rgba);
        state_ = kiosk::initial_state(ui(), now_ms);
    }
    return true;
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
            kiosk::draw_unavailable(dl, display_, fonts_, staff_details_);
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
