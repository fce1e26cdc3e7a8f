// Small helpers shared by the fuzz targets: a scratch folder per process and
// whole-file writes. Nothing here is fuzzed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace fuzz {

// A folder of this process's own under $TMPDIR (or /tmp), made on first use and
// removed at exit: "/tmp/vitrine-fuzz-<name>-<pid>".
const std::string& scratch_dir(const char* name);

// Writes `size` bytes to `path`, replacing it; aborts when it cannot (a broken
// harness must not look like a clean run).
void write_file(const std::string& path, const void* data, size_t size);

// Copies `from` to `to`, aborting on failure.
void copy_file(const std::string& from, const std::string& to);

// Removes `path` and everything under it; no error when it does not exist.
void remove_all(const std::string& path);

}  // namespace fuzz
