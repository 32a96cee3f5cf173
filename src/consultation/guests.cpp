// Guests of a teleconsultation (issue 6, ROOM8; docs/consultation.md "Guests"): invitations,
// the link's page, its one-time claim, the guest cookie, and revocation. The room side (a guest
// waits until the practitioner admits it) is in live.cpp.
#include "consultation/guests.hpp"

#include <sodium.h>

#include <array>
#include <charconv>

#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "realtime/hub.hpp"

namespace cabinet::consultation {
namespace {

// The link dies two hours after the end of the appointment at the latest.
constexpr std::int64_t kAfterEnd = 2L * 3600;
constexpr std::size_t kMaxName = 80;
constexpr std::size_t kMaxToken = 128;
// The link's page and its claim answer anyone: per address, like the other public forms.

// 32 random bytes, base64url without padding: the link's token and the guest's cookie.
std::string secret(Random& random) {
  std::array<std::uint8_t, 32> bytes{};
  random.fill(bytes);
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

bool has_control(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) return true;
    // C1 controls, U+0080–U+009F: C2 80 … C2 9F in UTF-8.
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xa0)
      return true;
  }
  return false;
}

// A name as a person types it (a guest's, or the inviter's hint): trimmed, 1–80 characters, no
// control characters, no invisible formatting (a bidi control shows the practitioner another
// name). Unlike an account's names, anything printable goes ("Interprète LSF").
std::optional<std::string> display_name(std::string_view input) {
  const auto t = validate::trim(input);
  if (t.empty() || t.size() > kMaxName * 4 || !is_valid_utf8(t) || utf8_length(t) > kMaxName ||
      has_control(t) || has_invisible_formatting(t))
    return std::nullopt;
  return std::string(t);
}

Error bad_name(std::string_view field) {
  return http::invalid_field(
      field,
      "Indiquez un nom de 1 à 80 caractères, sans caractère invisible ni de sens d'écriture.",
      "Enter a name of 1 to 80 characters, without invisible or text-direction characters.");
}

nlohmann::json opt(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

// Whether the request's guest cookie is the one this invitation was claimed with.
bool holds(const std::optional<std::string>& credential, const std::optional<std::string>& hash) {
  return hash && credential && !credential->empty() && credential->size() <= kMaxToken &&
         crypto::equal(crypto::sha256_hex(*credential), *hash);
}

// The invitations fill the call: the patient's or practitioner's wording of room_full.
Error invitations_full(std::size_t participants) {
  Error e(ErrorCode::room_full);
  e.message_fr =
      "Le nombre d'invités est atteint : une consultation vidéo réunit {participants} "
      "participants au plus. Retirez une invitation pour en créer une autre.";
  e.message_en =
      "The guests are all invited: a video consultation has at most {participants} "
      "participants. Revoke an invitation to create another.";
  return std::move(e).with("participants", std::to_string(participants));
}

// The guest as the room shows it: its name opened.
LiveGuest opened(const crypto::KeyRing& keys, store::LiveGuestRow row) {
  row.live.guest.name = open_name(keys, row.name, row.token_hash, "guest_name").value_or("");
  return std::move(row.live);
}

}  // namespace

Task<Result<std::optional<Principal>>> GuestPasses::authenticate(http::Request& request) {
  const auto cookie = request.cookie(kGuestCookie);
  if (!cookie) co_return std::optional<Principal>{};
  if (cookie->empty() || cookie->size() > kMaxToken) co_return std::optional<Principal>{};
  auto g = co_await store::live_guest_by_credential(db_, crypto::sha256_hex(*cookie),
                                                    clock_.unix_seconds());
  if (!g) co_return std::move(g).error();
  // A dead credential is no guest: the caller answers as to anyone signed out (401).
  if (!*g) co_return std::optional<Principal>{};
  auto live = opened(keys_, std::move(**g));
  Principal p;
  p.role = Role::guest;
  p.status = "active";
  p.account_public_id = "g" + std::to_string(live.guest.id);  // the TURN username's user
  p.guest = std::move(live.guest);
  co_return std::optional<Principal>(std::move(p));
}

struct Service::Invitation {
  store::InvitationRow row;
  View v;
};

Task<Result<Service::Invitation>> Service::live_invitation(const std::string& token) {
  if (token.empty() || token.size() > kMaxToken) co_return Error(ErrorCode::not_found);
  auto row = co_await store::invitation_by_token(d_.db, crypto::sha256_hex(token),
                                                 d_.clock.unix_seconds());
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.find_id((*row)->appointment_id);
  if (!v) co_return std::move(v).error();
  // The link dies with its consultation: closed, cancelled or missed.
  if (!*v || (*v)->a.status != "confirmed" || (*v)->a.mode != "video")
    co_return Error(ErrorCode::not_found);
  co_return Invitation{std::move(**row), std::move(**v)};
}

