#pragma once

#include <nlohmann/json.hpp>

#include "core/locale.hpp"
#include "directory/index.hpp"

// The JSON shapes of docs/directory.md, in one place so that the search list, the public page
// and the practitioner's own view never drift apart.
namespace cabinet::directory {

nlohmann::json slot_json(const agenda::Slot& s, const date::time_zone* zone);
// Slots as a JSON array, written directly: searches and the slots endpoint send many of them.
std::string slots_text(const std::vector<agenda::Slot>& slots, const date::time_zone* zone);
nlohmann::json motif_json(const store::Motif& m);
nlohmann::json hours_json(const std::vector<store::Hours>& hours);
nlohmann::json exception_json(const store::Exception& e, const date::time_zone* zone);
nlohmann::json place_json(const geo::Place& p);
// The search list item (without next_slots / distance, added by the caller).
nlohmann::json summary_json(const Entry& e, Locale locale);
// Summary plus every public detail.
nlohmann::json profile_json(const Entry& e, Locale locale);

}  // namespace cabinet::directory
