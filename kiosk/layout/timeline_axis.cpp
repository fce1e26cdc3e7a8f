#include "layout/timeline_axis.h"

#include "layout/text_measure.h"
#include "pack/date.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace kiosk {

// --- the axis ---

// g(year) = ln(1 + since the first year / N) − ln(1 + before the last year / N),
// N = kDeepTimeNearYears: from −length at the first year to +length at the last.
double TimelineAxis::deep_length() const { return std::log1p((last_year - first_year) / kDeepTimeNearYears); }

double TimelineAxis::deep_fraction(double year) const {
    // Beyond either end (never an event's place) the scale goes on evenly.
    const double end_slope = (1 / kDeepTimeNearYears + 1 / (last_year - first_year + kDeepTimeNearYears)) / 2;
    if (year < first_year) return (year - first_year) * end_slope / deep_length();
    if (year > last_year) return 1 + (year - last_year) * end_slope / deep_length();
    const double g =
        std::log1p((year - first_year) / kDeepTimeNearYears) - std::log1p((last_year - year) / kDeepTimeNearYears);
    return (g / deep_length() + 1) / 2;
}

double TimelineAxis::px_per_year(float zoom) const {
    if (deep()) return width(zoom) * (deep_fraction(last_year) - deep_fraction(last_year - 1));
    return width(zoom) / (last_year - first_year);
}

double TimelineAxis::span_px(double a, double b, float zoom) const {
    if (deep()) return (deep_fraction(b) - deep_fraction(a)) * width(zoom);
    return (b - a) * px_per_year(zoom);
}

float TimelineAxis::content_x(double year, float zoom) const {
    if (deep()) return float(deep_fraction(year) * width(zoom));
    return float((year - first_year) * px_per_year(zoom));
}

double TimelineAxis::year_at(float content, float zoom) const {
    if (!deep()) return first_year + content / px_per_year(zoom);
    const double fraction = content / double(width(zoom));
    const double end_slope = (1 / kDeepTimeNearYears + 1 / (last_year - first_year + kDeepTimeNearYears)) / 2;
    if (fraction < 0) return first_year + fraction * deep_length() / end_slope;
    if (fraction > 1) return last_year + (fraction - 1) * deep_length() / end_slope;
    // With a = 1 + since / N and b = 1 + before / N, a + b is fixed and ln(a / b) = g.
    const double g = (2 * fraction - 1) * deep_length();
    const double b = (2 + (last_year - first_year) / kDeepTimeNearYears) / (1 + std::exp(g));
    return last_year - kDeepTimeNearYears * (b - 1);
}

namespace {

// Neighbouring events this much more than a fingertip apart read as two markers.
constexpr float kSeparation = 1.05f;

// Between two tick labels, this many widths of "0000": year labels stand well
// apart, a calm strip as the decades have always been; month and day labels,
// read as a sequence, closer.
constexpr float kYearGap = 2.5f;
constexpr float kCalendarGap = 1.f;
// Deep time's labels are long already ("13,799,980,000 BC"): one "0000" apart
// keeps them calm and a label in every view.
constexpr float kDeepTimeGap = 1.f;

float label_width(const Fonts& fonts, FontRole role, const std::string& text) { return text_width(fonts, role, text); }

// Days since 1 March of year 0 (Howard Hinnant's days_from_civil), for day ticks
// that keep one step across months and years.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
}

const std::string& short_month(int month, const std::string& lang) {
    return ui_text(UiText(int(UiText::DatesJanuaryShort) + std::clamp(month, 1, 12) - 1), lang);
}

enum class TickUnit { Day, Month, Year };

struct TickStep {
    TickUnit unit;
    int step;
    float min_days;  // the shortest gap between two of its ticks
};

const TickStep kTickSteps[] = {
    {TickUnit::Day, 1, 1},         {TickUnit::Day, 2, 2},          {TickUnit::Day, 5, 5},
    {TickUnit::Day, 10, 10},       {TickUnit::Month, 1, 28},       {TickUnit::Month, 2, 59},
    {TickUnit::Month, 3, 89},      {TickUnit::Month, 6, 181},      {TickUnit::Year, 1, 365},
    {TickUnit::Year, 2, 730},      {TickUnit::Year, 5, 1826},      {TickUnit::Year, 10, 3652},
    {TickUnit::Year, 20, 7305},    {TickUnit::Year, 25, 9131},     {TickUnit::Year, 50, 18262},
    {TickUnit::Year, 100, 36524},  {TickUnit::Year, 200, 73048},   {TickUnit::Year, 250, 91310},
    {TickUnit::Year, 500, 182621}, {TickUnit::Year, 1000, 365242},
};

