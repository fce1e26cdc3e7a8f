// Every string a pack can put on screen, gathered once so the font atlas can hold
// a glyph for each of its characters.
#pragma once

#include "pack/pack.h"

#include <functional>
#include <string>

namespace kiosk {

// Calls `visit` with each of those strings, in every language the pack has.
void for_each_pack_text(const Pack& pack, const std::function<void(const std::string&)>& visit);

// All of them, one after another.
std::string collect_pack_text(const Pack& pack);

}  // namespace kiosk
