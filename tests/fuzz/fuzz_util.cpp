#include "fuzz_util.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace fuzz {

namespace {

std::string g_scratch;

void remove_scratch() {
    std::error_code ec;
    if (!g_scratch.empty()) fs::remove_all(g_scratch, ec);
}

[[noreturn]] void harness_failure(const std::string& what) {
    std::fprintf(stderr, "fuzz harness: %s\n", what.c_str());
    std::abort();
}

}  // namespace

const std::string& scratch_dir(const char* name) {
    if (g_scratch.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        const std::string base = tmp && *tmp ? tmp : "/tmp";
        g_scratch = base + "/vitrine-fuzz-" + name + "-" + std::to_string(::getpid());
        std::error_code ec;
        fs::remove_all(g_scratch, ec);
        if (!fs::create_directories(g_scratch, ec)) harness_failure("cannot create " + g_scratch);
        std::atexit(remove_scratch);
    }
    return g_scratch;
}

void write_file(const std::string& path, const void* data, size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size)) || !out.flush())
        harness_failure("cannot write " + path);
}

void copy_file(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
    if (ec) harness_failure("cannot copy " + from + " to " + to + ": " + ec.message());
}

void remove_all(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);
}

}  // namespace fuzz
