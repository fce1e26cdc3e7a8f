// What the kiosk says for each item a visitor can focus: the words the screen
// shows for it, in the screen's language and order (the exhibit's title and life
// dates, an event's date, headline, text, its "Disputed" note and sources, a
// quote with its speaker and role, a photograph's description and caption, a
// button's label and what it is), each text with the pack's recording of it when
// there is one. Composed from the same functions the screens draw with.
#pragma once

#include "layout/ui_context.h"
#include "state/exhibit_state.h"
#include "state/focus.h"
#include "state/speech.h"

#include <string>
#include <vector>

namespace kiosk {

std::vector<SpeechPart> item_speech(const FocusItem& item, const ExhibitState& s, const Ui& ui);
// The one-sentence guide said at the first key press.
std::vector<SpeechPart> guide_speech(const Ui& ui);
// "Where am I": the screen's name, the position in it, what the keys do.
std::vector<SpeechPart> help_speech(const ExhibitState& s, const Ui& ui);
// The volume as a percentage of full.
std::vector<SpeechPart> volume_speech(int percent, const Ui& ui);
// Whole text of all parts, one line each: transcripts and tests.
std::string speech_text(const std::vector<SpeechPart>& parts);

}  // namespace kiosk
