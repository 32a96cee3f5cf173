#pragma once

// The health space's flow tests (docs/health-space.md): the booking fixture's practitioner,
// patient and child, with helpers to upload own files, hold a consultation and read the rows.
#include "booking_fixture.hpp"
#include "upload_samples.hpp"

namespace cabinet::test {

class HealthFlows : public BookingFlows {
 protected:
  Reply upload(Client& c, const std::string& profile, const std::string& bytes,
               const std::string& name,
               const std::string& query =
                   "&title=Bilan%20sanguin"
                   "&kind=lab_result") {
    return h_.call(c, http::Method::post, "/api/v1/me/documents?profile=" + profile + query,
                   nullptr, {{"Content-Type", "application/octet-stream"}, {"X-File-Name", name}},
                   true, bytes);
  }

  // Booked for `profile` on Monday 14:00 and confirmed; the clock at 14:05, both signed in.
  std::string held(const std::string& profile, const std::string& key) {
    auto r = book(pat_, monday("14:00"), key, profile);
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.body.value("id", "");
    auto c =
        h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
    EXPECT_EQ(c.status, 200) << c.body;
    at("2026-11-23T13:05:00");
    relogin();
    return id;
  }

  // Closed with a compte-rendu: one practitioner's document for the appointment's profile.
  std::string closed_with_report(const std::string& id) {
    auto closed = h_.post(doc_.client, "/api/v1/consultations/" + id + "/close",
                          {{"amount_cents", 2500},
                           {"report",
                            {{"history", "Toux."},
                             {"findings", "RAS."},
                             {"conclusion", "Rhinopharyngite."},
                             {"advice", "Repos."}}}});
    EXPECT_EQ(closed.status, 200) << closed.body;
    return closed.body["documents"][0].value("id", "");
  }

  // Every text and blob of the rows `sql` returns, concatenated.
  std::string text_of(const std::string& sql) {
    auto rows = h_.app().block_on(h_.db().query(sql));
    std::string all;
    if (!rows) return all;
    for (std::size_t i = 0; i < rows->size(); ++i)
      for (std::size_t j = 0; j < rows->row(i).size(); ++j)
        if (!rows->row(i).is_null(j)) {
          const auto& v = rows->row(i).at(j);
          if (const auto* s = std::get_if<std::string>(&v)) all += *s;
          if (const auto* b = std::get_if<storage::Blob>(&v)) all += b->bytes;
        }
    return all;
  }

  std::int64_t audits(const std::string& action) {
    return count("SELECT COUNT(*) FROM audit_log WHERE action = '" + action + "'");
  }

  static std::vector<std::string> ids(const nlohmann::json& items) {
    std::vector<std::string> out;
    for (const auto& i : items) out.push_back(i.value("id", ""));
    return out;
  }

  static bool has(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  }
};

}  // namespace cabinet::test
