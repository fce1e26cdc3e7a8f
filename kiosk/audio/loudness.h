// One level for everything the kiosk says: a narrator recorded close to the
// microphone, one recorded from across a room and eSpeak's voice must not make a
// visitor reach for the volume between two labels.
#pragma once

#include "audio/audio_clip.h"

namespace kiosk {

// Speech's level after normalising, as gated RMS (below), in dB below full scale:
// loud enough on a small loudspeaker, with room for the peaks of speech, which
// stand 10 to 15 dB above its RMS.
constexpr double kSpeechLevelDbfs = -20.0;
// The highest a sample may reach after normalising (-1 dBFS): the gain is lowered
// rather than let a peak clip.
constexpr double kPeakCeilingDbfs = -1.0;
// A clip is never raised by more than this: a near-silent file stays quiet
// instead of turning its hiss into a roar.
constexpr double kMaxGainDb = 30.0;

// The clip's level in dBFS (a full-scale square wave is 0): the RMS of its 50 ms
// blocks that are louder than -50 dBFS, so the pauses between sentences and the
// silence before and after do not lower it. -infinity when every block is quieter.
double gated_rms_dbfs(const AudioClip& clip);

struct LoudnessChange {
    double measured_dbfs = 0;   // before
    double gain_db = 0;         // applied
    bool peak_limited = false;  // the gain stopped short of the target to keep the peaks under the ceiling
};

// Scales the clip towards `target_dbfs`, never past kMaxGainDb nor so far that a
// peak passes kPeakCeilingDbfs. A silent clip is left as it is.
LoudnessChange normalise_loudness(AudioClip& clip, double target_dbfs = kSpeechLevelDbfs);

}  // namespace kiosk
