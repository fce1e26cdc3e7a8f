#include "input/kinetic_scroll.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using kiosk::KineticScroll;

namespace {

constexpr float kLimit = 120;  // the default overscroll limit

// A scroller over [min, max] that the finger held at `at` and let go at time 0
// with `velocity`, after dragging it by `drag` (which may take it past an edge).
KineticScroll released(float at, float velocity, float min = 0, float max = 10000, float drag = 0) {
    KineticScroll k;
    k.set_range(min, max);
    k.jump_to(at);
    k.drag_by(drag, 0);
    k.release(velocity, 0);
    return k;
}

// Steps every `dt` ms from `from` until the scroller rests (or 20 s pass).
struct Run {
    float final_offset = 0;
    int64_t rest_ms = -1;
    float lowest = 0, highest = 0;
    int turns = 0;  // how often the direction of motion reversed
};
Run run(KineticScroll k, int64_t dt, int64_t from = 0) {
    Run r;
    r.lowest = r.highest = k.offset();
    float previous = k.offset(), direction = 0;
    for (int64_t t = from + dt; t <= from + 20000; t += dt) {
        const bool still_moving = k.step(t);
        const float now = k.offset();
        r.lowest = std::min(r.lowest, now);
        r.highest = std::max(r.highest, now);
        if (now != previous) {
            const float d = now > previous ? 1.f : -1.f;
            if (direction != 0 && d != direction) ++r.turns;
            direction = d;
        }
        previous = now;
        if (!still_moving) {
            r.rest_ms = t;
            break;
        }
    }
    r.final_offset = k.offset();
    return r;
}

// The offset every `every` ms up to `until`, stepping every `dt` ms.
std::vector<float> trace(KineticScroll k, int64_t dt, int64_t every, int64_t until) {
    std::vector<float> out{k.offset()};
    for (int64_t t = dt; t <= until; t += dt) {
        k.step(t);
        if (t % every == 0) out.push_back(k.offset());
    }
    return out;
}

}  // namespace

TEST_CASE("a fling glides about velocity × 325 ms and comes exactly to rest", "[kinetic]") {
    SECTION("forwards") {
        const Run r = run(released(5000, 1000), 16);
        CHECK(r.final_offset == Approx(5325).margin(1));
        CHECK(r.rest_ms > 1000);  // it glides, it does not stop dead
        CHECK(r.rest_ms < 3000);
        CHECK(r.turns == 0);
    }
    SECTION("backwards, faster") {
        const Run r = run(released(5000, -4000), 16);
        CHECK(r.final_offset == Approx(5000 - 1300).margin(1));
        CHECK(r.rest_ms < 4000);
        CHECK(r.turns == 0);
    }
    SECTION("decelerating: most of the way in the first τ") {
        KineticScroll k = released(5000, 1000);
        k.step(325);
        CHECK(k.offset() == Approx(5000 + 325 * (1 - std::exp(-1.0))).margin(0.01));
        CHECK(k.moving());
    }
    SECTION("and then stays put") {
        KineticScroll k = released(5000, 1000);
        k.step(10000);
        const float rest = k.offset();
        CHECK_FALSE(k.moving());
        CHECK_FALSE(k.step(20000));
        CHECK(k.offset() == rest);
    }
}

TEST_CASE("a release without velocity inside the range rests at once", "[kinetic]") {
    KineticScroll k = released(300, 0, 0, 1000, 25);
    CHECK_FALSE(k.moving());
    CHECK(k.offset() == 325);
}

