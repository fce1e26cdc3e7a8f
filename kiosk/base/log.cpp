#include "base/log.h"

#include "base/diagnostic.h"
#include "base/printable.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {
namespace {

// Set once, read by every line; the platform's threads (installer, statistics)
// log too, so lines are written whole under a lock.
std::mutex g_mutex;
LogTarget g_target;

int journald_priority(LogLevel level) {
    switch (level) {
        case LogLevel::Error: return 3;
        case LogLevel::Warning: return 4;
        case LogLevel::Info: return 6;
        case LogLevel::Debug: return 7;
    }
    return 6;
}

// systemd sets JOURNAL_STREAM to "DEVICE:INODE" of the stream it connected to
// stderr; a child whose stderr went elsewhere (a pipe to a test, a file) inherits
// the variable, so it counts only when it names stderr itself.
bool under_journald() {
    const char* stream = std::getenv("JOURNAL_STREAM");
    unsigned long long device = 0, inode = 0;
    if (!stream || std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
    struct stat st;
    return fstat(STDERR_FILENO, &st) == 0 && static_cast<unsigned long long>(st.st_dev) == device &&
           static_cast<unsigned long long>(st.st_ino) == inode;
}

bool debug_wanted() {
    const char* v = std::getenv("VITRINE_LOG");
    return v && std::strcmp(v, "debug") == 0;
}

}  // namespace

std::string format_log_line(const LogLine& line, bool journald) {
    std::string out;
    if (journald) out = "<" + std::to_string(journald_priority(line.level)) + ">";
    // A message may carry a pack's or a stick's text: one printable line, always.
    out += "vitrine: " + printable(line.message, 4096);
    if (line.subsystem && *line.subsystem) out += std::string(" [") + line.subsystem + "]";
    return out;
}

void log(LogLevel level, const char* subsystem, const std::string& message) {
    if (level == LogLevel::Debug && !debug_wanted()) return;
    const LogLine line{level, subsystem, message};
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_target.sink) {
        g_target.sink(line, g_target.user);
        return;
    }
    const std::string text = format_log_line(line, under_journald()) + "\n";
    std::fwrite(text.data(), 1, text.size(), stderr);
}

void log_diagnostic(const char* subsystem, const Diagnostic& d) {
    log(d.severity == Diagnostic::Severity::Error ? LogLevel::Error : LogLevel::Warning, subsystem, d.to_string());
}

LogTarget set_log_sink(LogTarget target) {
    std::lock_guard<std::mutex> lock(g_mutex);
    const LogTarget previous = g_target;
    g_target = target;
    return previous;
}

}  // namespace kiosk
