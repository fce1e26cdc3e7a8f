// The kiosk's one log: a level, the subsystem it comes from, and a message of
// one line. Lines go to stderr as
//
//     vitrine: MESSAGE [SUBSYSTEM]
//
// and, under systemd (JOURNAL_STREAM names stderr by device and inode), with journald's priority
// prefix "<N>" in front so `journalctl -p warning` finds the problems. Debug
// lines are written only when VITRINE_LOG=debug. Tests install a sink to read
// what was logged instead.
//
// Messages are for staff and integrators reading the journal. What a command
// prints for its user (vitrine-pack's results, usage) is the command's output,
// not the log.
#pragma once

#include <string>

namespace kiosk {

enum class LogLevel { Error, Warning, Info, Debug };

// Subsystems, so a line says where it comes from (keep the list short).
namespace log_from {
constexpr const char* kPack = "pack";        // loading, switching and installing exhibits
constexpr const char* kConfig = "config";    // the kiosk's configuration
constexpr const char* kDisplay = "display";  // window, renderer, panel power
constexpr const char* kInput = "input";      // event waits, replays
constexpr const char* kApp = "app";          // the exhibit's own life: fonts, layouts, staff exit
constexpr const char* kStats = "stats";      // visitor statistics
constexpr const char* kAudio = "audio";      // the sound device, speech synthesis, recordings
}  // namespace log_from

struct LogLine {
    LogLevel level;
    const char* subsystem;
    std::string message;
};
using LogSink = void (*)(const LogLine& line, void* user);

void log(LogLevel level, const char* subsystem, const std::string& message);
inline void log_error(const char* subsystem, const std::string& m) { log(LogLevel::Error, subsystem, m); }
inline void log_warning(const char* subsystem, const std::string& m) { log(LogLevel::Warning, subsystem, m); }
inline void log_info(const char* subsystem, const std::string& m) { log(LogLevel::Info, subsystem, m); }
inline void log_debug(const char* subsystem, const std::string& m) { log(LogLevel::Debug, subsystem, m); }

// A pack's or a configuration's problem, "path:line:col: error: message", at its
// severity's level.
struct Diagnostic;
void log_diagnostic(const char* subsystem, const Diagnostic& d);

// The line as written to stderr (without the newline); `journald` adds "<N>".
std::string format_log_line(const LogLine& line, bool journald);

// Replaces stderr (null: back to stderr). Returns the previous sink.
struct LogTarget {
    LogSink sink = nullptr;
    void* user = nullptr;
};
LogTarget set_log_sink(LogTarget target);

}  // namespace kiosk
