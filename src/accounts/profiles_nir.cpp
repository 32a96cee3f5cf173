// The NIR of a profile kept coherent with it (ACC6, docs/accounts.md "NIR"): checked when it is
// saved and when the profile's sex, birth date or relationship changes.
#include "accounts/administrative.hpp"
#include "accounts/nir.hpp"
#include "accounts/profiles.hpp"
#include "http/input.hpp"

namespace cabinet::accounts {
namespace {

std::chrono::year_month_day today_of(const Clock& clock) {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now()));
}

// The field of a profile change that conflicts with its saved NIR: the one the person touched.
std::string changed_field(const RelativeForm& f) {
  if (f.birth_date) return "birth_date";
  if (f.sex) return "sex";
  return "relationship";
}

}  // namespace

Task<Result<std::optional<std::string>>> Profiles::holder_nir(const Principal& who) {
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  for (const auto& p : *profiles) {
    if (!p.is_holder) continue;
    auto doc = open_administrative(d_.keys, p.administrative, p.public_id);
    if (!doc) co_return std::move(doc).error();
    if ((*doc)["nir"].is_string() && (*doc)["nir_owner"] == "self")
      co_return std::optional((*doc)["nir"].get<std::string>());
  }
  co_return std::optional<std::string>{};
}

Task<Result<void>> Profiles::check_nir(const Principal& who, const store::Profile& p,
                                       nlohmann::json& doc) {
  if (!doc["nir"].is_string()) co_return ok();
  const auto nir = doc["nir"].get<std::string>();
  const auto today = today_of(d_.clock);
  const auto mismatch = nir_mismatch(nir, NirPerson{p.sex, p.birth_date}, today);
  if (!mismatch) {
    doc["nir_owner"] = "self";
    co_return ok();
  }
  const bool child = !p.is_holder && may_carry_holder_nir(p.relationship, p.birth_date, today);
  if (child) {
    auto holder = co_await holder_nir(who);
    if (!holder) co_return std::move(holder).error();
    if (*holder == nir) {
      doc["nir_owner"] = "account_holder";  // an ayant droit, covered under the parent's number
      co_return ok();
    }
    co_return http::invalid_field(
        "nir",
        mismatch->message_fr +
            " Un enfant sans numéro propre peut porter le vôtre, tel qu'il figure sur votre "
            "profil.",
        mismatch->message_en +
            " A child without a number of their own may carry yours, as it is on your profile.");
  }
  co_return http::invalid_field("nir", mismatch->message_fr, mismatch->message_en);
}

Task<Result<void>> Profiles::check_change(const store::Profile& p, const RelativeForm& f) {
  if ((!f.birth_date && !f.sex && !f.relationship) || !p.administrative) co_return ok();
  auto doc = open_administrative(d_.keys, p.administrative, p.public_id);
  if (!doc) co_return std::move(doc).error();
  if (!(*doc)["nir"].is_string()) co_return ok();
  const NirPerson after{f.sex ? f.sex : p.sex, f.birth_date ? f.birth_date : p.birth_date};
  const auto relationship = f.relationship.value_or(p.relationship);
  const auto today = today_of(d_.clock);
  if ((*doc)["nir_owner"] == "account_holder") {
    if (may_carry_holder_nir(relationship, after.birth_date, today)) co_return ok();
    co_return http::invalid_field(
        changed_field(f),
        "Ce profil porte votre numéro de sécurité sociale, possible seulement pour un enfant "
        "mineur : indiquez d'abord son propre numéro.",
        "This profile carries your social security number, which only a minor child may: "
        "enter their own number first.");
  }
  const auto mismatch =
      nir_mismatch((*doc)["nir"].get<std::string>(), after, today, NirCheck::profile_change);
  if (!mismatch) co_return ok();
  co_return http::invalid_field(changed_field(f), mismatch->message_fr, mismatch->message_en);
}

}  // namespace cabinet::accounts
