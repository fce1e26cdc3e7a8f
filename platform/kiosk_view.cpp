#include "kiosk_view.h"

#include "explore_screen.h"
#include "frame.h"
#include "imgui_sdl_renderer.h"
#include "pack_text.h"
#include "unavailable_screen.h"

namespace platform {

KioskView::~KioskView() {
    photos_.clear();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
    if (imgui_) ImGui::DestroyContext(imgui_);
}

bool KioskView::init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
                     const std::string& font_dir, std::string* error) {
    renderer_ = renderer;
    display_ = display;
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
    std::string text = exhibit_loaded_ ? kiosk::collect_pack_text(loaded_.pack) : kiosk::unavailable_screen_text();
    for (const std::string& line : staff_details_) text += line;
    text += "VoicesAbout";
    if (!kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for(display), font_dir, text, fonts_, error))
        return false;
    font_texture_ = upload_font_atlas(renderer);
    if (!font_texture_) {
        if (error) *error = std::string("cannot upload the font atlas: ") + SDL_GetError();
        return false;
    }
    if (exhibit_loaded_) {
        layout_ = kiosk::layout_explore(display, fonts_, loaded_.pack);
        state_ = kiosk::initial_state(loaded_.pack, layout_);
        // Explore shows the photograph inside its frame; the full-screen viewer
        // will need a larger copy.
        const float border = kiosk::photo_border(layout_.unit);
        photos_.upload(renderer, loaded_.pack, int(layout_.photo_frame.w - 2 * border),
                       int(layout_.photo_frame.h - 2 * border));
        // The decoded pixels now live in textures; do not keep a second copy.
        for (kiosk::Photograph& p : loaded_.pack.photographs) std::vector<uint8_t>().swap(p.rgba);
    }
    return true;
}

bool KioskView::handle(const kiosk::InputEvent& event) {
    if (!exhibit_loaded_) return false;
    return kiosk::update(state_, event, loaded_.pack, layout_);
}

void KioskView::render(float delta_s) {
    ImGui::SetCurrentContext(imgui_);
    const ImDrawData* data = kiosk::build_frame(display_, delta_s, [&](ImDrawList& dl) {
        if (exhibit_loaded_)
            kiosk::draw_explore(dl, loaded_.pack, state_, layout_, fonts_, photos_.textures());
        else
            kiosk::draw_unavailable(dl, display_, fonts_, staff_details_);
    });
    SDL_SetRenderDrawColor(renderer_, 0x15, 0x12, 0x0f, 0xff);
    SDL_RenderClear(renderer_);
    render_draw_data(renderer_, data);
}

}  // namespace platform
