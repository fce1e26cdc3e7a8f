// Explore, the home screen: title band, the photograph with caption and credit,
// the selected event's card and the timeline strip.
#pragma once

#include "exhibit_state.h"
#include "explore_layout.h"
#include "fonts.h"
#include "pack.h"

#include <imgui.h>
#include <map>
#include <string>

namespace kiosk {

// A photograph already uploaded by the platform, by Photograph::id.
struct PhotoTexture {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
};
using PhotoTextures = std::map<std::string, PhotoTexture>;

void draw_explore(ImDrawList& dl, const Pack& pack, const ExhibitState& state, const ExploreLayout& layout,
                  const Fonts& fonts, const PhotoTextures& photos);

}  // namespace kiosk
