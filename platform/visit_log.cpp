#include "visit_log.h"

#include "base/file_read.h"

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace platform {

namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS daily ("
    " day TEXT NOT NULL, metric TEXT NOT NULL, item TEXT NOT NULL,"
    " count INTEGER NOT NULL DEFAULT 0, total_ms INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (day, metric, item))";

bool exec(sqlite3* db, const char* sql, std::string* error) {
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
    if (error) *error = message ? message : "unknown SQLite error";
    sqlite3_free(message);
    return false;
}

// SQLite opens the file it is given whatever it is: a FIFO at that name blocks
// the kiosk at start and `vitrine-pack stats` for ever, and a link or a device
// would be written through. Look first, without following a final link and
// without blocking: only a regular file, or no file at all, goes on to SQLite.
bool database_file_usable(const std::string& path, std::string* error) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        if (errno == ENOENT) return true;  // no database yet: the kiosk creates it
        struct stat link {};
        if (errno == ELOOP && lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
            if (error) *error = path + " is a symbolic link, not a regular file";
        } else if (error) {
            *error = path + ": " + std::strerror(errno);
        }
        return false;
    }
    struct stat st {};
    const bool stat_ok = fstat(fd, &st) == 0;
    const int stat_errno = errno;
    ::close(fd);
    if (!stat_ok) {
        if (error) *error = path + ": " + std::strerror(stat_errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        if (error) *error = path + " is a " + kiosk::file_type_name(st.st_mode) + ", not a regular file";
        return false;
    }
    return true;
}

}  // namespace

std::string VisitLog::today() { return day_of(std::time(nullptr)); }

std::string VisitLog::day_of(std::time_t now) {
    if (now == std::time_t(-1)) return "";
    std::tm local{};
    if (!localtime_r(&now, &local)) return "";
    char day[16];
    std::strftime(day, sizeof day, "%Y-%m-%d", &local);
    return day;
}

bool VisitLog::open(const std::string& path, std::string* error) {
    if (!database_file_usable(path, error)) return false;
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
        if (error) *error = path + ": " + (db_ ? sqlite3_errmsg(db_) : "cannot open");
        sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    sqlite3_busy_timeout(db_, 2000);
    // A rollback journal with FULL syncs: each commit is atomic on disk, so a power
    // cut loses at most the batch being written, never the file. (Not WAL: its
    // shared-memory index is one more file to go wrong on an SD card, and the
    // kiosk's few small batches do not need its concurrency.)
    if (!exec(db_, "PRAGMA journal_mode=DELETE", error) || !exec(db_, "PRAGMA synchronous=FULL", error) ||
        !exec(db_, kSchema, error)) {
        if (error) *error = path + ": " + *error;
        sqlite3_close(db_);
        db_ = nullptr;
        return false;
    }
    writer_ = std::thread([this] { writer_loop(); });
    return true;
}

VisitLog::~VisitLog() {
    if (writer_.joinable()) {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        writer_.join();
    }
    if (db_) sqlite3_close(db_);
}

void VisitLog::record(const std::vector<kiosk::StatEvent>& events, const std::string& day) {
    if (!db_ || events.empty() || day.empty()) return;  // "": no date to file them under (day_of)
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const kiosk::StatEvent& e : events) queue_.emplace_back(day, e);
    }
    wake_.notify_one();
}

void VisitLog::flush() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return queue_.empty() && !writing_; });
}

void VisitLog::writer_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty() && stopping_) return;
        std::vector<std::pair<std::string, kiosk::StatEvent>> batch;
        batch.swap(queue_);
        writing_ = true;
        lock.unlock();
        write_batch(batch);
        lock.lock();
        writing_ = false;
        idle_.notify_all();
    }
}

void VisitLog::write_batch(const std::vector<std::pair<std::string, kiosk::StatEvent>>& batch) {
    sqlite3_stmt* upsert = nullptr;
    const char* sql =
        "INSERT INTO daily (day, metric, item, count, total_ms) VALUES (?1, ?2, ?3, 1, ?4)"
        " ON CONFLICT (day, metric, item) DO UPDATE SET count = count + 1, total_ms = total_ms + ?4";
    if (sqlite3_prepare_v2(db_, sql, -1, &upsert, nullptr) != SQLITE_OK) return;
    exec(db_, "BEGIN", nullptr);
    for (const auto& [day, e] : batch) {
        sqlite3_bind_text(upsert, 1, day.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(upsert, 2, kiosk::stat_kind_name(e.kind), -1, SQLITE_STATIC);
        sqlite3_bind_text(upsert, 3, e.item.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(upsert, 4, e.duration_ms);
        sqlite3_step(upsert);
        sqlite3_reset(upsert);
    }
    exec(db_, "COMMIT", nullptr);
    sqlite3_finalize(upsert);
}

bool read_daily_counts(const std::string& path, std::vector<DailyCount>& out, std::string* error) {
    // No database yet: the kiosk has not counted a visit. Nothing to report, no error.
    if (access(path.c_str(), F_OK) != 0 && errno == ENOENT) {
        const std::string folder = path.substr(0, path.find_last_of('/'));
        if (access(folder.empty() ? "." : folder.c_str(), F_OK) == 0) return true;
    }
    if (!database_file_usable(path, error)) return false;
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        if (error) *error = path + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
        sqlite3_close(db);
        return false;
    }
    sqlite3_stmt* q = nullptr;
    bool ok = sqlite3_prepare_v2(db, "SELECT day, metric, item, count, total_ms FROM daily ORDER BY day, metric, item",
                                 -1, &q, nullptr) == SQLITE_OK;
    while (ok && sqlite3_step(q) == SQLITE_ROW) {
        auto text = [&](int col) {
            const unsigned char* t = sqlite3_column_text(q, col);
            return std::string(t ? reinterpret_cast<const char*>(t) : "");
        };
        out.push_back({text(0), text(1), text(2), sqlite3_column_int64(q, 3), sqlite3_column_int64(q, 4)});
    }
    if (!ok && error) *error = path + ": " + sqlite3_errmsg(db);
    sqlite3_finalize(q);
    sqlite3_close(db);
    return ok;
}

}  // namespace platform
