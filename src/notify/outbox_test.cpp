#include "notify/outbox.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <deque>
#include <mutex>
#include <thread>

#include "test_db.hpp"

namespace cabinet::notify {
namespace {

// A transport that answers from a script and records what it was asked to send.
class ScriptedTransport final : public EmailTransport, public SmsTransport {
 public:
  std::deque<Result<void>> script;  // empty: success
  std::vector<std::string> sent;    // message ids, in order
  std::mutex mutex;
  Result<void> send(const Email& e) override { return answer(e.message_id); }
  Result<void> send(const Sms& s) override { return answer(s.message_id); }

 private:
  Result<void> answer(const std::string& id) {
    std::lock_guard lock(mutex);
    Result<void> r;
    if (!script.empty()) {
      r = script.front();
      script.pop_front();
    }
    if (r) sent.push_back(id);
    return r;
  }
};

class CourierTest : public testing::TestWithParam<storage::Engine> {
 protected:
  void enqueue(int n) {
    auto r = t_.run(t_.db().transact([this, n](storage::Transaction& tx) -> Task<Result<void>> {
      for (int i = 0; i < n; ++i) {
        const Rendered message{"Sujet", "Texte", "<p>Texte</p>"};
        if (auto e = co_await outbox_.email(tx, "p" + std::to_string(i) + "@example.fr", message);
            !e)
          co_return e;
      }
      co_return ok();
    }));
    ASSERT_TRUE(r.ok()) << r.error().detail;
  }
  std::size_t pass(Courier& courier) {
    auto r = t_.run(courier.deliver_due());
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : 0;
  }

  test::TestDatabase t_{GetParam()};
  SeededRandom random_{9};
  Outbox outbox_{t_.clock(), random_, "cabinet.test"};
  ScriptedTransport transport_;
};

TEST_P(CourierTest, ATransientFailureIsRetriedWithBackoff) {
  Courier courier(t_.db(), t_.blocking(), transport_, transport_, t_.clock(), {});
  enqueue(1);
  transport_.script.push_back(Error(ErrorCode::unavailable, "connection refused"));
  EXPECT_EQ(pass(courier), 0U);
  EXPECT_EQ(pass(courier), 0U);  // not due yet
  t_.clock().advance(std::chrono::seconds(29));
  EXPECT_EQ(pass(courier), 0U);
  t_.clock().advance(std::chrono::seconds(1));
  EXPECT_EQ(pass(courier), 1U);
  EXPECT_EQ(pass(courier), 0U);  // delivered once
  EXPECT_EQ(transport_.sent.size(), 1U);
}

TEST_P(CourierTest, AMessageThatCanNeverBeSentIsAbandonedNotRetried) {
  Courier courier(t_.db(), t_.blocking(), transport_, transport_, t_.clock(), {});
  enqueue(1);
  transport_.script.push_back(Error(ErrorCode::invalid_request, "header with CR/LF"));
  EXPECT_EQ(pass(courier), 0U);
  t_.clock().advance(std::chrono::hours(2));
  EXPECT_EQ(pass(courier), 0U);
  auto failed = t_.run(
      t_.db().query("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL AND body_text = ''"));
  EXPECT_EQ(failed->row(0).integer(0), 1);
}

TEST_P(CourierTest, BackoffDoublesUpToAnHour) {
  EXPECT_EQ(backoff(1), std::chrono::seconds(30));
  EXPECT_EQ(backoff(2), std::chrono::seconds(60));
  EXPECT_EQ(backoff(5), std::chrono::seconds(480));
  EXPECT_EQ(backoff(9), std::chrono::seconds(3600));
  EXPECT_EQ(backoff(50), std::chrono::seconds(3600));
}

// Two nodes delivering from one outbox at the same time: each message leaves once.
TEST_P(CourierTest, TwoCouriersRacingSendEachMessageOnce) {
  CourierOptions small;
  small.batch = 3;
  Courier a(t_.db(), t_.blocking(), transport_, transport_, t_.clock(), small);
  Courier b(t_.db(), t_.blocking(), transport_, transport_, t_.clock(), small);
  enqueue(30);
  auto& io = t_.runtime().io();
  for (Courier* c : {&a, &b}) {
    boost::asio::co_spawn(
        io,
        [c]() -> Task<void> {
          while (true) {
            auto r = co_await c->deliver_due();
            if (!r || *r == 0) break;
          }
        },
        boost::asio::detached);
  }
  std::thread second([&io] { io.run(); });
  io.run();
  second.join();
  io.restart();
  std::sort(transport_.sent.begin(), transport_.sent.end());
  EXPECT_EQ(std::adjacent_find(transport_.sent.begin(), transport_.sent.end()),
            transport_.sent.end());
  EXPECT_EQ(transport_.sent.size(), 30U);
  auto left = t_.run(t_.db().query("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"));
  EXPECT_EQ(left->row(0).integer(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, CourierTest, testing::ValuesIn(test::engines_under_test()),
                         test::engine_param_name);

}  // namespace
}  // namespace cabinet::notify
