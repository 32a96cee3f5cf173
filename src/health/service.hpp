#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/store.hpp"
#include "booking/appointments.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "documents/store.hpp"
#include "health/model.hpp"
#include "storage/database.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::crypto {
class KeyRing;
}
namespace cabinet::audit {
class Log;
struct Entry;
}  // namespace cabinet::audit
namespace cabinet::auth {
class RateLimiter;
}
namespace cabinet::documents {
class Service;
}

// The patient's health space (issue 15; docs/health-space.md): one list per profile of the
// practitioners' documents and the patient's own files, hiding, sharing before a consultation,
// the practitioner's view during and after it, and the medical profile. Every read and write of
// a profile's health data is audited with that profile.
namespace cabinet::health {

struct Options {
  std::vector<std::string> file_types = uploads::default_types();  // health.file_types
  std::size_t file_max_size = 5UL * 1024 * 1024;                   // health.file_max_size
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  BlockingPool& blocking;  // the upload gate
  booking::Appointments& appointments;
  documents::Service& documents;        // the issued documents' JSON
  auth::RateLimiter* limits = nullptr;  // uploads per account
  Options options;
};

struct Filter {
  std::optional<std::string> profile;  // the holder's when absent
  std::optional<std::string> kind;
  std::optional<std::string> practitioner;
};

struct Upload {
  std::string profile;
  std::optional<std::string> title;
  std::optional<std::string> kind;
  std::string name;  // already made safe (consultation::uploaded_file_name)
};

struct FileBytes {
  std::string name;
  std::string mime;
  std::string bytes;
};

class Service {
 public:
  explicit Service(Deps deps);
  // The live options (docs/operator.md "Settings"): changed by the operator while the server
  // runs; take one snapshot per piece of work.
  [[nodiscard]] std::shared_ptr<const Options> options() const { return options_.get(); }
  void set_options(Options next) { options_.set(std::move(next)); }

  // The patient (files.cpp, listing.cpp, shares.cpp).
  Task<Result<nlohmann::json>> list(const Principal& who, const Filter& filter);
  Task<Result<nlohmann::json>> add_file(const Principal& who, const Upload& upload,
                                        std::string bytes);
  Task<Result<FileBytes>> file(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> update(const Principal& who, const std::string& id,
                                      const nlohmann::json& body);
  Task<Result<void>> remove(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> shares(const Principal& who, const std::string& appointment);
  Task<Result<nlohmann::json>> share(const Principal& who, const std::string& appointment,
                                     const nlohmann::json& body);

  // The consultation's practitioner (practitioner.cpp).
  Task<Result<nlohmann::json>> panel(const Principal& who, const std::string& consultation);
  Task<Result<FileBytes>> panel_file(const Principal& who, const std::string& consultation,
                                     const std::string& id);
  Task<Result<nlohmann::json>> consultation_medical(const Principal& who,
                                                    const std::string& consultation);
  Task<Result<nlohmann::json>> add_medical_item(const Principal& who,
                                                const std::string& consultation,
                                                const nlohmann::json& body);

  // The medical profile, for the account's profiles (medical.cpp).
  Task<Result<nlohmann::json>> medical(const Principal& who, const std::string& profile);
  Task<Result<nlohmann::json>> put_medical(const Principal& who, const std::string& profile,
                                           const nlohmann::json& body);

  // One document of a profile as the lists show it (listing.cpp).
  struct Item {
    std::optional<FileRow> file;
    std::optional<documents::store::DocumentRow> document;
    bool hidden = false;
    [[nodiscard]] std::int64_t at() const;
    [[nodiscard]] const std::string& public_id() const;
  };

 private:
  // A profile of the caller's account (the holder's when absent); 404 for anything else.
  Task<Result<accounts::store::Profile>> own_profile(const Principal& who,
                                                     const std::optional<std::string>& profile);
  // The consultation, for its practitioner from confirmation until 30 days after it ended;
  // 404 for everyone else (assistants, other practitioners, patients).
  Task<Result<booking::View>> practitioner_access(const Principal& who, const std::string& id);
  // Every document of a profile, hidden ones included, newest first.
  Task<Result<std::vector<Item>>> items_of(std::int64_t profile);
  // One of the account's documents by public id (own file or issued); nullopt when it is not.
  Task<Result<std::optional<Item>>> item(std::int64_t account, const std::string& id);
  [[nodiscard]] nlohmann::json patient_json(const Item& item) const;
  [[nodiscard]] nlohmann::json practitioner_json(const Item& item,
                                                 const std::string& consultation) const;
  Task<Result<FileBytes>> bytes_of(const Item& item);
  Task<Result<nlohmann::json>> read_medical(std::int64_t profile, const std::string& public_id);
  [[nodiscard]] std::string today() const;
  Task<Result<void>> audited(const audit::Entry& entry);

  Deps d_;
  Live<Options> options_;
};

// The audit entry of an access to a profile's health data.
audit::Entry health_entry(const Principal& who, std::int64_t profile, std::string action,
                          std::string object, std::string detail = {});

}  // namespace cabinet::health
