#include "pack/date.h"

#include <catch2/catch.hpp>

using kiosk::Date;
using kiosk::DatePrecision;
using kiosk::DateSpan;

namespace {

Date date(const char* text) {
    const std::optional<Date> parsed = kiosk::parse_date(text, nullptr);
    REQUIRE(parsed);
    return *parsed;
}

// Why `text` is rejected, or "accepted".
std::string rejection(const char* text) {
    std::string why;
    return kiosk::parse_date(text, &why) ? "accepted" : why;
}

}  // namespace

TEST_CASE("parse_date reads the three precisions") {
    const Date year = date("1925");
    CHECK(year.year == 1925);
    CHECK(year.precision == DatePrecision::Year);

    const Date month = date("1975-08");
    CHECK(month.year == 1975);
    CHECK(month.month == 8);
    CHECK(month.precision == DatePrecision::Month);

    const Date day = date("1925-10-24");
    CHECK(day.year == 1925);
    CHECK(day.month == 10);
    CHECK(day.day == 24);
    CHECK(day.precision == DatePrecision::Day);
}

TEST_CASE("parse_date rejects dates that do not exist, saying why") {
    CHECK(rejection("1975-13-01") == "month 13 does not exist");
    CHECK(rejection("1975-13") == "month 13 does not exist");
    CHECK(rejection("1975-00") == "month 0 does not exist");
    CHECK(rejection("1975-01-00") == "day 0 does not exist");
    CHECK(rejection("1975-02-30") == "February 1975 has 28 days");
    CHECK(rejection("1975-02-29") == "February 1975 has 28 days");
    CHECK(rejection("1900-02-29") == "February 1900 has 28 days");
    CHECK(rejection("1975-04-31") == "April 1975 has 30 days");
    CHECK(rejection("1975-01-32") == "January 1975 has 31 days");
    CHECK(rejection("0000") == "year 0 does not exist");
}

TEST_CASE("parse_date accepts leap days in leap years only") {
    CHECK(rejection("1976-02-29") == "accepted");
    CHECK(rejection("2000-02-29") == "accepted");
    CHECK(rejection("1975-12-31") == "accepted");
}

TEST_CASE("parse_date rejects other shapes") {
    for (const char* text : {"", "75", "19750", "1975-8", "1975/08", "1975-08-1", "1975-08-01T00", " 1975", "1975 ",
                             "abcd", "+1975", "1975--08", "1975-0a"}) {
        INFO(text);
        CHECK(rejection(text) == "expected YYYY, YYYY-MM or YYYY-MM-DD");
    }
}

TEST_CASE("compare_dates orders by year, then month or 0, then day or 0") {
    CHECK(kiosk::compare_dates(date("1925"), date("1926")) < 0);
    CHECK(kiosk::compare_dates(date("1975"), date("1975-01")) < 0);
    CHECK(kiosk::compare_dates(date("1975-08"), date("1975-08-01")) < 0);
    CHECK(kiosk::compare_dates(date("1975-08-02"), date("1975-08-01")) > 0);
    CHECK(kiosk::compare_dates(date("1975-12"), date("1976")) < 0);
    CHECK(kiosk::compare_dates(date("1975-08"), date("1975-08")) == 0);
}

TEST_CASE("range_ends_before_start is true only when the end is certainly earlier") {
    CHECK(kiosk::range_ends_before_start(date("1957"), date("1950")));
    CHECK(kiosk::range_ends_before_start(date("1975-08"), date("1975-03")));
    CHECK(kiosk::range_ends_before_start(date("1975-08-15"), date("1975-08-14")));
    CHECK(kiosk::range_ends_before_start(date("1976"), date("1975-12-31")));

    CHECK_FALSE(kiosk::range_ends_before_start(date("1975-08"), date("1975")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("1975"), date("1975-03")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("1975-08-15"), date("1975-08")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("1975-08-15"), date("1975-08-15")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("1975"), date("1979")));
}

TEST_CASE("decimal_year places coarse dates mid-period and days exactly") {
    CHECK(kiosk::decimal_year(date("1975")) == Approx(1975.5));
    CHECK(kiosk::decimal_year(date("1975-08")) == Approx(1975 + 7.5 / 12));
    CHECK(kiosk::decimal_year(date("1975-01-01")) == Approx(1975 + 0.5 / 365));
    CHECK(kiosk::decimal_year(date("1975-03-01")) == Approx(1975 + 59.5 / 365));
    CHECK(kiosk::decimal_year(date("1976-03-01")) == Approx(1976 + 60.5 / 366));
    CHECK(kiosk::decimal_year(date("1976-12-31")) == Approx(1976 + 365.5 / 366));
    CHECK(kiosk::decimal_year(date("1975-12-31")) < 1976.0);
}

TEST_CASE("format_date writes each precision in words") {
    CHECK(kiosk::format_date(date("1925-10-24"), "en") == "24 October 1925");
    CHECK(kiosk::format_date(date("1925-01-05"), "en") == "5 January 1925");
    CHECK(kiosk::format_date(date("1975-08"), "en") == "August 1975");
    CHECK(kiosk::format_date(date("1975-12"), "en") == "December 1975");
    CHECK(kiosk::format_date(date("1975"), "en") == "1975");
    // A language without an interface table writes dates in English; Khmer has one, in Khmer order.
    CHECK(kiosk::format_date(date("1975-08"), "xx") == "August 1975");
    CHECK(kiosk::format_date(date("1975-08"), "km") == "ខែសីហា ឆ្នាំ 1975");
    CHECK(kiosk::format_date(date("1975-04-17"), "km") == "ថ្ងៃទី 17 ខែមេសា ឆ្នាំ 1975");
}

