// The consultation record beyond the chat (issue 6; docs/consultation.md "Files", "Phone
// fallback", "The practitioner's side panel"): files shared in the room (ROOM5), the switch to a
// phone call and its cause (ROOM7), the practitioner's view of the patient and private notes
// (ROOM9). Everything kept is sealed with the keyring and every read of it is audited. No
// clinical data reaches an assistant (UX.md): they get `forbidden` here and no `file` message.
#include "consultation/records.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "accounts/administrative.hpp"
#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "crypto/keyring.hpp"
#include "directory/photo.hpp"
#include "http/input.hpp"
#include "http/message.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::string_view kDefaultFileName = "fichier";
constexpr std::size_t kMaxFiles = 50;  // per consultation: a bound on what one call may store
constexpr std::size_t kMaxNote = 20000;
constexpr std::size_t kMaxPhoneNote = 500;
constexpr const char* kPhoneFallback = "phone_fallback";
constexpr std::array<std::string_view, 5> kCauses{"camera", "microphone", "network",
                                                  "patient_request", "other"};

std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5U) == 0x6) return 2;
  if ((lead >> 4U) == 0xE) return 3;
  return 4;
}

// The code point of one well-formed UTF-8 sequence.
std::uint32_t code_point(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(s[i]) & 0xFFU; };
  switch (s.size()) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1FU) << 6U) | (b(1) & 0x3FU);
    case 3:
      return ((b(0) & 0x0FU) << 12U) | ((b(1) & 0x3FU) << 6U) | (b(2) & 0x3FU);
    default:
      return ((b(0) & 0x07U) << 18U) | ((b(1) & 0x3FU) << 12U) | ((b(2) & 0x3FU) << 6U) |
             (b(3) & 0x3FU);
  }
}

// Control characters, and the invisible ones that reorder or hide text ("photo<U+202E>gnp.exe").
bool hidden_or_control(std::uint32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

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

Error consultation_over() {
  Error e(ErrorCode::conflict, "consultation over");
  e.message_fr = "La consultation est terminée.";
  e.message_en = "The consultation is over.";
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

audit::Entry entry(const View& v, std::int64_t actor, const std::string& role, std::string action,
                   std::string detail = {}) {
  audit::Entry e;
  e.actor_account_id = actor;
  e.actor_role = role;
  e.profile_id = v.a.profile_id;
  e.action = std::move(action);
  e.object = v.a.public_id;
  e.detail = std::move(detail);
  return e;
}

}  // namespace

std::string uploaded_file_name(std::string_view header) {
  auto decoded = http::percent_decode(header);
  if (!decoded || !is_valid_utf8(*decoded)) return std::string(kDefaultFileName);
  std::string_view name = *decoded;
  if (auto cut = name.find_last_of("/\\"); cut != std::string_view::npos)
    name = name.substr(cut + 1);
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size() && count < kMaxFileName;) {
    const auto piece = name.substr(i, sequence_length(static_cast<unsigned char>(name[i])));
    i += piece.size();
    if (hidden_or_control(code_point(piece))) continue;
    out += piece;
    ++count;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return std::string(kDefaultFileName);
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  // "." and ".." name no file.
  if (out.find_first_not_of('.') == std::string::npos) return std::string(kDefaultFileName);
  return out;
}

std::string attachment_disposition(std::string_view name) {
  constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
  std::string out = "attachment; filename*=UTF-8''";
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        kAttrChars.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::optional<int> age_on(std::string_view birth_date, agenda::LocalDate today) {
  const auto born = agenda::parse_date(birth_date);
  if (!born || *born > today) return std::nullopt;
  int years = today.year - born->year;
  if (std::pair(today.month, today.day) < std::pair(born->month, born->day)) --years;
  return years;
}

Task<Result<Access>> Service::record_access(const Principal& who, const std::string& id,
                                            bool practitioner_only) {
  auto a = co_await access(who, id);
  if (!a) co_return std::move(a).error();
  if (a->role == "assistant" || (practitioner_only && a->role != "practitioner"))
    co_return Error(ErrorCode::forbidden);
  co_return std::move(*a);
}

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
    const auto e = entry(v, reader, role, "consultation.file.list");
    if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  }
  co_return files;
}

