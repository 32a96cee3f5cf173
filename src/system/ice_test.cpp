#include "system/ice.hpp"

#include <gtest/gtest.h>

namespace cabinet::system {
namespace {

TEST(Ice, TheTurnCredentialIsCoturnsBase64HmacSha1OfTheUsername) {
  // Computed independently: base64(hmac.new(b"s3cret", b"1700003600:a7kq2", sha1).digest()).
  EXPECT_EQ(turn_credential("s3cret", "1700003600:a7kq2"), "OBS2pmSkxIuQiujOb9wZUkpGZds=");
}

TEST(Ice, TurnServersGetAnExpiringUsernameAndStunOnesNone) {
  IceOptions o;
  o.stun_urls = {"stun:turn.example.fr:3478"};
  o.turn_urls = {"turn:turn.example.fr:3478?transport=udp"};
  o.turn_secret = "s3cret";
  o.ttl = std::chrono::seconds(3600);
  const auto j = ice_servers(o, "a7kq2", 1700000000);
  ASSERT_EQ(j["ice_servers"].size(), 2U);
  EXPECT_FALSE(j["ice_servers"][0].contains("username"));
  EXPECT_EQ(j["ice_servers"][1]["username"], "1700003600:a7kq2");
  EXPECT_EQ(j["ice_servers"][1]["credential"], "OBS2pmSkxIuQiujOb9wZUkpGZds=");
  EXPECT_EQ(j["expires_at"], "2023-11-14T23:13:20Z");

  o.turn_secret.clear();  // no secret: TURN cannot be offered
  EXPECT_EQ(ice_servers(o, "a7kq2", 1700000000)["ice_servers"].size(), 1U);
}

}  // namespace
}  // namespace cabinet::system
