// Explore's event card measured: its flowing text (date, era, headline, text,
// the "Disputed" note), the sources line under it, and how far it scrolls. The
// card's drawing (ui/screens/explore_screen.cpp) walks the same flow.
#pragma once

#include "layout/flow_painter.h"
#include "layout/ui_context.h"

#include <string>

namespace kiosk {

// "Source: " and the titles of the event's sources, in the visitor's language.
std::string sources_line(const Ui& ui, const Event& e);
// The height the sources line takes at the card's bottom (0 without sources).
float source_height(const Ui& ui, const Event& e);
// Whether the sources line holds the card's bottom (true) or follows the text.
bool source_pinned(const Ui& ui, const Event& e);
// Lays out the card's flowing text from `top`, drawing it when `paint` is given;
// returns its height.
float card_flow(const Ui& ui, const Event& e, FlowPainter* paint, float top);

// The event card's scrolling text height, and the height it has to show it.
struct CardMetrics {
    float content_height = 0;
    float view_height = 0;
};
CardMetrics measure_card(const Ui& ui, const Event& event);

}  // namespace kiosk
