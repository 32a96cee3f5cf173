#pragma once

// White-label partners and insurers (docs/operator.md "Partners"): the booking fixture plus an
// operator's helpers to create partners and call on a partner's host.
#include <regex>

#include "booking_fixture.hpp"

namespace cabinet::test {

class PartnerFlows : public BookingFlows {
 protected:
  // Created by the operator; `extra` overrides the defaults.
  std::string partner(const std::string& name, const std::string& kind,
                      const std::vector<std::string>& hosts,
                      nlohmann::json extra = nlohmann::json::object()) {
    nlohmann::json body{{"name", name},
                        {"kind", kind},
                        {"hosts", hosts},
                        {"color_primary", "#B91C1C"},
                        {"contact_email", "contact@partenaire.example"},
                        {"terms", "CGU du partenaire."}};
    for (const auto& item : extra.items()) body[item.key()] = item.value();
    auto r = h_.post(op_, "/api/v1/operator/partners", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.body.value("id", "");
  }

  // A request as a browser on `host` sends it: Host and Origin both the partner's.
  Reply on_host(Client& c, http::Method method, const std::string& host, const std::string& path,
                const nlohmann::json& body = nullptr,
                std::vector<std::pair<std::string, std::string>> headers = {}) {
    headers.emplace_back("Host", host);
    headers.emplace_back("Origin", "http://" + host);
    return h_.call(c, method, path, body, headers);
  }

  std::int64_t scalar(const std::string& sql, const std::string& param) {
    storage::Params p{param};
    auto rows = h_.app().block_on(h_.db().query(sql, std::move(p)));
    if (!rows || rows->empty() || rows->row(0).is_null(0)) return -1;
    return rows->row(0).integer(0);
  }

  // A partner administrator invited by the operator, with the password set from the emailed
  // link, signed in.
  Client partner_admin(const std::string& partner_id, const std::string& email) {
    auto r = h_.post(op_, "/api/v1/operator/partners/" + partner_id + "/admins",
                     {{"email", email}, {"first_name", "Inès"}, {"last_name", "Garnier"}});
    EXPECT_EQ(r.status, 201) << r.body;
    Client c;
    const auto token = h_.link_token(email, "/reinitialiser-mot-de-passe");
    auto set = h_.post(c, "/api/v1/auth/password/reset",
                       {{"token", token}, {"password", Harness::kPassword}});
    EXPECT_LT(set.status, 300) << set.body;
    // A second later, so that the login code is the newest email, not "password changed".
    h_.clock().advance(std::chrono::seconds(1));
    h_.login(c, email);
    return c;
  }
};

}  // namespace cabinet::test
