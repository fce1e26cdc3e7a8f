// The software renderer fills Dear ImGui's flat rectangles as rectangles (at
// memory speed) rather than as two textured triangles: the pixels must be the
// ones the triangles give, opaque or translucent, beside rounded and
// fractional shapes that still go as triangles.
#include "imgui_sdl_renderer.h"
#include "offscreen.h"
#include "textures.h"
#include "ui/frame.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace {

void draw_shapes(ImDrawList& dl) {
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(320, 240), 0xff151210u);                 // opaque, whole pixels
    dl.AddRectFilled(ImVec2(20, 30), ImVec2(200, 150), 0x60ffffffu);               // translucent
    dl.AddRectFilled(ImVec2(40.5f, 60.25f), ImVec2(90.5f, 200.75f), 0xff3040c0u);  // fractional: triangles
    dl.AddRectFilled(ImVec2(150, 100), ImVec2(300, 220), 0xc0208040u, 12.f);       // rounded: triangles
    dl.AddRectFilled(ImVec2(250, 10), ImVec2(251, 230), 0xffffffffu);              // a one-pixel rule
}

std::vector<uint8_t> through(bool as_triangles) {
    platform::Offscreen target;
    std::string error;
    REQUIRE(target.create(320, 240, &error));
    ImGuiContext* ctx = kiosk::create_imgui_context();
    SDL_Texture* atlas = platform::upload_font_atlas(target.renderer());
    REQUIRE(atlas);
    const ImDrawData* data = kiosk::build_frame({320, 240, 0}, 1.f / 60, draw_shapes);
    SDL_SetRenderDrawColor(target.renderer(), 0, 0, 0, 0xff);
    SDL_RenderClear(target.renderer());
    if (!as_triangles) {
        platform::render_draw_data(target.renderer(), data);
    } else {
        // What render_draw_data did before: every command as SDL geometry.
        for (int n = 0; n < data->CmdListsCount; ++n) {
            const ImDrawList* list = data->CmdLists[n];
            for (const ImDrawCmd& cmd : list->CmdBuffer) {
                const ImDrawVert* v = list->VtxBuffer.Data + cmd.VtxOffset;
                SDL_RenderGeometryRaw(target.renderer(), static_cast<SDL_Texture*>(cmd.GetTexID()), &v->pos.x,
                                      int(sizeof(ImDrawVert)), reinterpret_cast<const SDL_Color*>(&v->col),
                                      int(sizeof(ImDrawVert)), &v->uv.x, int(sizeof(ImDrawVert)),
                                      list->VtxBuffer.Size - int(cmd.VtxOffset), list->IdxBuffer.Data + cmd.IdxOffset,
                                      int(cmd.ElemCount), int(sizeof(ImDrawIdx)));
            }
        }
    }
    std::vector<uint8_t> rgba = target.read_rgba();
    SDL_DestroyTexture(atlas);
    ImGui::DestroyContext(ctx);
    return rgba;
}

}  // namespace

TEST_CASE("flat rectangles filled as rectangles give the triangles' pixels", "[renderer]") {
    const std::vector<uint8_t> filled = through(false), triangles = through(true);
    REQUIRE(filled.size() == triangles.size());
    int worst = 0;
    for (size_t i = 0; i < filled.size(); ++i) worst = std::max(worst, std::abs(int(filled[i]) - int(triangles[i])));
    CHECK(worst <= 1);
    // And they drew something: the translucent square over the dark ground.
    const size_t inside = (size_t(40) * 320 + 30) * 4;
    CHECK(int(filled[inside]) > 0x40);
}
