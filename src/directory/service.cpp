#include "directory/service.hpp"

#include <algorithm>
#include <set>

#include "agenda/holidays.hpp"
#include "agenda/local_time.hpp"
#include "core/log.hpp"
#include "directory/json.hpp"
#include "directory/photo.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

namespace cabinet::directory {
namespace {

constexpr std::size_t kMaxMotifs = 30;
const std::set<std::string> kSectors{"1", "2", "2_optam", "nc"};
const std::set<std::string> kPaymentModes{"card", "cheque", "cash", "transfer"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

// Characters, not bytes: what a person counts (the text is valid UTF-8 by then).
std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

Error invalid(std::string field, std::string fr, std::string en) {
  return http::invalid_field(field, std::move(fr), std::move(en));
}

// A practice's phone: a French number (10 digits from 0) or an international one, E.164 out.
std::optional<std::string> practice_phone(std::string_view input) {
  std::string digits;
  bool plus = false;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && i == 0) {
      plus = true;
    } else if (c != ' ' && c != '.' && c != '-') {
      return std::nullopt;
    }
  }
  if (plus) {
    if (digits.size() < 8 || digits.size() > 15 || digits[0] == '0') return std::nullopt;
    return "+" + digits;
  }
  if (digits.size() != 10 || digits[0] != '0' || digits[1] == '0') return std::nullopt;
  return "+33" + digits.substr(1);
}

Result<std::vector<std::string>> string_list(
    const nlohmann::json& body, const std::string& field, std::size_t max_items,
    const std::function<bool(const std::string&)>& ok_item) {
  const auto& v = body[field];
  if (!v.is_array() || v.empty() || v.size() > max_items)
    return invalid(field, "Choisissez au moins une valeur.", "Choose at least one value.");
  std::vector<std::string> out;
  for (const auto& item : v) {
    if (!item.is_string() || !ok_item(item.get<std::string>()))
      return invalid(field, "Valeur inconnue.", "Unknown value.");
    const auto s = item.get<std::string>();
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

Result<bool> flag(const nlohmann::json& body, const std::string& field, bool current) {
  if (!body.contains(field)) return current;
  if (!body[field].is_boolean())
    return invalid(field, "Oui ou non attendu.", "Expected true or false.");
  return body[field].get<bool>();
}

Result<int> whole(const nlohmann::json& body, const std::string& field, int current, int lo,
                  int hi) {
  if (!body.contains(field)) return current;
  const auto& v = body[field];
  if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi) {
    return invalid(field, "Nombre entre " + std::to_string(lo) + " et " + std::to_string(hi) + ".",
                   "A number between " + std::to_string(lo) + " and " + std::to_string(hi) + ".");
  }
  return static_cast<int>(v.get<std::int64_t>());
}

Result<store::Motif> parse_motif(const nlohmann::json& body) {
  http::Input in(body);
  auto label = in.text("label", 120);
  if (!label) return std::move(label).error();
  if (trim(*label).empty()) return http::missing_field("label");
  store::Motif m;
  m.label = std::string(trim(*label));
  auto duration = whole(body, "duration_min", -1, 5, 240);
  if (!duration) return std::move(duration).error();
  if (*duration < 0) return http::missing_field("duration_min");
  // Agendas run on a 5-minute grid (booked time is kept per 5-minute granule).
  if (*duration % 5 != 0)
    return invalid("duration_min", "Une durée multiple de 5 minutes.",
                   "A duration in multiples of 5 minutes.");
  m.duration_min = *duration;
  if (!body.contains("mode") || !body["mode"].is_string() ||
      (body["mode"] != "video" && body["mode"] != "in_person" && body["mode"] != "both"))
    return invalid("mode", "Vidéo, cabinet ou les deux.", "Video, in person or both.");
  m.mode = body["mode"].get<std::string>();
  auto price = whole(body, "price_cents", -1, 0, 100000);
  if (!price) return std::move(price).error();
  if (*price < 0) return http::missing_field("price_cents");
  m.price_cents = *price;
  return m;
}

}  // namespace

Task<Result<void>> Service::changed(std::int64_t account) {
  if (auto r = co_await store::record_change(d_.db, account, d_.clock.unix_seconds()); !r)
    co_return r;
  co_return co_await d_.index.refresh(account);
}

Task<Result<void>> Service::ensure_profile(std::int64_t account) {
  auto existing = co_await store::profile(d_.db, account);
  if (!existing) co_return std::move(existing).error();
  if (*existing) co_return ok();
  store::Profile p;
  p.account_id = account;
  p.public_id = "p" + random_base32(d_.random, 12);
  p.updated_at = d_.clock.unix_seconds();
  auto r = co_await store::insert_profile(d_.db, p);
  // Two first requests at once: the other one created it, which is what we wanted.
  if (!r && r.error().code != ErrorCode::conflict) co_return r;
  co_return ok();
}

Task<Result<store::Profile>> Service::own_profile(std::int64_t account) {
  if (auto r = co_await ensure_profile(account); !r) co_return std::move(r).error();
  auto p = co_await store::profile(d_.db, account);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);  // not a practitioner (no practitioners row)
  co_return std::move(**p);
}

