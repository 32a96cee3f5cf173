#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/limits.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "messaging/store.hpp"
#include "storage/database.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::crypto {
class KeyRing;
}
namespace cabinet::audit {
class Log;
struct Entry;
}  // namespace cabinet::audit
namespace cabinet::realtime {
class Hub;
class Connection;
}  // namespace cabinet::realtime
namespace cabinet::notify {
class Outbox;
}
namespace cabinet::auth {
class RateLimiter;
}

// "Contacter mon praticien" (issue 15, MSG1; docs/messaging.md): after a consultation, a
// patient writes to the practitioner, who opted in; texts and files sealed, every read audited,
// the other side told by email that a message arrived (never what it says) and live over the
// WebSocket.
namespace cabinet::messaging {

struct Options {
  std::string public_url = "http://localhost:8080";  // the emails' links
  uploads::Rules files;                              // attachments: the own files' rules
  auth::Limit conversations_per_patient{"messaging-open", 5, std::chrono::hours(24)};
  auth::Limit messages_per_patient{"messaging-patient", 30, std::chrono::hours(1)};
  auth::Limit messages_per_practitioner{"messaging-practitioner", 300, std::chrono::hours(1)};
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  realtime::Hub& hub;
  BlockingPool& blocking;  // the upload gate
  notify::Outbox& outbox;
  auth::RateLimiter& limits;
  Options options;
};

struct File {
  std::string name;
  std::string mime;
  std::string bytes;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)), options_(d_.options) {}
  // The live options (docs/operator.md "Settings"): changed by the operator while the server
  // runs; take one snapshot per piece of work.
  [[nodiscard]] std::shared_ptr<const Options> options() const { return options_.get(); }
  void set_options(Options next) { options_.set(std::move(next)); }

  // The patient: the practitioners they may write to.
  Task<Result<nlohmann::json>> practitioners(const Principal& who, Locale locale);
  // The practitioner's choice.
  Task<Result<nlohmann::json>> settings(const Principal& who);
  Task<Result<nlohmann::json>> put_settings(const Principal& who, const nlohmann::json& body);

  Task<Result<nlohmann::json>> list(const Principal& who);
  Task<Result<nlohmann::json>> open(const Principal& who, const nlohmann::json& body,
                                    const std::string& ip);
  Task<Result<nlohmann::json>> read(const Principal& who, const std::string& id,
                                    const std::string& ip);
  Task<Result<nlohmann::json>> send(const Principal& who, const std::string& id,
                                    const nlohmann::json& body, const std::string& ip);
  Task<Result<nlohmann::json>> attach(const Principal& who, const std::string& id,
                                      const std::string& name, std::string bytes,
                                      const std::string& text, const std::string& ip);
  Task<Result<File>> file(const Principal& who, const std::string& id, const std::string& file,
                          const std::string& ip);
  Task<Result<nlohmann::json>> close(const Principal& who, const std::string& id);

  // The WebSocket's `watch_messages`: the unread count now and at every change, each message.
  Task<Result<void>> watch(realtime::Connection& c);

  // Account deletion, in its transaction (docs/messaging.md "Deletion").
  Task<Result<void>> erase_account(storage::Transaction& tx, std::int64_t account);

 private:
  struct Access {
    store::Conversation c;
    std::string role;  // patient or practitioner
  };
  struct Outgoing {
    std::string text;
    std::optional<File> file;
  };
  // The conversation for one of its two sides; not_found for anyone else (assistants included).
  Task<Result<Access>> participant(const Principal& who, const std::string& id);
  // Stores a message (and its file), audits it, tells the other side; the Message JSON.
  // With `create`, the conversation is inserted in the same transaction.
  Task<Result<nlohmann::json>> deliver(const Principal& who, const Access& a, Outgoing out,
                                       const std::string& ip, const store::NewConversation* create);
  Task<Result<void>> may_send(const Principal& who, const Access& a);
  Task<Result<nlohmann::json>> message_json(const store::Conversation& c, const store::Message& m,
                                            const std::vector<store::Attachment>& files,
                                            std::int64_t reader);
  [[nodiscard]] nlohmann::json conversation_json(const store::Conversation& c,
                                                 bool with_last) const;
  // The reader's unread count to the account's room.
  Task<void> push_unread(std::int64_t account, const std::string& role);
  Task<Result<void>> audited(const audit::Entry& entry);

  Deps d_;
  Live<Options> options_;
};

}  // namespace cabinet::messaging
