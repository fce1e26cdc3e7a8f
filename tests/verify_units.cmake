# systemd-analyze verify on the units as the package installs them: an install
# into a scratch root (so ExecStart's /usr/bin/vitrine exists), beside this
# machine's own systemd units (the targets they refer to). Any complaint fails,
# even those systemd-analyze only warns about (a misspelt value is "ignored").
#   cmake -DBUILD=<build dir> -DROOT=<scratch root> -DANALYZE=<systemd-analyze> -P verify_units.cmake
file(REMOVE_RECURSE "${ROOT}")
file(COPY /lib/systemd/system/ DESTINATION "${ROOT}/lib/systemd/system")
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${ROOT} ${CMAKE_COMMAND} --install ${BUILD} --prefix /usr
                OUTPUT_QUIET RESULT_VARIABLE installed)
if(NOT installed EQUAL 0)
    message(FATAL_ERROR "installing into ${ROOT} failed")
endif()
execute_process(COMMAND ${ANALYZE} verify --root=${ROOT} vitrine.service vitrine-usb-update@sda1.service vitrine-usb-mount@sda1.service
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(STRIP "${out}${err}" said)
if(NOT result EQUAL 0 OR NOT said STREQUAL "")
    message(FATAL_ERROR "systemd-analyze verify (exit ${result}):\n${said}")
endif()
message(STATUS "systemd-analyze verify: vitrine.service and the USB units are clean")
