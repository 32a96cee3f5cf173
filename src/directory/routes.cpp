#include "directory/routes.hpp"

#include <charconv>

#include "directory/json.hpp"
#include "directory/photo.hpp"
#include "http/input.hpp"
#include "http/reply.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::directory {
namespace {

using http::Request;
using http::Response;

Error bad_param(std::string name) {
  return http::invalid_field(name, "Paramètre invalide : " + name + ".",
                             "Invalid parameter: " + name + ".");
}

// An integer query parameter within [lo, hi]; `fallback` when absent.
Result<long> int_param(const Request& req, const std::string& name, long fallback, long lo,
                       long hi) {
  auto v = req.query_param(name);
  if (!v) return fallback;
  long n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n < lo || n > hi) return bad_param(name);
  return n;
}

Result<bool> bool_param(const Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v || v->empty() || *v == "false" || *v == "0") return false;
  if (*v == "true" || *v == "1") return true;
  return bad_param(name);
}

Result<std::optional<agenda::LocalDate>> date_param(const Request& req, const std::string& name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::optional<agenda::LocalDate>{};
  auto d = agenda::parse_date(*v);
  if (!d) return bad_param(name);
  return d;
}

Result<SearchQuery> search_query(const Request& req) {
  SearchQuery q;
  if (auto v = req.query_param("q")) {
    if (v->size() > 100) return bad_param("q");
    q.q = geo::normalise(*v);
  }
  if (auto v = req.query_param("specialty"); v && !v->empty()) {
    if (practitioners::find_specialty(*v) == nullptr) return bad_param("specialty");
    q.specialty = *v;
  }
  if (auto v = req.query_param("near"); v && !v->empty()) {
    if (v->size() > 60) return bad_param("near");
    q.near = resolve_near(*v);
    if (!q.near)
      return http::invalid_field("near", "Lieu inconnu : choisissez une commune de la liste.",
                                 "Unknown place: choose a town from the list.");
  }
  auto radius = int_param(req, "radius_km", 30, 1, 200);
  if (!radius) return std::move(radius).error();
  q.radius_km = static_cast<double>(*radius);
  auto video = bool_param(req, "video");
  if (!video) return std::move(video).error();
  q.video = *video;
  auto tp = bool_param(req, "tiers_payant");
  if (!tp) return std::move(tp).error();
  q.tiers_payant = *tp;
  auto date = date_param(req, "date");
  if (!date) return std::move(date).error();
  q.date = *date;
  if (auto v = req.query_param("language"); v && !v->empty()) {
    if (v->size() != 2) return bad_param("language");
    q.language = *v;
  }
  if (auto v = req.query_param("sector"); v && !v->empty()) {
    q.sectors = split_list(*v);
    for (const auto& s : q.sectors)
      if (s != "1" && s != "2" && s != "2_optam" && s != "nc") return bad_param("sector");
  }
  if (auto v = req.query_param("sort"); v && !v->empty()) {
    if (*v == "distance") {
      if (!q.near) return bad_param("sort");
      q.sort_by_distance = true;
    } else if (*v != "soonest") {
      return bad_param("sort");
    }
  }
  auto page = int_param(req, "page", 1, 1, 1000);
  if (!page) return std::move(page).error();
  auto per_page = int_param(req, "per_page", 10, 1, 50);
  if (!per_page) return std::move(per_page).error();
  q.page = static_cast<std::size_t>(*page);
  q.per_page = static_cast<std::size_t>(*per_page);
  return q;
}

