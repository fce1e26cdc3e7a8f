#include "state/exhibit_state.h"

#include "layout/about_measure.h"
#include "layout/content_note_measure.h"
#include "layout/explore_measure.h"
#include "state/screen_input.h"
#include "state/speech.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr int64_t kAttractFrameMs = 100;
constexpr int64_t kSpeechMakingFrameMs = 50;  // the attract loop's slow drift needs 10 frames a second

GestureConfig gesture_config(const Ui& ui) {
    GestureConfig c;
    c.px_per_mm = ui.layouts.explore.px_per_mm;
    return c;
}

int corner_of(const Ui& ui, float x, float y) {
    const float zone = ui.layouts.target * 1.2f;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const bool left = x < zone;
    const bool right = x > W - zone;
    const bool top = y < zone;
    const bool bottom = y > H - zone;
    if (top && left) return 0;
    if (top && right) return 1;
    if (bottom && right) return 2;
    if (bottom && left) return 3;
    return -1;
}

// Two fingers held still in opposite corners long enough: the hidden staff
// gesture. Visitors do not rest two hands in diagonal corners for three seconds.
bool staff_gesture_complete(const ExhibitState& s, int64_t now) {
    for (const auto& a : s.corner_holds)
        for (const auto& b : s.corner_holds)
            if ((a.corner + 2) % 4 == b.corner && now - std::max(a.since_ms, b.since_ms) >= kStaffHoldMs) return true;
    return false;
}

void track_corners(ExhibitState& s, const InputEvent& e, const Ui& ui) {
    auto& holds = s.corner_holds;
    const auto it = std::find_if(holds.begin(), holds.end(), [&](const auto& h) { return h.finger == e.finger; });
    const int corner = e.type == InputEvent::Type::Up ? -1 : corner_of(ui, e.x, e.y);
    if (e.type == InputEvent::Type::Down && corner >= 0) {
        if (it != holds.end()) holds.erase(it);
        holds.push_back({e.finger, corner, e.time_ms});
    } else if (it != holds.end() && corner != it->corner) {
        holds.erase(it);
    }
}

void open_pin_pad(ExhibitState& s, int64_t now) {
    s.pin_open = true;
    s.pin_entered.clear();
    s.pin_opened_ms = now;
    s.corner_holds.clear();
    s.settings_open = false;
    s.gestures.reset();
}

void begin_session(ExhibitState& s, int64_t now) {
    s.stats.in_session = true;
    s.stats.session_start_ms = now;
    s.stats.screen_since_ms = now;
    s.stats.add(StatEvent::Kind::SessionStart);
}

}  // namespace

bool dispatch_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (s.pin_open) return pin_gesture(s, g, ui);
    if (s.content_note_open) return content_note_gesture(s, g, ui);
    if (s.settings_open) return settings_gesture(s, g, ui);
    switch (s.screen) {
        case Screen::Explore: return explore_gesture(s, g, ui);
        case Screen::Photo: return photo_gesture(s, g, ui);
        case Screen::Voices: return voices_gesture(s, g, ui);
        case Screen::About: return about_gesture(s, g, ui);
        case Screen::Attract: return false;
    }
    return false;
}

namespace {

bool dispatch_all(ExhibitState& s, const std::vector<Gesture>& gestures, const Ui& ui) {
    bool changed = false;
    for (const Gesture& g : gestures) changed |= dispatch_gesture(s, g, ui);
    return changed;
}

void set_card_range(Visit& s, const Ui& ui) {
    if (ui.pack.events.empty()) return;
    const CardMetrics m = measure_card(ui, ui.pack.events[size_t(s.selected_event)]);
    s.card.set_range(0, std::max(0.f, m.content_height - m.view_height));
}

}  // namespace

const char* screen_name(Screen screen) {
    switch (screen) {
        case Screen::Explore: return "explore";
        case Screen::Photo: return "photo";
        case Screen::Voices: return "voices";
        case Screen::About: return "about";
        case Screen::Attract: return "attract";
    }
    return "";
}

int64_t idle_timeout_ms(const Pack& pack) { return int64_t(std::max(20, pack.settings.idle_timeout_s)) * 1000; }

bool reduced_motion(const Pack& pack) { return pack.settings.reduced_motion; }

