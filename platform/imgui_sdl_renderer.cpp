#include "imgui_sdl_renderer.h"

#include <cstddef>

namespace platform {

void render_draw_data(SDL_Renderer* renderer, const ImDrawData* data) {
    static_assert(sizeof(ImDrawIdx) == 2 || sizeof(ImDrawIdx) == 4, "SDL takes 16- or 32-bit indices");
    // ImU32 colours are R, G, B, A in memory on little-endian targets, as SDL_Color.
    static_assert(sizeof(ImU32) == sizeof(SDL_Color), "colour layout");
    SDL_Rect old_clip;
    SDL_RenderGetClipRect(renderer, &old_clip);
    const bool had_clip = SDL_RenderIsClipEnabled(renderer);

    const ImVec2 origin = data->DisplayPos;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        const ImDrawVert* verts = list->VtxBuffer.Data;
        const ImDrawIdx* indices = list->IdxBuffer.Data;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            const SDL_Rect clip = {int(cmd.ClipRect.x - origin.x), int(cmd.ClipRect.y - origin.y),
                                   int(cmd.ClipRect.z - cmd.ClipRect.x), int(cmd.ClipRect.w - cmd.ClipRect.y)};
            if (clip.w <= 0 || clip.h <= 0) continue;
            SDL_RenderSetClipRect(renderer, &clip);
            const ImDrawVert* v = verts + cmd.VtxOffset;
            SDL_RenderGeometryRaw(renderer, static_cast<SDL_Texture*>(cmd.GetTexID()),
                                  &v->pos.x, int(sizeof(ImDrawVert)),
                                  reinterpret_cast<const SDL_Color*>(&v->col), int(sizeof(ImDrawVert)),
                                  &v->uv.x, int(sizeof(ImDrawVert)),
                                  list->VtxBuffer.Size - int(cmd.VtxOffset),
                                  indices + cmd.IdxOffset, int(cmd.ElemCount), int(sizeof(ImDrawIdx)));
        }
    }
    SDL_RenderSetClipRect(renderer, had_clip ? &old_clip : nullptr);
}

}  // namespace platform
