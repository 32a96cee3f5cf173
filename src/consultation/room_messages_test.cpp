// The room messages' fields (room_messages.cpp), as fuzz/websocket.cpp also drives them.
#include "consultation/room_messages.hpp"

#include <gtest/gtest.h>

namespace cabinet::consultation {
namespace {

using nlohmann::json;

TEST(RoomMessage, NeedsAConsultationIdOfAtMost64Characters) {
  EXPECT_EQ(room_message("join", json{{"consultation", "c_1"}})->consultation, "c_1");
  EXPECT_FALSE(room_message("leave", json{{"consultation", ""}}));
  EXPECT_FALSE(room_message("join", json{{"consultation", std::string(65, 'a')}}));
  EXPECT_FALSE(room_message("join", json{{"consultation", 12}}));
  EXPECT_FALSE(room_message("join", json::array({"consultation"})));
  EXPECT_FALSE(room_message("follow", json{{"consultation", "c_1"}}));
}

TEST(RoomMessage, AdmitTakesAnOptionalParticipantThatMustBeValidWhenPresent) {
  EXPECT_FALSE(room_message("admit", json{{"consultation", "c_1"}})->participant);
  EXPECT_EQ(
      room_message("admit", json{{"consultation", "c_1"}, {"participant", "g_2"}})->participant,
      "g_2");
  EXPECT_FALSE(room_message("admit", json{{"consultation", "c_1"}, {"participant", nullptr}}));
}

TEST(RoomMessage, SignalCarriesAnObjectOfAtMost32KiB) {
  const json ok{{"consultation", "c_1"}, {"to", "p_1"}, {"data", {{"type", "offer"}}}};
  const auto r = room_message("signal", ok);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->to, "p_1");
  EXPECT_EQ((*r->data)["type"], "offer");
  EXPECT_FALSE(room_message("signal", json{{"consultation", "c_1"}, {"to", "p_1"}, {"data", 1}}));
  json big = ok;
  big["data"]["sdp"] = std::string(kMaxSignal, 'x');
  EXPECT_FALSE(room_message("signal", big));
}

TEST(RoomMessage, ChatIsValidUtf8OfAtMost2000Characters) {
  EXPECT_TRUE(
      room_message("chat", json{{"consultation", "c_1"}, {"text", std::string(kMaxChat, 'a')}}));
  std::string many;
  for (std::size_t i = 0; i < kMaxChat; ++i) many += "é";  // 2 bytes each, 2000 characters
  EXPECT_TRUE(room_message("chat", json{{"consultation", "c_1"}, {"text", many}}));
  EXPECT_FALSE(room_message("chat", json{{"consultation", "c_1"}, {"text", many + "é"}}));
  EXPECT_FALSE(room_message("chat", json{{"consultation", "c_1"}, {"text", "caf\xC3"}}));
}

}  // namespace
}  // namespace cabinet::consultation
