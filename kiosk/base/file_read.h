// Reads a whole file the way hostile input demands: open first, without
// following a final symbolic link and without blocking on a FIFO or a device;
// then check what was opened (fstat on that descriptor); then read through the
// same descriptor. Nothing can be swapped in between the check and the read,
// and a FIFO, a device, a folder or an unreadable file each get their own
// message instead of a hang or a misleading content error.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct FileRead {
    std::vector<uint8_t> bytes;
    // Empty on success; otherwise why the file was not read, in words to put
    // after its name: "permission denied", "is a FIFO, not a regular file",
    // "is a symbolic link", "is 80 MiB; at most 64 MiB".
    std::string error;
    bool missing = false;  // the file does not exist (error says so too)
    uint64_t size = 0;     // of the regular file opened, however much of it was read
    bool ok() const { return error.empty(); }
    std::string text() const { return std::string(bytes.begin(), bytes.end()); }
};

enum class FinalLink { Refuse, Follow };

// Reads PATH when it is a regular file of at most MAX_BYTES. A final symbolic
// link is refused unless FINAL_LINK is Follow (for files an integrator may link,
// such as /etc/vitrine/vitrine.toml); links in the folders above are the
// caller's to check.
FileRead read_regular_file(const std::string& path, uint64_t max_bytes, FinalLink final_link = FinalLink::Refuse);

// The same checks, but only the first HEAD_BYTES are read: enough to tell a
// file's format by its content without reading minutes of audio.
FileRead read_regular_file_start(const std::string& path, uint64_t max_bytes, size_t head_bytes,
                                 FinalLink final_link = FinalLink::Refuse);

// "regular file", "folder", "FIFO", "character device", ... for a st_mode.
const char* file_type_name(unsigned mode);

}  // namespace kiosk
