#include "text_dump.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace platform {

namespace {

const char* face_name(kiosk::Face face) {
    switch (face) {
        case kiosk::Face::SansRegular: return "SansRegular";
        case kiosk::Face::SansBold: return "SansBold";
        case kiosk::Face::SerifRegular: return "SerifRegular";
        case kiosk::Face::SerifItalic: return "SerifItalic";
        case kiosk::Face::Count: break;
    }
    return "";
}

}  // namespace

std::string text_dump_json(const kiosk::FontSet& fonts, const std::vector<kiosk::DumpedText>& texts) {
    nlohmann::json out = nlohmann::json::object();
    nlohmann::json& list = out["texts"] = nlohmann::json::array();
    for (const kiosk::DumpedText& t : texts) {
        nlohmann::json j;
        j["text"] = t.text;
        j["face"] = face_name(t.face);
        j["px"] = t.px;
        j["em_px"] = fonts.em_px(t.face, t.px);
        j["lines"] = nlohmann::json::array();
        for (const auto& [b, e] : t.lines)
            j["lines"].push_back({{"begin", b}, {"end", e}, {"text", t.text.substr(b, e - b)}});
        j["runs"] = nlohmann::json::array();
        for (const kiosk::DrawnRun& r : t.runs) {
            nlohmann::json run;
            run["font_file"] = r.font_file;
            run["px_per_unit"] = r.px_per_unit;
            run["begin"] = r.begin;
            run["end"] = r.end;
            run["text"] = t.text.substr(r.begin, r.end - r.begin);
            run["glyphs"] = nlohmann::json::array();
            for (const kiosk::DrawnRun::Glyph& g : r.glyphs)
                run["glyphs"].push_back({{"id", g.id},
                                         {"cluster", g.cluster},
                                         {"x", g.x},
                                         {"y", g.y},
                                         {"x_advance", g.x_advance},
                                         {"x_offset", g.x_offset},
                                         {"y_offset", g.y_offset}});
            j["runs"].push_back(std::move(run));
        }
        list.push_back(std::move(j));
    }
    // Invalid UTF-8 cannot reach here (packs are checked), but a dump must never throw.
    return out.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool write_text_dump(const std::string& path, const kiosk::FontSet& fonts, const std::vector<kiosk::DumpedText>& texts,
                     std::string* error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text_dump_json(fonts, texts);
    out.close();
    if (!out) {
        if (error) *error = path + ": cannot write the text dump";
        return false;
    }
    return true;
}

std::string dump_path_for_shot(const std::string& png_path) {
    const size_t slash = png_path.rfind('/');
    const size_t dot = png_path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return png_path + ".json";
    return png_path.substr(0, dot) + ".json";
}

}  // namespace platform
