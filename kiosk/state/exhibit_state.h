// What the visitor is looking at and how input and time change it. Plain data and
// plain functions of input, time and state (Handmade-style): every session can be
// replayed in a test, in virtual time.
#pragma once

#include "base/field_count.h"
#include "config/kiosk_config.h"
#include "input/gestures.h"
#include "input/input.h"
#include "input/kinetic_scroll.h"
#include "layout/photo_view.h"
#include "layout/quote_measure.h"
#include "layout/ui_context.h"
#include "pack/pack.h"
#include "state/pin_lock.h"
#include "state/speech.h"
#include "state/visit_stats.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace kiosk {

enum class Screen { Explore, Photo, Voices, About, Attract };

// What a visitor can change for themselves; reset for the next visitor.
struct VisitorSettings {
    TextSize text_size = TextSize::Standard;
    bool high_contrast = false;
    int language = 0;     // index into Pack::settings.languages
    bool speech = false;  // everything on screen spoken (the first key press turns it on)

    bool operator==(const VisitorSettings& o) const {
        return text_size == o.text_size && high_contrast == o.high_contrast && language == o.language &&
               speech == o.speech;
    }
    bool operator!=(const VisitorSettings& o) const { return !(*this == o); }
};

// A change of screen fades through the background; `from` is drawn first.
struct Transition {
    Screen from = Screen::Explore;
    int64_t start_ms = -1;  // -1: none running

    bool operator==(const Transition& o) const { return from == o.from && start_ms == o.start_ms; }
};

// A finger resting in a corner of the screen: half of the hidden staff gesture.
struct CornerHold {
    int finger;
    int corner;  // 0 top left, 1 top right, 2 bottom right, 3 bottom left
    int64_t since_ms;

    bool operator==(const CornerHold& o) const {
        return finger == o.finger && corner == o.corner && since_ms == o.since_ms;
    }
};

// A message for staff and until when it shows.
struct Notice {
    std::string text;
    bool problem = false;
    int64_t until_ms = 0;
};

// What the keypad's focus and the speech were last made for: when it changes
// (another screen, event, quote, an overlay), the focus moves to what the new
// view is about and, with speech on, says it.
struct FocusContext {
    Screen screen = Screen::Explore;
    bool settings_open = false, pin_open = false, content_note_open = false, countdown = false;
    int event = 0, quote = 0, photo = 0, language = 0;
    bool quote_original = false;
    bool speech = false;

    auto fields() const {
        return std::tie(screen, settings_open, pin_open, content_note_open, countdown, event, quote, photo, language,
                        quote_original, speech);
    }
    bool operator==(const FocusContext& o) const { return fields() == o.fields(); }
    bool operator!=(const FocusContext& o) const { return !(*this == o); }
};

// A visitor who cannot see, read or reach the screen: the keypad's focus, what is
// being said, and the volume they chose (kiosk/state/, state/key_input.cpp).
struct Access {
    int focus = 0;             // index into focus_items() (state/focus.h)
    bool focus_shown = false;  // a key was pressed this visit: the ring shows
    FocusContext context;
    Speech speech;
    int volume_steps = 0;  // the visitor's volume keys, in steps from the configured level
    // The countdown's own words do not hold the countdown back; what the visitor
    // asked to hear does (speech_holds_idle).
    bool speech_holds_idle = false;
    int64_t heard_until_ms = -1;  // the end of held speech that was replaced or stopped

    bool operator==(const Access& o) const {
        return std::tie(focus, focus_shown, context, speech, volume_steps, speech_holds_idle, heard_until_ms) ==
               std::tie(o.focus, o.focus_shown, o.context, o.speech, o.volume_steps, o.speech_holds_idle,
                        o.heard_until_ms);
    }
};

// What lasts for one visit: everything a visitor changes, from the screen they
// are on to the fingers on the glass. The next visitor gets a new Visit
// (new_visit), never a field-by-field reset, so a field added here starts
// afresh for each visitor without anyone listing it.
struct Visit {
    Screen screen = Screen::Explore;
    Transition transition;

