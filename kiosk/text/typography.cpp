#include "text/typography.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr RoleSpec kRoles[int(FontRole::Count)] = {
    {Face::SerifRegular, 64, 34},  // Title
    {Face::SerifRegular, 30, 17},  // LifeDates
    {Face::SerifItalic, 28, 16},   // Subtitle
    {Face::SerifRegular, 46, 25},  // Headline
    {Face::SansRegular, 30, 18},   // Body
    {Face::SansRegular, 26, 15},   // DateLabel
    {Face::SansBold, 22, 14},      // SmallCaps
    {Face::SansRegular, 24, 15},   // Caption
    {Face::SansRegular, 22, 14},   // Small
    {Face::SansRegular, 26, 16},   // Button
};

// Extra-large text from the Large sizes: body text (what a visitor reads: the
// event's text, the quotes, About, the settings) to its capital height on the
// glass, and the event's headline a little above it. The title band, the
// timeline's labels, captions and buttons stay at their Large sizes: at 7.3 mm
// they would leave a 10" panel no room for the text itself.
TypeScale extra_large(const Display& display, const TypeScale& large, const CapHeights& caps) {
    TypeScale t = large;
    const Face body_face = kRoles[int(FontRole::Body)].face;
    const float body = std::max(std::ceil(kExtraLargeCapHeightMm * display.px_per_mm() / caps[body_face]),
                                std::round(large[FontRole::Body] * 1.2f));
    t.px[int(FontRole::Body)] = body;
    t.px[int(FontRole::Headline)] = std::max(large[FontRole::Headline], std::round(body * 1.15f));
    return t;
}

}  // namespace

const RoleSpec& role_spec(FontRole role) { return kRoles[int(role)]; }

TypeScale type_scale_for(const Display& display, TextSize size, const CapHeights& caps) {
    if (size == TextSize::ExtraLarge) return extra_large(display, type_scale_for(display, TextSize::Large, caps), caps);
    const bool large_text = size == TextSize::Large;
    TypeScale t;
    // Landscape layouts are designed at 1920×1080, portrait ones at 1080×1920.
    const float design_w = display.portrait() ? 1080.f : 1920.f;
    const float design_h = display.portrait() ? 1920.f : 1080.f;
    t.scale = std::min(display.width / design_w, display.height / design_h);
    const float px_per_mm = display.px_per_mm();
    for (int i = 0; i < int(FontRole::Count); ++i) {
        // The physical floor, in whole pixels rounded up so it is never missed.
        float floor = std::ceil(kMinCapHeightMm * px_per_mm / caps[kRoles[i].face]);
        // Larger text grows the designed size a quarter, and the floor (where it
        // rules: a small panel's smaller roles) a tenth; a panel under 600 pixels
        // high has no room for more than the floor and grows only the rest.
        const float designed = std::max(kRoles[i].design_px * t.scale, kRoles[i].min_px) * (large_text ? 1.25f : 1.f);
        if (large_text && std::min(display.width, display.height) >= 600) floor *= 1.1f;
        t.px[i] = std::round(std::max(designed, floor));
    }
    return t;
}

float cap_height_mm(const TypeScale& scale, FontRole role, const Display& display, const CapHeights& caps) {
    return scale[role] * caps[role_spec(role).face] / display.px_per_mm();
}

}  // namespace kiosk
