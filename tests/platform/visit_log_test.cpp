#include "visit_log.h"

#include <catch2/catch.hpp>
#include <filesystem>

namespace {
using K = kiosk::StatEvent::Kind;

const platform::DailyCount* find(const std::vector<platform::DailyCount>& rows, const std::string& day,
                                 const std::string& metric, const std::string& item) {
    for (const auto& r : rows)
        if (r.day == day && r.metric == metric && r.item == item) return &r;
    return nullptr;
}
}  // namespace

TEST_CASE("visits are added up per day in SQLite, in the background, and survive reopening", "[stats]") {
    const std::string dir = std::string(VITRINE_TEST_OUTPUT) + "/visit-log";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/stats.db";
    {
        platform::VisitLog log;
        std::string error;
        REQUIRE(log.open(path, &error));
        log.record({{K::SessionStart, "", 0}, {K::EventOpened, "born", 0}, {K::EventOpened, "born", 0},
                    {K::Dwell, "explore", 4000}, {K::SessionEnd, "", 4000}},
                   "2026-11-28");
        log.record({{K::SessionStart, "", 0}, {K::QuoteRead, "q\"1", 0}, {K::SessionEnd, "", 6000}}, "2026-11-28");
        log.record({{K::SessionStart, "", 0}, {K::SessionEnd, "", 1000}}, "2026-11-29");
        log.flush();
    }
    std::vector<platform::DailyCount> rows;
    std::string error;
    REQUIRE(platform::read_daily_counts(path, rows, &error));
    const auto* sessions = find(rows, "2026-11-28", "session", "");
    REQUIRE(sessions);
    CHECK(sessions->count == 2);
    const auto* time = find(rows, "2026-11-28", "session_time", "");
    REQUIRE(time);
    CHECK(time->total_ms == 10000);
    REQUIRE(find(rows, "2026-11-28", "event_opened", "born"));
    CHECK(find(rows, "2026-11-28", "event_opened", "born")->count == 2);
    CHECK(find(rows, "2026-11-28", "quote_read", "q\"1"));
    CHECK(find(rows, "2026-11-29", "session", "")->count == 1);

    // Reopened later, the counts carry on from where they were.
    {
        platform::VisitLog log;
        REQUIRE(log.open(path, &error));
        log.record({{K::SessionStart, "", 0}}, "2026-11-29");
    }  // closing flushes what is queued
    rows.clear();
    REQUIRE(platform::read_daily_counts(path, rows, &error));
    CHECK(find(rows, "2026-11-29", "session", "")->count == 2);
}

TEST_CASE("a database that cannot be opened is an error, not a crash", "[stats]") {
    platform::VisitLog log;
    std::string error;
    CHECK_FALSE(log.open("/nonexistent-folder/stats.db", &error));
    CHECK_THAT(error, Catch::Contains("/nonexistent-folder/stats.db"));
    log.record({{K::SessionStart, "", 0}}, "2026-11-28");  // ignored, harmless
    std::vector<platform::DailyCount> rows;
    CHECK_FALSE(platform::read_daily_counts("/nonexistent-folder/stats.db", rows, &error));
}
