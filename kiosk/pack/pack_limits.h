// How much a pack may hold: the counts and lengths the screens are designed to
// show well on the smallest supported panel, and the memory its photographs may
// take once decoded. The validator refuses a pack beyond them with a message
// naming the limit; the kiosk draws whatever it is given without aborting, so a
// pack at every limit at once is one of the render tests.
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk {

// ---- Text lengths, in Unicode code points (a Khmer syllable is several) ----
constexpr int kMaxTitleChars = 120;  // exhibit title and subject
constexpr int kMaxSubtitleChars = 200;
constexpr int kMaxHeadlineChars = 160;     // an event's headline
constexpr int kMaxEventTextChars = 4000;   // an event's text, its disputed note
constexpr int kMaxQuoteChars = 1500;       // a quote's text
constexpr int kMaxShortTextChars = 600;    // captions, credits lines, alt text, roles, contexts, eras
constexpr int kMaxCitationChars = 1000;    // a source's citation
constexpr int kMaxAboutTextChars = 20000;  // content note, credits, licence (About scrolls)
// Marks stacked on one character: a Vietnamese letter has two, a Khmer syllable
// with two subscripts five. HarfBuzz's time to shape a stack grows faster than
// its length, and past a few the marks are drawn far outside the line.
constexpr int kMaxMarksPerCharacter = 16;

// ---- Counts ----
constexpr int kMaxEvents = 1000;
constexpr int kMaxEventsPerYear = 100;  // events starting in one calendar year (one cluster at most)
constexpr int kMaxQuotes = 300;
constexpr int kMaxPhotos = 300;
constexpr int kMaxSources = 1000;
constexpr int kMaxEras = 50;
constexpr int kMaxLanguages = 8;
// Two files each: with the photographs and pack.toml, well inside the entries a
// pack file may hold (platform/pack_file.h).
constexpr int kMaxRecordings = 2000;

// ---- Recordings ----
// An event's longest text read slowly is about half an hour; Ogg Vorbis at
// oggenc's default quality takes under 32 MiB for it.
constexpr int64_t kMaxRecordingFileBytes = 32LL * 1024 * 1024;
constexpr int64_t kMaxCaptionFileBytes = 1024 * 1024;

// ---- Photographs ----
constexpr int kMinPhotoSide = 64;   // narrower than this cannot be seen, let alone read
constexpr int kMaxPhotoAspect = 8;  // longest side at most 8× the shortest
// Decoded photographs, RGBA8 at the size the panel shows them (fitted inside
// the panel), all together: a 1 GB board keeps room for everything else.
constexpr int64_t kPhotoMemoryBudgetBytes = 256LL * 1024 * 1024;
// The longest side a shipped photograph keeps: a 4K panel's width, enough for
// the viewer's zoom on the displays the kiosk is designed for.
constexpr int kShippedMaxSide = 3840;

// ---- Messages ----
// validate lists at most this many problems of one kind (unknown source ids, texts
// without a translation into one language), and this many in all (the loader's,
// then missing translations, undrawable characters, cut texts); one line counts the rest.
constexpr size_t kMaxProblemsOfOneKind = 20;
constexpr size_t kMaxProblemsListed = 1000;

}  // namespace kiosk