Task<Result<nlohmann::json>> Service::phone_fallback_json(std::int64_t appointment,
                                                          bool with_note) {
  auto latest = co_await store::latest_incident(d_.db, appointment, kPhoneFallback);
  if (!latest) co_return std::move(latest).error();
  if (!*latest) co_return nlohmann::json(nullptr);
  nlohmann::json out{{"at", (*latest)->at}, {"cause", (*latest)->cause}};
  if (with_note) {
    out["note"] = nullptr;
    if ((*latest)->sealed_note) {
      auto note = d_.keys.open(*(*latest)->sealed_note, incident_context(appointment));
      if (note) out["note"] = *note;
    }
  }
  co_return out;
}

Task<Result<nlohmann::json>> Service::add_file(const Principal& who, const std::string& id,
                                               const std::string& name, std::string bytes) {
  auto a = co_await record_access(who, id, false);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  if (v.a.status != "confirmed") co_return consultation_over();
  if (bytes.empty()) co_return http::missing_field("file");
  if (bytes.size() > d_.options.file_max_size) co_return Error(ErrorCode::payload_too_large);
  // The type is what the content is, whatever the name or Content-Type say.
  const auto mime = directory::sniff_mime(bytes);
  const auto& accepted = d_.options.file_types;
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
    const auto e =
        entry(v, who.account_id, a->role, "consultation.file.add", "file " + std::to_string(f.id));
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
  const auto e =
      entry(v, who.account_id, a->role, "consultation.file.read", "file " + std::to_string(fid));
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return SharedFile{std::move(*name), (*row)->row.mime, std::move(*body)};
}

Task<Result<nlohmann::json>> Service::switch_to_phone(const Principal& who, const std::string& id,
                                                      const nlohmann::json& body) {
  auto a = co_await record_access(who, id, true);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  const http::Input in(body);
  auto cause = in.text("cause", 40);
  if (!cause) co_return std::move(cause).error();
  if (std::find(kCauses.begin(), kCauses.end(), *cause) == kCauses.end())
    co_return http::invalid_field(
        "cause", "Cause inconnue (camera, microphone, network, patient_request ou other).",
        "Unknown cause (camera, microphone, network, patient_request or other).");
  auto note = in.optional_text("note", kMaxPhoneNote * 4);
  if (!note) co_return std::move(note).error();
  if (*note && (!is_valid_utf8(**note) || utf8_length(**note) > kMaxPhoneNote))
    co_return http::invalid_field("note", "500 caractères au plus.", "500 characters at most.");
  if (v.a.status != "confirmed") co_return consultation_over();

  store::Incident incident;
  incident.appointment_id = v.a.id;
  incident.kind = kPhoneFallback;
  incident.cause = *cause;
  if (*note && !(*note)->empty())
    incident.sealed_note = d_.keys.seal(**note, incident_context(v.a.id));
  incident.actor_account_id = who.account_id;
  incident.at = d_.clock.unix_seconds();
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::insert_incident(tx, incident); !r) co_return r;
    // The patient's phone number is shown to the practitioner: traced as well.
    const auto e = entry(v, who.account_id, a->role, "consultation.phone_fallback", *cause);
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();

  const auto message =
      nlohmann::json{{"type", "phone"}, {"consultation", v.a.public_id}, {"cause", *cause}}.dump();
  rooms_.send(v.a.public_id, message, Rooms::Audience::everyone);
  nlohmann::json fallback{{"at", incident.at}, {"cause", *cause}, {"note", nullptr}};
  if (*note && !(*note)->empty()) fallback["note"] = **note;
  const bool has_phone = v.patient_phone && !v.patient_phone->empty();
  co_return nlohmann::json{
      {"phone_fallback", std::move(fallback)},
      {"patient_phone", has_phone ? nlohmann::json(*v.patient_phone) : nlohmann::json(nullptr)}};
}

