// About's column measured: the title and version (and, for a translation not
// yet reviewed, a note saying so), the content note, what the exhibit lacks,
// credits, licence, who translated it into each language, and sources. Its drawing walks the same flow.
#pragma once

#include "layout/flow_painter.h"
#include "layout/ui_context.h"

namespace kiosk {

// Walks the column from `top`, drawing when `paint` is given; returns its height.
float about_flow(const Ui& ui, FlowPainter* paint, float top);
float about_content_height(const Ui& ui);

}  // namespace kiosk
