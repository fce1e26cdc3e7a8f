// Where the bundled exhibit is, found from the kiosk's own executable so that an
// installed binary works wherever its prefix is moved, and no path of the build
// or source tree is compiled into it.
#pragma once

#include <string>

namespace platform {

// In order: the source tree's pack when the binary runs from its build folder
// (the build writes kBuildTreeMarker beside it, holding that folder), else
// <prefix>/share/vitrine/packs/ieng-sary for a binary in <prefix>/bin; the
// executable's path is read from /proc/self/exe.
std::string bundled_pack_dir();

// The file a build folder holds beside the binaries, naming the source tree's
// bundled pack. Never installed.
constexpr const char* kBuildTreeMarker = "vitrine-bundled-pack.txt";

}  // namespace platform
