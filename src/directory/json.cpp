#include "directory/json.hpp"

#include "agenda/local_time.hpp"

namespace cabinet::directory {

nlohmann::json slot_json(const agenda::Slot& s, const date::time_zone* zone) {
  return {{"start", agenda::iso(s.start, zone)},
          {"end", agenda::iso(s.end, zone)},
          {"mode", agenda::to_string(s.mode)}};
}

std::string slots_text(const std::vector<agenda::Slot>& slots, const date::time_zone* zone) {
  std::string out;
  out.reserve(2 + slots.size() * 90);
  out += '[';
  for (const auto& s : slots) {
    if (out.size() > 1) out += ',';
    // Same members as slot_json; every value is ASCII with nothing to escape.
    out += R"({"end":")";
    out += agenda::iso(s.end, zone);
    out += R"(","mode":")";
    out += agenda::to_string(s.mode);
    out += R"(","start":")";
    out += agenda::iso(s.start, zone);
    out += "\"}";
  }
  out += ']';
  return out;
}

nlohmann::json motif_json(const store::Motif& m) {
  return {{"id", m.public_id},
          {"label", m.label},
          {"label_en", m.label_en ? nlohmann::json(*m.label_en) : nullptr},
          {"duration_min", m.duration_min},
          {"mode", m.mode},
          {"price_cents", m.price_cents}};
}

nlohmann::json hours_json(const std::vector<store::Hours>& hours) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& h : hours) {
    out.push_back({{"weekday", h.weekday},
                   {"mode", h.mode},
                   {"start", agenda::format_hhmm(h.start_min)},
                   {"end", agenda::format_hhmm(h.end_min)}});
  }
  return out;
}

nlohmann::json exception_json(const store::Exception& e, const date::time_zone* zone) {
  return {{"id", e.public_id},
          {"kind", e.kind},
          {"start", agenda::iso(e.start_at, zone)},
          {"end", agenda::iso(e.end_at, zone)},
          {"mode", e.mode ? nlohmann::json(*e.mode) : nlohmann::json(nullptr)},
          {"note", e.note ? nlohmann::json(*e.note) : nlohmann::json(nullptr)}};
}

nlohmann::json place_json(const geo::Place& p) {
  return {{"code", p.commune->code},
          {"name", p.commune->name},
          {"postcode", p.postcode},
          {"department", p.commune->department},
          {"lat", p.commune->lat},
          {"lng", p.commune->lng},
          {"label", p.commune->name + " (" + p.postcode + ")"}};
}

nlohmann::json summary_json(const Entry& e, Locale locale) {
  const auto& p = e.profile;
  nlohmann::json specialty = {{"id", p.specialty},
                              {"label", e.specialty ? e.specialty->name(locale) : p.specialty}};
  nlohmann::json address = nullptr;
  if (p.postcode && e.commune != nullptr) {
    address = {{"line", p.address_line.value_or("")},
               {"postcode", *p.postcode},
               {"city", e.commune->name}};
  }
  nlohmann::json photo = nullptr;
  if (p.photo_version > 0) {
    photo = "/api/v1/practitioners/" + p.public_id + "/photo?v=" + std::to_string(p.photo_version);
  }
  return {{"id", p.public_id},
          {"name", e.name},
          {"specialty", std::move(specialty)},
          {"photo_url", std::move(photo)},
          {"address", std::move(address)},
          {"video", p.video},
          {"in_person", p.in_person},
          {"sector", p.sector},
          {"tiers_payant", p.tiers_payant},
          {"carte_vitale", p.carte_vitale},
          {"languages", e.languages},
          {"timezone", p.timezone}};
}

nlohmann::json profile_json(const Entry& e, Locale locale) {
  const auto& p = e.profile;
  auto out = summary_json(e, locale);
  out["rpps"] = p.rpps;
  out["presentation"] = p.presentation ? nlohmann::json(*p.presentation) : nlohmann::json(nullptr);
  out["payment_modes"] = e.payment_modes;
  out["phone"] = p.phone ? nlohmann::json(*p.phone) : nlohmann::json(nullptr);
  nlohmann::json motifs = nlohmann::json::array();
  for (const auto& m : e.motifs) {
    // A motif of a mode the practitioner no longer offers cannot be booked: not shown.
    if ((m.mode == "video" && !p.video) || (m.mode == "in_person" && !p.in_person)) continue;
    motifs.push_back(motif_json(m));
  }
  out["motifs"] = std::move(motifs);
  std::vector<store::Hours> offered;
  for (const auto& h : e.hours) {
    if ((h.mode == "video" && p.video) || (h.mode == "in_person" && p.in_person))
      offered.push_back(h);
  }
  out["opening_hours"] = hours_json(offered);
  out["delay_minutes"] = p.delay_minutes;
  return out;
}

}  // namespace cabinet::directory
