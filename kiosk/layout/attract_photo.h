// Which photograph the attract loop pans over, and how visible it is: the
// exhibit's photographs (Pack::shown_photos) in turn, one per quote, each fading
// in and out at the change so the loop never cuts from one to the next. With
// one photograph it simply stays, fully visible, as the loop always had it.
#pragma once

#include "pack/pack.h"

#include <cstdint>

namespace kiosk {

struct AttractPhoto {
    const Photograph* photo = nullptr;  // null: the exhibit has no photograph
    float alpha = 1;                    // 0..1
};

// The photograph the attract loop shows `ms` into the loop.
AttractPhoto attract_photo_at(const Pack& pack, int64_t ms);

}  // namespace kiosk