TEST_CASE("the result does not depend on how often step() is called", "[kinetic]") {
    struct Scenario {
        const char* name;
        KineticScroll k;
    };
    KineticScroll animated;
    animated.set_range(0, 3000);
    animated.animate_to(2500, 0, 700);
    const Scenario scenarios[] = {
        {"glide inside the range", released(5000, 2500)},
        {"glide into the far edge", released(900, 6000, 0, 1000)},
        {"released beyond the edge", released(0, 300, 0, 1000, -400)},
        {"thrown inwards from beyond the edge", released(1000, -7000, 0, 1000, 150)},
        {"eased", animated},
    };
    for (const Scenario& s : scenarios) {
        INFO(s.name);
        const std::vector<float> fine = trace(s.k, 1, 500, 6000);
        const std::vector<float> frames = trace(s.k, 50, 500, 6000);
        const std::vector<float> coarse = trace(s.k, 500, 500, 6000);
        REQUIRE(fine.size() == coarse.size());
        for (size_t i = 0; i < fine.size(); ++i) {
            CHECK(frames[i] == Approx(fine[i]).margin(1e-3));
            CHECK(coarse[i] == Approx(fine[i]).margin(1e-3));
        }
        const Run a = run(s.k, 1), b = run(s.k, 50);
        CHECK(a.rest_ms > 0);
        CHECK(b.final_offset == a.final_offset);
    }
}

TEST_CASE("a fling into the edge gives softly, never past the limit, and returns exactly to the edge", "[kinetic]") {
    for (const float v : {1500.f, 6000.f, 40000.f, 1e6f}) {
        INFO("velocity " << v);
        const Run r = run(released(900, v, 0, 1000), 1);
        CHECK(r.highest > 1000);           // it does overshoot...
        CHECK(r.highest < 1000 + kLimit);  // ...but never past the limit
        CHECK(r.final_offset == 1000);
        CHECK(r.turns == 1);  // out and back, no oscillation
        CHECK(r.rest_ms > 0);
        CHECK(r.rest_ms < 3000);
    }
    SECTION("the low edge too") {
        const Run r = run(released(100, -5000, 0, 1000), 1);
        CHECK(r.lowest < 0);
        CHECK(r.lowest > -kLimit);
        CHECK(r.final_offset == 0);
        CHECK(r.turns == 1);
    }
    SECTION("a gentle bounce for a gentle fling") {
        const Run r = run(released(900, 1500, 0, 1000), 1);
        CHECK(r.highest < 1000 + 20);
    }
}

TEST_CASE("dragged past the edge, the content resists and springs back when let go", "[kinetic]") {
    KineticScroll k;
    k.set_range(0, 1000);
    k.drag_by(-10, 0);
    CHECK(k.offset() < 0);
    CHECK(k.offset() > -10);  // resistance: less than the finger moved
    k.drag_by(-190, 16);
    const float pulled = k.offset();
    CHECK(pulled < -40);
    k.drag_by(-5000, 32);
    CHECK(k.offset() > -kLimit);
    CHECK_FALSE(k.moving());  // held by the finger: it moves only with it
    k.drag_by(5000, 48);
    CHECK(k.offset() == Approx(pulled));  // and follows the finger back the same way

    k.release(0, 100);
    CHECK(k.moving());
    k.step(400);
    CHECK(k.offset() < 0);
    CHECK(k.offset() > -3);  // settled to the eye within 300 ms
    const Run r = run(k, 16, 400);
    CHECK(r.final_offset == 0);
    CHECK(r.highest <= 0);  // no overshoot into the range
    CHECK(r.rest_ms <= 700);
}

TEST_CASE("thrown hard inwards from beyond the edge, the content glides on inside the range", "[kinetic]") {
    const Run r = run(released(1000, -7000, 0, 1000, 150), 1);
    CHECK(r.highest < 1000 + kLimit);
    CHECK(r.final_offset < 900);
    CHECK(r.final_offset > 0);
    CHECK(r.turns == 0);
}

TEST_CASE("the overscroll limit is configurable, down to none", "[kinetic]") {
    KineticScroll k;
    k.set_range(0, 1000);
    k.set_overscroll_limit(40);
    k.drag_by(-3000, 0);
    CHECK(k.offset() < 0);
    CHECK(k.offset() > -40);
    k.set_overscroll_limit(0);
    CHECK(k.offset() == 0);
    const Run r = run(released(900, 20000, 0, 1000), 1);
    CHECK(r.highest < 1000 + kLimit);
    KineticScroll stiff = released(900, 20000, 0, 1000);
    stiff.set_overscroll_limit(0);
    CHECK(run(stiff, 1).highest == 1000);
}

