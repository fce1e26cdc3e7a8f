#include "process_memory.h"

#include <cstdlib>  // defines __GLIBC__ with the C library

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace platform {

void keep_large_blocks_returnable() {
#if defined(__GLIBC__)
    // Setting it also stops glibc from moving it later.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

}  // namespace platform
