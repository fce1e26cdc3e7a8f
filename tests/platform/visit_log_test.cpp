#include "visit_log.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/stat.h>

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
        log.record({{K::SessionStart, "", 0},
                    {K::EventOpened, "born", 0},
                    {K::EventOpened, "born", 0},
                    {K::Dwell, "explore", 4000},
                    {K::SessionEnd, "", 4000}},
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

TEST_CASE("a stats.db that is a FIFO, a folder or a link is refused before SQLite opens it", "[stats]") {
    const std::string dir = std::string(VITRINE_TEST_OUTPUT) + "/visit-log-kinds";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const std::string fifo = dir + "/fifo.db";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const std::string folder = dir + "/folder.db";
    std::filesystem::create_directories(folder);
    const std::string link = dir + "/link.db";
    std::filesystem::create_symlink("fifo.db", link);

    struct Case {
        std::string path, message;
    } cases[] = {
        {fifo, fifo + " is a FIFO, not a regular file"},
        {folder, folder + " is a folder, not a regular file"},
        {link, link + " is a symbolic link, not a regular file"},
    };
    for (const Case& c : cases) {
        INFO(c.path);
        std::string error;
        platform::VisitLog log;
        CHECK_FALSE(log.open(c.path, &error));
        CHECK(error == c.message);
        std::vector<platform::DailyCount> rows;
        error.clear();
        CHECK_FALSE(platform::read_daily_counts(c.path, rows, &error));
        CHECK(error == c.message);
    }
    // No database yet is still fine for both: the kiosk creates it, stats reports nothing.
    std::vector<platform::DailyCount> rows;
    std::string error;
    CHECK(platform::read_daily_counts(dir + "/none.db", rows, &error));
    CHECK(rows.empty());
}
