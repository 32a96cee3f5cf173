#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The SQL of the consultation record beyond the chat (V010; docs/consultation.md): files,
// incidents (the switches to a phone call) and the practitioner's private notes. Contents come
// and go sealed: the service seals and opens them with the keyring.
namespace cabinet::booking::store {

using storage::Executor;

struct FileRow {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::int64_t sender_account_id = 0;
  std::string sender_role;
  std::string sender_name;
  std::string sealed_name;
  std::string mime;
  std::int64_t size = 0;
  std::int64_t created_at = 0;
};

// Returns the new file's id.
Task<Result<std::int64_t>> insert_file(Executor& db, const FileRow& f,
                                       const std::string& sealed_body);
// The consultation's files, oldest first, without their bodies (at most `limit`).
Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t appointment,
                                            std::size_t limit);
struct FileBody {
  FileRow row;
  std::string sealed_body;
};
// One file of that consultation (nullopt when it is another's, or unknown).
Task<Result<std::optional<FileBody>>> file_body(Executor& db, std::int64_t appointment,
                                                std::int64_t file);

struct Incident {
  std::int64_t appointment_id = 0;
  std::string kind;  // phone_fallback
  std::string cause;
  std::optional<std::string> sealed_note;
  std::int64_t actor_account_id = 0;
  std::int64_t at = 0;
};
Task<Result<void>> insert_incident(Executor& db, const Incident& i);
Task<Result<std::optional<Incident>>> latest_incident(Executor& db, std::int64_t appointment,
                                                      const std::string& kind);
// The latest incident of `kind` of each appointment of a practitioner starting in [from, to).
Task<Result<std::map<std::int64_t, Incident>>> latest_incidents(Executor& db,
                                                                std::int64_t practitioner,
                                                                std::int64_t from, std::int64_t to,
                                                                const std::string& kind);

struct Note {
  std::string sealed_body;
  std::int64_t author_account_id = 0;
  std::int64_t updated_at = 0;
};
Task<Result<std::optional<Note>>> note(Executor& db, std::int64_t appointment);
// One current note per consultation: replaces the previous one.
Task<Result<void>> put_note(Executor& db, std::int64_t appointment, const Note& n);

}  // namespace cabinet::booking::store
