// The operator's side of partners (docs/operator.md "Partners"): create, change, list, the logo
// and the partner's administrators. Every change is audited and reloads this node's host table.
#include "partners/service.hpp"

#include <set>

#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "crypto/keyring.hpp"
#include "directory/photo.hpp"
#include "http/input.hpp"
#include "notify/outbox.hpp"
#include "partners/rules.hpp"
#include "partners/store.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::partners {
namespace {

constexpr std::size_t kMaxText = 50'000;  // a legal notice, terms or a privacy policy
constexpr std::size_t kMaxHosts = 10;
constexpr std::size_t kMaxLogo = 1024UL * 1024;
constexpr std::int64_t kInvitationLifetime = 7 * 24 * 3600;

std::string role_name(const Principal& who) {
  return who.role == Role::partner_admin ? "partner_admin" : "operator";
}

Error bad(std::string_view field, std::string fr, std::string en) {
  return http::invalid_field(field, std::move(fr), std::move(en));
}

// A string field of `body` when present: the field's error when it is not a string or too long.
Result<std::optional<std::string>> text_of(const nlohmann::json& body, std::string_view field,
                                           std::size_t max) {
  return http::Input(body).optional_text(field, max);
}

Result<std::optional<int>> int_of(const nlohmann::json& body, std::string_view field, int lo,
                                  int hi) {
  if (!body.contains(field) || body[std::string(field)].is_null()) return std::optional<int>{};
  const auto& v = body[std::string(field)];
  if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi)
    return bad(
        field,
        "Nombre entier attendu entre " + std::to_string(lo) + " et " + std::to_string(hi) + ".",
        "A whole number between " + std::to_string(lo) + " and " + std::to_string(hi) +
            " is expected.");
  return std::optional<int>(static_cast<int>(v.get<std::int64_t>()));
}

}  // namespace

