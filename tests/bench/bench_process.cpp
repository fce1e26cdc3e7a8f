#include "bench_process.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <sched.h>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace bench {

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Child::~Child() {
    if (running()) kill_now();
    if (err_fd_ >= 0) close(err_fd_);
}

bool Child::start(const std::vector<std::string>& argv, const SpawnOptions& options, std::string* error) {
    // Everything the child needs is prepared before fork: after it, only exec.
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const std::string key = entry.substr(0, entry.find('='));
        bool drop = false;
        for (const std::string& k : options.unset_env) drop |= k == key;
        for (const auto& kv : options.set_env) drop |= kv.first == key;
        if (!drop) env.push_back(entry);
    }
    for (const auto& kv : options.set_env) env.push_back(kv.first + "=" + kv.second);
    std::vector<char*> envp, args;
    for (std::string& s : env) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_copy = argv;
    for (std::string& s : argv_copy) args.push_back(s.data());
    args.push_back(nullptr);

    int err_pipe[2] = {-1, -1};
    int err_target = -1;
    if (options.stderr_path.empty()) {
        if (pipe2(err_pipe, O_CLOEXEC) != 0) {
            if (error) *error = std::string("pipe: ") + std::strerror(errno);
            return false;
        }
        err_target = err_pipe[1];
    } else {
        err_target = open(options.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (err_target < 0) {
            if (error) *error = options.stderr_path + ": " + std::strerror(errno);
            return false;
        }
    }
    const int null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);

    started_ = Clock::now();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(null_fd, 0);
        dup2(null_fd, 1);
        dup2(err_target, 2);
        execve(args[0], args.data(), envp.data());
        _exit(127);
    }
    close(null_fd);
    close(err_target);
    if (pid < 0) {
        if (error) *error = std::string("fork: ") + std::strerror(errno);
        if (err_pipe[0] >= 0) close(err_pipe[0]);
        return false;
    }
    pid_ = pid;
    err_fd_ = err_pipe[0];
    exited_ = false;
    return true;
}

bool Child::read_some(int timeout_ms) {
    if (err_fd_ < 0) {
        if (timeout_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(std::min(timeout_ms, 5)));
        return false;
    }
    pollfd p{err_fd_, POLLIN, 0};
    const int r = poll(&p, 1, timeout_ms);
    if (r <= 0) return true;
    char buffer[4096];
    const ssize_t n = read(err_fd_, buffer, sizeof buffer);
    if (n <= 0) {
        if (n < 0 && errno == EINTR) return true;
        close(err_fd_);
        err_fd_ = -1;
        if (!partial_.empty()) lines_.push_back(partial_);
        partial_.clear();
        return false;
    }
    partial_.append(buffer, size_t(n));
    size_t nl;
    while ((nl = partial_.find('\n')) != std::string::npos) {
        lines_.push_back(partial_.substr(0, nl));
        partial_.erase(0, nl + 1);
    }
    return true;
}

bool Child::reap(bool block) {
    if (pid_ <= 0 || exited_) return exited_;
    int status = 0;
    const pid_t r = waitpid(pid_, &status, block ? 0 : WNOHANG);
    if (r == pid_) {
        exited_ = true;
        status_ = status;
        exited_at_ = Clock::now();
    }
    return exited_;
}

std::optional<std::string> Child::wait_for_line(const std::string& prefix, double timeout_s) {
    const Clock::time_point start = Clock::now();
    for (;;) {
        for (; scanned_ < lines_.size(); ++scanned_)
            if (lines_[scanned_].rfind(prefix, 0) == 0) return lines_[scanned_++];
        const double left = timeout_s - seconds_since(start);
        if (left <= 0 || (exited_ && err_fd_ < 0)) return std::nullopt;
        if (!read_some(int(left * 1000) + 1)) reap(false);
    }
}

