// The golden screens' scenes: each drives the kiosk by replays from where a
// visitor finds it to one screen and checks its state there. golden_test.cpp
// renders them through SDL's software renderer against the references in
// tests/golden/; golden_gles_test.cpp renders the same through OpenGL ES 2 and
// compares with the same references.
#pragma once

#include "image_compare.h"
#include "scripted_kiosk.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace golden {

inline const std::pair<int, int> kSizes[] = {{800, 480},   {1280, 800}, {1920, 1080},
                                             {3840, 2160}, {720, 1280}, {1080, 1920}};

// The kiosk off-screen with a staff PIN, driven by replays in virtual time.
struct Kiosk : platform::ScriptedKiosk {
    Kiosk(int w, int h, const std::string& pack_dir = VITRINE_SOURCE_DIR "/assets/ieng-sary",
          const std::string& language = "", kiosk::HeadlessRenderer renderer = kiosk::HeadlessRenderer::Software);
    const kiosk::ScreenLayouts& l() const { return layouts(); }
    const kiosk::ExhibitState& state() { return view().state(); }
};

struct Scene {
    const char* name;
    std::function<void(Kiosk&)> play;  // drives the kiosk there and checks its state
};

// Every screen of the bundled exhibit, in the order of the references' names.
extern const std::vector<Scene> kScenes;

// The keypad's scenes show captions of synthesised speech.
bool speaks(const Scene& scene);

// Plays every scene of the bundled exhibit at W x H through RENDERER and hands
// each shot with its reference's name ("voices-800x480") to CHECK. Where
// synthesised speech cannot be tested, the scenes that speak are left out with
// a WARN saying why.
void shoot_every_scene(int w, int h, kiosk::HeadlessRenderer renderer,
                       const std::function<void(const Image& shot, const std::string& name)>& check);

// Exhibits that are not the first, made for these tests: a dense one (a week of
// days after years of build-up, no life dates), a sparse one (a long life, five
// events) and one that is not a life (a building over eight centuries). Each on
// Explore as a visitor finds it, and on an event with its own photograph.
struct OtherExhibit {
    const char* name;
    const char* pack;
    const char* event;  // an event with its own photograph, reached with Next
};
extern const OtherExhibit kOtherExhibits[4];

}  // namespace golden
