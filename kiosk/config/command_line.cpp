#include "config/command_line.h"

#include "base/printable.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kiosk {

const char* kiosk_usage() {
    return "usage: vitrine [--pack DIR] [--language CODE] [--windowed WxH] [--panel-inches N] [--stats]\n"
           "       vitrine [--pack DIR] --headless --size WxH [--renderer NAME] [--screenshot FILE.png]\n"
           "               [--replay SCRIPT]\n"
           "\n"
           "  --pack DIR          exhibit pack folder (default: the bundled exhibit)\n"
           "  --language CODE     the language each visit starts in, one of the pack's\n"
           "                      (e.g. km, fr, en); default: the pack's first\n"
           "  --windowed WxH      a desktop window instead of fullscreen\n"
           "  --headless          no display: render off-screen\n"
           "  --size WxH          the headless display size\n"
           "  --renderer NAME     headless: software (default; the same pixels everywhere)\n"
           "                      or opengles2 (a board's renderer, through EGL)\n"
           "  --screenshot FILE   headless: write the first frame as PNG\n"
           "  --replay SCRIPT     drive the kiosk from a touch script in virtual time\n"
           "  --dump-text FILE    headless: write every text run drawn (glyphs, fonts, lines)\n"
           "                      as JSON; for a replay, each shot's beside its PNG\n"
           "  --audio-out FILE    headless: write every sound played (speech, narration),\n"
           "                      mixed, as a WAV file in the replay's virtual time\n"
           "  --first-frame       headless: build the first frame, upload its textures and\n"
           "                      exit (for counting start-up instructions)\n"
           "  --panel-inches N    the panel's diagonal, for 15 mm touch targets\n"
           "  --rotate DEGREES    the panel is mounted turned clockwise: 0, 90, 180, 270\n"
           "  --config FILE       kiosk settings (panel, staff PIN, pack); default\n"
           "                      /etc/vitrine/vitrine.toml when it exists\n"
           "  --stats             on exit, print the frames drawn, the wakeups and the\n"
           "                      time to the first frame (window runs, for measuring)\n";
}

namespace {

bool parse_size(const std::string& text, int& w, int& h) {
    unsigned a = 0, b = 0;
    char x = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%u%c%u%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X')) return false;
    if (a < 320 || b < 240 || a > 8192 || b > 8192) return false;
    w = int(a);
    h = int(b);
    return true;
}

}  // namespace

ParsedOptions parse_kiosk_options(const std::vector<std::string>& args) {
    ParsedOptions parsed;
    KioskOptions& o = parsed.options;
    bool size_given = false;
    bool renderer_given = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) {
                parsed.error = a + " needs a value";
                return false;
            }
            out = args[++i];
            // An empty path would quietly mean "the default" (no --config, no --pack).
            if (out.empty()) {
                parsed.error = a + " needs a value, not an empty string";
                return false;
            }
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--pack") {
            if (!value(o.pack_dir)) return parsed;
        } else if (a == "--windowed" || a == "--size") {
            if (!value(v)) return parsed;
            if (!parse_size(v, o.width, o.height)) {
                parsed.error = a + " " + printable(v) + ": expected WIDTHxHEIGHT, e.g. 1920x1080";
                return parsed;
            }
            size_given = true;
            if (a == "--windowed") o.windowed = true;
        } else if (a == "--headless") {
            o.headless = true;
        } else if (a == "--renderer") {
            if (!value(v)) return parsed;
            if (v == "software") {
                o.renderer = HeadlessRenderer::Software;
            } else if (v == "opengles2") {
                o.renderer = HeadlessRenderer::OpenGles2;
            } else {
                parsed.error = "--renderer " + printable(v) + ": expected software or opengles2";
                return parsed;
            }
            renderer_given = true;
        } else if (a == "--stats") {
            o.stats = true;
        } else if (a == "--first-frame") {
            o.first_frame = true;
        } else if (a == "--screenshot") {
            if (!value(o.screenshot)) return parsed;
        } else if (a == "--dump-text") {
            if (!value(o.dump_text)) return parsed;
        } else if (a == "--audio-out") {
            if (!value(o.audio_out)) return parsed;
        } else if (a == "--rotate") {
            if (!value(v)) return parsed;
            if (v != "0" && v != "90" && v != "180" && v != "270") {
                parsed.error = "--rotate " + printable(v) + ": expected 0, 90, 180 or 270";
                return parsed;
            }
            o.rotation = std::atoi(v.c_str());
        } else if (a == "--config") {
            if (!value(o.config)) return parsed;
        } else if (a == "--language") {
            if (!value(o.language)) return parsed;
        } else if (a == "--replay") {
            if (!value(o.replay)) return parsed;
        } else if (a == "--panel-inches") {
            if (!value(v)) return parsed;
            char* end = nullptr;
            o.panel_inches = std::strtof(v.c_str(), &end);
            // Written so that nan fails too.
            if (end == v.c_str() || *end ||
                !(std::isfinite(o.panel_inches) && o.panel_inches >= 3 && o.panel_inches <= 120)) {
                parsed.error = "--panel-inches " + printable(v) + ": expected a diagonal between 3 and 120 inches";
                return parsed;
            }
        } else {
            parsed.error = "unknown option '" + printable(a) + "'";
            return parsed;
        }
    }
    if (o.headless && !size_given)
        parsed.error = "--headless needs --size WxH";
    else if (!o.headless && !o.screenshot.empty())
        parsed.error = "--screenshot needs --headless";
    else if (!o.headless && !o.dump_text.empty())
        parsed.error = "--dump-text needs --headless";
    else if (!o.headless && renderer_given)
        parsed.error = "--renderer needs --headless (a window picks the display's own renderer)";
    else if (!o.headless && !o.audio_out.empty())
        parsed.error = "--audio-out needs --headless (a window plays through the sound device)";
    else if (!o.headless && o.first_frame)
        parsed.error = "--first-frame needs --headless";
    else if (o.headless && o.screenshot.empty() && o.replay.empty() && !o.first_frame)
        parsed.error = "--headless needs --screenshot FILE, --replay SCRIPT or --first-frame";
    return parsed;
}

}  // namespace kiosk
