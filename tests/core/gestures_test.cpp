#include "input/gestures.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using kiosk::Gesture;
using kiosk::GestureConfig;
using kiosk::GestureRecognizer;
using kiosk::InputEvent;
using Kind = Gesture::Kind;
using Direction = Gesture::Direction;

namespace Catch {
template <>
struct StringMaker<Kind> {
    static std::string convert(Kind k) {
        static const char* const names[] = {"Tap",   "DoubleTap",  "LongPress", "DragStart", "Drag",  "DragEnd",
                                            "Swipe", "PinchStart", "Pinch",     "PinchEnd",  "Cancel"};
        return names[int(k)];
    }
};
}  // namespace Catch

namespace {

// Default configuration: 4 px/mm, so the tap slop is 12 px, a double tap pairs
// within 24 px, another visitor is more than 480 px away and a swipe is faster
// than 240 px/s.
struct Session {
    GestureRecognizer rec;
    std::vector<Gesture> out;

    explicit Session(GestureConfig config = {}) : rec(config) {}
    void down(int f, float x, float y, int64_t t) { rec.feed({InputEvent::Type::Down, f, x, y, t}, out); }
    void move(int f, float x, float y, int64_t t) { rec.feed({InputEvent::Type::Move, f, x, y, t}, out); }
    void up(int f, float x, float y, int64_t t) { rec.feed({InputEvent::Type::Up, f, x, y, t}, out); }
    void tick(int64_t t) { rec.tick(t, out); }

    std::vector<Kind> kinds() const {
        std::vector<Kind> k;
        for (const Gesture& g : out) k.push_back(g.kind);
        return k;
    }
    std::vector<Kind> kinds_except_drags() const {
        std::vector<Kind> k;
        for (const Gesture& g : out)
            if (g.kind != Kind::Drag && g.kind != Kind::Pinch) k.push_back(g.kind);
        return k;
    }
    int count(Kind kind) const {
        int n = 0;
        for (const Gesture& g : out) n += g.kind == kind;
        return n;
    }
    const Gesture& first(Kind kind) const {
        for (const Gesture& g : out)
            if (g.kind == kind) return g;
        FAIL("no gesture of kind " << Catch::StringMaker<Kind>::convert(kind));
        return out.front();
    }
};

// A finger moving in a straight line at a constant velocity (px/s), reported
// every 16 ms as a 60 Hz panel does, from t0 for duration_ms. Returns where it is
// at the end.
struct Point {
    float x, y;
};
Point stroke(Session& s, int finger, Point from, float vx, float vy, int64_t t0, int64_t duration_ms) {
    Point p = from;
    for (int64_t t = t0 + 16; t <= t0 + duration_ms; t += 16) {
        p = {from.x + vx * float(t - t0) / 1000, from.y + vy * float(t - t0) / 1000};
        s.move(finger, p.x, p.y, t);
    }
    return p;
}

// Down at `from`, stroke for 320 ms, up 16 ms later where the stroke would be.
Session fling(int finger, float vx, float vy) {
    Session s;
    const Point from{1000, 600};
    s.down(finger, from.x, from.y, 0);
    stroke(s, finger, from, vx, vy, 0, 320);
    s.up(finger, from.x + vx * 0.336f, from.y + vy * 0.336f, 336);
    return s;
}

}  // namespace

TEST_CASE("a short touch that stays within the slop is one tap where it went down", "[gestures]") {
    Session s;
    s.down(1, 100, 200, 0);
    s.move(1, 108, 205, 30);
    s.up(1, 110, 204, 80);
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::Tap});
    CHECK(s.out[0].x == 100);
    CHECK(s.out[0].y == 200);
    CHECK(s.out[0].time_ms == 80);
    CHECK(s.rec.touches().empty());
    CHECK_FALSE(s.rec.busy());
}

