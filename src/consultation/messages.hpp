#pragma once

#include "consultation/service.hpp"

namespace cabinet::realtime {
class Hub;
}

namespace cabinet::consultation {

// The room's WebSocket message types (join, leave, admit, signal, chat, watch_waiting_room) and
// the socket's end, on `hub`; a wiring-time call.
void register_messages(realtime::Hub& hub, Service& s);

}  // namespace cabinet::consultation
