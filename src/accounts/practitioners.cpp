#include "accounts/practitioners.hpp"

#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "core/log.hpp"
#include "core/validators.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

namespace cabinet::practitioners {
namespace {

constexpr std::int64_t kInvitationLifetime = 7 * 24 * 3600;

nlohmann::json practitioner_json(const store::Practitioner& p) {
  return {{"id", p.account_public_id}, {"first_name", p.first_name}, {"last_name", p.last_name},
          {"email", p.email},          {"phone", p.phone},           {"rpps", p.rpps},
          {"specialty", p.specialty},  {"status", p.status},         {"created_at", p.created_at}};
}

nlohmann::json assistant_json(const store::Assistant& a) {
  return {{"id", a.public_id},
          {"email", a.email},
          {"name", a.name ? nlohmann::json(*a.name) : nullptr},
          {"status", a.accepted_at ? "active" : "invited"}};
}

}  // namespace

Task<Result<nlohmann::json>> Service::list(const std::string& status) {
  if (status != "pending" && status != "verified" && status != "rejected") {
    co_return http::invalid_field("status", "Statut inconnu (pending, verified, rejected).",
                                  "Unknown status (pending, verified, rejected).");
  }
  auto rows = co_await store::by_status(d_.db, status);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : *rows) {
    auto item = practitioner_json(p);
    if (d_.rpps_checks) {
      auto checks = co_await d_.rpps_checks(p);
      if (!checks) co_return std::move(checks).error();
      item["rpps_checks"] = std::move(*checks);
    }
    out.push_back(std::move(item));
  }
  co_return out;
}

Task<Result<nlohmann::json>> Service::decide(const Principal& op, const std::string& id,
                                             const std::string& status,
                                             const std::optional<std::string>& reason) {
  auto p = co_await store::by_public_id(d_.db, id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto decided = co_await store::decide(tx, (*p)->account_id, status, op.account_id, reason,
                                          d_.clock.unix_seconds());
    if (!decided) co_return std::move(decided).error();
    if (!*decided) {
      co_return Error(ErrorCode::conflict).with_detail("practitioner no longer pending");
    }
    if (d_.audit != nullptr) {
      audit::Entry entry;
      entry.actor_account_id = op.account_id;
      entry.actor_role = std::string(to_string(op.role));
      entry.action = status == "verified" ? "practitioner.verify" : "practitioner.reject";
      entry.object = id;
      entry.detail = reason.value_or("");
      if (auto r = co_await d_.audit->append(tx, entry); !r) co_return r;
    }
    const auto locale = (*p)->locale == "en" ? Locale::en : Locale::fr;
    notify::Variables vars{{"name", "Dr " + (*p)->last_name},
                           {"link", d_.public_url + "/praticien"},
                           {"reason", reason.value_or("")}};
    const auto* name = status == "verified" ? "practitioner_verified" : "practitioner_rejected";
    co_return co_await d_.outbox.email(tx, (*p)->email, notify::render(name, locale, vars));
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  d_.outbox.wake();
  if (d_.on_decided) {
    if (auto r = co_await d_.on_decided((*p)->account_id); !r) co_return std::move(r).error();
  }
  log::info("practitioner decided",
            {{"practitioner", id}, {"status", status}, {"operator", op.account_public_id}});
  auto fresh = co_await store::by_public_id(d_.db, id);
  if (!fresh) co_return std::move(fresh).error();
  co_return practitioner_json(**fresh);
}

Task<Result<nlohmann::json>> Service::verify(const Principal& op, const std::string& id) {
  co_return co_await decide(op, id, "verified", std::nullopt);
}

Task<Result<nlohmann::json>> Service::reject(const Principal& op, const std::string& id,
                                             const std::string& reason) {
  if (reason.size() < 3) co_return http::missing_field("reason");
  co_return co_await decide(op, id, "rejected", reason);
}

Task<Result<nlohmann::json>> Service::assistants(const Principal& practitioner) {
  auto rows = co_await store::assistants_of(d_.db, practitioner.account_id);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& a : *rows) out.push_back(assistant_json(a));
  co_return out;
}

Task<Result<nlohmann::json>> Service::invite(const Principal& practitioner,
                                             const std::string& email_input) {
  auto email = validate::email(email_input);
  if (!email)
    co_return http::invalid_field("email", "Adresse e-mail invalide.", "Invalid email address.");
  auto me = co_await store::by_account(d_.db, practitioner.account_id);
  if (!me) co_return std::move(me).error();
  if (!*me) co_return Error(ErrorCode::forbidden);
  // An assistant would act for a practitioner nobody has checked yet (issue 17, F11).
  if ((*me)->status != "verified") co_return Error(ErrorCode::practitioner_not_verified);
  const auto token = crypto::random_token(d_.random);
  const auto public_id = random_base32(d_.random, 16);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    auto id = co_await store::insert_assistant(tx, public_id, practitioner.account_id, *email, now);
    if (!id) {
      if (id.error().code == ErrorCode::conflict) {
        co_return Error::invalid("email", "Cette personne est déjà invitée.",
                                 "This person is already invited.");
      }
      co_return std::move(id).error();
    }
    if (auto r = co_await accounts::store::insert_token(tx, crypto::sha256_hex(token), "invitation",
                                                        std::nullopt, *id,
                                                        now + kInvitationLifetime, now);
        !r) {
      co_return r;
    }
    const auto locale = (*me)->locale == "en" ? Locale::en : Locale::fr;
    notify::Variables vars{{"practitioner", "Dr " + (*me)->first_name + " " + (*me)->last_name},
                           {"link", d_.public_url + "/inscription/assistant?token=" + token}};
    co_return co_await d_.outbox.email(tx, *email,
                                       notify::render("assistant_invitation", locale, vars));
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  d_.outbox.wake();
  co_return nlohmann::json{
      {"id", public_id}, {"email", *email}, {"name", nullptr}, {"status", "invited"}};
}

Task<Result<void>> Service::remove_assistant(const Principal& practitioner, const std::string& id) {
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto removed =
        co_await store::remove_assistant(tx, practitioner.account_id, id, d_.clock.unix_seconds());
    if (!removed) co_return std::move(removed).error();
    if (!*removed) co_return Error(ErrorCode::not_found);
    co_return ok();
  };
  co_return co_await d_.db.transact(body);
}

}  // namespace cabinet::practitioners