Task<Result<Access>> Service::guest_access(const Principal& who, const std::string& id) {
  if (!who.guest || who.guest->consultation != id) co_return Error(ErrorCode::not_found);
  // The socket's principal was read at the upgrade: what matters is the invitation now.
  auto g = co_await store::live_guest_by_id(d_.db, who.guest->id, d_.clock.unix_seconds());
  if (!g) co_return std::move(g).error();
  if (!*g) co_return Error(ErrorCode::not_found);
  auto live = opened(d_.keys, std::move(**g));
  auto v = co_await d_.appointments.find_id(live.guest.appointment);
  if (!v) co_return std::move(v).error();
  if (!*v || (*v)->a.mode != "video") co_return Error(ErrorCode::not_found);
  Access out;
  out.v = std::move(**v);
  out.role = "guest";
  out.guest = std::move(live.guest);
  out.admitted = live.admitted;
  co_return out;
}

Task<Result<nlohmann::json>> Service::invite(const Principal& who, const std::string& id,
                                             const nlohmann::json& body, const std::string& ip) {
  auto a = co_await access(who, id);
  if (!a) co_return std::move(a).error();
  if (a->role != "patient" && a->role != "practitioner") co_return Error(ErrorCode::forbidden);
  const auto& v = a->v;
  const auto now = d_.clock.unix_seconds();
  const auto expires_at = v.a.end_at + kAfterEnd;
  if (v.a.status != "confirmed" || now >= expires_at) {
    Error e(ErrorCode::conflict);
    e.message_fr = "La consultation est terminée : plus personne ne peut y être invité.";
    e.message_en = "The consultation is over: nobody can be invited any more.";
    co_return e;
  }
  const http::Input in(body);
  auto kind = in.text("kind", 20);
  if (!kind) co_return std::move(kind).error();
  if (*kind != "guest" && *kind != "interpreter")
    co_return http::invalid_field("kind", "Choisissez « guest » ou « interpreter ».",
                                  R"(Choose "guest" or "interpreter".)");
  auto hint = in.optional_text("name", kMaxName * 4);
  if (!hint) co_return std::move(hint).error();
  std::optional<std::string> name;
  if (*hint && !validate::trim(**hint).empty()) {
    name = display_name(**hint);
    if (!name) co_return bad_name("name");
  }
  const auto token = secret(d_.random);
  const auto token_hash = crypto::sha256_hex(token);
  std::optional<std::string> sealed_hint;
  if (name) sealed_hint = d_.keys.seal(*name, invitation_context(token_hash, "hint"));
  store::NewInvitation row{v.a.id, *kind, sealed_hint, token_hash, who.account_id, now, expires_at};
  // A video call is a mesh: every participant sends its media to every other. Guests get the
  // places left after the practitioner and the patient.
  const auto places = static_cast<std::int64_t>(options()->max_participants) - 2;
  std::int64_t invitation = 0;
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::lock_appointment(tx, v.a.id); !r) co_return r;
    auto open = co_await store::count_live_invitations(tx, v.a.id, now);
    if (!open) co_return std::move(open).error();
    if (*open >= places) co_return invitations_full(options()->max_participants);
    auto inserted = co_await store::insert_invitation(tx, row);
    if (!inserted) co_return std::move(inserted).error();
    invitation = *inserted;
    audit::Entry entry;
    entry.actor_account_id = who.account_id;
    entry.actor_role = a->role;
    entry.profile_id = v.a.profile_id;
    entry.action = "consultation.invitation.created";
    entry.object = v.a.public_id;
    entry.ip = ip;
    entry.detail = "invitation " + std::to_string(invitation) + " (" + *kind + ")";
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!done) co_return std::move(done).error();
  co_return nlohmann::json{{"invitation",
                            {{"id", invitation},
                             {"kind", *kind},
                             {"name", opt(name)},
                             {"url", "/invitation/" + token},
                             {"token", token},
                             {"expires_at", expires_at},
                             {"claimed", false}}}};
}

Task<Result<nlohmann::json>> Service::invitations(const Principal& who, const std::string& id) {
  auto a = co_await access(who, id);
  if (!a) co_return std::move(a).error();
  if (a->role != "patient" && a->role != "practitioner") co_return Error(ErrorCode::forbidden);
  auto rows = co_await store::invitations_of(d_.db, a->v.a.id, d_.clock.unix_seconds());
  if (!rows) co_return std::move(rows).error();
  nlohmann::json items = nlohmann::json::array();
  if (a->v.a.status == "confirmed") {
    for (const auto& r : *rows) {
      items.push_back(
          {{"id", r.id},
           {"kind", r.kind},
           {"name", opt(open_name(d_.keys, r.hint, r.token_hash, "hint"))},
           {"expires_at", r.expires_at},
           {"claimed", r.claimed},
           {"guest_name", opt(open_name(d_.keys, r.guest_name, r.token_hash, "guest_name"))}});
    }
  }
  co_return nlohmann::json{{"invitations", std::move(items)}};
}