int64_t idle_since_ms(const ExhibitState& s) {
    const int64_t speech_end = s.access.speech_holds_idle ? speech_end_ms(s.access.speech, s.now_ms) : -1;
    return std::max({s.last_input_ms, speech_end, s.access.heard_until_ms});
}

int volume_percent(const Visit& v, const KioskConfig& config) {
    return std::clamp(config.volume + v.access.volume_steps * kVolumeStep, 0, 100);
}

bool countdown_visible(const ExhibitState& s, const Pack& pack) {
    return s.screen != Screen::Attract && !s.pin_open && s.now_ms >= idle_since_ms(s) + idle_timeout_ms(pack);
}

float ease_progress(int64_t start_ms, int64_t now_ms, int64_t duration_ms) {
    if (start_ms < 0 || duration_ms <= 0 || now_ms >= start_ms + duration_ms) return 1;
    const float t = std::clamp(float(now_ms - start_ms) / float(duration_ms), 0.f, 1.f);
    const float inv = 1 - t;
    return 1 - inv * inv * inv;  // ease-out cubic: quick to answer, gentle to settle
}

void go_to_screen(ExhibitState& s, Screen screen, int64_t now_ms) {
    if (s.screen == screen) return;
    if (s.stats.in_session) {
        s.stats.add(StatEvent::Kind::Dwell, screen_name(s.screen), now_ms - s.stats.screen_since_ms);
        s.stats.screen_since_ms = now_ms;
    }
    s.transition = {s.screen, now_ms};
    s.screen = screen;
    s.open_cluster = -1;
    s.settings_open = false;
}

void select_event(ExhibitState& s, int index, const Ui& ui, int64_t now_ms) {
    const int count = int(ui.pack.events.size());
    if (count == 0) return;
    index = std::clamp(index, 0, count - 1);
    if (index == s.selected_event) return;
    s.selected_event = index;
    s.photo_page = 0;
    s.selection_changed_ms = now_ms;
    if (s.stats.in_session) s.stats.add(StatEvent::Kind::EventOpened, ui.pack.events[size_t(index)].id);
    set_card_range(s, ui);
    s.card.jump_to(0);
    reveal_selected(s, ui, now_ms);
}

const Photograph* explore_photo(const Visit& s, const Ui& ui) {
    if (ui.pack.events.empty()) return ui.pack.find_photo(ui.pack.exhibit.photo);
    const size_t event = size_t(std::clamp(s.selected_event, 0, int(ui.pack.events.size()) - 1));
    return ui.pack.event_photo(ui.pack.events[event], s.photo_page);
}

void open_photo_viewer(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    const std::vector<const Photograph*> shown = ui.pack.shown_photos();
    const auto at = std::find(shown.begin(), shown.end(), explore_photo(s, ui));
    s.photo = PhotoView{};
    s.photo.index = at == shown.end() ? 0 : int(at - shown.begin());
    go_to_screen(s, Screen::Photo, now_ms);
}

void close_photo_viewer(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    go_to_screen(s, Screen::Explore, now_ms);
    const Photograph* last = shown_photo(ui, s.photo);
    if (!last || ui.pack.events.empty()) return;
    // The selected event first, so paging back to its own photograph keeps it;
    // then the first event, in time order, that shows the photograph.
    const int count = int(ui.pack.events.size());
    for (int k = -1; k < count; ++k) {
        const int i = k < 0 ? std::clamp(s.selected_event, 0, count - 1) : k;
        const std::vector<std::string>& ids = ui.pack.events[size_t(i)].photos;
        const auto page = std::find(ids.begin(), ids.end(), last->id);
        if (page == ids.end()) continue;
        select_event(s, i, ui, now_ms);
        s.photo_page = int(page - ids.begin());
        return;
    }
}

void refresh_scroll_ranges(Visit& s, const Ui& ui) {
    const TimelineAxis& axis = ui.layouts.explore.axis;
    s.strip_zoom = axis.clamp_zoom(s.strip_zoom);
    s.strip.set_range(0, axis.max_scroll(s.strip_zoom));
    set_card_range(s, ui);
    const AboutLayout& a = ui.layouts.about;
    s.about.set_range(0, std::max(0.f, about_content_height(ui) - a.column.h));
    s.content_note_scroll.set_range(0, content_note_card(ui).max_scroll());
}

