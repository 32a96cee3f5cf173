#include "accounts_admin/service.hpp"

#include <charconv>

#include "accounts_admin/rpps.hpp"
#include "accounts_admin/store.hpp"
#include "audit/log.hpp"
#include "auth/store.hpp"
#include "core/log.hpp"
#include "http/input.hpp"
#include "notify/outbox.hpp"
#include "notify/templates.hpp"
#include "practitioners/specialties.hpp"
#include "queue/store.hpp"

namespace cabinet::accounts_admin {
namespace {

constexpr std::int64_t kPageSize = 20;
constexpr std::int64_t kLogPageSize = 50;
constexpr std::int64_t kMaxPage = 10000;
constexpr std::size_t kMaxReason = 500;

nlohmann::json opt(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json account_json(const store::Account& a) {
  nlohmann::json out{{"id", a.public_id},
                     {"role", a.role},
                     {"status", a.status},
                     {"email", a.email},
                     {"first_name", a.first_name},
                     {"last_name", a.last_name},
                     {"created_at", a.created_at},
                     {"suspended_at", a.suspended_at ? nlohmann::json(*a.suspended_at) : nullptr},
                     {"suspension_reason", opt(a.suspension_reason)}};
  if (a.role == "practitioner") {
    out["rpps"] = opt(a.rpps);
    out["specialty"] = opt(a.specialty);
    out["verification"] = opt(a.verification);
  }
  return out;
}

Result<std::int64_t> page_of(const std::string& text) {
  if (text.empty()) return 1;
  std::int64_t page = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, page);
  if (ec != std::errc() || ptr != end || page < 1 || page > kMaxPage)
    return http::invalid_field("page", "Numéro de page invalide.", "Invalid page number.");
  return page;
}

Result<std::string> reason_of(const nlohmann::json& body) {
  auto reason = http::Input(body).text("reason", kMaxReason);
  if (!reason) return std::move(reason).error();
  std::string trimmed = *reason;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.back())))
    trimmed.pop_back();
  if (trimmed.size() < 3) return http::missing_field("reason");
  return trimmed;
}

}  // namespace

Task<Result<nlohmann::json>> Service::search(const Query& query) {
  auto page = page_of(query.page);
  if (!page) co_return std::move(page).error();
  if (query.q.size() > 200)
    co_return http::invalid_field("q", "Recherche trop longue.", "Search too long.");
  if (!query.role.empty() && query.role != "patient" && query.role != "practitioner" &&
      query.role != "assistant")
    co_return http::invalid_field("role", "Rôle inconnu (patient, practitioner, assistant).",
                                  "Unknown role (patient, practitioner, assistant).");
  if (!query.status.empty() && query.status != "active" && query.status != "pending" &&
      query.status != "suspended" && query.status != "rejected")
    co_return http::invalid_field("status",
                                  "Statut inconnu (active, pending, suspended, rejected).",
                                  "Unknown status (active, pending, suspended, rejected).");
  store::Search s;
  s.q = query.q;
  while (!s.q.empty() && s.q.back() == ' ') s.q.pop_back();
  while (!s.q.empty() && s.q.front() == ' ') s.q.erase(0, 1);
  s.role = query.role;
  s.status = query.status;
  // One more than a page: whether there is a next one.
  s.limit = kPageSize + 1;
  s.offset = (*page - 1) * kPageSize;
  auto rows = co_await store::search(d_.db, s);
  if (!rows) co_return std::move(rows).error();
  const bool more = static_cast<std::int64_t>(rows->size()) > kPageSize;
  if (more) rows->pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *rows) items.push_back(account_json(a));
  co_return nlohmann::json{{"items", std::move(items)},
                           {"page", *page},
                           {"next_page", more ? nlohmann::json(*page + 1) : nullptr}};
}

