#include "speech_synth.h"

#include <algorithm>
#include <atomic>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <memory>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace {

// eSpeak NG keeps its state in globals: one engine in the process.
std::atomic<bool> engine_taken{false};

std::string status_text(espeak_ng_STATUS status) {
    char text[512] = "";
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    return text;
}

// Synchronous mode calls this with each piece of audio as it is made, on the
// thread that called espeak_ng_Synthesize; user_data is the clip being filled.
int collect_samples(short* wav, int count, espeak_EVENT* events) {
    if (!wav || count <= 0 || !events) return 0;
    auto* samples = static_cast<std::vector<int16_t>*>(events->user_data);
    if (samples) samples->insert(samples->end(), wav, wav + count);
    return 0;  // carry on
}

bool is_blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string trimmed(const std::string& s) {
    const size_t first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// The text's sentences as ICU finds them for the language ("M. Dupont" stays
// whole in French; Khmer ends a sentence with ។), blank ones left out.
std::vector<std::string> sentences_of(const std::string& text, const std::string& lang) {
    std::vector<std::string> out;
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(lang.c_str(), status);
    // With the language's abbreviations ("M.", "Mr.", "e.g."), which end no sentence.
    locale.setKeywordValue("ss", "standard", status);
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(locale, status));
    if (U_FAILURE(status) || !it) {
        if (!is_blank(text)) out.push_back(trimmed(text));
        return out;
    }
    it->setText(u);
    for (int32_t start = it->first(), end = it->next(); end != icu::BreakIterator::DONE;
         start = end, end = it->next()) {
        std::string piece;
        u.tempSubStringBetween(start, end).toUTF8String(piece);
        if (!is_blank(piece)) out.push_back(trimmed(piece));
    }
    return out;
}

}  // namespace

SpeechSynth::SpeechSynth(const std::string& data_dir) {
    if (engine_taken.exchange(true)) {
        error_ = "speech synthesis: eSpeak NG is already in use in this process (one SpeechSynth at a time)";
        return;
    }
    owns_engine_ = true;
    espeak_ng_InitializePath(data_dir.empty() ? nullptr : data_dir.c_str());
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    espeak_ng_ClearErrorContext(&context);
    if (status != ENS_OK) {
        const char* where = nullptr;
        espeak_Info(&where);
        error_ = "speech synthesis: cannot load eSpeak NG's data from " +
                 (data_dir.empty() ? std::string(where ? where : "its default folder") : data_dir) + ": " +
                 status_text(status) + " (package espeak-ng-data)";
        return;
    }
    engine_up_ = true;
    // Synchronous: the samples come back to collect_samples(), nothing is
    // played by eSpeak itself.
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
    if (status != ENS_OK) {
        error_ = "speech synthesis: eSpeak NG's output cannot be set up: " + status_text(status);
        return;
    }
    espeak_SetSynthCallback(collect_samples);
    rate_ = espeak_ng_GetSampleRate();
    // Every language some voice speaks: the list of (priority byte, name, NUL)
    // ends with an empty name.
    for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
        for (const char* l = (*v)->languages; l && *l; l += std::char_traits<char>::length(l + 1) + 2)
            languages_.emplace_back(l + 1);
    }
    ok_ = rate_ > 0;
    if (!ok_) error_ = "speech synthesis: eSpeak NG reports no sample rate";
}

SpeechSynth::~SpeechSynth() {
    if (engine_up_) espeak_ng_Terminate();
    if (owns_engine_) engine_taken = false;
}

// "fr" is spoken by a voice for "fr" or for one of its variants ("fr-fr",
// "fr-be"); "en" by "en-gb", "en-us", ...
bool SpeechSynth::has_voice(const std::string& lang) const {
    if (!ok_ || lang.empty()) return false;
    return std::any_of(languages_.begin(), languages_.end(), [&](const std::string& l) {
        return l == lang || (l.size() > lang.size() && l.compare(0, lang.size(), lang) == 0 && l[lang.size()] == '-');
    });
}

bool SpeechSynth::select_voice(const std::string& lang, std::string* error) {
    if (voice_lang_ == lang) return true;
    espeak_VOICE wanted{};
    wanted.languages = lang.c_str();
    espeak_ng_STATUS status = espeak_ng_SetVoiceByProperties(&wanted);
    if (status == ENS_OK) status = espeak_ng_SetParameter(espeakRATE, kWordsPerMinute, 0);
    if (status != ENS_OK) {
        if (error) *error = "speech synthesis: no voice for '" + lang + "': " + status_text(status);
        voice_lang_.clear();
        return false;
    }
    voice_lang_ = lang;
    return true;
}

// Sentence by sentence rather than once with eSpeak's sentence events: each cue's
// times are then exact sample counts, not event positions to map back, and its
// text is the sentence as the pack wrote it, not a character offset into what
// eSpeak read. eSpeak speaks each sentence the same either way (it resets its
// intonation at every sentence), and ends each with its own pause.
bool SpeechSynth::speak(const std::string& text_utf8, const std::string& lang, kiosk::AudioClip& out,
                        std::vector<kiosk::CaptionCue>* sentences, std::string* error) {
    if (!ok_) {
        if (error) *error = error_;
        return false;
    }
    if (!has_voice(lang)) {
        if (error) *error = "speech synthesis: eSpeak NG has no voice for '" + lang + "'";
        return false;
    }
    if (!select_voice(lang, error)) return false;
    kiosk::AudioClip clip;
    clip.rate = rate_;
    std::vector<kiosk::CaptionCue> cues;
    for (const std::string& sentence : sentences_of(text_utf8, lang)) {
        const size_t before = clip.samples.size();
        const espeak_ng_STATUS status = espeak_ng_Synthesize(sentence.c_str(), sentence.size() + 1, 0, POS_CHARACTER, 0,
                                                             espeakCHARS_UTF8, nullptr, &clip.samples);
        if (status != ENS_OK) {
            if (error) *error = "speech synthesis failed (" + lang + "): " + status_text(status);
            return false;
        }
        if (clip.samples.size() == before) continue;  // punctuation alone: nothing said
        const auto ms = [&](size_t samples) { return int64_t(samples) * 1000 / rate_; };
        cues.push_back({ms(before), ms(clip.samples.size()), sentence});
    }
    out = std::move(clip);
    if (sentences) *sentences = std::move(cues);
    return true;
}
