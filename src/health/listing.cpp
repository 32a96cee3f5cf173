// One list per profile (docs/health-space.md): the practitioners' documents and the patient's
// own files, newest first, each with its source and whether the patient hid it.
#include <algorithm>

#include "audit/log.hpp"
#include "crypto/keyring.hpp"
#include "documents/service.hpp"
#include "health/sealing.hpp"
#include "health/service.hpp"
#include "health/store.hpp"
#include "http/input.hpp"

namespace cabinet::health {
namespace {

constexpr std::array<std::string_view, 5> kIssuedKinds{"report", "prescription", "sick_leave",
                                                       "certificate", "care_sheet"};

bool issued_kind(std::string_view kind) {
  return std::find(kIssuedKinds.begin(), kIssuedKinds.end(), kind) != kIssuedKinds.end();
}

}  // namespace

std::int64_t Service::Item::at() const { return file ? file->added_at : document->issued_at; }

const std::string& Service::Item::public_id() const {
  return file ? file->public_id : document->public_id;
}

Task<Result<std::vector<Service::Item>>> Service::items_of(std::int64_t profile) {
  auto docs = co_await documents::store::of_profile(d_.db, profile);
  if (!docs) co_return std::move(docs).error();
  auto hidden = co_await store::hidden_documents(d_.db, profile);
  if (!hidden) co_return std::move(hidden).error();
  auto files = co_await store::files_of(d_.db, profile);
  if (!files) co_return std::move(files).error();
  std::vector<Item> out;
  for (auto& d : *docs) {
    const bool h = hidden->contains(d.id);
    out.push_back(Item{std::nullopt, std::move(d), h});
  }
  for (auto& f : *files) {
    const bool h = f.hidden;
    out.push_back(Item{std::move(f), std::nullopt, h});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Item& a, const Item& b) { return a.at() > b.at(); });
  co_return out;
}

Task<Result<std::optional<Service::Item>>> Service::item(std::int64_t account,
                                                         const std::string& id) {
  if (id.starts_with("f_")) {
    auto f = co_await store::file(d_.db, id);
    if (!f) co_return std::move(f).error();
    if (!*f || (*f)->account_id != account) co_return std::optional<Item>{};
    const bool h = (*f)->hidden;
    co_return std::optional<Item>{Item{std::move(**f), std::nullopt, h}};
  }
  auto d = co_await documents::store::document(d_.db, id);
  if (!d) co_return std::move(d).error();
  if (!*d || (*d)->account_id != account) co_return std::optional<Item>{};
  auto hidden = co_await store::hidden_documents(d_.db, (*d)->profile_id);
  if (!hidden) co_return std::move(hidden).error();
  const bool h = hidden->contains((*d)->id);
  co_return std::optional<Item>{Item{std::nullopt, std::move(**d), h}};
}

nlohmann::json Service::patient_json(const Item& item) const {
  if (item.document) {
    auto out = d_.documents.json_of(*item.document);
    out["source"] = "practitioner";
    out["hidden"] = item.hidden;
    out["url"] = "/api/v1/documents/" + item.document->public_id + "/pdf";
    return out;
  }
  const auto& f = *item.file;
  auto title = d_.keys.open(f.sealed_title, file_context(f.public_id, "title"));
  auto name = d_.keys.open(f.sealed_name, file_context(f.public_id, "name"));
  return {{"id", f.public_id},
          {"source", "patient"},
          {"kind", f.kind},
          {"title", title ? *title : ""},
          {"name", name ? *name : "fichier"},
          {"mime", f.mime},
          {"size", f.size},
          {"added_at", f.added_at},
          {"profile_id", f.profile_public_id},
          {"hidden", f.hidden},
          {"url", "/api/v1/me/documents/" + f.public_id + "/file"}};
}

nlohmann::json Service::practitioner_json(const Item& item, const std::string& consultation) const {
  const auto url =
      "/api/v1/consultations/" + consultation + "/patient-documents/" + item.public_id();
  if (item.document) {
    const auto doc = d_.documents.json_of(*item.document);
    return {{"id", item.document->public_id},
            {"source", "practitioner"},
            {"kind", item.document->kind},
            {"title", doc["title"]},
            {"mime", "application/pdf"},
            {"added_at", item.document->issued_at},
            {"practitioner", {{"name", item.document->practitioner_name}}},
            {"url", url}};
  }
  const auto& f = *item.file;
  auto title = d_.keys.open(f.sealed_title, file_context(f.public_id, "title"));
  return {{"id", f.public_id},       {"source", "patient"},
          {"kind", f.kind},          {"title", title ? *title : ""},
          {"mime", f.mime},          {"added_at", f.added_at},
          {"practitioner", nullptr}, {"url", url}};
}

Task<Result<nlohmann::json>> Service::list(const Principal& who, const Filter& filter) {
  if (filter.kind && !known_kind(*filter.kind) && !issued_kind(*filter.kind))
    co_return http::invalid_field("kind", "Type de document inconnu.", "Unknown kind of document.");
  auto profile = co_await own_profile(who, filter.profile);
  if (!profile) co_return std::move(profile).error();
  auto items = co_await items_of(profile->id);
  if (!items) co_return std::move(items).error();
  // The same action as the practitioners' documents alone had: one list, one entry.
  const auto e = health_entry(who, profile->id, "documents.list", profile->public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& i : *items) {
    const auto& kind = i.file ? i.file->kind : i.document->kind;
    if (filter.kind && kind != *filter.kind) continue;
    if (filter.practitioner &&
        (!i.document || i.document->practitioner_public_id != *filter.practitioner))
      continue;
    out.push_back(patient_json(i));
  }
  co_return nlohmann::json{{"items", std::move(out)}};
}

}  // namespace cabinet::health