Task<Result<std::int64_t>> Service::agenda_owner(const Principal& who) {
  if (who.role == Role::practitioner) co_return who.account_id;
  if (who.role != Role::assistant) co_return Error(ErrorCode::forbidden);
  auto link = co_await practitioners::store::assistant_link(d_.db, who.account_id);
  if (!link) co_return std::move(link).error();
  if (!*link) co_return Error(ErrorCode::forbidden);
  co_return (*link)->practitioner_id;
}

std::optional<std::string> Service::cached(const std::string& key) const {
  std::lock_guard lock(cache_mutex_);
  auto it = cache_.find(key);
  if (it == cache_.end() || it->second.generation != d_.index.generation() ||
      it->second.expires <= d_.clock.unix_seconds())
    return std::nullopt;
  return it->second.text;
}

void Service::remember(const std::string& key, const std::string& text) const {
  constexpr std::size_t kMaxEntries = 4096;
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kMaxEntries) cache_.clear();  // rare: a crawl of every combination
  cache_[key] = CachedText{d_.index.generation(), d_.clock.unix_seconds() + 1, text};
}

std::string Service::search(const SearchQuery& q, Locale locale) const {
  // Every field of the query, so two different searches never share an answer.
  std::string key = "s\x1f" + q.q + '\x1f' + q.specialty + '\x1f';
  if (q.near)
    key += std::to_string(q.near->lat) + ',' + std::to_string(q.near->lng) + ',' + q.near->label;
  key += '\x1f' + std::to_string(q.radius_km) + (q.video ? "v" : "-") +
         (q.tiers_payant ? "t" : "-") + (q.sort_by_distance ? "d" : "-") +
         (locale == Locale::en ? "en" : "fr") + '\x1f' +
         (q.date ? agenda::format_date(*q.date) : "") + '\x1f' + q.language + '\x1f';
  for (const auto& sector : q.sectors) key += sector + ',';
  key += '\x1f' + std::to_string(q.page) + '/' + std::to_string(q.per_page);
  if (auto hit = cached(key)) return std::move(*hit);
  auto text = render_search(q, locale);
  remember(key, text);
  return text;
}

