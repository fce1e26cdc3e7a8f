#include "window_run.h"

#include "event_pump.h"
#include "kiosk_view.h"

#include <SDL.h>
#include <cstdio>

namespace platform {

int run_window(const kiosk::KioskOptions& options, kiosk::PackLoadResult pack, const std::string& font_dir) {
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        std::fprintf(stderr, "vitrine: cannot open the display: %s\n", SDL_GetError());
        return 1;
    }
    const Uint32 flags = options.windowed ? SDL_WINDOW_SHOWN : SDL_WINDOW_FULLSCREEN_DESKTOP;
    const int w = options.windowed ? options.width : 1280, h = options.windowed ? options.height : 800;
    SDL_Window* window = SDL_CreateWindow("Vitrine", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC)
                                    : nullptr;
    if (window && !renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer) {
        std::fprintf(stderr, "vitrine: cannot create the window: %s\n", SDL_GetError());
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
        return 1;
    }
    if (!options.windowed) SDL_ShowCursor(SDL_DISABLE);

    int out_w = 0, out_h = 0;
    SDL_GetRendererOutputSize(renderer, &out_w, &out_h);
    SDL_RendererInfo info;
    SDL_GetRendererInfo(renderer, &info);
    std::fprintf(stderr, "vitrine: display %dx%d, video driver %s, renderer %s\n", out_w, out_h,
                 SDL_GetCurrentVideoDriver(), info.name);

    int exit_code = 0;
    {
        KioskView view;
        std::string error;
        if (!view.init(renderer, kiosk::Display{out_w, out_h, options.panel_inches}, std::move(pack), font_dir, &error)) {
            std::fprintf(stderr, "vitrine: %s\n", error.c_str());
            exit_code = 1;
        } else {
            bool running = true, dirty = true;
            Uint64 last_frame = SDL_GetTicks64();
            while (running) {
                if (dirty) {
                    const Uint64 now = SDL_GetTicks64();
                    view.render(float(now - last_frame) / 1000.f);
                    SDL_RenderPresent(renderer);
                    last_frame = now;
                    dirty = false;
                }
                // Nothing moves until input arrives: sleep until then.
                SDL_Event e;
                if (!SDL_WaitEventTimeout(&e, 250)) continue;
                do {
                    if (e.type == SDL_QUIT) running = false;
                    else if (e.type == SDL_KEYDOWN && options.windowed && e.key.keysym.sym == SDLK_ESCAPE) running = false;
                    else if (e.type == SDL_WINDOWEVENT) dirty = true;
                    else if (const auto in = to_input_event(e, out_w, out_h)) dirty |= view.handle(*in);
                } while (SDL_PollEvent(&e));
            }
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return exit_code;
}

}  // namespace platform
