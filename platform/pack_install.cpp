// Atomic installs of signed pack files, rollback and status. See pack_install.h.
#include "pack_install.h"

#include "base/file_read.h"
#include "pack/pack_loader.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace platform {
namespace {

constexpr const char* kIncomingPrefix = ".incoming-";
// A folder being removed: renamed first, so one half-removed (its marker gone
// with its other files) is still known as install's by its name.
constexpr const char* kRemovingPrefix = ".removing-";
// Marks what install made, so it removes nothing else: this file in packs/, and
// .vitrine/INSTALLED in each pack folder (written before the folder gets its name).
constexpr const char* kPacksMarker = ".vitrine-packs";
constexpr const char* kFolderMarker = "INSTALLED";
constexpr const char* kMarkerText = "made by vitrine-pack install; removed by it when neither current nor previous\n";

std::string errno_text() { return std::strerror(errno); }

// Test hook: VITRINE_INSTALL_STEP_DELAY_US slows an install down so a crash test
// can kill it in every phase. Read on every install; unset, it costs nothing.
void step_pause() {
    const char* value = std::getenv("VITRINE_INSTALL_STEP_DELAY_US");
    if (!value || !*value) return;
    const long us = std::strtol(value, nullptr, 10);
    if (us > 0 && us < 10'000'000) ::usleep(useconds_t(us));
}

bool fsync_dir(const std::string& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// What the symlink at `path` says; "" when it is not a symlink.
std::string read_link(const std::string& path) {
    char buf[4096];
    const ssize_t n = ::readlink(path.c_str(), buf, sizeof buf);
    if (n <= 0 || size_t(n) >= sizeof buf) return "";
    return std::string(buf, size_t(n));
}

// A pack folder's name: not empty, no '/', not hidden (temporaries are).
bool is_pack_folder_name(const std::string& name) {
    return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos && name.size() < 256;
}

// The folder name a link written by install names ("packs/NAME"), or "".
std::string folder_of_link(const std::string& link) {
    if (link.rfind("packs/", 0) != 0) return "";
    const std::string name = link.substr(6);
    return is_pack_folder_name(name) ? name : "";
}

std::string linked_folder(const std::string& root, const char* link_name) {
    return folder_of_link(read_link(root + "/" + link_name));
}

// Points ROOT/NAME at `target` atomically: a new symlink renamed over the old one.
bool replace_symlink(const std::string& root, const std::string& name, const std::string& target, std::string& error) {
    const std::string link = root + "/" + name, temp = link + ".new";
    if (::unlink(temp.c_str()) != 0 && errno != ENOENT) {
        error = "cannot remove " + temp + ": " + errno_text();
        return false;
    }
    if (::symlink(target.c_str(), temp.c_str()) != 0 || ::rename(temp.c_str(), link.c_str()) != 0) {
        error = "cannot point " + link + " at " + target + ": " + errno_text();
        ::unlink(temp.c_str());
        return false;
    }
    if (!fsync_dir(root)) {
        error = "cannot sync " + root + ": " + errno_text();
        return false;
    }
    return true;
}

// Exchanges two paths in one step; false with errno when the filesystem cannot.
bool exchange(const std::string& a, const std::string& b) {
    return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

bool remove_tree(const std::string& path) {
    std::error_code ec;
    fs::remove_all(path, ec);  // never follows symlinks
    return !ec;
}

// Folder names may carry the version; keep them plain.
std::string plain(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                        c == '_' || c == '-' || c == '+';
        out += ok ? c : '_';
    }
    return out.substr(0, 64);
}

std::string title_of(const kiosk::Pack& pack) { return pack.text(pack.exhibit.title, pack.default_language()); }

std::string first_errors(const std::vector<kiosk::Diagnostic>& diagnostics, size_t most) {
    std::string text;
    size_t shown = 0, errors = 0;
    for (const kiosk::Diagnostic& d : diagnostics) {
        if (d.severity != kiosk::Diagnostic::Severity::Error) continue;
        ++errors;
        if (shown < most) {
            text += (shown ? "; " : "") + d.message;
            ++shown;
        }
    }
    if (errors > shown) text += "; and " + std::to_string(errors - shown) + " more";
    return text;
}

// An exclusive flock() on ROOT itself: no lock file, released when the process dies.
class RootLock {
public:
    bool lock(const std::string& root, std::string& error) {
        fd_ = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ < 0) {
            error = root + ": cannot open: " + errno_text();
            return false;
        }
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            error = root + ": another install or rollback is in progress";
            return false;
        }
        return true;
    }
    ~RootLock() {
        if (fd_ >= 0) ::close(fd_);
    }

private:
    int fd_ = -1;
};

