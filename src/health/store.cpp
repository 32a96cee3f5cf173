#include "health/store.hpp"

#include "storage/query.hpp"

namespace cabinet::health::store {
namespace {

#define FILE_SELECT                                                                     \
  "SELECT f.id, f.public_id, f.account_id, f.profile_id, p.public_id, f.kind, f.title," \
  " f.name, f.mime, f.size, f.hidden, f.added_at FROM health_files f"                   \
  " JOIN profiles p ON p.id = f.profile_id "

constexpr std::string_view kInsertFile =
    "INSERT INTO health_files (public_id, account_id, profile_id, kind, title, name, mime, size,"
    " body, hidden, added_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $10)"
    " RETURNING id";
constexpr std::string_view kCountFiles = "SELECT COUNT(*) FROM health_files WHERE profile_id = $1";
constexpr std::string_view kFilesOf =
    FILE_SELECT "WHERE f.profile_id = $1 ORDER BY f.added_at DESC, f.id DESC";
constexpr std::string_view kFile = FILE_SELECT "WHERE f.public_id = $1";
constexpr std::string_view kFileById = FILE_SELECT "WHERE f.id = $1";
constexpr std::string_view kFileBody = "SELECT body FROM health_files WHERE id = $1";
constexpr std::string_view kUpdateFile =
    "UPDATE health_files SET kind = $2, title = $3, hidden = $4, updated_at = $5 WHERE id = $1";
constexpr std::string_view kDeleteFileShares = "DELETE FROM appointment_shares WHERE file_id = $1";
constexpr std::string_view kDeleteFile = "DELETE FROM health_files WHERE id = $1";

constexpr std::string_view kHiddenDocuments =
    "SELECT v.document_id FROM document_visibility v JOIN documents d ON d.id = v.document_id"
    " WHERE d.profile_id = $1 AND v.hidden = 1";
constexpr std::string_view kSetHidden =
    "INSERT INTO document_visibility (document_id, hidden, updated_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (document_id) DO UPDATE SET hidden = excluded.hidden,"
    " updated_at = excluded.updated_at";

constexpr std::string_view kSharesOf =
    "SELECT file_id, document_id FROM appointment_shares WHERE appointment_id = $1"
    " ORDER BY position";
constexpr std::string_view kDeleteShares =
    "DELETE FROM appointment_shares WHERE appointment_id = $1";
constexpr std::string_view kInsertShare =
    "INSERT INTO appointment_shares (appointment_id, position, file_id, document_id)"
    " VALUES ($1, $2, $3, $4)";

constexpr std::string_view kMedical =
    "SELECT body, updated_at FROM medical_profiles WHERE profile_id = $1";
constexpr std::string_view kPutMedical =
    "INSERT INTO medical_profiles (profile_id, body, updated_at) VALUES ($1, $2, $3)"
    " ON CONFLICT (profile_id) DO UPDATE SET body = excluded.body,"
    " updated_at = excluded.updated_at";

FileRow file_row(const storage::Row& r) {
  FileRow f;
  std::size_t i = 0;
  f.id = r.integer(i++);
  f.public_id = r.text(i++);
  f.account_id = r.integer(i++);
  f.profile_id = r.integer(i++);
  f.profile_public_id = r.text(i++);
  f.kind = r.text(i++);
  f.sealed_title = r.bytes(i++);
  f.sealed_name = r.bytes(i++);
  f.mime = r.text(i++);
  f.size = r.integer(i++);
  f.hidden = r.integer(i++) != 0;
  f.added_at = r.integer(i++);
  return f;
}

}  // namespace

Task<Result<std::int64_t>> insert_file(Transaction& tx, const NewFile& f) {
  auto rows = co_await tx.query(
      kInsertFile, storage::bind(f.public_id, f.account_id, f.profile_id, f.kind,
                                 storage::blob(f.sealed_title), storage::blob(f.sealed_name),
                                 f.mime, f.size, storage::blob(f.sealed_body), f.now));
  if (!rows) co_return std::move(rows).error();
  co_return rows->row(0).integer(0);
}

Task<Result<std::int64_t>> count_files(Executor& db, std::int64_t profile) {
  auto rows = co_await db.query(kCountFiles, storage::bind(profile));
  if (!rows) co_return std::move(rows).error();
  co_return rows->row(0).integer(0);
}

Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t profile) {
  co_return co_await storage::all(db, kFilesOf, storage::bind(profile), file_row);
}

Task<Result<std::optional<FileRow>>> file(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kFile, storage::bind(public_id), file_row);
}

Task<Result<std::optional<FileRow>>> file_by_id(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kFileById, storage::bind(id), file_row);
}

Task<Result<std::optional<std::string>>> file_body(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kFileBody, storage::bind(id),
                                    [](const storage::Row& r) { return r.bytes(0); });
}

Task<Result<void>> update_file(Transaction& tx, std::int64_t id, const std::string& kind,
                               const std::string& sealed_title, bool hidden, std::int64_t now) {
  const std::int64_t flag = hidden ? 1 : 0;
  auto params = storage::bind(id, kind, storage::blob(sealed_title), flag, now);
  co_return co_await storage::run(tx, kUpdateFile, std::move(params));
}

Task<Result<void>> delete_file(Transaction& tx, std::int64_t id) {
  if (auto r = co_await storage::run(tx, kDeleteFileShares, storage::bind(id)); !r) co_return r;
  co_return co_await storage::run(tx, kDeleteFile, storage::bind(id));
}

Task<Result<std::set<std::int64_t>>> hidden_documents(Executor& db, std::int64_t profile) {
  auto ids = co_await storage::all(db, kHiddenDocuments, storage::bind(profile),
                                   [](const storage::Row& r) { return r.integer(0); });
  if (!ids) co_return std::move(ids).error();
  co_return std::set<std::int64_t>(ids->begin(), ids->end());
}

Task<Result<void>> set_document_hidden(Transaction& tx, std::int64_t document, bool hidden,
                                       std::int64_t now) {
  const std::int64_t flag = hidden ? 1 : 0;
  auto params = storage::bind(document, flag, now);
  co_return co_await storage::run(tx, kSetHidden, std::move(params));
}

Task<Result<std::vector<Share>>> shares_of(Executor& db, std::int64_t appointment) {
  co_return co_await storage::all(db, kSharesOf, storage::bind(appointment),
                                  [](const storage::Row& r) {
                                    return Share{r.opt_integer(0), r.opt_integer(1)};
                                  });
}

Task<Result<void>> replace_shares(Transaction& tx, std::int64_t appointment,
                                  const std::vector<Share>& shares) {
  if (auto r = co_await storage::run(tx, kDeleteShares, storage::bind(appointment)); !r)
    co_return r;
  std::int64_t position = 0;
  for (const auto& s : shares) {
    auto params = storage::bind(appointment, position++, storage::optional(s.file_id),
                                storage::optional(s.document_id));
    if (auto r = co_await storage::run(tx, kInsertShare, std::move(params)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<std::optional<Medical>>> medical(Executor& db, std::int64_t profile) {
  co_return co_await storage::first(db, kMedical, storage::bind(profile),
                                    [](const storage::Row& r) {
                                      return Medical{r.bytes(0), r.integer(1)};
                                    });
}

Task<Result<void>> put_medical(Transaction& tx, std::int64_t profile, const std::string& sealed,
                               std::int64_t now) {
  co_return co_await storage::run(tx, kPutMedical,
                                  storage::bind(profile, storage::blob(sealed), now));
}

}  // namespace cabinet::health::store
