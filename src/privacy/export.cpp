#include "privacy/export.hpp"

#include "partners/store.hpp"

#include "accounts/administrative.hpp"
#include "consultation/sealing.hpp"
#include "documents/sealing.hpp"
#include "privacy/store.hpp"
#include "privacy/zip.hpp"
#include "queue/sealing.hpp"

namespace cabinet::privacy {
namespace {

constexpr const char* kFormat = "cabinet-export-1";

// A file's name as a path segment that every unzip accepts: no separators, no reserved
// characters, not hidden.
std::string safe_segment(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out +=
        (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) ? '_' : c;
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  return out.empty() ? "fichier" : out;
}

// Who sent a message or a file, as the patient reads it: themselves, or by role and name.
nlohmann::json sender(const store::Sealed& s, std::int64_t me) {
  return {{"role", s.row.value("sender_role", "")},
          {"name", s.row.value("sender_name", "")},
          {"me", s.sender_account && *s.sender_account == me}};
}

// An invitation's name opened, or null (none typed, or one that does not open).
nlohmann::json name_json(const crypto::KeyRing& keys, const consultation::StoredName& name,
                         const std::string& token_hash, std::string_view column) {
  auto opened = consultation::open_name(keys, name, token_hash, column);
  return opened ? nlohmann::json(std::move(*opened)) : nlohmann::json(nullptr);
}

}  // namespace

Task<Result<nlohmann::json>> Export::json(const Principal& who, const accounts::Caller& caller) {
  auto doc = co_await collect(who, caller, nullptr);
  if (!doc) co_return std::move(doc).error();
  if (auto r = co_await audited(who, caller, "json"); !r) co_return std::move(r).error();
  co_return doc;
}

Task<Result<std::string>> Export::zip(const Principal& who, const accounts::Caller& caller) {
  std::vector<ExportFile> files;
  auto doc = co_await collect(who, caller, &files);
  if (!doc) co_return std::move(doc).error();
  const auto now = d_.clock.unix_seconds();
  ZipWriter zip;
  if (auto r = zip.add("export.json", doc->dump(2), now); !r) co_return std::move(r).error();
  if (auto r = zip.add("index.html", summary_html(*doc), now); !r) co_return std::move(r).error();
  for (const auto& f : files) {
    if (auto r = zip.add(f.path, f.bytes, f.at); !r) co_return std::move(r).error();
  }
  auto archive = zip.finish();
  if (!archive) co_return std::move(archive).error();
  if (auto r = co_await audited(who, caller, "zip"); !r) co_return std::move(r).error();
  co_return std::move(*archive);
}

Task<Result<nlohmann::json>> Export::collect(const Principal& who, const accounts::Caller& caller,
                                             std::vector<ExportFile>* files) {
  auto me = co_await d_.accounts.me(who, caller.locale);
  if (!me) co_return std::move(me).error();
  auto account = co_await accounts::store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::unauthorized);
  auto profiles = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();

