// Pack texts a display would cut: the exhibit's title and subtitle that do not
// fit beside Explore's buttons even on two lines (the title at the smaller
// size), and an event's date too long for its card even on two lines. The
// kiosk ends them in "…"; the validator names them, so a curator
// shortens a text before a visitor ever sees it cut.
#pragma once

#include "layout/screen_layouts.h"

#include <string>
#include <vector>

namespace kiosk {

// One line each, in the validator's plain words: "subtitle (en) does not fit
// beside the buttons at 800x480: 103 characters, room for about 70 on two
// lines; shorten it". Empty when every text fits whole.
std::vector<std::string> cut_pack_texts(const ScreenLayouts& layouts, const Fonts& fonts, const Pack& pack);

}  // namespace kiosk
