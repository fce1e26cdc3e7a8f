// Killing an install at any instant: a forked child runs install_pack_file and
// gets SIGKILL. Afterwards `current` (and `previous`, if there) must name a whole,
// valid pack, the old one or the new one, never a mix, and a normal install and
// two rollbacks must still work, leaving nothing behind.
//
// Three kinds of kill, in turn:
// - timed: after a delay spread evenly from 0 to 1.2 times a whole install's
//   duration (measured in a child first, and again every 16 trials);
// - aimed at full speed: the child reports each phase through a pipe, and the kill
//   comes 0-3 ms after the chosen phase starts (the phases in turn), inside its work;
// - aimed and slowed: VITRINE_INSTALL_STEP_DELAY_US adds a pause between phases
//   and after each unpacked file, and the kill lands anywhere in the chosen phase's
//   pause or work, so every state between two steps is hit many times.
// The installs alternate between new packs, the previous pack (its folder exists)
// and the pack an install just removed (its folder may be half-deleted by a kill).
// VITRINE_CRASH_TRIALS sets the number of trials (default 200), VITRINE_CRASH_SEED
// the random seed.
#include "pack/pack_loader.h"
#include "pack_build.h"
#include "pack_install.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr long kStepDelayUs = 3000;

using test_files::read_bytes;
using test_files::write_bytes;

using test_files::link_of;
using test_files::names_in;

// The trials install older versions over newer ones as well.
platform::InstallOptions allow_older() {
    platform::InstallOptions options;
    options.allow_downgrade = true;
    return options;
}

// A folder's regular files (relative path -> SHA-256), leaving out `skip`.
std::map<std::string, std::string> contents(const std::string& dir, const std::string& skip = "") {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        const std::string rel = it->path().lexically_relative(dir).generic_string();
        if (rel == skip) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink())
            files[rel] = "symlink";
        else if (it->is_regular_file()) {
            const std::string bytes = read_bytes(it->path().string());
            files[rel] = platform::sha256_hex(bytes.data(), bytes.size());
        }
    }
    return files;
}

// One signed version of the minimal pack, and what its installed folder holds.
struct Version {
    std::string version, file, folder;
    std::map<std::string, std::string> files;  // pack.toml and media, by hash
};

struct World {
    std::string dir, root, secret;
    platform::PublicKey key;
    int made = 0;

    Version make_version() {
        Version v;
        v.version = "1." + std::to_string(made++);
        const std::string src = dir + "/src-" + v.version;
        fs::copy(VITRINE_TEST_PACKS "/minimal", src, fs::copy_options::recursive);
        std::string toml = read_bytes(src + "/pack.toml");
        toml.replace(toml.find("version = \"0.1.0\""), 17, "version = \"" + v.version + "\"");
        write_bytes(src + "/pack.toml", toml);
        v.file = dir + "/pack-" + v.version + ".vpk";
        const platform::BuildResult built = platform::build_pack_file(src, secret, v.file);
        INFO(built.message);
        REQUIRE(built.ok);
        const platform::VerifyResult verified = platform::verify_pack_file(v.file, key);
        REQUIRE(verified.ok);
        v.folder = "test-person-" + v.version + "-" +
                   platform::sha256_hex(verified.manifest.data(), verified.manifest.size()).substr(0, 12);
        // What ships (photographs re-encoded by the media pipeline), as unpacked.
        const std::string unpacked = dir + "/unpacked-" + v.version;
        fs::create_directories(unpacked);
        REQUIRE(platform::unpack_pack_file(v.file, key, unpacked).ok);
        v.files = contents(unpacked, platform::kUnpackedMetaDir);
        fs::remove_all(unpacked);
        fs::remove_all(src);
        return v;
    }
};