  nlohmann::json out{{"format", kFormat},
                     {"exported_at", d_.clock.unix_seconds()},
                     {"locale", to_string(caller.locale)},
                     {"account", (*me)["account"]}};
  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : *profiles) {
    auto doc = accounts::profile_json(p);
    auto admin = accounts::open_administrative(d_.keys, p.administrative, p.public_id);
    if (!admin) co_return std::move(admin).error();
    doc["administrative"] = *admin;
    list.push_back(std::move(doc));
  }
  out["profiles"] = list;

  // Immediate consultations asked for (docs/queue.md), with the reason given.
  auto places = co_await store::queue_entries(d_.db, who.account_id);
  if (!places) co_return std::move(places).error();
  auto queue = nlohmann::json::array();
  for (auto& q : *places) {
    auto reason = d_.keys.open(q.sealed, queue::reason_context(q.row.value("id", "")));
    if (!reason) co_return std::move(reason).error();
    q.row["reason"] = *reason;
    queue.push_back(std::move(q.row));
  }
  out["immediate_consultations"] = std::move(queue);

  // Insurers' activation codes redeemed (docs/operator.md): which insurer, for whom, when.
  auto benefits = co_await partners::store::benefits_of(d_.db, who.account_id);
  if (!benefits) co_return std::move(benefits).error();
  auto insurers = nlohmann::json::array();
  for (const auto& b : *benefits) {
    insurers.push_back({{"insurer", b.partner_name},
                        {"scope", b.scope},
                        {"profile_id", b.profile_public_id},
                        {"redeemed_at", b.redeemed_at}});
  }
  out["insurer_benefits"] = std::move(insurers);

  auto sessions = co_await store::sessions(d_.db, who.account_id);
  if (!sessions) co_return std::move(sessions).error();
  out["sessions"] = *sessions;
  auto logins = co_await store::login_attempts(d_.db, who.account_id);
  if (!logins) co_return std::move(logins).error();
  out["login_attempts"] = *logins;
  auto passkeys = co_await store::passkeys(d_.db, who.account_id);
  if (!passkeys) co_return std::move(passkeys).error();
  out["passkeys"] = *passkeys;

  auto log = co_await d_.profiles.access_log(who, caller.locale, 10000);
  if (!log) co_return std::move(log).error();
  nlohmann::json accesses = nlohmann::json::array();
  for (const auto& e : *log) {
    accesses.push_back({{"at", e["at"]},
                        {"action", e["action"]},
                        {"actor_role", e["actor"]["role"]},
                        {"actor", e["actor"]},
                        {"object", e["object"]},
                        {"profile", e["profile"]},
                        {"from", e["from"]},
                        {"sentence", e["sentence"]}});
  }
  out["access_log"] = accesses;
  auto actions = co_await store::actions_of(d_.db, who.account_id);
  if (!actions) co_return std::move(actions).error();
  out["my_actions"] = *actions;

  auto appointments = co_await this->appointments(who, files);
  if (!appointments) co_return std::move(appointments).error();
  out["appointments"] = *appointments;
  auto conversations = co_await this->conversations(who, files);
  if (!conversations) co_return std::move(conversations).error();
  out["conversations"] = *conversations;
  auto health = co_await this->health(who, files);
  if (!health) co_return std::move(health).error();
  out["health"] = std::move(*health);

  const auto& a = **account;
  const auto phone = a.phone.empty() ? std::nullopt : std::optional(a.phone);
  auto sent = co_await store::notifications(d_.db, a.email, phone);
  if (!sent) co_return std::move(sent).error();
  out["notifications"] = *sent;

  out["practitioner"] = nullptr;
  if (who.role == Role::practitioner) {
    auto pro = co_await store::practitioner(d_.db, who.account_id);
    if (!pro) co_return std::move(pro).error();
    out["practitioner"] = *pro;
    auto photo = co_await store::photo(d_.db, who.account_id);
    if (!photo) co_return std::move(photo).error();
    if (*photo && !out["practitioner"].is_null()) {
      out["practitioner"]["photo"] = "files/photo.jpg";
      if (files) files->push_back({"files/photo.jpg", (*photo)->jpeg, (*photo)->updated_at});
    }
  }
  auto employers = co_await store::assistant_of(d_.db, who.account_id);
  if (!employers) co_return std::move(employers).error();
  out["assistant_of"] = *employers;
  co_return out;
}