    // The content note's card over Explore at the start of a visit.
    bool content_note_open = false;
    KineticScroll content_note_scroll;  // a note longer than its card, pixels
    bool dragging_content_note = false;

    // Explore
    int selected_event = 0;
    int64_t selection_changed_ms = -1;
    int open_cluster = -1;  // the numbered cluster whose list is open
    KineticScroll strip;    // timeline offset, content pixels at strip_zoom
    float strip_zoom = 1;   // 1: the whole timeline; more: zoomed in (TimelineAxis)
    bool pinching_strip = false;
    KineticScroll card;  // event text offset, pixels
    bool dragging_strip = false;
    bool dragging_card = false;
    KineticScroll cluster_list;  // the open cluster's list of events, pixels
    bool dragging_cluster_list = false;
    int photo_page = 0;  // which of the selected event's photographs the frame shows

    PhotoView photo;

    // Voices
    int quote = 0;
    int64_t quote_changed_ms = -1;
    int quote_direction = 1;     // +1 next, -1 previous: which way the new one slides in
    KineticScroll quote_scroll;  // a quote longer than its box, pixels
    bool dragging_quote = false;
    bool quote_original = false;  // quotes shown as spoken or written, not in translation

    // About
    KineticScroll about;
    bool dragging_about = false;

    VisitorSettings visitor;  // their text size, contrast and language
    bool settings_open = false;

    Access access;  // the keypad's focus and speech

    // Idle: the countdown runs from last_input + idle timeout; then the attract loop.
    int64_t last_input_ms = 0;

    // Staff exit: two fingers held in opposite corners, then the PIN.
    std::vector<CornerHold> corner_holds;
    bool pin_open = false;
    std::string pin_entered;
    int64_t pin_opened_ms = 0;

    GestureRecognizer gestures{GestureConfig{}};

    // Every field, for comparing two visits (operator==). The static_assert
    // below fails to compile when a field is missing here.
    auto fields() const {
        return std::tie(screen, transition, content_note_open, content_note_scroll, dragging_content_note,
                        selected_event, selection_changed_ms, open_cluster, strip, strip_zoom, pinching_strip, card,
                        dragging_strip, dragging_card, cluster_list, dragging_cluster_list, photo_page, photo, quote,
                        quote_changed_ms, quote_direction, quote_scroll, dragging_quote, quote_original, about,
                        dragging_about, visitor, settings_open, access, last_input_ms, corner_holds, pin_open,
                        pin_entered, pin_opened_ms, gestures);
    }
    bool operator==(const Visit& o) const { return fields() == o.fields(); }
    bool operator!=(const Visit& o) const { return !(*this == o); }
};
static_assert(field_count<Visit>() == std::tuple_size_v<decltype(std::declval<const Visit&>().fields())>,
              "Visit::fields() must name every field of Visit");

// What lasts for the kiosk's life, from one visitor to the next.
struct KioskLife {
    int64_t now_ms = 0;            // the time of the latest update or tick
    int64_t attract_start_ms = 0;  // the attract loop's place in its quote rotation
    uint64_t speech_serial = 0;    // utterances asked for so far (Speech::serial)
    bool exit_requested = false;
    PinLock pin_lock;  // wrong PINs; survives closing the pad and the visitor

    // Anonymous counts for the curator.
    VisitStats stats;

    // Outside opening hours the screen is black; a touch wakes it for staff.
    bool screen_off = false;

    // A short message for staff (a USB update installed or refused), shown over
    // whatever screen is up.
    Notice notice;
};

// The exhibit's whole state: the kiosk's life and the current visit. Readers
// name the fields directly (state.screen, state.stats); a new visitor replaces
// the visit whole (state.visit() = new_visit(...)).
struct ExhibitState : KioskLife, Visit {
    Visit& visit() { return *this; }
    const Visit& visit() const { return *this; }
};

