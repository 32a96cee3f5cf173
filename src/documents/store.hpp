#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

// Every statement of the documents feature (migrations/V014__documents.sql).
namespace cabinet::documents::store {

using storage::Executor;
using storage::Transaction;

// A document as listed: everything but its sealed content and PDF.
struct DocumentRow {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t appointment_id = 0;
  std::int64_t practitioner_id = 0;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string kind;
  std::optional<std::string> close_part;
  int version = 1;
  std::optional<std::int64_t> replaces_id;
  std::optional<std::int64_t> replaced_by_id;
  bool standin = false;
  std::int64_t issued_at = 0;
  // Joined for the JSON every list shows.
  std::string appointment_public_id;
  std::string profile_public_id;
  std::string practitioner_public_id;
  std::string practitioner_name;
  std::optional<std::string> replaces_public_id;
  std::optional<std::string> replaced_by_public_id;
  // Prescriptions only.
  std::optional<std::string> number;
  std::optional<std::int64_t> dispensed_at;
  std::optional<std::string> pharmacy_public_id;
  std::optional<std::string> pharmacy_name;
  std::optional<std::string> pharmacy_city;
  std::optional<std::string> pharmacy_status;
  std::optional<std::int64_t> pharmacy_updated_at;
};

struct NewDocument {
  std::string public_id;
  std::int64_t appointment_id = 0;
  std::int64_t practitioner_id = 0;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string kind;
  std::optional<std::string> close_part;
  int version = 1;
  std::optional<std::int64_t> replaces_id;
  bool standin = false;
  std::string sealed_content;
  std::string sealed_pdf;
  std::int64_t issued_at = 0;
};
Task<Result<std::int64_t>> insert_document(Transaction& tx, const NewDocument& d);
// Points the replaced version at its successor; false when it was already replaced.
Task<Result<bool>> mark_replaced(Transaction& tx, std::int64_t old_id, std::int64_t new_id);

Task<Result<std::optional<DocumentRow>>> document(Executor& db, const std::string& public_id);
Task<Result<std::optional<DocumentRow>>> document_by_id(Executor& db, std::int64_t id);
// Newest first.
Task<Result<std::vector<DocumentRow>>> of_profile(Executor& db, std::int64_t profile);
Task<Result<std::vector<DocumentRow>>> of_account(Executor& db, std::int64_t account);
Task<Result<std::vector<DocumentRow>>> of_appointment(Executor& db, std::int64_t appointment);

struct Sealed {
  std::string content;
  std::string pdf;
};
Task<Result<std::optional<Sealed>>> sealed(Executor& db, std::int64_t document);

// Prescriptions.
struct PrescriptionRow {
  std::int64_t document_id = 0;
  std::string document_public_id;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string number;
  std::string sealed_key;
  std::string payload;  // sealed
  std::string signature;
  std::optional<std::int64_t> dispensed_at;
  std::int64_t issued_at = 0;
  std::optional<std::int64_t> replaced_by_id;
  bool standin = false;  // numbered by the built-in stand-in
};
Task<Result<void>> insert_prescription(Transaction& tx, std::int64_t document,
                                       const std::string& number, const std::string& sealed_key,
                                       const std::string& sealed_payload,
                                       const std::string& signature);
Task<Result<std::optional<PrescriptionRow>>> prescription(Executor& db, const std::string& number);
Task<Result<std::optional<PrescriptionRow>>> prescription_of(Executor& db, std::int64_t document);
// Once: false when it was already dispensed.
Task<Result<bool>> dispense(Executor& db, std::int64_t document, std::int64_t now);
Task<Result<void>> set_pharmacy(Executor& db, std::int64_t document,
                                const std::string& pharmacy_public_id, const std::string& name,
                                const std::string& city, std::int64_t now);
// The pharmacy's answer; false when no pharmacy was chosen.
Task<Result<bool>> set_pharmacy_status(Executor& db, std::int64_t document,
                                       const std::string& status, std::int64_t now);

// The next value of a counter shared by every node of the database.
Task<Result<std::int64_t>> next_counter(Transaction& tx, const std::string& name);

// The closing form's draft.
Task<Result<std::optional<std::string>>> draft(Executor& db, std::int64_t appointment);
Task<Result<void>> put_draft(Executor& db, std::int64_t appointment, std::int64_t author,
                             const std::string& sealed_body, std::int64_t now);

}  // namespace cabinet::documents::store