TEST_CASE("the mouse (finger 0) goes through the same path as a touch finger", "[gestures]") {
    const auto script = [](int finger) {
        Session s;
        s.down(finger, 100, 100, 0);
        s.up(finger, 100, 100, 50);
        s.down(finger, 102, 101, 150);
        s.up(finger, 102, 101, 200);
        s.down(finger, 400, 400, 1000);
        stroke(s, finger, {400, 400}, 800, 0, 1000, 200);
        s.up(finger, 400 + 800 * 0.216f, 400, 1216);
        s.down(finger, 700, 700, 3000);
        s.tick(3700);
        s.up(finger, 700, 700, 3800);
        return s.out;
    };
    const std::vector<Gesture> mouse = script(0), touch = script(7);
    REQUIRE(mouse.size() == touch.size());
    for (size_t i = 0; i < mouse.size(); ++i) {
        CHECK(mouse[i].kind == touch[i].kind);
        CHECK(mouse[i].x == touch[i].x);
        CHECK(mouse[i].vx == touch[i].vx);
        CHECK(mouse[i].time_ms == touch[i].time_ms);
    }
    Session s;
    s.out = mouse;
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::Tap, Kind::Tap, Kind::DoubleTap, Kind::DragStart,
                                                      Kind::DragEnd, Kind::Swipe, Kind::LongPress});
}

TEST_CASE("the tap slop is 3 mm of the panel, configurable", "[gestures]") {
    SECTION("11 px at the default 4 px/mm is still a tap") {
        Session s;
        s.down(1, 100, 100, 0);
        s.move(1, 111, 100, 20);
        s.up(1, 111, 100, 40);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
    }
    SECTION("13 px is a drag") {
        Session s;
        s.down(1, 100, 100, 0);
        s.move(1, 113, 100, 20);
        s.up(1, 113, 100, 200);
        CHECK(s.kinds() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd});
    }
    SECTION("a denser panel widens the slop in pixels") {
        GestureConfig c;
        c.px_per_mm = 10;
        Session s(c);
        s.down(1, 100, 100, 0);
        s.move(1, 125, 100, 20);
        s.up(1, 125, 100, 40);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
    }
    SECTION("leaving the slop and coming back is no tap") {
        Session s;
        s.down(1, 100, 100, 0);
        s.move(1, 200, 100, 20);
        s.move(1, 100, 100, 40);
        s.up(1, 100, 100, 60);
        CHECK(s.count(Kind::Tap) == 0);
    }
    SECTION("an up far away with no move before it is a drag, not a tap") {
        Session s;
        s.down(1, 100, 100, 0);
        s.up(1, 160, 100, 100);
        CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd, Kind::Swipe});
    }
}

TEST_CASE("a touch held longer than tap_max_ms is no tap", "[gestures]") {
    GestureConfig c;
    c.long_press_ms = 5000;  // out of the way
    Session s(c);
    s.down(1, 100, 100, 0);
    s.up(1, 100, 100, 701);
    CHECK(s.out.empty());
    s.down(1, 100, 100, 2000);
    s.up(1, 100, 100, 2700);
    CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
}

TEST_CASE("a second tap soon after and near the first adds a DoubleTap", "[gestures]") {
    // double_tap_ms counts from the first tap's up to the second finger's down.
    Session s;
    s.down(1, 300, 300, 0);
    s.up(1, 300, 300, 60);

    SECTION("just inside the time") {
        s.down(1, 310, 305, 360);
        s.up(1, 310, 305, 420);
        REQUIRE(s.kinds() == std::vector<Kind>{Kind::Tap, Kind::Tap, Kind::DoubleTap});
        const Gesture& dbl = s.out[2];
        CHECK(dbl.x == 310);
        CHECK(dbl.y == 305);
        CHECK(dbl.start_x == 300);
        CHECK(dbl.start_y == 300);
        CHECK(dbl.time_ms == 420);
    }
    SECTION("just outside the time") {
        s.down(1, 310, 305, 361);
        s.up(1, 310, 305, 420);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap, Kind::Tap});
    }
    SECTION("too far from the first") {
        s.down(1, 330, 300, 200);
        s.up(1, 330, 300, 250);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap, Kind::Tap});
    }
    SECTION("a third quick tap starts a new pair; the fourth completes it") {
        s.down(1, 300, 300, 200);
        s.up(1, 300, 300, 250);
        s.down(1, 300, 300, 400);
        s.up(1, 300, 300, 450);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap, Kind::Tap, Kind::DoubleTap, Kind::Tap});
        s.down(1, 300, 300, 600);
        s.up(1, 300, 300, 650);
        CHECK(s.count(Kind::DoubleTap) == 2);
    }
    SECTION("a drag in between breaks the pair") {
        s.down(1, 300, 300, 100);
        s.move(1, 400, 300, 120);
        s.up(1, 400, 300, 140);
        s.down(1, 300, 300, 200);
        s.up(1, 300, 300, 240);
        CHECK(s.count(Kind::DoubleTap) == 0);
        CHECK(s.count(Kind::Tap) == 2);
    }
}

