// vitrine-pack validate DIR [--strict] [--size WxH ...]: every problem in a pack,
// the way compilers print them, and museum label practice as warnings.
#include "base/file_read.h"
#include "base/printable.h"
#include "base/utf8.h"
#include "curator/curator_load.h"
#include "curator/recording_check.h"
#include "curator/translation_check.h"
#include "layout/screen_layouts.h"
#include "layout/text_fit.h"
#include "layout/text_measure.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"
#include "pack/pack_text.h"
#include "pack_tool.h"
#include "text/fonts.h"
#include "ui/frame.h"
#include "ui/screens.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace pack_tool {
namespace {

constexpr int kMaxLineCharacters = 75;

// The pack laid out at `display` as the kiosk would: where the event card's lines
// hold more than about 75 characters (past that readers lose their place going
// back to the start of the next line), and which texts the screens would cut.
// "U+1F60D" for a code point, as Unicode's charts name it.
std::string code_point_name(uint32_t c) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", unsigned(c));
    return name;
}

// Each character of the pack the kiosk's fonts cannot draw, at the first line of
// pack.toml that holds it: on the screen it would be a box, so it is an error,
// as a .notdef glyph is never drawn to a visitor.
void check_glyphs(const kiosk::Fonts& fonts, const kiosk::Pack& pack, const std::string& file,
                  std::vector<kiosk::Diagnostic>& diagnostics) {
    std::ifstream in(file, std::ios::binary);  // the loader has read it already, within its size limit
    const std::string manifest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const uint32_t c : kiosk::missing_glyphs(fonts, kiosk::collect_pack_text(pack))) {
        const std::string utf8 = kiosk::encode_utf8(c);
        const size_t at = manifest.find(utf8);
        const int line =
            at == std::string::npos ? 0 : 1 + int(std::count(manifest.begin(), manifest.begin() + at, '\n'));
        diagnostics.push_back({kiosk::Diagnostic::Severity::Error, file, line, 0,
                               "'" + kiosk::printable(utf8, 16) + "' (" + code_point_name(c) +
                                   ") is a character the kiosk's fonts cannot draw: a visitor would see a box; "
                                   "remove it or write it in words"});
    }
}

// Each photograph whose frame on Explore stays under its floor at `size` even
// with the caption beside it (a very wide photograph, a tall title band).
void check_photo_floor(const kiosk::ExploreLayout& l, const kiosk::Pack& pack, const std::string& size,
                       const std::string& file, std::vector<kiosk::Diagnostic>& diagnostics) {
    const auto mm = [&](float px) { return std::to_string(std::lround(px / l.px_per_mm)); };
    for (const std::string& id : kiosk::photos_under_floor(l, pack)) {
        const kiosk::Rect frame = kiosk::photo_frame_for(l, pack.find_photo(id)).frame;
        diagnostics.push_back({kiosk::Diagnostic::Severity::Warning, file, 0, 0,
                               "at " + size + " photograph '" + id + "' is shown on Explore " + mm(frame.w) + " x " +
                                   mm(frame.h) + " mm, under the " + mm(l.target) +
                                   " mm tall and 10 mm wide a visitor needs to see and touch it; shorten the "
                                   "exhibit's title or subtitle, or use a photograph less wide or tall"});
    }
}

void check_at_size(const kiosk::Pack& pack, const kiosk::Display& display, const std::string& size,
                   const std::string& file, bool glyphs, std::vector<kiosk::Diagnostic>& diagnostics) {
    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::Fonts fonts;
    std::string error;
    kiosk::CapHeights caps;
    kiosk::TextEngine text;
    if (text.load(VITRINE_FONT_DIR, &error) && kiosk::measure_cap_heights(text.fonts(), caps) &&
        kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for(display, kiosk::TextSize::Standard, caps), text,
                           fonts, &error)) {
        if (glyphs) check_glyphs(fonts, pack, file, diagnostics);
        const auto layouts = kiosk::layout_screens(display, fonts, pack);
        const std::string sample = "the quick brown fox jumps over a lazy dog while the museum opens its doors";
        const float per_char = kiosk::text_width(fonts, kiosk::FontRole::Body, sample) / float(sample.size());
        const int chars = int(std::lround(layouts.explore.card.w / per_char));
        if (chars > kMaxLineCharacters)
            diagnostics.push_back({kiosk::Diagnostic::Severity::Warning, file, 0, 0,
                                   "at " + size + " the event card's lines hold about " + std::to_string(chars) +
                                       " characters; readers lose their place past " +
                                       std::to_string(kMaxLineCharacters)});
        for (const std::string& cut : kiosk::cut_pack_texts(layouts, fonts, pack))
            diagnostics.push_back({kiosk::Diagnostic::Severity::Warning, file, 0, 0, cut});
        check_photo_floor(layouts.explore, pack, size, file, diagnostics);
    }
    ImGui::DestroyContext(ctx);
}