std::string Service::render_search(const SearchQuery& q, Locale locale) const {
  auto result = d_.index.search(q);
  const std::optional<agenda::Mode> mode =
      q.video ? std::optional(agenda::Mode::video) : std::nullopt;
  std::string out;
  out.reserve(512 + result.items.size() * 1600);
  out += R"({"items":[)";
  bool first = true;
  for (const auto& hit : result.items) {
    if (!first) out += ',';
    first = false;
    out += hit.entry->summary_text[locale == Locale::en ? 1 : 0];
    out += R"(,"distance_km":)";
    if (hit.distance_km) {
      char number[32];
      const int n = std::snprintf(number, sizeof number, "%.1f", *hit.distance_km);
      out.append(number, static_cast<std::size_t>(n));
    } else {
      out += "null";
    }
    out += R"(,"next_slots":)";
    out += q.date ? slots_text(hit.next_slots, hit.entry->rules.zone)
                  : d_.index.next_slots_json(*hit.entry, mode);
    out += '}';
  }
  nlohmann::json near = nullptr;
  if (q.near) {
    near = q.near->place ? place_json(*q.near->place)
                         : nlohmann::json{{"lat", q.near->lat}, {"lng", q.near->lng}};
  }
  out += R"(],"near":)";
  out += near.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += R"(,"page":)" + std::to_string(q.page) + R"(,"per_page":)" + std::to_string(q.per_page) +
         R"(,"total":)" + std::to_string(result.total) + "}";
  return out;
}

Result<nlohmann::json> Service::practitioner(const std::string& id, Locale locale) const {
  auto e = d_.index.find(id);
  if (!e) return Error(ErrorCode::not_found);
  return profile_json(*e, locale);
}

Result<std::string> Service::slots(const std::string& id, const SlotsQuery& sq) const {
  auto e = d_.index.find(id);
  if (!e) return Error(ErrorCode::not_found);
  auto mode = sq.mode;
  int duration = e->default_duration(mode);
  if (sq.motif_id) {
    const auto* m = e->motif(*sq.motif_id);
    if (m == nullptr) return invalid("motif_id", "Motif inconnu.", "Unknown reason.");
    if (m->mode != "both") {
      const auto motif_mode = agenda::parse_mode(m->mode);
      if (mode && mode != motif_mode)
        return invalid("mode", "Ce motif n’existe pas dans ce mode.",
                       "This reason is not offered in this mode.");
      mode = motif_mode;
    }
    duration = m->duration_min;
  }
  agenda::Query q;
  q.from = sq.from.value_or(agenda::local_date(d_.clock.unix_seconds(), e->rules.zone));
  q.days = sq.days;
  q.mode = mode;
  q.duration_min = duration;
  q.now = d_.clock.unix_seconds();
  const auto key = "t\x1f" + id + '\x1f' + agenda::format_date(q.from) + '\x1f' +
                   std::to_string(q.days) + '\x1f' +
                   (mode ? std::string(agenda::to_string(*mode)) : std::string("any")) + '\x1f' +
                   std::to_string(duration);
  if (auto hit = cached(key)) return std::move(*hit);
  nlohmann::json timezone = e->profile.timezone;
  auto text = R"({"slots":)" + slots_text(agenda::compute_slots(e->rules, q), e->rules.zone) +
              R"(,"timezone":)" + timezone.dump() + "}";
  remember(key, text);
  return text;
}

Task<Result<std::string>> Service::photo(const std::string& id) {
  auto e = d_.index.find(id);
  if (!e || e->profile.photo_version == 0) co_return Error(ErrorCode::not_found);
  auto bytes = co_await store::photo(d_.db, e->profile.account_id);
  if (!bytes) co_return std::move(bytes).error();
  if (!*bytes) co_return Error(ErrorCode::not_found);
  co_return std::move(**bytes);
}

Task<Result<nlohmann::json>> Service::my_profile(const Principal& who, Locale locale) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  auto motifs = co_await store::motifs(d_.db, who.account_id);
  if (!motifs) co_return std::move(motifs).error();
  auto hours = co_await store::hours(d_.db, who.account_id);
  if (!hours) co_return std::move(hours).error();
  // Rendered through the same entry the directory builds, so the practitioner sees exactly
  // what patients will see.
  const auto entry = build_entry(*p, std::move(*motifs), std::move(*hours), {}, d_.index.options());
  const auto& e = *entry;
  auto out = profile_json(e, locale);
  out["status"] = p->status;
  out["published"] = p->published;
  out["listed"] = d_.index.find_account(who.account_id) != nullptr;
  out["commune"] = nullptr;
  if (e.commune != nullptr && p->postcode)
    out["commune"] = place_json(geo::Place{e.commune, *p->postcode});
  out["min_notice_minutes"] = p->min_notice_minutes;
  out["horizon_days"] = p->horizon_days;
  out["closed_on_public_holidays"] = p->closed_on_public_holidays;
  out["address_line"] =
      p->address_line ? nlohmann::json(*p->address_line) : nlohmann::json(nullptr);
  co_return out;
}

