// index.html of the export's ZIP: what export.json holds, readable by anyone who opens the
// file, French first then English, with links to the files beside it. Opened from disk, so it is
// self-contained (no script, its style inline) and every value from the data is escaped.
#include <array>
#include <chrono>
#include <cstdio>

#include "privacy/export.hpp"

namespace cabinet::privacy {
namespace {

std::string text(const nlohmann::json& v) {
  if (v.is_null()) return "—";
  if (v.is_string()) return escape_html(v.get<std::string>());
  return escape_html(v.dump());
}

// UTC "2026-11-22 09:00 UTC": the file is read anywhere, at any time.
std::string when(const nlohmann::json& v) {
  if (!v.is_number_integer()) return "—";
  using namespace std::chrono;
  const sys_seconds t{seconds(v.get<std::int64_t>())};
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u %02d:%02d UTC",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()));
  return buf.data();
}

std::string heading(std::string_view fr, std::string_view en, std::size_t count) {
  return "<h2>" + std::string(fr) + " <span lang=\"en\">/ " + std::string(en) + "</span> (" +
         std::to_string(count) + ")</h2>\n";
}

std::size_t size_of(const nlohmann::json& doc, const char* key) {
  return doc.contains(key) && doc[key].is_array() ? doc[key].size() : 0;
}

}  // namespace

std::string summary_html(const nlohmann::json& doc) {
  std::string h =
      "<!doctype html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
      "<title>Cabinet — mes données / my data</title>"
      "<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;"
      "padding:0 1rem;color:#1a1a1a}h2{margin-top:2rem;border-bottom:1px solid #ccc}"
      "[lang=en]{color:#555}table{border-collapse:collapse}td,th{padding:.2rem .6rem;"
      "text-align:left;vertical-align:top;border-bottom:1px solid #eee}</style></head><body>\n";
  h += "<h1>Mes données chez Cabinet <span lang=\"en\">/ My data at Cabinet</span></h1>\n";
  h += "<p>Exporté le " + when(doc["exported_at"]) +
       ". Tout ce que Cabinet conserve sur votre compte et vos proches est dans "
       "<code>export.json</code> (format décrit dans la documentation) ; les fichiers sont dans "
       "<code>files/</code>. Ce fichier contient des données de santé : conservez-le en lieu "
       "sûr.</p>\n<p lang=\"en\">Exported on " +
       when(doc["exported_at"]) +
       ". Everything Cabinet keeps about your account and your relatives is in "
       "<code>export.json</code>; the files are in <code>files/</code>. This file holds health "
       "data: keep it safe.</p>\n";

  const auto& account = doc["account"];
  h += "<h2>Compte <span lang=\"en\">/ Account</span></h2>\n<table>";
  for (const char* k : {"email", "phone", "role", "status", "locale"}) {
    h += "<tr><th>" + std::string(k) + "</th><td>" + text(account.value(k, nlohmann::json())) +
         "</td></tr>";
  }
  h += "<tr><th>created_at</th><td>" + when(account.value("created_at", nlohmann::json())) +
       "</td></tr></table>\n";

  h += heading("Profils", "Profiles", size_of(doc, "profiles")) + "<ul>";
  for (const auto& p : doc["profiles"]) {
    h += "<li>" + text(p["first_name"]) + " " + text(p["last_name"]) + " — " +
         text(p["birth_date"]) + " — " + text(p["relationship"]);
    const auto& admin = p["administrative"];
    if (admin.is_object() && admin["nir"].is_string()) h += " — NIR " + text(admin["nir"]);
    h += "</li>";
  }
  h += "</ul>\n";

  h += heading("Rendez-vous et consultations", "Appointments and consultations",
               size_of(doc, "appointments"));
  for (const auto& a : doc["appointments"]) {
    h += "<h3>" + when(a["start_at"]) + " — " + text(a["practitioner"]["first_name"]) + " " +
         text(a["practitioner"]["last_name"]) + " — " + text(a["motif"]) + " — " +
         text(a["status"]) + "</h3>\n";
    const auto& c = a["consultation"];
    if (!c["messages"].empty()) {
      h += "<p>Conversation <span lang=\"en\">/ Chat</span></p><table>";
      for (const auto& m : c["messages"]) {
        h += "<tr><td>" + when(m["at"]) + "</td><th>" + text(m["from"]["name"]) + "</th><td>" +
             text(m["text"]) + "</td></tr>";
      }
      h += "</table>\n";
    }
    if (!c["files"].empty()) {
      h += "<p>Fichiers <span lang=\"en\">/ Files</span></p><ul>";
      for (const auto& f : c["files"]) {
        h += "<li><a href=\"" + text(f["path"]) + "\">" + text(f["name"]) + "</a> (" +
             text(f["from"]["name"]) + ", " + when(f["at"]) + ")</li>";
      }
      h += "</ul>\n";
    }
    for (const auto& s : c["phone_switches"]) {
      h += "<p>Passage au téléphone <span lang=\"en\">/ Switched to phone</span> : " +
           when(s["at"]) + " — " + text(s["cause"]) + "</p>\n";
    }
    for (const auto& g : c["guests"]) {
      h += "<p>Invité <span lang=\"en\">/ Guest</span> : " + text(g["guest_name"]) + " (" +
           text(g["kind"]) + ")</p>\n";
    }
  }

  h += heading("Messages reçus (e-mails, SMS)", "Messages sent to you (emails, SMS)",
               size_of(doc, "notifications")) +
       "<table>";
  for (const auto& n : doc["notifications"]) {
    h += "<tr><td>" + when(n["created_at"]) + "</td><td>" + text(n["channel"]) + "</td><td>" +
         text(n["subject"]) + "</td></tr>";
  }
  h += "</table>\n";

  h += heading("Qui a consulté mon dossier", "Who accessed my file", size_of(doc, "access_log")) +
       "<table>";
  for (const auto& e : doc["access_log"]) {
    h += "<tr><td>" + when(e["at"]) + "</td><td>" + text(e["sentence"]) + "</td></tr>";
  }
  h += "</table>\n";

  h += heading("Appareils connectés", "Signed-in devices", size_of(doc, "sessions")) + "<table>";
  for (const auto& s : doc["sessions"]) {
    h += "<tr><td>" + when(s["created_at"]) + "</td><td>" + text(s["ip"]) + "</td><td>" +
         text(s["user_agent"]) + "</td></tr>";
  }
  h += "</table>\n";

  h += heading("Clés d'accès", "Passkeys", size_of(doc, "passkeys")) + "<table>";
  for (const auto& p : doc.value("passkeys", nlohmann::json::array())) {
    h += "<tr><td>" + when(p["created_at"]) + "</td><td>" + text(p["name"]) + "</td></tr>";
  }
  h += "</table>\n</body></html>\n";
  return h;
}

}  // namespace cabinet::privacy
