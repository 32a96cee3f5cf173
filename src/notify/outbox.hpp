#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/periodic.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "notify/message.hpp"
#include "notify/templates.hpp"
#include "storage/database.hpp"

namespace boost::asio {
class io_context;
}

// The durable outbox (NTF1): a message is a row written in the same transaction as the change
// that causes it, so it exists if and only if the change committed; the courier delivers it
// afterwards, with a lease, retries and backoff, and erases its body once sent.
namespace cabinet::notify {

class Outbox {
 public:
  Outbox(const Clock& clock, Random& random, std::string domain)
      : clock_(clock), random_(random), domain_(std::move(domain)) {}

  Task<Result<void>> email(storage::Transaction& tx, const std::string& to,
                           const Rendered& message);
  // With a file (an appointment's .ics), erased with the body once sent.
  Task<Result<void>> email(storage::Transaction& tx, const std::string& to, const Rendered& message,
                           const Attachment& attachment);
  Task<Result<void>> sms(storage::Transaction& tx, const std::string& to, const std::string& text);

  // Called after a commit that queued messages: the courier looks at once instead of at its
  // next poll. Set by the courier; a no-op until then.
  void wake() const {
    if (wake_) wake_();
  }
  void on_wake(std::function<void()> wake) { wake_ = std::move(wake); }

 private:
  Task<Result<void>> insert(storage::Transaction& tx, std::string_view channel,
                            const std::string& to, const std::string& subject,
                            const std::string& text, const std::string& html,
                            const Attachment* attachment);

  const Clock& clock_;
  Random& random_;
  std::string domain_;  // right-hand side of Message-IDs
  std::function<void()> wake_;
};

struct CourierOptions {
  std::string from = "Cabinet <no-reply@localhost>";
  std::chrono::milliseconds poll{1000};
  std::chrono::seconds lease{120};  // a message claimed by a node that died is retried after this
  int max_attempts = 10;
  std::size_t batch = 20;
};

class Courier {
 public:
  Courier(storage::Database& db, BlockingPool& blocking, EmailTransport& email, SmsTransport& sms,
          const Clock& clock, CourierOptions options);
  ~Courier();
  Courier(const Courier&) = delete;
  Courier& operator=(const Courier&) = delete;

  // One pass: claims the due messages, sends them, records the outcome. Returns how many were
  // delivered. Tests call it directly.
  Task<Result<std::size_t>> deliver_due();
  // Leaves no copy of erased bodies in the database files (see outbox.cpp).
  Task<void> scrub();

  // Runs deliver_due every `poll` (and at once when woken) until stop().
  void start(boost::asio::io_context& io);
  void wake();
  // Ends the loop after the pass in progress, if any; `done` runs once it has exited (or at
  // once when the loop never started). Shutdown waits for it before stopping the I/O threads.
  void stop(std::function<void()> done = {});

 private:
  storage::Database& db_;
  BlockingPool& blocking_;
  EmailTransport& email_;
  SmsTransport& sms_;
  const Clock& clock_;
  CourierOptions options_;
  Periodic loop_;
  bool scrub_pending_ = false;
};

// Retry delay after `attempts` failures: 30 s, 1 min, 2 min… at most 1 h.
std::chrono::seconds backoff(int attempts);

}  // namespace cabinet::notify
