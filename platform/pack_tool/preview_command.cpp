// vitrine-pack preview DIR --out FOLDER [--size WxH ...] [--language CODE|all] [--force]:
// every screen of the exhibit rendered headlessly, as a curator checks a pack
// before it goes near a kiosk, plus one contact sheet per size with every screen
// as a labelled thumbnail; in the pack's default language, in another, or in
// each of them into its own folder. Beside them, transcript.txt: what the kiosk
// says for every item of every screen in speech mode, in reading order.
#include "curator/curator_load.h"
#include "glyph_textures.h"
#include "imgui_sdl_renderer.h"
#include "offscreen.h"
#include "output_file.h"
#include "pack/pack_loader.h"
#include "pack/photo_scaling.h"
#include "pack_tool.h"
#include "scripted_kiosk.h"
#include "state/focus.h"
#include "state/spoken_text.h"
#include "text/fonts.h"
#include "textures.h"
#include "ui/draw_helpers.h"
#include "ui/frame.h"
#include "ui/palette.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>

namespace pack_tool {
namespace {

namespace fs = std::filesystem;

// The contact sheet's thumbnails are this wide, and one sheet holds this many.
constexpr int kThumbWidth = 420;
constexpr size_t kSheetScreens = 48;

// A label under a thumbnail: the pack's words, cut short.
std::string short_label(const std::string& prefix, const std::string& text) {
    std::string cut;
    return prefix + kiosk::laid_out(text, cut, 120);
}

struct Screen {
    std::string name;   // file name without .png
    std::string label;  // under the thumbnail
    std::function<void(platform::ScriptedKiosk&)> reach;
};

// Every screen a visitor can see, each reached by touches from a fresh kiosk.
std::vector<Screen> screens_of(const kiosk::Pack& pack, const std::string& lang) {
    std::vector<Screen> screens;
    for (size_t i = 0; i < pack.events.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        screens.push_back({"explore-" + std::string(i + 1 < 10 ? "0" : "") + n,
                           short_label("Explore: ", pack.text(pack.events[i].headline, lang)),
                           [i](platform::ScriptedKiosk& k) {
                               for (size_t step = 0; step < i; ++step)
                                   k.tap(k.layouts().explore.button[int(kiosk::Button::Next)], 200);
                               k.wait(1000);
                           }});
    }
    if (pack.find_photo(pack.exhibit.photo))
        screens.push_back({"photograph", "Photograph viewer", [](platform::ScriptedKiosk& k) {
                               k.tap(k.layouts().explore.photo_frame);
                               k.wait(1000);
                           }});
    for (size_t i = 0; i < pack.quotes.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        screens.push_back({"voices-" + std::string(i + 1 < 10 ? "0" : "") + n,
                           short_label("Voices: ", pack.text(pack.quotes[i].speaker, lang)),
                           [i](platform::ScriptedKiosk& k) {
                               k.tap(k.layouts().explore.button[int(kiosk::Button::Voices)]);
                               for (size_t step = 0; step < i; ++step) k.tap(k.layouts().voices.next, 200);
                               k.wait(1000);
                           }});
    }
    screens.push_back({"about", "About", [](platform::ScriptedKiosk& k) {
                           k.tap(k.layouts().explore.button[int(kiosk::Button::About)]);
                           k.wait(1000);
                       }});
    screens.push_back({"attract", "Attract loop", [&pack](platform::ScriptedKiosk& k) {
                           k.wait(int64_t(std::max(20, pack.settings.idle_timeout_s)) * 1000 + kiosk::kCountdownMs +
                                  4000);
                       }});
    return screens;
}

// A rendered screen as the contact sheet keeps it: only its thumbnail. Each
// full-size screen goes to disk as soon as it is rendered, so a preview of a
// hundred screens at 4K holds one screen at a time, not all of them.
struct Shot {
    std::string label;
    kiosk::ScaledImage thumb;
};

// One PNG with every screen as a thumbnail and its label, drawn with the
// exhibit's own fonts and the software renderer.
bool write_contact_sheet(const std::string& path, const std::string& title, int screen_w, int screen_h,
                         const std::vector<Shot>& shots, std::string* error) {
    const int columns = 4, thumb_w = kThumbWidth, pad = 24;
    const int thumb_h = int(std::lround(float(thumb_w) * float(screen_h) / float(screen_w)));
    const int label_h = 44, header_h = 70;
    const int rows = int((shots.size() + columns - 1) / columns);
    const int W = pad + columns * (thumb_w + pad), H = header_h + rows * (thumb_h + label_h + pad) + pad;

    platform::Offscreen sheet;
    if (!sheet.create(W, H, error)) return false;
    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::Fonts fonts;
    kiosk::TextEngine text;
    platform::GlyphTextures glyphs;
    bool ok = text.load(VITRINE_FONT_DIR, error) &&
              kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({1280, 800}), text, fonts, error);
    SDL_Texture* atlas = ok ? platform::upload_font_atlas(sheet.renderer()) : nullptr;
    std::vector<SDL_Texture*> thumbs;
    for (const Shot& s : shots)
        thumbs.push_back(platform::upload_rgba(sheet.renderer(), s.thumb.width, s.thumb.height, s.thumb.rgba.data()));
    if (ok) {
        const kiosk::Palette& p = kiosk::palette_for(false);
        ImDrawData* data = kiosk::build_frame({W, H, 0}, 1.f / 60, [&](ImDrawList& dl) {
            dl.AddRectFilled(ImVec2(0, 0), ImVec2(float(W), float(H)), p.background);
            kiosk::draw_text(dl, fonts, kiosk::FontRole::Headline, ImVec2(pad, 14), p.paper, title);
            for (size_t i = 0; i < shots.size(); ++i) {
                const float x = float(pad + int(i % columns) * (thumb_w + pad));
                const float y = float(header_h + int(i / columns) * (thumb_h + label_h + pad));
                dl.AddRectFilled(ImVec2(x - 1, y - 1), ImVec2(x + thumb_w + 1, y + thumb_h + 1), p.outline);
                if (thumbs[i]) dl.AddImage(thumbs[i], ImVec2(x, y), ImVec2(x + thumb_w, y + thumb_h));
                dl.PushClipRect(ImVec2(x, y + thumb_h), ImVec2(x + thumb_w, y + thumb_h + label_h), true);
                kiosk::draw_text(dl, fonts, kiosk::FontRole::Small, ImVec2(x, y + thumb_h + 8), p.muted,
                                 kiosk::fit_lines(fonts, kiosk::FontRole::Small, shots[i].label, thumb_w, 1, false));
                dl.PopClipRect();
            }
        });
        SDL_RenderClear(sheet.renderer());
        platform::prepare_glyphs(sheet.renderer(), text.atlas(), glyphs, data);
        platform::render_draw_data(sheet.renderer(), data);
        ok = sheet.save_png(path, error);
    }
    for (SDL_Texture* t : thumbs)
        if (t) SDL_DestroyTexture(t);
    if (atlas) SDL_DestroyTexture(atlas);
    ImGui::DestroyContext(ctx);
    return ok;
}

// A progress bar on a terminal; plain lines when the output goes to a file.
void progress(size_t done, size_t total, const std::string& what) {
    if (isatty(STDERR_FILENO)) {
        const int width = 30, filled = int(float(width) * float(done) / float(total));
        std::fprintf(stderr, "\r[%s%s] %zu/%zu %-40.40s", std::string(size_t(filled), '#').c_str(),
                     std::string(size_t(width - filled), '.').c_str(), done, total, what.c_str());
        if (done == total) std::fprintf(stderr, "\n");
    } else {
        std::fprintf(stderr, "preview: %zu/%zu %s\n", done, total, what.c_str());
    }
    std::fflush(stderr);
}

// What the kiosk says for each item of the screen `k` shows, in reading order,
// with the recording each text is played from when the pack has one.
std::string transcript_of(const Screen& screen, platform::ScriptedKiosk& k) {
    const kiosk::ExhibitState& state = k.view().state();
    const kiosk::Ui ui = k.view().ui();
    std::string out = "## " + screen.name + ": " + screen.label + "\n";
    for (const kiosk::FocusItem& item : kiosk::focus_items(state, ui)) {
        out += "\n";
        for (const kiosk::SpeechPart& part : kiosk::item_speech(item, state, ui))
            out += part.text + (part.recording.empty() ? "" : "  [recording: " + part.recording + "]") + "\n";
    }
    return out + "\n";
}

// Chooses the language as a visitor does: the settings button, the language's
// own name, then closing the panel. False when the kiosk did not take it.
bool choose_language(platform::ScriptedKiosk& k, int index) {
    if (index == 0) return true;  // each visit starts in the default
    k.tap(k.layouts().explore.button[int(kiosk::Button::Settings)]);
    if (size_t(index) >= k.layouts().settings.languages.size()) return false;
    k.tap(k.layouts().settings.languages[size_t(index)]);
    k.tap(k.layouts().settings.close);
    k.wait(1000);
    return k.view().state().visitor.language == index;
}

// Every file a preview of `pack` in one language writes into `out`: each screen
// at each size, the contact sheets (kSheetScreens screens a sheet) and the transcript.
std::vector<std::string> preview_files(const kiosk::Pack& pack, const std::string& lang, const std::string& out,
                                       const std::vector<std::pair<int, int>>& sizes) {
    std::vector<std::string> files;
    const std::vector<Screen> screens = screens_of(pack, lang);
    for (const auto& [w, h] : sizes) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        for (const Screen& screen : screens) files.push_back((fs::path(out) / size / (screen.name + ".png")).string());
        for (size_t first = 0, page = 1; first < screens.size(); first += kSheetScreens, ++page)
            files.push_back(
                (fs::path(out) / ("contact-sheet-" + size + (page == 1 ? "" : "-" + std::to_string(page)) + ".png"))
                    .string());
    }
    files.push_back((fs::path(out) / "transcript.txt").string());
    return files;
}