Task<Result<nlohmann::json>> Service::update_profile(const Principal& who,
                                                     const nlohmann::json& body, Locale locale) {
  auto current = co_await own_profile(who.account_id);
  if (!current) co_return std::move(current).error();
  auto p = std::move(*current);
  http::Input in(body);
  if (in.has("address_line")) {
    auto v = in.optional_text("address_line", 200);
    if (!v) co_return std::move(v).error();
    p.address_line = *v;
  }
  if (in.has("commune_code") || in.has("postcode")) {
    auto code = in.text("commune_code", 10);
    if (!code) co_return std::move(code).error();
    auto postcode = in.text("postcode", 10);
    if (!postcode) co_return std::move(postcode).error();
    const auto* c = geo::Communes::instance().by_code(*code);
    if (c == nullptr ||
        std::find(c->postcodes.begin(), c->postcodes.end(), *postcode) == c->postcodes.end()) {
      co_return invalid("commune_code", "Choisissez la commune dans la liste.",
                        "Choose the town from the list.");
    }
    p.commune_code = c->code;
    p.postcode = *postcode;
    p.lat = c->lat;
    p.lng = c->lng;
    p.department = c->department;
    p.timezone = std::string(agenda::zone_for_department(c->department));
  }
  if (in.has("phone")) {
    auto v = in.optional_text("phone", 30);
    if (!v) co_return std::move(v).error();
    if (*v && !v->value().empty()) {
      auto phone = practice_phone(**v);
      if (!phone)
        co_return invalid("phone", "Numéro de téléphone invalide.", "Invalid phone number.");
      p.phone = *phone;
    } else {
      p.phone.reset();
    }
  }
  if (in.has("languages")) {
    auto v = string_list(body, "languages", 10, [](const std::string& s) {
      return s.size() == 2 && std::islower(static_cast<unsigned char>(s[0])) &&
             std::islower(static_cast<unsigned char>(s[1]));
    });
    if (!v) co_return std::move(v).error();
    p.languages = join(*v);
  }
  if (in.has("payment_modes")) {
    auto v = string_list(body, "payment_modes", 4,
                         [](const std::string& s) { return kPaymentModes.contains(s); });
    if (!v) co_return std::move(v).error();
    p.payment_modes = join(*v);
  }
  if (in.has("sector")) {
    if (!body["sector"].is_string() || !kSectors.contains(body["sector"].get<std::string>()))
      co_return invalid("sector", "Secteur 1, 2, 2 OPTAM ou non conventionné.",
                        "Sector 1, 2, 2 OPTAM or non-contracted.");
    p.sector = body["sector"].get<std::string>();
  }
  if (in.has("presentation")) {
    auto v = in.optional_text("presentation", 4000);
    if (!v) co_return std::move(v).error();
    if (*v && char_count(**v) > 2000)
      co_return invalid("presentation", "2 000 caractères au plus.", "2,000 characters at most.");
    p.presentation = *v;
  }
  for (auto [field, target] :
       {std::pair{"carte_vitale", &p.carte_vitale}, std::pair{"tiers_payant", &p.tiers_payant},
        std::pair{"video", &p.video}, std::pair{"in_person", &p.in_person},
        std::pair{"closed_on_public_holidays", &p.closed_on_public_holidays},
        std::pair{"published", &p.published}}) {
    auto v = flag(body, field, *target);
    if (!v) co_return std::move(v).error();
    *target = *v;
  }
  if (!p.video && !p.in_person)
    co_return invalid("video", "Proposez la vidéo, le cabinet, ou les deux.",
                      "Offer video, in person, or both.");
  auto notice = whole(body, "min_notice_minutes", p.min_notice_minutes, 0, 10080);
  if (!notice) co_return std::move(notice).error();
  p.min_notice_minutes = *notice;
  auto horizon = whole(body, "horizon_days", p.horizon_days, 1, 365);
  if (!horizon) co_return std::move(horizon).error();
  p.horizon_days = *horizon;
  p.updated_at = d_.clock.unix_seconds();

  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::update_profile(tx, p); !r) co_return r;
    co_return co_await store::record_change(tx, p.account_id, p.updated_at);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(p.account_id); !r) co_return std::move(r).error();
  co_return co_await my_profile(who, locale);
}

