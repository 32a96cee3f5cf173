// The one-click cancel link of the confirmation email (BKG4): signed with the instance's key,
// naming the appointment and expiring at its start, usable without signing in. The random
// nonce kept with the appointment ties the link to it.
#include <charconv>

#include "agenda/local_time.hpp"
#include "booking/internal.hpp"
#include "crypto/keyring.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::booking {
namespace {

constexpr std::string_view kPurpose = "booking.cancel-link";

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    const auto next = s.find(sep, pos);
    out.push_back(s.substr(pos, next == std::string_view::npos ? next : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

}  // namespace

std::string link_token(const crypto::KeyRing& keys, const store::Appointment& a) {
  const auto claim = a.public_id + "." + std::to_string(a.start_at) + "." + a.cancel_nonce;
  return claim + "." + keys.mac(kPurpose, claim);
}

std::optional<LinkClaim> read_link_token(const crypto::KeyRing& keys, std::string_view token) {
  if (token.size() > 300) return std::nullopt;
  const auto parts = split(token, '.');
  if (parts.size() != 4) return std::nullopt;
  const auto claim = std::string(token.substr(0, token.rfind('.')));
  if (!crypto::equal(keys.mac(kPurpose, claim), parts[3])) return std::nullopt;
  LinkClaim c;
  c.appointment = std::string(parts[0]);
  const auto& e = parts[1];
  auto [p, ec] = std::from_chars(e.data(), e.data() + e.size(), c.expires_at);
  if (ec != std::errc() || p != e.data() + e.size()) return std::nullopt;
  c.nonce = std::string(parts[2]);
  return c;
}

std::string Service::cancel_link(const store::Appointment& a) const {
  return d_.public_url + "/annuler?token=" + link_token(d_.keys, a);
}

namespace {

nlohmann::json link_json(const store::View& v, Locale locale) {
  const auto* zone = agenda::zone(v.timezone);
  if (zone == nullptr) zone = agenda::zone("Europe/Paris");
  const auto* sp = practitioners::find_specialty(v.specialty);
  // Only what the email already said: the link may be forwarded.
  return {{"appointment",
           {{"start", agenda::iso(v.a.start_at, zone)},
            {"end", agenda::iso(v.a.end_at, zone)},
            {"timezone", v.timezone},
            {"mode", v.a.mode},
            {"status", v.a.status},
            {"practitioner",
             {{"name", practitioner_name(v)},
              {"id", v.practitioner_public_id},
              {"specialty", sp ? nlohmann::json(sp->name(locale)) : nullptr}}},
            {"motif", v.motif_label},
            {"motif_en", v.motif_label_en ? nlohmann::json(*v.motif_label_en) : nullptr},
            {"profile_name", v.profile_first_name}}}};
}

}  // namespace

Task<Result<nlohmann::json>> Service::link_view(const std::string& token, Locale locale) {
  const auto claim = read_link_token(d_.keys, token);
  if (!claim) co_return Error(ErrorCode::link_invalid);
  auto v = co_await store::find(d_.db, claim->appointment);
  if (!v) co_return std::move(v).error();
  if (!*v || (*v)->a.cancel_nonce != claim->nonce) co_return Error(ErrorCode::link_invalid);
  co_return link_json(**v, locale);
}

Task<Result<nlohmann::json>> Service::link_cancel(const std::string& token, Locale locale) {
  const auto claim = read_link_token(d_.keys, token);
  if (!claim) co_return Error(ErrorCode::link_invalid);
  auto v = co_await store::find(d_.db, claim->appointment);
  if (!v) co_return std::move(v).error();
  if (!*v || (*v)->a.cancel_nonce != claim->nonce) co_return Error(ErrorCode::link_invalid);
  if ((*v)->a.status == "cancelled") co_return link_json(**v, locale);  // idempotent
  const auto now = d_.clock.unix_seconds();
  if (claim->expires_at <= now) co_return Error(ErrorCode::link_expired);
  if (!cancellable((*v)->a, now)) co_return Error(ErrorCode::not_cancellable);
  auto ended = co_await end(**v, "cancelled", "patient", "");
  if (!ended) co_return std::move(ended).error();
  auto after = co_await store::find(d_.db, claim->appointment);
  if (!after) co_return std::move(after).error();
  if (!*after) co_return Error(ErrorCode::link_invalid);
  co_return link_json(**after, locale);
}

Task<Result<std::string>> Service::link_calendar(const std::string& token) {
  const auto claim = read_link_token(d_.keys, token);
  if (!claim) co_return Error(ErrorCode::link_invalid);
  auto v = co_await store::find(d_.db, claim->appointment);
  if (!v) co_return std::move(v).error();
  if (!*v || (*v)->a.cancel_nonce != claim->nonce) co_return Error(ErrorCode::link_invalid);
  co_return ics(**v, d_.public_url);
}

}  // namespace cabinet::booking
