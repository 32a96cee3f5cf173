#include "documents/store.hpp"

#include "storage/query.hpp"

namespace cabinet::documents::store {
namespace {

// The list's columns: the document, the public ids it is shown with, the practitioner's name,
// the versions around it, and a prescription's number, dispensing and pharmacy.
#define DOCUMENT_SELECT                                                                        \
  "SELECT d.id, d.public_id, d.appointment_id, d.practitioner_id, d.account_id, d.profile_id," \
  " d.kind, d.close_part, d.version, d.replaces_id, d.replaced_by_id, d.standin, d.issued_at," \
  " a.public_id, p.public_id, pp.public_id, ph.first_name, ph.last_name, r.public_id,"         \
  " rb.public_id, x.number, x.dispensed_at, x.pharmacy_public_id, x.pharmacy_name,"            \
  " x.pharmacy_city, x.pharmacy_status, x.pharmacy_updated_at"                                 \
  " FROM documents d"                                                                          \
  " JOIN appointments a ON a.id = d.appointment_id"                                            \
  " JOIN profiles p ON p.id = d.profile_id"                                                    \
  " JOIN practitioner_profiles pp ON pp.account_id = d.practitioner_id"                        \
  " JOIN profiles ph ON ph.account_id = d.practitioner_id AND ph.is_holder = 1"                \
  " LEFT JOIN documents r ON r.id = d.replaces_id"                                             \
  " LEFT JOIN documents rb ON rb.id = d.replaced_by_id"                                        \
  " LEFT JOIN prescriptions x ON x.document_id = d.id "

constexpr std::string_view kDocument = DOCUMENT_SELECT "WHERE d.public_id = $1";
constexpr std::string_view kDocumentById = DOCUMENT_SELECT "WHERE d.id = $1";
constexpr std::string_view kOfProfile =
    DOCUMENT_SELECT "WHERE d.profile_id = $1 ORDER BY d.issued_at DESC, d.id";
constexpr std::string_view kOfAccount =
    DOCUMENT_SELECT "WHERE d.account_id = $1 ORDER BY d.issued_at DESC, d.id";
constexpr std::string_view kOfAppointment =
    DOCUMENT_SELECT "WHERE d.appointment_id = $1 ORDER BY d.id";

constexpr std::string_view kInsertDocument =
    "INSERT INTO documents (public_id, appointment_id, practitioner_id, account_id, profile_id,"
    " kind, close_part, version, replaces_id, standin, content, pdf, issued_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id";
constexpr std::string_view kMarkReplaced =
    "UPDATE documents SET replaced_by_id = $2 WHERE id = $1 AND replaced_by_id IS NULL";
constexpr std::string_view kSealed = "SELECT content, pdf FROM documents WHERE id = $1";

#define PRESCRIPTION_SELECT                                                                \
  "SELECT x.document_id, d.public_id, d.account_id, d.profile_id, x.number, x.sealed_key," \
  " x.payload, x.signature, x.dispensed_at, d.issued_at, d.replaced_by_id, d.standin"      \
  " FROM prescriptions x JOIN documents d ON d.id = x.document_id "
constexpr std::string_view kInsertPrescription =
    "INSERT INTO prescriptions (document_id, number, sealed_key, payload, signature)"
    " VALUES ($1, $2, $3, $4, $5)";
constexpr std::string_view kPrescription = PRESCRIPTION_SELECT "WHERE x.number = $1";
constexpr std::string_view kPrescriptionOf = PRESCRIPTION_SELECT "WHERE x.document_id = $1";
constexpr std::string_view kDispense =
    "UPDATE prescriptions SET dispensed_at = $2 WHERE document_id = $1 AND dispensed_at IS NULL";
constexpr std::string_view kSetPharmacy =
    "UPDATE prescriptions SET pharmacy_public_id = $2, pharmacy_name = $3, pharmacy_city = $4,"
    " pharmacy_status = 'sent', pharmacy_updated_at = $5 WHERE document_id = $1";
constexpr std::string_view kSetPharmacyStatus =
    "UPDATE prescriptions SET pharmacy_status = $2, pharmacy_updated_at = $3"
    " WHERE document_id = $1 AND pharmacy_public_id IS NOT NULL";

constexpr std::string_view kNextCounter =
    "UPDATE document_counters SET value = value + 1 WHERE name = $1 RETURNING value";

constexpr std::string_view kDraft = "SELECT body FROM closing_drafts WHERE appointment_id = $1";
constexpr std::string_view kPutDraft =
    "INSERT INTO closing_drafts (appointment_id, author_account_id, body, updated_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (appointment_id) DO UPDATE SET"
    " author_account_id = excluded.author_account_id, body = excluded.body,"
    " updated_at = excluded.updated_at";

DocumentRow document_row(const storage::Row& r) {
  DocumentRow d;
  std::size_t i = 0;
  d.id = r.integer(i++);
  d.public_id = r.text(i++);
  d.appointment_id = r.integer(i++);
  d.practitioner_id = r.integer(i++);
  d.account_id = r.integer(i++);
  d.profile_id = r.integer(i++);
  d.kind = r.text(i++);
  d.close_part = r.opt_text(i++);
  d.version = static_cast<int>(r.integer(i++));
  d.replaces_id = r.opt_integer(i++);
  d.replaced_by_id = r.opt_integer(i++);
  d.standin = r.integer(i++) != 0;
  d.issued_at = r.integer(i++);
  d.appointment_public_id = r.text(i++);
  d.profile_public_id = r.text(i++);
  d.practitioner_public_id = r.text(i++);
  const auto first = r.text(i++);
  const auto last = r.text(i++);
  d.practitioner_name = "Dr " + first + " " + last;
  d.replaces_public_id = r.opt_text(i++);
  d.replaced_by_public_id = r.opt_text(i++);
  d.number = r.opt_text(i++);
  d.dispensed_at = r.opt_integer(i++);
  d.pharmacy_public_id = r.opt_text(i++);
  d.pharmacy_name = r.opt_text(i++);
  d.pharmacy_city = r.opt_text(i++);
  d.pharmacy_status = r.opt_text(i++);
  d.pharmacy_updated_at = r.opt_integer(i++);
  return d;
}

PrescriptionRow prescription_row(const storage::Row& r) {
  PrescriptionRow p;
  std::size_t i = 0;
  p.document_id = r.integer(i++);
  p.document_public_id = r.text(i++);
  p.account_id = r.integer(i++);
  p.profile_id = r.integer(i++);
  p.number = r.text(i++);
  p.sealed_key = r.bytes(i++);
  p.payload = r.bytes(i++);
  p.signature = r.text(i++);
  p.dispensed_at = r.opt_integer(i++);
  p.issued_at = r.integer(i++);
  p.replaced_by_id = r.opt_integer(i++);
  p.standin = r.integer(i++) != 0;
  return p;
}

storage::Value opt(const std::optional<std::string>& v) {
  if (v) return *v;
  return nullptr;
}
storage::Value opt(const std::optional<std::int64_t>& v) {
  if (v) return *v;
  return nullptr;
}

}  // namespace

Task<Result<std::int64_t>> insert_document(Transaction& tx, const NewDocument& d) {
  auto params =
      storage::bind(d.public_id, d.appointment_id, d.practitioner_id, d.account_id, d.profile_id,
                    d.kind, opt(d.close_part), static_cast<std::int64_t>(d.version),
                    opt(d.replaces_id), static_cast<std::int64_t>(d.standin ? 1 : 0),
                    storage::blob(d.sealed_content), storage::blob(d.sealed_pdf), d.issued_at);
  co_return co_await storage::insert_returning_id(tx, kInsertDocument, std::move(params));
}

Task<Result<bool>> mark_replaced(Transaction& tx, std::int64_t old_id, std::int64_t new_id) {
  co_return co_await storage::changed_one(tx, kMarkReplaced, storage::bind(old_id, new_id));
}

Task<Result<std::optional<DocumentRow>>> document(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kDocument, storage::bind(public_id), document_row);
}

