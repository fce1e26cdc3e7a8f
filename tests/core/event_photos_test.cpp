// Photographs on events: how the loader reads `photo` and `photos` and refuses
// an empty card, which photograph Explore's frame shows, the viewer's order and
// what closing it selects, and the attract loop's turn through them.
#include "event_photo_pack.h"
#include "exhibit_fixture.h"
#include "layout/attract_photo.h"
#include "layout/quote_measure.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"
#include "pack/photo_budget.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;
using kiosk::Screen;

namespace {

std::string messages(const PackLoadResult& r) {
    std::string text;
    for (const Diagnostic& d : r.diagnostics) text += d.to_string() + "\n";
    return text;
}

// The one error whose message has every one of `words`.
const Diagnostic& error_with(const PackLoadResult& r, const std::vector<std::string>& words) {
    INFO(messages(r));
    const auto has_all = [&](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error &&
               std::all_of(words.begin(), words.end(),
                           [&](const std::string& w) { return d.message.find(w) != std::string::npos; });
    };
    REQUIRE(std::count_if(r.diagnostics.begin(), r.diagnostics.end(), has_all) == 1);
    return *std::find_if(r.diagnostics.begin(), r.diagnostics.end(), has_all);
}

std::vector<std::string> ids(const std::vector<const kiosk::Photograph*>& photos) {
    std::vector<std::string> out;
    for (const kiosk::Photograph* p : photos) out.push_back(p->id);
    return out;
}

// An extra event, after the three of the pack, at `date` with `body` as its keys.
std::string extra_event(const std::string& id, const std::string& body) {
    return "\n[[events]]\nid = \"" + id + "\"\ndate = \"1980\"\nsources = [\"src\"]\n" + body;
}

bool overlaps(const kiosk::Rect& a, const kiosk::Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

// The line in the written pack.toml where `needle` first appears (1-based).
int line_of(const std::string& dir, const std::string& needle) {
    std::ifstream in(dir + "/pack.toml");
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
        if (line.find(needle) != std::string::npos) return n;
    return -1;
}

}  // namespace

TEST_CASE("an event names one photograph with photo or several, in order, with photos", "[event-photos]") {
    const PackLoadResult r = kiosk::load_pack(event_photo_pack::write("loads"));
    INFO(messages(r));
    REQUIRE(r.ok());
    const auto& events = r.pack.events;
    REQUIRE(events.size() == 3);
    CHECK(events[0].photos == std::vector<std::string>{"red"});
    CHECK(events[1].photos == std::vector<std::string>{"green", "blue"});
    CHECK(events[2].photos.empty());
    // Each keeps its own caption and credit.
    CHECK(r.pack.event_photo(events[1], 1)->credit.in("en") == "Photograph: test blue");
    // An event without one shows the exhibit's; a page past the end, the last.
    CHECK(r.pack.event_photo(events[2])->id == "cover");
    CHECK(r.pack.event_photo(events[1], 5)->id == "blue");
}

TEST_CASE("photo and photos together, an unknown id and a repeated one are refused", "[event-photos]") {
    SECTION("both") {
        const std::string dir = event_photo_pack::write(
            "both",
            extra_event("both", "headline.en = \"Both\"\ntext.en = \"\"\nphoto = \"red\"\nphotos = [\"blue\"]\n"));
        const PackLoadResult r = kiosk::load_pack(dir);
        CHECK_FALSE(r.ok());
        const Diagnostic& d = error_with(r, {"event 'both'", "both 'photo' and 'photos'"});
        CHECK(d.line == line_of(dir, "photos = [\"blue\"]") - 1);  // its 'photo' line
    }
    SECTION("unknown id in photos") {
        const std::string dir = event_photo_pack::write(
            "unknown", extra_event("unknown", "headline.en = \"U\"\ntext.en = \"\"\nphotos = [\"red\", \"bleu\"]\n"));
        const PackLoadResult r = kiosk::load_pack(dir);
        CHECK_FALSE(r.ok());
        const Diagnostic& d = error_with(r, {"event 'unknown'", "bleu"});
        CHECK(d.line == line_of(dir, "\"bleu\""));
    }
    SECTION("unknown id in photo") {
        const PackLoadResult r = kiosk::load_pack(event_photo_pack::write(
            "unknown-one", extra_event("unknown", "headline.en = \"U\"\ntext.en = \"\"\nphoto = \"rde\"\n")));
        CHECK_FALSE(r.ok());
        error_with(r, {"event 'unknown'", "rde"});
    }
    SECTION("twice") {
        const PackLoadResult r = kiosk::load_pack(event_photo_pack::write(
            "twice", extra_event("twice", "headline.en = \"T\"\ntext.en = \"\"\nphotos = [\"red\", \"red\"]\n")));
        CHECK_FALSE(r.ok());
        error_with(r, {"event 'twice'", "'red' twice"});
    }
}

TEST_CASE("an event with no headline, no text and no photograph is refused; a photograph needs no text",
          "[event-photos]") {
    SECTION("empty") {
        const std::string dir = event_photo_pack::write("empty", extra_event("blank", "text.en = \"\"\n"));
        const PackLoadResult r = kiosk::load_pack(dir);
        CHECK_FALSE(r.ok());
        const Diagnostic& d = error_with(r, {"event 'blank'", "no headline, no text and no photograph"});
        CHECK(d.line == line_of(dir, "id = \"blank\"") - 1);  // the [[events]] line
        // Said once: not also as a missing headline.
        CHECK(messages(r).find("missing required key 'headline'") == std::string::npos);
    }
    SECTION("a headline and a photograph, without text") {
        const PackLoadResult r = kiosk::load_pack(
            event_photo_pack::write("pictured", extra_event("pictured", "headline.en = \"P\"\nphoto = \"blue\"\n")));
        INFO(messages(r));
        CHECK(r.ok());
    }
    SECTION("a photograph without a headline: the headline is still required") {
        const PackLoadResult r =
            kiosk::load_pack(event_photo_pack::write("no-headline", extra_event("pictured", "photo = \"blue\"\n")));
        CHECK_FALSE(r.ok());
        error_with(r, {"missing required key 'headline'"});
    }
    SECTION("a headline without text or photograph") {
        const PackLoadResult r = kiosk::load_pack(event_photo_pack::write(
            "headline-only", extra_event("words", "headline.en = \"Words\"\ntext.en = \"\"\n")));
        INFO(messages(r));
        CHECK(r.ok());
    }
    SECTION("no headline and no photograph, but text: the headline is still required") {
        const PackLoadResult r =
            kiosk::load_pack(event_photo_pack::write("text-only", extra_event("text", "text.en = \"Some text.\"\n")));
        CHECK_FALSE(r.ok());
        error_with(r, {"missing required key 'headline'"});
    }
}

TEST_CASE("the viewer pages through the exhibit's photograph then the events', each once", "[event-photos]") {
    // 'first' names the exhibit's own photograph too: it is then not put first.
    const PackLoadResult shared = kiosk::load_pack(event_photo_pack::write(
        "order-shared",
        extra_event("again", "headline.en = \"Again\"\ntext.en = \"\"\nphotos = [\"cover\", \"red\"]\n")));
    REQUIRE(shared.ok());
    CHECK(ids(shared.pack.shown_photos()) == std::vector<std::string>{"red", "green", "blue", "cover"});

    ExhibitFixture f(1920, 1080, 0, kiosk::TextSize::Standard, event_photo_pack::write("order"));
    REQUIRE(f.app.exhibit_loaded());
    CHECK(ids(f.pack().shown_photos()) == std::vector<std::string>{"cover", "red", "green", "blue"});

    // Explore shows the selected event's photograph; tapping opens the viewer on it.
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "red");
    f.replay(f.tap(kiosk::photo_frame_for(f.explore(), kiosk::explore_photo(f.state, f.ui())).frame, 100));
    REQUIRE(f.state.screen == Screen::Photo);
    CHECK(kiosk::shown_photo(f.ui(), f.state.photo)->id == "red");

