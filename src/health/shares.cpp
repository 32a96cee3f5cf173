// Documents attached to an appointment before it (docs/health-space.md "Share before a
// consultation"): own files or issued documents of the appointment's profile, never a hidden one.
#include <algorithm>

#include "audit/log.hpp"
#include "health/service.hpp"
#include "health/store.hpp"
#include "http/input.hpp"

namespace cabinet::health {
namespace {

constexpr std::size_t kMaxShares = 20;

}  // namespace

Task<Result<nlohmann::json>> Service::shares(const Principal& who, const std::string& appointment) {
  if (who.role != Role::patient) co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.visible_to(who, appointment);
  if (!v || v->a.patient_account_id != who.account_id) co_return Error(ErrorCode::not_found);
  auto shares = co_await store::shares_of(d_.db, v->a.id);
  if (!shares) co_return std::move(shares).error();
  auto items = co_await items_of(v->a.profile_id);
  if (!items) co_return std::move(items).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : *shares) {
    for (const auto& i : *items) {
      const bool same = s.file_id ? (i.file && i.file->id == *s.file_id)
                                  : (i.document && i.document->id == s.document_id);
      if (same) out.push_back(patient_json(i));
    }
  }
  const auto e = health_entry(who, v->a.profile_id, "health.shares.read", v->a.public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return nlohmann::json{{"items", std::move(out)}};
}

Task<Result<nlohmann::json>> Service::share(const Principal& who, const std::string& appointment,
                                            const nlohmann::json& body) {
  if (who.role != Role::patient) co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.visible_to(who, appointment);
  if (!v || v->a.patient_account_id != who.account_id) co_return Error(ErrorCode::not_found);
  const auto& ids = body.is_object() && body.contains("ids") ? body["ids"] : nlohmann::json();
  if (!ids.is_array())
    co_return http::invalid_field("ids", "Liste de documents attendue.",
                                  "A list of documents expected.");
  if (ids.size() > kMaxShares)
    co_return http::invalid_field("ids", "20 documents au plus par rendez-vous.",
                                  "20 documents at most per appointment.");
  // Before the consultation or during it: a past appointment's shares are what was seen then.
  const auto now = d_.clock.unix_seconds();
  const bool upcoming = (v->a.status == "confirmed" || v->a.status == "pending_payment") &&
                        (now < v->a.end_at || v->a.started_at.has_value());
  if (!upcoming) {
    Error e(ErrorCode::conflict, "appointment " + v->a.status);
    e.message_fr =
        "Ce rendez-vous est passé ou annulé : les documents ne peuvent plus y être joints.";
    e.message_en = "This appointment is over or cancelled: documents can no longer be attached.";
    co_return e;
  }
  auto items = co_await items_of(v->a.profile_id);
  if (!items) co_return std::move(items).error();
  std::vector<Share> chosen;
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t n = 0; n < ids.size(); ++n) {
    const auto field = "ids[" + std::to_string(n) + "]";
    const auto* id = ids[n].is_string() ? ids[n].get_ptr<const std::string*>() : nullptr;
    const auto found = std::find_if(items->begin(), items->end(), [&](const Item& i) {
      return id != nullptr && i.public_id() == *id;
    });
    if (found == items->end())
      co_return http::invalid_field(field, "Document introuvable pour ce profil.",
                                    "No such document for this profile.");
    if (found->hidden)
      co_return http::invalid_field(field,
                                    "Ce document est masqué : affichez-le d'abord pour le joindre.",
                                    "This document is hidden: show it first to attach it.");
    Share s;
    if (found->file) s.file_id = found->file->id;
    if (found->document) s.document_id = found->document->id;
    const bool twice = std::any_of(chosen.begin(), chosen.end(), [&](const Share& c) {
      return c.file_id == s.file_id && c.document_id == s.document_id;
    });
    if (twice) continue;
    chosen.push_back(s);
    out.push_back(patient_json(*found));
  }
  const auto e = health_entry(who, v->a.profile_id, "health.shares.write", v->a.public_id,
                              std::to_string(chosen.size()) + " documents");
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::replace_shares(tx, v->a.id, chosen); !r) co_return r;
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  co_return nlohmann::json{{"items", std::move(out)}};
}

}  // namespace cabinet::health
