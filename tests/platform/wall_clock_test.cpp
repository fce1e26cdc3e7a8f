// Opening hours and statistics past 2038. On amd64 and arm64 (64-bit time_t) the
// kiosk reads 2039 as any other date. On bookworm's armhf (32-bit time_t) time()
// answers -1 from 2038-01-19 on: the clock is refused as untrusted (the screen
// stays on, no schedule is applied) and counts are not filed under a wrong day.
#include "wall_clock.h"

#include "config/opening_hours.h"
#include "visit_log.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace {

// Local time is UTC for these checks, whatever the machine's zone.
struct UtcZone {
    std::string saved;
    bool had = false;
    UtcZone() {
        if (const char* tz = std::getenv("TZ")) saved = tz, had = true;
        setenv("TZ", "UTC", 1);
        tzset();
    }
    ~UtcZone() {
        if (had)
            setenv("TZ", saved.c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
};

kiosk::OpeningHours weekday_hours() {
    kiosk::OpeningHours h;
    h.enabled = true;
    h.open_minute = 9 * 60 + 30;
    h.close_minute = 18 * 60;
    h.days[0] = false;  // closed on Mondays
    return h;
}

}  // namespace

TEST_CASE("a clock time() cannot give (armhf after 2038) is refused: the screen stays on", "[hours][y2038]") {
    const UtcZone utc;
    const kiosk::WallTime refused = platform::wall_time_at(std::time_t(-1), true);
    CHECK_FALSE(refused.after_sane_minimum);
    kiosk::OpeningHours h = weekday_hours();
    CHECK(kiosk::should_be_on(h, refused));
    h.battery_clock = true;  // not even a battery clock is believed then
    CHECK(kiosk::should_be_on(h, refused));
    CHECK(platform::VisitLog::day_of(std::time_t(-1)).empty());

    // The last second a 32-bit time_t holds is still an ordinary Tuesday.
    const kiosk::WallTime last = platform::wall_time_at(std::time_t(INT32_MAX), true);  // 2038-01-19 03:14:07
    CHECK(last.after_sane_minimum);
    CHECK(last.weekday == 1);
    CHECK(last.minute == 3 * 60 + 14);
    CHECK(platform::VisitLog::day_of(std::time_t(INT32_MAX)) == "2038-01-19");
}

TEST_CASE("with a 64-bit time_t, opening hours and statistics are right in 2039 and 2040", "[hours][y2038]") {
    if constexpr (sizeof(std::time_t) < 8) {
        WARN("32-bit time_t on this architecture: dates after 2038 are refused (previous test)");
        return;
    } else {
        const UtcZone utc;
        const kiosk::OpeningHours h = weekday_hours();
        const std::time_t wednesday_1030 = std::time_t(2190537000LL);  // 2039-06-01 10:30 UTC
        const kiosk::WallTime w = platform::wall_time_at(wednesday_1030, true);
        CHECK(w.after_sane_minimum);
        CHECK(w.weekday == 2);
        CHECK(w.minute == 10 * 60 + 30);
        CHECK(kiosk::should_be_on(h, w));
        CHECK_FALSE(kiosk::should_be_on(h, platform::wall_time_at(wednesday_1030 + 9 * 3600, true)));   // 19:30
        CHECK_FALSE(kiosk::should_be_on(h, platform::wall_time_at(wednesday_1030 + 5 * 86400, true)));  // Monday
        CHECK(platform::VisitLog::day_of(wednesday_1030) == "2039-06-01");
        // The day rolls over at local midnight, leap day included.
        CHECK(platform::VisitLog::day_of(std::time_t(2214172799LL)) == "2040-02-29");
        CHECK(platform::VisitLog::day_of(std::time_t(2214172800LL)) == "2040-03-01");
    }
}

TEST_CASE("counts with no date are not recorded", "[stats][y2038]") {
    const std::string dir = std::string(VITRINE_TEST_OUTPUT) + "/visit-log-undated";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/stats.db";
    using K = kiosk::StatEvent::Kind;
    {
        platform::VisitLog log;
        std::string error;
        REQUIRE(log.open(path, &error));
        log.record({{K::SessionStart, "", 0}, {K::SessionEnd, "", 1000}}, platform::VisitLog::day_of(std::time_t(-1)));
        log.record({{K::SessionStart, "", 0}, {K::SessionEnd, "", 2000}}, "2037-12-31");
    }
    std::vector<platform::DailyCount> rows;
    std::string error;
    REQUIRE(platform::read_daily_counts(path, rows, &error));
    REQUIRE_FALSE(rows.empty());
    for (const auto& r : rows) CHECK(r.day == "2037-12-31");
}