TEST_CASE("animate_to eases out to a clamped target and arrives at the duration", "[kinetic]") {
    KineticScroll k;
    k.set_range(0, 2000);
    k.animate_to(1000, 100, 400);
    CHECK(k.moving());
    k.step(300);  // halfway in time, 1 - 0.5³ of the way
    CHECK(k.offset() == Approx(875).margin(0.01));
    k.step(450);
    CHECK(k.offset() == Approx(1000 * (1 - 0.125 * 0.125 * 0.125)).margin(0.01));
    CHECK(k.moving());
    CHECK_FALSE(k.step(500));
    CHECK(k.offset() == 1000);

    k.animate_to(5000, 1000, 300);
    k.step(1300);
    CHECK(k.offset() == 2000);
    k.animate_to(-50, 2000, 0);
    CHECK_FALSE(k.moving());
    CHECK(k.offset() == 0);
}

TEST_CASE("stop() catches a glide where it is; release() only lets go of held content", "[kinetic]") {
    KineticScroll k = released(5000, 2000);
    k.step(200);
    const float at = k.offset();
    CHECK(at > 5100);

    SECTION("release() while gliding is ignored") {
        k.release(0, 250);
        CHECK(k.moving());
        CHECK(run(k, 16, 250).final_offset == Approx(5650).margin(1));
    }
    SECTION("stop() rests at once") {
        k.stop();
        CHECK_FALSE(k.moving());
        CHECK_FALSE(k.step(1000));
        CHECK(k.offset() == at);
    }
    SECTION("a drag takes over from the glide where it is at that moment") {
        k.drag_by(10, 300);
        CHECK_FALSE(k.moving());
        KineticScroll undisturbed = released(5000, 2000);
        undisturbed.step(300);
        CHECK(k.offset() == Approx(undisturbed.offset() + 10));
    }
}

TEST_CASE("stop() beyond the edge still lets the content return to it", "[kinetic]") {
    KineticScroll k;
    k.set_range(0, 1000);
    k.jump_to(1000);
    k.drag_by(300, 0);
    k.step(10);
    k.stop();
    CHECK(k.moving());
    CHECK(run(k, 16, 10).final_offset == 1000);
}

TEST_CASE("jump_to clamps; set_range keeps the content inside a changed range", "[kinetic]") {
    KineticScroll k;
    k.set_range(0, 2000);
    k.jump_to(2500);
    CHECK(k.offset() == 2000);
    k.jump_to(-1);
    CHECK(k.offset() == 0);

    SECTION("a range that shrinks under resting content springs it back") {
        k.jump_to(1500);
        k.step(100);
        k.set_range(0, 1000);
        CHECK(k.moving());
        const Run r = run(k, 16, 100);
        CHECK(r.final_offset == 1000);
        CHECK(r.highest < 1000 + kLimit);
    }
    SECTION("a range that shrinks under a glide stops it at the new edge") {
        KineticScroll g = released(5000, 1000);
        g.step(100);
        g.set_range(0, 5100);
        CHECK(run(g, 16, 100).final_offset == 5100);
    }
    SECTION("setting the same range every frame changes nothing") {
        KineticScroll glide = released(5000, 1000), eased = glide;
        eased.animate_to(9000, 0, 500);
        for (KineticScroll g : {glide, eased}) {
            KineticScroll h = g;
            for (int64_t t = 16; t < 3000; t += 16) {
                g.set_range(0, 10000);
                g.step(t);
                h.step(t);
                REQUIRE(g.offset() == h.offset());
            }
        }
    }
    SECTION("an animation retargets into a shrunk range") {
        k.animate_to(1800, 0, 400);
        k.step(100);
        k.set_range(0, 1200);
        k.step(400);
        CHECK(k.offset() == 1200);
        CHECK_FALSE(k.moving());
    }
    SECTION("min above max is an empty range at min") {
        k.set_range(500, 100);
        k.jump_to(0);
        CHECK(k.offset() == 500);
    }
}