Task<Result<void>> Service::put_photo(const Principal& who, std::string bytes) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  auto jpeg = co_await d_.blocking.call([&] { return reencode_photo(bytes); });
  if (!jpeg) co_return std::move(jpeg).error();
  const auto now = d_.clock.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::put_photo(tx, who.account_id, *jpeg, now); !r) co_return r;
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return r;
  co_return co_await d_.index.refresh(who.account_id);
}

Task<Result<void>> Service::delete_photo(const Principal& who) {
  auto p = co_await own_profile(who.account_id);
  if (!p) co_return std::move(p).error();
  const auto now = d_.clock.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::delete_photo(tx, who.account_id, now); !r) co_return r;
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return r;
  co_return co_await d_.index.refresh(who.account_id);
}

Task<Result<nlohmann::json>> Service::motifs(const Principal& who) {
  if (auto r = co_await own_profile(who.account_id); !r) co_return std::move(r).error();
  auto rows = co_await store::motifs(d_.db, who.account_id);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : *rows) out.push_back(motif_json(m));
  co_return nlohmann::json{{"items", std::move(out)}};
}

Task<Result<nlohmann::json>> Service::add_motif(const Principal& who, const nlohmann::json& body) {
  if (auto r = co_await own_profile(who.account_id); !r) co_return std::move(r).error();
  auto m = parse_motif(body);
  if (!m) co_return std::move(m).error();
  auto existing = co_await store::motifs(d_.db, who.account_id);
  if (!existing) co_return std::move(existing).error();
  if (existing->size() >= kMaxMotifs)
    co_return invalid("label", "30 motifs au plus.", "30 reasons at most.");
  m->public_id = "m" + random_base32(d_.random, 12);
  m->practitioner_id = who.account_id;
  const auto now = d_.clock.unix_seconds();
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::insert_motif(tx, *m, now);
    if (!id) co_return std::move(id).error();
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(who.account_id); !r) co_return std::move(r).error();
  co_return motif_json(*m);
}

Task<Result<nlohmann::json>> Service::update_motif(const Principal& who, const std::string& id,
                                                   const nlohmann::json& body) {
  auto m = parse_motif(body);
  if (!m) co_return std::move(m).error();
  m->public_id = id;
  m->practitioner_id = who.account_id;
  bool found = false;
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto updated = co_await store::update_motif(tx, *m);
    if (!updated) co_return std::move(updated).error();
    found = *updated;
    if (!found) co_return ok();
    co_return co_await store::record_change(tx, who.account_id, d_.clock.unix_seconds());
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (!found) co_return Error(ErrorCode::not_found);
  if (auto r = co_await d_.index.refresh(who.account_id); !r) co_return std::move(r).error();
  co_return motif_json(*m);
}

Task<Result<void>> Service::delete_motif(const Principal& who, const std::string& id) {
  bool found = false;
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    auto archived = co_await store::archive_motif(tx, who.account_id, id, now);
    if (!archived) co_return std::move(archived).error();
    found = *archived;
    if (!found) co_return ok();
    co_return co_await store::record_change(tx, who.account_id, now);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return r;
  if (!found) co_return Error(ErrorCode::not_found);
  co_return co_await d_.index.refresh(who.account_id);
}

}  // namespace cabinet::directory