// The names in `dir`; never throws (a range-for over directory_iterator would).
std::vector<std::string> list_dir(const std::string& dir, std::error_code& ec) {
    std::vector<std::string> names;
    fs::directory_iterator it(dir, ec), end;
    for (; !ec && it != end; it.increment(ec)) names.push_back(it->path().filename().string());
    return names;
}

bool is_real_dir(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool is_real_file(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string folder_marker(const std::string& folder) { return folder + "/" + kUnpackedMetaDir + "/" + kFolderMarker; }

// Whether install made packs/NAME: an interrupted install's .incoming-* folder
// (packs/ itself is install's), or a pack folder carrying the marker. Never a
// symlink, never anything else a person put there.
bool made_by_install(const std::string& packs, const std::string& name) {
    const std::string path = packs + "/" + name;
    if (!is_real_dir(path)) return false;
    if (name.rfind(kIncomingPrefix, 0) == 0 || name.rfind(kRemovingPrefix, 0) == 0) return true;
    return is_pack_folder_name(name) && is_real_dir(path + "/" + kUnpackedMetaDir) && is_real_file(folder_marker(path));
}

// Creates a marker file (or keeps the one there), synced with its folder.
bool write_marker(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0) {
        error = "cannot create " + path + ": " + errno_text();
        return false;
    }
    const size_t size = std::strlen(kMarkerText);
    const bool ok = ::ftruncate(fd, 0) == 0 && ::write(fd, kMarkerText, size) == ssize_t(size) && ::fsync(fd) == 0;
    const int saved = errno;
    ::close(fd);
    if (!ok) {
        error = "cannot write " + path + ": " + std::strerror(saved);
        return false;
    }
    fsync_dir(fs::path(path).parent_path().string());
    return true;
}

// Removes packs/NAME: renamed to a .removing-* name in one step, then deleted.
bool remove_pack_folder(const std::string& packs, const std::string& name) {
    const std::string path = packs + "/" + name;
    if (name.rfind(kIncomingPrefix, 0) == 0 || name.rfind(kRemovingPrefix, 0) == 0) return remove_tree(path);
    std::string trash = packs + "/" + kRemovingPrefix + "XXXXXX";
    if (!::mkdtemp(&trash[0])) return false;
    // rename() replaces the empty folder just made.
    if (::rename(path.c_str(), trash.c_str()) != 0) {
        ::rmdir(trash.c_str());
        return false;
    }
    return remove_tree(trash);
}

// Removes what install made in packs/ that neither link names: older packs and
// .incoming-* folders of interrupted installs. Anything else stays. Returns what
// it could not remove.
std::vector<std::string> collect_garbage(const std::string& root) {
    std::vector<std::string> warnings;
    const std::set<std::string> keep = {linked_folder(root, "current"), linked_folder(root, "previous")};
    const std::string packs = root + "/packs";
    std::error_code ec;
    std::vector<std::string> doomed;
    if (!is_real_file(packs + "/" + kPacksMarker)) return warnings;  // not install's folder: touch nothing
    for (const std::string& name : list_dir(packs, ec))
        if (!keep.count(name) && made_by_install(packs, name)) doomed.push_back(name);
    if (ec) warnings.push_back(packs + ": cannot be listed: " + ec.message());
    for (const std::string& name : doomed)
        if (!remove_pack_folder(packs, name)) warnings.push_back("cannot remove " + packs + "/" + name);
    if (!doomed.empty()) fsync_dir(packs);
    for (const char* temp : {"current.new", "previous.new"}) ::unlink((root + "/" + temp).c_str());
    return warnings;
}

// Creates `dir` if missing; `created` says whether this call made it.
bool ensure_dir(const std::string& dir, bool& created, std::string& error) {
    std::error_code ec;
    created = fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        error = dir + ": cannot create: " + (ec ? ec.message() : "not a folder");
        return false;
    }
    if (created) fsync_dir(fs::path(dir).parent_path().string());
    return true;
}

