// Fuzzes the signed pack file reader (platform/pack_file.h) as the kiosk's USB
// install calls it: verify_pack_file, then, when it verifies, unpack_pack_file
// into an empty folder and check_unpacked_pack on the result.
//
// Two kinds of input:
//   - a .vpk as it is (starts with the gzip magic 1f 8b): exercises the gzip
//     header, inflation, CRC and the tar reader on damaged files;
//   - anything else is taken as the inflated tar and gzip'd here, with the header
//     `vitrine-pack build` writes. The fuzzer can then edit tar headers, names,
//     sizes, types and the pack files after a still-valid MANIFEST and SIGNATURE,
//     the code past the signature check that a damaged .vpk rarely reaches.
// The public key is tests/fuzz/corpus/keys/fuzz-test.pub; the seeds were signed
// with its secret key (see tests/fuzz/README.md).
#include "fuzz_util.h"
#include "pack_file.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>
#include <zlib.h>

namespace {

const platform::PublicKey& fuzz_key() {
    static const platform::PublicKey key = [] {
        platform::PublicKey k;
        std::string error;
        if (!platform::load_public_key(std::string(VITRINE_FUZZ_DIR) + "/corpus/keys/fuzz-test.pub", k, &error)) {
            std::fprintf(stderr, "fuzz harness: %s\n", error.c_str());
            std::abort();
        }
        return k;
    }();
    return key;
}

// gzip as libarchive's writer does for build: deflate, no name, mtime 0, OS Unix.
std::vector<uint8_t> gzip(const uint8_t* data, size_t size) {
    z_stream z{};
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
    gz_header h{};
    h.os = 3;
    deflateSetHeader(&z, &h);
    std::vector<uint8_t> out(deflateBound(&z, size) + 32);
    z.next_in = const_cast<Bytef*>(data);
    z.avail_in = static_cast<uInt>(size);
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const platform::PublicKey& key = fuzz_key();
    const std::string& scratch = fuzz::scratch_dir("pack-archive");
    const std::string file = scratch + "/in.vpk";
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) {
        fuzz::write_file(file, data, size);
    } else {
        const std::vector<uint8_t> gz = gzip(data, size);
        fuzz::write_file(file, gz.data(), gz.size());
    }

    const platform::VerifyResult verified = platform::verify_pack_file(file, key);
    if (verified.message.empty()) std::abort();
    if (!verified.ok) return 0;

    const std::string dest = scratch + "/unpacked";
    fuzz::remove_all(dest);
    std::filesystem::create_directory(dest);
    const platform::VerifyResult unpacked = platform::unpack_pack_file(file, key, dest);
    // The same bytes verified a moment ago: unpacking must agree.
    if (!unpacked.ok) {
        std::fprintf(stderr, "verified but did not unpack: %s\n", unpacked.message.c_str());
        std::abort();
    }
    const std::vector<std::string> problems = platform::check_unpacked_pack(dest);
    if (!problems.empty()) {
        std::fprintf(stderr, "unpacked pack fails its own check: %s\n", problems.front().c_str());
        std::abort();
    }
    // Nothing may land outside the destination folder.
    for (const auto& entry : std::filesystem::directory_iterator(scratch)) {
        const std::string name = entry.path().filename().string();
        if (name != "in.vpk" && name != "unpacked") {
            std::fprintf(stderr, "unpacking wrote outside its folder: %s\n", entry.path().c_str());
            std::abort();
        }
    }
    fuzz::remove_all(dest);
    return 0;
}