Task<Result<std::optional<DocumentRow>>> document_by_id(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kDocumentById, storage::bind(id), document_row);
}

Task<Result<std::vector<DocumentRow>>> of_profile(Executor& db, std::int64_t profile) {
  co_return co_await storage::all(db, kOfProfile, storage::bind(profile), document_row);
}

Task<Result<std::vector<DocumentRow>>> of_account(Executor& db, std::int64_t account) {
  co_return co_await storage::all(db, kOfAccount, storage::bind(account), document_row);
}

Task<Result<std::vector<DocumentRow>>> of_appointment(Executor& db, std::int64_t appointment) {
  co_return co_await storage::all(db, kOfAppointment, storage::bind(appointment), document_row);
}

Task<Result<std::optional<Sealed>>> sealed(Executor& db, std::int64_t document) {
  co_return co_await storage::first(db, kSealed, storage::bind(document),
                                    [](const storage::Row& r) {
                                      return Sealed{r.bytes(0), r.bytes(1)};
                                    });
}

Task<Result<void>> insert_prescription(Transaction& tx, std::int64_t document,
                                       const std::string& number, const std::string& sealed_key,
                                       const std::string& sealed_payload,
                                       const std::string& signature) {
  auto params = storage::bind(document, number, storage::blob(sealed_key),
                              storage::blob(sealed_payload), signature);
  co_return co_await storage::run(tx, kInsertPrescription, std::move(params));
}

Task<Result<std::optional<PrescriptionRow>>> prescription(Executor& db, const std::string& number) {
  co_return co_await storage::first(db, kPrescription, storage::bind(number), prescription_row);
}

Task<Result<std::optional<PrescriptionRow>>> prescription_of(Executor& db, std::int64_t document) {
  co_return co_await storage::first(db, kPrescriptionOf, storage::bind(document), prescription_row);
}

Task<Result<bool>> dispense(Executor& db, std::int64_t document, std::int64_t now) {
  co_return co_await storage::changed_one(db, kDispense, storage::bind(document, now));
}

Task<Result<void>> set_pharmacy(Executor& db, std::int64_t document,
                                const std::string& pharmacy_public_id, const std::string& name,
                                const std::string& city, std::int64_t now) {
  co_return co_await storage::run(db, kSetPharmacy,
                                  storage::bind(document, pharmacy_public_id, name, city, now));
}

Task<Result<bool>> set_pharmacy_status(Executor& db, std::int64_t document,
                                       const std::string& status, std::int64_t now) {
  co_return co_await storage::changed_one(db, kSetPharmacyStatus,
                                          storage::bind(document, status, now));
}

Task<Result<std::int64_t>> next_counter(Transaction& tx, const std::string& name) {
  co_return co_await storage::insert_returning_id(tx, kNextCounter, storage::bind(name));
}

Task<Result<std::optional<std::string>>> draft(Executor& db, std::int64_t appointment) {
  co_return co_await storage::first(db, kDraft, storage::bind(appointment),
                                    [](const storage::Row& r) { return r.bytes(0); });
}

Task<Result<void>> put_draft(Executor& db, std::int64_t appointment, std::int64_t author,
                             const std::string& sealed_body, std::int64_t now) {
  co_return co_await storage::run(
      db, kPutDraft, storage::bind(appointment, author, storage::blob(sealed_body), now));
}

}  // namespace cabinet::documents::store