void Child::pump(double seconds) {
    const Clock::time_point start = Clock::now();
    for (double left = seconds; left > 0; left = seconds - seconds_since(start)) {
        if (!read_some(int(left * 1000) + 1)) reap(false);
    }
}

bool Child::wait_exit(double timeout_s) {
    const Clock::time_point start = Clock::now();
    while (!reap(false)) {
        const double left = timeout_s - seconds_since(start);
        if (left <= 0) return false;
        // stderr closes when the child exits: the moment to reap it.
        if (!read_some(int(std::min(left, 0.05) * 1000) + 1)) reap(false);
    }
    // What the child wrote just before it exited may still be in the pipe.
    while (err_fd_ >= 0) {
        pollfd p{err_fd_, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0) break;
        read_some(0);
    }
    return true;
}

std::optional<double> Child::terminate(double timeout_s) {
    if (!running()) return 0.0;
    const Clock::time_point sent = Clock::now();
    ::kill(pid_, SIGTERM);
    if (wait_exit(timeout_s)) return std::chrono::duration<double>(exited_at_ - sent).count();
    kill_now();
    return std::nullopt;
}

void Child::kill_now() {
    if (!running()) return;
    ::kill(pid_, SIGKILL);
    reap(true);
}

std::optional<std::string> Child::find_line(const std::string& prefix) const {
    for (auto it = lines_.rbegin(); it != lines_.rend(); ++it)
        if (it->rfind(prefix, 0) == 0) return *it;
    return std::nullopt;
}

std::optional<double> process_cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t paren = text.rfind(')');
    if (paren == std::string::npos) return std::nullopt;
    // After the command's ')': field 3 (state) onwards; utime and stime are fields 14 and 15.
    std::istringstream fields(text.substr(paren + 1));
    std::string f;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::strtoull(f.c_str(), nullptr, 10);
        if (i == 15) stime = std::strtoull(f.c_str(), nullptr, 10);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

namespace {

std::optional<uint64_t> status_value(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::strtoull(line.c_str() + key.size(), nullptr, 10);
    return std::nullopt;
}

}  // namespace

std::optional<uint64_t> process_voluntary_switches(pid_t pid) {
    const std::string dir = "/proc/" + std::to_string(pid) + "/task";
    DIR* d = opendir(dir.c_str());
    if (!d) return std::nullopt;
    uint64_t total = 0;
    bool any = false;
    while (const dirent* entry = readdir(d)) {
        if (entry->d_name[0] == '.') continue;
        if (const auto v = status_value(dir + "/" + entry->d_name + "/status", "voluntary_ctxt_switches:")) {
            total += *v;
            any = true;
        }
    }
    closedir(d);
    if (!any) return std::nullopt;
    return total;
}

std::optional<uint64_t> self_rss_kb() { return status_value("/proc/self/status", "VmRSS:"); }
std::optional<uint64_t> self_pss_kb() { return status_value("/proc/self/smaps_rollup", "Pss:"); }

std::optional<std::string> field(const std::string& line, const std::string& key) {
    const std::string needle = key + "=";
    size_t at = 0;
    while ((at = line.find(needle, at)) != std::string::npos) {
        if (at == 0 || line[at - 1] == ' ') {
            const size_t start = at + needle.size();
            return line.substr(start, line.find(' ', start) - start);
        }
        at += needle.size();
    }
    return std::nullopt;
}

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    for (const char* key : {"model name", "Model", "Hardware", "CPU part"}) {
        in.clear();
        in.seekg(0);
        while (std::getline(in, line)) {
            if (line.rfind(key, 0) != 0) continue;
            const size_t colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string value = line.substr(colon + 1);
            value.erase(0, value.find_first_not_of(" \t"));
            if (!value.empty()) return value;
        }
    }
    return "unknown";
}

int cpu_count() {
    // As nproc counts: the processors this process may run on.
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) return CPU_COUNT(&set);
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? int(n) : 1;
}

}  // namespace bench