constexpr int64_t kCountdownMs = 10000;   // how long "still there?" shows
constexpr int64_t kTransitionMs = 240;    // screen changes
constexpr int64_t kFadeMs = 180;          // card and quote changes
constexpr int64_t kStaffHoldMs = 3000;    // corners held this long open the PIN pad
constexpr int64_t kPinTimeoutMs = 20000;  // an untouched PIN pad closes itself
constexpr int64_t kNoticeMs = 15000;      // a staff message stays this long
constexpr int64_t kStaffWakeMs = 120000;  // outside opening hours the screen stays on this long after a touch

ExhibitState initial_state(const Ui& ui, int64_t now_ms);

// Applies one input event. Returns true when the screen must be redrawn.
bool update(ExhibitState& state, const InputEvent& event, const Ui& ui);

struct TickResult {
    bool redraw = false;                   // something changed since the last tick
    bool animating = false;                // draw again next frame
    std::optional<int64_t> next_deadline;  // when to tick again when nothing animates
    // When a timer next runs out and changes the state (a long press, the attract
    // loop, the PIN pad closing, a notice going): next_deadline without the frames
    // asked for only to redraw (the countdown's seconds, the attract loop's drift).
    // A replay in virtual time ticks at each; what is drawn between is a function
    // of the time it is drawn at.
    std::optional<int64_t> next_timer;
};
// Advances timers and animations to `now_ms` (monotonic or virtual).
TickResult tick(ExhibitState& state, int64_t now_ms, const Ui& ui);

int64_t idle_timeout_ms(const Pack& pack);
const char* screen_name(Screen screen);
bool countdown_visible(const ExhibitState& state, const Pack& pack);
// When the visitor was last active: their last input, or the end of speech they
// asked for (narration keeps the countdown and the attract loop away).
int64_t idle_since_ms(const ExhibitState& state);
// The volume the visitor hears, 0–100: the configured level and their keys.
int volume_percent(const Visit& visit, const KioskConfig& config);
constexpr int kVolumeStep = 10;
// How long "speech is not available" stays on screen at least.
constexpr int64_t kSpeechNoticeMs = 4000;
bool reduced_motion(const Pack& pack);

// Eased progress 0..1 of an animation that started at `start_ms`.
float ease_progress(int64_t start_ms, int64_t now_ms, int64_t duration_ms);

// Screen-level actions, shared by input handlers and tests.
void go_to_screen(ExhibitState& state, Screen screen, int64_t now_ms);
void select_event(ExhibitState& state, int index, const Ui& ui, int64_t now_ms);
// The photograph Explore's frame shows: the selected event's current page, else
// the exhibit's; null when neither exists.
const Photograph* explore_photo(const Visit& visit, const Ui& ui);
// Opens the viewer on the photograph Explore shows.
void open_photo_viewer(ExhibitState& state, const Ui& ui, int64_t now_ms);
// Back to Explore from the viewer, with the event whose photograph was shown
// last selected (that photograph on its frame); the exhibit's own photograph,
// on no event, leaves the selection as it was.
void close_photo_viewer(ExhibitState& state, const Ui& ui, int64_t now_ms);
// A new visitor's visit: Explore, nothing selected or scrolled, idle from `now_ms`.
Visit new_visit(const Ui& ui, int64_t now_ms);
// Shows the content note's card over Explore when the pack asks for it at the
// start of a visit and has a note in the visitor's language.
void open_content_note(ExhibitState& state, const Ui& ui);
// Ends the visit (its statistics) and starts a new one; the kiosk's life goes on.
void reset_for_next_visitor(ExhibitState& state, const Ui& ui, int64_t now_ms);
// Tells the exhibit whether it is within opening hours now (the platform reads
// the wall clock). Closing blanks the screen, once nobody has touched it for
// kStaffWakeMs, and resets for the morning's first visitor; a touch while closed
// wakes it for staff.
void set_opening(ExhibitState& state, bool open_now, const Ui& ui, int64_t now_ms);

// Shows staff a message for a while (kNoticeMs).
void show_notice(ExhibitState& state, std::string text, bool problem, int64_t now_ms);
bool notice_visible(const ExhibitState& state);

// Recomputes scroll ranges after the layout changed (display, text size).
void refresh_scroll_ranges(Visit& visit, const Ui& ui);

}  // namespace kiosk