TEST_CASE("a finger held still for long_press_ms is one LongPress and its up no tap", "[gestures]") {
    Session s;
    s.down(1, 500, 400, 1000);
    CHECK(s.rec.next_deadline() == 1650);
    s.tick(1649);
    s.move(1, 505, 404, 1600);  // a resting finger trembles, within the slop
    CHECK(s.out.empty());
    s.tick(1650);
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::LongPress});
    CHECK(s.out[0].x == 500);
    CHECK(s.out[0].y == 400);
    CHECK(s.out[0].time_ms == 1650);
    s.tick(2000);
    s.tick(3000);
    s.up(1, 505, 404, 3100);
    CHECK(s.kinds() == std::vector<Kind>{Kind::LongPress});
    CHECK(s.rec.touches().empty());
}

TEST_CASE("a long press comes due in feed() too, before the event that is late", "[gestures]") {
    Session s;
    s.down(1, 500, 400, 0);
    s.up(1, 500, 400, 680);  // no tick in between
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::LongPress});
    CHECK(s.out[0].time_ms == 650);
}

TEST_CASE("a finger that leaves the slop before long_press_ms never long-presses", "[gestures]") {
    Session s;
    s.down(1, 500, 400, 0);
    s.move(1, 540, 400, 300);
    CHECK_FALSE(s.rec.next_deadline() == 650);
    s.tick(1000);
    s.up(1, 540, 400, 1100);
    CHECK(s.count(Kind::LongPress) == 0);
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd});
}

TEST_CASE("after a long press the finger can still drag", "[gestures]") {
    Session s;
    s.down(1, 500, 400, 0);
    s.tick(700);
    s.move(1, 560, 400, 800);
    s.up(1, 560, 400, 1000);
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::LongPress, Kind::DragStart, Kind::DragEnd});
}

TEST_CASE("a drag starts when the finger crosses the slop and reports every step", "[gestures]") {
    Session s;
    s.down(1, 100, 100, 0);
    s.move(1, 105, 102, 100);
    CHECK(s.out.empty());
    s.move(1, 115, 104, 200);
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::DragStart});
    const Gesture start = s.out[0];
    CHECK(start.x == 115);
    CHECK(start.dx == 15);  // all the movement so far, not only past the slop
    CHECK(start.dy == 4);
    CHECK(start.start_x == 100);
    CHECK(start.start_y == 100);
    CHECK(s.rec.busy());

    s.move(1, 130, 90, 300);
    s.move(1, 130, 90, 400);  // no movement, no Drag
    s.move(1, 150, 80, 500);
    s.up(1, 155, 80, 600);  // the last bit comes as a Drag before the DragEnd
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::DragStart, Kind::Drag, Kind::Drag, Kind::Drag, Kind::DragEnd});
    float sum_x = 0, sum_y = 0;
    for (const Gesture& g : s.out) {
        if (g.kind == Kind::DragStart || g.kind == Kind::Drag) {
            sum_x += g.dx;
            sum_y += g.dy;
        }
        CHECK(g.start_x == 100);
    }
    CHECK(sum_x == 55);
    CHECK(sum_y == -20);
    const Gesture& end = s.out.back();
    CHECK(end.x == 155);
    CHECK(end.y == 80);
    CHECK(end.time_ms == 600);
    CHECK_FALSE(s.rec.busy());
}

