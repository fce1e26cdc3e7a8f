// Anonymous visitor statistics on disk: counts per day in SQLite under the
// kiosk's state directory. Writes happen on a background thread, so a frame
// never waits for the disk; a rollback journal with synchronous=FULL keeps the
// database whole across power loss. Nothing personal is stored: counts and durations only.
#pragma once

#include "state/visit_stats.h"

#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;

namespace platform {

struct DailyCount {
    std::string day;     // YYYY-MM-DD, local time
    std::string metric;  // session, session_time, event_opened, quote_read, photo_zoom, screen_time
    std::string item;    // event or quote id, screen name, or empty
    int64_t count = 0;
    int64_t total_ms = 0;
};

class VisitLog {
public:
    VisitLog() = default;
    VisitLog(const VisitLog&) = delete;
    VisitLog& operator=(const VisitLog&) = delete;
    ~VisitLog();

    // Opens (creating if needed) the database at `path` and starts the writer.
    bool open(const std::string& path, std::string* error);
    bool is_open() const { return db_ != nullptr; }
    // Queues events for writing, dated `day`; returns at once.
    void record(const std::vector<kiosk::StatEvent>& events, const std::string& day);
    // Waits until everything queued is written (for tests and shutdown).
    void flush();

    static std::string today();  // the local date, YYYY-MM-DD, or "" when unknown (day_of)
    // The local date at `now`, YYYY-MM-DD; "" for time()'s -1, the answer on
    // bookworm's armhf (32-bit time_t) after 2038-01-19: counts are then not
    // recorded rather than dated 1969.
    static std::string day_of(std::time_t now);

private:
    void writer_loop();
    void write_batch(const std::vector<std::pair<std::string, kiosk::StatEvent>>& batch);

    sqlite3* db_ = nullptr;
    std::thread writer_;
    std::mutex mutex_;
    std::condition_variable wake_, idle_;
    std::vector<std::pair<std::string, kiosk::StatEvent>> queue_;
    bool writing_ = false;
    bool stopping_ = false;
};

// Reads every count, for export. False with `error` if the database cannot be read.
bool read_daily_counts(const std::string& path, std::vector<DailyCount>& out, std::string* error);

}  // namespace platform