// Makes sure ROOT/packs is install's own folder: made here (with its marker), or
// marked already, or adopted: empty, or holding the packs `current` and `previous`
// name (a root set up before folders were marked; their folders are marked too).
// Anything else (a symlink, a folder of someone's packs) is refused.
bool prepare_packs(const std::string& root, bool& created, std::string& error) {
    const std::string packs = root + "/packs", marker = packs + "/" + kPacksMarker;
    created = false;
    struct stat st {};
    if (::lstat(packs.c_str(), &st) != 0) {
        if (errno != ENOENT) {
            error = "cannot read " + packs + ": " + errno_text();
            return false;
        }
        if (::mkdir(packs.c_str(), 0755) != 0) {
            error = packs + ": cannot create: " + errno_text();
            return false;
        }
        created = true;
        fsync_dir(root);
        return write_marker(marker, error);
    }
    if (S_ISLNK(st.st_mode)) {
        error = packs +
                " is a symbolic link; install keeps packs only in a folder it made itself "
                "(remove the link, or choose another --root)";
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        error = packs + " is a " + kiosk::file_type_name(st.st_mode) + ", not a folder made by vitrine-pack install";
        return false;
    }
    if (is_real_file(marker)) return true;
    std::error_code ec;
    const std::vector<std::string> names = list_dir(packs, ec);
    if (ec) {
        error = "cannot read " + packs + ": " + ec.message();
        return false;
    }
    std::vector<std::string> linked;
    for (const char* link : {"current", "previous"}) {
        const std::string name = linked_folder(root, link);
        if (!name.empty() && is_real_dir(packs + "/" + name) &&
            is_real_dir(packs + "/" + name + "/" + kUnpackedMetaDir) &&
            is_real_file(packs + "/" + name + "/" + kUnpackedMetaDir + "/MANIFEST"))
            linked.push_back(name);
    }
    if (!names.empty() && linked.empty()) {
        error = packs + " was not made by vitrine-pack install (it has no " + kPacksMarker + " file, and " + root +
                "/current names no pack in it); install leaves it alone: choose another --root";
        return false;
    }
    for (const std::string& name : linked)
        if (!write_marker(folder_marker(packs + "/" + name), error)) return false;
    return write_marker(marker, error);
}

void describe(const std::string& root, const char* link_name, InstalledPack& slot) {
    const std::string path = root + "/" + link_name;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return;
    slot.present = true;
    if (!S_ISLNK(st.st_mode)) {
        slot.problems.push_back(path + " is not a symbolic link");
        return;
    }
    slot.link = read_link(path);
    const std::string name = folder_of_link(slot.link);
    if (name.empty()) {
        slot.problems.push_back(path + " points at '" + slot.link + "', not at a folder in " + root + "/packs");
        return;
    }
    slot.folder = root + "/packs/" + name;
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(slot.folder, ec))) {
        slot.problems.push_back(path + " points at " + slot.folder + ", which does not exist");
        return;
    }
    for (std::string& p : check_unpacked_pack(slot.folder)) slot.problems.push_back(std::move(p));
    const kiosk::PackLoadResult loaded = kiosk::load_pack(slot.folder);
    slot.exhibit_id = loaded.pack.exhibit.id;
    slot.version = loaded.pack.exhibit.version;
    slot.title = title_of(loaded.pack);
    if (!loaded.ok()) slot.problems.push_back(slot.folder + " does not load: " + first_errors(loaded.diagnostics, 3));
    slot.valid = slot.problems.empty();
}

}  // namespace

namespace {

// One run of digits or of other characters, dpkg's way: '~' sorts before
// everything, even the end; letters before other characters.
int order_of(char c) {
    if (c == '~') return -1;
    if (c >= '0' && c <= '9') return 0;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return c;
    return c + 256;
}

}  // namespace