TEST_CASE("a fling's release velocity has the right sign and size", "[gestures]") {
    SECTION("right at 1000 px/s") {
        const Session s = fling(1, 1000, 0);
        const Gesture& end = s.first(Kind::DragEnd);
        CHECK(end.vx == Approx(1000).epsilon(0.15));
        CHECK(std::abs(end.vy) < 20);
    }
    SECTION("up and to the left") {
        const Session s = fling(1, -600, -800);
        const Gesture& end = s.first(Kind::DragEnd);
        CHECK(end.vx == Approx(-600).epsilon(0.15));
        CHECK(end.vy == Approx(-800).epsilon(0.15));
    }
    SECTION("only the last 100 ms count: a slow start does not drag the estimate down") {
        Session s;
        s.down(1, 0, 0, 0);
        const Point slow = stroke(s, 1, {0, 0}, 50, 0, 0, 400);
        stroke(s, 1, slow, 1500, 0, 400, 160);
        s.up(1, slow.x + 1500 * 0.176f, 0, 576);
        CHECK(s.first(Kind::DragEnd).vx == Approx(1500).epsilon(0.15));
    }
    SECTION("a clock hiccup cannot claim an absurd speed") {
        Session s;
        s.down(1, 0, 0, 0);
        s.move(1, 100, 0, 1);
        s.up(1, 3000, 0, 2);
        const Gesture& end = s.first(Kind::DragEnd);
        CHECK(end.vx > 0);
        CHECK(end.vx <= 8000.5f);  // 2 m/s at 4 px/mm
    }
}

TEST_CASE("a finger that rests before lifting releases with no velocity and no swipe", "[gestures]") {
    SECTION("no events while resting") {
        Session s;
        s.down(1, 100, 100, 0);
        const Point p = stroke(s, 1, {100, 100}, 1000, 0, 0, 200);
        s.up(1, p.x, p.y, 200 + 150);
        CHECK(s.first(Kind::DragEnd).vx == 0);
        CHECK(s.first(Kind::DragEnd).vy == 0);
        CHECK(s.count(Kind::Swipe) == 0);
    }
    SECTION("the panel keeps reporting the resting finger") {
        Session s;
        s.down(1, 100, 100, 0);
        const Point p = stroke(s, 1, {100, 100}, 1000, 0, 0, 200);
        for (int64_t t = 216; t <= 400; t += 16) s.move(1, p.x, p.y, t);
        s.up(1, p.x, p.y, 410);
        CHECK(s.first(Kind::DragEnd).vx == 0);
        CHECK(s.count(Kind::Swipe) == 0);
    }
}

TEST_CASE("a fast release mostly along one axis is also a swipe that way", "[gestures]") {
    struct Case {
        float vx, vy;
        Direction direction;
    };
    const Case cases[] = {{900, 100, Direction::Right},
                          {-900, -300, Direction::Left},
                          {120, -700, Direction::Up},
                          {0, 500, Direction::Down}};
    for (const Case& c : cases) {
        const Session s = fling(2, c.vx, c.vy);
        REQUIRE(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd, Kind::Swipe});
        const Gesture& swipe = s.out.back();
        CHECK(swipe.direction == c.direction);
        CHECK(swipe.vx == s.first(Kind::DragEnd).vx);
        CHECK(swipe.start_x == 1000);
        CHECK(swipe.start_y == 600);
    }
    SECTION("diagonal is no swipe") {
        const Session s = fling(2, 700, 500);
        CHECK(s.count(Kind::Swipe) == 0);
    }
    SECTION("slower than 60 mm/s is no swipe") {
        const Session s = fling(2, -200, 0);
        CHECK(s.first(Kind::DragEnd).vx == Approx(-200).epsilon(0.15));
        CHECK(s.count(Kind::Swipe) == 0);
    }
}