// Why the preview may not write into `out`, checked before anything is: not into
// the pack folder (the screenshots would go into the pack and its pack file), and
// not over a file already there, a curator's notes or a key, unless --force (a
// key or a file of the pack, never). "" when it may.
std::string refused_output(const std::string& dir, const std::string& out, const std::vector<std::string>& files,
                           bool force) {
    std::error_code ec;
    const fs::path pack = fs::canonical(dir, ec);
    const fs::path relative = ec ? fs::path() : fs::weakly_canonical(out, ec).lexically_relative(pack);
    if (!ec && !relative.empty() && *relative.begin() != "..")
        return "--out " + out + (relative == "." ? " is the pack folder " : " is inside the pack folder ") + dir +
               ": the screenshots would become part of the pack; choose a folder outside it";
    std::string refused;
    size_t count = 0;
    for (const std::string& file : files) {
        const std::string why = platform::check_output_path(file, {dir}, force);
        if (why.empty()) continue;
        if (++count <= 5) refused += "\n  " + why;
    }
    if (count == 0) return "";
    if (count > 5) refused += "\n  … and " + std::to_string(count - 5) + " more";
    return "not writing the preview into " + out + ":" + refused +
           "\nnothing was written; choose an empty --out folder" + (force ? "" : ", or add --force to replace them");
}