int compare_versions(const std::string& a, const std::string& b) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    size_t i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        // The non-digit parts, character by character.
        while ((i < a.size() && !digit(a[i])) || (j < b.size() && !digit(b[j]))) {
            const int x = i < a.size() ? order_of(a[i]) : 0, y = j < b.size() ? order_of(b[j]) : 0;
            if (x != y) return x < y ? -1 : 1;
            ++i;
            ++j;
        }
        // The numbers, by value (leading zeros do not count), however long.
        while (i < a.size() && a[i] == '0') ++i;
        while (j < b.size() && b[j] == '0') ++j;
        size_t ni = i, nj = j;
        while (ni < a.size() && digit(a[ni])) ++ni;
        while (nj < b.size() && digit(b[nj])) ++nj;
        if (ni - i != nj - j) return ni - i < nj - j ? -1 : 1;
        const int c = a.compare(i, ni - i, b, j, nj - j);
        if (c != 0) return c < 0 ? -1 : 1;
        i = ni;
        j = nj;
    }
    return 0;
}

const char* install_phase_name(InstallPhase phase) {
    switch (phase) {
        case InstallPhase::Verifying: return "verifying";
        case InstallPhase::Unpacking: return "unpacking";
        case InstallPhase::Checking: return "checking";
        case InstallPhase::Publishing: return "publishing";
        case InstallPhase::SwitchingPrevious: return "switching previous";
        case InstallPhase::SwitchingCurrent: return "switching current";
        case InstallPhase::Cleaning: return "cleaning";
        case InstallPhase::Done: return "done";
    }
    return "?";
}

