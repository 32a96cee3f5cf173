#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"

// The national teleservices a closing consultation goes through (docs/documents.md,
// "Teleservices"). Each needs an accreditation only the operator can obtain, so each is an
// interface with three implementations, like the card processor (payments/provider.hpp):
//  - a built-in stand-in (the default): everything works offline and end to end, and what it
//    makes says on its face that it is not the national service;
//  - an adapter to the service's public specification, over HTTP (documents/*_http.cpp);
//  - the adapter's test double, a Python server in tests/teleservices/.
// Every call carries an idempotency key: a retried close asks again and gets the same answer.
namespace cabinet::documents {

// Who the request is about, as the teleservices identify people.
struct Person {
  std::string first_name;
  std::string last_name;
  std::string birth_date;          // YYYY-MM-DD
  std::string sex;                 // female, male, other, or empty
  std::optional<std::string> nir;  // 15 characters with the key, when known
};

// --- Ordonnance numérique (décret 2023-1222): the number and the QR's secret.
struct PrescriptionRequest {
  std::string idempotency_key;
  std::string rpps;
  Person patient;
  std::int64_t issued_at = 0;
  std::vector<std::string> items;  // one line per drug, test or other prescription
};
struct PrescriptionRegistration {
  std::string number;  // unique across nodes and restarts
  std::string key;     // the per-prescription secret the QR carries; never stored in clear
};
class EPrescription {
 public:
  virtual ~EPrescription() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;  // "standin", "http"
  [[nodiscard]] virtual bool standin() const = 0;
  // Errors: invalid_request (the service refused the content), unavailable.
  virtual Task<Result<PrescriptionRegistration>> register_prescription(
      const PrescriptionRequest& request) = 0;
};

// --- Arrêt de travail (décret 2025-587: valid only through the teleservice).
struct SickLeaveRequest {
  std::string idempotency_key;
  std::string rpps;
  Person patient;
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;
  bool prolongation = false;
  std::string medical_reason;  // goes to the medical service only
};
struct SickLeaveReceipt {
  std::string reference;  // the notice's number, printed on the employer's copy
};
class SickLeave {
 public:
  virtual ~SickLeave() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] virtual bool standin() const = 0;
  virtual Task<Result<SickLeaveReceipt>> submit(const SickLeaveRequest& request) = 0;
};

// --- Feuille de soins électronique (SESAM-Vitale).
struct CareSheetRequest {
  std::string idempotency_key;
  std::string rpps;
  Person patient;    // nir required by the real service; without it nothing is transmitted
  std::string act;   // TCG, TC, TCP…
  std::string date;  // YYYY-MM-DD
  std::int64_t amount_cents = 0;
  std::int64_t excess_cents = 0;
  bool tiers_payant = false;
  bool css_ame = false;
};
struct CareSheetReceipt {
  bool transmitted = false;  // false: the patient sends the paper sheet themselves
  std::string reference;     // the FSE's number when transmitted
};
class CareSheetTransmission {
 public:
  virtual ~CareSheetTransmission() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] virtual bool standin() const = 0;
  virtual Task<Result<CareSheetReceipt>> submit(const CareSheetRequest& request) = 0;
};

// --- Messagerie sécurisée de santé (MSSanté): the prescription sent to a pharmacy (DOC7).
struct Attachment {
  std::string name;
  std::string mime;
  std::string bytes;
};
struct SecureMessage {
  std::string idempotency_key;
  std::string to;  // the pharmacy's MSSanté address
  std::string subject;
  std::string text;
  std::vector<Attachment> attachments;
};
class SecureMail {
 public:
  virtual ~SecureMail() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  [[nodiscard]] virtual bool standin() const = 0;
  // The message's id at the service. Errors: invalid_request (unknown address), unavailable.
  virtual Task<Result<std::string>> send(const SecureMessage& message) = 0;
};

}  // namespace cabinet::documents