Task<Result<nlohmann::json>> Service::panel(const Principal& who, const std::string& id) {
  auto a = co_await record_access(who, id, true);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  // The consultation's patient is its profile: a relative when booked for one.
  auto profiles = co_await accounts::store::profiles_of(d_.db, v.a.patient_account_id);
  if (!profiles) co_return std::move(profiles).error();
  const auto profile = std::find_if(profiles->begin(), profiles->end(),
                                    [&](const auto& p) { return p.id == v.a.profile_id; });
  nlohmann::json patient{{"first_name", v.profile_first_name},
                         {"last_name", v.profile_last_name},
                         {"birth_date", nullptr},
                         {"age", nullptr},
                         {"sex", nullptr},
                         {"relationship", nullptr},
                         {"phone", nullptr},
                         {"email", nullptr},
                         {"coverage", nullptr}};
  if (v.profile_birth_date) {
    patient["birth_date"] = *v.profile_birth_date;
    const auto today = agenda::local_date(d_.clock.unix_seconds(), agenda::zone("Europe/Paris"));
    if (auto age = age_on(*v.profile_birth_date, today)) patient["age"] = *age;
  }
  // The account's contact: the holder's, who booked (a parent for a child).
  if (v.patient_phone && !v.patient_phone->empty()) patient["phone"] = *v.patient_phone;
  if (v.patient_email) patient["email"] = *v.patient_email;
  if (profile != profiles->end()) {
    if (profile->sex) patient["sex"] = *profile->sex;
    patient["relationship"] = profile->relationship;
    auto admin =
        accounts::open_administrative(d_.keys, profile->administrative, profile->public_id);
    if (!admin) co_return std::move(admin).error();
    // What the care sheet needs (NIR, coverage, complementary insurer) and who the médecin
    // traitant is: the practitioner of the consultation sees it whole.
    const auto& c = (*admin)["coverage"];
    patient["coverage"] = {{"nir", (*admin)["nir"]},
                           {"ald", c.value("ald", false)},
                           {"css", c.value("css", false)},
                           {"ame", c.value("ame", false)},
                           {"maternity", c.value("maternity", false)},
                           {"complementary", (*admin)["complementary"]},
                           {"medecin_traitant", (*admin)["medecin_traitant"]}};
  }

  auto files = co_await file_list(v, who.account_id);
  if (!files) co_return std::move(files).error();
  auto stored = co_await store::note(d_.db, v.a.id);
  if (!stored) co_return std::move(stored).error();
  nlohmann::json notes{{"text", ""}, {"updated_at", nullptr}};
  if (*stored) {
    auto text = d_.keys.open((*stored)->sealed_body, note_context(v.a.id));
    if (!text) co_return Error(ErrorCode::internal, "consultation notes do not open");
    notes = {{"text", *text}, {"updated_at", (*stored)->updated_at}};
  }
  auto phone = co_await phone_fallback_json(v.a.id, true);
  if (!phone) co_return std::move(phone).error();

  const auto e = entry(v, who.account_id, a->role, "consultation.panel.read");
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return nlohmann::json{{"patient", std::move(patient)},
                           {"files", std::move(*files)},
                           {"notes", std::move(notes)},
                           {"phone_fallback", std::move(*phone)}};
}

Task<Result<nlohmann::json>> Service::save_notes(const Principal& who, const std::string& id,
                                                 const nlohmann::json& body) {
  auto a = co_await record_access(who, id, true);
  if (!a) co_return std::move(a).error();
  const auto& v = a->v;
  const http::Input in(body);
  // Empty is a note too: the practitioner erased it.
  auto given = in.optional_text("text", kMaxNote * 4);
  if (!given) co_return std::move(given).error();
  if (!*given) co_return http::missing_field("text");
  const auto& text = **given;
  if (!is_valid_utf8(text) || utf8_length(text) > kMaxNote)
    co_return http::invalid_field("text", "20 000 caractères au plus.",
                                  "20,000 characters at most.");
  store::Note note;
  note.sealed_body = d_.keys.seal(text, note_context(v.a.id));
  note.author_account_id = who.account_id;
  note.updated_at = d_.clock.unix_seconds();
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::put_note(tx, v.a.id, note); !r) co_return r;
    const auto e = entry(v, who.account_id, a->role, "consultation.notes.write");
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  co_return nlohmann::json{{"notes", {{"updated_at", note.updated_at}}}};
}

}  // namespace cabinet::consultation
