// Timelines for the strip's tests: the bundled pack with its events replaced by
// dense, sparse or mixed dates, made in memory.
#pragma once

#include "pack/date.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

// The bundled pack with `dates` as its events (in date order, as the loader
// leaves them), no eras and no life dates, so the strip spans the events alone.
inline kiosk::PackLoadResult events_on(const std::vector<std::string>& dates) {
    kiosk::PackLoadResult loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(loaded.ok());
    kiosk::Pack& p = loaded.pack;
    const kiosk::Event model = p.events.front();
    p.events.clear();
    p.eras.clear();
    p.exhibit.born = p.exhibit.died = kiosk::Date{};
    for (size_t i = 0; i < dates.size(); ++i) {
        kiosk::Event e = model;
        e.id = "e" + std::to_string(i);
        e.era.clear();
        e.disputed = {};
        const auto when = kiosk::parse_date(dates[i]);
        REQUIRE(when);
        e.when = {};
        e.when.start = *when;
        e.headline.by_lang = {{"en", "Event " + std::to_string(i) + " on " + dates[i]}};
        p.events.push_back(e);
    }
    std::stable_sort(p.events.begin(), p.events.end(), [](const kiosk::Event& a, const kiosk::Event& b) {
        return kiosk::compare_dates(a.when.start, b.when.start) < 0;
    });
    return loaded;
}

// 13 events in one year, several in one month and two on one day.
inline std::vector<std::string> dense_year() {
    return {"1975-01-05", "1975-02-10", "1975-03-03", "1975-03-04", "1975-03-20", "1975-04-17", "1975-04-17",
            "1975-05",    "1975-06-01", "1975-08",    "1975-08-15", "1975-11-11", "1975-12-31"};
}

// 40 events a year apart.
inline std::vector<std::string> dense_years() {
    std::vector<std::string> d;
    for (int y = 1900; y < 1940; ++y) d.push_back(std::to_string(y));
    return d;
}

// Three events over 300 years.
inline std::vector<std::string> sparse() { return {"1700-03-01", "1850", "1999-12"}; }

// A decade apart for a century, and ten days running in March 1950.
inline std::vector<std::string> mixed() {
    std::vector<std::string> d;
    for (int y = 1900; y <= 1990; y += 10) d.push_back(std::to_string(y));
    for (int day = 1; day <= 10; ++day)
        d.push_back("1950-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day));
    return d;
}

// Deep time, as TimelineJS's cosmological examples have it: the Big Bang and the
// Dark Ages 370,000 years after it, billions of years, 3500 BC, 300 BC, then days
// in the twentieth century.
inline std::vector<std::string> deep_time() {
    return {"-13800000000", "-13799630000", "-12800000000", "-4600000000", "-540000000", "-315000",   "-3500",
            "-300",         "1021",         "1609-11",      "1826",        "1969-07-20", "1990-04-25"};
}
