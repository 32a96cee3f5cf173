// The practitioner's profile and photo, and what the other parts of directory::Service share:
// the profile and agenda owner lookups, the change log. Public reads are in public.cpp, motifs in
// motifs.cpp, the agenda in agenda.cpp.
#include "directory/service.hpp"

#include <algorithm>
#include <set>

#include "agenda/holidays.hpp"
#include "agenda/local_time.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "directory/input.hpp"
#include "directory/json.hpp"
#include "directory/photo.hpp"
#include "directory/pricing.hpp"
#include "practitioners/store.hpp"

namespace cabinet::directory {
namespace {

const std::set<std::string> kSectors{"1", "2", "2_optam", "nc"};
const std::set<std::string> kPaymentModes{"card", "cheque", "cash", "transfer"};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

// A practice's phone: a French number (10 digits from 0) or an international one, E.164 out.
std::optional<std::string> practice_phone(std::string_view input) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-') {
      return std::nullopt;
    }
  }
  if (plus) {
    if (digits.size() < 8 || digits.size() > 15 || digits[0] == '0') return std::nullopt;
    return "+" + digits;
  }
  if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
  return "+33" + digits.substr(1);
}

Result<std::vector<std::string>> string_list(
    const nlohmann::json& body, const std::string& field, std::size_t max_items,
    const std::function<bool(const std::string&)>& ok_item) {
  const auto& v = body[field];
  if (!v.is_array() || v.empty() || v.size() > max_items)
    return invalid(field, "Choisissez au moins une valeur.", "Choose at least one value.");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string() || !ok_item(item.get<std::string>()))
      return invalid(field, "Valeur inconnue.", "Unknown value.");
    const auto s = item.get<std::string>();
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

Result<bool> flag(const nlohmann::json& body, const std::string& field, bool current) {
  if (!body.contains(field)) return current;
  if (!body[field].is_boolean())
    return invalid(field, "Oui ou non attendu.", "Expected true or false.");
  return body[field].get<bool>();
}

}  // namespace

std::string Service::today(const store::Profile& p) const {
  const auto* zone = agenda::zone(p.timezone);
  if (zone == nullptr) zone = agenda::zone("Europe/Paris");
  return agenda::format_date(agenda::local_date(d_.clock.unix_seconds(), zone));
}

Task<Result<void>> Service::changed(std::int64_t account) {
  if (auto r = co_await store::record_change(d_.db, account, d_.clock.unix_seconds()); !r)
    co_return r;
  co_return co_await d_.index.refresh(account);
}

Task<Result<void>> Service::ensure_profile(std::int64_t account) {
  auto existing = co_await store::profile(d_.db, account);
  if (!existing) co_return std::move(existing).error();
  if (*existing) co_return ok();
  store::Profile p;
  p.account_id = account;
  p.public_id = "p" + random_base32(d_.random, 12);
  p.updated_at = d_.clock.unix_seconds();
  auto r = co_await store::insert_profile(d_.db, p);
  // Two first requests at once: the other one created it, which is what we wanted.
  if (!r && r.error().code != ErrorCode::conflict) co_return r;
  co_return ok();
}

Task<Result<store::Profile>> Service::own_profile(std::int64_t account) {
  auto existing = co_await store::profile(d_.db, account);
  if (!existing) co_return std::move(existing).error();
  if (*existing) co_return std::move(**existing);
  // First visit of a practitioner who signed up before the directory existed.
  if (auto r = co_await ensure_profile(account); !r) co_return std::move(r).error();
  auto p = co_await store::profile(d_.db, account);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);  // not a practitioner (no practitioners row)
  co_return std::move(**p);
}

Task<Result<std::int64_t>> Service::agenda_owner(const Principal& who) {
  co_return co_await practitioners::store::agenda_owner(d_.db, who);
}

Task<Result<nlohmann::json>> Service::my_profile(const Principal& who, Locale locale) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  auto motifs = co_await store::motifs(d_.db, who.account_id);
  if (!motifs) co_return std::move(motifs).error();
  auto hours = co_await store::hours(d_.db, who.account_id);
  if (!hours) co_return std::move(hours).error();
  // Rendered through the same entry the directory builds, so the practitioner sees exactly
  // what patients will see.
  const auto entry =
      build_entry(*p, std::move(*motifs), std::move(*hours), {}, {}, d_.index.options());
  const auto& e = *entry;
  auto out = profile_json(e, locale);
  out["status"] = p->status;
  out["published"] = p->published;
  out["listed"] = d_.index.find_account(who.account_id) != nullptr;
  out["commune"] = nullptr;
  if (e.commune != nullptr && p->postcode)
    out["commune"] = place_json(geo::Place{e.commune, *p->postcode});
  out["min_notice_minutes"] = p->min_notice_minutes;
  out["horizon_days"] = p->horizon_days;
  out["closed_on_public_holidays"] = p->closed_on_public_holidays;
  out["address_line"] =
      p->address_line ? nlohmann::json(*p->address_line) : nlohmann::json(nullptr);
  co_return out;
}

