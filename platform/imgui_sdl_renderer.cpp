#include "imgui_sdl_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <vector>

namespace platform {

namespace {

// The triangles of one command that can touch its clip rectangle. SDL's software
// renderer works in fixed point and misbehaves on triangles far outside the
// target, and none of them could show anyway: only what is visible is submitted,
// so the cost of a frame follows what is on screen.
void visible_triangles(const float* xy, int xy_stride, const ImDrawIdx* indices, int count, const SDL_Rect& clip,
                       std::vector<ImDrawIdx>& out) {
    out.clear();
    const float cx0 = float(clip.x), cy0 = float(clip.y), cx1 = float(clip.x + clip.w), cy1 = float(clip.y + clip.h);
    auto at = [&](ImDrawIdx i, int axis) {
        return *reinterpret_cast<const float*>(reinterpret_cast<const char*>(xy) + size_t(i) * size_t(xy_stride) +
                                               size_t(axis) * sizeof(float));
    };
    for (int i = 0; i + 2 < count; i += 3) {
        const ImDrawIdx a = indices[i], b = indices[i + 1], c = indices[i + 2];
        const float x0 = std::min({at(a, 0), at(b, 0), at(c, 0)}), x1 = std::max({at(a, 0), at(b, 0), at(c, 0)});
        const float y0 = std::min({at(a, 1), at(b, 1), at(c, 1)}), y1 = std::max({at(a, 1), at(b, 1), at(c, 1)});
        if (x1 < cx0 || x0 > cx1 || y1 < cy0 || y0 > cy1) continue;
        out.push_back(a);
        out.push_back(b);
        out.push_back(c);
    }
}

// A flat rectangle: two triangles over four corners of one colour and one
// texel (Dear ImGui's filled rectangles), with its corners' positions.
bool flat_rectangle(const float* xy, int xy_stride, const ImDrawVert* v, const ImDrawIdx* t, SDL_Rect& rect) {
    const ImDrawIdx corners[6] = {t[0], t[1], t[2], t[3], t[4], t[5]};
    float xs[6], ys[6];
    for (int i = 0; i < 6; ++i) {
        const ImDrawVert& a = v[corners[i]];
        const ImDrawVert& first = v[corners[0]];
        if (a.col != first.col || a.uv.x != first.uv.x || a.uv.y != first.uv.y) return false;
        const float* p =
            reinterpret_cast<const float*>(reinterpret_cast<const char*>(xy) + size_t(corners[i]) * size_t(xy_stride));
        xs[i] = p[0], ys[i] = p[1];
    }
    const float x0 = *std::min_element(xs, xs + 6), x1 = *std::max_element(xs, xs + 6);
    const float y0 = *std::min_element(ys, ys + 6), y1 = *std::max_element(ys, ys + 6);
    // Every corner on the rectangle's corners, and the two triangles covering it
    // (each has three distinct corners; together all four).
    for (int i = 0; i < 6; ++i)
        if ((xs[i] != x0 && xs[i] != x1) || (ys[i] != y0 && ys[i] != y1)) return false;
    const auto distinct = [&](int a, int b, int c) {
        return (xs[a] != xs[b] || ys[a] != ys[b]) && (xs[a] != xs[c] || ys[a] != ys[c]) &&
               (xs[b] != xs[c] || ys[b] != ys[c]);
    };
    if (!distinct(0, 1, 2) || !distinct(3, 4, 5)) return false;
    // Whole pixels only: there a fill covers exactly the pixels the two
    // triangles would (at fractions SDL's rasteriser rounds its own way).
    for (float f : {x0, x1, y0, y1})
        if (f != std::floor(f) || std::fabs(f) > 1e6f) return false;
    rect = {int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
    return rect.w > 0 && rect.h > 0;
}

}  // namespace

void render_draw_data(SDL_Renderer* renderer, const ImDrawData* data, const kiosk::PanelRotation* rotation) {
    const bool turned = rotation && rotation->degrees != 0;
    std::vector<float> turned_xy;  // vertex positions on the panel, when it is turned
    std::vector<ImDrawIdx> shown;  // one command's visible triangles
    static_assert(sizeof(ImDrawIdx) == 2 || sizeof(ImDrawIdx) == 4, "SDL takes 16- or 32-bit indices");
    // ImU32 colours are R, G, B, A in memory on little-endian targets, as SDL_Color.
    static_assert(sizeof(ImU32) == sizeof(SDL_Color), "colour layout");
    SDL_Rect old_clip;
    SDL_RenderGetClipRect(renderer, &old_clip);
    const bool had_clip = SDL_RenderIsClipEnabled(renderer);
    int out_w = 0, out_h = 0;
    SDL_GetRendererOutputSize(renderer, &out_w, &out_h);

    // Dear ImGui's flat shapes sample its atlas's white texel. Only the software
    // renderer gains from filling rectangles; a GPU draws triangles as cheaply.
    const ImTextureID white_texture = ImGui::GetCurrentContext() ? ImGui::GetIO().Fonts->TexID : nullptr;
    SDL_RendererInfo info{};
    const bool fill_rectangles =
        white_texture && SDL_GetRendererInfo(renderer, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    const ImVec2 origin = data->DisplayPos;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList* list = data->CmdLists[n];
        const ImDrawVert* verts = list->VtxBuffer.Data;
        const ImDrawIdx* indices = list->IdxBuffer.Data;
        if (turned) {
            turned_xy.resize(size_t(list->VtxBuffer.Size) * 2);
            for (int i = 0; i < list->VtxBuffer.Size; ++i)
                rotation->to_panel(verts[i].pos.x, verts[i].pos.y, turned_xy[size_t(i) * 2],
                                   turned_xy[size_t(i) * 2 + 1]);
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
            // The clip rectangle within the target: SDL's fixed-point paths expect sane numbers.
            x0 = std::max(x0, 0.f), y0 = std::max(y0, 0.f);
            if (out_w > 0 && out_h > 0) x1 = std::min(x1, float(out_w)), y1 = std::min(y1, float(out_h));
            if (x1 - x0 < 1 || y1 - y0 < 1) continue;
            const SDL_Rect clip = {int(x0), int(y0), int(x1 - x0), int(y1 - y0)};
            if (clip.w <= 0 || clip.h <= 0) continue;
            // Vertices are counted from VtxOffset; the indices are relative to it.
            const ImDrawVert* v = verts + cmd.VtxOffset;
            const float* xy = turned ? &turned_xy[size_t(cmd.VtxOffset) * 2] : &v->pos.x;
            const int xy_stride = turned ? int(2 * sizeof(float)) : int(sizeof(ImDrawVert));
            visible_triangles(xy, xy_stride, indices + cmd.IdxOffset, int(cmd.ElemCount), clip, shown);
            if (shown.empty()) continue;
            SDL_RenderSetClipRect(renderer, &clip);
            // Flat rectangles are filled as rectangles: SDL's software renderer
            // fills them at memory speed, where it draws a triangle pixel by
            // pixel, sampling and tinting a texel (most of a software frame's
            // cost). The rest goes as triangles, in the same order.
            size_t run = 0;  // the first triangle not drawn yet
            const auto draw_run = [&](size_t end) {
                if (end > run)
                    SDL_RenderGeometryRaw(renderer, static_cast<SDL_Texture*>(cmd.GetTexID()), xy, xy_stride,
                                          reinterpret_cast<const SDL_Color*>(&v->col), int(sizeof(ImDrawVert)),
                                          &v->uv.x, int(sizeof(ImDrawVert)), list->VtxBuffer.Size - int(cmd.VtxOffset),
                                          shown.data() + run, int(end - run), int(sizeof(ImDrawIdx)));
                run = end;
            };
            const bool fills = fill_rectangles && cmd.GetTexID() == white_texture;
            for (size_t i = 0; fills && i + 6 <= shown.size(); i += 3) {
                SDL_Rect rect;
                if (!flat_rectangle(xy, xy_stride, v, &shown[i], rect)) continue;
                draw_run(i);
                SDL_Color c;
                std::memcpy(&c, &v[shown[i]].col, sizeof c);
                // Opaque: a plain fill, with nothing to blend.
                SDL_SetRenderDrawBlendMode(renderer, c.a == 0xff ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
                SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a);
                SDL_RenderFillRect(renderer, &rect);
                i += 3;
                run = i + 3;
            }
            draw_run(shown.size());
        }
    }
    SDL_RenderSetClipRect(renderer, had_clip ? &old_clip : nullptr);
}

}  // namespace platform
