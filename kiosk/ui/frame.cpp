#include "ui/frame.h"

namespace kiosk {

ImGuiContext* create_imgui_context() {
    ImGuiContext* ctx = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk writes nothing into the working directory
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.MouseDrawCursor = false;
    // The kiosk's renderer (platform/imgui_sdl_renderer.cpp) honours each
    // command's VtxOffset: a screen of any size never meets the 65 536-vertex
    // limit of 16-bit indices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    return ctx;
}

ImDrawData* build_frame(const Display& display, float delta_s, const std::function<void(ImDrawList&)>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(display.width), float(display.height));
    io.DeltaTime = delta_s > 0 ? delta_s : 1.f / 60.f;
    ImGui::NewFrame();
    draw(*ImGui::GetBackgroundDrawList());
    ImGui::Render();
    return ImGui::GetDrawData();
}

}  // namespace kiosk
