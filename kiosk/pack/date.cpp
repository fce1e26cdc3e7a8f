#include "pack/date.h"

#include "text/interface_strings.h"

#include <tuple>

namespace kiosk {

namespace {

// Years on one line with no gap: 1 BC is 0 (the astronomers' count).
int64_t astronomical(int64_t year) { return year < 0 ? year + 1 : year; }
int64_t historical(int64_t astronomical_year) {
    return astronomical_year <= 0 ? astronomical_year - 1 : astronomical_year;
}

}  // namespace

int64_t add_years(int64_t year, int64_t years) { return historical(astronomical(year) + years); }

int64_t years_between(int64_t first, int64_t last) { return astronomical(last) - astronomical(first); }

bool is_leap_year(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int64_t year, int month) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

namespace {

// Reads exactly `count` ASCII digits at `pos`; -1 when they are not all digits.
int read_digits(const std::string& s, size_t pos, size_t count) {
    if (pos + count > s.size()) return -1;
    int value = 0;
    for (size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return -1;
        value = value * 10 + (s[i] - '0');
    }
    return value;
}

std::optional<Date> fail(std::string* why, std::string reason) {
    if (why) *why = std::move(reason);
    return std::nullopt;
}

// The first and last day a date can mean, as comparable (year, month, day).
// Day 31 stands for "end of month" in every month: only the order matters.
std::tuple<int64_t, int, int> earliest(const Date& d) {
    return {d.year, d.precision == DatePrecision::Year ? 1 : d.month, d.precision == DatePrecision::Day ? d.day : 1};
}

std::tuple<int64_t, int, int> latest(const Date& d) {
    return {d.year, d.precision == DatePrecision::Year ? 12 : d.month, d.precision == DatePrecision::Day ? d.day : 31};
}

// "-3500": a year before 1 AD, by itself.
std::optional<Date> parse_year_before_common_era(const std::string& s, std::string* why) {
    const char* const kShape = "expected a year before 1 AD as a negative year alone, e.g. -3500 for 3500 BC";
    size_t digits = 0;
    while (1 + digits < s.size() && s[1 + digits] >= '0' && s[1 + digits] <= '9') ++digits;
    if (digits == 0) return fail(why, kShape);
    if (1 + digits < s.size()) {
        return fail(why, s[1 + digits] == '-' ? "a year before 1 AD is written alone, without month or day, e.g. -3500"
                                              : kShape);
    }
    // Twelve digits or more would not fit the arithmetic below: too early anyway.
    Date date;
    for (size_t i = 1; i <= digits && digits <= 11; ++i) date.year = date.year * 10 - (s[i] - '0');
    if (digits > 11 || date.year < kEarliestYear) {
        return fail(why, "years go back to " + std::to_string(kEarliestYear) + ", before the Big Bang");
    }
    if (date.year == 0) return fail(why, "year 0 does not exist: 1 BC is -1, 1 AD is 1");
    return date;
}

}  // namespace

std::optional<Date> parse_date(const std::string& s, std::string* why) {
    const char* const kShape = "expected YYYY, YYYY-MM or YYYY-MM-DD";
    if (!s.empty() && s[0] == '-') return parse_year_before_common_era(s, why);
    if (s.size() != 4 && s.size() != 7 && s.size() != 10) return fail(why, kShape);
    Date date;
    date.year = read_digits(s, 0, 4);
    if (date.year < 0) return fail(why, kShape);
    if (date.year == 0) return fail(why, "year 0 does not exist");
    if (s.size() == 4) return date;

    date.month = s[4] == '-' ? read_digits(s, 5, 2) : -1;
    if (date.month < 0) return fail(why, kShape);
    if (date.month < 1 || date.month > 12) return fail(why, "month " + std::to_string(date.month) + " does not exist");
    date.precision = DatePrecision::Month;
    if (s.size() == 7) return date;

    date.day = s[7] == '-' ? read_digits(s, 8, 2) : -1;
    if (date.day < 0) return fail(why, kShape);
    if (date.day == 0) return fail(why, "day 0 does not exist");
    const int days = days_in_month(date.year, date.month);
    if (date.day > days) {
        return fail(why, format_date({date.year, date.month, 0, DatePrecision::Month}, "en") + " has " +
                             std::to_string(days) + " days");
    }
    date.precision = DatePrecision::Day;
    return date;
}

int compare_dates(const Date& a, const Date& b) {
    const auto key = [](const Date& d) {
        return std::make_tuple(d.year, d.precision == DatePrecision::Year ? 0 : d.month,
                               d.precision == DatePrecision::Day ? d.day : 0);
    };
    const auto ka = key(a), kb = key(b);
    return ka < kb ? -1 : (kb < ka ? 1 : 0);
}

bool range_ends_before_start(const Date& start, const Date& end) { return latest(end) < earliest(start); }

double decimal_year(const Date& date) {
    switch (date.precision) {
        case DatePrecision::Year: return double(date.year) + 0.5;
        case DatePrecision::Month: return double(date.year) + (date.month - 1 + 0.5) / 12.0;
        case DatePrecision::Day: break;
    }
    int day_of_year = date.day;
    for (int m = 1; m < date.month; ++m) day_of_year += days_in_month(date.year, m);
    const int days_in_year = is_leap_year(date.year) ? 366 : 365;
    return double(date.year) + (day_of_year - 0.5) / days_in_year;
}

std::string format_year(int64_t year, const std::string& lang) {
    if (year > 0) return std::to_string(year);
    std::string digits = std::to_string(-year);
    if (digits.size() >= 5) {
        const std::string& separator = ui_text(UiText::DatesThousandsSeparator, lang);
        for (size_t at = digits.size() - 3; at > 0; at = at > 3 ? at - 3 : 0) digits.insert(at, separator);
    }
    return ui_text(UiText::DatesBeforeCommonEra, lang, {{"year", digits}});
}

std::string format_date(const Date& date, const std::string& lang) {
    const std::string year = format_year(date.year, lang);
    switch (date.precision) {
        case DatePrecision::Year: return year;
        case DatePrecision::Month:
            return ui_text(UiText::DatesMonthYear, lang, {{"month", month_name(date.month, lang)}, {"year", year}});
        case DatePrecision::Day: break;
    }
    return ui_text(UiText::DatesDayMonthYear, lang,
                   {{"day", std::to_string(date.day)}, {"month", month_name(date.month, lang)}, {"year", year}});
}

namespace {

std::string formatted_span(const DateSpan& span, const std::string& lang) {
    std::string text = format_date(span.start, lang);
    if (span.end) {
        // Years alone read as one token with a tight en dash; longer dates (and
        // years with "BC") need spaces around it so the dash does not seem to bind
        // to one side.
        const bool years_only = span.start.precision == DatePrecision::Year &&
                                span.end->precision == DatePrecision::Year && span.start.year > 0;
        text += years_only ? "\u2013" : " \u2013 ";
        text += format_date(*span.end, lang);
    }
    return span.circa ? ui_text(UiText::DatesCirca, lang, {{"date", text}}) : text;
}

}  // namespace

std::string format_date_span(const DateSpan& span, const std::string& lang) {
    return span.display.empty() ? formatted_span(span, lang) : span.display.get(lang, lang);
}

std::string format_date_span(const DateSpan& span, const Pack& pack, const std::string& lang) {
    return span.display.empty() ? pack.digits(formatted_span(span, lang), lang) : pack.text(span.display, lang);
}

}  // namespace kiosk
