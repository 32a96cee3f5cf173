#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "health/model.hpp"
#include "storage/database.hpp"

// Every statement of the health space (migrations/V019__health_space.sql).
namespace cabinet::health::store {

using storage::Executor;
using storage::Transaction;

struct NewFile {
  std::string public_id;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string kind;
  std::string sealed_title;
  std::string sealed_name;
  std::string mime;
  std::int64_t size = 0;
  std::string sealed_body;
  std::int64_t now = 0;
};
Task<Result<std::int64_t>> insert_file(Transaction& tx, const NewFile& f);
Task<Result<std::int64_t>> count_files(Executor& db, std::int64_t profile);
// Newest first.
Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t profile);
Task<Result<std::optional<FileRow>>> file(Executor& db, const std::string& public_id);
Task<Result<std::optional<FileRow>>> file_by_id(Executor& db, std::int64_t id);
Task<Result<std::optional<std::string>>> file_body(Executor& db, std::int64_t id);
Task<Result<void>> update_file(Transaction& tx, std::int64_t id, const std::string& kind,
                               const std::string& sealed_title, bool hidden, std::int64_t now);
// The file and the appointments' shares of it.
Task<Result<void>> delete_file(Transaction& tx, std::int64_t id);

// Issued documents the patient hid (document ids), among those of one profile.
Task<Result<std::set<std::int64_t>>> hidden_documents(Executor& db, std::int64_t profile);
Task<Result<void>> set_document_hidden(Transaction& tx, std::int64_t document, bool hidden,
                                       std::int64_t now);

// In the patient's order.
Task<Result<std::vector<Share>>> shares_of(Executor& db, std::int64_t appointment);
Task<Result<void>> replace_shares(Transaction& tx, std::int64_t appointment,
                                  const std::vector<Share>& shares);

struct Medical {
  std::string sealed;
  std::int64_t updated_at = 0;
};
Task<Result<std::optional<Medical>>> medical(Executor& db, std::int64_t profile);
Task<Result<void>> put_medical(Transaction& tx, std::int64_t profile, const std::string& sealed,
                               std::int64_t now);

}  // namespace cabinet::health::store
