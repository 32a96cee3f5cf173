// An appointment as the API shows it, its calendar file, and the small rules the booking
// files share (internal.hpp).
#include <array>
#include <cctype>
#include <charconv>
#include <ctime>

#include "agenda/local_time.hpp"
#include "booking/internal.hpp"
#include "directory/index.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::booking {

const date::time_zone* zone_named(const std::string& name) {
  const auto* z = agenda::zone(name);
  return z != nullptr ? z : agenda::zone("Europe/Paris");
}

namespace {

bool digits(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

int number(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

// Text for an iCalendar property: backslash, comma, semicolon and newline escaped.
std::string ical_text(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ',' || c == ';') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string ical_utc(std::int64_t t) {
  const auto seconds = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::array<char, 20> buf{};
  const auto n = std::strftime(buf.data(), buf.size(), "%Y%m%dT%H%M%SZ", &tm);
  return {buf.data(), n};
}

}  // namespace

std::optional<std::int64_t> parse_instant(std::string_view text) {
  // YYYY-MM-DDTHH:MM[:SS] then Z or ±HH:MM.
  if (text.size() < 17) return std::nullopt;
  std::size_t local_len = 16;
  if (text.size() >= 19 && text[16] == ':') local_len = 19;
  const auto local = text.substr(0, local_len);
  const auto offset = text.substr(local_len);
  const auto* utc = agenda::zone("UTC");
  const auto base = agenda::parse_local_datetime(local, utc);
  if (!base) return std::nullopt;
  if (offset == "Z") return *base;
  if (offset.size() != 6 || (offset[0] != '+' && offset[0] != '-') || offset[3] != ':' ||
      !digits(offset.substr(1, 2)) || !digits(offset.substr(4, 2)))
    return std::nullopt;
  const int hours = number(offset.substr(1, 2));
  const int minutes = number(offset.substr(4, 2));
  if (hours > 14 || minutes > 59) return std::nullopt;
  const std::int64_t shift = (hours * 60 + minutes) * 60;
  return offset[0] == '+' ? *base - shift : *base + shift;
}

bool valid_idempotency_key(std::string_view key) {
  if (key.empty() || key.size() > 100) return false;
  return std::all_of(key.begin(), key.end(),
                     [](unsigned char c) { return c >= 0x21 && c <= 0x7e; });
}

Result<Answer> replay(const store::StoredAnswer& stored, const std::string& hash) {
  if (stored.request_hash != hash) return Error(ErrorCode::idempotency_mismatch);
  Answer a;
  a.status = stored.status;
  a.body = nlohmann::json::parse(stored.body, nullptr, false);
  return a;
}

bool cancellable(const store::Appointment& a, std::int64_t now) {
  return (a.status == "confirmed" || a.status == "pending_payment") && !a.started_at &&
         a.start_at > now;
}

std::string practitioner_name(const store::View& v) {
  return directory::display_name(v.specialty, v.practitioner_first_name, v.practitioner_last_name);
}

std::string format_when(std::int64_t t, const std::string& timezone, Locale locale) {
  static constexpr std::array<std::string_view, 7> kDaysFr = {
      "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
  static constexpr std::array<std::string_view, 7> kDaysEn = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const auto* zone = zone_named(timezone);
  const auto date = agenda::local_date(t, zone);
  const auto iso = agenda::iso(t, zone);  // "2026-12-01T09:30:00+01:00"
  const auto hh = iso.substr(11, 2);
  const auto mm = iso.substr(14, 2);
  const auto wd = static_cast<std::size_t>(agenda::weekday(date) - 1);
  const auto month = static_cast<std::size_t>(number(iso.substr(5, 2)) - 1);
  const auto day = std::to_string(number(iso.substr(8, 2)));
  if (locale == Locale::en)
    return std::string(kDaysEn[wd]) + " " + day + " " +
           std::string(month_name(static_cast<unsigned>(month + 1), Locale::en)) + " at " + hh +
           ":" + mm;
  return std::string(kDaysFr[wd]) + " " + (day == "1" ? "1er" : day) + " " +
         std::string(month_name(static_cast<unsigned>(month + 1), Locale::fr)) + " à " +
         std::to_string(number(hh)) + " h " + mm;
}

billing::Patient patient_facts(const nlohmann::json& administrative,
                               const std::optional<std::string>& birth_date,
                               const std::string& today) {
  billing::Patient p;
  if (birth_date && birth_date->size() == 10 && today.size() == 10) {
    int age = number(today.substr(0, 4)) - number(birth_date->substr(0, 4));
    if (today.substr(5) < birth_date->substr(5)) --age;
    p.age_years = std::max(0, age);
  }
  const auto& mt = administrative.contains("medecin_traitant") ? administrative["medecin_traitant"]
                                                               : nlohmann::json();
  p.has_medecin_traitant = mt.is_object();
  if (administrative.contains("coverage") && administrative["coverage"].is_object()) {
    const auto& c = administrative["coverage"];
    p.css = c.value("css", false);
    p.ame = c.value("ame", false);
    p.ald_related = c.value("ald", false);
    p.maternity = c.value("maternity", false);
  }
  p.nir_valid = administrative.contains("nir") && administrative["nir"].is_string() &&
                !administrative["nir"].get<std::string>().empty();
  return p;
}

std::string ics(const store::View& v, const std::string& public_url, bool cancelled) {
  const auto& a = v.a;
  cancelled =
      cancelled || a.status == "cancelled" || a.status == "no_show" || a.status == "expired";
  std::string host = public_url.substr(
      public_url.find("://") == std::string::npos ? 0 : public_url.find("://") + 3);
  host = host.substr(0, host.find_first_of(":/"));
  const auto summary = "Rendez-vous " + practitioner_name(v) + " – " + v.motif_label;
  const auto description =
      std::string(a.mode == "video" ? "Téléconsultation vidéo" : "Au cabinet") +
      "\nPour : " + v.profile_first_name + " " + v.profile_last_name + "\n" + public_url +
      "/patient/rendez-vous?rdv=" + a.public_id;
  std::string out;
  out += "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cabinet//Rendez-vous//FR\r\n";
  out += "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nBEGIN:VEVENT\r\n";
  out += "UID:" + a.public_id + "@" + host + "\r\n";
  // The date and time never change (BKG4): the only revision is the cancellation, which a
  // calendar applies to the event it already has because the UID is the same and the
  // sequence higher.
  out += std::string("SEQUENCE:") + (cancelled ? "1" : "0") + "\r\n";
  out += "DTSTAMP:" + ical_utc(a.created_at) + "\r\n";
  out += "DTSTART:" + ical_utc(a.start_at) + "\r\n";
  out += "DTEND:" + ical_utc(a.end_at) + "\r\n";
  out += "SUMMARY:" + ical_text(summary) + "\r\n";
  out += "DESCRIPTION:" + ical_text(description) + "\r\n";
  out += std::string("STATUS:") + (cancelled ? "CANCELLED" : "CONFIRMED") + "\r\n";
  out += "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:" + ical_text(summary) +
         "\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\n";
  out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return out;
}

nlohmann::json Service::to_json(const store::View& v, Locale locale) const {
  const auto& a = v.a;
  const auto* zone = zone_named(v.timezone);
  const auto* sp = practitioners::find_specialty(v.specialty);
  const auto opt = [](const std::optional<std::string>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
  };
  const bool pending_live = a.status == "pending_payment" && a.hold_expires_at;
  // What the patient must know while a card is asked for: by when, and what happens without.
  const bool card_asked = a.status == "confirmed" && a.payment_state == "card_required";
  const auto due = card_asked
                       ? nlohmann::json(agenda::iso(card_due_at(a, options()->card_deadline), zone))
                       : nlohmann::json(nullptr);
  const auto without = card_asked
                           ? nlohmann::json(cancelled_without_card(a) ? "cancelled" : "direct")
                           : nlohmann::json(nullptr);
  return {{"id", a.public_id},
          {"status", a.status},
          {"start", agenda::iso(a.start_at, zone)},
          {"end", agenda::iso(a.end_at, zone)},
          {"timezone", v.timezone},
          {"mode", a.mode},
          {"hold_expires_at",
           pending_live ? nlohmann::json(agenda::iso(*a.hold_expires_at, zone)) : nullptr},
          {"practitioner",
           {{"id", v.practitioner_public_id},
            {"name", practitioner_name(v)},
            {"specialty", v.specialty},
            {"specialty_label", sp ? nlohmann::json(sp->name(locale)) : nullptr}}},
          {"motif",
           {{"id", v.motif_public_id},
            {"label", v.motif_label},
            {"label_en", v.motif_label_en ? nlohmann::json(*v.motif_label_en) : nullptr},
            {"duration_min", v.motif_duration_min}}},
          {"profile",
           {{"id", v.profile_public_id},
            {"first_name", v.profile_first_name},
            {"last_name", v.profile_last_name}}},
          {"price_cents", a.price_cents},
          {"origin", a.origin},
          {"fee_cents", a.fee_cents},
          {"payment",
           {{"state", a.payment_state},
            {"amount_cents", a.patient_share() + a.fee_cents},
            {"captured_cents", a.captured_cents},
            {"brand", opt(a.card_brand)},
            {"last4", opt(a.card_last4)},
            {"card_due_at", due},
            {"without_card", without}}},
          {"insurer", a.insurer_name ? nlohmann::json{{"name", *a.insurer_name},
                                                      {"covered_cents", a.insurer_cents}}
                                     : nlohmann::json(nullptr)},
          {"cancelled_by", opt(a.cancelled_by)},
          {"cancellable", cancellable(a, d_.clock.unix_seconds())}};
}

}  // namespace cabinet::booking
