#include "audio/loudness.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace kiosk {

namespace {

constexpr double kFullScale = 32768.0;
constexpr double kGateDbfs = -50.0;
constexpr int kBlockMs = 50;

double db_to_ratio(double db) { return std::pow(10.0, db / 20.0); }

}  // namespace

double gated_rms_dbfs(const AudioClip& clip) {
    if (clip.rate <= 0 || clip.samples.empty()) return -std::numeric_limits<double>::infinity();
    const size_t block = std::max<size_t>(1, size_t(clip.rate) * kBlockMs / 1000);
    // Mean square relative to full scale; the gate compares each block with it.
    const double gate = std::pow(db_to_ratio(kGateDbfs), 2);
    double kept_energy = 0;
    size_t kept_samples = 0;
    for (size_t start = 0; start < clip.samples.size(); start += block) {
        const size_t end = std::min(clip.samples.size(), start + block);
        double energy = 0;
        for (size_t i = start; i < end; ++i) {
            const double s = clip.samples[i] / kFullScale;
            energy += s * s;
        }
        if (energy / double(end - start) < gate) continue;
        kept_energy += energy;
        kept_samples += end - start;
    }
    if (kept_samples == 0) return -std::numeric_limits<double>::infinity();
    // A square wave at full scale reads 0 dBFS, a sine at full scale -3 dBFS.
    return 10.0 * std::log10(kept_energy / double(kept_samples));
}

LoudnessChange normalise_loudness(AudioClip& clip, double target_dbfs) {
    LoudnessChange change;
    change.measured_dbfs = gated_rms_dbfs(clip);
    if (!std::isfinite(change.measured_dbfs)) return change;
    int peak = 0;
    for (int16_t s : clip.samples) peak = std::max(peak, std::abs(int(s)));
    double gain_db = std::min(target_dbfs - change.measured_dbfs, kMaxGainDb);
    const double peak_dbfs = 20.0 * std::log10(peak / kFullScale);
    if (peak_dbfs + gain_db > kPeakCeilingDbfs) {
        gain_db = kPeakCeilingDbfs - peak_dbfs;
        change.peak_limited = true;
    }
    change.gain_db = gain_db;
    const double gain = db_to_ratio(gain_db);
    for (int16_t& s : clip.samples) {
        const long v = std::lround(s * gain);
        s = int16_t(std::clamp<long>(v, -32768, 32767));
    }
    return change;
}

}  // namespace kiosk
