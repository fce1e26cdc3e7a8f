#include "curator/curator_load.h"

#include "curator/label_lint.h"

namespace kiosk {

PackLoadResult load_pack_for_curator(const std::string& dir, PackLoadOptions options) {
    options.label_check = lint_label;
    return load_pack(dir, options);
}

}  // namespace kiosk
