#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/random.hpp"
#include "core/runtime.hpp"
#include "documents/teleservices.hpp"

// The adapters of the national teleservices over HTTPS (docs/teleservices.md): the
// e-prescription as FHIR R4 resources, the others as Cabinet's JSON mapping of services whose
// real interface is only given to accredited editors. Like the Stripe adapter, each blocking
// call runs on the BlockingPool, so calls may overlap on several threads.
namespace cabinet::documents {

struct TeleserviceOptions {
  // The service's base URL. Plain http is accepted only for a loopback host (the tests' double):
  // the token travels in every request.
  std::string base_url;
  // Sent as "Authorization: Bearer …"; never logged. May be empty when a client certificate
  // authenticates the platform instead (mutual TLS, as the Assurance Maladie's services and
  // MSSanté operators do).
  std::string token;
  std::string client_cert;  // PEM file paths, both or neither
  std::string client_key;
  std::chrono::seconds timeout{15};
};

// Why these options cannot work (an invalid_request naming the setting), for checking the
// configuration at start-up. With bad options every call fails with `unavailable`.
Result<void> check_teleservice(const TeleserviceOptions& options);

// Ordonnance numérique: a FHIR transaction Bundle (one MedicationRequest per line), the number
// read from the answer's groupIdentifier. The QR's key is Cabinet's own (the national service
// has none): 128 bits from `random`, fresh at each call.
class HttpEPrescription final : public EPrescription {
 public:
  HttpEPrescription(TeleserviceOptions options, BlockingPool& blocking, Random& random);
  static Result<void> check(const TeleserviceOptions& options) {
    return check_teleservice(options);
  }

  [[nodiscard]] std::string_view name() const override { return "http"; }
  [[nodiscard]] bool standin() const override { return false; }
  Task<Result<PrescriptionRegistration>> register_prescription(
      const PrescriptionRequest& request) override;

 private:
  TeleserviceOptions options_;
  Result<void> usable_;
  BlockingPool& blocking_;
  Random& random_;
};

// Arrêt de travail en ligne: POST {base}/sick-leave-notices.
class HttpSickLeave final : public SickLeave {
 public:
  HttpSickLeave(TeleserviceOptions options, BlockingPool& blocking);
  static Result<void> check(const TeleserviceOptions& options) {
    return check_teleservice(options);
  }

  [[nodiscard]] std::string_view name() const override { return "http"; }
  [[nodiscard]] bool standin() const override { return false; }
  Task<Result<SickLeaveReceipt>> submit(const SickLeaveRequest& request) override;

 private:
  TeleserviceOptions options_;
  Result<void> usable_;
  BlockingPool& blocking_;
};

// Feuille de soins électronique: POST {base}/care-sheets. Without the patient's NIR nothing is
// sent and the receipt says "not transmitted" (the patient sends the paper sheet).
class HttpCareSheetTransmission final : public CareSheetTransmission {
 public:
  HttpCareSheetTransmission(TeleserviceOptions options, BlockingPool& blocking);
  static Result<void> check(const TeleserviceOptions& options) {
    return check_teleservice(options);
  }

  [[nodiscard]] std::string_view name() const override { return "http"; }
  [[nodiscard]] bool standin() const override { return false; }
  Task<Result<CareSheetReceipt>> submit(const CareSheetRequest& request) override;

 private:
  TeleserviceOptions options_;
  Result<void> usable_;
  BlockingPool& blocking_;
};

// MSSanté through an operator's HTTPS gateway: POST {base}/messages.
class HttpSecureMail final : public SecureMail {
 public:
  HttpSecureMail(TeleserviceOptions options, BlockingPool& blocking);
  static Result<void> check(const TeleserviceOptions& options) {
    return check_teleservice(options);
  }

  [[nodiscard]] std::string_view name() const override { return "http"; }
  [[nodiscard]] bool standin() const override { return false; }
  Task<Result<std::string>> send(const SecureMessage& message) override;

 private:
  TeleserviceOptions options_;
  Result<void> usable_;
  BlockingPool& blocking_;
};

}  // namespace cabinet::documents
