#pragma once

#include <nlohmann/json.hpp>

#include "accounts/profiles.hpp"
#include "accounts/service.hpp"
#include "core/principal.hpp"
#include "core/result.hpp"

// The accounts' request bodies read into typed forms, before any service call: pure, so that
// fuzz/json_forms.cpp feeds them arbitrary JSON without a database.
namespace cabinet::accounts {

inline constexpr std::size_t kPasswordMax = 512;

// Sign-up of a patient, practitioner or assistant (the fields differ by role).
Result<SignupForm> signup_form(const nlohmann::json& body, Role role);
// A relative's profile, added or changed: every field optional.
Result<RelativeForm> relative_form(const nlohmann::json& body);

}  // namespace cabinet::accounts
