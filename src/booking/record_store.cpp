#include "booking/record_store.hpp"

namespace cabinet::booking::store {
namespace {

constexpr const char* kInsertFile =
    "INSERT INTO consultation_files (appointment_id, sender_account_id, sender_role, sender_name,"
    " name, mime, size, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    " RETURNING id";
constexpr const char* kFileColumns =
    "id, appointment_id, sender_account_id, sender_role, sender_name, name, mime, size,"
    " created_at";
constexpr const char* kInsertIncident =
    "INSERT INTO consultation_incidents (appointment_id, kind, cause, note, actor_account_id,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr const char* kLatestIncident =
    "SELECT appointment_id, kind, cause, note, actor_account_id, created_at"
    " FROM consultation_incidents WHERE appointment_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1";
// Oldest first: the last one seen for an appointment is its latest.
constexpr const char* kIncidentsOfPractitioner =
    "SELECT i.appointment_id, i.kind, i.cause, i.note, i.actor_account_id, i.created_at"
    " FROM consultation_incidents i JOIN appointments a ON a.id = i.appointment_id"
    " WHERE a.practitioner_id = $1 AND a.start_at >= $2 AND a.start_at < $3 AND i.kind = $4"
    " ORDER BY i.id";
constexpr const char* kNote =
    "SELECT body, author_account_id, updated_at FROM consultation_notes WHERE appointment_id = $1";
constexpr const char* kPutNote =
    "INSERT INTO consultation_notes (appointment_id, author_account_id, body, updated_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (appointment_id) DO UPDATE SET"
    " author_account_id = excluded.author_account_id, body = excluded.body,"
    " updated_at = excluded.updated_at";

FileRow file_row(const storage::Row& r) {
  FileRow f;
  f.id = r.integer(0);
  f.appointment_id = r.integer(1);
  f.sender_account_id = r.integer(2);
  f.sender_role = r.text(3);
  f.sender_name = r.text(4);
  f.sealed_name = r.bytes(5);
  f.mime = r.text(6);
  f.size = r.integer(7);
  f.created_at = r.integer(8);
  return f;
}

Incident incident(const storage::Row& r) {
  Incident i;
  i.appointment_id = r.integer(0);
  i.kind = r.text(1);
  i.cause = r.text(2);
  if (!r.is_null(3)) i.sealed_note = r.bytes(3);
  i.actor_account_id = r.integer(4);
  i.at = r.integer(5);
  return i;
}

}  // namespace

Task<Result<std::int64_t>> insert_file(Executor& db, const FileRow& f,
                                       const std::string& sealed_body) {
  storage::Params p{f.appointment_id, f.sender_account_id,          f.sender_role,
                    f.sender_name,    storage::blob(f.sealed_name), f.mime,
                    f.size,           storage::blob(sealed_body),   f.created_at};
  auto rows = co_await db.query(kInsertFile, std::move(p));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "insert_file returned no id");
  co_return rows->row(0).integer(0);
}

Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t appointment,
                                            std::size_t limit) {
  storage::Params p{appointment, static_cast<std::int64_t>(limit)};
  auto rows = co_await db.query(std::string("SELECT ") + kFileColumns +
                                    " FROM consultation_files WHERE appointment_id = $1"
                                    " ORDER BY id LIMIT $2",
                                std::move(p));
  if (!rows) co_return std::move(rows).error();
  std::vector<FileRow> out;
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(file_row(rows->row(i)));
  co_return out;
}

Task<Result<std::optional<FileBody>>> file_body(Executor& db, std::int64_t appointment,
                                                std::int64_t file) {
  storage::Params p{file, appointment};
  auto rows = co_await db.query(std::string("SELECT ") + kFileColumns +
                                    ", body FROM consultation_files"
                                    " WHERE id = $1 AND appointment_id = $2",
                                std::move(p));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<FileBody>{};
  const auto r = rows->row(0);
  co_return std::optional<FileBody>(FileBody{file_row(r), r.bytes(9)});
}

Task<Result<void>> insert_incident(Executor& db, const Incident& i) {
  storage::Params p{i.appointment_id,
                    i.kind,
                    i.cause,
                    i.sealed_note ? storage::blob(*i.sealed_note) : storage::null(),
                    i.actor_account_id,
                    i.at};
  auto rows = co_await db.query(kInsertIncident, std::move(p));
  if (!rows) co_return std::move(rows).error();
  co_return ok();
}

Task<Result<std::optional<Incident>>> latest_incident(Executor& db, std::int64_t appointment,
                                                      const std::string& kind) {
  storage::Params p{appointment, kind};
  auto rows = co_await db.query(kLatestIncident, std::move(p));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Incident>{};
  co_return std::optional<Incident>(incident(rows->row(0)));
}

Task<Result<std::map<std::int64_t, Incident>>> latest_incidents(Executor& db,
                                                                std::int64_t practitioner,
                                                                std::int64_t from, std::int64_t to,
                                                                const std::string& kind) {
  storage::Params p{practitioner, from, to, kind};
  auto rows = co_await db.query(kIncidentsOfPractitioner, std::move(p));
  if (!rows) co_return std::move(rows).error();
  std::map<std::int64_t, Incident> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto one = incident(rows->row(i));
    out[one.appointment_id] = std::move(one);
  }
  co_return out;
}

Task<Result<std::optional<Note>>> note(Executor& db, std::int64_t appointment) {
  storage::Params p{appointment};
  auto rows = co_await db.query(kNote, std::move(p));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Note>{};
  const auto r = rows->row(0);
  co_return std::optional<Note>(Note{r.bytes(0), r.integer(1), r.integer(2)});
}

Task<Result<void>> put_note(Executor& db, std::int64_t appointment, const Note& n) {
  storage::Params p{appointment, n.author_account_id, storage::blob(n.sealed_body), n.updated_at};
  auto rows = co_await db.query(kPutNote, std::move(p));
  if (!rows) co_return std::move(rows).error();
  co_return ok();
}

}  // namespace cabinet::booking::store
