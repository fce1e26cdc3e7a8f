# Regenerates the placeholder photograph and compares it byte for byte with the
# committed one, so the bundled image stays reproducible from its generator.
execute_process(COMMAND ${GENERATOR} ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "placeholder generator failed (${rc})")
endif()
file(SHA256 ${OUT} regenerated)
file(SHA256 ${COMMITTED} committed)
if(NOT regenerated STREQUAL committed)
    message(FATAL_ERROR "${OUT} differs from ${COMMITTED}: run vitrine-placeholder ${COMMITTED} and commit the result")
endif()
