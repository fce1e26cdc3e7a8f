// SIGTERM (the service manager's stop) and SIGINT (Ctrl+C) end the kiosk's loop,
// even from a sleep with nothing due: the handler notes the signal and writes a
// byte to a pipe that every wait watches (platform/event_wait.h), whichever
// thread the signal lands on. SDL's own handlers stay off (SDL_QUIT is also what
// a window manager's close sends, which a kiosk ignores).
#pragma once

namespace platform {

// Installs the handlers for SIGTERM and SIGINT.
void take_stop_signals();
bool stop_requested();
// Readable once a stop signal came; -1 before take_stop_signals().
int stop_signal_fd();
// Forgets a stop signal: tests run several waits in one process.
void forget_stop_signal();

}  // namespace platform