bool parse_size(const std::string& text, int& w, int& h) {
    char x = 0;
    return std::sscanf(text.c_str(), "%d%c%d", &w, &x, &h) == 3 && (x == 'x' || x == 'X') && w >= 320 && h >= 240 &&
           w <= 8192 && h <= 8192;
}

int run_validate(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {"--strict"}, {"--size"});
    if (!o.error.empty()) return usage_error("validate", o.error);
    if (o.positional.size() != 1)
        return usage_error("validate", "expected one DIR, got " + std::to_string(o.positional.size()) + " arguments");
    const std::string& dir = o.positional[0];
    std::vector<std::string> sizes = o.all("--size");
    if (sizes.empty()) sizes.push_back("1920x1080");
    // The photographs' memory budget is checked for the largest display asked
    // for; their pixels are checked and dropped, so validating needs one decode
    // at a time, never the whole set.
    kiosk::PackLoadOptions options;
    options.keep_pixels = false;
    // A photograph without alt text, a recording that cannot be played: what a
    // blind or deaf visitor would miss is an error here, a warning on the kiosk.
    options.accessibility_errors = true;
    for (const std::string& size : sizes) {
        int w = 0, h = 0;
        if (!parse_size(size, w, h)) return usage_error("validate", "--size " + size + ": expected WIDTHxHEIGHT");
        if (int64_t(w) * h > int64_t(options.display_width) * options.display_height) {
            options.display_width = w;
            options.display_height = h;
        }
    }
    kiosk::PackLoadResult result = kiosk::load_pack_for_curator(dir, options);

    if (result.ok()) {
        const std::string manifest = dir + "/pack.toml";
        // The loader has read it already, within its size limit.
        const kiosk::FileRead file = kiosk::read_regular_file(manifest, UINT64_MAX);
        // After the loader's problems, these too are listed up to kMaxProblemsListed in all
        // (a pack of 5000 texts has 5000 lines of missing translations); one line counts the rest.
        std::vector<kiosk::Diagnostic> more = kiosk::missing_translation_warnings(file.text(), manifest);
        for (kiosk::Diagnostic& d : kiosk::missing_recording_warnings(file.text(), result.pack, manifest))
            more.push_back(std::move(d));
        for (size_t i = 0; i < sizes.size(); ++i) {
            int w = 0, h = 0;
            parse_size(sizes[i], w, h);
            check_at_size(result.pack, {w, h, 0}, sizes[i], manifest, i == 0, more);
        }
        kiosk::append_up_to(result.diagnostics, std::move(more), kiosk::kMaxProblemsListed, manifest);
    }
    // --strict: label practice is required, not advised.
    if (o.has("--strict"))
        for (kiosk::Diagnostic& d : result.diagnostics) d.severity = kiosk::Diagnostic::Severity::Error;

    size_t errors = 0;
    for (const kiosk::Diagnostic& d : result.diagnostics) {
        std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (d.severity == kiosk::Diagnostic::Severity::Error) ++errors;
    }
    const size_t warnings = result.diagnostics.size() - errors;
    std::fprintf(stderr, "%s: %s, %s%s\n", dir.c_str(), plural(errors, "error").c_str(),
                 plural(warnings, "warning").c_str(), errors == 0 ? "" : "; the pack is not valid");
    return errors == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

VITRINE_PACK_COMMAND(
    20, "validate", "DIR [--strict] [--size WxH ...]",
    "check the pack in DIR and print every problem; label-practice warnings become errors with "
    "--strict; --size checks line lengths and the photographs' memory on that display (default 1920x1080)",
    run_validate);

}  // namespace pack_tool
