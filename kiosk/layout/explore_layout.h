// Where everything on Explore goes, for one display. Landscape puts the photograph
// beside the event card; portrait stacks photograph, card and controls, with the
// controls in the lower two thirds where a seated visitor can reach them.
// Computed once per display and font set, not per frame.
#pragma once

#include "base/geometry.h"
#include "layout/timeline_axis.h"
#include "pack/pack.h"
#include "text/fonts.h"

#include <string>
#include <vector>

namespace kiosk {

enum class Button { Voices, About, Settings, Prev, Next, Count };

// The exhibit's title and subtitle in one language, set in the room the buttons
// leave them: on a second line when one is not enough, the title then stepped
// down to the headline's size, and only then cut with "…" (which the validator
// reports, so a curator shortens the text before a visitor sees it cut).
struct TitleText {
    std::string lang;
    FontRole title_role = FontRole::Title;
    std::string title;     // lines joined by '\n', as drawn
    std::string subtitle;  // lines joined by '\n', as drawn
    int title_lines = 0, subtitle_lines = 0;
    bool title_cut = false, subtitle_cut = false;
    float subtitle_y = 0;  // from the band's top
    float height = 0;      // title and subtitle together
};
constexpr int kMaxTitleLines = 2;
constexpr int kMaxSubtitleLines = 2;

struct ExploreLayout {
    Display display;
    float unit = 1;  // design pixels → display pixels
    float px_per_mm = 1;
    float target = 1;  // 15 mm in pixels
    bool portrait = false;

    Rect title_band;                // name, life dates, subtitle
    Rect title_room;                // the band less the buttons beside it: where title and subtitle go
    std::vector<TitleText> titles;  // one per pack language, in the pack's order
    Rect photo_frame;               // the exhibit's photograph with its frame; tapping opens the viewer
    Rect caption;                   // caption and credit under the photograph
    int caption_lines = 0;          // the caption cut to this many lines (0: whole)
    // The room any photograph's frame fits in (photo_frame_for), and whether it
    // is centred there (portrait) or kept at the left (landscape). An event
    // with several photographs shows page dots in the caption's first row.
    Rect photo_area;
    bool photo_centred = false;
    // A short landscape panel under a tall title band sets the caption beside
    // the frame (at `caption`, whichever photograph is shown) rather than under
    // it, so the photograph keeps its floor (photo_floor_shortfall).
    bool caption_beside = false;
    float page_dots_h = 0;  // 0: no event has more than one photograph
    Rect card;              // the selected event
    Rect strip;             // the timeline strip, all of it
    Rect strip_touch;       // where a drag scrolls the timeline
    float era_top = 0, era_height = 0;
    TimelineAxis axis;
    std::vector<double> event_year;  // per event, its place in time (fractional years)
    // At the outermost zoom (strip_markers gives them at any other):
    std::vector<float> marker_x;  // per event, content pixels
    std::vector<MarkerCluster> clusters;
    std::vector<int> cluster_of;  // per event, its cluster
    Rect zoom_out;                // "Zoom out", at the strip's top right once zoomed in
    Rect zoom_out_hit;            // grown to 15 mm, above the markers
    float marker_radius = 10;
    float selected_radius = 16;

    Rect button[int(Button::Count)];      // as drawn
    Rect button_hit[int(Button::Count)];  // grown to 15 mm where drawn smaller

    float divider_top = 0;    // hairline under the title band
    float divider_strip = 0;  // hairline above the strip

    // The title and subtitle in `lang` (the pack's first language's when it has no such language).
    const TitleText& title_in(const std::string& lang) const;
};

ExploreLayout layout_explore(const Display& display, const Fonts& fonts, const Pack& pack);

// The strip's markers and clusters at `zoom`.
StripMarkers strip_markers(const ExploreLayout& layout, float zoom);
// The title and subtitle of `exhibit` in `lang` set in `width` pixels.
TitleText fit_title(const Fonts& fonts, const Pack& pack, const std::string& lang, float width, float unit);

// The smallest comfortable touch target, 15 mm, in display pixels.
float touch_target_px(const Display& display);
// The frame's width around a photograph.
float photo_border(float unit);

// Where Explore draws `photo` (null: the empty frame of photo_frame): its frame
// fitted to the photograph's proportions in photo_area, the caption under it.
struct PhotoFrame {
    Rect frame, caption;
};
PhotoFrame photo_frame_for(const ExploreLayout& layout, const Photograph* photo);
// The photograph's floor on Explore: its frame at least 15 mm tall (the touch
// target, so the photograph is seen and a tap on it never lands beside it) and
// 10 mm wide (a tall portrait beside the card on a 7-inch panel; its touch area
// grows to 15 mm). How far `frame` falls short of it: 1 when it meets it, else
// the smaller of its height and width over their floors.
float photo_floor_shortfall(const ExploreLayout& layout, const Rect& frame);
// The ids of the shown photographs whose frame falls short of the floor.
std::vector<std::string> photos_under_floor(const ExploreLayout& layout, const Pack& pack);
// A rectangle grown to at least `min_size` each way, around its centre.
Rect grow_to(const Rect& r, float min_size);

// The list a cluster opens: one row per event, each at least 15 mm tall, on its
// own panel between the title band and the strip (and, in portrait, above the
// button row), never over either. Up to three columns; a list longer than that
// scrolls by `list_scroll` pixels inside `view`.
struct ClusterList {
    Rect panel;
    Rect view;                 // where rows show; rows outside it are not drawn or touched
    std::vector<Rect> rows;    // one per event, at the current scroll
    float content_height = 0;  // all the rows
    float max_scroll() const { return content_height > view.h ? content_height - view.h : 0; }
};
ClusterList cluster_list_layout(const ExploreLayout& layout, const Fonts& fonts, const MarkerCluster& cluster,
                                float scroll, float list_scroll = 0);
// The same for cluster number `cluster` at the outermost zoom.
ClusterList cluster_list_layout(const ExploreLayout& layout, const Fonts& fonts, int cluster, float scroll,
                                float list_scroll = 0);

}  // namespace kiosk