Task<Result<void>> Service::revoke_invitation(const Principal& who, const std::string& id,
                                              const std::string& invitation,
                                              const std::string& ip) {
  auto a = co_await access(who, id);
  if (!a) co_return std::move(a).error();
  if (a->role != "patient" && a->role != "practitioner") co_return Error(ErrorCode::forbidden);
  std::int64_t number = 0;
  const auto* end = invitation.data() + invitation.size();
  if (invitation.empty() || invitation.size() > 18 ||
      std::from_chars(invitation.data(), end, number).ptr != end || number <= 0)
    co_return Error(ErrorCode::not_found);
  const auto now = d_.clock.unix_seconds();
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto revoked = co_await store::revoke_invitation(tx, number, a->v.a.id, now);
    if (!revoked) co_return std::move(revoked).error();
    if (!*revoked) co_return Error(ErrorCode::not_found);
    audit::Entry entry;
    entry.actor_account_id = who.account_id;
    entry.actor_role = a->role;
    entry.profile_id = a->v.a.profile_id;
    entry.action = "consultation.invitation.revoked";
    entry.object = a->v.a.public_id;
    entry.ip = ip;
    entry.detail = "invitation " + std::to_string(number);
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!done) co_return done;
  // Out of the room at once, and its sockets closed: the cookie opens nothing any more.
  remove_guest(a->v.a.public_id, number);
  d_.hub.close_if([number](const Principal& p) { return p.guest && p.guest->id == number; },
                  realtime::CloseCode::policy, "revoked");
  co_return ok();
}

Task<Result<nlohmann::json>> Service::invitation(const std::string& token,
                                                 std::optional<std::string> credential,
                                                 const std::string& ip) {
  if (d_.limits) {
    if (auto r = co_await d_.limits->hit(&auth::Limits::invitation_per_ip, ip); !r)
      co_return std::move(r).error();
  }
  auto inv = co_await live_invitation(token);
  if (!inv) co_return std::move(inv).error();
  const auto& v = inv->v;
  const bool mine = holds(credential, inv->row.credential_hash);
  const auto base = d_.appointments.to_json(v, Locale::fr);
  co_return nlohmann::json{{"consultation",
                            {{"id", v.a.public_id},
                             {"start_at", v.a.start_at},
                             {"start", base["start"]},
                             {"duration_minutes", (v.a.end_at - v.a.start_at) / 60},
                             {"practitioner", {{"name", booking::practitioner_name(v)}}}}},
                           {"kind", inv->row.kind},
                           {"claimed", inv->row.claimed},
                           {"mine", mine}};
}

Task<Result<Claimed>> Service::claim(const std::string& token, const nlohmann::json& body,
                                     std::optional<std::string> credential, const std::string& ip) {
  if (d_.limits) {
    if (auto r = co_await d_.limits->hit(&auth::Limits::invitation_per_ip, ip); !r)
      co_return std::move(r).error();
  }
  auto inv = co_await live_invitation(token);
  if (!inv) co_return std::move(inv).error();
  const auto& row = inv->row;
  const auto now = d_.clock.unix_seconds();
  const auto answer = [&](const std::string& name, std::string cookie) {
    Claimed out;
    out.body = {{"guest", {{"id", row.id}, {"name", name}, {"consultation", inv->v.a.public_id}}}};
    out.credential = std::move(cookie);
    out.max_age = std::max<std::int64_t>(0, row.expires_at - now);
    return out;
  };
  // One time: a claimed link opens nothing more, except again in the browser that claimed it.
  if (row.claimed) {
    if (holds(credential, row.credential_hash)) {
      const auto name = open_name(d_.keys, row.guest_name, row.token_hash, "guest_name");
      co_return answer(name.value_or(""), *credential);
    }
    co_return Error(ErrorCode::invitation_used);
  }
  const http::Input in(body);
  auto typed = in.text("name", kMaxName * 4);
  if (!typed) co_return std::move(typed).error();
  auto name = display_name(*typed);
  if (!name) co_return bad_name("name");
  auto fresh = secret(d_.random);
  const auto sealed_name = d_.keys.seal(*name, invitation_context(row.token_hash, "guest_name"));
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto claimed =
        co_await store::claim_invitation(tx, row.id, sealed_name, crypto::sha256_hex(fresh), now);
    if (!claimed) co_return std::move(claimed).error();
    // Another browser claimed it a moment before.
    if (!*claimed) co_return Error(ErrorCode::invitation_used);
    audit::Entry entry;
    entry.actor_role = "guest";
    entry.profile_id = inv->v.a.profile_id;
    entry.action = "consultation.invitation.claimed";
    entry.object = inv->v.a.public_id;
    entry.ip = ip;
    entry.detail = "invitation " + std::to_string(row.id) + " (" + row.kind + ")";
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!done) co_return std::move(done).error();
  co_return answer(*name, std::move(fresh));
}

}  // namespace cabinet::consultation
