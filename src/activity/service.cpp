#include "activity/service.hpp"

#include "accounts/administrative.hpp"
#include "activity/share.hpp"
#include "activity/store.hpp"
#include "agenda/local_time.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

namespace cabinet::activity {
namespace {

constexpr int kFirstYear = 2020;
constexpr std::int64_t kMaxInPerson = 100000;  // more than any year of anyone's practice

const date::time_zone* paris() { return agenda::zone("Europe/Paris"); }

Error bad_year() {
  return http::invalid_field("year", "Année invalide (AAAA, de 2020 à l'an prochain).",
                             "Invalid year (YYYY, from 2020 to next year).");
}

}  // namespace

Result<int> Service::year_of(const std::string& text) const {
  const int current = agenda::local_date(d_.clock.unix_seconds(), paris()).year;
  if (text.empty()) return current;
  if (text.size() != 4 || text.find_first_not_of("0123456789") != std::string::npos)
    return bad_year();
  const int year = std::stoi(text);
  if (year < kFirstYear || year > current + 1) return bad_year();
  return year;
}

Task<Result<nlohmann::json>> Service::get(const Principal& who, const std::string& year_text,
                                          Locale locale) {
  auto year = year_of(year_text);
  if (!year) co_return std::move(year).error();
  auto me = co_await practitioners::store::by_account(d_.db, who.account_id);
  if (!me) co_return std::move(me).error();
  if (!*me) co_return Error(ErrorCode::forbidden);
  const auto& p = **me;
  const auto from = agenda::to_instant_lenient({*year, 1, 1}, 0, paris());
  const auto to = agenda::to_instant_lenient({*year + 1, 1, 1}, 0, paris());
  auto held = co_await store::teleconsultations(d_.db, who.account_id, from, to);
  if (!held) co_return std::move(held).error();
  ShareInput in;
  in.specialty = p.specialty;
  in.teleconsultations = static_cast<std::int64_t>(held->size());
  // The administrative data is opened here and only a count leaves: the practitioner sees how
  // many of their teleconsultations were with their own patients, never which.
  for (const auto& h : *held) {
    auto admin = accounts::open_administrative(d_.keys, h.administrative, h.profile_public_id);
    if (admin && names_practitioner(*admin, p.rpps, p.first_name, p.last_name))
      ++in.medecin_traitant;
  }
  auto declared = co_await store::declared(d_.db, who.account_id, *year);
  if (!declared) co_return std::move(declared).error();
  in.in_person = *declared;
  auto in_person_held = co_await store::in_person_held(d_.db, who.account_id, from, to);
  if (!in_person_held) co_return std::move(in_person_held).error();
  const auto s = compute(in);
  co_return nlohmann::json{
      {"year", *year},
      {"teleconsultations", in.teleconsultations},
      {"medecin_traitant_excluded", in.medecin_traitant},
      {"counted", s.counted},
      {"in_person_declared", in.in_person ? nlohmann::json(*in.in_person) : nullptr},
      {"in_person_on_cabinet", *in_person_held},
      {"activity", s.activity},
      {"share", s.share ? nlohmann::json(*s.share) : nullptr},
      {"cap", s.cap},
      {"level", s.level},
      {"source", locale == Locale::en ? kSourceEn : kSourceFr}};
}

Task<Result<nlohmann::json>> Service::declare(const Principal& who, const std::string& year_text,
                                              const nlohmann::json& body, Locale locale) {
  auto year = year_of(year_text);
  if (!year) co_return std::move(year).error();
  if (!body.is_object() || !body.contains("in_person")) co_return http::missing_field("in_person");
  const auto& n = body["in_person"];
  if (!n.is_number_integer() || n.get<std::int64_t>() < 0 || n.get<std::int64_t>() > kMaxInPerson)
    co_return http::invalid_field("in_person", "Un nombre entier de 0 à 100 000.",
                                  "A whole number from 0 to 100,000.");
  auto me = co_await practitioners::store::by_account(d_.db, who.account_id);
  if (!me) co_return std::move(me).error();
  if (!*me) co_return Error(ErrorCode::forbidden);
  if (auto r = co_await store::declare(d_.db, who.account_id, *year, n.get<std::int64_t>(),
                                       d_.clock.unix_seconds());
      !r)
    co_return std::move(r).error();
  co_return co_await get(who, std::to_string(*year), locale);
}

}  // namespace cabinet::activity