// Every screen at every size in one language, into `out`; `named`: the
// progress and the sheets say which language.
int preview_language(const std::string& dir, const kiosk::Pack& pack, int language, bool named, const std::string& out,
                     const std::vector<std::pair<int, int>>& sizes) {
    const std::string& lang = pack.settings.languages[size_t(language)];
    const std::string in_lang = named ? " (" + lang + ")" : "";
    const std::vector<Screen> screens = screens_of(pack, lang);
    // The sheet's heading: one line, however long the exhibit's title.
    std::string cut;
    const std::string title =
        kiosk::laid_out(pack.text(pack.exhibit.title, lang), cut, kiosk::bytes_for_chars(kiosk::kMaxTitleChars));
    const size_t total = screens.size() * sizes.size();
    size_t done = 0;
    std::string transcript = "# What the kiosk says in " + kiosk::language_name(lang) + " (" + lang +
                             "), screen by screen, item by item in reading order\n\n";
    bool first_size = true;
    for (const auto& [w, h] : sizes) {
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        const fs::path folder = fs::path(out) / size;
        std::error_code ec;
        fs::create_directories(folder, ec);
        std::vector<Shot> shots;
        for (const Screen& screen : screens) {
            platform::ScriptedKiosk k;
            std::string error;
            // As the kiosk loads it: each photograph decoded when a screen shows it.
            if (!k.open(w, h, kiosk::load_pack(dir, platform::pack_load_options(w, h)), {}, &error)) {
                std::fprintf(stderr, "vitrine-pack preview: %s\n", error.c_str());
                return kExitInvalid;
            }
            if (!choose_language(k, language)) {
                std::fprintf(stderr, "vitrine-pack preview: the kiosk at %s offers no choice of '%s'\n", size.c_str(),
                             lang.c_str());
                return kExitInvalid;
            }
            screen.reach(k);
            if (first_size) transcript += transcript_of(screen, k);  // speech is the same at every size
            const std::vector<uint8_t> rgba = k.shot();
            const int thumb_h = int(std::lround(float(kThumbWidth) * float(h) / float(w)));
            shots.push_back({screen.label, kiosk::scale_to_fit(rgba.data(), w, h, kThumbWidth, thumb_h)});
            const std::string file = (folder / (screen.name + ".png")).string();
            if (!platform::write_png(file, w, h, rgba.data(), &error)) {
                std::fprintf(stderr, "\nvitrine-pack preview: %s\n", error.c_str());
                return kExitInvalid;
            }
            progress(++done, total, size + " " + screen.name + in_lang);
        }
        // A sheet of at most kSheetScreens; a larger exhibit gets several
        // (contact-sheet-SIZE.png, contact-sheet-SIZE-2.png, ...).
        for (size_t first_shot = 0, page = 1; first_shot < shots.size(); first_shot += kSheetScreens, ++page) {
            std::string error;
            const std::string suffix = page == 1 ? "" : "-" + std::to_string(page);
            const std::string sheet = (fs::path(out) / ("contact-sheet-" + size + suffix + ".png")).string();
            const std::vector<Shot> part(shots.begin() + ptrdiff_t(first_shot),
                                         shots.begin() + ptrdiff_t(std::min(shots.size(), first_shot + kSheetScreens)));
            if (!write_contact_sheet(sheet, title + " at " + size + in_lang, w, h, part, &error)) {
                std::fprintf(stderr, "vitrine-pack preview: %s\n", error.c_str());
                return kExitInvalid;
            }
            std::fprintf(stderr, "preview: wrote %s\n", sheet.c_str());
        }
        first_size = false;
    }
    const std::string transcript_file = (fs::path(out) / "transcript.txt").string();
    std::ofstream file(transcript_file, std::ios::binary);
    file << transcript;
    if (!file.flush()) {
        std::fprintf(stderr, "vitrine-pack preview: cannot write %s\n", transcript_file.c_str());
        return kExitInvalid;
    }
    std::fprintf(stderr, "preview: wrote %s\n", transcript_file.c_str());
    return kExitOk;
}