nlohmann::json to_json(const Partner& p) {
  return {{"id", p.public_id},
          {"name", p.name},
          {"kind", p.kind},
          {"status", p.status},
          {"logo_url", p.has_logo ? nlohmann::json("/api/v1/partners/" + p.public_id + "/logo")
                                  : nlohmann::json(nullptr)},
          {"color_primary", p.color_primary},
          {"color_accent", p.color_accent},
          {"contact_email", p.contact_email},
          {"contact_phone", p.contact_phone},
          {"legal_notice", p.legal_notice},
          {"terms", p.terms},
          {"privacy", p.privacy},
          {"quota_per_year", p.quota_per_year},
          {"quota_scope", p.quota_scope},
          {"covered_percent", p.covered_percent},
          {"hosts", p.hosts},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Result<void> Service::apply(Partner& p, const nlohmann::json& body, bool creating) const {
  if (!body.is_object()) return http::missing_field("name");
  auto name = text_of(body, "name", 120);
  if (!name) return std::move(name).error();
  if (*name) {
    if ((*name)->size() < 2) return bad("name", "Nom trop court.", "Name too short.");
    p.name = **name;
  } else if (creating) {
    return http::missing_field("name");
  }
  auto kind = text_of(body, "kind", 20);
  if (!kind) return std::move(kind).error();
  if (*kind) {
    if (**kind != "brand" && **kind != "insurer")
      return bad("kind", "Type inconnu (brand, insurer).", "Unknown kind (brand, insurer).");
    p.kind = **kind;
  }
  auto status = text_of(body, "status", 20);
  if (!status) return std::move(status).error();
  if (*status) {
    if (**status != "active" && **status != "disabled")
      return bad("status", "Statut inconnu (active, disabled).",
                 "Unknown status (active, disabled).");
    p.status = **status;
  }
  for (const char* field : {"color_primary", "color_accent"}) {
    auto c = text_of(body, field, 20);
    if (!c) return std::move(c).error();
    if (!*c) continue;
    auto parsed = color(**c);
    if (!parsed)
      return bad(field, "Couleur attendue au format #rrggbb.", "Colour expected as #rrggbb.");
    (std::string_view(field) == "color_primary" ? p.color_primary : p.color_accent) = *parsed;
  }
  auto email = text_of(body, "contact_email", 254);
  if (!email) return std::move(email).error();
  if (*email) {
    if ((*email)->empty()) {
      p.contact_email.clear();
    } else if (auto e = validate::email(**email)) {
      p.contact_email = *e;
    } else {
      return bad("contact_email", "Adresse e-mail invalide.", "Invalid email address.");
    }
  }
  auto phone = text_of(body, "contact_phone", 40);
  if (!phone) return std::move(phone).error();
  if (*phone) p.contact_phone = **phone;
  for (const char* field : {"legal_notice", "terms", "privacy"}) {
    auto t = text_of(body, field, kMaxText);
    if (!t) return std::move(t).error();
    if (!*t) continue;
    if (!is_valid_utf8(**t))
      return bad(field, "Texte invalide (UTF-8 attendu).", "Invalid text (UTF-8 expected).");
    const std::string_view f(field);
    (f == "legal_notice" ? p.legal_notice : f == "terms" ? p.terms : p.privacy) = **t;
  }
  auto quota = int_of(body, "quota_per_year", 0, 1000);
  if (!quota) return std::move(quota).error();
  if (*quota) p.quota_per_year = **quota;
  auto covered = int_of(body, "covered_percent", 0, 100);
  if (!covered) return std::move(covered).error();
  if (*covered) p.covered_percent = **covered;
  auto scope = text_of(body, "quota_scope", 20);
  if (!scope) return std::move(scope).error();
  if (*scope) {
    if (**scope != "profile" && **scope != "family")
      return bad("quota_scope", "Portée inconnue (profile, family).",
                 "Unknown scope (profile, family).");
    p.quota_scope = **scope;
  }
  if (body.contains("hosts")) {
    const auto& hosts = body["hosts"];
    if (!hosts.is_array() || hosts.size() > kMaxHosts)
      return bad("hosts", "Liste de noms d'hôte attendue (10 au plus).",
                 "A list of host names is expected (10 at most).");
    std::set<std::string> seen;
    std::vector<std::string> out;
    for (const auto& h : hosts) {
      auto name_of_host = h.is_string() ? host_name(h.get<std::string>()) : std::nullopt;
      if (!name_of_host || *name_of_host == d_.platform_host)
        return bad("hosts", "Nom d'hôte invalide (ex. : soins.partenaire.fr, sans port).",
                   "Invalid host name (e.g. care.partner.example, no port).");
      if (seen.insert(*name_of_host).second) out.push_back(*name_of_host);
    }
    p.hosts = std::move(out);
  }
  return ok();
}

Task<Result<Partner>> Service::visible(const Principal& who, const std::string& id) {
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto p = co_await store::by_public_id(d_.db, id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);
  if (who.role == Role::partner_admin && (*p)->id != who.partner_id)
    co_return Error(ErrorCode::forbidden);
  if (who.role != Role::operator_ && who.role != Role::partner_admin)
    co_return Error(ErrorCode::forbidden);
  co_return std::move(**p);
}

Task<Result<void>> Service::audit(storage::Transaction& tx, const Principal& who,
                                  std::string action, std::string object, std::string detail) {
  audit::Entry e;
  e.actor_account_id = who.account_id;
  e.actor_role = role_name(who);
  e.action = std::move(action);
  e.object = std::move(object);
  e.detail = std::move(detail);
  co_return co_await d_.audit.append(tx, e);
}

Task<Result<nlohmann::json>> Service::list(const Principal& who) {
  auto all = co_await store::all(d_.db);
  if (!all) co_return std::move(all).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : *all) {
    if (who.role == Role::partner_admin && p.id != who.partner_id) continue;
    out.push_back(to_json(p));
  }
  co_return out;
}

Task<Result<nlohmann::json>> Service::get(const Principal& who, const std::string& id) {
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  co_return to_json(*p);
}

// A host already another partner's: the field's error, not a 409 the form cannot place.
static Error host_taken() {
  return http::invalid_field("hosts", "Ce nom d'hôte est déjà celui d'un autre partenaire.",
                             "This host name already belongs to another partner.");
}

Task<Result<nlohmann::json>> Service::create(const Principal& who, const nlohmann::json& body) {
  if (who.role != Role::operator_) co_return Error(ErrorCode::forbidden);
  Partner p;
  if (auto r = apply(p, body, true); !r) co_return std::move(r).error();
  p.public_id = "pt" + random_base32(d_.random, 10);
  p.created_at = p.updated_at = d_.clock.unix_seconds();
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::insert(tx, p);
    if (!id) co_return std::move(id).error();
    p.id = *id;
    if (auto r = co_await store::set_hosts(tx, p.id, p.hosts); !r) co_return r;
    co_return co_await audit(tx, who, "partner.create", p.public_id, p.name);
  });
  if (!committed) {
    if (committed.error().code == ErrorCode::conflict) co_return host_taken();
    co_return std::move(committed).error();
  }
  if (auto r = co_await d_.hosts.reload(); !r) co_return std::move(r).error();
  co_return to_json(p);
}

