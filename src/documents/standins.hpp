#pragma once

#include <map>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "documents/teleservices.hpp"
#include "storage/database.hpp"

namespace cabinet::notify {
class Outbox;
}

// The built-in stand-ins of the national teleservices (docs/documents.md "Teleservices"): what
// makes everything work offline and end to end until the operator is accredited. What they
// make is marked as such on every document (standin() is true).
namespace cabinet::documents {

// Prescription numbers from a counter in the database, so two nodes sharing it never give the
// same number; 11 digits and a Luhn check digit, so that a mistyped number is caught before any
// lookup. The key is 128 random bits, base32.
class StandinEPrescription final : public EPrescription {
 public:
  StandinEPrescription(storage::Database& db, Random& random) : db_(db), random_(random) {}
  [[nodiscard]] std::string_view name() const override { return "standin"; }
  [[nodiscard]] bool standin() const override { return true; }
  Task<Result<PrescriptionRegistration>> register_prescription(
      const PrescriptionRequest& request) override;

 private:
  storage::Database& db_;
  Random& random_;
  std::mutex mutex_;
  std::map<std::string, PrescriptionRegistration> answered_;  // by idempotency key, bounded
};

// "Not transmitted": the reference says it is a demonstration one.
class StandinSickLeave final : public SickLeave {
 public:
  explicit StandinSickLeave(Random& random) : random_(random) {}
  [[nodiscard]] std::string_view name() const override { return "standin"; }
  [[nodiscard]] bool standin() const override { return true; }
  Task<Result<SickLeaveReceipt>> submit(const SickLeaveRequest& request) override;

 private:
  Random& random_;
};

// Nothing is transmitted: the patient sends the paper sheet (the PDF) to their caisse.
class StandinCareSheet final : public CareSheetTransmission {
 public:
  [[nodiscard]] std::string_view name() const override { return "standin"; }
  [[nodiscard]] bool standin() const override { return true; }
  Task<Result<CareSheetReceipt>> submit(const CareSheetRequest& request) override;
};

// Delivers to the local mailbox (the development mailbox's files) through the outbox, as an
// email to the pharmacy's address: the text and its link, without attachments.
class StandinSecureMail final : public SecureMail {
 public:
  StandinSecureMail(storage::Database& db, notify::Outbox& outbox, Random& random)
      : db_(db), outbox_(outbox), random_(random) {}
  [[nodiscard]] std::string_view name() const override { return "standin"; }
  [[nodiscard]] bool standin() const override { return true; }
  Task<Result<std::string>> send(const SecureMessage& message) override;

 private:
  storage::Database& db_;
  notify::Outbox& outbox_;
  Random& random_;
};

// The Luhn check digit of a string of digits (ISO/IEC 7812).
char luhn_digit(std::string_view digits);
bool luhn_valid(std::string_view number);

}  // namespace cabinet::documents