Visit new_visit(const Ui& ui, int64_t now_ms) {
    Visit v;
    v.gestures = GestureRecognizer(gesture_config(ui));
    // Each visitor starts in the kiosk's language (the pack's default unless
    // vitrine --language says otherwise), whatever the last one chose.
    v.visitor.language = std::max(0, ui.pack.language_index(ui.config.language));
    v.last_input_ms = now_ms;
    refresh_scroll_ranges(v, ui);
    return v;
}

void open_content_note(ExhibitState& s, const Ui& ui) {
    if (!ui.pack.settings.content_note_at_start || content_note_text(ui).empty()) return;
    s.content_note_open = true;
    s.content_note_scroll.jump_to(0);
}

ExhibitState initial_state(const Ui& ui, int64_t now_ms) {
    ExhibitState s;
    s.visit() = new_visit(ui, now_ms);
    s.now_ms = now_ms;
    return s;
}

void set_opening(ExhibitState& s, bool open_now, const Ui& ui, int64_t now_ms) {
    if (open_now) {
        // The day starts as a boot does: a fresh Explore whose idle time runs from
        // now, not a "Still exploring?" for last night's visitor.
        if (s.screen_off) {
            s.last_input_ms = now_ms;
            open_content_note(s, ui);
        }
        s.screen_off = false;
        return;
    }
    // Never in the middle of a visit or of a staff check.
    if (s.screen_off || now_ms < s.last_input_ms + kStaffWakeMs) return;
    reset_for_next_visitor(s, ui, now_ms);
    s.screen = Screen::Explore;
    s.screen_off = true;
}

void show_notice(ExhibitState& s, std::string text, bool problem, int64_t now_ms) {
    s.notice = {std::move(text), problem, now_ms + kNoticeMs};
}

bool notice_visible(const ExhibitState& s) { return !s.notice.text.empty() && s.now_ms < s.notice.until_ms; }

void reset_for_next_visitor(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    VisitStats& stats = s.stats;
    if (stats.in_session) {
        // The visit ended at its last touch, not when the idle timer ran out.
        const int64_t end = std::max(stats.screen_since_ms, s.last_input_ms);
        stats.add(StatEvent::Kind::Dwell, screen_name(s.screen), end - stats.screen_since_ms);
        stats.add(StatEvent::Kind::SessionEnd, "", end - stats.session_start_ms);
        stats.in_session = false;
    }
    const bool attract = s.screen == Screen::Attract;
    s.visit() = new_visit(ui, now_ms);
    // Keep showing the attract loop if it is on (its place in the quote rotation
    // is the kiosk's); the caller decides where the next visitor starts.
    if (attract) s.screen = Screen::Attract;
}

namespace {

bool apply_input(ExhibitState& s, const InputEvent& e, const Ui& ui) {
    s.now_ms = std::max(s.now_ms, e.time_ms);
    const bool countdown = countdown_visible(s, ui.pack);
    s.last_input_ms = e.time_ms;
    // A finger coming down or a key going down: what wakes the kiosk.
    const bool press = e.type == InputEvent::Type::Down || e.type == InputEvent::Type::Key;

    if (s.screen_off) {
        // Closed: a touch is staff checking the kiosk. Wake for a while; the touch
        // itself does nothing else.
        if (!press) return false;
        s.screen_off = false;
        s.gestures.reset();
        return true;
    }
    if (s.screen == Screen::Attract) {
        // A touch wakes the exhibit: a fresh Explore, nothing left from before.
        if (!press) return false;
        reset_for_next_visitor(s, ui, e.time_ms);
        s.screen = Screen::Explore;
        s.transition = {Screen::Attract, e.time_ms};
        s.gestures.reset();
        open_content_note(s, ui);
        begin_session(s, e.time_ms);
        // A key wakes it for a visitor who may not see it: speech comes on.
        if (e.type == InputEvent::Type::Key) key_input(s, e, ui);
        return true;
    }
    if (!s.stats.in_session && press) begin_session(s, e.time_ms);
    if (countdown) {
        // The touch says "I am still here": it cancels the countdown and nothing else.
        s.gestures.reset();
        return true;
    }
    if (e.type == InputEvent::Type::Key) return key_input(s, e, ui);

    if (!ui.config.staff_pin.empty()) {
        track_corners(s, e, ui);
        if (!s.pin_open && staff_gesture_complete(s, e.time_ms)) {
            open_pin_pad(s, e.time_ms);
            return true;
        }
    }

    std::vector<Gesture> gestures;
    s.gestures.tick(e.time_ms, gestures);
    s.gestures.feed(e, gestures);
    return dispatch_all(s, gestures, ui);
}

}  // namespace

