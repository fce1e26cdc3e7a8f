// stb_image's decoder, compiled into the fuzz targets that decode images, so the
// fuzzer sees its coverage and AddressSanitizer checks it. The kiosk itself links
// Debian's libstb.so, built from this same header; these definitions take its
// place in the fuzz binaries only.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