// Every tick of `s` between years `from` and `to`.
std::vector<StripTick> ticks_of(const TimelineAxis& axis, const Fonts& fonts, FontRole role, float zoom,
                                const TickStep& s, double from, double to, const std::string& lang) {
    std::vector<StripTick> out;
    auto add = [&](double year, std::string label) {
        if (year < axis.first_year || year > axis.last_year || year < from || year > to) return;
        const float w = label_width(fonts, role, label);
        out.push_back({axis.content_x(year, zoom), w, std::move(label)});
    };
    const int y0 = int(std::floor(from)), y1 = int(std::ceil(to));
    if (s.unit == TickUnit::Year) {
        // Year -100 (100 BC) runs from -100 to -99: there is no year 0 to tick.
        for (int y = int(std::ceil(from / s.step)) * s.step; y <= y1; y += s.step)
            if (y != 0) add(y, format_year(y, lang));
        return out;
    }
    for (int y = std::max(y0, 1); y <= y1; ++y) {  // no months before 1 AD
        const int year_days = is_leap_year(y) ? 366 : 365;
        int day_of_year = 0;
        for (int m = 1; m <= 12; ++m) {
            if (s.unit == TickUnit::Month) {
                if ((m - 1) % s.step == 0)
                    add(y + double(day_of_year) / year_days, m == 1 ? std::to_string(y) : short_month(m, lang));
                day_of_year += days_in_month(y, m);
                continue;
            }
            for (int d = 1; d <= days_in_month(y, m); ++d, ++day_of_year) {
                if (days_from_civil(y, m, d) % s.step != 0) continue;
                // At the middle of the day, where an event of that day sits.
                add(y + (day_of_year + 0.5) / year_days,
                    m == 1 && d == 1 ? std::to_string(y) : std::to_string(d) + " " + short_month(m, lang));
            }
        }
    }
    return out;
}

// The least gap, in pixels at zoom 1, between event `i` and its neighbours (the
// cluster's first to last, and one either side), leaving out events that no zoom
// separates.
double least_gap(const TimelineAxis& axis, const std::vector<double>& years, float target, int first, int last,
                 bool* inseparable) {
    double least = std::numeric_limits<double>::infinity();
    for (int i = std::max(first - 1, 0); i < std::min(last + 1, int(years.size()) - 1); ++i) {
        const double a = years[size_t(i)], b = years[size_t(i + 1)];
        const bool inside = i >= first && i + 1 <= last;
        if (axis.span_px(a, b, axis.max_zoom) < target * kSeparation) {
            if (inside && inseparable) *inseparable = true;
            continue;
        }
        least = std::min(least, axis.span_px(a, b));
    }
    return least;
}

float zoom_for_gap(const TimelineAxis& axis, double gap_px, float target, float zoom) {
    if (!std::isfinite(gap_px)) return zoom;
    return axis.clamp_zoom(std::max(zoom, float(target * kSeparation / gap_px)));
}

// --- deep time's ticks ---

// Up to four years in [from, to], roundest first: the first multiple of each of
// 1, 2 and 5 times a power of ten, from 5 × 10^10 down to 1, that lies there.
struct RoundYear {
    double year, step;
};
void add_round_years(double from, double to, std::vector<RoundYear>& out) {
    int found = 0;
    double previous = 0;
    for (double power = 1e10; power >= 1 && found < 4; power /= 10) {
        for (const double step : {5 * power, 2 * power, power}) {
            const double year = std::ceil(from / step) * step;
            if (year > to || year == 0 || year == previous) continue;
            out.push_back({year, step});
            previous = year;
            if (++found == 4) break;
        }
    }
}

// Deep time's scale changes with every power of ten, so no one step suits the
// strip: each stretch of a label's width offers its roundest years, and the
// roundest are kept first where their labels stand clear of those kept before:
// 13,800,000,000 BC, 10,000,000,000 BC, 1000 BC and 1900 at the whole timeline,
// finer years filling in as the strip zooms. The stretches lie on a grid of
// content pixels, so a tick stays put while the strip scrolls.
std::vector<StripTick> deep_ticks(const TimelineAxis& axis, const Fonts& fonts, FontRole role, float zoom, double from,
                                  double to, float gap, const std::string& lang) {
    const float narrowest = label_width(fonts, role, "0000");
    const double stretch = narrowest + gap;
    const double left = std::max(0.0, double(axis.content_x(std::max(from, axis.first_year), zoom)));
    const double right = axis.content_x(std::min(to, axis.last_year), zoom);
    std::vector<RoundYear> candidates;
    for (double x = std::floor(left / stretch) * stretch; x <= right; x += stretch) {
        // The ends exactly: the Big Bang's year is as round as it was written.
        const double first = x <= 0 ? axis.first_year : std::max(axis.year_at(float(x), zoom), axis.first_year);
        const double last = std::min(axis.year_at(float(x + stretch), zoom), axis.last_year);
        add_round_years(first, last, candidates);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const RoundYear& a, const RoundYear& b) { return a.step > b.step; });
    std::vector<StripTick> kept;  // in order of x
    const auto clear = [&](std::vector<StripTick>::const_iterator next, float x, float w) {
        if (next != kept.end() && next->x - x < std::max(w, next->label_width) + gap) return false;
        return next == kept.begin() || x - std::prev(next)->x >= std::max(w, std::prev(next)->label_width) + gap;
    };
    for (const RoundYear& c : candidates) {
        const float x = axis.content_x(c.year, zoom);
        auto next =
            std::lower_bound(kept.begin(), kept.end(), x, [](const StripTick& t, float at) { return t.x < at; });
        if (!clear(next, x, narrowest)) continue;  // no label fits: spare measuring it
        std::string label = format_year(int64_t(c.year), lang);
        const float w = label_width(fonts, role, label);
        if (clear(next, x, w)) kept.insert(next, {x, w, std::move(label)});
    }
    return kept;
}

}  // namespace