TEST_CASE("two fingers close together pinch; the scales multiply up to the distance ratio", "[gestures]") {
    Session s;
    s.down(1, 400, 500, 0);
    s.down(2, 600, 500, 40);  // 200 px apart
    REQUIRE(s.kinds() == std::vector<Kind>{Kind::PinchStart});
    CHECK(s.out[0].x == 500);
    CHECK(s.out[0].y == 500);
    CHECK(s.out[0].start_x == 400);
    CHECK(s.rec.busy());

    // Spread to 500 px apart and move the centre by (+60, -30), both fingers moving.
    for (int i = 1; i <= 10; ++i) {
        const float spread = 100 + 15 * float(i), cx = 500 + 6 * float(i), cy = 500 - 3 * float(i);
        s.move(1, cx - spread, cy, 40 + 16 * i);
        s.move(2, cx + spread, cy, 48 + 16 * i);
    }
    s.up(2, 810, 470, 300);
    REQUIRE(s.kinds_except_drags() == std::vector<Kind>{Kind::PinchStart, Kind::PinchEnd});
    CHECK(s.count(Kind::Pinch) == 20);
    double scale = 1, cdx = 0, cdy = 0;
    for (const Gesture& g : s.out) {
        if (g.kind != Kind::Pinch) continue;
        scale *= g.scale;
        cdx += g.dx;
        cdy += g.dy;
    }
    CHECK(scale == Approx(500.0 / 200.0).epsilon(1e-4));
    CHECK(cdx == Approx(60).margin(0.01));
    CHECK(cdy == Approx(-30).margin(0.01));
    CHECK(s.out.back().x == Approx(560));
    CHECK(s.out.back().y == Approx(470));
    CHECK_FALSE(s.rec.busy());

    SECTION("the finger left behind neither taps nor drags, even lifted quickly") {
        s.out.clear();
        s.move(1, 200, 470, 320);
        s.up(1, 200, 470, 340);
        CHECK(s.out.empty());
        CHECK(s.rec.touches().empty());
        // And the next touch is an ordinary tap again.
        s.down(1, 100, 100, 1000);
        s.up(1, 100, 100, 1050);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
    }
    SECTION("the finger left behind can pinch again with a new second finger") {
        s.out.clear();
        s.down(3, 400, 470, 400);
        CHECK(s.kinds() == std::vector<Kind>{Kind::PinchStart});
    }
}

TEST_CASE("pinch scale stays finite when both fingers are on the same spot", "[gestures]") {
    Session s;
    s.down(1, 400, 400, 0);
    s.down(2, 400, 400, 10);
    s.move(2, 400, 400.5f, 20);
    s.move(2, 400, 450, 30);
    s.move(2, 400, 400, 40);
    double product = 1;
    for (const Gesture& g : s.out) {
        REQUIRE(std::isfinite(g.scale));
        if (g.kind == Kind::Pinch) product *= g.scale;
    }
    CHECK(product == Approx(1));
}

TEST_CASE("a second finger near a drag ends the drag without a fling and pinches", "[gestures]") {
    Session s;
    s.down(1, 400, 400, 0);
    const Point p = stroke(s, 1, {400, 400}, 1000, 0, 0, 160);
    s.down(2, p.x + 150, p.y, 170);
    REQUIRE(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd, Kind::PinchStart});
    const Gesture& end = s.first(Kind::DragEnd);
    CHECK(end.vx == 0);
    CHECK(end.vy == 0);
    CHECK(s.out.back().start_x == 400);  // the pinch began where the first finger went down
    s.up(1, p.x, p.y, 300);
    CHECK(s.out.back().kind == Kind::PinchEnd);
    CHECK(s.count(Kind::Swipe) == 0);
}

TEST_CASE("a second visitor far away is ignored; the first keeps their gesture", "[gestures]") {
    Session s;
    s.down(1, 200, 500, 0);
    Point p = stroke(s, 1, {200, 500}, 500, 0, 0, 160);
    REQUIRE(s.rec.busy());
    // The other visitor taps (and drags a little) 1400 px away, several times.
    int64_t t = 170;
    for (int i = 0; i < 3; ++i) {
        s.down(2, 1700, 400, t);
        s.move(2, 1760, 400, t + 20);
        p = stroke(s, 1, p, 500, 0, t, 48);
        s.up(2, 1760, 400, t + 60);
        t += 100;
    }
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart});
    CHECK(s.count(Kind::Drag) > 10);
    for (const Gesture& g : s.out) CHECK(g.x < 1000);

    SECTION("the drag ends normally") {
        s.up(1, p.x, p.y, t + 200);
        CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::DragEnd});
    }
    SECTION("the other visitor's finger left down does not block the first one's next tap") {
        s.down(3, 1800, 900, t);
        s.up(1, p.x, p.y, t + 200);
        s.out.clear();
        s.down(1, 300, 300, t + 300);
        s.up(1, 300, 300, t + 350);
        s.up(3, 1800, 900, t + 400);
        REQUIRE(s.kinds() == std::vector<Kind>{Kind::Tap});
        CHECK(s.out[0].x == 300);
    }
}

