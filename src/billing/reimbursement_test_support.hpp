#pragma once

// Inputs shared by the reimbursement tests (reimbursement_test.cpp: the estimate's general
// rules; reimbursement_teleconsultation_test.cpp: the teleconsultation rules in force in 2026).
#include <string>

#include "billing/reimbursement.hpp"

namespace cabinet::billing::test {

inline constexpr const char* kDate = "2025-03-01";

inline Patient adult() {
  Patient p;
  p.age_years = 40;
  p.has_medecin_traitant = true;
  p.nir_valid = true;
  return p;
}

inline Practitioner doctor(std::string specialty = "general_medicine", std::string sector = "1",
                           bool medecin_traitant = false) {
  Practitioner pr;
  pr.specialty = std::move(specialty);
  pr.sector = std::move(sector);
  pr.is_medecin_traitant_of_patient = medecin_traitant;
  return pr;
}

inline Practitioner medecin_traitant() { return doctor("general_medicine", "1", true); }

inline Visit visit(std::string mode, int price_cents, std::string date = kDate) {
  Visit v;
  v.mode = std::move(mode);
  v.price_cents = price_cents;
  v.date = std::move(date);
  return v;
}

}  // namespace cabinet::billing::test
