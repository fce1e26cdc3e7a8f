// The timeline strip's geometry at any zoom: time (fractional years) to content
// pixels, the markers and the clusters they merge into where they would sit
// closer than a fingertip, the tick labels that suit the zoom (decades down to
// days), and the zoom that separates a cluster or shows one event on its own.
// Plain functions of the axis, the events' dates and the zoom, so input, drawing
// and tests all see the same strip.
#pragma once

#include "text/fonts.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Years map to "content" pixels, which scroll under the strip's view. At zoom 1
// (the outermost) the content is `content_width` wide; zoom multiplies it, down
// to a day a fingertip wide.
//
// Deep time: a span longer than kDeepTimeYears would leave events a century
// apart closer than a pixel, and no float zoom parts them. There each power of
// ten of years after the first year, and before the last, takes the same width
// (two logarithmic scales meeting in the middle, even within kDeepTimeNearYears
// of either end): the 370,000 years after the Big Bang and the last century both
// have room, and the billions between are drawn short. Shorter spans keep the
// plain even scale.
constexpr double kDeepTimeYears = 10000;
constexpr double kDeepTimeNearYears = 10;

struct TimelineAxis {
    float view_left = 0, view_right = 0;  // screen pixels of the visible axis
    float content_width = 0;              // pixels from the first year to the last, at zoom 1
    float y = 0;                          // the axis line
    double first_year = 0, last_year = 0;
    float max_zoom = 1;  // a day is then more than a fingertip wide

    float view_width() const { return view_right - view_left; }
    float width(float zoom = 1) const { return content_width * zoom; }
    float max_scroll(float zoom = 1) const { return width(zoom) > view_width() ? width(zoom) - view_width() : 0; }
    bool deep() const { return last_year - first_year > kDeepTimeYears; }
    // Pixels per year: everywhere on an even scale; in deep time at either end,
    // where they are most (so max_zoom gives a day a fingertip there).
    double px_per_year(float zoom = 1) const;
    // Pixels from year `a` to year `b`.
    double span_px(double a, double b, float zoom = 1) const;
    float content_x(double year, float zoom = 1) const;
    double year_at(float content, float zoom = 1) const;
    float screen_x(float content, float scroll) const { return view_left + content - scroll; }
    float clamp_zoom(float zoom) const { return zoom < 1 ? 1 : zoom > max_zoom ? max_zoom : zoom; }

private:
    double deep_fraction(double year) const;  // 0 at first_year, 1 at last_year
    double deep_length() const;               // half the scale's length, in natural logarithms
};

// Markers closer than a fingertip merge into one numbered cluster. A cluster
// never spans a fingertip or more, so a tap on it can zoom its events apart
// without the rest of the strip merging into it.
struct MarkerCluster {
    int first = 0;  // first event index
    int count = 1;
    float x = 0;  // content pixels
};

// The strip's markers at one zoom.
struct StripMarkers {
    float zoom = 1;
    std::vector<float> x;  // per event, content pixels
    std::vector<MarkerCluster> clusters;
    std::vector<int> cluster_of;  // per event, its cluster
};

// `years`: each event's place in time, in time order. Any two clusters (or
// single markers) are drawn at least `target` pixels apart.
StripMarkers strip_markers(const TimelineAxis& axis, const std::vector<double>& years, float target, float zoom);

// The zoom at which the events of `cluster` each get their own marker and all fit
// in the strip's view, at least `zoom`; nullopt when none does (events on the
// same day, or too many spread too far for one view).
std::optional<float> zoom_to_separate(const TimelineAxis& axis, const std::vector<double>& years, float target,
                                      const MarkerCluster& cluster, float zoom);

// The least zoom, at least `zoom`, at which event `index` has a marker of its
// own, or the deepest zoom when another event shares its day.
float zoom_to_single(const TimelineAxis& axis, const std::vector<double>& years, float target, int index, float zoom);

// The scroll at `zoom` that keeps the content under screen x `at` there when the
// zoom changes from `from` to `to`.
float scroll_after_zoom(const TimelineAxis& axis, float scroll, float from, float to, float at);

// A labelled tick: decades or years, months, or days, as the zoom allows; in deep
// time round years (1, 2 or 5 times a power of ten) wherever their labels fit.
struct StripTick {
    float x = 0;  // content pixels
    float label_width = 0;
    std::string label;  // "1975", "Apr", "17 Apr", "500 BC"
};

// The ticks in view (and a little beyond) at `zoom` and `scroll`, at the finest
// step whose labels, in `role`, do not touch.
std::vector<StripTick> strip_ticks(const TimelineAxis& axis, const Fonts& fonts, FontRole role, float zoom,
                                   float scroll, const std::string& lang);

}  // namespace kiosk