InstallResult install_pack_file(const std::string& file, const std::string& root, const PublicKey& key,
                                const InstallOptions& options) {
    InstallResult result;
    auto phase = [&](InstallPhase p) {
        if (options.on_phase) options.on_phase(p);
        if (p != InstallPhase::Done) step_pause();
    };

    // 1. Verify, writing nothing: a refused file changes nothing under ROOT.
    phase(InstallPhase::Verifying);
    const VerifyResult verified = verify_pack_file(file, key);
    if (!verified.ok) {
        result.message = verified.message;
        return result;
    }

    const std::string packs = root + "/packs";
    bool created_root = false, created_packs = false;
    std::string error;
    if (!ensure_dir(root, created_root, error)) {
        result.message = error;
        return result;
    }
    // Leaves ROOT as it was when the install stops before publishing anything.
    auto undo_dirs = [&] {
        if (created_packs) {
            ::unlink((packs + "/" + kPacksMarker).c_str());
            ::rmdir(packs.c_str());
        }
        if (created_root) ::rmdir(root.c_str());
    };
    RootLock lock;
    if (!lock.lock(root, error) || !prepare_packs(root, created_packs, error)) {
        undo_dirs();
        result.message = file + ": not installed: " + error;
        return result;
    }

    // 2. Unpack into a temporary folder, verifying again as the bytes are written
    //    (the file may have changed since step 1).
    phase(InstallPhase::Unpacking);
    std::string incoming = packs + "/" + kIncomingPrefix + "XXXXXX";
    if (!::mkdtemp(&incoming[0])) {
        undo_dirs();
        result.message = packs + ": cannot create a temporary folder: " + errno_text();
        return result;
    }
    auto discard = [&](const std::string& message) {
        remove_tree(incoming);
        fsync_dir(packs);
        undo_dirs();
        result.message = message;
        return result;
    };
    const VerifyResult unpacked = unpack_pack_file(file, key, incoming, [](const std::string&) { step_pause(); });
    if (!unpacked.ok) return discard(unpacked.message);
    ::chmod(incoming.c_str(), 0755);  // mkdtemp makes it 0700; the kiosk may run as another user
    if (!write_marker(folder_marker(incoming), error)) return discard(error);

    // 3. The kiosk must be able to show it.
    phase(InstallPhase::Checking);
    const kiosk::PackLoadResult loaded = kiosk::load_pack(incoming);
    if (!loaded.ok())
        return discard(file + ": refused: its pack does not load: " + first_errors(loaded.diagnostics, 3));
    result.exhibit_id = loaded.pack.exhibit.id;
    result.version = loaded.pack.exhibit.version;
    // Another exhibit, or an older version of this one, replaces what the kiosk
    // shows only when allowed: a stick from the wrong gallery, or an old copy,
    // should not quietly win. The same version installs again (a repair).
    if (const std::string now = linked_folder(root, "current"); !now.empty() && is_real_dir(packs + "/" + now)) {
        const kiosk::PackLoadResult shown_now = kiosk::load_pack(packs + "/" + now);
        const std::string& id_now = shown_now.pack.exhibit.id;
        const std::string& version_now = shown_now.pack.exhibit.version;
        if (!id_now.empty() && id_now != result.exhibit_id && !options.allow_other_exhibit)
            return discard(file + ": refused: it holds the exhibit '" + result.exhibit_id +
                           "', but this kiosk shows '" + id_now +
                           "'; add --allow-other-exhibit (or set [pack] allow_other_exhibit = true in the "
                           "kiosk's configuration) to replace it");
        if (!id_now.empty() && id_now == result.exhibit_id && !version_now.empty() &&
            compare_versions(result.version, version_now) < 0 && !options.allow_downgrade)
            return discard(
                file + ": refused: it is version " + result.version + " of " + result.exhibit_id +
                ", older than the current " + version_now +
                "; add --allow-downgrade (or set [pack] "
                "allow_downgrade = true in the kiosk's configuration) to install it anyway, or use rollback");
    }
    result.folder = plain(result.exhibit_id) + "-" + plain(result.version) + "-" +
                    sha256_hex(unpacked.manifest.data(), unpacked.manifest.size()).substr(0, 12);
    const std::string final_dir = packs + "/" + result.folder;
    const std::string shown = result.exhibit_id + " " + result.version + " (" + result.folder + ")";

    // 4. Give it its final name. The name is the signed manifest's hash, so a
    //    folder of that name holds the same pack, unless damaged: it is replaced
    //    by the fresh copy in one exchange, even when it is the current pack.
    phase(InstallPhase::Publishing);
    const std::string old_current = linked_folder(root, "current");
    std::error_code ec;
    const bool exists = fs::exists(fs::symlink_status(final_dir, ec));
    if (exists && old_current == result.folder && check_unpacked_pack(final_dir).empty()) {
        remove_tree(incoming);
        fsync_dir(packs);
        result.ok = true;
        result.message = shown + " is already installed and current; nothing changed";
        phase(InstallPhase::Cleaning);
        result.warnings = collect_garbage(root);
        phase(InstallPhase::Done);
        return result;
    }
    if (exists) {
        if (!exchange(incoming, final_dir)) {
            if (old_current == result.folder)
                return discard(final_dir +
                               " is the current pack and damaged, and cannot be replaced in one step here (" +
                               errno_text() + ")");
            if (!remove_pack_folder(packs, result.folder)) return discard("cannot replace " + final_dir);
            if (::rename(incoming.c_str(), final_dir.c_str()) != 0)
                return discard("cannot rename " + incoming + " to " + final_dir + ": " + errno_text());
        }
        // `incoming` now holds the old copy (or nothing); the cleaning removes it.
    } else if (::rename(incoming.c_str(), final_dir.c_str()) != 0) {
        return discard("cannot rename " + incoming + " to " + final_dir + ": " + errno_text());
    }
    if (!fsync_dir(packs)) {
        result.message = "cannot sync " + packs + ": " + errno_text();
        return result;
    }
    result.changed = true;

    // 5. previous := the old current, then current := the new pack. Each is one
    //    rename(); in between both name the old pack, which is whole.
    phase(InstallPhase::SwitchingPrevious);
    if (!old_current.empty() && old_current != result.folder &&
        fs::is_directory(fs::symlink_status(packs + "/" + old_current, ec))) {
        if (!replace_symlink(root, "previous", "packs/" + old_current, error)) {
            result.message = error;
            return result;
        }
    }
    phase(InstallPhase::SwitchingCurrent);
    if (old_current != result.folder && !replace_symlink(root, "current", "packs/" + result.folder, error)) {
        result.message = error;
        return result;
    }

    // 6. Everything neither link names goes: older packs and interrupted installs.
    phase(InstallPhase::Cleaning);
    result.warnings = collect_garbage(root);
    result.ok = true;
    result.message = old_current == result.folder ? "repaired " + shown + ", the current pack"
                                                  : "installed " + shown + " as current";
    phase(InstallPhase::Done);
    return result;
}

