#include "imgui_sdl_renderer.h"

#include <algorithm>
#include <cstddef>
#include <vector>

namespace platform {

void render_draw_data(SDL_Renderer* renderer, const ImDrawData* data, const kiosk::PanelRotation* rotation) {
    const bool turned = rotation && rotation->degrees != 0;
    std::vector<float> turned_xy;  // vertex positions on the panel, when it is turned
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
        if (turned) {
            turned_xy.resize(size_t(list->VtxBuffer.Size) * 2);
            for (int i = 0; i < list->VtxBuffer.Size; ++i)
                rotation->to_panel(verts[i].pos.x, verts[i].pos.y, turned_xy[size_t(i) * 2], turned_xy[size_t(i) * 2 + 1]);
        }
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
                continue;
            }
            float x0 = cmd.ClipRect.x - origin.x, y0 = cmd.ClipRect.y - origin.y;
            float x1 = cmd.ClipRect.z - origin.x, y1 = cmd.ClipRect.w - origin.y;
            if (turned) {
                float ax, ay, bx, by;
                rotation->to_panel(x0, y0, ax, ay);
                rotation->to_panel(x1, y1, bx, by);
                x0 = std::min(ax, bx), x1 = std::max(ax, bx), y0 = std::min(ay, by), y1 = std::max(ay, by);
            }
            const SDL_Rect clip = {int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
            if (clip.w <= 0 || clip.h <= 0) continue;
            SDL_RenderSetClipRect(renderer, &clip);
            const ImDrawVert* v = verts + cmd.VtxOffset;
            const float* xy = turned ? &turned_xy[size_t(cmd.VtxOffset) * 2] : &v->pos.x;
            SDL_RenderGeometryRaw(renderer, static_cast<SDL_Texture*>(cmd.GetTexID()),
                                  xy, turned ? int(2 * sizeof(float)) : int(sizeof(ImDrawVert)),
                                  reinterpret_cast<const SDL_Color*>(&v->col), int(sizeof(ImDrawVert)),
                                  &v->uv.x, int(sizeof(ImDrawVert)),
                                  list->VtxBuffer.Size - int(cmd.VtxOffset),
                                  indices + cmd.IdxOffset, int(cmd.ElemCount), int(sizeof(ImDrawIdx)));
        }
    }
    SDL_RenderSetClipRect(renderer, had_clip ? &old_clip : nullptr);
}

}  // namespace platform