Task<Result<nlohmann::json>> Service::suspend(const Principal& op, const std::string& id,
                                              const nlohmann::json& body) {
  auto reason = reason_of(body);
  if (!reason) co_return std::move(reason).error();
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto found = co_await store::by_public_id(d_.db, id);
  if (!found) co_return std::move(found).error();
  if (!*found || (*found)->status == "deleted") co_return Error(ErrorCode::not_found);
  const auto& a = **found;
  if (a.id == op.account_id)
    co_return http::invalid_field("id", "Vous ne pouvez pas suspendre votre propre compte.",
                                  "You cannot suspend your own account.");
  // Already suspended: nothing more to do, and nobody is told twice (docs/operator.md).
  if (a.status == "suspended") co_return account_json(a);
  const auto now = d_.clock.unix_seconds();
  const bool practitioner = a.role == "practitioner";
  auto body_tx = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto changed = co_await store::suspend(tx, a.id, *reason, now);
    if (!changed) co_return std::move(changed).error();
    if (!*changed) co_return Error(ErrorCode::conflict).with_detail("account status changed");
    // Every session ends now: the next request of any of them answers 401.
    if (auto r = co_await auth::store::revoke_sessions_except(tx, a.id, 0, now); !r) co_return r;
    if (practitioner) {
      if (auto r = co_await queue::store::clear_duty(tx, a.id); !r) co_return r;
    }
    audit::Entry entry;
    entry.actor_account_id = op.account_id;
    entry.actor_role = std::string(to_string(op.role));
    entry.action = "account.suspend";
    entry.object = a.public_id;
    entry.detail = *reason;
    if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    const auto locale = a.locale == "en" ? Locale::en : Locale::fr;
    notify::Variables vars{{"name", a.first_name}, {"reason", *reason}};
    co_return co_await d_.outbox.email(tx, a.email,
                                       notify::render("account_suspended", locale, vars));
  };
  if (auto r = co_await d_.db.transact(body_tx); !r) co_return std::move(r).error();
  d_.outbox.wake();
  std::size_t cancelled = 0;
  if (practitioner && d_.cancel_appointments) {
    auto n = co_await d_.cancel_appointments(a.id, op.account_id);
    if (!n) co_return std::move(n).error();
    cancelled = *n;
  }
  if (d_.status_changed) {
    if (auto r = co_await d_.status_changed(a.id); !r) co_return std::move(r).error();
  }
  log::info("account suspended", {{"account", a.public_id},
                                  {"operator", op.account_public_id},
                                  {"appointments_cancelled", cancelled}});
  auto fresh = co_await store::by_public_id(d_.db, id);
  if (!fresh) co_return std::move(fresh).error();
  auto out = account_json(**fresh);
  out["cancelled_appointments"] = cancelled;
  co_return out;
}

Task<Result<nlohmann::json>> Service::reactivate(const Principal& op, const std::string& id,
                                                 const nlohmann::json& body) {
  auto reason = reason_of(body);
  if (!reason) co_return std::move(reason).error();
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto found = co_await store::by_public_id(d_.db, id);
  if (!found) co_return std::move(found).error();
  if (!*found || (*found)->status == "deleted") co_return Error(ErrorCode::not_found);
  const auto& a = **found;
  if (a.status != "suspended") co_return account_json(a);
  const auto now = d_.clock.unix_seconds();
  auto body_tx = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto changed = co_await store::reactivate(tx, a.id, now);
    if (!changed) co_return std::move(changed).error();
    if (!*changed) co_return Error(ErrorCode::conflict).with_detail("account status changed");
    audit::Entry entry;
    entry.actor_account_id = op.account_id;
    entry.actor_role = std::string(to_string(op.role));
    entry.action = "account.reactivate";
    entry.object = a.public_id;
    entry.detail = *reason;
    if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    const auto locale = a.locale == "en" ? Locale::en : Locale::fr;
    notify::Variables vars{
        {"name", a.first_name}, {"reason", *reason}, {"link", d_.public_url + "/connexion"}};
    co_return co_await d_.outbox.email(tx, a.email,
                                       notify::render("account_reactivated", locale, vars));
  };
  if (auto r = co_await d_.db.transact(body_tx); !r) co_return std::move(r).error();
  d_.outbox.wake();
  if (d_.status_changed) {
    if (auto r = co_await d_.status_changed(a.id); !r) co_return std::move(r).error();
  }
  auto fresh = co_await store::by_public_id(d_.db, id);
  if (!fresh) co_return std::move(fresh).error();
  co_return account_json(**fresh);
}

