// The consultation record beyond the chat and files (issue 6; docs/consultation.md "Phone
// fallback", "The practitioner's side panel"): the switch to a phone call and its cause (ROOM7),
// the practitioner's view of the patient and private notes (ROOM9). Everything kept is sealed
// with the keyring and every read of it is audited. No clinical data reaches an assistant
// (UX.md): they get `forbidden` here. Shared files are in files.cpp.
#include "consultation/records.hpp"

#include <algorithm>
#include <array>

#include "accounts/administrative.hpp"
#include "accounts/store.hpp"
#include "consultation/internal.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::size_t kMaxNote = 20000;
constexpr std::size_t kMaxPhoneNote = 500;
constexpr const char* kPhoneFallback = "phone_fallback";
constexpr std::array<std::string_view, 5> kCauses{"camera", "microphone", "network",
                                                  "patient_request", "other"};

}  // namespace

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
    const auto e = record_entry(v, who.account_id, a->role, "consultation.phone_fallback", *cause);
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

  const auto e = record_entry(v, who.account_id, a->role, "consultation.panel.read");
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
    const auto e = record_entry(v, who.account_id, a->role, "consultation.notes.write");
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  co_return nlohmann::json{{"notes", {{"updated_at", note.updated_at}}}};
}

Task<Result<CallSummary>> Service::call_summary(std::int64_t appointment) {
  auto incidents = co_await store::incidents_of(d_.db, appointment);
  if (!incidents) co_return std::move(incidents).error();
  auto guests = co_await store::admitted_guests(d_.db, appointment);
  if (!guests) co_return std::move(guests).error();
  CallSummary s;
  for (const auto& g : *guests) {
    auto name = open_name(d_.keys, g.name, g.token_hash, "guest_name");
    s.guests.push_back({name.value_or(""), g.kind});
  }
  for (const auto& i : *incidents) s.incidents.push_back({i.kind, i.cause, i.at});
  co_return s;
}

}  // namespace cabinet::consultation
