// What vitrine-bench needs from the system: child processes whose stderr it reads
// line by line, and figures from /proc (CPU time, wakeups, memory).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace bench {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t);

struct SpawnOptions {
    std::vector<std::pair<std::string, std::string>> set_env;  // added or replaced
    std::vector<std::string> unset_env;                        // removed from the bench's environment
    std::string stderr_path;  // non-empty: the child's stderr goes to this file instead of the bench
};

// One child process. Its stdout goes to /dev/null; its stderr, unless redirected
// to a file, is read by the bench into lines.
class Child {
public:
    Child() = default;
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;
    ~Child();  // kills a child still running

    bool start(const std::vector<std::string>& argv, const SpawnOptions& options, std::string* error);
    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0 && !exited_; }
    Clock::time_point started() const { return started_; }

    // Reads stderr until a line starting with `prefix` arrives (returned), the
    // child exits or `timeout_s` passes (nullopt).
    std::optional<std::string> wait_for_line(const std::string& prefix, double timeout_s);
    // Reads stderr for `seconds` (the child keeps running).
    void pump(double seconds);
    // Waits for the child to exit, reading stderr; false on timeout (still running).
    bool wait_exit(double timeout_s);
    // SIGTERM, then waits up to `timeout_s`; SIGKILL after that. Returns the
    // seconds from SIGTERM to exit, or nullopt when it had to be killed.
    std::optional<double> terminate(double timeout_s);
    void kill_now();

    bool exited() const { return exited_; }
    int exit_status() const { return status_; }  // waitpid status
    Clock::time_point exited_at() const { return exited_at_; }
    const std::vector<std::string>& lines() const { return lines_; }
    std::optional<std::string> find_line(const std::string& prefix) const;

private:
    // Reads what stderr has within `timeout_ms`; false at end of file.
    bool read_some(int timeout_ms);
    bool reap(bool block);

    pid_t pid_ = -1;
    int err_fd_ = -1;
    bool exited_ = false;
    int status_ = 0;
    Clock::time_point started_, exited_at_;
    std::string partial_;
    std::vector<std::string> lines_;
    size_t scanned_ = 0;  // lines already offered to wait_for_line
};

// /proc/PID/stat: user + system CPU seconds of every thread.
std::optional<double> process_cpu_seconds(pid_t pid);
// /proc/PID/task/*/status: voluntary context switches of the live threads, i.e.
// the times a thread went to sleep and was woken again.
std::optional<uint64_t> process_voluntary_switches(pid_t pid);
// This process's resident set (VmRSS) and proportional set size (Pss), kB.
std::optional<uint64_t> self_rss_kb();
std::optional<uint64_t> self_pss_kb();

// "key=value" from a line of such pairs.
std::optional<std::string> field(const std::string& line, const std::string& key);

// Machine facts for the header.
std::string cpu_model();
int cpu_count();

}  // namespace bench
