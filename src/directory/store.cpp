#include "directory/store.hpp"

#include "storage/query.hpp"

namespace cabinet::directory::store {
namespace {

using storage::optional;
using storage::Params;
using storage::Value;

constexpr std::string_view kProfileColumns =
    "SELECT p.account_id, p.public_id, h.first_name, h.last_name, r.rpps, r.specialty, r.status,"
    " p.address_line, p.commune_code, p.postcode, p.lat, p.lng, p.timezone, p.department,"
    " p.phone, p.languages, p.sector, p.carte_vitale, p.tiers_payant, p.payment_modes, p.video,"
    " p.in_person, p.presentation, p.min_notice_minutes, p.horizon_days,"
    " p.closed_on_public_holidays, p.published, p.delay_minutes, p.delay_announced_at,"
    " p.photo_version, p.updated_at"
    " FROM practitioner_profiles p JOIN practitioners r ON r.account_id = p.account_id"
    " JOIN accounts a ON a.id = p.account_id"
    " JOIN profiles h ON h.account_id = p.account_id AND h.is_holder = 1 ";
// Listed: verified by an operator (DIR3), published by the practitioner, account still open.
constexpr std::string_view kListed =
    "WHERE r.status = 'verified' AND p.published = 1 AND a.status = 'active' ";

constexpr std::string_view kInsertProfile =
    "INSERT INTO practitioner_profiles (account_id, public_id, timezone, department, languages,"
    " sector, carte_vitale, tiers_payant, payment_modes, video, in_person, min_notice_minutes,"
    " horizon_days, closed_on_public_holidays, published, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
constexpr std::string_view kUpdateProfile =
    "UPDATE practitioner_profiles SET address_line = $1, commune_code = $2, postcode = $3,"
    " lat = $4, lng = $5, timezone = $6, department = $7, phone = $8, languages = $9, sector = $10,"
    " carte_vitale = $11, tiers_payant = $12, payment_modes = $13, video = $14, in_person = $15,"
    " presentation = $16, min_notice_minutes = $17, horizon_days = $18,"
    " closed_on_public_holidays = $19, published = $20, updated_at = $21 WHERE account_id = $22";
constexpr std::string_view kSetDelay =
    "UPDATE practitioner_profiles SET delay_minutes = $1, delay_announced_at = $2,"
    " updated_at = $2 WHERE account_id = $3";

constexpr std::string_view kPhoto = "SELECT jpeg FROM practitioner_photos WHERE account_id = $1";
constexpr std::string_view kDeletePhotoRow =
    "DELETE FROM practitioner_photos WHERE account_id = $1";
constexpr std::string_view kInsertPhoto =
    "INSERT INTO practitioner_photos (account_id, jpeg, updated_at) VALUES ($1, $2, $3)";
constexpr std::string_view kBumpPhoto =
    "UPDATE practitioner_profiles SET photo_version = photo_version + 1, updated_at = $1"
    " WHERE account_id = $2";
constexpr std::string_view kClearPhoto =
    "UPDATE practitioner_profiles SET photo_version = 0, updated_at = $1 WHERE account_id = $2";

constexpr std::string_view kMotifColumns =
    "SELECT id, public_id, practitioner_id, label, duration_min, mode, price_cents, position,"
    " label_en FROM motifs WHERE archived_at IS NULL ";
constexpr std::string_view kInsertMotif =
    "INSERT INTO motifs (public_id, practitioner_id, label, duration_min, mode, price_cents,"
    " position, created_at, label_en) VALUES ($1, $2, $3, $4, $5, $6,"
    " (SELECT COALESCE(MAX(position), 0) + 1 FROM motifs WHERE practitioner_id = $2), $7, $8)"
    " RETURNING id";
constexpr std::string_view kUpdateMotif =
    "UPDATE motifs SET label = $1, duration_min = $2, mode = $3, price_cents = $4,"
    " label_en = $7 WHERE practitioner_id = $5 AND public_id = $6 AND archived_at IS NULL";
constexpr std::string_view kArchiveMotif =
    "UPDATE motifs SET archived_at = $1 WHERE practitioner_id = $2 AND public_id = $3"
    " AND archived_at IS NULL";

constexpr std::string_view kRecordChange =
    "INSERT INTO directory_changes (practitioner_id, changed_at) VALUES ($1, $2)";
constexpr std::string_view kChangesSince =
    "SELECT id, practitioner_id FROM directory_changes WHERE changed_at >= $1 ORDER BY id";
constexpr std::string_view kForgetChanges = "DELETE FROM directory_changes WHERE changed_at < $1";

std::int64_t flag(bool b) { return b ? 1 : 0; }

std::optional<double> opt_real(const storage::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.real(i);
}

Profile profile_from(const storage::Row& r) {
  Profile p;
  p.account_id = r.integer(0);
  p.public_id = r.text(1);
  p.first_name = r.text(2);
  p.last_name = r.text(3);
  p.rpps = r.text(4);
  p.specialty = r.text(5);
  p.status = r.text(6);
  p.address_line = r.opt_text(7);
  p.commune_code = r.opt_text(8);
  p.postcode = r.opt_text(9);
  p.lat = opt_real(r, 10);
  p.lng = opt_real(r, 11);
  p.timezone = r.text(12);
  p.department = r.text(13);
  p.phone = r.opt_text(14);
  p.languages = r.text(15);
  p.sector = r.text(16);
  p.carte_vitale = r.integer(17) != 0;
  p.tiers_payant = r.integer(18) != 0;
  p.payment_modes = r.text(19);
  p.video = r.integer(20) != 0;
  p.in_person = r.integer(21) != 0;
  p.presentation = r.opt_text(22);
  p.min_notice_minutes = static_cast<int>(r.integer(23));
  p.horizon_days = static_cast<int>(r.integer(24));
  p.closed_on_public_holidays = r.integer(25) != 0;
  p.published = r.integer(26) != 0;
  p.delay_minutes = static_cast<int>(r.integer(27));
  p.delay_announced_at = r.opt_integer(28);
  p.photo_version = static_cast<int>(r.integer(29));
  p.updated_at = r.integer(30);
  return p;
}

Task<Result<std::vector<Profile>>> profiles(Executor& db, std::string sql, Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Profile> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(profile_from(rows->row(i)));
  co_return out;
}

Task<Result<std::optional<Profile>>> one_profile(Executor& db, std::string sql, Params params) {
  auto all = co_await profiles(db, std::move(sql), std::move(params));
  if (!all) co_return std::move(all).error();
  if (all->empty()) co_return std::optional<Profile>{};
  co_return std::optional<Profile>(std::move(all->front()));
}

}  // namespace

Task<Result<void>> insert_profile(Executor& db, const Profile& p) {
  Params params{p.account_id,
                p.public_id,
                p.timezone,
                p.department,
                p.languages,
                p.sector,
                flag(p.carte_vitale),
                flag(p.tiers_payant),
                p.payment_modes,
                flag(p.video),
                flag(p.in_person),
                std::int64_t{p.min_notice_minutes},
                std::int64_t{p.horizon_days},
                flag(p.closed_on_public_holidays),
                flag(p.published),
                p.updated_at};
  co_return co_await storage::run(db, kInsertProfile, std::move(params));
}

Task<Result<std::optional<Profile>>> profile(Executor& db, std::int64_t account) {
  std::string sql(kProfileColumns);
  sql += "WHERE p.account_id = $1";
  Params args1{account};
  co_return co_await one_profile(db, std::move(sql), std::move(args1));
}

Task<Result<std::optional<Profile>>> profile_by_public_id(Executor& db, const std::string& id) {
  std::string sql(kProfileColumns);
  sql += kListed;
  sql += "AND p.public_id = $1";
  Params args2{id};
  co_return co_await one_profile(db, std::move(sql), std::move(args2));
}

Task<Result<std::vector<Profile>>> listed(Executor& db, std::optional<std::int64_t> account) {
  std::string sql(kProfileColumns);
  sql += kListed;
  Params params;
  if (account) {
    sql += "AND p.account_id = $1";
    params.emplace_back(*account);
  }
  co_return co_await profiles(db, std::move(sql), std::move(params));
}

Task<Result<void>> update_profile(Executor& db, const Profile& p) {
  Params params{optional(p.address_line),
                optional(p.commune_code),
                optional(p.postcode),
                optional(p.lat),
                optional(p.lng),
                p.timezone,
                p.department,
                optional(p.phone),
                p.languages,
                p.sector,
                flag(p.carte_vitale),
                flag(p.tiers_payant),
                p.payment_modes,
                flag(p.video),
                flag(p.in_person),
                optional(p.presentation),
                std::int64_t{p.min_notice_minutes},
                std::int64_t{p.horizon_days},
                flag(p.closed_on_public_holidays),
                flag(p.published),
                p.updated_at,
                p.account_id};
  co_return co_await storage::run(db, kUpdateProfile, std::move(params));
}

Task<Result<void>> set_delay(Executor& db, std::int64_t account, int minutes, std::int64_t now) {
  Params args3{std::int64_t{minutes}, now, account};
  co_return co_await storage::run(db, kSetDelay, std::move(args3));
}

Task<Result<std::optional<std::string>>> photo(Executor& db, std::int64_t account) {
  Params args4{account};
  auto rows = co_await db.query(kPhoto, std::move(args4));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<std::string>{};
  co_return std::optional<std::string>(rows->row(0).bytes(0));
}

Task<Result<void>> put_photo(Transaction& tx, std::int64_t account, const std::string& jpeg,
                             std::int64_t now) {
  Params args5{account};
  if (auto r = co_await storage::run(tx, kDeletePhotoRow, std::move(args5)); !r) co_return r;
  Params args6{account, storage::blob(jpeg), now};
  if (auto r = co_await storage::run(tx, kInsertPhoto, std::move(args6)); !r) co_return r;
  Params args7{now, account};
  co_return co_await storage::run(tx, kBumpPhoto, std::move(args7));
}

Task<Result<void>> delete_photo(Transaction& tx, std::int64_t account, std::int64_t now) {
  Params args8{account};
  if (auto r = co_await storage::run(tx, kDeletePhotoRow, std::move(args8)); !r) co_return r;
  Params args9{now, account};
  co_return co_await storage::run(tx, kClearPhoto, std::move(args9));
}

Task<Result<std::vector<Motif>>> motifs(Executor& db, std::optional<std::int64_t> account) {
  std::string sql(kMotifColumns);
  Params params;
  if (account) {
    sql += "AND practitioner_id = $1 ";
    params.emplace_back(*account);
  }
  sql += "ORDER BY practitioner_id, position, id";
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Motif> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Motif m;
    m.id = r.integer(0);
    m.public_id = r.text(1);
    m.practitioner_id = r.integer(2);
    m.label = r.text(3);
    m.duration_min = static_cast<int>(r.integer(4));
    m.mode = r.text(5);
    m.price_cents = static_cast<int>(r.integer(6));
    m.position = static_cast<int>(r.integer(7));
    m.label_en = r.opt_text(8);
    out.push_back(std::move(m));
  }
  co_return out;
}

