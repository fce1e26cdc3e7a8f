// What a command writes on stderr (file descriptor 2) while it runs, for tests
// of what a person at a terminal reads.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <string>
#include <unistd.h>

template <typename Body>
std::string stderr_of(Body body) {
    std::fflush(stderr);
    FILE* file = std::tmpfile();
    REQUIRE(file);
    const int saved = dup(2);
    REQUIRE(saved >= 0);
    dup2(fileno(file), 2);
    body();
    std::fflush(stderr);
    dup2(saved, 2);
    close(saved);
    std::string text;
    std::rewind(file);
    for (int c; (c = std::fgetc(file)) != EOF;) text += char(c);
    std::fclose(file);
    return text;
}
