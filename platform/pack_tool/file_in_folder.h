// Writes one file into a folder that someone else controls (a USB stick): the
// folder must be a real folder on the same filesystem as its parent, not a
// symbolic link nor another filesystem mounted there, and nothing already at
// the file's name (a link to /etc/shadow, a FIFO, a folder) is followed,
// opened or written through. The content goes to NAME.tmp, created new, and is
// renamed over NAME only once every byte is on the stick.
#pragma once

#include <string>

namespace pack_tool {

// Writes BYTES to DIR/NAME. NAME is a plain file name (no '/', not "." or "..").
// On failure returns false with the reason in *error, naming what failed:
// "vitrine-stats is a symbolic link, not a folder", "cannot write
// host-2026-12-06.csv: No space left on device". A stale regular NAME.tmp (a
// stick pulled out mid-write) is replaced; anything else at NAME.tmp or NAME
// that is not a regular file is refused.
bool write_file_in_folder(const std::string& dir, const std::string& name, const std::string& bytes,
                          std::string* error);

}  // namespace pack_tool
