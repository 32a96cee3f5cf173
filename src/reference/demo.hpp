#pragma once

#include <vector>

#include "reference/model.hpp"

namespace cabinet::reference {

// Demo pharmacies (a few hundred), the same on every run: in each département its two largest
// communes and one small one, two or three in the large cities. Names are the generic ones
// found everywhere ("Pharmacie du Marché"), secure mail on the reserved domain
// pharmacie.demo.invalid and phone numbers in 01 99 00 xx xx, a range kept for fiction; no
// FINESS number. Source "demo".
std::vector<PharmacyRecord> demo_pharmacies();

}  // namespace cabinet::reference