InstallResult rollback_pack(const std::string& root) {
    InstallResult result;
    std::string error;
    RootLock lock;
    if (!lock.lock(root, error)) {
        result.message = error;
        return result;
    }
    const std::string current = linked_folder(root, "current"), previous = linked_folder(root, "previous");
    if (previous.empty()) {
        result.message = root + ": there is no previous pack to roll back to";
        return result;
    }
    if (previous == current) {
        result.message = root + ": the previous pack is the current one (" + current + "); nothing to roll back to";
        return result;
    }
    InstalledPack target;
    describe(root, "previous", target);
    if (!target.valid) {
        result.message = root + ": cannot roll back: the previous pack is not usable: " +
                         (target.problems.empty() ? "unknown problem" : target.problems.front());
        return result;
    }
    const std::string current_link = root + "/current", previous_link = root + "/previous";
    struct stat st {};
    const bool has_current = ::lstat(current_link.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
    if (has_current && exchange(current_link, previous_link)) {
        if (!fsync_dir(root)) {
            result.message = "cannot sync " + root + ": " + errno_text();
            return result;
        }
    } else {
        // No RENAME_EXCHANGE here (or no current): current first, so it is never broken.
        if (!replace_symlink(root, "current", "packs/" + previous, error)) {
            result.message = error;
            return result;
        }
        if (!current.empty() && !replace_symlink(root, "previous", "packs/" + current, error)) {
            result.message = error;
            return result;
        }
    }
    result.ok = true;
    result.changed = true;
    result.folder = previous;
    result.exhibit_id = target.exhibit_id;
    result.version = target.version;
    result.message = "rolled back to " + target.exhibit_id + " " + target.version + " (" + previous + ")" +
                     (current.empty() ? "" : "; previous is now " + current);
    return result;
}

InstallStatus install_status(const std::string& root) {
    InstallStatus status;
    status.root = root;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        status.current.problems.push_back(root + " does not exist: nothing is installed");
        return status;
    }
    describe(root, "current", status.current);
    describe(root, "previous", status.previous);
    if (!status.current.present) status.current.problems.push_back("nothing is installed (no " + root + "/current)");
    if (status.previous.present && status.current.present && status.previous.link == status.current.link)
        status.notes.push_back(
            "previous and current are the same pack (an install was interrupted between its two switches)");

    const std::set<std::string> keep = {folder_of_link(status.current.link), folder_of_link(status.previous.link)};
    const std::string packs = root + "/packs";
    const bool ours = is_real_file(packs + "/" + kPacksMarker);
    for (const std::string& name : list_dir(packs, ec)) {
        if (keep.count(name) || name == kPacksMarker) continue;
        if (!ours || !made_by_install(packs, name)) {
            status.notes.push_back(packs + "/" + name +
                                   " was not made by vitrine-pack install; installs leave it alone");
            continue;
        }
        status.notes.push_back(packs + "/" + name +
                               (name.rfind(kIncomingPrefix, 0) == 0   ? " is left from an interrupted install"
                                : name.rfind(kRemovingPrefix, 0) == 0 ? " is left from an interrupted clean-up"
                                                                      : " is neither current nor previous") +
                               "; the next install removes it");
    }
    for (const char* temp : {"current.new", "previous.new"}) {
        struct stat st {};
        if (::lstat((root + "/" + temp).c_str(), &st) == 0)
            status.notes.push_back(root + "/" + temp +
                                   " is left from an interrupted switch; the next install removes it");
    }
    return status;
}

std::string current_pack_dir(const std::string& root) {
    const std::string name = linked_folder(root, "current");
    if (name.empty()) return "";
    const std::string dir = root + "/packs/" + name;
    struct stat st {};
    if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return "";
    return dir;
}

}  // namespace platform