Response json_text(std::string body) {
  Response r;
  r.status = 200;
  r.headers.add_view("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

Response cached_json(const nlohmann::json& body, int max_age) {
  auto r = Response::json(200, body);
  r.headers.add("Cache-Control", "public, max-age=" + std::to_string(max_age));
  return r;
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  const auto practitioner = http::role_bit(Role::practitioner);
  const auto agenda_roles = practitioner | http::role_bit(Role::assistant);

  router.add(Method::get, "/api/v1/specialties", [](Request& req) -> Task<Response> {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& sp : practitioners::specialties()) {
      items.push_back({{"id", sp.code},
                       {"label", sp.name(req.locale)},
                       {"direct_access", sp.direct_access},
                       {"teleconsultation_reimbursed", sp.teleconsultation_reimbursed}});
    }
    co_return cached_json({{"items", std::move(items)}}, 3600);
  });

  router.add(Method::get, "/api/v1/places", [](Request& req) -> Task<Response> {
    const auto q = req.query_param("q").value_or("");
    auto limit = int_param(req, "limit", 8, 1, 20);
    if (!limit) co_return Response::error(limit.error(), req.locale);
    if (q.size() > 100) co_return Response::error(bad_param("q"), req.locale);
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : geo::Communes::instance().search(q, static_cast<std::size_t>(*limit)))
      items.push_back(place_json(p));
    co_return cached_json({{"items", std::move(items)}}, 3600);
  });

  router.add(Method::get, "/api/v1/practitioners", [&s](Request& req) -> Task<Response> {
    auto q = search_query(req);
    if (!q) co_return Response::error(q.error(), req.locale);
    co_return json_text(s.search(*q, req.locale));
  });

  router.add(Method::get, "/api/v1/practitioners/{id}", [&s](Request& req) -> Task<Response> {
    co_return http::reply(s.practitioner(std::string(*req.param("id")), req.locale), req);
  });

  router.add(Method::get, "/api/v1/practitioners/{id}/slots", [&s](Request& req) -> Task<Response> {
    Service::SlotsQuery q;
    auto from = date_param(req, "from");
    if (!from) co_return Response::error(from.error(), req.locale);
    q.from = *from;
    auto days = int_param(req, "days", 7, 1, 31);
    if (!days) co_return Response::error(days.error(), req.locale);
    q.days = static_cast<int>(*days);
    if (auto m = req.query_param("mode"); m && !m->empty()) {
      q.mode = agenda::parse_mode(*m);
      if (!q.mode) co_return Response::error(bad_param("mode"), req.locale);
    }
    if (auto m = req.query_param("motif_id"); m && !m->empty()) q.motif_id = *m;
    auto text = s.slots(std::string(*req.param("id")), q);
    if (!text) co_return Response::error(text.error(), req.locale);
    co_return json_text(std::move(*text));
  });

  router.add(Method::get, "/api/v1/practitioners/{id}/photo", [&s](Request& req) -> Task<Response> {
    auto bytes = co_await s.photo(std::string(*req.param("id")));
    if (!bytes) co_return Response::error(bytes.error(), req.locale);
    Response r;
    r.status = 200;
    r.body = std::move(*bytes);
    r.headers.add("Content-Type", "image/jpeg");
    r.headers.add("Cache-Control", "public, max-age=86400");
    co_return r;
  });

  // The practitioner's own profile.
  router.add(
      Method::get, "/api/v1/practitioner/profile",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.my_profile(*req.principal, req.locale), req);
      },
      http::signed_in(practitioner));
  router.add(
      Method::put, "/api/v1/practitioner/profile",
      [&s](Request& req) -> Task<Response> {
        if (!req.json.is_object())
          co_return Response::error(Error(ErrorCode::invalid_json), req.locale);
        co_return http::reply(co_await s.update_profile(*req.principal, req.json, req.locale), req);
      },
      http::signed_in(practitioner, http::json_body()));
  {
    http::RouteOptions upload = http::signed_in(practitioner);
    upload.body = http::BodyKind::raw;
    upload.max_body = kMaxPhotoBytes;
    router.add(
        Method::put, "/api/v1/practitioner/photo",
        [&s](Request& req) -> Task<Response> {
          if (req.body.empty()) co_return Response::error(http::missing_field("photo"), req.locale);
          co_return http::reply(co_await s.put_photo(*req.principal, std::move(req.body)), req);
        },
        upload);
  }
  router.add(
      Method::del, "/api/v1/practitioner/photo",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.delete_photo(*req.principal), req);
      },
      http::signed_in(practitioner));

  router.add(
      Method::get, "/api/v1/practitioner/motifs",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.motifs(*req.principal), req);
      },
      http::signed_in(agenda_roles));
  router.add(
      Method::post, "/api/v1/practitioner/motifs",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.add_motif(*req.principal, req.json), req, 201);
      },
      http::signed_in(practitioner, http::json_body()));
  router.add(
      Method::put, "/api/v1/practitioner/motifs/{id}",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.update_motif(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req);
      },
      http::signed_in(practitioner, http::json_body()));
  router.add(
      Method::del, "/api/v1/practitioner/motifs/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.delete_motif(*req.principal, std::string(*req.param("id"))), req);
      },
      http::signed_in(practitioner));

  // The agenda: the practitioner and their assistants.
  router.add(
      Method::get, "/api/v1/practitioner/agenda",
      [&s](Request& req) -> Task<Response> {
        auto from = date_param(req, "from");
        if (!from) co_return Response::error(from.error(), req.locale);
        auto days = int_param(req, "days", 1, 1, 7);
        if (!days) co_return Response::error(days.error(), req.locale);
        auto r = co_await s.agenda(*req.principal, *from, static_cast<int>(*days), req.locale);
        co_return http::reply(r, req);
      },
      http::signed_in(agenda_roles));
  router.add(
      Method::get, "/api/v1/practitioner/agenda/hours",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.hours(*req.principal), req);
      },
      http::signed_in(agenda_roles));
  router.add(
      Method::put, "/api/v1/practitioner/agenda/hours",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.put_hours(*req.principal, req.json), req);
      },
      http::signed_in(agenda_roles, http::json_body()));
  router.add(
      Method::get, "/api/v1/practitioner/agenda/exceptions",
      [&s](Request& req) -> Task<Response> {
        auto from = date_param(req, "from");
        if (!from) co_return Response::error(from.error(), req.locale);
        auto to = date_param(req, "to");
        if (!to) co_return Response::error(to.error(), req.locale);
        co_return http::reply(co_await s.exceptions(*req.principal, *from, *to), req);
      },
      http::signed_in(agenda_roles));
  router.add(
      Method::post, "/api/v1/practitioner/agenda/exceptions",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.add_exception(*req.principal, req.json), req, 201);
      },
      http::signed_in(agenda_roles, http::json_body()));
  router.add(
      Method::del, "/api/v1/practitioner/agenda/exceptions/{id}",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.delete_exception(*req.principal, std::string(*req.param("id")));
        co_return http::reply(r, req);
      },
      http::signed_in(agenda_roles));
  router.add(
      Method::post, "/api/v1/practitioner/agenda/delay",
      [&s](Request& req) -> Task<Response> {
        const auto& v = req.json.is_object() && req.json.contains("minutes") ? req.json["minutes"]
                                                                             : nlohmann::json();
        if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 240) {
          co_return Response::error(http::invalid_field("minutes", "Un retard de 0 à 240 minutes.",
                                                        "A delay of 0 to 240 minutes."),
                                    req.locale);
        }
        auto r = co_await s.announce_delay(*req.principal, static_cast<int>(v.get<std::int64_t>()));
        co_return http::reply(r, req);
      },
      http::signed_in(agenda_roles, http::json_body()));
}

void register_realtime(realtime::Hub& hub, const Index& index) {
  hub.on("follow",
         [&hub, &index](realtime::Connection& conn, const nlohmann::json& message) -> Task<void> {
           const auto& id =
               message.contains("practitioner") ? message["practitioner"] : nlohmann::json();
           auto entry = id.is_string() ? index.find(id.get<std::string>()) : nullptr;
           if (!entry) {
             conn.send(realtime::Hub::error_message(ErrorCode::not_found, conn.locale()));
             co_return;
           }
           hub.join("practitioner:" + entry->profile.public_id, conn.id());
           conn.send(nlohmann::json{{"type", "following"},
                                    {"practitioner", entry->profile.public_id},
                                    {"delay_minutes", entry->profile.delay_minutes}}
                         .dump());
         });
  hub.on("unfollow",
         [&hub](realtime::Connection& conn, const nlohmann::json& message) -> Task<void> {
           if (message.contains("practitioner") && message["practitioner"].is_string())
             hub.leave("practitioner:" + message["practitioner"].get<std::string>(), conn.id());
           co_return;
         });
}

}  // namespace cabinet::directory
