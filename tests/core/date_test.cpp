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
                             "abcd", "-975", "+1975", "1975--08", "1975-0a"}) {
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
