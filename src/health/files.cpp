// The patient's own files (docs/health-space.md, DOC6): added through the upload gate, sealed,
// hidden or shown, renamed, deleted; practitioners' documents are hidden, never deleted.
#include <chrono>

#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "crypto/keyring.hpp"
#include "documents/sealing.hpp"
#include "health/sealing.hpp"
#include "health/service.hpp"
#include "health/store.hpp"
#include "http/input.hpp"

namespace cabinet::health {
namespace {

constexpr std::int64_t kMaxFiles = 200;  // per profile
constexpr auth::Limit kUploads{"health-upload", 30, std::chrono::hours(1)};

// A title as typed: 1–120 characters of text, no control characters.
Result<std::string> title_of(const std::string& raw) {
  const std::string t(validate::trim(raw));
  bool control = false;
  for (char c : t) control = control || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  if (t.empty() || control || !is_valid_utf8(t) || utf8_length(t) > 120)
    return http::invalid_field("title", "Titre de 1 à 120 caractères.",
                               "A title of 1 to 120 characters.");
  return t;
}

Result<std::string> kind_of(const std::string& raw) {
  if (!known_kind(raw))
    return http::invalid_field(
        "kind",
        "Type inconnu (ordonnance, résultat d'analyse, imagerie, courrier, vaccination, autre).",
        "Unknown kind (prescription, lab result, imaging, letter, vaccination, other).");
  return raw;
}

// The title a file gets when none is typed: its name without the extension.
std::string default_title(const std::string& name) {
  const auto dot = name.rfind('.');
  auto stem = dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
  return stem.empty() ? "Document" : stem;
}

}  // namespace

Task<Result<nlohmann::json>> Service::add_file(const Principal& who, const Upload& upload,
                                               std::string bytes) {
  std::string title;
  if (upload.title) {
    auto t = title_of(*upload.title);
    if (!t) co_return std::move(t).error();
    title = std::move(*t);
  } else {
    auto t = title_of(default_title(upload.name));
    title = t ? std::move(*t) : std::string("Document");
  }
  auto kind = kind_of(upload.kind.value_or("other"));
  if (!kind) co_return std::move(kind).error();
  auto profile = co_await own_profile(who, upload.profile);
  if (!profile) co_return std::move(profile).error();
  if (d_.limits != nullptr) {
    if (auto r = co_await d_.limits->hit(kUploads, who.account_public_id); !r)
      co_return std::move(r).error();
  }
  auto count = co_await store::count_files(d_.db, profile->id);
  if (!count) co_return std::move(count).error();
  if (*count >= kMaxFiles) {
    Error e(ErrorCode::conflict, "too many own files");
    e.message_fr = "200 documents au plus par profil : supprimez-en avant d'en ajouter.";
    e.message_en = "200 documents at most per profile: delete some before adding more.";
    co_return e;
  }
  const uploads::Rules rules{options()->file_types, options()->file_max_size};
  auto checked =
      co_await d_.blocking.call([&] { return uploads::check(std::move(bytes), rules, "file"); });
  if (!checked) co_return std::move(checked).error();

  store::NewFile f;
  f.public_id = "f_" + random_base32(d_.random, 12);
  f.account_id = who.account_id;
  f.profile_id = profile->id;
  f.kind = *kind;
  f.sealed_title = d_.keys.seal(title, file_context(f.public_id, "title"));
  f.sealed_name = d_.keys.seal(upload.name, file_context(f.public_id, "name"));
  f.mime = checked->mime;
  f.size = static_cast<std::int64_t>(checked->bytes.size());
  f.sealed_body = d_.keys.seal(checked->bytes, file_context(f.public_id, "body"));
  f.now = d_.clock.unix_seconds();
  const auto e = health_entry(who, profile->id, "health.document.add", f.public_id, f.mime);
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::insert_file(tx, f);
    if (!id) co_return std::move(id).error();
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  auto row = co_await store::file(d_.db, f.public_id);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::internal, "own file vanished");
  co_return patient_json(Item{std::move(**row), std::nullopt, false});
}

