#include "accounts/routes.hpp"

#include "accounts/forms.hpp"
#include "http/input.hpp"
#include "http/reply.hpp"

namespace cabinet::accounts {
namespace {

using http::Input;
using http::Method;
using http::reply;
using http::Request;
using http::Response;

http::Handler signup(Service& s, Role role) {
  return [&s, role](Request& req) -> Task<Response> {
    auto form = signup_form(req.json, role);
    if (!form) co_return Response::error(form.error(), req.locale);
    Result<void> r;
    if (role == Role::patient) r = co_await s.signup_patient(std::move(*form), caller_of(req));
    if (role == Role::practitioner)
      r = co_await s.signup_practitioner(std::move(*form), caller_of(req));
    if (role == Role::assistant) r = co_await s.signup_assistant(std::move(*form), caller_of(req));
    co_return reply(r, req, 201,
                    {{"status", role == Role::assistant ? "created" : "confirmation_sent"}});
  };
}

}  // namespace

Task<Response> signed_in_reply(Service& s, Result<LoginDone> done, const Request& req,
                               bool secure) {
  if (!done) co_return Response::error(done.error(), req.locale);
  auto me = co_await s.me(done->principal, req.locale);
  auto response = reply(me, req);
  response.headers.add("Set-Cookie", auth::Sessions::cookie(done->session, secure));
  // The code login vouches for this browser on this address (shared networks: its failures
  // count on itself); a passkey sign-in names no address and leaves the cookie as it is.
  if (!done->device_cookie.empty())
    response.headers.add("Set-Cookie",
                         auth::DeviceCookies::set_cookie(done->device_cookie, secure));
  co_return response;
}

Caller caller_of(const Request& request) {
  return {request.remote_ip, std::string(request.user_agent()), request.locale,
          std::string(request.cookie(auth::kDeviceCookie).value_or("")),
          std::string(request.headers.get("Host").value_or(""))};
}

void register_routes(http::Router& router, Service& s, Profiles& profiles, bool secure) {
  using http::json_body;
  using http::signed_in;
  const auto patients = http::role_bit(Role::patient);
  const auto staff = static_cast<http::RoleMask>(http::role_bit(Role::practitioner) |
                                                 http::role_bit(Role::assistant));

  router.add(Method::post, "/api/v1/auth/signup", signup(s, Role::patient), json_body());
  router.add(Method::post, "/api/v1/auth/signup/practitioner", signup(s, Role::practitioner),
             json_body());
  router.add(Method::post, "/api/v1/auth/signup/assistant", signup(s, Role::assistant),
             json_body());

  router.add(
      Method::post, "/api/v1/auth/email/confirm",
      [&s](Request& req) -> Task<Response> {
        auto token = Input(req.json).text("token", 100);
        if (!token) co_return Response::error(token.error(), req.locale);
        auto result = co_await s.confirm_email(*token);
        co_return reply(result, req, 200, {{"confirmed", true}});
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/email/resend",
      [&s](Request& req) -> Task<Response> {
        auto email = Input(req.json).text("email", 254);
        if (!email) co_return Response::error(email.error(), req.locale);
        auto result = co_await s.resend_confirmation(*email, caller_of(req));
        co_return reply(result, req, 202, {{"status", "sent_if_exists"}});
      },
      json_body());

  router.add(
      Method::post, "/api/v1/auth/login",
      [&s](Request& req) -> Task<Response> {
        Input in(req.json);
        auto email = in.text("email", 254);
        if (!email) co_return Response::error(email.error(), req.locale);
        auto password = in.text("password", kPasswordMax);
        if (!password) co_return Response::error(password.error(), req.locale);
        auto start = co_await s.start_login(*email, *password, caller_of(req));
        if (!start) co_return Response::error(start.error(), req.locale);
        co_return Response::json(200, {{"challenge", start->challenge},
                                       {"method", start->method},
                                       {"expires_at", start->expires_at}});
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/login/verify",
      [&s, secure](Request& req) -> Task<Response> {
        Input in(req.json);
        auto challenge = in.text("challenge", 100);
        if (!challenge) co_return Response::error(challenge.error(), req.locale);
        auto code = in.text("code", 20);
        if (!code) co_return Response::error(code.error(), req.locale);
        auto done = co_await s.verify_login(*challenge, *code, caller_of(req));
        co_return co_await signed_in_reply(s, std::move(done), req, secure);
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/login/resend",
      [&s](Request& req) -> Task<Response> {
        auto challenge = Input(req.json).text("challenge", 100);
        if (!challenge) co_return Response::error(challenge.error(), req.locale);
        auto result = co_await s.resend_code(*challenge, caller_of(req));
        co_return reply(result, req, 202, {{"status", "sent"}});
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/password/forgot",
      [&s](Request& req) -> Task<Response> {
        auto email = Input(req.json).text("email", 254);
        if (!email) co_return Response::error(email.error(), req.locale);
        auto result = co_await s.forgot_password(*email, caller_of(req));
        co_return reply(result, req, 202, {{"status", "sent_if_exists"}});
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/password/reset",
      [&s](Request& req) -> Task<Response> {
        Input in(req.json);
        auto token = in.text("token", 100);
        if (!token) co_return Response::error(token.error(), req.locale);
        auto password = in.text("password", kPasswordMax);
        if (!password) co_return Response::error(password.error(), req.locale);
        auto result = co_await s.reset_password(*token, *password, caller_of(req));
        co_return reply(result, req, 200, {{"status", "password_changed"}});
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/logout",
      [&s, secure](Request& req) -> Task<Response> {
        auto response = reply(co_await s.logout(*req.principal), req);
        response.headers.add("Set-Cookie", auth::Sessions::clear_cookie(secure));
        co_return response;
      },
      signed_in());
  router.add(
      Method::get, "/api/v1/me/sessions",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.sessions(*req.principal);
        co_return reply(result, req);
      },
      signed_in());
  router.add(
      Method::del, "/api/v1/me/sessions/{id}",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.revoke_session(*req.principal, std::string(*req.param("id")));
        co_return reply(result, req);
      },
      signed_in());

  router.add(
      Method::get, "/api/v1/me",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.me(*req.principal, req.locale);
        co_return reply(result, req);
      },
      signed_in());
  router.add(
      Method::patch, "/api/v1/me",
      [&s](Request& req) -> Task<Response> {
        Input in(req.json);
        auto phone = in.optional_text("phone", 40);
        if (!phone) co_return Response::error(phone.error(), req.locale);
        auto locale = in.optional_text("locale", 5);
        if (!locale) co_return Response::error(locale.error(), req.locale);
        if (auto r = co_await s.update_me(*req.principal, *phone, *locale); !r)
          co_return Response::error(r.error(), req.locale);
        auto result = co_await s.me(*req.principal, req.locale);
        co_return reply(result, req);
      },
      signed_in(http::kAnyRole, json_body()));
  router.add(
      Method::del, "/api/v1/me",
      [&s, secure](Request& req) -> Task<Response> {
        auto password = Input(req.json).text("password", kPasswordMax);
        if (!password) co_return Response::error(password.error(), req.locale);
        auto r = co_await s.delete_account(*req.principal, *password, caller_of(req));
        auto response = reply(r, req);
        if (r) response.headers.add("Set-Cookie", auth::Sessions::clear_cookie(secure));
        co_return response;
      },
      signed_in(http::kAnyRole, json_body()));
  router.add(
      Method::post, "/api/v1/me/password",
      [&s](Request& req) -> Task<Response> {
        Input in(req.json);
        auto current = in.text("current_password", kPasswordMax);
        if (!current) co_return Response::error(current.error(), req.locale);
        auto next = in.text("new_password", kPasswordMax);
        if (!next) co_return Response::error(next.error(), req.locale);
        auto result = co_await s.change_password(*req.principal, *current, *next);
        co_return reply(result, req);
      },
      signed_in(http::kAnyRole, json_body()));
  router.add(
      Method::post, "/api/v1/me/totp",
      [&s](Request& req) -> Task<Response> {
        auto e = co_await s.begin_totp(*req.principal);
        if (!e) co_return Response::error(e.error(), req.locale);
        co_return Response::json(
            200, {{"secret", e->secret}, {"otpauth_uri", e->otpauth_uri}, {"qr_svg", e->qr_svg}});
      },
      signed_in(staff));
  router.add(
      Method::post, "/api/v1/me/totp/confirm",
      [&s](Request& req) -> Task<Response> {
        auto code = Input(req.json).text("code", 20);
        if (!code) co_return Response::error(code.error(), req.locale);
        auto result = co_await s.confirm_totp(*req.principal, *code);
        co_return reply(result, req);
      },
      signed_in(staff, json_body()));
  router.add(
      Method::del, "/api/v1/me/totp",
      [&s](Request& req) -> Task<Response> {
        auto code = Input(req.json).text("code", 20);
        if (!code) co_return Response::error(code.error(), req.locale);
        auto result = co_await s.disable_totp(*req.principal, *code);
        co_return reply(result, req);
      },
      signed_in(staff, json_body()));

  router.add(
      Method::post, "/api/v1/me/current-profile",
      [&s, &profiles](Request& req) -> Task<Response> {
        auto id = Input(req.json).text("profile_id", 64);
        if (!id) co_return Response::error(id.error(), req.locale);
        if (auto r = co_await profiles.set_current(*req.principal, *id); !r)
          co_return Response::error(r.error(), req.locale);
        auto who = *req.principal;
        auto me = co_await s.me(who, req.locale);
        if (me) (*me)["current_profile"] = *id;
        co_return reply(me, req);
      },
      signed_in(patients, json_body()));
  router.add(
      Method::post, "/api/v1/me/profiles",
      [&profiles](Request& req) -> Task<Response> {
        auto form = relative_form(req.json);
        if (!form) co_return Response::error(form.error(), req.locale);
        auto result = co_await profiles.add(*req.principal, *form, caller_of(req));
        co_return reply(result, req, 201);
      },
      signed_in(patients, json_body()));
  router.add(
      Method::patch, "/api/v1/me/profiles/{id}",
      [&profiles](Request& req) -> Task<Response> {
        auto form = relative_form(req.json);
        if (!form) co_return Response::error(form.error(), req.locale);
        auto result = co_await profiles.update(*req.principal, std::string(*req.param("id")), *form,
                                               caller_of(req));
        co_return reply(result, req);
      },
      signed_in(patients, json_body()));
  router.add(
      Method::del, "/api/v1/me/profiles/{id}",
      [&profiles](Request& req) -> Task<Response> {
        auto result =
            co_await profiles.remove(*req.principal, std::string(*req.param("id")), caller_of(req));
        co_return reply(result, req);
      },
      signed_in(patients));
  router.add(
      Method::get, "/api/v1/me/profiles/{id}/administrative",
      [&profiles](Request& req) -> Task<Response> {
        auto result = co_await profiles.administrative(
            *req.principal, std::string(*req.param("id")), caller_of(req));
        co_return reply(result, req);
      },
      signed_in(patients));
  router.add(
      Method::put, "/api/v1/me/profiles/{id}/administrative",
      [&profiles](Request& req) -> Task<Response> {
        auto result = co_await profiles.set_administrative(
            *req.principal, std::string(*req.param("id")), req.json, caller_of(req));
        co_return reply(result, req);
      },
      signed_in(patients, json_body()));
  router.add(
      Method::get, "/api/v1/me/access-log",
      [&profiles](Request& req) -> Task<Response> {
        auto result = co_await profiles.access_log(*req.principal, req.locale);
        co_return reply(result, req);
      },
      signed_in(patients));
}

}  // namespace cabinet::accounts
