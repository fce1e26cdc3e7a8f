#include "layout/attract_photo.h"

#include "layout/quote_measure.h"

#include <algorithm>

namespace kiosk {

AttractPhoto attract_photo_at(const Pack& pack, int64_t ms) {
    constexpr float kFadeMs = 1200;  // as the quotes cross-fade
    const std::vector<const Photograph*> photos = pack.shown_photos();
    if (photos.empty()) return {};
    if (photos.size() == 1) return {photos.front(), 1};
    ms = std::max<int64_t>(0, ms);
    const int64_t in = ms % kAttractQuoteMs;
    const float alpha = std::min({1.f, float(in) / kFadeMs, float(kAttractQuoteMs - in) / kFadeMs});
    return {photos[size_t((ms / kAttractQuoteMs) % int64_t(photos.size()))], alpha};
}

}  // namespace kiosk