Task<Result<FileBytes>> Service::bytes_of(const Item& item) {
  if (item.document) {
    auto sealed = co_await documents::store::sealed(d_.db, item.document->id);
    if (!sealed) co_return std::move(sealed).error();
    if (!*sealed) co_return Error(ErrorCode::not_found);
    auto pdf = d_.keys.open((*sealed)->pdf, documents::pdf_context(item.document->public_id));
    if (!pdf) co_return std::move(pdf).error();
    co_return FileBytes{item.document->kind + "-" + item.document->public_id + ".pdf",
                        "application/pdf", std::move(*pdf)};
  }
  const auto& f = *item.file;
  auto body = co_await store::file_body(d_.db, f.id);
  if (!body) co_return std::move(body).error();
  if (!*body) co_return Error(ErrorCode::not_found);
  auto name = d_.keys.open(f.sealed_name, file_context(f.public_id, "name"));
  auto bytes = d_.keys.open(**body, file_context(f.public_id, "body"));
  if (!name || !bytes) co_return Error(ErrorCode::internal, "an own file does not open");
  co_return FileBytes{std::move(*name), f.mime, std::move(*bytes)};
}

Task<Result<FileBytes>> Service::file(const Principal& who, const std::string& id) {
  if (who.role != Role::patient || !id.starts_with("f_")) co_return Error(ErrorCode::not_found);
  auto found = co_await item(who.account_id, id);
  if (!found) co_return std::move(found).error();
  if (!*found) co_return Error(ErrorCode::not_found);
  auto bytes = co_await bytes_of(**found);
  if (!bytes) co_return bytes;
  const auto e = health_entry(who, (*found)->file->profile_id, "health.document.read", id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return bytes;
}

Task<Result<nlohmann::json>> Service::update(const Principal& who, const std::string& id,
                                             const nlohmann::json& body) {
  if (who.role != Role::patient) co_return Error(ErrorCode::not_found);
  if (!body.is_object())
    co_return http::invalid_field("body", "Objet JSON attendu.", "A JSON object expected.");
  auto found = co_await item(who.account_id, id);
  if (!found) co_return std::move(found).error();
  if (!*found) co_return Error(ErrorCode::not_found);
  auto& it = **found;
  const http::Input in(body);
  auto hidden = in.optional_bool("hidden");
  if (!hidden) co_return std::move(hidden).error();
  if (it.document && (in.has("title") || in.has("kind")))
    co_return http::invalid_field("title",
                                  "Le titre d'un document de professionnel ne se modifie pas.",
                                  "A professional's document keeps its title.");
  const auto now = d_.clock.unix_seconds();
  const bool hide = hidden->value_or(it.hidden);
  std::string detail = hide ? "hidden" : "shown";
  if (it.document) {
    const auto e = health_entry(who, it.document->profile_id, "health.document.update", id, detail);
    auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
      if (auto r = co_await store::set_document_hidden(tx, it.document->id, hide, now); !r)
        co_return r;
      co_return co_await d_.audit.append(tx, e);
    });
    if (!saved) co_return std::move(saved).error();
    it.hidden = hide;
    co_return patient_json(it);
  }
  auto& f = *it.file;
  std::string sealed_title = f.sealed_title;
  if (in.has("title")) {
    const auto& raw = body["title"];
    auto t = title_of(raw.is_string() ? raw.get<std::string>() : "");
    if (!t) co_return std::move(t).error();
    sealed_title = d_.keys.seal(*t, file_context(f.public_id, "title"));
  }
  std::string kind = f.kind;
  if (in.has("kind")) {
    const auto& raw = body["kind"];
    auto k = kind_of(raw.is_string() ? raw.get<std::string>() : "");
    if (!k) co_return std::move(k).error();
    kind = std::move(*k);
  }
  const auto e = health_entry(who, f.profile_id, "health.document.update", id, detail);
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::update_file(tx, f.id, kind, sealed_title, hide, now); !r)
      co_return r;
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  f.kind = kind;
  f.sealed_title = sealed_title;
  f.hidden = hide;
  it.hidden = hide;
  co_return patient_json(it);
}

Task<Result<void>> Service::remove(const Principal& who, const std::string& id) {
  if (who.role != Role::patient) co_return Error(ErrorCode::not_found);
  auto found = co_await item(who.account_id, id);
  if (!found) co_return std::move(found).error();
  if (!*found) co_return Error(ErrorCode::not_found);
  // The practitioner's record: the law has them keep it; the patient may hide it.
  if ((*found)->document) co_return Error(ErrorCode::not_deletable);
  const auto& f = *(*found)->file;
  const auto e = health_entry(who, f.profile_id, "health.document.delete", id);
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::delete_file(tx, f.id); !r) co_return r;
    co_return co_await d_.audit.append(tx, e);
  });
}

}  // namespace cabinet::health
