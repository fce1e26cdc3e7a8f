#include "config/kiosk_config.h"

#include "base/file_read.h"
#include "base/printable.h"
#include "base/toml_key_depth.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>
#include <sys/stat.h>
#include <toml++/toml.h>
#include <tuple>

namespace kiosk {

namespace {

// A configuration is a few hundred bytes; a file far larger is not one.
constexpr uint64_t kMaxConfigBytes = 256 * 1024;
constexpr size_t kMaxPathBytes = 4095;  // PATH_MAX less its terminating zero
// ALSA's and PulseAudio's descriptions are a few dozen bytes.
constexpr size_t kMaxDeviceNameBytes = 256;

// Every section and its keys. A key misspelt or put in the wrong section is
// named with the one it most likely meant.
const struct Section {
    const char* name;
    std::vector<std::string> keys;
} kSections[] = {{"display", {"panel_inches", "rotation", "panel_bottom_mm"}},
                 {"staff", {"pin"}},
                 {"pack", {"dir", "public_key", "allow_downgrade", "allow_other_exhibit"}},
                 {"state", {"dir", "usb_report"}},
                 {"hours", {"open", "close", "days", "battery_clock"}},
                 {"audio", {"device", "volume"}}};

const char* const kDayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// Edits between two short words, to tell a misspelling from a different word.
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

bool close_to(std::string_view written, std::string_view known) {
    if (written.size() > 40) return false;
    std::string lower(written);
    for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    return edit_distance(lower, known) <= (known.size() <= 4 ? 1u : 2u);
}

// A value as the file wrote it, safe to quote: strings quoted and escaped,
// numbers as numbers (nan and inf included).
std::string quote(const toml::node& n) {
    if (const auto* s = n.as_string()) return "\"" + printable(s->get()) + "\"";
    if (const auto* i = n.as_integer()) return std::to_string(i->get());
    if (const auto* f = n.as_floating_point()) {
        std::ostringstream out;
        out << f->get();
        std::string text = out.str();
        if (text.find_first_of(".eni") == std::string::npos) text += ".0";  // 90.0 is not 90
        return text;
    }
    if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
    if (n.is_array_of_tables()) return "a list of tables";
    if (const auto* a = n.as_array()) {
        std::string text = "[";
        for (size_t k = 0; k < a->size(); ++k) {
            if (text.size() > kQuotedInputBytes) return text + ", …]";
            text += (k ? ", " : "") + quote(*a->get(k));
        }
        return text + "]";
    }
    if (n.is_table()) return "a table";
    return "a date or time";
}

bool is_absolute_path(const std::string& s) { return !s.empty() && s[0] == '/'; }

bool has_control_characters(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

struct Reader {
    KioskConfigResult& r;
    std::string path;  // as quoted in messages
    // Warnings staff must see on the screen too: what was written is not in effect.
    std::vector<size_t> staff_warnings;

    void add(Diagnostic::Severity severity, const toml::source_region& where, const std::string& msg) {
        r.diagnostics.push_back({severity, path, int(where.begin.line), int(where.begin.column), msg});
    }
    void error(const toml::node& n, const std::string& msg) { add(Diagnostic::Severity::Error, n.source(), msg); }
    void warning(const toml::node& n, const std::string& msg) { add(Diagnostic::Severity::Warning, n.source(), msg); }
    // "[display] rotation = 4294967386: must be 0, 90, 180 or 270"
    void bad_value(const toml::node& n, const char* section, const char* key, const std::string& rule) {
        error(n, std::string("[") + section + "] " + key + " = " + quote(n) + ": " + rule);
    }

    // A path: a string, not empty, without control characters, not longer than
    // the system allows. A relative one depends on the service's working folder.
    void read_path(const toml::table& root, const char* section, const char* key, const char* what, std::string& out) {
        const toml::node* n = root.at_path(std::string(section) + "." + key).node();
        if (!n) return;
        const auto* s = n->as_string();
        if (!s || s->get().empty()) return bad_value(*n, section, key, std::string("must be the path of ") + what);
        const std::string& v = s->get();
        if (has_control_characters(v)) return bad_value(*n, section, key, "a path cannot hold control characters");
        if (v.size() > kMaxPathBytes)
            return bad_value(
                *n, section, key,
                "is " + std::to_string(v.size()) + " bytes long; a path has at most " + std::to_string(kMaxPathBytes));
        if (!is_absolute_path(v))
            warning(*n, std::string("[") + section + "] " + key + " = " + quote(*n) +
                            ": a relative path depends on the folder the kiosk starts in; write it from /");
        out = v;
    }

    // A key that is there must be a regular file: /dev/zero or a folder named as the
    // key would be read only when a pack is installed, and fail then, unexplained.
    void check_key_file(const toml::table& root, std::string& key) {
        struct stat st {};
        if (key.empty() || ::stat(key.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return;
        const toml::node* n = root.at_path("pack.public_key").node();
        key.clear();
        if (n)
            bad_value(*n, "pack", "public_key",
                      std::string("is a ") + file_type_name(st.st_mode) +
                          ", not a regular file; give the NAME.pub file from vitrine-pack keygen");
    }

    void check_names(const toml::table& root);
    void read_display(const toml::table& root);
    void read_staff(const toml::table& root);
    void read_hours(const toml::table& root);
    void read_audio(const toml::table& root);
};

// Unknown sections and keys are errors (the setting meant is not in effect),
// named with the known one they most likely meant.
void Reader::check_names(const toml::table& root) {
    for (const auto& [key, node] : root) {
        const std::string name(key.str());
        const auto* spec =
            std::find_if(std::begin(kSections), std::end(kSections), [&](const Section& s) { return name == s.name; });
        if (spec != std::end(kSections) && node.is_table()) {
            for (const auto& [sub, value] : *node.as_table()) {
                const std::string sub_name(sub.str());
                if (std::find(spec->keys.begin(), spec->keys.end(), sub_name) != spec->keys.end()) continue;
                std::string msg = "unknown key '" + printable(sub_name) + "' in [" + spec->name + "]";
                std::string hint;
                for (const std::string& k : spec->keys)
                    if (hint.empty() && close_to(sub_name, k)) hint = "; did you mean '" + k + "'?";
                for (const Section& other : kSections)
                    if (hint.empty() && &other != spec &&
                        std::find(other.keys.begin(), other.keys.end(), sub_name) != other.keys.end())
                        hint = "; '" + sub_name + "' belongs under [" + other.name + "]";
                if (hint.empty()) {
                    hint = " (known: ";
                    for (size_t k = 0; k < spec->keys.size(); ++k) hint += (k ? ", " : "") + spec->keys[k];
                    hint += ")";
                }
                error(value, msg + hint);
            }
            continue;
        }
        if (spec != std::end(kSections)) {
            error(node, "'" + name + "' must be one section, [" + name + "]; " + quote(node) + " is not read");
            continue;
        }
        // A key written above every section, or a section misspelt.
        std::string hint;
        for (const Section& s : kSections) {
            if (hint.empty() && !node.is_table() && std::find(s.keys.begin(), s.keys.end(), name) != s.keys.end())
                hint = std::string("; '") + name + "' belongs under [" + s.name + "]";
        }
        for (const Section& s : kSections)
            if (hint.empty() && close_to(name, s.name)) hint = std::string("; did you mean [") + s.name + "]?";
        if (hint.empty()) hint = " (known: display, staff, pack, state, hours, audio)";
        error(node,
              (node.is_table() ? "unknown section '" : "key outside every section '") + printable(name) + "'" + hint);
    }
}

void Reader::read_display(const toml::table& root) {
    if (const toml::node* n = root.at_path("display.panel_inches").node()) {
        std::optional<double> v;
        if (const auto* f = n->as_floating_point()) v = f->get();
        if (const auto* i = n->as_integer()) v = double(i->get());
        // Written so that nan fails too.
        if (!v || !(std::isfinite(*v) && *v >= 3 && *v <= 120))
            bad_value(*n, "display", "panel_inches", "must be the panel's diagonal, a number of inches from 3 to 120");
        else
            r.config.panel_inches = float(*v);
    }
    if (const toml::node* n = root.at_path("display.panel_bottom_mm").node()) {
        std::optional<double> v;
        if (const auto* f = n->as_floating_point()) v = f->get();
        if (const auto* i = n->as_integer()) v = double(i->get());
        if (!v || !(std::isfinite(*v) && *v >= 0 && *v <= 3000))
            bad_value(*n, "display", "panel_bottom_mm",
                      "must be the height of the panel's lower edge above the floor, from 0 to 3000 millimetres");
        else
            r.config.panel_bottom_mm = float(*v);
    }
    if (const toml::node* n = root.at_path("display.rotation").node()) {
        // Compared as the 64-bit number the file holds: never narrowed first.
        const auto* i = n->as_integer();
        const int64_t v = i ? i->get() : -1;
        if (v != 0 && v != 90 && v != 180 && v != 270)
            bad_value(*n, "display", "rotation", "must be 0, 90, 180 or 270");
        else
            r.config.rotation = int(v);
    }
}

void Reader::read_staff(const toml::table& root) {
    const toml::node* n = root.at_path("staff.pin").node();
    if (!n) return;
    const auto* s = n->as_string();
    const bool digits = s && s->get().size() >= 4 && s->get().size() <= 8 &&
                        std::all_of(s->get().begin(), s->get().end(), [](char c) { return c >= '0' && c <= '9'; });
    // The value is not repeated: the message reaches the journal and the screen.
    if (!digits)
        error(*n, "[staff] pin: must be a string of 4 to 8 digits, e.g. pin = \"2468\"; the hidden exit stays shut");
    else
        r.config.staff_pin = s->get();
}

// [hours]: open and close as "HH:MM" local time, and optionally the days. A
// schedule that is not understood, or that would never open, is not used: the
// exhibit stays on rather than go dark for a mistake.
void Reader::read_hours(const toml::table& root) {
    if (const toml::node* n = root.at_path("hours.battery_clock").node()) {
        if (const auto* b = n->as_boolean())
            r.config.hours.battery_clock = b->get();
        else
            bad_value(*n, "hours", "battery_clock", "must be true or false");
    }
    const toml::node* open = root.at_path("hours.open").node();
    const toml::node* close = root.at_path("hours.close").node();
    const toml::node* days = root.at_path("hours.days").node();
    if (!open && !close) {
        if (days) warning(*days, "[hours] days has no effect without open and close; the exhibit is always on");
        return;
    }
    if (!open || !close) {
        error(open ? *open : *close, std::string("[hours] ") + (open ? "open" : "close") + " without " +
                                         (open ? "close" : "open") +
                                         ": both are needed; the opening hours are not used");
        return;
    }
    OpeningHours h = r.config.hours;
    bool ok = true;
    for (auto [node, field, name] :
         {std::tuple{open, &h.open_minute, "open"}, std::tuple{close, &h.close_minute, "close"}}) {
        const auto* s = node->as_string();
        const int minute = s ? parse_clock_time(s->get()) : -1;
        if (minute < 0 || (minute == 24 * 60 && field == &h.open_minute)) {
            bad_value(*node, "hours", name,
                      "must be a time like \"09:30\" (00:00 to 24:00); the opening hours are not used");
            ok = false;
        }
        *field = minute;
    }
    if (days) {
        const toml::array* list = days->as_array();
        if (!list) {
            bad_value(*days, "hours", "days",
                      "must be a list such as [\"tue\", \"wed\", \"sun\"]; the opening hours are not used");
            return;
        }
        for (bool& d : h.days) d = false;
        for (const toml::node& day : *list) {
            const auto* name = day.as_string();
            const auto* known =
                name ? std::find(std::begin(kDayNames), std::end(kDayNames), name->get()) : std::end(kDayNames);
            if (known == std::end(kDayNames)) {
                error(day, "[hours] days: " + quote(day) +
                               " is not a day; use mon, tue, wed, thu, fri, sat, sun. The opening hours are not used");
                return;
            }
            h.days[known - std::begin(kDayNames)] = true;
        }
        if (std::none_of(std::begin(h.days), std::end(h.days), [](bool d) { return d; })) {
            staff_warnings.push_back(r.diagnostics.size());
            warning(*days, "[hours] days = " + quote(*days) +
                               ": the kiosk would never open; the opening hours are not used and the exhibit stays on");
            return;
        }
    }
    if (!ok) return;
    auto clock = [](int minute) {
        char text[8];
        std::snprintf(text, sizeof text, "%02d:%02d", minute / 60 % 100, minute % 60);
        return std::string(text);
    };
    if (h.open_minute == h.close_minute)
        warning(*close, "[hours] open and close are both " + clock(h.open_minute) +
                            ": read as open all day on the days listed");
    else if (h.close_minute < h.open_minute)
        warning(*close, "[hours] close = " + clock(h.close_minute) + " is before open = " + clock(h.open_minute) +
                            ": read as open overnight, from " + clock(h.open_minute) + " to " + clock(h.close_minute) +
                            " the next morning");
    h.enabled = true;
    r.config.hours = h;
}

// [audio]: which sound output, and how loud. A name SDL does not list is the
// device's to report when it opens (the names depend on what is plugged in);
// here only its form is checked.
void Reader::read_audio(const toml::table& root) {
    if (const toml::node* n = root.at_path("audio.device").node()) {
        const auto* s = n->as_string();
        if (!s)
            bad_value(*n, "audio", "device", "must be the sound output's name in quotes; \"\" for the default one");
        else if (has_control_characters(s->get()))
            bad_value(*n, "audio", "device", "a device name cannot hold control characters");
        else if (s->get().size() > kMaxDeviceNameBytes)
            bad_value(*n, "audio", "device",
                      "is " + std::to_string(s->get().size()) + " bytes long; a device name has at most " +
                          std::to_string(kMaxDeviceNameBytes));
        else
            r.config.audio_device = s->get();
    }
    if (const toml::node* n = root.at_path("audio.volume").node()) {
        // Compared as the 64-bit number the file holds: never narrowed first.
        const auto* i = n->as_integer();
        const int64_t v = i ? i->get() : -1;
        if (v < 0 || v > 100) {
            bad_value(*n, "audio", "volume", "must be a whole number from 0 (silent) to 100");
        } else {
            r.config.volume = int(v);
            if (v == 0)
                warning(*n,
                        "[audio] volume = 0: the kiosk starts silent; visitors who rely on speech hear nothing "
                        "until staff raise it");
        }
    }
}

// One line for staff on the screen: the first error (else the first warning that
// leaves a setting out of effect) and how many more. Other warnings (an overnight
// schedule, a relative path) are the journal's only: they describe what is in effect.
std::string staff_summary(const std::vector<Diagnostic>& diagnostics, const std::vector<size_t>& staff_warnings) {
    const auto first = std::find_if(diagnostics.begin(), diagnostics.end(),
                                    [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
    const Diagnostic* shown = first != diagnostics.end() ? &*first : nullptr;
    if (!shown && !staff_warnings.empty()) shown = &diagnostics[staff_warnings.front()];
    if (!shown) return "";
    std::string text = "Kiosk configuration: " + shown->message;
    if (diagnostics.size() > 1) text += " (and " + std::to_string(diagnostics.size() - 1) + " more; see the journal)";
    return text;
}

}  // namespace

KioskConfigResult load_kiosk_config(const std::string& path) {
    KioskConfigResult r;
    Reader reader{r, printable(path, kMaxPathBytes), {}};
    // Read once, without blocking: a FIFO, a device or a folder named as the
    // configuration is refused with its reason. An integrator may link the file.
    const FileRead file = read_regular_file(path, kMaxConfigBytes, FinalLink::Follow);
    if (!file.ok()) {
        r.diagnostics.push_back(
            {Diagnostic::Severity::Error, reader.path, 0, 0,
             "cannot read the kiosk's configuration: " + file.error + "; every setting keeps its default"});
        r.config.staff_note = staff_summary(r.diagnostics, {});
        return r;
    }
    const std::string_view text(reinterpret_cast<const char*>(file.bytes.data()), file.bytes.size());
    if (const auto deep = find_too_deep_toml_key(text)) {
        r.diagnostics.push_back({Diagnostic::Severity::Error, reader.path, deep->line, deep->column,
                                 "not a kiosk configuration: " + deep->message + "; every setting keeps its default"});
        r.config.staff_note = staff_summary(r.diagnostics, {});
        return r;
    }
    toml::table root;
    try {
        root = toml::parse(text, path);
    } catch (const toml::parse_error& e) {
        r.diagnostics.push_back(
            {Diagnostic::Severity::Error, reader.path, int(e.source().begin.line), int(e.source().begin.column),
             "not a TOML file: " + printable(e.description(), 200) + "; every setting keeps its default"});
        r.config.staff_note = staff_summary(r.diagnostics, {});
        return r;
    }
    r.parsed = true;
    // An empty file (or one of comments only) is no mistake, but rarely what was meant.
    if (root.empty())
        r.diagnostics.push_back({Diagnostic::Severity::Warning, reader.path, 0, 0,
                                 "the configuration sets nothing; every setting keeps its default"});
    reader.check_names(root);
    reader.read_display(root);
    reader.read_staff(root);
    reader.read_path(root, "pack", "dir", "a pack folder", r.config.pack_dir);
    reader.read_path(root, "pack", "public_key", "a NAME.pub file from vitrine-pack keygen", r.config.public_key);
    reader.check_key_file(root, r.config.public_key);
    // What `vitrine-pack install --config` may replace the current pack with.
    for (auto [key, out] : {std::pair<const char*, bool*>{"allow_downgrade", &r.config.allow_downgrade},
                            std::pair<const char*, bool*>{"allow_other_exhibit", &r.config.allow_other_exhibit}}) {
        if (const toml::node* n = root.at_path(std::string("pack.") + key).node()) {
            if (const auto* b = n->as_boolean())
                *out = b->get();
            else
                reader.bad_value(*n, "pack", key, "must be true or false");
        }
    }
    reader.read_path(root, "state", "dir", "the kiosk's state folder", r.config.state_dir);
    reader.read_path(root, "state", "usb_report", "the USB update's report file", r.config.usb_report);
    reader.read_hours(root);
    reader.read_audio(root);
    r.config.staff_note = staff_summary(r.diagnostics, reader.staff_warnings);
    return r;
}

std::string photo_cache_dir(const KioskConfig& config) { return config.state_dir + "/photo-cache"; }

}  // namespace kiosk
