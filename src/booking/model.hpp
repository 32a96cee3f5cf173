#pragma once

#include <cstdint>
#include <optional>
#include <string>

// An appointment, and the view of it every screen shows (names, motif, where notices go): what
// the booking store reads and what other features receive through booking::Appointments.
namespace cabinet::booking {

struct Appointment {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t practitioner_id = 0;
  std::int64_t patient_account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t motif_id = 0;
  std::string mode;  // video, in_person
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::string status;  // pending_payment, confirmed, cancelled, expired, no_show, done
  std::optional<std::int64_t> hold_expires_at;
  int price_cents = 0;
  std::optional<std::string> cancelled_by;
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> ended_at;  // closed by the practitioner (issue 6)
  std::optional<std::int64_t> booked_by;
  std::string payment_state = "none";
  std::optional<std::string> saved_method;
  std::optional<std::string> card_brand;
  std::optional<std::string> card_last4;
  int captured_cents = 0;
  std::string cancel_nonce;
  std::int64_t created_at = 0;
  std::string origin = "booking";  // or "queue": taken from an immediate queue (docs/queue.md)
  int fee_cents = 0;               // the queue's service fee, captured with the consultation
  // An insurer's part (docs/operator.md "Insurers' activation codes"): the card is held and
  // charged for the rest only.
  int insurer_cents = 0;
  std::optional<std::string> insurer_name;
  [[nodiscard]] int patient_share() const {
    return price_cents > insurer_cents ? price_cents - insurer_cents : 0;
  }
};

// An appointment with what every view of it shows: names, motif, where to send notices.
struct View {
  Appointment a;
  std::string practitioner_public_id;
  std::string practitioner_first_name;
  std::string practitioner_last_name;
  std::string specialty;
  std::string timezone;
  std::string motif_public_id;
  std::string motif_label;
  std::optional<std::string> motif_label_en;
  int motif_duration_min = 0;
  std::string profile_public_id;
  std::string profile_first_name;
  std::string profile_last_name;
  std::optional<std::string> profile_birth_date;
  std::optional<std::string> patient_email;
  std::optional<std::string> patient_phone;
  std::string patient_locale = "fr";
  std::optional<std::string> practitioner_email;
  std::string practitioner_locale = "fr";
  // The account holder, who reads the emails: a child's appointment greets the parent.
  std::string holder_first_name;
};

}  // namespace cabinet::booking
