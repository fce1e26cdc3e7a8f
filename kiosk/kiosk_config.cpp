#include "kiosk_config.h"

#include "panel_rotation.h"

#include <algorithm>
#include <toml++/toml.h>
#include <tuple>

namespace kiosk {

namespace {

void error(KioskConfigResult& r, const std::string& path, const toml::source_region& where, const std::string& msg) {
    r.diagnostics.push_back({Diagnostic::Severity::Error, path, int(where.begin.line), int(where.begin.column), msg});
}

// [hours]: open and close as "HH:MM" local time, and optionally the days.
void read_hours(KioskConfigResult& r, const toml::table& root, const std::string& path) {
    const toml::node* open = root.at_path("hours.open").node();
    const toml::node* close = root.at_path("hours.close").node();
    if (!open && !close) return;
    OpeningHours& h = r.config.hours;
    for (auto [node, field, name] : {std::tuple{open, &h.open_minute, "open"}, std::tuple{close, &h.close_minute, "close"}}) {
        const auto text = node ? node->value<std::string>() : std::nullopt;
        const int minute = text ? parse_clock_time(*text) : -1;
        if (minute < 0) {
            const toml::source_region where = node ? node->source() : root.at_path("hours").node()->source();
            error(r, path, where, std::string("'") + name + "' must be a time like \"09:30\" (both open and close are needed)");
            return;
        }
        *field = minute;
    }
    if (const toml::node* days = root.at_path("hours.days").node()) {
        static const char* names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        const toml::array* list = days->as_array();
        if (!list) {
            error(r, path, days->source(), "'days' must be a list such as [\"tue\", \"wed\", \"sun\"]");
            return;
        }
        for (bool& d : h.days) d = false;
        for (const toml::node& day : *list) {
            const auto name = day.value<std::string>();
            int index = -1;
            for (int i = 0; i < 7; ++i)
                if (name && *name == names[i]) index = i;
            if (index < 0) {
                error(r, path, day.source(), "unknown day; use mon, tue, wed, thu, fri, sat, sun");
                return;
            }
            h.days[index] = true;
        }
    }
    h.enabled = true;
}

}  // namespace

KioskConfigResult load_kiosk_config(const std::string& path) {
    KioskConfigResult r;
    toml::table root;
    try {
        root = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        r.diagnostics.push_back({Diagnostic::Severity::Error, path, int(e.source().begin.line),
                                 int(e.source().begin.column), std::string(e.description())});
        return r;
    }
    const struct {
        const char* table;
        std::vector<std::string> keys;
    } known[] = {{"display", {"panel_inches", "rotation"}}, {"staff", {"pin"}}, {"pack", {"dir", "public_key"}}, {"state", {"dir"}},
                 {"hours", {"open", "close", "days", "battery_clock"}}};
    for (const auto& [key, node] : root) {
        const std::string_view table = key.str();  // a structured binding cannot be captured in C++17
        const auto* spec = std::find_if(std::begin(known), std::end(known),
                                        [&](const auto& k) { return table == k.table; });
        if (spec == std::end(known) || !node.is_table()) {
            error(r, path, node.source(), "unknown section '" + std::string(key.str()) + "' (known: display, staff, pack, state, hours)");
            continue;
        }
        for (const auto& [sub, value] : *node.as_table()) {
            if (std::find(spec->keys.begin(), spec->keys.end(), std::string(sub.str())) == spec->keys.end())
                error(r, path, value.source(), "unknown key '" + std::string(sub.str()) + "' in [" + spec->table + "]");
        }
    }
    if (const toml::node* n = root.at_path("display.panel_inches").node()) {
        const auto v = n->value<double>();
        if (!v || *v < 3 || *v > 120) error(r, path, n->source(), "'panel_inches' must be a number from 3 to 120");
        else r.config.panel_inches = float(*v);
    }
    if (const toml::node* n = root.at_path("display.rotation").node()) {
        const auto v = n->value<int64_t>();
        if (!v || !valid_rotation(int(*v))) error(r, path, n->source(), "'rotation' must be 0, 90, 180 or 270");
        else r.config.rotation = int(*v);
    }
    if (const toml::node* n = root.at_path("staff.pin").node()) {
        const auto v = n->value<std::string>();
        if (!v || v->size() < 4 || v->size() > 8 || !std::all_of(v->begin(), v->end(), ::isdigit))
            error(r, path, n->source(), "'pin' must be a string of 4 to 8 digits, e.g. pin = \"2468\"");
        else r.config.staff_pin = *v;
    }
    if (const toml::node* n = root.at_path("pack.dir").node()) {
        const auto v = n->value<std::string>();
        if (!v || v->empty()) error(r, path, n->source(), "'dir' must be the path of a pack folder");
        else r.config.pack_dir = *v;
    }
    if (const toml::node* n = root.at_path("pack.public_key").node()) {
        const auto v = n->value<std::string>();
        if (!v || v->empty()) error(r, path, n->source(), "'public_key' must be the path of a NAME.pub file from vitrine-pack keygen");
        else r.config.public_key = *v;
    }
    if (const toml::node* n = root.at_path("state.dir").node()) {
        const auto v = n->value<std::string>();
        if (!v || v->empty()) error(r, path, n->source(), "'dir' must be the path of the kiosk's state folder");
        else r.config.state_dir = *v;
    }
    read_hours(r, root, path);
    if (const toml::node* n = root.at_path("hours.battery_clock").node()) {
        const auto v = n->value<bool>();
        if (!v) error(r, path, n->source(), "'battery_clock' must be true or false");
        else r.config.hours.battery_clock = *v;
    }
    return r;
}

}  // namespace kiosk