// The visitor may have just chosen another language: what follows is said in it.
Ui in_visitor_language(const Ui& ui, const Visit& s) {
    Ui now = ui;
    const std::vector<std::string>& languages = ui.pack.settings.languages;
    if (size_t(s.visitor.language) < languages.size()) now.lang = languages[size_t(s.visitor.language)];
    return now;
}

bool update(ExhibitState& s, const InputEvent& e, const Ui& ui) {
    const uint64_t said = s.speech_serial;
    bool changed = apply_input(s, e, ui);
    follow_focus(s, in_visitor_language(ui, s), e.time_ms);
    return changed || s.speech_serial != said;
}

namespace {

// The earliest time the exhibit needs its next tick, when nothing animates.
// When to tick again. A frame only redraws; a timer changes the state when it is
// ticked (TickResult::next_timer), so a replay must tick at each of those.
struct Deadlines {
    int64_t now;
    TickResult& r;
    void frame(int64_t at) {
        if (at > now && (!r.next_deadline || at < *r.next_deadline)) r.next_deadline = at;
    }
    void add(int64_t at) {
        frame(at);
        if (at > now && (!r.next_timer || at < *r.next_timer)) r.next_timer = at;
    }
};

// The hidden corner gesture completing, and the PIN pad closing itself or
// counting down a lock.
void tick_staff(ExhibitState& s, int64_t now, const Ui& ui, bool pin_locked_before, TickResult& r, Deadlines& due) {
    if (!ui.config.staff_pin.empty() && !s.pin_open && !s.corner_holds.empty()) {
        if (staff_gesture_complete(s, now)) {
            open_pin_pad(s, now);
            r.redraw = true;
        } else {
            for (const auto& h : s.corner_holds) due.add(h.since_ms + kStaffHoldMs);
        }
    }
    if (!s.pin_open) return;
    if (now >= std::max(s.pin_opened_ms, s.last_input_ms) + kPinTimeoutMs) {
        s.pin_open = false;
        s.pin_entered.clear();
        r.redraw = true;
    } else {
        due.add(std::max(s.pin_opened_ms, s.last_input_ms) + kPinTimeoutMs);
    }
    // A locked pad counts its seconds down, and shows the keys again when it ends.
    if (pin_locked_before) r.redraw = true;
    if (s.pin_lock.locked(now)) due.frame(s.pin_lock.next_change_ms(now));
}

// Idle: countdown, then the attract loop with everything reset.
void tick_idle(ExhibitState& s, int64_t now, const Ui& ui, TickResult& r, Deadlines& due) {
    if (s.screen == Screen::Attract || s.pin_open) return;
    const int64_t countdown_at = idle_since_ms(s) + idle_timeout_ms(ui.pack);
    if (now >= countdown_at + kCountdownMs) {
        reset_for_next_visitor(s, ui, now);
        s.transition = {s.screen, now};
        s.screen = Screen::Attract;
        s.attract_start_ms = now;
        r.redraw = true;
    } else if (now >= countdown_at) {
        // Redraw as each second ticks off.
        due.frame(now + 1000 - (now - countdown_at) % 1000);
        due.add(countdown_at + kCountdownMs);
    } else {
        due.add(countdown_at);
    }
}

// What speech shows on screen at a moment: the caption, and whether "speech is
// not available" shows.
std::pair<const CaptionCue*, bool> speech_view(const Speech& sp, int64_t now) {
    const bool notice = sp.unavailable && now < sp.started_ms + std::max(sp.duration_ms, kSpeechNoticeMs);
    return {caption_at(sp, now), notice};
}

// Speech: its end (the idle timer starts again from there), the captions' changes
// and the "not available" notice going.
void tick_speech(const ExhibitState& s, int64_t before, int64_t now, TickResult& r, Deadlines& due) {
    const Speech& sp = s.access.speech;
    if (sp.started_ms < 0) return;
    if (speech_view(sp, before) != speech_view(sp, now)) r.redraw = true;
    if (sp.unavailable) due.add(sp.started_ms + std::max(sp.duration_ms, kSpeechNoticeMs));
    // Still being made: the platform hands over each part at the next frame.
    if (sp.duration_ms < 0 && sp.paused_ms < 0) due.frame(now + kSpeechMakingFrameMs);
    if (!speaking(sp, now) || sp.paused_ms >= 0 || sp.duration_ms < 0) return;
    due.add(sp.started_ms + sp.duration_ms);
    const int64_t at = speech_position_ms(sp, now);
    for (const CaptionCue& c : sp.captions) {
        if (c.start_ms > at) due.frame(sp.started_ms + c.start_ms);
        if (c.end_ms > at) due.frame(sp.started_ms + c.end_ms);
    }
}

void tick_notice(ExhibitState& s, int64_t now, TickResult& r, Deadlines& due) {
    if (s.notice.text.empty()) return;
    if (now >= s.notice.until_ms) {
        s.notice.text.clear();  // it goes away: one last frame without it
        r.redraw = true;
    } else {
        due.add(s.notice.until_ms);
    }
}

// Animations, each a function of time; true while one runs.
bool tick_animations(ExhibitState& s, int64_t now, const Ui& ui) {
    bool moving = false;
    moving |= s.strip.step(now);
    moving |= s.card.step(now);
    moving |= s.cluster_list.step(now);
    moving |= s.quote_scroll.step(now);
    moving |= s.about.step(now);
    moving |= s.content_note_scroll.step(now);
    moving |= step_photo_zoom(s, ui, now);
    const bool motion = !reduced_motion(ui.pack);
    if (motion && s.transition.start_ms >= 0 && now < s.transition.start_ms + kTransitionMs) moving = true;
    if (motion && s.selection_changed_ms >= 0 && now < s.selection_changed_ms + kFadeMs) moving = true;
    if (motion && s.quote_changed_ms >= 0 && now < s.quote_changed_ms + kFadeMs) moving = true;
    return moving;
}

// The loop drifts slowly; quotes cross-fade over 1.2 s. Neither needs more than
// 10 frames a second, the fade out no more than the fade in: an exhibit nobody
// watches costs the board as little as it can.
void tick_attract(const ExhibitState& s, int64_t now, TickResult& r, Deadlines& due) {
    if (s.screen != Screen::Attract) return;
    r.redraw = true;
    due.frame(now + kAttractFrameMs);
}

}  // namespace

