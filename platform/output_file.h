// Files the curator's tools write (a pack file, a key) never replace what the
// tool reads, never replace a signing key, and replace any other existing file
// only when asked to (--force). Inputs are recognised by identity (device and
// inode), so another name for the same file, a hard link or a symlink, is
// caught as well.
#pragma once

#include <string>
#include <vector>

namespace platform {

// "" when `out` may be written; otherwise why not, in words that name it.
// `inputs` are the files and folders the command reads (a folder stands for
// every file under it). An input or a key is refused even with `force`.
std::string check_output_path(const std::string& out, const std::vector<std::string>& inputs, bool force);

}  // namespace platform
