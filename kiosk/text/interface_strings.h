// The interface's own words (buttons, headings, labels, the countdown, the
// settings panel, the PIN pad, the unavailable screen, month names), by key, in
// each language the kiosk has a table for: assets/interface/<lang>.toml,
// compiled into the binary (interface_tables.cmake), so a kiosk never lacks its
// words. Screens draw these and nothing else of their own; the font atlas takes
// its characters from the same tables (interface_glyph_text).
//
// A key is an enum value, so a misspelt key does not compile. A language that
// lacks a key, or has no table, shows the English text. The tests check that
// every key below is in en.toml, that every key of every table is declared here,
// and that each text has the placeholders declared for it.
//
// This file depends on nothing of the kiosk's but base/, so every layer may use it.
#pragma once

#include "base/diagnostic.h"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

namespace kiosk {

// Every key: X(enum name, "table.key" in the TOML files, its placeholders).
#define VITRINE_INTERFACE_STRINGS(X)                                   \
    X(CommonBack, "common.back", "")                                   \
    X(CommonSettings, "common.settings", "")                           \
    X(CommonDisputed, "common.disputed", "")                           \
    X(LanguageName, "language.name", "")                               \
    X(TranslationNotReviewed, "translation.not_reviewed", "")          \
    X(TranslationSeparator, "translation.separator", "")               \
    X(QuoteTranslatedFrom, "quote.translated_from", "{language}")      \
    X(QuoteShowOriginal, "quote.show_original", "")                    \
    X(QuoteShowTranslation, "quote.show_translation", "")              \
    X(AboutTranslations, "about.translations", "")                     \
    X(AboutTranslatedBy, "about.translated_by", "{language}{names}")   \
    X(AboutReviewedBy, "about.reviewed_by", "{names}")                 \
    X(ExploreVoices, "explore.voices", "")                             \
    X(ExploreAbout, "explore.about", "")                               \
    X(ExploreSource, "explore.source", "{sources}")                    \
    X(ExploreSourceSeparator, "explore.source_separator", "")          \
    X(ExploreZoomOut, "explore.zoom_out", "")                          \
    X(PhotoDescription, "photo.description", "{description}")          \
    X(VoicesHeading, "voices.heading", "")                             \
    X(AboutExhibitVersion, "about.exhibit_version", "{version}")       \
    X(AboutContentNote, "about.content_note", "")                      \
    X(AboutLacks, "about.lacks", "")                                   \
    X(AboutCredits, "about.credits", "")                               \
    X(AboutLicence, "about.licence", "")                               \
    X(AboutSources, "about.sources", "")                               \
    X(ContentNoteHeading, "content_note.heading", "")                  \
    X(ContentNoteDismiss, "content_note.dismiss", "")                  \
    X(AttractInvite, "attract.invite", "")                             \
    X(SettingsHeading, "settings.heading", "")                         \
    X(SettingsTextSize, "settings.text_size", "")                      \
    X(SettingsTextSample, "settings.text_sample", "")                  \
    X(SettingsHighContrast, "settings.high_contrast", "")              \
    X(SettingsTextStandard, "settings.text_standard", "")              \
    X(SettingsTextLarge, "settings.text_large", "")                    \
    X(SettingsTextExtraLarge, "settings.text_extra_large", "")         \
    X(SettingsDone, "settings.done", "")                               \
    X(CountdownTitle, "countdown.title", "")                           \
    X(CountdownBody, "countdown.body", "")                             \
    X(PinClear, "pin.clear", "")                                       \
    X(PinOk, "pin.ok", "")                                             \
    X(PinLocked, "pin.locked", "{seconds}")                            \
    X(UnavailableHeadline, "unavailable.headline", "")                 \
    X(UnavailableVisitorLine, "unavailable.visitor_line", "")          \
    X(UnavailableStaffLabel, "unavailable.staff_label", "")            \
    X(UnavailableDisplayTooSmall, "unavailable.display_too_small", "") \
    X(UnavailableMoreProblem, "unavailable.more_problem", "{count}")   \
    X(UnavailableMoreProblems, "unavailable.more_problems", "{count}") \
    X(NoticeReloadFailed, "notice.reload_failed", "")                  \
    X(SpeechGuide, "speech.guide", "")                                 \
    X(SpeechKeys, "speech.keys", "")                                   \
    X(SpeechButton, "speech.button", "{label}")                        \
    X(SpeechSwitchOn, "speech.switch_on", "{label}")                   \
    X(SpeechSwitchOff, "speech.switch_off", "{label}")                 \
    X(SpeechSelected, "speech.selected", "{label}")                    \
    X(SpeechPhotograph, "speech.photograph", "")                       \
    X(SpeechPreviousEvent, "speech.previous_event", "")                \
    X(SpeechNextEvent, "speech.next_event", "")                        \
    X(SpeechPreviousQuote, "speech.previous_quote", "")                \
    X(SpeechNextQuote, "speech.next_quote", "")                        \
    X(SpeechEventPosition, "speech.event_position", "{number}{count}") \
    X(SpeechQuotePosition, "speech.quote_position", "{number}{count}") \
    X(SpeechPhotoPosition, "speech.photo_position", "{number}{count}") \
    X(SpeechScreenExplore, "speech.screen_explore", "")                \
    X(SpeechScreenPhoto, "speech.screen_photo", "")                    \
    X(SpeechScreenSettings, "speech.screen_settings", "")              \
    X(SpeechZoomedIn, "speech.zoomed_in", "")                          \
    X(SpeechZoomedOut, "speech.zoomed_out", "")                        \
    X(SpeechCountdownKeys, "speech.countdown_keys", "")                \
    X(SpeechVolume, "speech.volume", "{percent}")                      \
    X(SpeechUnavailable, "speech.unavailable", "")                     \
    X(SpeechPaused, "speech.paused", "")                               \
    X(SpeechLabel, "speech.label", "")                                 \
    X(DatesMonthYear, "dates.month_year", "{month}{year}")             \
    X(DatesDayMonthYear, "dates.day_month_year", "{day}{month}{year}") \
    X(DatesCirca, "dates.circa", "{date}")                             \
    X(DatesBeforeCommonEra, "dates.before_common_era", "{year}")       \
    X(DatesThousandsSeparator, "dates.thousands_separator", "")        \
    X(DatesJanuary, "dates.january", "")                               \
    X(DatesFebruary, "dates.february", "")                             \
    X(DatesMarch, "dates.march", "")                                   \
    X(DatesApril, "dates.april", "")                                   \
    X(DatesMay, "dates.may", "")                                       \
    X(DatesJune, "dates.june", "")                                     \
    X(DatesJuly, "dates.july", "")                                     \
    X(DatesAugust, "dates.august", "")                                 \
    X(DatesSeptember, "dates.september", "")                           \
    X(DatesOctober, "dates.october", "")                               \
    X(DatesNovember, "dates.november", "")                             \
    X(DatesDecember, "dates.december", "")                             \
    X(DatesJanuaryShort, "dates.january_short", "")                    \
    X(DatesFebruaryShort, "dates.february_short", "")                  \
    X(DatesMarchShort, "dates.march_short", "")                        \
    X(DatesAprilShort, "dates.april_short", "")                        \
    X(DatesMayShort, "dates.may_short", "")                            \
    X(DatesJuneShort, "dates.june_short", "")                          \
    X(DatesJulyShort, "dates.july_short", "")                          \
    X(DatesAugustShort, "dates.august_short", "")                      \
    X(DatesSeptemberShort, "dates.september_short", "")                \
    X(DatesOctoberShort, "dates.october_short", "")                    \
    X(DatesNovemberShort, "dates.november_short", "")                  \
    X(DatesDecemberShort, "dates.december_short", "")

enum class UiText : int {
#define VITRINE_UI_TEXT_ENUM(name, key, placeholders) name,
    VITRINE_INTERFACE_STRINGS(VITRINE_UI_TEXT_ENUM)
#undef VITRINE_UI_TEXT_ENUM
        Count
};
constexpr int kUiTextCount = int(UiText::Count);

// The text of `key` in `lang`, or in English when `lang` has no table or lacks the key.
const std::string& ui_text(UiText key, const std::string& lang);

// A placeholder's value: {"count", "3"} fills "{count}".
struct UiTextValue {
    const char* name;
    std::string value;
};
// The text of `key` in `lang` with its placeholders filled.
std::string ui_text(UiText key, const std::string& lang, std::initializer_list<UiTextValue> values);
// `pattern` with each "{name}" of `values` replaced; anything else left as it is.
std::string fill_placeholders(const std::string& pattern, std::initializer_list<UiTextValue> values);

// A language by its own name and script ("ខ្មែរ", "Français", "English"): its
// table's language.name, else a short built-in list, else the code itself.
// Never a flag, never the name in another language.
std::string language_name(const std::string& code);

// The name of January + `month` - 1 (1-12) in `lang`.
const std::string& month_name(int month, const std::string& lang);

// Every text of `langs`' tables and of English, each followed by a space: the
// interface's characters for the font atlas.
std::string interface_glyph_text(const std::vector<std::string>& langs);

// How a key is written in the TOML files ("about.credits") and the placeholders
// its text has ("{version}", or "").
const char* ui_text_key(UiText key);
const char* ui_text_placeholders(UiText key);
// The placeholders in `text`, in order: "{month} {year}" gives {"{month}", "{year}"}.
std::vector<std::string> placeholders_in(const std::string& text);

// One table as compiled in from assets/interface/<lang>.toml.
struct InterfaceTableSource {
    const char* lang;  // "en"
    const char* path;  // "assets/interface/en.toml", for messages
    const char* toml;  // the file's text
};
// Every table compiled in (generated into the build folder by interface_tables.cmake).
extern const InterfaceTableSource kInterfaceTables[];
extern const size_t kInterfaceTableCount;

// What is wrong with a table, each naming its file, line and key: TOML that does
// not parse, a key not declared above, a value that is not a string, a
// placeholder that is not the declared one, and, for English, which every other
// language falls back to, a declared key that is missing.
std::vector<Diagnostic> check_interface_table(const InterfaceTableSource& table);

}  // namespace kiosk
