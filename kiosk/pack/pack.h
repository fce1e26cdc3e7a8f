// The exhibit pack model: plain data read from a pack folder, no SDL, no ImGui.
// Every text a visitor reads is a LocalText so a pack can add a language without
// a format change.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Text per language code ("en", "km", "fr").
struct LocalText {
    std::map<std::string, std::string> by_lang;

    // The text in `lang`, else in `fallback` (the pack's default language:
    // Pack::text asks with it), else in any language, else "". Never a
    // language the kiosk chose for itself.
    const std::string& get(const std::string& lang, const std::string& fallback) const;
    // The language of the text get() gives for the same arguments; "" when empty.
    const std::string& shown_language(const std::string& lang, const std::string& fallback) const;
    // The text in exactly `lang`, or "": no fallback.
    const std::string& in(const std::string& lang) const;
    bool has(const std::string& lang) const { return by_lang.count(lang) != 0; }
    bool empty() const { return by_lang.empty(); }
};

// Who translated the pack's texts into one language and who reviewed them:
// [translations.<lang>].
struct Translation {
    std::string by;
    std::string reviewed_by;  // empty: not yet reviewed by a native-speaking historian
    std::string note;
};

// An item's own word on its translations (`translated_by.<lang>`,
// `reviewed_by.<lang>`), over the pack's [translations.<lang>]: only the
// languages the item names. An empty reviewed_by marks the item unreviewed in a
// language the pack says is reviewed.
struct ItemTranslations {
    std::map<std::string, std::string> by;
    std::map<std::string, std::string> reviewed_by;
};

enum class DatePrecision { Year, Month, Day };

// Years are the historians' count: 1 AD follows -1 (1 BC), there is no year 0,
// and 0 means "not given" (born, died). 64 bits hold deep time: a pack may go
// back 13.8 billion years, which no 32-bit year reaches.
struct Date {
    int64_t year = 0;
    int month = 0;  // 1..12 when precision >= Month
    int day = 0;    // 1..31 when precision == Day
    DatePrecision precision = DatePrecision::Year;
};

// When something happened: a date or a range, maybe approximate, with an
// optional curator-written label that replaces the formatted date.
struct DateSpan {
    Date start;
    std::optional<Date> end;
    bool circa = false;
    LocalText display;
};

struct Source {
    std::string id;
    LocalText title;  // e.g. Phnom Penh Post, “Ieng Sary, face of the Khmer Rouge”
    std::string url;  // optional, shown as text only: the kiosk is offline
    LocalText note;   // optional: what this source supports
};

struct Era {
    std::string id;
    LocalText name;
    Date start;
    Date end;
    uint32_t color = 0x4f4a45;  // 0xRRGGBB
    ItemTranslations translations;
};

struct Event {
    std::string id;
    DateSpan when;
    std::string era;  // Era::id, optional
    LocalText headline;
    LocalText text;
    LocalText disputed;                // optional: why the date or fact is disputed
    std::vector<std::string> sources;  // Source::id
    std::vector<std::string> photos;   // Photograph::ids, in the order shown; optional
    ItemTranslations translations;
};

struct Photograph {
    std::string id;
    std::string file;  // relative to the pack folder
    LocalText caption;
    LocalText credit;
    LocalText alt;
    // Filled by the loader when the image decoded: RGBA8, row-major, no padding,
    // already scaled down to PackLoadOptions::max_photo_side. Without decoding
    // (PackLoadOptions::decode_photos) rgba stays empty and width × height is
    // the size it would have been kept at, which the screens lay out by.
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;
    // The file, resolved inside the pack folder (set by the loader).
    std::string path;
    // The size stored in the file (upright), whatever was kept in memory.
    int file_width = 0;
    int file_height = 0;
    ItemTranslations translations;
};

// A quote is verbatim in the language it was spoken or written in
// (`language`); its text in any other language is a translation.
struct Quote {
    std::string id;
    LocalText text;
    std::string language;  // of the verbatim text; the pack's default unless the pack says otherwise
    LocalText speaker;     // a name per script: "Ieng Sary", "អៀង សារី"
    LocalText role;
    LocalText context;
    std::optional<DateSpan> when;
    LocalText disputed;                // optional: who contests what the quote says
    std::vector<std::string> sources;  // Source::id
    ItemTranslations translations;
};

struct Settings {
    int idle_timeout_s = 90;
    bool reduced_motion = false;
    // The content note also shows at the start of each visit, as a card the
    // visitor dismisses before Explore; false: on About only.
    bool content_note_at_start = true;
    std::vector<std::string> languages = {"en"};  // first one is the default
    // Khmer digits (០-៩) in Khmer dates, years, counts and page labels.
    bool khmer_digits = false;
    // Quote::ids the attract loop shows, in order; empty: every quote in file order.
    std::vector<std::string> attract_quotes;
};