// "" when ROOT/<link> names one of `allowed`, whole and valid; else what is wrong.
std::string check_link(const World& w, const char* link, const std::vector<const Version*>& allowed) {
    const std::string target = link_of(w.root + "/" + link);
    const Version* found = nullptr;
    for (const Version* v : allowed)
        if (target == "packs/" + v->folder) found = v;
    if (!found) return std::string(link) + " is '" + target + "', neither the old nor the new pack";
    const std::string dir = w.root + "/" + target;
    if (std::string(link) == "current" && platform::current_pack_dir(w.root) != dir)
        return "current_pack_dir() is '" + platform::current_pack_dir(w.root) + "'";
    const kiosk::PackLoadResult loaded = kiosk::load_pack(dir);
    if (!loaded.ok()) return std::string(link) + " (" + dir + ") does not load";
    if (loaded.pack.exhibit.version != found->version)
        return std::string(link) + " has version " + loaded.pack.exhibit.version + ", expected " + found->version;
    if (contents(dir, platform::kUnpackedMetaDir) != found->files)
        return std::string(link) + " (" + dir + ") does not hold exactly the files of " + found->version;
    const std::vector<std::string> problems = platform::check_unpacked_pack(dir);
    if (!problems.empty()) return std::string(link) + ": " + problems.front();
    return "";
}

struct ChildRun {
    bool killed = false;       // SIGKILL arrived before it finished
    bool finished_ok = false;  // finished by itself, successfully
    int last_phase = -1;       // the last InstallPhase it reported, -1 none
    double done_ms = -1;       // from fork() to its "done" report, when it got there
    std::string exit_problem;
};

// Forks a child that installs `file`; kills it `kill_after_us` after it starts, or
// after it reports `kill_in_phase` when that is >= 0; lets it finish when
// `kill_after_us` is negative.
ChildRun run_child(const World& w, const std::string& file, long step_delay_us, long kill_after_us,
                   int kill_in_phase = -1) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::fflush(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        if (step_delay_us > 0) ::setenv("VITRINE_INSTALL_STEP_DELAY_US", std::to_string(step_delay_us).c_str(), 1);
        platform::InstallOptions options;
        options.allow_downgrade = true;  // the trials go back to older versions too
        options.on_phase = [&](platform::InstallPhase p) {
            const char c = char('0' + int(p));
            (void)!::write(fds[1], &c, 1);
            if (p == platform::InstallPhase::Done) {
                // When it got there, on the clock the parent uses (steady_clock is
                // CLOCK_MONOTONIC, the same in every process).
                char stamp[32];
                std::snprintf(stamp, sizeof stamp, "T%020lld",
                              (long long)std::chrono::steady_clock::now().time_since_epoch().count());
                (void)!::write(fds[1], stamp, 21);
            }
        };
        const platform::InstallResult r = platform::install_pack_file(file, w.root, w.key, options);
        if (!r.ok) {
            (void)!::write(fds[1], "F", 1);
            (void)!::write(fds[1], r.message.data(), r.message.size());
        }
        ::_exit(r.ok ? 0 : 3);
    }
    ::close(fds[1]);
    std::string reported;
    char buf[4096];
    ssize_t n;
    if (kill_in_phase >= 0) {
        // Read the child's reports until it starts that phase (or stops).
        char c = 0;
        while (c != char('0' + kill_in_phase) && (n = ::read(fds[0], &c, 1)) > 0) reported += c;
    }
    if (kill_after_us >= 0) {
        const timespec ts{kill_after_us / 1000000, (kill_after_us % 1000000) * 1000};
        ::nanosleep(&ts, nullptr);
        ::kill(pid, SIGKILL);
    }
    ChildRun run;
    while ((n = ::read(fds[0], buf, sizeof buf)) > 0) reported.append(buf, size_t(n));
    // From fork() to the end of the install: what the kill delays count.
    const size_t stamp = reported.find('T');
    if (stamp != std::string::npos && reported.size() >= stamp + 21) {
        const std::chrono::steady_clock::duration done(std::stoll(reported.substr(stamp + 1, 20)));
        run.done_ms = std::chrono::duration<double, std::milli>(done - start.time_since_epoch()).count();
        reported.erase(stamp, 21);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    ::close(fds[0]);
    const size_t failed = reported.find('F');
    for (size_t i = 0; i < std::min(reported.size(), failed); ++i) run.last_phase = reported[i] - '0';
    run.killed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    run.finished_ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!run.killed && !run.finished_ok)
        run.exit_problem =
            "the install failed by itself: " + (failed == std::string::npos ? reported : reported.substr(failed + 1));
    return run;
}

long env_long(const char* name, long fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::strtol(v, nullptr, 10) : fallback;
}

}  // namespace

