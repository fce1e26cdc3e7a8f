# Runs a command and checks its exit code exactly (a crash is not "failure"), and
# optionally that its output matches a pattern and that it wrote a file.
#   -DCOMMAND_LIST="prog|arg|..." -DEXPECT_EXIT=N [-DEXPECT_OUTPUT=regex] [-DEXPECT_FILE=path]
string(REPLACE "|" ";" COMMAND "${COMMAND_LIST}")
if(DEFINED EXPECT_FILE)
    file(REMOVE "${EXPECT_FILE}")
endif()
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT "${rc}" STREQUAL "${EXPECT_EXIT}")
    message(FATAL_ERROR "expected exit code ${EXPECT_EXIT}, got '${rc}'")
endif()
if(DEFINED EXPECT_OUTPUT AND NOT "${out}${err}" MATCHES "${EXPECT_OUTPUT}")
    message(FATAL_ERROR "output does not match '${EXPECT_OUTPUT}'")
endif()
if(DEFINED EXPECT_FILE AND NOT EXISTS "${EXPECT_FILE}")
    message(FATAL_ERROR "${EXPECT_FILE} was not written")
endif()