struct ExhibitInfo {
    std::string id;
    std::string version;
    LocalText title;
    LocalText subject;  // the person, e.g. "Ieng Sary"
    LocalText subtitle;
    Date born;  // optional: an exhibit need not be a person's life
    Date died;
    LocalText content_note;
    LocalText credits;
    LocalText licence;
    LocalText gaps;     // what the exhibit lacks, in the curator's words (About)
    std::string photo;  // Photograph::id shown on Explore
    // The years the exhibit's dates plausibly fall in ([exhibit] years, or
    // derived from born and died); dates outside are warned about.
    int64_t first_year = 0;
    int64_t last_year = 0;
    ItemTranslations translations;
};

struct Pack;

// Every file pack.toml refers to that passed the loader's checks, relative to
// the pack folder, in file order: the photographs, then each recording and its
// captions. What a pack file carries beside pack.toml.
std::vector<std::string> pack_media_files(const Pack& pack);

// The years beside the title, as the pack states them: "1925 – 2013", "1950 –"
// for a person alive, "– 1934" with only a death; empty without either, never a
// range the kiosk made up. Years before 1 AD in `lang`'s form: "480 BC – 399 BC".
std::string life_dates(const ExhibitInfo& exhibit, const std::string& lang);

// A caption of a recording: what is said from `start_ms` to `end_ms`.
struct CaptionCue {
    int64_t start_ms = 0;
    int64_t end_ms = 0;
    std::string text;
};

// A recorded narration of one text of one item in one language ([[recordings]]):
// the kiosk plays it instead of synthesised speech, with its captions.
struct Recording {
    std::string table;                 // "exhibit" (its About texts too), "events", "quotes", "photographs", ...
    std::string id;                    // the item's id; empty for the exhibit and About
    std::string field;                 // the text it speaks: "text", "headline", "alt", ...
    std::string language;              // of the speech
    std::string file;                  // Ogg Vorbis, relative to the pack folder
    std::string captions_file;         // WebVTT, relative to the pack folder
    std::vector<CaptionCue> captions;  // in time order
};

struct Pack {
    int schema = 1;
    std::string dir;  // the folder it was loaded from
    ExhibitInfo exhibit;
    Settings settings;
    std::vector<Source> sources;
    std::vector<Era> eras;
    std::vector<Event> events;  // in chronological order after loading
    std::vector<Photograph> photographs;
    std::vector<Quote> quotes;
    std::map<std::string, Translation> translations;  // [translations.<lang>], by language
    std::vector<Recording> recordings;                // [[recordings]]

    // The language a visit starts in and every missing text falls back to.
    const std::string& default_language() const;
    // `text` in `lang`, else in the default language, else in any.
    const std::string& text(const LocalText& text, const std::string& lang) const;
    // Who translated an item into `lang` and who reviewed it: the item's own
    // word, else the pack's. The default language's own texts are the
    // curator's, reviewed unless [translations.<default>] or the item says not.
    Translation translation(const ItemTranslations& item, const std::string& lang) const;
    bool reviewed(const ItemTranslations& item, const std::string& lang) const;
    // True when `text` shows in `lang` as a translation not yet reviewed: its
    // shown language is not `source` (the pack's default, or a quote's own).
    bool unreviewed_translation(const LocalText& text, const ItemTranslations& item, const std::string& lang,
                                const std::string& source) const;
    // Digits as `lang` writes them in this pack: Khmer digits for "km" with
    // [settings] khmer_digits, else as they are.
    std::string digits(const std::string& text, const std::string& lang) const;
    // Where `code` is among settings.languages; -1 when the pack is not in it.
    int language_index(const std::string& code) const;
    // Why the kiosk cannot start in `code`, naming the pack's languages; "" when it can.
    std::string language_problem(const std::string& code) const;

    const Era* find_era(const std::string& id) const;
    const Photograph* find_photo(const std::string& id) const;
    const Source* find_source(const std::string& id) const;
    const Quote* find_quote(const std::string& id) const;
    // The recording of `field` of the item `id` of `table` in `lang`; null when none.
    const Recording* find_recording(const std::string& table, const std::string& id, const std::string& field,
                                    const std::string& lang) const;
    // The photographs a visitor can page through, in order: the exhibit's own
    // first unless an event shows it, then each event's in event order, each once.
    std::vector<const Photograph*> shown_photos() const;
    // The photograph Explore shows for `event`: its `page`th (clamped), else the
    // exhibit's. Null when neither exists.
    const Photograph* event_photo(const Event& event, int page = 0) const;
    // The quotes the attract loop shows, in the order it shows them.
    std::vector<const Quote*> attract_quotes() const;
};

}  // namespace kiosk
