// About: the exhibit's title and version, the content note, what the exhibit
// lacks, credits, licence and every source, in one column that scrolls under the
// finger.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_about(const DrawContext& c) {
    const Ui& ui = c.ui;
    const AboutLayout& l = ui.layouts.about;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);

    const Rect& col = l.column;
    const float scroll = c.state.about.offset();
    c.dl.PushClipRect(snap(col.x - 8, col.y), snap(col.right() + 8, col.bottom()), true);
    FlowDrawer paint(c.dl, ui.fonts, p);
    about_flow(ui, &paint, col.y - scroll);
    c.dl.PopClipRect();

    const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, col.h / 5);
    draw_scroll_hints(c.dl, p, {col.x - 8, col.y, col.w + 16, col.h}, about_content_height(ui), scroll, fade,
                      col.right() + std::round(24 * ui.layouts.unit), ui.layouts.unit);

    draw_icon_button(c.dl, p, l.bar.back, Icon::Back, true, ui_text(UiText::CommonBack, ui.lang), &ui.fonts);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
}

}  // namespace kiosk
