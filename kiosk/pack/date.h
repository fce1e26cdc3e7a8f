// Dates as a pack writes them: "1925", "1975-08" or "1925-10-24". A coarse date
// means "some time in that year or month", which matters when comparing ranges.
#pragma once

#include "pack/pack.h"

#include <optional>
#include <string>

namespace kiosk {

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD". On failure returns nullopt and, when
// `why` is given, says what is wrong ("February 1975 has 28 days").
std::optional<Date> parse_date(const std::string& s, std::string* why = nullptr);

bool is_leap_year(int year);
int days_in_month(int year, int month);  // month 1-12

// Orders by (year, month or 0, day or 0): "1975" sorts before "1975-01".
// Negative, zero or positive like strcmp.
int compare_dates(const Date& a, const Date& b);

// True only when `end` certainly lies before `start`: the last day `end` can mean
// is before the first day `start` can mean. Start 1975-08 with end 1975 is fine.
bool range_ends_before_start(const Date& start, const Date& end);

// The date as a year with a fraction, for placing it on a timeline. A coarse date
// gives the middle of its year or month.
double decimal_year(const Date& date);

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