Task<Result<nlohmann::json>> Export::appointments(const Principal& who,
                                                  std::vector<ExportFile>* files) {
  nlohmann::json out = nlohmann::json::array();
  auto list = co_await store::appointments(d_.db, who.account_id);
  if (!list) co_return std::move(list).error();
  for (auto& [id, row] : *list) {
    nlohmann::json a = row;
    const auto public_id = a["id"].get<std::string>();
    a["booked_by_staff"] = !a["booked_by"].is_null();
    a.erase("booked_by");
    a["practitioner"] = {{"first_name", a["practitioner_first_name"]},
                         {"last_name", a["practitioner_last_name"]},
                         {"specialty", a["practitioner_specialty"]}};
    for (const char* k :
         {"practitioner_first_name", "practitioner_last_name", "practitioner_specialty"}) {
      a.erase(k);
    }
    auto holds = co_await store::payment_holds(d_.db, id);
    if (!holds) co_return std::move(holds).error();
    a["payment"] = {{"state", a["payment_state"]},           {"card_brand", a["card_brand"]},
                    {"card_last4", a["card_last4"]},         {"price_cents", a["price_cents"]},
                    {"captured_cents", a["captured_cents"]}, {"holds", *holds}};
    for (const char* k : {"payment_state", "card_brand", "card_last4", "captured_cents"}) {
      a.erase(k);
    }
    auto reminders = co_await store::reminders(d_.db, id);
    if (!reminders) co_return std::move(reminders).error();
    a["reminders"] = *reminders;

    nlohmann::json consultation;
    nlohmann::json messages = nlohmann::json::array();
    auto chat = co_await store::messages(d_.db, id);
    if (!chat) co_return std::move(chat).error();
    for (const auto& m : *chat) {
      auto text = d_.keys.open(m.sealed, consultation::chat_context(id));
      messages.push_back({{"at", m.row["created_at"]},
                          {"from", sender(m, who.account_id)},
                          {"text", text ? nlohmann::json(*text) : nlohmann::json(nullptr)}});
    }
    consultation["messages"] = messages;

    nlohmann::json shared = nlohmann::json::array();
    auto stored = co_await store::files(d_.db, id, files != nullptr);
    if (!stored) co_return std::move(stored).error();
    for (const auto& f : *stored) {
      auto name = d_.keys.open(f.sealed, consultation::file_context(id, "name"));
      const auto file_id = f.row["id"].get<std::int64_t>();
      const std::string shown = name ? *name : "fichier";
      nlohmann::json doc{{"name", name ? nlohmann::json(*name) : nlohmann::json(nullptr)},
                         {"mime", f.row["mime"]},
                         {"size", f.row["size"]},
                         {"at", f.row["created_at"]},
                         {"from", sender(f, who.account_id)},
                         {"path", "files/" + public_id + "/" + std::to_string(file_id) + "-" +
                                      safe_segment(shown)}};
      if (files) {
        auto body = d_.keys.open(f.sealed_body, consultation::file_context(id, "body"));
        if (body)
          files->push_back(
              {doc["path"].get<std::string>(), *body, f.row["created_at"].get<std::int64_t>()});
      }
      shared.push_back(std::move(doc));
    }
    consultation["files"] = shared;

    nlohmann::json switches = nlohmann::json::array();
    auto incidents = co_await store::incidents(d_.db, id);
    if (!incidents) co_return std::move(incidents).error();
    for (const auto& i : *incidents) {
      nlohmann::json note = nullptr;
      if (!i.sealed.empty()) {
        auto text = d_.keys.open(i.sealed, consultation::incident_context(id));
        if (text) note = *text;
      }
      switches.push_back({{"at", i.row["created_at"]},
                          {"kind", i.row["kind"]},
                          {"cause", i.row["cause"]},
                          {"note", note}});
    }
    consultation["phone_switches"] = switches;

    auto invitations = co_await store::invitations(d_.db, id);
    if (!invitations) co_return std::move(invitations).error();
    nlohmann::json guests = nlohmann::json::array();
    for (auto& inv : *invitations) {
      auto g = std::move(inv.row);
      g["invited_by_me"] = g["created_by"] == who.account_id;
      g.erase("created_by");
      g["hint"] = name_json(d_.keys, inv.hint, inv.token_hash, "hint");
      g["guest_name"] = name_json(d_.keys, inv.guest_name, inv.token_hash, "guest_name");
      guests.push_back(std::move(g));
    }
    consultation["guests"] = guests;
    auto note = co_await store::note_updated_at(d_.db, id);
    if (!note) co_return std::move(note).error();
    consultation["practitioner_notes"] = {
        {"exist", note->has_value()},
        {"updated_at", note->has_value() ? nlohmann::json(**note) : nlohmann::json(nullptr)}};
    a["consultation"] = consultation;

    nlohmann::json issued = nlohmann::json::array();
    auto docs = co_await store::documents(d_.db, id);
    if (!docs) co_return std::move(docs).error();
    for (const auto& d : *docs) {
      const auto doc_id = d.row["public_id"].get<std::string>();
      nlohmann::json entry = d.row;
      entry["path"] =
          "documents/" + public_id + "/" + doc_id + "-" + d.row["kind"].get<std::string>() + ".pdf";
      if (files) {
        auto pdf = d_.keys.open(d.sealed, documents::pdf_context(doc_id));
        if (pdf)
          files->push_back(
              {entry["path"].get<std::string>(), *pdf, d.row["issued_at"].get<std::int64_t>()});
      }
      issued.push_back(std::move(entry));
    }
    a["documents"] = issued;
    out.push_back(std::move(a));
  }
  co_return out;
}

Task<Result<void>> Export::audited(const Principal& who, const accounts::Caller& caller,
                                   const std::string& format) {
  auto rows = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!rows) co_return std::move(rows).error();
  // Every profile's data is in the file: each one's log shows the export.
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    for (const auto& p : *rows) {
      const audit::Entry entry{who.account_id, std::string(to_string(who.role)),
                               p.id,           "account.export",
                               p.public_id,    caller.ip,
                               format};
      if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    }
    if (rows->empty()) {
      const audit::Entry entry{who.account_id,
                               std::string(to_string(who.role)),
                               std::nullopt,
                               "account.export",
                               who.account_public_id,
                               caller.ip,
                               format};
      co_return co_await d_.audit.append(tx, entry);
    }
    co_return ok();
  });
}

}  // namespace cabinet::privacy