    const auto swipe = [&](float dx) { f.replay(f.drag(960 - dx / 2, 540, dx, 0, 120, 300)); };
    swipe(-600);  // to the next
    CHECK(kiosk::shown_photo(f.ui(), f.state.photo)->id == "green");
    swipe(-600);
    CHECK(kiosk::shown_photo(f.ui(), f.state.photo)->id == "blue");
    swipe(-600);  // the last stays
    CHECK(kiosk::shown_photo(f.ui(), f.state.photo)->id == "blue");
    swipe(600);
    swipe(600);
    swipe(600);
    CHECK(kiosk::shown_photo(f.ui(), f.state.photo)->id == "cover");
    swipe(600);  // the first stays
    CHECK(f.state.photo.index == 0);

    // Zoomed in, a sideways swipe pans instead of turning the page.
    swipe(-600);
    REQUIRE(f.state.photo.index == 1);
    f.replay(f.tap(960, 540, 400) + f.tap(960, 540, 600));
    f.advance_to(f.now + 1000);
    REQUIRE(f.state.photo.zoom > 2);
    swipe(-600);
    CHECK(f.state.photo.index == 1);
}

TEST_CASE("closing the viewer selects the event whose photograph was shown last", "[event-photos]") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, event_photo_pack::write("close"));
    REQUIRE(f.app.exhibit_loaded());
    const auto open = [&] {
        f.replay(f.tap(kiosk::photo_frame_for(f.explore(), kiosk::explore_photo(f.state, f.ui())).frame, 300));
        REQUIRE(f.state.screen == Screen::Photo);
    };
    const auto swipe_left = [&] { f.replay(f.drag(900, 400, -500, 0, 120, 300)); };
    const auto close = [&] {
        f.replay(f.tap(f.layouts.photo.bar.back, 300));
        REQUIRE(f.state.screen == Screen::Explore);
    };

    // From 'first' (red) on to 'blue', the second event's second photograph.
    open();
    swipe_left();
    swipe_left();
    REQUIRE(kiosk::shown_photo(f.ui(), f.state.photo)->id == "blue");
    close();
    CHECK(f.state.selected_event == 1);
    CHECK(f.state.photo_page == 1);
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "blue");

    // The exhibit's own photograph is on no event: the selection stays.
    kiosk::select_event(f.state, 2, f.ui(), f.now);
    REQUIRE(kiosk::explore_photo(f.state, f.ui())->id == "cover");
    open();
    CHECK(f.state.photo.index == 0);
    close();
    CHECK(f.state.selected_event == 2);
}

