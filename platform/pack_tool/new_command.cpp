// vitrine-pack new DIR [--languages en,km]: a commented starter pack that
// validates and renders, for a curator to overwrite with their own exhibit; in
// several languages, with every text to write in the others marked TO FINISH.
#include "curator/curator_load.h"
#include "curator/starter_languages.h"
#include "import_timelinejs.h"
#include "pack/pack_loader.h"
#include "pack_tool.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <stb_image_write.h>

namespace pack_tool {
namespace {

namespace fs = std::filesystem;

const char* const kStarterManifest =
    R"toml(# An exhibit pack for Vitrine. Replace every text below with your own, keeping
# the structure. Lines starting with # are comments: the kiosk ignores them.
# The full format: assets/PACK-FORMAT.md in Vitrine's sources.
#
# Check your work at any time:   vitrine-pack validate .
# See every screen as pictures:  vitrine-pack preview . --out preview

schema = 1

[exhibit]
id = "my-exhibit"                  # lowercase letters, digits and dashes
version = "0.1.0"                  # raise it each time you send the pack out
title.en = "Ada Example"           # the name shown large on every screen
subject.en = "Ada Example"         # the person the exhibit is about
subtitle.en = "A starter exhibit to replace with your own"
born = "1900-05-01"                # "1900", "1900-05" or "1900-05-01"
died = "1980"                      # leave out for a living person
photo = "portrait"                 # the photograph shown on the home screen
content_note.en = """\
Say here, calmly and briefly, if the exhibit touches on violence, loss or \
other difficult subjects."""
credits.en = "Research and text: your museum. Photograph: its owner."
licence.en = "Say who holds the rights to the texts and the photograph."
# gaps.en = "What the exhibit lacks, e.g. voices it has no source for (shown on About)."

[settings]
idle_timeout_s = 90                # seconds without a touch before the exhibit resets
reduced_motion = false             # true turns animations off
languages = ["en"]                 # add "fr", "km", ... and give every text in each
# attract_quotes = ["first-quote"] # the quotes the attract loop shows, in order

# Sources: every event and quote names where it comes from.
[[sources]]
id = "archive"
title.en = "The museum's archive, file 123"

# Eras: the coloured bands along the timeline (#RRGGBB colours).
[[eras]]
id = "youth"
name.en = "Youth"
start = "1900"
end = "1930"
color = "#5b6b4e"

[[eras]]
id = "work"
name.en = "Working life"
start = "1930"
end = "1980"
color = "#4e5f73"

# Events: one card each on the timeline. Keep sentences under 25 words and a
# whole text under 100. The kiosk sorts events by date.
[[events]]
id = "born"
date = "1900-05-01"
era = "youth"
headline.en = "Born in a small town"
text.en = """\
Replace this with the first thing a visitor should know. Two or three short \
sentences work best on a screen."""
sources = ["archive"]

[[events]]
id = "first-job"
date = "1930"
circa = true                       # the year is approximate
era = "work"
headline.en = "A first job"
text.en = "Dates can be a year, a month or a day. Ranges use 'end'."
disputed.en = "If sources disagree, say so here: the card shows a Disputed mark."
sources = ["archive"]

[[events]]
id = "later-years"
date = "1950"
end = "1980"
date_display.en = "1950s–1970s"    # your own words for the date
era = "work"
headline.en = "Later years"
text.en = "A range of years, shown with the curator's own label."
sources = ["archive"]
photo = "portrait"                 # shown in the frame when this event is selected;
                                   # photos = ["a", "b"] for several, in order

# Photographs: JPEG or PNG files inside this folder.
[[photographs]]
id = "portrait"
file = "media/portrait.png"
caption.en = "A placeholder: replace media/portrait.png with your photograph."
credit.en = "Photograph: its owner"
alt.en = "A plain dark frame where the photograph will be"

# Quotes: copied word for word, without quotation marks, with who said it.
[[quotes]]
id = "first-quote"
text.en = "Put a quotation here, exactly as the source prints it."
speaker = "Its Speaker"
role.en = "Who the speaker was"
context.en = "To whom, when and where it was said"
# disputed.en = "Who contests what the quote says: shows a Disputed mark"
sources = ["archive"]
)toml";

// A calm placeholder photograph: a warm dark gradient the curator replaces.
bool write_placeholder(const fs::path& path) {
    const int w = 1200, h = 800;
    std::vector<uint8_t> px(size_t(w) * size_t(h) * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const float d = std::hypot(float(x - w * 0.4f) / w, float(y - h * 0.35f) / h);
            const float t = std::min(1.f, d * 1.6f);
            uint8_t* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 3];
            p[0] = uint8_t(141 - t * 98);
            p[1] = uint8_t(122 - t * 86);
            p[2] = uint8_t(95 - t * 67);
        }
    return stbi_write_png(path.string().c_str(), w, h, 3, px.data(), w * 3) != 0;
}

