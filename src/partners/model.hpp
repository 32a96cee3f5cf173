#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// White-label partners and insurers (issue 19, docs/operator.md "Partners").
namespace cabinet::partners {

struct Partner {
  std::int64_t id = 0;
  std::string public_id;
  std::string name;
  std::string kind = "brand";     // brand, insurer
  std::string status = "active";  // active, disabled
  bool has_logo = false;
  std::string color_primary = "#1d4ed8";
  std::string color_accent = "#0f766e";
  std::string contact_email;
  std::string contact_phone;
  std::string legal_notice;
  std::string terms;
  std::string privacy;
  int quota_per_year = 0;
  std::string quota_scope = "profile";  // profile, family
  int covered_percent = 100;
  std::vector<std::string> hosts;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// What the in-memory host table knows of an active partner.
struct HostEntry {
  std::int64_t partner_id = 0;
  std::string public_id;
};

// An insurer's part of one appointment, decided when it is booked.
struct Cover {
  std::int64_t partner_id = 0;
  std::string partner_name;
  int insurer_cents = 0;   // paid by the insurer
  int patient_cents = 0;   // what the card hold is for
  int remaining = 0;       // teleconsultations left this year, this one excluded
  bool exhausted = false;  // the member's quota is used up: no cover
};

}  // namespace cabinet::partners
