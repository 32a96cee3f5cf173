#pragma once

// The fixture of the booking flow tests: a verified practitioner offering a 20-minute motif in
// both modes (30 €), a patient with a child, and helpers to book through the API.
#include <regex>

#include "app/app.hpp"
#include "booking/service.hpp"
#include "directory_fixture.hpp"

namespace cabinet::test {

class BookingFlows : public DirectoryFlows {
 protected:
  void SetUp() override {
    doc_ = doc("Claire", "Martin", "general_medicine",
               in("75056", "75011", {{"video", true}, {"tiers_payant", false}}));
    motif_ = h_.get(anyone_, "/api/v1/practitioners/" + doc_.id).body["motifs"][0]["id"];
    pat_ = h_.patient("parent@example.fr", "Léa");
    auto child = h_.post(pat_, "/api/v1/me/profiles",
                         {{"first_name", "Tom"},
                          {"last_name", "Durand"},
                          {"birth_date", "2019-04-02"},
                          {"sex", "male"},
                          {"relationship", "child"}});
    EXPECT_EQ(child.status, 201) << child.body;
    child_ = child.body["id"];
    holder_ = h_.get(pat_, "/api/v1/me").body["profiles"][0]["id"];
  }

  // Monday 23 November 2026 (the harness clock is the Sunday before, 10:00 in Paris).
  static std::string monday(const std::string& hhmm) {
    return std::string(kMonday) + "T" + hhmm + ":00+01:00";
  }

  Reply book(Client& c, const std::string& start, const std::string& key,
             const std::string& profile = "", const std::string& mode = "video") {
    return h_.call(c, http::Method::post, "/api/v1/appointments",
                   {{"practitioner_id", doc_.id},
                    {"motif_id", motif_},
                    {"start", start},
                    {"profile_id", profile.empty() ? child_ : profile},
                    {"mode", mode}},
                   {{"Idempotency-Key", key}});
  }

  // Booked and confirmed with the sandbox's Visa.
  std::string booked(const std::string& start, const std::string& key) {
    auto r = book(pat_, start, key);
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.body.value("id", "");
    auto c =
        h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
    EXPECT_EQ(c.status, 200) << c.body;
    EXPECT_EQ(c.body["status"], "confirmed");
    return id;
  }

  std::size_t run_jobs() {
    auto r = h_.app().block_on(h_.app().booking().run_due());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    return r.ok() ? *r : 0;
  }

  // Free video slot starts of Monday, as the public page shows them.
  std::vector<std::string> monday_video_slots() {
    auto r = h_.get(anyone_, "/api/v1/practitioners/" + doc_.id + "/slots?from=" + kMonday +
                                 "&days=1&mode=video");
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    for (const auto& s : r.body["slots"]) out.push_back(s["start"]);
    return out;
  }

  // Rows of the outbox to `to`: "email:<subject>" or "sms:<text>".
  std::vector<std::string> sent_to(const std::string& to) {
    storage::Params params{to};
    auto rows = h_.app().block_on(h_.db().query(
        "SELECT channel, subject, body_text FROM outbox WHERE recipient = $1 ORDER BY id",
        std::move(params)));
    std::vector<std::string> out;
    if (!rows) return out;
    for (std::size_t i = 0; i < rows->size(); ++i) {
      const auto r = rows->row(i);
      out.push_back(r.text(0) == "email" ? "email:" + r.opt_text(1).value_or("")
                                         : "sms:" + r.opt_text(2).value_or(""));
    }
    return out;
  }

  std::int64_t count(const std::string& sql) {
    auto rows = h_.app().block_on(h_.db().query(sql));
    return rows && !rows->empty() ? rows->row(0).integer(0) : -1;
  }

  std::string cancel_token(const std::string& to) {
    const auto m = h_.last_mail_to(to);
    const std::regex link("/annuler\\?token=([A-Za-z0-9.]+)");
    std::smatch match;
    if (!std::regex_search(m.text, match, link)) {
      ADD_FAILURE() << "no cancel link in: " << m.text;
      return "";
    }
    return match[1];
  }

  // Sessions end after idle time: after moving the clock, both sides sign in again.
  void relogin() {
    // A second later, so that the login code is the newest email whatever the order of
    // messages queued in the same second.
    h_.clock().advance(std::chrono::seconds(1));
    h_.login(pat_, "parent@example.fr");
    h_.login(doc_.client, "doc1@example.fr");
  }

  void at(const std::string& iso_utc) {
    std::tm tm{};
    strptime(iso_utc.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    h_.clock().set(std::chrono::system_clock::from_time_t(timegm(&tm)));
  }

  Doc doc_;
  std::string motif_;
  Client pat_;
  std::string child_;
  std::string holder_;
};

}  // namespace cabinet::test
