// Every pure decoder of an API request body, on arbitrary JSON: the first byte picks the form,
// the rest is the body, parsed as the dispatcher parses it (depth check, then nlohmann without
// exceptions). The decoders must answer a value or an Error naming a field, never crash.
#include <cstdint>
#include <string_view>

#include "accounts/administrative.hpp"
#include "accounts/forms.hpp"
#include "core/json_limits.hpp"
#include "documents/parts.hpp"
#include "http/input.hpp"

namespace {

using cabinet::Role;

// The closing form's five kinds of part (docs/documents.md "API").
constexpr std::string_view kParts[] = {"report", "prescription", "sick_leave", "certificate",
                                       "care_sheet"};

void decode(std::uint8_t form, const nlohmann::json& body) {
  switch (form % 10) {
    case 0:
      (void)cabinet::accounts::signup_form(body, Role::patient);
      break;
    case 1:
      (void)cabinet::accounts::signup_form(body, Role::practitioner);
      break;
    case 2:
      (void)cabinet::accounts::signup_form(body, Role::assistant);
      break;
    case 3:
      (void)cabinet::accounts::relative_form(body);
      break;
    case 4: {
      auto doc = cabinet::accounts::validate_administrative(body);
      // What is stored must be accepted again as it is (a profile saved twice).
      if (doc && !cabinet::accounts::validate_administrative(*doc)) __builtin_trap();
      break;
    }
    default: {
      // The facts come from the form byte too, so that the rules' branches are all reached.
      cabinet::documents::PartFacts facts;
      facts.today = "2026-03-15";
      facts.medecin_traitant = (form & 0x10) != 0;
      facts.patient_age = (form >> 5) * 12;
      const auto kind = std::string(kParts[(form % 10) - 5]);
      (void)cabinet::documents::check_part(kind, body, facts, kind);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!cabinet::json_depth_within(text)) return 0;
  const auto body = nlohmann::json::parse(text, nullptr, false);
  if (body.is_discarded()) return 0;
  decode(data[0], body);
  return 0;
}