// Written and closed before it counts: a full disk shows when the buffer is flushed.
bool write_text(const fs::path& path, const char* text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    out.close();
    return static_cast<bool>(out);
}

// "en,km" as ["en", "km"].
std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    size_t start = 0;
    for (size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
        items.push_back(text.substr(start, comma - start));
    items.push_back(text.substr(start));
    return items;
}

int run_new(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--languages"});
    if (!o.error.empty()) return usage_error("new", o.error);
    if (o.positional.size() != 1) return usage_error("new", "expected one DIR");
    // "" would be the current folder, and a pack already there would be overwritten.
    if (o.positional[0].empty()) return usage_error("new", "DIR is empty; name a new folder");
    std::string manifest = kStarterManifest;
    const std::vector<std::string> languages = split_list(o.value("--languages", "en"));
    if (languages.size() > 1 || languages.front() != "en") {
        const kiosk::StarterLanguages starter = kiosk::starter_in_languages(manifest, languages);
        if (!starter.error.empty())
            return usage_error("new", "--languages " + o.value("--languages") + ": " + starter.error);
        manifest = starter.manifest;
    }
    const fs::path dir = o.positional[0];
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(dir, ec);
    if (fs::exists(status) && !fs::is_directory(status)) {
        std::fprintf(stderr, "vitrine-pack new: %s is a file, not a folder\n", dir.string().c_str());
        return kExitInvalid;
    }
    if (fs::exists(status) && (!fs::is_empty(dir, ec) || ec)) {
        std::fprintf(stderr, "vitrine-pack new: %s is not empty; choose a new folder so nothing is overwritten\n",
                     dir.string().c_str());
        return kExitInvalid;
    }
    fs::create_directories(dir / "media", ec);
    if (ec || !write_text(dir / "pack.toml", manifest.c_str()) || !write_placeholder(dir / "media" / "portrait.png")) {
        std::fprintf(stderr, "vitrine-pack new: cannot write into %s\n", dir.string().c_str());
        return kExitInvalid;
    }
    // The texts left to write in the other languages are errors to the loader,
    // so the pack cannot be built half-translated; here they are what the
    // curator has to do, counted, and `new` itself succeeds.
    const kiosk::PackLoadResult check = kiosk::load_pack_for_curator(dir.string());
    size_t errors = 0, to_finish = 0;
    for (const kiosk::Diagnostic& d : check.diagnostics) {
        const bool left = d.severity == kiosk::Diagnostic::Severity::Error && d.message.rfind(kLeftToFinish, 0) == 0;
        if (left)
            ++to_finish;
        else
            std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (d.severity == kiosk::Diagnostic::Severity::Error && !left) ++errors;
    }
    std::printf("Created a starter pack in %s.\n", dir.string().c_str());
    if (to_finish > 0)
        std::printf("%s to write in the other languages are marked TO FINISH (vitrine-pack validate %s lists them).\n",
                    plural(to_finish, "text").c_str(), dir.string().c_str());
    std::printf(
        "Next: edit %s in a text editor, replace media/portrait.png, then run\n"
        "  vitrine-pack validate %s\n  vitrine-pack preview %s --out %s-preview\n",
        (dir / "pack.toml").string().c_str(), dir.string().c_str(), dir.string().c_str(), dir.string().c_str());
    return errors == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

VITRINE_PACK_COMMAND(10, "new", "DIR [--languages en,km,...]",
                     "start a pack in DIR from a commented example exhibit; in several languages (the first the "
                     "default), every text to write in the others marked TO FINISH",
                     run_new);

}  // namespace pack_tool