Task<Result<nlohmann::json>> Service::update_profile(const Principal& who,
                                                     const nlohmann::json& body, Locale locale) {
  auto current = co_await own_profile(who.account_id);
  if (!current) co_return std::move(current).error();
  auto p = std::move(*current);
  const std::string current_sector = p.sector;
  http::Input in(body);
  if (in.has("address_line")) {
    auto v = in.optional_text("address_line", 200);
    if (!v) co_return std::move(v).error();
    p.address_line = *v;
  }
  if (in.has("commune_code") || in.has("postcode")) {
    auto code = in.text("commune_code", 10);
    if (!code) co_return std::move(code).error();
    auto postcode = in.text("postcode", 10);
    if (!postcode) co_return std::move(postcode).error();
    const auto* c = geo::Communes::instance().by_code(*code);
    if (c == nullptr ||
        std::find(c->postcodes.begin(), c->postcodes.end(), *postcode) == c->postcodes.end()) {
      co_return invalid("commune_code", "Choisissez la commune dans la liste.",
                        "Choose the town from the list.");
    }
    p.commune_code = c->code;
    p.postcode = *postcode;
    p.lat = c->lat;
    p.lng = c->lng;
    p.department = c->department;
    p.timezone = std::string(agenda::zone_for_department(c->department));
  }
  if (in.has("phone")) {
    auto v = in.optional_text("phone", 30);
    if (!v) co_return std::move(v).error();
    if (*v && !v->value().empty()) {
      auto phone = practice_phone(**v);
      if (!phone)
        co_return invalid("phone", "Numéro de téléphone invalide.", "Invalid phone number.");
      p.phone = *phone;
    } else {
      p.phone.reset();
    }
  }
  if (in.has("languages")) {
    auto v = string_list(body, "languages", 10, [](const std::string& s) {
      return s.size() == 2 && std::islower(static_cast<unsigned char>(s[0])) &&
             std::islower(static_cast<unsigned char>(s[1]));
    });
    if (!v) co_return std::move(v).error();
    p.languages = join(*v);
  }
  if (in.has("payment_modes")) {
    auto v = string_list(body, "payment_modes", 4,
                         [](const std::string& s) { return kPaymentModes.contains(s); });
    if (!v) co_return std::move(v).error();
    p.payment_modes = join(*v);
  }
  if (in.has("sector")) {
    if (!body["sector"].is_string() || !kSectors.contains(body["sector"].get<std::string>()))
      co_return invalid("sector", "Secteur 1, 2, 2 OPTAM ou non conventionné.",
                        "Sector 1, 2, 2 OPTAM or non-contracted.");
    p.sector = body["sector"].get<std::string>();
    // Moving to sector 1 with motifs priced above the tariff: the practitioner fixes them first.
    if (p.sector == "1" && current_sector != "1") {
      auto motifs = co_await store::motifs(d_.db, who.account_id);
      if (!motifs) co_return std::move(motifs).error();
      for (const auto& m : *motifs) {
        if (auto r = check_sector_1_price(p, m, today(p)); !r) {
          auto e = std::move(r).error();
          e.field = "sector";
          co_return e;
        }
      }
    }
  }
  if (in.has("presentation")) {
    auto v = in.optional_text("presentation", 4000);
    if (!v) co_return std::move(v).error();
    if (*v && utf8_length(**v) > 2000)
      co_return invalid("presentation", "2 000 caractères au plus.", "2,000 characters at most.");
    p.presentation = *v;
  }
  for (auto [field, target] :
       {std::pair{"carte_vitale", &p.carte_vitale}, std::pair{"tiers_payant", &p.tiers_payant},
        std::pair{"video", &p.video}, std::pair{"in_person", &p.in_person},
        std::pair{"closed_on_public_holidays", &p.closed_on_public_holidays},
        std::pair{"published", &p.published}}) {
    auto v = flag(body, field, *target);
    if (!v) co_return std::move(v).error();
    *target = *v;
  }
  if (!p.video && !p.in_person)
    co_return invalid("video", "Proposez la vidéo, le cabinet, ou les deux.",
                      "Offer video, in person, or both.");
  auto notice = whole(body, "min_notice_minutes", p.min_notice_minutes, 0, 10080);
  if (!notice) co_return std::move(notice).error();
  p.min_notice_minutes = *notice;
  auto horizon = whole(body, "horizon_days", p.horizon_days, 1, 365);
  if (!horizon) co_return std::move(horizon).error();
  p.horizon_days = *horizon;
  p.updated_at = d_.clock.unix_seconds();

  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::update_profile(tx, p); !r) co_return r;
    co_return co_await store::record_change(tx, p.account_id, p.updated_at);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(p.account_id); !r) co_return std::move(r).error();
  co_return co_await my_profile(who, locale);
}

Task<Result<void>> Service::put_photo(const Principal& who, std::string bytes) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  auto jpeg = co_await d_.blocking.call([&] { return reencode_photo(bytes); });
  if (!jpeg) co_return std::move(jpeg).error();
  const auto now = d_.clock.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::put_photo(tx, who.account_id, *jpeg, now); !r) co_return r;
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return r;
  co_return co_await d_.index.refresh(who.account_id);
}

Task<Result<void>> Service::delete_photo(const Principal& who) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  const auto now = d_.clock.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::delete_photo(tx, who.account_id, now); !r) co_return r;
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return r;
  co_return co_await d_.index.refresh(who.account_id);
}

}  // namespace cabinet::directory