TEST_CASE("a swipe on Explore's frame turns an event's photographs; another event starts at its first",
          "[event-photos]") {
    ExhibitFixture f(800, 480, 0, kiosk::TextSize::Standard, event_photo_pack::write("explore-swipe"));
    REQUIRE(f.app.exhibit_loaded());
    kiosk::select_event(f.state, 1, f.ui(), f.now);
    const auto frame = [&] { return kiosk::photo_frame_for(f.explore(), kiosk::explore_photo(f.state, f.ui())).frame; };
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "green");
    kiosk::Rect r = frame();
    f.replay(f.drag(r.x + r.w * 0.9f, r.y + r.h / 2, -r.w * 0.8f, 0, 100, 300));
    CHECK(f.state.photo_page == 1);
    CHECK(f.state.selected_event == 1);  // not the card's swipe to the next event
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "blue");
    r = frame();
    f.replay(f.drag(r.x + r.w * 0.1f, r.y + r.h / 2, r.w * 0.8f, 0, 100, 300));
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "green");

    kiosk::select_event(f.state, 2, f.ui(), f.now);
    CHECK(f.state.photo_page == 0);
    CHECK(kiosk::explore_photo(f.state, f.ui())->id == "cover");
}

TEST_CASE("every photograph's frame and caption fit between the title and the card at every size", "[event-photos]") {
    const std::string dir = event_photo_pack::write("fit");
    const std::pair<int, int> sizes[] = {{800, 480},   {1280, 800}, {1920, 1080},
                                         {3840, 2160}, {720, 1280}, {1080, 1920}};
    for (const auto& [w, h] : sizes) {
        ExhibitFixture f(w, h, 0, kiosk::TextSize::Standard, dir);
        REQUIRE(f.app.exhibit_loaded());
        const kiosk::ExploreLayout& l = f.explore();
        for (const kiosk::Photograph* p : f.pack().shown_photos()) {
            INFO(w << "x" << h << " " << p->id);
            const kiosk::PhotoFrame placed = kiosk::photo_frame_for(l, p);
            // The frame keeps the photograph's shape (within rounding and its border).
            const float border = kiosk::photo_border(l.unit);
            CHECK((placed.frame.w - 2 * border) / (placed.frame.h - 2 * border) ==
                  Approx(float(p->width) / float(p->height)).epsilon(0.03));
            CHECK(placed.frame.y >= l.divider_top);
            CHECK(placed.frame.x >= l.photo_area.x - 0.5f);
            CHECK(placed.frame.right() <= l.photo_area.right() + 0.5f);
            CHECK(placed.caption.y == placed.frame.bottom());
            // The caption with the page dots ends before the card (portrait) or
            // the strip (landscape), and never meets the card.
            const float limit = l.portrait ? l.card.y : l.strip.y;
            CHECK(placed.caption.bottom() <= limit);
            CHECK_FALSE(overlaps(placed.frame, l.card));
            CHECK_FALSE(overlaps(placed.caption, l.card));
            // Seen at 1 cm or more, and a full fingertip to open the viewer:
            // a tall portrait beside the card on a 7-inch panel is narrower than
            // 15 mm, and its touch area grows to 15 mm around it.
            CHECK(placed.frame.w >= 10 * l.px_per_mm);
            CHECK(placed.frame.h >= l.target);
            const kiosk::Rect hit = kiosk::grow_to(placed.frame, l.target);
            CHECK(hit.w >= l.target);
            CHECK_FALSE(overlaps(hit, l.card));
        }
    }
}