Task<Result<nlohmann::json>> Service::update(const Principal& who, const std::string& id,
                                             const nlohmann::json& body) {
  if (who.role != Role::operator_) co_return Error(ErrorCode::forbidden);
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  if (auto r = apply(*p, body, false); !r) co_return std::move(r).error();
  p->updated_at = d_.clock.unix_seconds();
  std::string fields;
  if (body.is_object()) {
    for (const auto& item : body.items()) fields += (fields.empty() ? "" : ",") + item.key();
  }
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::update(tx, *p); !r) co_return r;
    if (body.contains("hosts")) {
      if (auto r = co_await store::set_hosts(tx, p->id, p->hosts); !r) co_return r;
    }
    co_return co_await audit(tx, who, "partner.update", p->public_id, fields);
  });
  if (!committed) {
    if (committed.error().code == ErrorCode::conflict) co_return host_taken();
    co_return std::move(committed).error();
  }
  if (auto r = co_await d_.hosts.reload(); !r) co_return std::move(r).error();
  co_return to_json(*p);
}

Task<Result<nlohmann::json>> Service::put_logo(const Principal& who, const std::string& id,
                                               std::string bytes) {
  if (who.role != Role::operator_) co_return Error(ErrorCode::forbidden);
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  uploads::Rules rules;
  rules.types = {"image/png", "image/jpeg", "image/webp"};
  rules.max_size = kMaxLogo;
  // Through the upload gate: typed by content, re-encoded without metadata.
  auto checked = co_await d_.blocking.call(
      [&bytes, &rules] { return uploads::check(std::move(bytes), rules, "logo"); });
  if (!checked) co_return std::move(checked).error();
  const auto now = d_.clock.unix_seconds();
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::set_logo(tx, p->id, checked->bytes, now); !r) co_return r;
    co_return co_await audit(tx, who, "partner.logo", p->public_id, checked->mime);
  });
  if (!committed) co_return std::move(committed).error();
  p->has_logo = true;
  p->updated_at = now;
  co_return to_json(*p);
}

Task<Result<std::optional<std::string>>> Service::logo(const std::string& id) {
  if (id.size() > 64) co_return std::optional<std::string>{};
  co_return co_await store::logo(d_.db, id);
}

Task<Result<nlohmann::json>> Service::admins(const Principal& who, const std::string& id) {
  if (who.role != Role::operator_) co_return Error(ErrorCode::forbidden);
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  auto rows = co_await store::admins_of(d_.db, p->id);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : *rows)
    out.push_back({{"id", a.public_id}, {"email", a.email}, {"status", a.status}});
  co_return out;
}

Task<Result<nlohmann::json>> Service::invite_admin(const Principal& who, const std::string& id,
                                                   const nlohmann::json& body) {
  if (who.role != Role::operator_) co_return Error(ErrorCode::forbidden);
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  const http::Input in(body);
  auto email_in = in.text("email", 254);
  if (!email_in) co_return std::move(email_in).error();
  auto email = validate::email(*email_in);
  if (!email) co_return bad("email", "Adresse e-mail invalide.", "Invalid email address.");
  auto first = in.text("first_name", 100);
  if (!first) co_return std::move(first).error();
  auto last = in.text("last_name", 100);
  if (!last) co_return std::move(last).error();
  const auto public_id = random_base32(d_.random, 16);
  const auto token = crypto::random_token(d_.random);
  const auto now = d_.clock.unix_seconds();
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    // No password yet: the emailed link (the reset link's purpose, valid 7 days) sets one.
    accounts::store::NewAccount account{public_id, *email, "", "", "operator", "active", "fr", now};
    auto account_id = co_await accounts::store::insert_account(tx, account, now);
    if (!account_id) {
      if (account_id.error().code == ErrorCode::conflict)
        co_return Error::invalid("email", "Cette adresse a déjà un compte.",
                                 "This address already has an account.");
      co_return std::move(account_id).error();
    }
    if (auto r = co_await store::set_account_partner(tx, *account_id, p->id); !r) co_return r;
    accounts::store::NewProfile holder{random_base32(d_.random, 16),
                                       *account_id,
                                       true,
                                       *first,
                                       *last,
                                       std::nullopt,
                                       std::nullopt,
                                       "self"};
    if (auto r = co_await accounts::store::insert_profile(tx, holder, now); !r)
      co_return std::move(r).error();
    if (auto r = co_await accounts::store::insert_token(tx, crypto::sha256_hex(token),
                                                        "reset_password", *account_id, std::nullopt,
                                                        now + kInvitationLifetime, now);
        !r)
      co_return r;
    notify::Variables vars{{"name", *first},
                           {"partner", p->name},
                           {"link", d_.public_url + "/reinitialiser-mot-de-passe?token=" + token}};
    if (auto r = co_await d_.outbox.email(
            tx, *email, notify::render("partner_admin_invitation", Locale::fr, vars));
        !r)
      co_return r;
    co_return co_await audit(tx, who, "partner.admin.invite", p->public_id, public_id);
  });
  if (!committed) co_return std::move(committed).error();
  d_.outbox.wake();
  co_return nlohmann::json{{"id", public_id}, {"email", *email}, {"status", "active"}};
}

}  // namespace cabinet::partners
