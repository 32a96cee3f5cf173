// The motifs half of directory::Service: the practitioner's reasons for a visit, their
// durations, modes and prices.
#include "core/random.hpp"
#include "core/validators.hpp"
#include "directory/input.hpp"
#include "directory/json.hpp"
#include "directory/pricing.hpp"
#include "directory/service.hpp"

namespace cabinet::directory {
namespace {

constexpr std::size_t kMaxMotifs = 30;

Result<store::Motif> parse_motif(const nlohmann::json& body) {
  http::Input in(body);
  auto label = in.text("label", 120);
  if (!label) return std::move(label).error();
  if (validate::trim(*label).empty()) return http::missing_field("label");
  store::Motif m;
  m.label = std::string(validate::trim(*label));
  // Optional; a PUT without it (or with null or blank) leaves the motif French only.
  auto label_en = in.optional_text("label_en", 120);
  if (!label_en) return std::move(label_en).error();
  if (*label_en && !validate::trim(**label_en).empty())
    m.label_en = std::string(validate::trim(**label_en));
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

Task<Result<nlohmann::json>> Service::motifs(const Principal& who) {
  // Assistants read them too: they book for patients in the agenda they keep.
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  if (auto r = co_await own_profile(*owner); !r) co_return std::move(r).error();
  auto rows = co_await store::motifs(d_.db, *owner);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& m : *rows) out.push_back(motif_json(m));
  co_return nlohmann::json{{"items", std::move(out)}};
}

Task<Result<nlohmann::json>> Service::add_motif(const Principal& who, const nlohmann::json& body) {
  auto profile = co_await own_profile(who.account_id);
  if (!profile) co_return std::move(profile).error();
  auto m = parse_motif(body);
  if (!m) co_return std::move(m).error();
  if (auto r = check_sector_1_price(*profile, *m, today(*profile)); !r)
    co_return std::move(r).error();
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
  auto profile = co_await own_profile(who.account_id);
  if (!profile) co_return std::move(profile).error();
  auto m = parse_motif(body);
  if (!m) co_return std::move(m).error();
  if (auto r = check_sector_1_price(*profile, *m, today(*profile)); !r)
    co_return std::move(r).error();
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