TEST_CASE(
    "an install killed at any instant leaves current whole and valid, old or new; then installs and rollbacks work",
    "[install_crash]") {
    World w;
    w.dir = (fs::path(VITRINE_TEST_OUTPUT) / "install_crash").string();
    fs::remove_all(w.dir);
    fs::create_directories(w.dir);
    w.root = w.dir + "/root";
    const platform::KeygenResult keys = platform::generate_key_pair(w.dir + "/museum");
    REQUIRE(keys.ok);
    w.secret = keys.secret_path;
    std::string error;
    REQUIRE(platform::load_public_key(keys.public_path, w.key, &error));

    const long trials = env_long("VITRINE_CRASH_TRIALS", 200);
    const unsigned seed = unsigned(env_long("VITRINE_CRASH_SEED", 20240611));
    std::mt19937 rng(seed);

    // Start with a current and a previous pack.
    std::vector<Version> history;  // in the order they became current
    for (int i = 0; i < 2; ++i) {
        history.push_back(w.make_version());
        const platform::InstallResult r =
            platform::install_pack_file(history.back().file, w.root, w.key, allow_older());
        INFO(r.message);
        REQUIRE(r.ok);
    }
    Version current = history[1], previous = history[0];
    std::vector<Version> older;  // packs the installs have removed

    // One install's duration, slowed and not: the median of three child runs to the end.
    double duration_ms[2] = {0, 0};
    for (int slow = 0; slow < 2; ++slow) {
        std::vector<double> runs;
        for (int i = 0; i < 3; ++i) {
            const Version next = w.make_version();
            const ChildRun run = run_child(w, next.file, slow ? kStepDelayUs : 0, -1);
            INFO(run.exit_problem);
            REQUIRE(run.finished_ok);
            REQUIRE(run.done_ms > 0);
            REQUIRE(check_link(w, "current", {&next}).empty());
            runs.push_back(run.done_ms);
            older.push_back(previous);
            previous = current;
            current = next;
        }
        std::sort(runs.begin(), runs.end());
        duration_ms[slow] = runs[1];
    }

    std::deque<double> child_ms = {duration_ms[0]};  // the last whole installs' durations, full speed
    std::map<std::string, int> landed;               // where the kills landed
    std::vector<std::string> failures;
    int killed = 0, finished = 0, fresh_names = 0, reinstalls = 0;
    for (long trial = 0; trial < trials; ++trial) {
        if (trial % 16 == 0) {
            // Measure again: a whole install at full speed in a child, not killed.
            const Version next = w.make_version();
            const ChildRun run = run_child(w, next.file, 0, -1);
            INFO(run.exit_problem);
            REQUIRE(run.finished_ok);
            REQUIRE(run.done_ms > 0);
            REQUIRE(check_link(w, "current", {&next}).empty());
            child_ms.push_back(run.done_ms);
            if (child_ms.size() > 5) child_ms.pop_front();
            older.push_back(previous);
            previous = current;
            current = next;
        }
        // What to install: mostly a new version; every fourth trial the previous
        // pack (its folder exists), every fourth the one an install just removed
        // (its folder may be half-deleted by an earlier kill).
        Version target;
        if (trial % 4 == 3)
            target = previous;
        else if (trial % 4 == 1 && !older.empty())
            target = older.back();
        else
            target = w.make_version();
        (target.version == previous.version || (!older.empty() && target.version == older.back().version))
            ? ++reinstalls
            : ++fresh_names;

        // Three kinds of kill, in turn.
        const int mode = int(trial % 3);
        const bool slow = mode == 2;
        const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
        long delay_us = 0;
        int aim = -1;
        if (mode == 0) {
            // Timed: spread evenly over 0..1.2 x a whole install. Disk syncs dominate
            // and their cost drifts with the machine's load, so the span follows the
            // median of the last few whole installs in a child.
            std::vector<double> sorted(child_ms.begin(), child_ms.end());
            std::sort(sorted.begin(), sorted.end());
            const double typical_ms = sorted[sorted.size() / 2];
            delay_us = long(typical_ms * 1000.0 * 1.2 * (double(trial / 3) + u) / double((trials + 2) / 3));
        } else {
            // Aimed: Verifying .. Cleaning in turn, the kill a random moment after the
            // phase starts: at full speed, inside its work (its renames, syncs and
            // removals); slowed, anywhere in its pause or its work, so every state
            // between two steps is hit (unpacking has a pause after each file).
            aim = int((trial / 3) % 7);
            const double window =
                !slow ? 3000.0 : (aim == int(platform::InstallPhase::Unpacking) ? 5.0 : 1.5) * double(kStepDelayUs);
            delay_us = long(u * window);
        }
        const char* kind = mode == 0 ? "timed: " : mode == 1 ? "aimed, full speed: " : "aimed, slowed: ";

        const ChildRun run = run_child(w, target.file, slow ? kStepDelayUs : 0, delay_us, aim);
        const std::string where =
            "trial " + std::to_string(trial) + " (" + kind +
            (aim >= 0 ? std::string("at ") + platform::install_phase_name(platform::InstallPhase(aim)) + " + " : "") +
            std::to_string(delay_us) + " us, installing " + target.version + " over " + current.version + ")";
        if (!run.exit_problem.empty()) failures.push_back(where + ": " + run.exit_problem);
        if (run.killed) {
            ++killed;
            ++landed[std::string(kind) + (run.last_phase < 0
                                              ? "before verifying"
                                              : platform::install_phase_name(platform::InstallPhase(run.last_phase)))];
        } else {
            ++finished;
            ++landed[std::string(kind) + "finished before the kill"];
        }

        // current: the old pack or the new one, whole; previous, if there, whole too.
        std::string problem = check_link(w, "current", {&current, &target});
        if (problem.empty() && fs::exists(fs::symlink_status(w.root + "/previous")))
            problem = check_link(w, "previous", {&previous, &current, &target});
        if (!problem.empty()) failures.push_back(where + ": " + problem);

        // A normal install then works, and so do two rollbacks.
        platform::InstallResult r = platform::install_pack_file(target.file, w.root, w.key, allow_older());
        if (!r.ok) failures.push_back(where + ": the next install failed: " + r.message);
        problem = check_link(w, "current", {&target});
        if (problem.empty()) problem = check_link(w, "previous", {&current});
        if (problem.empty() && names_in(w.root) != std::vector<std::string>{"current", "packs", "previous"})
            problem = "ROOT holds more than current, packs and previous";
        std::vector<std::string> expected = {current.folder, target.folder};
        std::sort(expected.begin(), expected.end());
        expected.insert(expected.begin(), ".vitrine-packs");  // install's marker, sorted first
        if (problem.empty() && names_in(w.root + "/packs") != expected)
            problem = "packs/ holds more than the current and previous packs";
        if (!problem.empty()) failures.push_back(where + ": after the next install: " + problem);
        r = platform::rollback_pack(w.root);
        if (!r.ok || !check_link(w, "current", {&current}).empty())
            failures.push_back(where + ": rollback failed: " + r.message);
        r = platform::rollback_pack(w.root);
        if (!r.ok || !check_link(w, "current", {&target}).empty())
            failures.push_back(where + ": the second rollback failed: " + r.message);
        if (failures.size() > 20) break;

        older.push_back(previous);
        previous = current;
        current = target;
        if (older.size() > 4) older.erase(older.begin());
    }

    std::string summary = "install crash test: " + std::to_string(trials) + " trials (seed " + std::to_string(seed) +
                          "), " + std::to_string(killed) + " killed mid-install, " + std::to_string(finished) +
                          " finished before the kill; " + std::to_string(fresh_names) + " new packs, " +
                          std::to_string(reinstalls) + " reinstalls of existing or removed folders; one install took " +
                          std::to_string(int(duration_ms[0])) + " ms at full speed at the start, " +
                          std::to_string(int(duration_ms[1])) +
                          " ms slowed; failures: " + std::to_string(failures.size()) + "\nkills landed:";
    for (const auto& l : landed) summary += "\n  " + std::to_string(l.second) + " x " + l.first;
    for (const std::string& f : failures) summary += "\nFAILED " + f;
    std::printf("%s\n", summary.c_str());
    write_bytes(w.dir + "/summary.txt", summary + "\n");
    INFO(summary);
    CHECK(failures.empty());
    CHECK(killed > trials / 2);
}
