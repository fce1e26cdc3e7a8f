// Voices' touch handling: swipe or the arrows to the next quote, a long quote
// scrolled under the finger, the original of a translated quote, the back button and "Aa".
#include "layout/quote_measure.h"
#include "state/screen_input.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

bool voices_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const VoicesLayout& l = ui.layouts.voices;
    const int count = int(ui.pack.quotes.size());
    auto go = [&](int step) {
        const int next = std::clamp(s.quote + step, 0, std::max(0, count - 1));
        if (next == s.quote) return false;
        s.quote = next;
        s.quote_scroll.set_range(0, quote_overflow(ui, ui.pack.quotes[size_t(next)], s.quote_original));
        s.quote_scroll.jump_to(0);
        s.dragging_quote = false;
        s.quote_direction = step;
        s.quote_changed_ms = g.time_ms;
        if (s.stats.in_session) s.stats.add(StatEvent::Kind::QuoteRead, ui.pack.quotes[size_t(next)].id);
        return true;
    };
    using K = Gesture::Kind;
    if (count > 0 && (g.kind == K::DragStart || g.kind == K::Drag || g.kind == K::DragEnd || g.kind == K::Cancel)) {
        if (g.kind == K::DragStart) {
            const float overflow =
                quote_overflow(ui, ui.pack.quotes[size_t(std::clamp(s.quote, 0, count - 1))], s.quote_original);
            s.dragging_quote = overflow > 0 && l.quote_box.contains(g.start_x, g.start_y);
            if (s.dragging_quote) {
                s.quote_scroll.set_range(0, overflow);
                s.quote_scroll.stop();
            }
        }
        if (!s.dragging_quote) return false;
        if (g.kind == K::DragStart || g.kind == K::Drag) {
            // Up and down scroll the quote; sideways is left to the swipe.
            if (std::abs(g.dy) >= std::abs(g.dx) * 0.5f) s.quote_scroll.drag_by(-g.dy, g.time_ms);
            return true;
        }
        s.quote_scroll.release(g.kind == K::DragEnd ? -g.vy : 0, g.time_ms);
        s.dragging_quote = false;
        return true;
    }
    if (g.kind == Gesture::Kind::Swipe) {
        if (g.direction == Gesture::Direction::Left) return go(1);
        if (g.direction == Gesture::Direction::Right) return go(-1);
        return false;
    }
    if (g.kind != Gesture::Kind::Tap) return false;
    if (top_bar_tap(s, l.bar, g, ui)) return true;
    const float t = ui.layouts.target;
    if (grow_to(l.prev, t).contains(g.x, g.y)) return go(-1);
    if (grow_to(l.next, t).contains(g.x, g.y)) return go(1);
    if (count > 0) {
        const Quote& q = ui.pack.quotes[size_t(std::clamp(s.quote, 0, count - 1))];
        const Rect toggle = original_toggle(ui, q, l.original_row, s.quote_original);
        if (toggle.h > 0 && grow_to(toggle, t).contains(g.x, g.y)) {
            // Every quote after shows the same way, until the visitor switches back.
            s.quote_original = !s.quote_original;
            s.quote_scroll.set_range(0, quote_overflow(ui, q, s.quote_original));
            s.quote_scroll.jump_to(0);
            return true;
        }
    }
    return false;
}

}  // namespace kiosk