TEST_CASE("a palm (three fingers at once) cancels once and is ignored until lifted", "[gestures]") {
    Session s;
    SECTION("landing one after another") {
        s.down(1, 500, 500, 0);
        s.down(2, 540, 520, 5);
        s.down(3, 580, 540, 10);
        CHECK(s.kinds() == std::vector<Kind>{Kind::PinchStart, Kind::Cancel});
    }
    SECTION("during a drag: no DragEnd after the Cancel") {
        s.down(1, 500, 500, 0);
        stroke(s, 1, {500, 500}, 800, 0, 0, 100);
        s.down(2, 1200, 520, 110);  // far: ignored, but it counts towards the palm
        s.down(3, 580, 540, 120);
        CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::Cancel});
    }
    SECTION("during a pinch: no PinchEnd after the Cancel") {
        s.down(1, 500, 500, 0);
        s.down(2, 600, 500, 5);
        s.move(2, 650, 500, 20);
        s.down(3, 550, 560, 30);
        CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::PinchStart, Kind::Cancel});
    }
    CHECK_FALSE(s.rec.busy());
    CHECK(s.rec.touches().size() == 3);
    const size_t before = s.out.size();
    s.down(4, 700, 700, 200);
    s.move(1, 900, 900, 210);
    s.move(3, 300, 300, 220);
    s.up(1, 900, 900, 230);
    s.up(2, 600, 500, 240);
    s.tick(2000);
    s.up(3, 300, 300, 250);
    CHECK(s.out.size() == before);
    CHECK(s.rec.touches().size() == 1);
    s.up(4, 700, 700, 260);
    CHECK(s.out.size() == before);
    CHECK(s.rec.touches().empty());
    // Every finger is up: the next touch is a tap again.
    s.down(1, 100, 100, 3000);
    s.up(1, 100, 100, 3040);
    CHECK(s.out.back().kind == Kind::Tap);
}

TEST_CASE("max_fingers raises the palm threshold", "[gestures]") {
    GestureConfig c;
    c.max_fingers = 3;
    Session s(c);
    s.down(1, 500, 500, 0);
    s.down(2, 600, 500, 5);
    s.down(3, 550, 560, 10);  // a third finger has no part in the pinch
    s.move(3, 450, 600, 20);
    CHECK(s.kinds() == std::vector<Kind>{Kind::PinchStart});
    s.down(4, 560, 580, 30);
    CHECK(s.kinds() == std::vector<Kind>{Kind::PinchStart, Kind::Cancel});
}

TEST_CASE("a finger-up that never comes is dropped after stuck_touch_ms", "[gestures]") {
    Session s;
    s.down(1, 100, 100, 0);
    stroke(s, 1, {100, 100}, 500, 0, 0, 160);  // last event at 160
    REQUIRE(s.rec.busy());
    CHECK(s.rec.next_deadline() == 160 + 8000);
    s.tick(8159);
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart});
    s.tick(8160);
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::Cancel});
    CHECK(s.out.back().time_ms == 8160);
    CHECK(s.rec.touches().empty());
    CHECK_FALSE(s.rec.busy());
    CHECK_FALSE(s.rec.next_deadline());

    // The up that finally arrives, or a move, belongs to nobody.
    const size_t before = s.out.size();
    s.move(1, 300, 100, 9000);
    s.up(1, 300, 100, 9010);
    CHECK(s.out.size() == before);
    // A later down works normally.
    s.down(1, 500, 500, 10000);
    s.up(1, 500, 500, 10060);
    CHECK(s.out.back().kind == Kind::Tap);
}

TEST_CASE("stuck fingers that were not dragging are dropped without a Cancel", "[gestures]") {
    Session s;
    s.down(1, 100, 100, 0);
    s.down(2, 1500, 100, 10);  // another visitor
    s.tick(20000);
    CHECK(s.kinds() == std::vector<Kind>{Kind::LongPress});
    CHECK(s.rec.touches().empty());
}

TEST_CASE("a stuck pinch finger cancels the pinch; the other one is left inert", "[gestures]") {
    Session s;
    s.down(1, 400, 400, 0);
    s.down(2, 600, 400, 10);
    s.move(1, 380, 400, 5000);  // finger 1 keeps reporting, finger 2 went silent
    s.tick(8010);
    CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::PinchStart, Kind::Cancel});
    REQUIRE(s.rec.touches().size() == 1);
    CHECK(s.rec.touches()[0].finger == 1);
    s.up(1, 380, 400, 8100);
    CHECK(s.out.back().kind == Kind::Cancel);
}

