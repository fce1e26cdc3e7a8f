// Whether synthesised speech can be tested on this machine. eSpeak NG lists its
// voices by reading its data folders; a 32-bit (armhf) build run under qemu-user
// on a 64-bit host cannot: its readdir() fails with EOVERFLOW on the host file
// system's 64-bit directory offsets, so eSpeak starts but finds no voice (on an
// armhf board, whose kernel gives a 32-bit process 32-bit offsets, it finds them).
// Only there do tests of synthesised speech skip, saying why; anywhere else a
// missing voice fails them.
#pragma once

#include "speech_synth.h"

inline bool synthesis_untestable_here(const SpeechSynth& synth) {
    return sizeof(void*) == 4 && synth.ok() && !synth.has_voice("en");
}

inline const char* synthesis_untestable_reason() {
    return "eSpeak NG lists no voices: a 32-bit build under qemu-user on a 64-bit host cannot read its voice "
           "folders (readdir EOVERFLOW); synthesised speech is not tested here";
}

// The same, asked of a SpeechSynth made for the question (none may be alive).
inline bool synthesis_untestable_here() {
    const SpeechSynth synth;
    return synthesis_untestable_here(synth);
}
