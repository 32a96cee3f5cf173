#include "realtime/hub.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "core/block_on.hpp"

namespace cabinet::realtime {
namespace {

class FakeConnection final : public Connection {
 public:
  explicit FakeConnection(std::uint64_t id) : id_(id) {}
  [[nodiscard]] std::uint64_t id() const override { return id_; }
  [[nodiscard]] Locale locale() const override { return Locale::fr; }
  [[nodiscard]] const Principal& principal() const override { return principal_; }
  void send(std::string text) override { sent.push_back(std::move(text)); }
  void close(CloseCode code, std::string) override { closed = code; }
  std::vector<std::string> sent;
  std::optional<CloseCode> closed;

 private:
  std::uint64_t id_;
  Principal principal_;
};

TEST(Hub, BroadcastsToTheRoomOnlyAndSkipsGoneConnections) {
  Hub hub;
  auto a = std::make_shared<FakeConnection>(1);
  auto b = std::make_shared<FakeConnection>(2);
  auto c = std::make_shared<FakeConnection>(3);
  for (auto& x : {a, b, c}) hub.attach(x);
  hub.join("room:1", a);
  hub.join("room:1", b);
  hub.join("room:2", c);
  EXPECT_EQ(hub.broadcast("room:1", "hi"), 2U);
  EXPECT_EQ(a->sent, std::vector<std::string>{"hi"});
  EXPECT_TRUE(c->sent.empty());

  b.reset();  // a socket that went away without detaching: its weak_ptr has expired
  EXPECT_EQ(hub.broadcast("room:1", "again"), 1U);
  hub.detach(1);
  EXPECT_EQ(hub.room_size("room:1"), 1U);  // the expired one is still listed until detached
  hub.detach(2);
  EXPECT_EQ(hub.room_size("room:1"), 0U);
  EXPECT_EQ(hub.connection_count(), 1U);
}

TEST(Hub, DispatchesByTypeAndAnswersBadMessagesOnTheSameSocket) {
  Hub hub;
  int pings = 0;
  hub.on("ping", [&pings](Connection& c, const nlohmann::json&) -> Task<void> {
    ++pings;
    c.send(R"({"type":"pong"})");
    co_return;
  });
  FakeConnection conn(1);
  boost::asio::io_context io;
  block_on(io, hub.dispatch(conn, R"({"type":"ping"})"));
  block_on(io, hub.dispatch(conn, "not json"));
  block_on(io, hub.dispatch(conn, R"({"type":"teleport"})"));
  block_on(io, hub.dispatch(conn, R"([1,2])"));
  block_on(io, hub.dispatch(conn, std::string(10'000, '[')));
  EXPECT_EQ(pings, 1);
  ASSERT_EQ(conn.sent.size(), 5U);
  EXPECT_EQ(conn.sent[0], R"({"type":"pong"})");
  EXPECT_EQ(nlohmann::json::parse(conn.sent[1])["code"], "invalid_json");
  EXPECT_EQ(nlohmann::json::parse(conn.sent[2])["code"], "unknown_type");
  EXPECT_EQ(nlohmann::json::parse(conn.sent[3])["code"], "invalid_json");
  EXPECT_EQ(nlohmann::json::parse(conn.sent[4])["code"], "invalid_json");
}

TEST(Hub, CloseAllReachesEveryConnection) {
  Hub hub;
  auto a = std::make_shared<FakeConnection>(1);
  auto b = std::make_shared<FakeConnection>(2);
  hub.attach(a);
  hub.attach(b);
  hub.close_all(CloseCode::going_away, "bye");
  EXPECT_EQ(a->closed, CloseCode::going_away);
  EXPECT_EQ(b->closed, CloseCode::going_away);
}

}  // namespace
}  // namespace cabinet::realtime
