// The timeline strip drawn for a dense and a sparse timeline at three sizes, at
// the outermost zoom and zoomed in, through SDL's software renderer. Nothing is
// compared: the screenshots land in the test output folder (strip-*.png) to be
// looked at; the test checks that zooming in changed the strip's zoom.
#include "../core/strip_packs.h"
#include "scripted_kiosk.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

struct Kiosk : platform::ScriptedKiosk {
    Kiosk(int w, int h, kiosk::PackLoadResult pack) {
        std::string error;
        REQUIRE(open(w, h, std::move(pack), kiosk::KioskConfig{}, &error));
    }
    void save(const std::string& name) {
        std::string error;
        CHECK(save_shot(std::string(VITRINE_TEST_OUTPUT) + "/strip-" + name + "-" + std::to_string(width()) + "x" +
                            std::to_string(height()) + ".png",
                        &error));
    }
    // Two fingers spread apart across the strip's middle, `times` times.
    void spread(int times) {
        const kiosk::ExploreLayout& l = layouts().explore;
        const float cx = (l.axis.view_left + l.axis.view_right) / 2, y = l.axis.y;
        for (int n = 0; n < times; ++n) {
            std::ostringstream s;
            s << "100 down 0 " << cx - 30 << " " << y << "\n110 down 1 " << cx + 30 << " " << y << "\n";
            for (int i = 1; i <= 8; ++i)
                s << 110 + i * 16 << " move 0 " << cx - 30 - 15 * i << " " << y << "\n"
                  << 112 + i * 16 << " move 1 " << cx + 30 + 15 * i << " " << y << "\n";
            s << 400 << " up 0 " << cx - 150 << " " << y << "\n410 up 1 " << cx + 150 << " " << y << "\n";
            play(s.str());
            wait(600);
        }
    }
};

const std::pair<int, int> kSizes[] = {{800, 480}, {1920, 1080}, {720, 1280}};

}  // namespace

TEST_CASE("a dense and a sparse timeline drawn whole and zoomed in", "[strip]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    {
        Kiosk k(size.first, size.second, events_on(dense_year()));
        k.wait(1000);
        k.save("dense");
        // Next to the fourth event, a day after the third: the strip zooms to days.
        for (int i = 0; i < 3; ++i) k.tap(k.layouts().explore.button[int(kiosk::Button::Next)]);
        k.wait(1000);
        CHECK(k.view().state().strip_zoom > 1);
        k.save("dense-zoomed");
    }
    {
        Kiosk k(size.first, size.second, events_on(sparse()));
        k.wait(1000);
        k.save("sparse");
        k.spread(3);
        CHECK(k.view().state().strip_zoom > 1);
        k.save("sparse-zoomed");
    }
}