TEST_CASE("the attract loop turns through the photographs, one per quote, fading between them", "[event-photos]") {
    const PackLoadResult r = kiosk::load_pack(event_photo_pack::write("attract"));
    REQUIRE(r.ok());
    const int64_t q = kiosk::kAttractQuoteMs;
    CHECK(kiosk::attract_photo_at(r.pack, q / 2).photo->id == "cover");
    CHECK(kiosk::attract_photo_at(r.pack, q / 2).alpha == 1);
    CHECK(kiosk::attract_photo_at(r.pack, q + q / 2).photo->id == "red");
    CHECK(kiosk::attract_photo_at(r.pack, 2 * q + q / 2).photo->id == "green");
    CHECK(kiosk::attract_photo_at(r.pack, 3 * q + q / 2).photo->id == "blue");
    CHECK(kiosk::attract_photo_at(r.pack, 4 * q + q / 2).photo->id == "cover");
    // At a change the photograph fades out and the next in.
    CHECK(kiosk::attract_photo_at(r.pack, q - 100).alpha < 0.2f);
    CHECK(kiosk::attract_photo_at(r.pack, q + 100).alpha < 0.2f);

    // One photograph: it stays, fully visible, as the loop always showed it.
    const PackLoadResult one = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(one.ok());
    for (int64_t t : {int64_t(0), q - 50, q, 7 * q + 30})
        CHECK(kiosk::attract_photo_at(one.pack, t).photo == one.pack.find_photo(one.pack.exhibit.photo));
    CHECK(kiosk::attract_photo_at(one.pack, q - 50).alpha == 1);
}

