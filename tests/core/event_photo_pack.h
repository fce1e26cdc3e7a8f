// A small exhibit pack whose events carry their own photographs, written to a
// scratch folder: solid-colour PNGs so a test can tell from one pixel which
// photograph is drawn, one of them portrait-shaped.
#pragma once

#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stb_image_write.h>
#include <string>
#include <vector>

namespace event_photo_pack {

struct Colour {
    uint8_t r, g, b;
};
// The exhibit's own photograph (on no event), then the events' in event order.
constexpr Colour kExhibit{200, 200, 200};
constexpr Colour kRed{220, 30, 30};
constexpr Colour kGreen{30, 200, 60};
constexpr Colour kBlue{40, 60, 220};

inline void write_solid_png(const std::filesystem::path& path, int w, int h, Colour c) {
    std::vector<uint8_t> rgb(size_t(w) * size_t(h) * 3);
    for (size_t i = 0; i < rgb.size(); i += 3) {
        rgb[i] = c.r;
        rgb[i + 1] = c.g;
        rgb[i + 2] = c.b;
    }
    REQUIRE(stbi_write_png(path.string().c_str(), w, h, 3, rgb.data(), w * 3));
}

// Three events: 'first' shows 'red' (landscape), 'second' shows 'green'
// (portrait) then 'blue' (landscape), 'third' shows none. The exhibit's own
// 'cover' is on no event. `events_extra` is appended after the events.
inline std::string write(const std::string& name, const std::string& events_extra = "") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "event-photos" / name;
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    write_solid_png(dir / "media" / "cover.png", 300, 200, kExhibit);
    write_solid_png(dir / "media" / "red.png", 320, 200, kRed);
    write_solid_png(dir / "media" / "green.png", 180, 300, kGreen);
    write_solid_png(dir / "media" / "blue.png", 400, 240, kBlue);
    std::ofstream(dir / "pack.toml", std::ios::binary | std::ios::trunc) << R"toml(schema = 1

[exhibit]
id = "event-photos"
version = "0.1.0"
title.en = "Photographs on events"
subject.en = "A test"
subtitle.en = "Each event shows its own photograph"
born = "1925"
died = "1990"
photo = "cover"

[settings]
languages = ["en"]

[[sources]]
id = "src"
title.en = "A source"

[[events]]
id = "first"
date = "1930"
headline.en = "The first event"
text.en = "It shows a red photograph."
sources = ["src"]
photo = "red"

[[events]]
id = "second"
date = "1950"
headline.en = "The second event"
text.en = "It shows a green portrait, then a blue landscape."
sources = ["src"]
photos = ["green", "blue"]

[[events]]
id = "third"
date = "1970"
headline.en = "The third event"
text.en = "It has no photograph of its own: the exhibit's shows."
sources = ["src"]
)toml" << events_extra << R"toml(
[[quotes]]
id = "words"
text.en = "Some words."
speaker = "A Person"

[[photographs]]
id = "cover"
file = "media/cover.png"
caption.en = "The exhibit's own photograph, on no event"
credit.en = "Photograph: test cover"

[[photographs]]
id = "red"
file = "media/red.png"
caption.en = "A red photograph of the first event"
credit.en = "Photograph: test red"

[[photographs]]
id = "green"
file = "media/green.png"
caption.en = "A green portrait-shaped photograph, the second event's first"
credit.en = "Photograph: test green"

[[photographs]]
id = "blue"
file = "media/blue.png"
caption.en = "A blue photograph, the second event's second"
credit.en = "Photograph: test blue"
)toml";
    return dir.string();
}

}  // namespace event_photo_pack
