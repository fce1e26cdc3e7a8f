// The kiosk's command line, parsed into plain settings (zero means default).
#pragma once

#include <string>
#include <vector>

namespace kiosk {

// What draws a headless run: SDL's software renderer (the same pixels on every
// machine) or its OpenGL ES 2 renderer, the one a board draws with, through the
// offscreen video driver and Mesa's EGL. Software is the default.
enum class HeadlessRenderer { Software, OpenGles2 };

struct KioskOptions {
    std::string pack_dir;         // empty: the bundled exhibit
    bool windowed = false;        // a desktop window instead of fullscreen
    int width = 0, height = 0;    // --windowed WxH or --size WxH
    bool headless = false;        // render off-screen
    HeadlessRenderer renderer{};  // --renderer software|opengles2 (headless)
    std::string screenshot;       // --screenshot FILE.png (headless)
    std::string replay;           // --replay SCRIPT
    std::string dump_text;        // --dump-text FILE.json (headless): the text runs drawn
    std::string audio_out;        // --audio-out FILE.wav (headless): every sound played, in virtual time
    float panel_inches = 0;       // physical diagonal; 0: the config's, else a guess from the resolution
    int rotation = -1;            // --rotate DEGREES; -1: the config's
    std::string config;           // --config FILE (default /etc/vitrine/vitrine.toml when it exists)
    std::string language;         // --language CODE: the language each visit starts in; empty: the pack's default
    // --first-frame (headless): build the first frame, upload what it draws
    // with, and exit without rasterising or writing anything: the start-up
    // that instruction counts measure (the board's GPU does the drawing).
    bool first_frame = false;
    bool stats = false;  // --stats: the window loop reports frames, wakeups and start time on stderr
    bool help = false;
};

struct ParsedOptions {
    KioskOptions options;
    std::string error;  // usage error, for stderr
    bool ok() const { return error.empty(); }
};

ParsedOptions parse_kiosk_options(const std::vector<std::string>& args);
const char* kiosk_usage();

}  // namespace kiosk