int run_preview(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {"--force"}, {"--out", "--size", "--language"});
    if (!o.error.empty()) return usage_error("preview", o.error);
    if (o.positional.size() != 1) return usage_error("preview", "expected one DIR");
    const std::string out = o.value("--out");
    if (out.empty()) return usage_error("preview", "--out FOLDER is required");
    std::vector<std::pair<int, int>> sizes;
    for (const std::string& size : o.all("--size")) {
        int w = 0, h = 0;
        char x = 0;
        if (std::sscanf(size.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 ||
            h > 8192)
            return usage_error("preview", "--size " + size + ": expected WIDTHxHEIGHT, e.g. 1920x1080");
        sizes.emplace_back(w, h);
    }
    if (sizes.empty()) sizes = {{1920, 1080}};

    const std::string& dir = o.positional[0];
    const kiosk::PackLoadResult first = kiosk::load_pack_for_curator(dir);
    for (const kiosk::Diagnostic& d : first.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    if (!first.ok()) {
        std::fprintf(stderr, "vitrine-pack preview: %s is not valid; fix the errors above first\n", dir.c_str());
        return kExitInvalid;
    }
    const std::vector<std::string>& languages = first.pack.settings.languages;
    const std::string language = o.value("--language");
    const auto refused = [&](const std::vector<std::string>& files) {
        const std::string why = refused_output(dir, out, files, o.has("--force"));
        if (!why.empty()) std::fprintf(stderr, "vitrine-pack preview: %s\n", why.c_str());
        return !why.empty();
    };
    if (language == "all") {
        // Each language in its own folder: FOLDER/km/1920x1080/explore-01.png.
        std::vector<std::string> files;
        for (const std::string& lang : languages)
            for (std::string& file : preview_files(first.pack, lang, (fs::path(out) / lang).string(), sizes))
                files.push_back(std::move(file));
        if (refused(files)) return kExitInvalid;
        for (size_t i = 0; i < languages.size(); ++i)
            if (const int status =
                    preview_language(dir, first.pack, int(i), true, (fs::path(out) / languages[i]).string(), sizes);
                status != kExitOk)
                return status;
        return kExitOk;
    }
    const auto chosen = language.empty() ? languages.begin() : std::find(languages.begin(), languages.end(), language);
    if (chosen == languages.end()) {
        std::string known;
        for (const std::string& l : languages) known += (known.empty() ? "" : ", ") + l;
        return usage_error("preview", "--language " + language + ": the pack's languages are " + known + " (or all)");
    }
    if (refused(preview_files(first.pack, *chosen, out, sizes))) return kExitInvalid;
    return preview_language(dir, first.pack, int(chosen - languages.begin()), !language.empty(), out, sizes);
}

}  // namespace

VITRINE_PACK_COMMAND(30, "preview", "DIR --out FOLDER [--size WxH ...] [--language CODE|all] [--force]",
                     "render every screen of the pack as PNGs, and a contact sheet per size (default 1920x1080), in "
                     "the pack's default language or in CODE; all: each language into FOLDER/CODE; FOLDER is outside "
                     "the pack, and --force replaces files already there",
                     run_preview);

}  // namespace pack_tool
