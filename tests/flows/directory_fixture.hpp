#pragma once

// The fixture of the directory flow tests (directory_search_test.cpp, directory_agenda_test.cpp):
// practitioners signed up, verified and set up through the API, on both engines.
#include "harness.hpp"

namespace cabinet::test {

// Harness clock: Sunday 22 November 2026, 10:00 in Paris.
inline constexpr const char* kMonday = "2026-11-23";

inline nlohmann::json weekday_hours() {
  nlohmann::json hours = nlohmann::json::array();
  for (int d = 1; d <= 5; ++d) {
    hours.push_back({{"weekday", d}, {"mode", "in_person"}, {"start", "09:00"}, {"end", "12:00"}});
    hours.push_back({{"weekday", d}, {"mode", "video"}, {"start", "14:00"}, {"end", "17:00"}});
  }
  return hours;
}

class DirectoryFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  struct Doc {
    Client client;
    std::string id;
  };

  // A practitioner signed up, verified (unless told otherwise), with a profile, one 20-minute
  // motif in both modes, and weekday hours.
  Doc doc(const std::string& first, const std::string& last, const std::string& specialty,
          nlohmann::json profile, bool verified = true) {
    Client c;
    const auto n = ++count_;
    const auto email = "doc" + std::to_string(n) + "@example.fr";
    auto r = h_.post(c, "/api/v1/auth/signup/practitioner",
                     {{"email", email},
                      {"password", Harness::kPassword},
                      {"phone", "07 12 34 56 78"},
                      {"first_name", first},
                      {"last_name", last},
                      {"rpps", rpps_number(100 + n)},
                      {"specialty", specialty}});
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(h_.post(c, "/api/v1/auth/email/confirm",
                      {{"token", h_.link_token(email, "/confirmer-email")}})
                  .status,
              200);
    h_.login(c, email);
    if (verified) {
      const auto account = h_.get(c, "/api/v1/me").body["account"]["id"].get<std::string>();
      EXPECT_EQ(h_.post(op_, "/api/v1/operator/practitioners/" + account + "/verify").status, 200);
    }
    auto put = h_.put(c, "/api/v1/practitioner/profile", profile);
    EXPECT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(h_.post(c, "/api/v1/practitioner/motifs",
                      {{"label", "Consultation"},
                       {"duration_min", 20},
                       {"mode", "both"},
                       {"price_cents", 2500}})
                  .status,
              201);
    EXPECT_EQ(h_.put(c, "/api/v1/practitioner/agenda/hours", {{"hours", weekday_hours()}}).status,
              200);
    return Doc{c, put.body["id"].get<std::string>()};
  }

  static nlohmann::json in(const std::string& code, const std::string& postcode,
                           nlohmann::json extra = nlohmann::json::object()) {
    extra["commune_code"] = code;
    extra["postcode"] = postcode;
    if (!extra.contains("in_person")) extra["in_person"] = true;
    return extra;
  }

  std::vector<std::string> names(const std::string& query) {
    auto r = h_.get(anyone_, "/api/v1/practitioners?" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::vector<std::string> out;
    for (const auto& item : r.body["items"]) out.push_back(item["name"].get<std::string>());
    return out;
  }

  Harness h_{GetParam()};
  Client op_ = h_.operator_("operateur@cabinet.test");
  Client anyone_;
  int count_ = 0;
};

}  // namespace cabinet::test