Task<Result<nlohmann::json>> Service::import_extract(const Principal& op,
                                                     const std::string& bytes) {
  auto parsed = parse_extract(bytes);
  if (!parsed) co_return std::move(parsed).error();
  const auto now = d_.clock.unix_seconds();
  auto body_tx = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::replace_extract(tx, parsed->people, now); !r) co_return r;
    audit::Entry entry;
    entry.actor_account_id = op.account_id;
    entry.actor_role = std::string(to_string(op.role));
    entry.action = "rpps_extract.import";
    entry.detail = std::to_string(parsed->people.size()) + " RPPS";
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body_tx); !r) co_return std::move(r).error();
  co_return nlohmann::json{{"people", parsed->people.size()},
                           {"lines", parsed->lines},
                           {"skipped", parsed->skipped},
                           {"imported_at", now}};
}

Task<Result<nlohmann::json>> Service::extract_status() {
  auto info = co_await store::extract_info(d_.db);
  if (!info) co_return std::move(info).error();
  co_return nlohmann::json{
      {"people", info->people},
      {"imported_at", info->imported_at ? nlohmann::json(*info->imported_at) : nullptr}};
}

Task<Result<nlohmann::json>> Service::rpps_checks(const practitioners::store::Practitioner& p) {
  nlohmann::json out{{"luhn_ok", rpps_key_ok(p.rpps)}, {"extract_imported", false},
                     {"in_extract", nullptr},          {"name_matches", nullptr},
                     {"specialty_matches", nullptr},   {"extract", nullptr}};
  auto info = co_await store::extract_info(d_.db);
  if (!info) co_return std::move(info).error();
  if (info->people == 0) co_return out;
  out["extract_imported"] = true;
  auto found = co_await store::extract_person(d_.db, p.rpps);
  if (!found) co_return std::move(found).error();
  out["in_extract"] = found->has_value();
  if (!*found) co_return out;
  const auto& e = **found;
  const auto* sp = practitioners::find_specialty(p.specialty);
  out["name_matches"] = names_match(e, p.first_name, p.last_name);
  out["specialty_matches"] = specialty_matches(e, p.specialty, sp ? sp->name_fr : p.specialty);
  out["extract"] = {{"first_name", e.first_name},
                    {"last_name", e.last_name},
                    {"profession", e.profession},
                    {"specialties", e.specialties}};
  co_return out;
}

Task<Result<nlohmann::json>> Service::log(const std::string& page_text) {
  auto page = page_of(page_text);
  if (!page) co_return std::move(page).error();
  auto rows = co_await store::operator_log(d_.db, kLogPageSize + 1, (*page - 1) * kLogPageSize);
  if (!rows) co_return std::move(rows).error();
  const bool more = static_cast<std::int64_t>(rows->size()) > kLogPageSize;
  if (more) rows->pop_back();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *rows) {
    items.push_back({{"id", e.id},
                     {"at", e.at},
                     {"actor", {{"id", opt(e.actor_id)}, {"email", opt(e.actor_email)}}},
                     {"actor_role", e.actor_role},
                     {"action", e.action},
                     {"object", e.object},
                     {"object_email", opt(e.object_email)},
                     {"detail", e.detail}});
  }
  co_return nlohmann::json{{"items", std::move(items)},
                           {"page", *page},
                           {"next_page", more ? nlohmann::json(*page + 1) : nullptr}};
}

}  // namespace cabinet::accounts_admin