TEST_CASE("a second down for a finger that is down means its up was lost", "[gestures]") {
    SECTION("a drag is cancelled and the finger starts fresh") {
        Session s;
        s.down(1, 100, 100, 0);
        stroke(s, 1, {100, 100}, 500, 0, 0, 100);
        s.down(1, 800, 800, 500);
        CHECK(s.kinds_except_drags() == std::vector<Kind>{Kind::DragStart, Kind::Cancel});
        REQUIRE(s.rec.touches().size() == 1);
        CHECK(s.rec.touches()[0].down_x == 800);
        s.up(1, 800, 800, 550);
        CHECK(s.out.back().kind == Kind::Tap);
        CHECK(s.out.back().x == 800);
    }
    SECTION("a press is forgotten without a tap or a Cancel") {
        Session s;
        s.down(1, 100, 100, 0);
        s.down(1, 800, 800, 100);
        s.up(1, 800, 800, 150);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
    }
}

TEST_CASE("stray and disordered events do no harm", "[gestures]") {
    Session s;
    s.up(5, 100, 100, 0);
    s.move(5, 100, 100, 10);
    CHECK(s.out.empty());
    CHECK(s.rec.touches().empty());

    SECTION("a tap with down and up at the same instant") {
        s.down(1, 100, 100, 50);
        s.up(1, 100, 100, 50);
        CHECK(s.kinds() == std::vector<Kind>{Kind::Tap});
    }
    SECTION("a drag whose events all have the same time") {
        s.down(1, 100, 100, 50);
        s.move(1, 200, 100, 50);
        s.move(1, 300, 100, 50);
        s.up(1, 400, 100, 50);
        const Gesture& end = s.first(Kind::DragEnd);
        CHECK(end.vx == 0);
        CHECK(end.vy == 0);
    }
    SECTION("time running backwards") {
        s.down(1, 100, 100, 1000);
        s.move(1, 200, 100, 900);
        s.move(1, 300, 120, 950);
        s.move(1, 250, 120, 400);
        s.up(1, 260, 100, 800);
        const Gesture& end = s.first(Kind::DragEnd);
        CHECK(std::isfinite(end.vx));
        CHECK(std::isfinite(end.vy));
        s.tick(0);
        CHECK(s.rec.touches().empty());
    }
}

TEST_CASE("next_deadline names the long press, then the stuck-touch timeout, then nothing", "[gestures]") {
    Session s;
    CHECK_FALSE(s.rec.next_deadline());
    s.tick(100000);
    CHECK(s.out.empty());
    s.down(1, 100, 100, 1000);
    CHECK(s.rec.next_deadline() == 1650);
    s.tick(1650);
    CHECK(s.rec.next_deadline() == 9000);
    s.move(1, 102, 100, 2000);
    CHECK(s.rec.next_deadline() == 10000);
    s.up(1, 102, 100, 2100);
    CHECK_FALSE(s.rec.next_deadline());
}

TEST_CASE("touches() reports the fingers that are down, and reset() forgets them", "[gestures]") {
    Session s;
    s.down(3, 10, 20, 100);
    s.move(3, 50, 20, 150);
    s.down(4, 1900, 1000, 200);  // another visitor: still reported, for staff corner gestures
    REQUIRE(s.rec.touches().size() == 2);
    const GestureRecognizer::Touch& t = s.rec.touches()[0];
    CHECK(t.finger == 3);
    CHECK(t.x == 50);
    CHECK(t.down_x == 10);
    CHECK(t.down_ms == 100);
    CHECK(t.last_ms == 150);
    CHECK(t.moved);
    CHECK_FALSE(s.rec.touches()[1].moved);

    s.rec.reset();
    CHECK(s.rec.touches().empty());
    CHECK_FALSE(s.rec.busy());
    CHECK_FALSE(s.rec.next_deadline());
    s.out.clear();
    s.up(3, 50, 20, 300);
    s.up(4, 1900, 1000, 300);
    CHECK(s.out.empty());
}
