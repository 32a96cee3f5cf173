// The room's refusals and the HTTP errors share one table (core/error.cpp): the same code and
// wording, in the user's language, with the configured values filled in.
#include <gtest/gtest.h>

#include "consultation/service.hpp"
#include "http/message.hpp"
#include "realtime/hub.hpp"

namespace cabinet::consultation {
namespace {

nlohmann::json over_socket(const Error& e, Locale locale) {
  return nlohmann::json::parse(realtime::Hub::error_message(e, locale));
}

nlohmann::json over_http(const Error& e, Locale locale) {
  return nlohmann::json::parse(http::Response::error(e, locale).body)["error"];
}

TEST(RoomRefusals, NameTheConfiguredValuesInBothLanguagesAsHttpDoes) {
  Options options;
  options.room_opens = std::chrono::minutes(15);
  options.max_participants = 3;

  const auto early = not_open(options);
  const auto fr = over_socket(early, Locale::fr);
  EXPECT_EQ(fr["type"], "error");
  EXPECT_EQ(fr["code"], "not_open");
  EXPECT_EQ(fr["message"], "La salle d'attente ouvre 15 minutes avant le rendez-vous.");
  EXPECT_EQ(over_socket(early, Locale::en)["message"],
            "The waiting room opens 15 minutes before the appointment.");

  const auto full = room_full(options);
  EXPECT_EQ(over_socket(full, Locale::fr)["message"],
            "La consultation réunit déjà 3 participants.");
  EXPECT_EQ(over_socket(full, Locale::en)["message"],
            "The consultation already has 3 participants.");

  for (const auto& e : {early, full}) {
    for (const auto locale : {Locale::fr, Locale::en}) {
      auto socket = over_socket(e, locale);
      socket.erase("type");
      EXPECT_EQ(socket, over_http(e, locale));
    }
  }
}

TEST(RoomRefusals, CarryTheErrorsExtraFieldsLikeHttp) {
  Error taken(ErrorCode::slot_taken);
  taken.extra["next_slots"] = nlohmann::json::array({{{"start", "2026-12-07T09:00:00+01:00"}}});
  const auto http = over_http(taken, Locale::fr);
  EXPECT_EQ(http["code"], "slot_taken");
  EXPECT_EQ(http["next_slots"][0]["start"], "2026-12-07T09:00:00+01:00");
  auto socket = over_socket(taken, Locale::fr);
  socket.erase("type");
  EXPECT_EQ(socket, http);
}

}  // namespace
}  // namespace cabinet::consultation
