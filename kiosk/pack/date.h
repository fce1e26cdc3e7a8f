// Dates as a pack writes them: "1925", "1975-08" or "1925-10-24", and years
// before 1 AD as a negative year alone: "-3500" (3500 BC), down to deep time
// ("-13800000000"). A coarse date means "some time in that year or month", which
// matters when comparing ranges.
#pragma once

#include "pack/pack.h"

#include <optional>
#include <string>

namespace kiosk {

// The earliest year a pack may write: before the Big Bang, with room for a
// curator's rounding.
constexpr int64_t kEarliestYear = -99'999'999'999;

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or "-Y" (a year before 1 AD, 1 to 11
// digits, no month or day: months are not known that far back). On failure returns nullopt and, when
// `why` is given, says what is wrong ("February 1975 has 28 days").
std::optional<Date> parse_date(const std::string& s, std::string* why = nullptr);

// `years` after (or, negative, before) `year`, skipping the year 0 that never was:
// add_years(5, -10) is -6 (6 BC).
int64_t add_years(int64_t year, int64_t years);
// How many years from `first` to `last`: 1 from -1 (1 BC) to 1 AD.
int64_t years_between(int64_t first, int64_t last);

bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);  // month 1-12

// Orders by (year, month or 0, day or 0): "1975" sorts before "1975-01".
// Negative, zero or positive like strcmp.
int compare_dates(const Date& a, const Date& b);

// True only when `end` certainly lies before `start`: the last day `end` can mean
// is before the first day `start` can mean. Start 1975-08 with end 1975 is fine.
bool range_ends_before_start(const Date& start, const Date& end);

// The date as a year with a fraction, for placing it on a timeline. A coarse date
// gives the middle of its year or month. A year before 1 AD keeps its own number:
// -1 (1 BC) runs from -1.0 to 0.0, and the timeline leaves the year 0 that never
// was as a gap one year wide, so a year read straight from Date::year (as the
// strip's ends are) and its decimal year always agree.
double decimal_year(const Date& date);

// A year as a visitor reads it: "1975", and before 1 AD in the language's form
// with its digit grouping from five digits on: "3500 BC", "13,800,000,000 BC",
// "13 800 000 000 av. J.-C." (digits 0-9; Pack::digits makes them Khmer).
std::string format_year(int64_t year, const std::string& lang);

// "24 October 1925", "August 1975" or "1975": month names and the order of day,
// month and year from the interface table of `lang` ([dates] in
// assets/interface/<lang>.toml), digits 0-9.
std::string format_date(const Date& date, const std::string& lang);

// The curator's date_display when it has text, else the formatted date or range:
// "c. 1925", "1975–1979", "August 1975 – January 1979". A label missing in
// `lang` is taken in any language the span has (curator tools; the kiosk uses
// the overload below).
std::string format_date_span(const DateSpan& span, const std::string& lang);
// As a visitor reads it: a label missing in `lang` in the pack's default
// language, and a formatted date in the pack's digits for `lang` (Pack::digits).
std::string format_date_span(const DateSpan& span, const Pack& pack, const std::string& lang);

}  // namespace kiosk