TickResult tick(ExhibitState& s, int64_t now, const Ui& ui) {
    TickResult r;
    if (s.screen_off) {
        s.now_ms = std::max(s.now_ms, now);
        return r;  // a black screen: nothing moves, nothing is due
    }
    const bool countdown_before = countdown_visible(s, ui.pack);
    const bool pin_locked_before = s.pin_lock.locked(s.now_ms);
    const int64_t before = s.now_ms;
    const uint64_t said = s.speech_serial;
    s.now_ms = std::max(s.now_ms, now);

    // A finger resting on the glass until now (or until this tick gives it up as
    // lost) is a visitor still reading.
    const bool finger_resting = !s.gestures.touches().empty();
    std::vector<Gesture> gestures;
    s.gestures.tick(now, gestures);
    r.redraw |= dispatch_all(s, gestures, ui);
    if (finger_resting && s.screen != Screen::Attract) s.last_input_ms = now;

    Deadlines due{now, r};
    if (const auto d = s.gestures.next_deadline()) due.add(*d);
    tick_staff(s, now, ui, pin_locked_before, r, due);
    tick_idle(s, now, ui, r, due);
    if (countdown_visible(s, ui.pack) != countdown_before) r.redraw = true;
    tick_notice(s, now, r, due);
    if (countdown_visible(s, ui.pack)) r.redraw = true;

    follow_focus(s, ui, now);  // the countdown, said when it shows
    if (s.speech_serial != said) r.redraw = true;
    tick_speech(s, before, now, r, due);

    r.animating = tick_animations(s, now, ui);
    r.redraw |= r.animating;
    tick_attract(s, now, r, due);
    return r;
}

}  // namespace kiosk
