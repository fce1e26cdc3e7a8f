// Photographs at the sizes a panel shows them, kept in the state folder so the
// kiosk scales each photograph once, not at every start: a Raspberry Pi 3 takes
// over a second to scale a large photograph and well under a millisecond to
// read the scaled copy back.
//
// A copy is found by the photograph's content (a hash of the file's bytes, so
// a pack replaced by another with the same file names never shows old
// pictures) and the box it was fitted into:
//
//   <dir>/<32 hex digits>-<box width>x<box height>.rgba
//
// holding kMagic, the width and the height (32-bit little-endian) and the
// upright RGBA8 rows. A file of any other length, magic or size is refused and
// made again; a folder that cannot be written leaves the kiosk scaling in
// memory as before. Neither ever keeps a photograph off the screen.
#pragma once

#include "pack/photo_scaling.h"

#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// The photograph's content key: BLAKE2b-128 of its bytes, in hex.
std::string photo_content_key(const std::vector<uint8_t>& file_bytes);

// The file's bytes for `image`.
std::vector<uint8_t> encode_photo_copy(const kiosk::ScaledImage& image);

// Takes a copy a band of rows at a time, so reading one never holds the whole
// image twice (the texture and a buffer).
class PhotoCopySink {
public:
    virtual ~PhotoCopySink() = default;
    virtual bool begin(int width, int height) = 0;  // false: stop reading
    virtual bool rows(int y, int count, const uint8_t* rgba) = 0;
    virtual void abandon() = 0;  // the copy turned out unusable after begin()
};

class PhotoCache {
public:
    // `dir` empty: nothing is kept on disk.
    explicit PhotoCache(std::string dir = "") : dir_(std::move(dir)) {}

    bool enabled() const { return !dir_.empty(); }
    const std::string& dir() const { return dir_; }
    std::string path_for(const std::string& key, int box_w, int box_h) const;
    // Whether a file name is one path_for() makes (and nothing else in the folder).
    static bool is_copy_name(const std::string& name);

    enum class Read { Found, Missing, Refused };
    // Refused: the file is there but unusable (`problem` says why: a magic,
    // size or length that is wrong, or a size that does not fit the box); it is
    // made again.
    Read read(const std::string& key, int box_w, int box_h, PhotoCopySink& sink, std::string* problem) const;
    // Creates the folder when needed; false with `error` when the copy could not be kept.
    bool write(const std::string& key, int box_w, int box_h, const kiosk::ScaledImage& image, std::string* error) const;

    // Its last character is the scaling's version: a change to how photographs
    // are scaled (pack/photo_scaling.cpp) bumps it, so every copy is made again.
    static constexpr char kMagic[8] = {'V', 'T', 'R', 'P', 'H', 'O', 'T', '2'};

private:
    std::string dir_;
};

}  // namespace platform