TEST_CASE("forty photographs on forty events are uploaded within the photographs' memory budget", "[event-photos]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "event-photos" / "forty";
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    std::string toml =
        "schema = 1\n[exhibit]\nid = \"forty\"\nversion = \"1.0.0\"\ntitle.en = \"Forty\"\n"
        "subject.en = \"Forty\"\nborn = \"1900\"\ndied = \"1990\"\nphoto = \"p0\"\n"
        "[settings]\nlanguages = [\"en\"]\n[[sources]]\nid = \"src\"\ntitle.en = \"A source\"\n"
        "[[quotes]]\nid = \"q\"\ntext.en = \"Words.\"\nspeaker = \"A Person\"\n";
    constexpr int kCount = 40;
    for (int i = 0; i < kCount; ++i) {
        const std::string id = "p" + std::to_string(i);
        event_photo_pack::write_solid_png(dir / "media" / (id + ".png"), 1200, 900,
                                          {uint8_t(i * 6), uint8_t(255 - i * 6), 90});
        toml += "[[events]]\nid = \"e" + std::to_string(i) + "\"\ndate = \"" + std::to_string(1901 + i * 2) +
                "\"\nheadline.en = \"Event " + std::to_string(i) + "\"\nsources = [\"src\"]\nphoto = \"" + id +
                "\"\n[[photographs]]\nid = \"" + id + "\"\nfile = \"media/" + id + ".png\"\ncaption.en = \"Photo " +
                std::to_string(i) + "\"\ncredit.en = \"Test\"\n";
    }
    std::ofstream(dir / "pack.toml", std::ios::binary | std::ios::trunc) << toml;

    ExhibitFixture f(1920, 1080, 0, kiosk::TextSize::Standard, dir.string());
    REQUIRE(f.app.exhibit_loaded());
    REQUIRE(f.pack().shown_photos().size() == size_t(kCount));
    int64_t full = 0, frames = 0;
    std::vector<std::string> full_ids, frame_ids;
    for (const kiosk::PhotoRequest& r : f.app.photo_requests()) {
        const kiosk::Photograph* p = f.pack().find_photo(r.photo);
        REQUIRE(p);
        const int64_t bytes = kiosk::fitted_rgba_bytes(p->width, p->height, r.max_width, r.max_height);
        (r.size == kiosk::PhotoSize::Full ? full : frames) += bytes;
        (r.size == kiosk::PhotoSize::Full ? full_ids : frame_ids).push_back(r.photo);
    }
    // Every photograph once at each size: Explore's frame and the panel's longest side.
    CHECK(full_ids.size() == size_t(kCount));
    CHECK(frame_ids.size() == size_t(kCount));
    CHECK(full <= kiosk::kPhotoMemoryBudgetBytes);
    CHECK(full + frames <= kiosk::kPhotoMemoryBudgetBytes * 3 / 2);

    // The bundled exhibit's one photograph: Explore's frame and a square of the
    // panel's longest side, never past a Pi 3's largest texture side.
    ExhibitFixture one(1920, 1080);
    const std::vector<kiosk::PhotoRequest> requests = one.app.photo_requests();
    REQUIRE(requests.size() == 2);
    CHECK(requests[1].max_width == 1920);
    CHECK(requests[1].max_height == 1920);
    ExhibitFixture four_k(3840, 2160);
    const std::vector<kiosk::PhotoRequest> at_4k = four_k.app.photo_requests();
    REQUIRE(at_4k.size() == 2);
    CHECK(at_4k[1].max_width == kiosk::kMaxPhotoTextureSide);
    CHECK(at_4k[1].max_height == kiosk::kMaxPhotoTextureSide);
    const kiosk::Rect& frame = one.explore().photo_frame;
    CHECK(requests[0].max_width == int(frame.w - 2 * kiosk::photo_border(one.explore().unit)));
}