TEST_CASE("format_date_span formats dates, ranges and approximate dates") {
    DateSpan span;
    span.start = date("1975");
    CHECK(kiosk::format_date_span(span, "en") == "1975");

    span.end = date("1979");
    CHECK(kiosk::format_date_span(span, "en") == "1975\u20131979");

    span.circa = true;
    CHECK(kiosk::format_date_span(span, "en") == "c. 1975\u20131979");

    span.circa = false;
    span.start = date("1975-08");
    span.end = date("1979-01");
    CHECK(kiosk::format_date_span(span, "en") == "August 1975 \u2013 January 1979");

    span.start = date("1975");
    span.end = date("1979-01-07");
    CHECK(kiosk::format_date_span(span, "en") == "1975 \u2013 7 January 1979");

    span.end.reset();
    span.start = date("1925-10-24");
    span.circa = true;
    CHECK(kiosk::format_date_span(span, "en") == "c. 24 October 1925");
}

TEST_CASE("format_date_span prefers the curator's words") {
    DateSpan span;
    span.start = date("1940");
    span.circa = true;
    span.display.by_lang["en"] = "1940s";
    span.display.by_lang["fr"] = "années 1940";
    CHECK(kiosk::format_date_span(span, "en") == "1940s");
    CHECK(kiosk::format_date_span(span, "fr") == "années 1940");
    // A language without its own words falls back to English, not to the date.
    CHECK(kiosk::format_date_span(span, "km") == "1940s");
}

TEST_CASE("parse_date reads years before 1 AD as a negative year alone, back to deep time") {
    CHECK(date("-3500").year == -3500);
    CHECK(date("-3500").precision == DatePrecision::Year);
    CHECK(date("-1").year == -1);
    CHECK(date("-975").year == -975);
    CHECK(date("-13800000000").year == -13'800'000'000);
    CHECK(date("-99999999999").year == kiosk::kEarliestYear);
    CHECK(rejection("-0") == "year 0 does not exist: 1 BC is -1, 1 AD is 1");
    CHECK(rejection("-0000") == "year 0 does not exist: 1 BC is -1, 1 AD is 1");
    CHECK(rejection("0") == "expected YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK(rejection("-3500-03") == "a year before 1 AD is written alone, without month or day, e.g. -3500");
    CHECK(rejection("-100000000000").find("years go back to -99999999999") == 0);
    for (const char* text : {"-", "--3500", "-35a0", "- 3500", "-3500 "}) {
        INFO(text);
        CHECK(rejection(text).find("expected a year before 1 AD") == 0);
    }
}

TEST_CASE("years before 1 AD order, range and sit on the timeline before 1 AD") {
    CHECK(kiosk::compare_dates(date("-13800000000"), date("-3500")) < 0);
    CHECK(kiosk::compare_dates(date("-3500"), date("-300")) < 0);
    CHECK(kiosk::compare_dates(date("-1"), date("0001")) < 0);
    CHECK(kiosk::range_ends_before_start(date("-300"), date("-3500")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("-3500"), date("-300")));
    CHECK_FALSE(kiosk::range_ends_before_start(date("-44"), date("0014")));
    // Deep time keeps its precision: the Dark Ages lie 370,000 years after the Big Bang.
    CHECK(kiosk::decimal_year(date("-13799630000")) - kiosk::decimal_year(date("-13800000000")) == 370000);
    CHECK(kiosk::decimal_year(date("-1")) < kiosk::decimal_year(date("0001-01-01")));
    CHECK(kiosk::decimal_year(date("-1")) == Approx(-0.5));
    // No year 0 between them.
    CHECK(kiosk::add_years(5, -10) == -6);
    CHECK(kiosk::add_years(-1, 1) == 1);
    CHECK(kiosk::add_years(-60, 50) == -10);
    CHECK(kiosk::years_between(-1, 1) == 1);
    CHECK(kiosk::years_between(-3500, 2000) == 5499);
}

TEST_CASE("years before 1 AD read as BC in each language, deep time grouped in thousands") {
    CHECK(kiosk::format_date(date("-3500"), "en") == "3500\u00a0BC");
    CHECK(kiosk::format_date(date("-13800000000"), "en") == "13,800,000,000\u00a0BC");
    CHECK(kiosk::format_date(date("-315000"), "en") == "315,000\u00a0BC");
    CHECK(kiosk::format_date(date("-10000"), "en") == "10,000\u00a0BC");
    CHECK(kiosk::format_date(date("-1"), "en") == "1\u00a0BC");
    CHECK(kiosk::format_date(date("-3500"), "fr") == "3500\u00a0av.\u00a0J.-C.");
    CHECK(kiosk::format_date(date("-13800000000"), "fr") == "13\u202f800\u202f000\u202f000\u00a0av.\u00a0J.-C.");
    CHECK(kiosk::format_date(date("-3500"), "km") == "មុន\u00a0គ.ស.\u00a03500");
    CHECK(kiosk::format_date(date("-13800000000"), "km") == "មុន\u00a0គ.ស.\u00a013.800.000.000");
    CHECK(kiosk::format_year(1975, "fr") == "1975");
    DateSpan span;
    span.start = date("-538800000");
    span.end = date("-251902000");
    CHECK(kiosk::format_date_span(span, "en") == "538,800,000\u00a0BC \u2013 251,902,000\u00a0BC");
    span.start = date("-44");
    span.end = date("0014");
    span.circa = true;
    CHECK(kiosk::format_date_span(span, "en") == "c. 44\u00a0BC \u2013 14");
}
