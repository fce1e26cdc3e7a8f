#include "display_power.h"

#include "base/log.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <cstring>
#include <vector>
#include <xf86drm.h>
#include <xf86drmMode.h>

namespace platform {

namespace {

struct DpmsTarget {
    uint32_t connector = 0;
    uint32_t property = 0;
};

// Every connected connector's DPMS property on the DRM device SDL opened.
std::vector<DpmsTarget> dpms_targets(int fd) {
    std::vector<DpmsTarget> targets;
    drmModeRes* resources = drmModeGetResources(fd);
    if (!resources) return targets;
    for (int i = 0; i < resources->count_connectors; ++i) {
        drmModeConnector* connector = drmModeGetConnector(fd, resources->connectors[i]);
        if (!connector) continue;
        if (connector->connection == DRM_MODE_CONNECTED) {
            for (int p = 0; p < connector->count_props; ++p) {
                drmModePropertyRes* property = drmModeGetProperty(fd, connector->props[p]);
                if (property && std::strcmp(property->name, "DPMS") == 0)
                    targets.push_back({connector->connector_id, property->prop_id});
                drmModeFreeProperty(property);
            }
        }
        drmModeFreeConnector(connector);
    }
    drmModeFreeResources(resources);
    return targets;
}

}  // namespace

DisplayPower DisplayPower::for_window(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_KMSDRM) return {};
    const int fd = info.info.kmsdrm.drm_fd;
    const std::vector<DpmsTarget> targets = fd >= 0 ? dpms_targets(fd) : std::vector<DpmsTarget>{};
    if (targets.empty()) return {};
    return DisplayPower(
        [fd, targets](bool on) {
            bool ok = true;
            for (const DpmsTarget& t : targets)
                ok &= drmModeConnectorSetProperty(fd, t.connector, t.property,
                                                  on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) == 0;
            return ok;
        },
        "DRM DPMS on " + std::to_string(targets.size()) + " connector" + (targets.size() == 1 ? "" : "s"));
}

void DisplayPower::before_frame(bool screen_off) {
    if (off_ && !screen_off) set(true);
}

void DisplayPower::after_frame(bool screen_off) {
    if (!off_ && screen_off) set(false);
}

void DisplayPower::set(bool on) {
    off_ = !on;
    if (!switch_ || refused_) return;
    if (switch_(on)) {
        kiosk::log_info(kiosk::log_from::kDisplay, std::string("display ") + (on ? "on" : "off") + " (" + how_ + ")");
    } else {
        refused_ = true;
        kiosk::log_warning(kiosk::log_from::kDisplay, std::string("the display refused to switch ") +
                                                          (on ? "on" : "off") + " (" + how_ +
                                                          "); the screen stays black instead");
        if (!on) switch_(true);  // never leave a panel half off
    }
}

}  // namespace platform