Task<Result<std::int64_t>> insert_motif(Executor& db, const Motif& m, std::int64_t now) {
  Params params{m.public_id, m.practitioner_id,           m.label, std::int64_t{m.duration_min},
                m.mode,      std::int64_t{m.price_cents}, now,     storage::optional(m.label_en)};
  auto r = co_await db.query(kInsertMotif, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->row(0).integer(0);
}

Task<Result<bool>> update_motif(Executor& db, const Motif& m) {
  Params params{m.label,
                std::int64_t{m.duration_min},
                m.mode,
                std::int64_t{m.price_cents},
                m.practitioner_id,
                m.public_id,
                storage::optional(m.label_en)};
  auto r = co_await db.query(kUpdateMotif, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<bool>> archive_motif(Executor& db, std::int64_t account, const std::string& id,
                                 std::int64_t now) {
  Params args10{now, account, id};
  auto r = co_await db.query(kArchiveMotif, std::move(args10));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<void>> record_change(Executor& db, std::int64_t account, std::int64_t now) {
  Params args13{account, now};
  co_return co_await storage::run(db, kRecordChange, std::move(args13));
}

Task<Result<std::vector<Change>>> changes_since(Executor& db, std::int64_t since) {
  Params args14{since};
  auto rows = co_await db.query(kChangesSince, std::move(args14));
  if (!rows) co_return std::move(rows).error();
  std::vector<Change> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i)
    out.push_back(Change{rows->row(i).integer(0), rows->row(i).integer(1)});
  co_return out;
}

Task<Result<void>> forget_changes_before(Executor& db, std::int64_t before) {
  Params args15{before};
  co_return co_await storage::run(db, kForgetChanges, std::move(args15));
}

}  // namespace cabinet::directory::store
