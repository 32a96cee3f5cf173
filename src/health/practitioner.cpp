// The consultation's practitioner (docs/health-space.md): the documents the patient attached and
// the profile's other visible ones, the medical profile, and items added to it. Hidden documents
// never reach a practitioner, not even attached ones.
#include <algorithm>

#include "audit/log.hpp"
#include "crypto/keyring.hpp"
#include "health/medical_rules.hpp"
#include "health/sealing.hpp"
#include "health/service.hpp"
#include "health/store.hpp"

namespace cabinet::health {

Task<Result<nlohmann::json>> Service::panel(const Principal& who, const std::string& consultation) {
  auto v = co_await practitioner_access(who, consultation);
  if (!v) co_return std::move(v).error();
  auto items = co_await items_of(v->a.profile_id);
  if (!items) co_return std::move(items).error();
  auto shares = co_await store::shares_of(d_.db, v->a.id);
  if (!shares) co_return std::move(shares).error();
  const auto e = health_entry(who, v->a.profile_id, "health.documents.list", v->a.public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  nlohmann::json attached = nlohmann::json::array();
  nlohmann::json others = nlohmann::json::array();
  std::vector<const Item*> shown;
  for (const auto& s : *shares) {
    for (const auto& i : *items) {
      const bool same = s.file_id ? (i.file && i.file->id == *s.file_id)
                                  : (i.document && i.document->id == s.document_id);
      if (same && !i.hidden) {
        attached.push_back(practitioner_json(i, v->a.public_id));
        shown.push_back(&i);
      }
    }
  }
  for (const auto& i : *items) {
    if (i.hidden || std::find(shown.begin(), shown.end(), &i) != shown.end()) continue;
    others.push_back(practitioner_json(i, v->a.public_id));
  }
  co_return nlohmann::json{{"attached", std::move(attached)}, {"others", std::move(others)}};
}

Task<Result<FileBytes>> Service::panel_file(const Principal& who, const std::string& consultation,
                                            const std::string& id) {
  auto v = co_await practitioner_access(who, consultation);
  if (!v) co_return std::move(v).error();
  auto found = co_await item(v->a.patient_account_id, id);
  if (!found) co_return std::move(found).error();
  if (!*found || (*found)->hidden) co_return Error(ErrorCode::not_found);
  const auto profile = (*found)->file ? (*found)->file->profile_id : (*found)->document->profile_id;
  if (profile != v->a.profile_id) co_return Error(ErrorCode::not_found);
  auto bytes = co_await bytes_of(**found);
  if (!bytes) co_return std::move(bytes).error();
  const auto e =
      health_entry(who, profile, "health.document.read", id, "consultation " + v->a.public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return std::move(*bytes);
}

Task<Result<nlohmann::json>> Service::consultation_medical(const Principal& who,
                                                           const std::string& consultation) {
  auto v = co_await practitioner_access(who, consultation);
  if (!v) co_return std::move(v).error();
  auto medical = co_await read_medical(v->a.profile_id, v->profile_public_id);
  if (!medical) co_return std::move(medical).error();
  const auto e = health_entry(who, v->a.profile_id, "health.medical.read", v->profile_public_id,
                              "consultation " + v->a.public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return std::move(*medical);
}

Task<Result<nlohmann::json>> Service::add_medical_item(const Principal& who,
                                                       const std::string& consultation,
                                                       const nlohmann::json& body) {
  auto v = co_await practitioner_access(who, consultation);
  if (!v) co_return std::move(v).error();
  auto stored = co_await read_medical(v->a.profile_id, v->profile_public_id);
  if (!stored) co_return std::move(stored).error();
  const Author author{"practitioner", booking::practitioner_name(*v)};
  const Stamp stamp{d_.clock.unix_seconds(), today(),
                    [this] { return "m_" + random_base32(d_.random, 8); }};
  auto added = health::add_medical_item(body, *stored, author, stamp);
  if (!added) co_return std::move(added).error();
  stored->erase("profile_id");
  const auto sealed = d_.keys.seal(stored->dump(), medical_context(v->profile_public_id));
  const auto e = health_entry(who, v->a.profile_id, "health.medical.write", v->profile_public_id,
                              "consultation " + v->a.public_id);
  const auto profile = v->a.profile_id;
  const auto now = stamp.now;
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::put_medical(tx, profile, sealed, now); !r) co_return r;
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  co_return std::move(*added);
}

}  // namespace cabinet::health