StripMarkers strip_markers(const TimelineAxis& axis, const std::vector<double>& years, float target, float zoom) {
    StripMarkers m;
    m.zoom = zoom;
    m.cluster_of.assign(years.size(), 0);
    for (size_t i = 0; i < years.size(); ++i) {
        m.x.push_back(axis.content_x(years[i], zoom));
        // A cluster takes the markers within a fingertip of its first one.
        if (m.clusters.empty() || m.x[i] - m.x[size_t(m.clusters.back().first)] >= target)
            m.clusters.push_back({int(i), 0, 0});
        ++m.clusters.back().count;
        m.cluster_of[i] = int(m.clusters.size() - 1);
    }
    // Each sits at the middle of its span, or far enough left of the next that the
    // two stay a fingertip apart (it never leaves its own span: the next cluster
    // starts a fingertip or more after this one's first marker).
    for (size_t k = 0; k < m.clusters.size(); ++k) {
        MarkerCluster& c = m.clusters[k];
        c.x = (m.x[size_t(c.first)] + m.x[size_t(c.first + c.count - 1)]) / 2;
        if (k + 1 < m.clusters.size()) c.x = std::min(c.x, m.x[size_t(m.clusters[k + 1].first)] - target);
    }
    return m;
}

std::optional<float> zoom_to_separate(const TimelineAxis& axis, const std::vector<double>& years, float target,
                                      const MarkerCluster& cluster, float zoom) {
    const int first = cluster.first, last = cluster.first + cluster.count - 1;
    if (cluster.count < 2) return zoom;
    bool inseparable = false;
    const float z = zoom_for_gap(axis, least_gap(axis, years, target, first, last, &inseparable), target, zoom);
    if (inseparable) return std::nullopt;
    // All of them in view at once, half a fingertip in from either end.
    const double spread = axis.span_px(years[size_t(first)], years[size_t(last)], z);
    if (spread > axis.view_width() - target) return std::nullopt;
    const StripMarkers m = strip_markers(axis, years, target, z);
    for (int i = first; i <= last; ++i)
        if (m.clusters[size_t(m.cluster_of[size_t(i)])].count != 1) return std::nullopt;
    return z;
}

float zoom_to_single(const TimelineAxis& axis, const std::vector<double>& years, float target, int index, float zoom) {
    return zoom_for_gap(axis, least_gap(axis, years, target, index, index, nullptr), target, zoom);
}

float scroll_after_zoom(const TimelineAxis& axis, float scroll, float from, float to, float at) {
    const float finger = at - axis.view_left;
    return (scroll + finger) * to / from - finger;
}

std::vector<StripTick> strip_ticks(const TimelineAxis& axis, const Fonts& fonts, FontRole role, float zoom,
                                   float scroll, const std::string& lang) {
    const float digits = label_width(fonts, role, "0000");
    const double px_per_day = axis.px_per_year(zoom) / 366;
    // A view either side of the one shown: enough for a scroll's worth of frames.
    const double from = axis.year_at(scroll - axis.view_width(), zoom);
    const double to = axis.year_at(scroll + 2 * axis.view_width(), zoom);
    if (axis.deep()) return deep_ticks(axis, fonts, role, zoom, from, to, digits * kDeepTimeGap, lang);
    std::vector<StripTick> ticks;
    for (const TickStep& s : kTickSteps) {
        const float gap = digits * (s.unit == TickUnit::Year ? kYearGap : kCalendarGap);
        if (s.min_days * px_per_day < digits + gap && &s != &kTickSteps[std::size(kTickSteps) - 1]) continue;
        ticks = ticks_of(axis, fonts, role, zoom, s, from, to, lang);
        bool calm = true;
        for (size_t i = 1; i < ticks.size() && calm; ++i)
            calm = ticks[i].x - ticks[i - 1].x >= std::max(ticks[i].label_width, ticks[i - 1].label_width) + gap;
        if (calm) break;
    }
    return ticks;
}

}  // namespace kiosk
