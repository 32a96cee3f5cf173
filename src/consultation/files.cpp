// Files shared in the room (issue 6, ROOM5; docs/consultation.md "Files"): checked by their
// content, images re-encoded, kept sealed, every read audited. No file reaches an assistant
// (UX.md): they get `forbidden` and no `file` message.
#include <algorithm>
#include <charconv>

#include "consultation/internal.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/log.hpp"
#include "crypto/keyring.hpp"
#include "directory/photo.hpp"
#include "http/input.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::size_t kMaxFiles = 50;  // per consultation: a bound on what one call may store

std::string type_label(const std::string& mime) {
  if (mime == "image/jpeg") return "JPEG";
  if (mime == "image/png") return "PNG";
  if (mime == "image/webp") return "WebP";
  if (mime == "image/tiff") return "TIFF";
  if (mime == "application/pdf") return "PDF";
  if (mime == "text/plain") return "TXT";
  if (mime == "text/rtf") return "RTF";
  return mime;
}

Error unsupported_type(const std::vector<std::string>& accepted) {
  std::string list;
  for (const auto& t : accepted) list += (list.empty() ? "" : ", ") + type_label(t);
  Error e(ErrorCode::unsupported_media_type, "consultation file type");
  e.field = "file";
  e.message_fr = "Ce type de fichier n'est pas accepté (acceptés : " + list + ").";
  e.message_en = "This type of file is not accepted (accepted: " + list + ").";
  return e;
}

nlohmann::json file_json(const View& v, const store::FileRow& f, const std::string& name,
                         std::int64_t reader) {
  return {{"id", f.id},
          {"name", name},
          {"mime", f.mime},
          {"size", f.size},
          {"from", {{"role", f.sender_role}, {"name", f.sender_name}}},
          {"mine", f.sender_account_id == reader},
          {"created_at", f.created_at},
          {"url", "/api/v1/consultations/" + v.a.public_id + "/files/" + std::to_string(f.id)}};
}

}  // namespace

Task<Result<nlohmann::json>> Service::file_list(const View& v, std::int64_t reader) {
  auto rows = co_await store::files_of(d_.db, v.a.id, kMaxFiles);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : *rows) {
    auto name = d_.keys.open(f.sealed_name, file_context(v.a.id, "name"));
    if (!name) {
      log::warn("a consultation file does not open", {{"file", f.id}});
      continue;
    }
    out.push_back(file_json(v, f, *name, reader));
  }
  co_return out;
}

Task<Result<nlohmann::json>> Service::joined_files(const View& v, std::int64_t reader,
                                                   const std::string& role) {
  if (role == "assistant") co_return nlohmann::json::array();
  auto files = co_await file_list(v, reader);
  if (!files) co_return files;
  if (!files->empty()) {
    const auto e = record_entry(v, reader, role, "consultation.file.list");
    if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  }
  co_return files;
}

Task<Result<nlohmann::json>> Service::add_file(const Principal& who, const std::string& id,
                                               const std::string& name, std::string bytes) {
  auto a = co_await record_access(who, id, false);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  if (v.a.status != "confirmed") co_return consultation_over();
  if (bytes.empty()) co_return http::missing_field("file");
  const auto current = options();
  if (bytes.size() > current->file_max_size) co_return Error(ErrorCode::payload_too_large);
  // The type is what the content is, whatever the name or Content-Type say.
  const auto mime = directory::sniff_mime(bytes);
  const auto& accepted = current->file_types;
  if (std::find(accepted.begin(), accepted.end(), mime) == accepted.end())
    co_return unsupported_type(accepted);
  auto count = co_await store::files_of(d_.db, v.a.id, kMaxFiles);
  if (!count) co_return std::move(count).error();
  if (count->size() >= kMaxFiles) {
    Error e(ErrorCode::conflict, "too many files");
    e.message_fr = "50 fichiers au plus par consultation.";
    e.message_en = "50 files at most per consultation.";
    co_return e;
  }
  if (directory::reencodable_image(mime)) {
    auto clean =
        co_await d_.blocking.call([&] { return directory::reencode_image(bytes, mime, "file"); });
    if (!clean) co_return std::move(clean).error();
    bytes = std::move(*clean);
  }

  store::FileRow f;
  f.appointment_id = v.a.id;
  f.sender_account_id = who.account_id;
  f.sender_role = a->role;
  f.sender_name = a->role == "patient" ? v.profile_first_name + " " + v.profile_last_name
                                       : booking::practitioner_name(v);
  f.sealed_name = d_.keys.seal(name, file_context(v.a.id, "name"));
  f.mime = mime;
  f.size = static_cast<std::int64_t>(bytes.size());
  f.created_at = d_.clock.unix_seconds();
  const auto sealed = d_.keys.seal(bytes, file_context(v.a.id, "body"));
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto inserted = co_await store::insert_file(tx, f, sealed);
    if (!inserted) co_return std::move(inserted).error();
    f.id = *inserted;
    const auto e = record_entry(v, who.account_id, a->role, "consultation.file.add",
                                "file " + std::to_string(f.id));
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();

  // Everyone in the room sees it arrive, with their own `mine`; assistants see nothing of it.
  rooms_.send_each(v.a.public_id, [&](const Participant& p) -> std::optional<std::string> {
    if (p.role == "assistant") return std::nullopt;
    return nlohmann::json{{"type", "file"},
                          {"consultation", v.a.public_id},
                          {"file", file_json(v, f, name, p.account)}}
        .dump();
  });
  co_return nlohmann::json{{"file", file_json(v, f, name, who.account_id)}};
}

Task<Result<nlohmann::json>> Service::files(const Principal& who, const std::string& id) {
  auto a = co_await record_access(who, id, false);
  if (!a) co_return std::move(a).error();
  auto files = co_await joined_files(a->v, who.account_id, a->role);
  if (!files) co_return std::move(files).error();
  co_return nlohmann::json{{"files", std::move(*files)}};
}

Task<Result<SharedFile>> Service::file(const Principal& who, const std::string& id,
                                       const std::string& file_id) {
  std::int64_t fid = 0;
  const auto* end = file_id.data() + file_id.size();
  if (auto [p, ec] = std::from_chars(file_id.data(), end, fid); ec != std::errc() || p != end)
    co_return Error(ErrorCode::not_found);
  auto a = co_await record_access(who, id, false);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  auto row = co_await store::file_body(d_.db, v.a.id, fid);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::not_found);
  auto name = d_.keys.open((*row)->row.sealed_name, file_context(v.a.id, "name"));
  auto body = d_.keys.open((*row)->sealed_body, file_context(v.a.id, "body"));
  if (!name || !body) co_return Error(ErrorCode::internal, "a consultation file does not open");
  const auto e = record_entry(v, who.account_id, a->role, "consultation.file.read",
                              "file " + std::to_string(fid));
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return SharedFile{std::move(*name), (*row)->row.mime, std::move(*body)};
}

}  // namespace cabinet::consultation
