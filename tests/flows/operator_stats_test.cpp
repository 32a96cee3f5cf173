// The operator's statistics through the handlers, on both engines (issue 19 item 3, ADM2,
// docs/operator.md "Statistics"): refused to every other role and to a partner administrator
// outside their partner, series computed from what the test books, holds, cancels and leaves
// unattended, queue waits, call reports, small counts suppressed, the CSV for French Excel, bad
// input, Paris periods, and every read audited.
#include "booking_fixture.hpp"
#include "notify/outbox.hpp"

namespace cabinet::test {
namespace {

class OperatorStats : public BookingFlows {
 protected:
  static constexpr const char* kStats = "/api/v1/operator/stats";

  // A Paris wall-clock time of a winter day (minutes may run past 59) as UTC, for at().
  static std::string utc(const std::string& day, int hour, int minute) {
    const int total = (hour - 1) * 60 + minute;
    char out[32];
    std::snprintf(out, sizeof out, "%sT%02d:%02d:00", day.c_str(), total / 60, total % 60);
    return out;
  }
  static std::string paris(const std::string& day, int hour, int minute) {
    char out[40];
    std::snprintf(out, sizeof out, "%sT%02d:%02d:00+01:00", day.c_str(), hour, minute);
    return out;
  }

  std::string booked_at(const std::string& day, int minutes_after_two, const std::string& key) {
    const int h = 14 + minutes_after_two / 60;
    auto r = book(pat_, paris(day, h, minutes_after_two % 60), key, holder_);
    EXPECT_EQ(r.status, 201) << r.body;
    const auto id = r.body.value("id", "");
    auto c =
        h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
    EXPECT_EQ(c.status, 200) << c.body;
    return id;
  }

  void exec(const std::string& sql) {
    auto r = h_.app().block_on(h_.db().query(sql));
    ASSERT_TRUE(r.ok()) << sql << ": " << (r.ok() ? "" : r.error().detail);
  }

  void add_partner(const std::string& public_id) {
    exec("INSERT INTO partners (public_id, name, kind, created_at, updated_at) VALUES ('" +
         public_id + "', 'Partenaire " + public_id + "', 'brand', 0, 0)");
  }

  // An operator account of a partner signs in as its partner administrator.
  Client partner_admin(const std::string& email, const std::string& partner) {
    auto c = h_.operator_(email);
    exec("UPDATE accounts SET partner_id = (SELECT id FROM partners WHERE public_id = '" + partner +
         "') WHERE email = '" + email + "'");
    return c;
  }

  // Delivers the whole outbox (one delivery takes a batch): the next email to anyone is then
  // what comes next, a login code.
  void drain() {
    for (int i = 0; i < 50; ++i) {
      auto n = h_.app().block_on(h_.app().courier().deliver_due());
      ASSERT_TRUE(n.ok());
      if (*n == 0) return;
    }
  }

  static nlohmann::json close_form() {
    return {{"amount_cents", 2500},
            {"report",
             {{"history", "Toux."},
              {"findings", "Bon état général."},
              {"conclusion", "Rhinopharyngite."},
              {"advice", "Repos."}}}};
  }
};

TEST_P(OperatorStats, OnlyOperatorsAndPartnerAdministratorsReadThem) {
  Client anonymous;
  EXPECT_EQ(h_.get(anonymous, kStats).status, 401);
  EXPECT_EQ(h_.get(pat_, kStats).status, 403);
  EXPECT_EQ(h_.get(doc_.client, kStats).status, 403);
  EXPECT_EQ(h_.get(pat_, std::string(kStats) + ".csv").status, 403);
  EXPECT_EQ(h_.get(doc_.client, std::string(kStats) + ".csv").status, 403);
  auto invite =
      h_.post(doc_.client, "/api/v1/practitioner/assistants", {{"email", "aide@example.fr"}});
  ASSERT_EQ(invite.status, 201) << invite.body;
  Client assistant;
  ASSERT_EQ(h_.post(assistant, "/api/v1/auth/signup/assistant",
                    {{"token", h_.link_token("aide@example.fr", "/inscription/assistant")},
                     {"password", Harness::kPassword},
                     {"phone", "0611223344"},
                     {"first_name", "Inès"},
                     {"last_name", "Roux"}})
                .status,
            201);
  h_.login(assistant, "aide@example.fr");
  EXPECT_EQ(h_.get(assistant, kStats).status, 403);

  auto ok = h_.get(op_, kStats);
  ASSERT_EQ(ok.status, 200) << ok.body;
  // By default the last 30 days, by day, to today in Paris (the harness's Sunday).
  EXPECT_EQ(ok.body["to"], "2026-11-22");
  EXPECT_EQ(ok.body["from"], "2026-10-24");
  EXPECT_EQ(ok.body["series"].size(), 30U);
  EXPECT_EQ(ok.body["threshold"], 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'operator.stats.read'"), 1);
}

TEST_P(OperatorStats, BadInputIsA400NamingTheField) {
  const auto field = [&](const std::string& query) {
    auto r = h_.get(op_, std::string(kStats) + "?" + query);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    return r.body["error"].value("field", "");
  };
  EXPECT_EQ(field("from=2026-02-30&to=2026-03-01"), "from");
  EXPECT_EQ(field("from=2026-03-01&to=demain"), "to");
  EXPECT_EQ(field("from=2026-03-02&to=2026-03-01"), "from");
  EXPECT_EQ(field("from=2026-03-01&to=2026-03-02&by=year"), "by");
  EXPECT_EQ(field("from=2024-01-01&to=2026-03-01&by=day"), "to");
  EXPECT_EQ(field("from=2020-01-01&to=2026-03-01&by=month"), "to");
  EXPECT_EQ(field("partner=nobody"), "partner");
  EXPECT_EQ(h_.get(op_, std::string(kStats) + ".csv?by=hour").status, 400);
  // Nothing read, nothing audited.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'operator.stats.read'"), 0);
}

TEST_P(OperatorStats, SeriesCountWhatHappenedAndHideSmallCounts) {
  // Sunday: Monday's nine video slots and six of Tuesday's booked; five of Tuesday's cancelled.
  std::vector<std::string> monday_ids;
  for (int i = 0; i < 9; ++i)
    monday_ids.push_back(booked_at(kMonday, 20 * i, "mon-" + std::to_string(i)));
  std::vector<std::string> tuesday_ids;
  for (int i = 0; i < 6; ++i)
    tuesday_ids.push_back(booked_at("2026-11-24", 20 * i, "tue-" + std::to_string(i)));
  for (int i = 1; i < 6; ++i) {
    auto c = h_.post(pat_, "/api/v1/appointments/" + tuesday_ids[i] + "/cancel");
    ASSERT_EQ(c.status, 200) << c.body;
  }
  drain();
  // Monday: the first five held and closed, each call reported by both browsers (two relayed),
  // one switched to the phone.
  for (int i = 0; i < 5; ++i) {
    at(utc(kMonday, 14, 20 * i + 5));
    relogin();
    const auto& id = monday_ids[i];
    const auto report = "/api/v1/consultations/" + id + "/call-report";
    EXPECT_EQ(h_.post(pat_, report, {{"setup_ms", 1000 * (i + 1)}, {"relayed", i < 2}}).status,
              204);
    EXPECT_EQ(h_.post(doc_.client, report, {{"setup_ms", 500}, {"relayed", false}}).status, 204);
    if (i == 0) {
      EXPECT_EQ(
          h_.post(doc_.client, "/api/v1/consultations/" + id + "/phone", {{"cause", "network"}})
              .status,
          200);
    }
    auto closed = h_.post(doc_.client, "/api/v1/consultations/" + id + "/close", close_form());
    ASSERT_EQ(closed.status, 200) << closed.body;
    drain();
  }
  // A stranger reports nothing; a report needs its fields.
  auto stranger = h_.patient("autre@example.fr", "Paul");
  EXPECT_EQ(h_.post(stranger, "/api/v1/consultations/" + monday_ids[0] + "/call-report",
                    {{"setup_ms", 100}, {"relayed", false}})
                .status,
            404);
  EXPECT_EQ(h_.post(pat_, "/api/v1/consultations/" + monday_ids[0] + "/call-report",
                    {{"setup_ms", -1}, {"relayed", false}})
                .body["error"]["field"],
            "setup_ms");
  // Tuesday evening: the other four of Monday and the one left of Tuesday were missed.
  at("2026-11-24T17:00:00");
  run_jobs();
  drain();

  // Wednesday morning: five patients join the immediate queue at 10:00 and are taken one by one.
  at("2026-11-25T08:59:00");
  relogin();
  ASSERT_EQ(h_.put(doc_.client, "/api/v1/practitioner/duty", {{"on", true}}).status, 200);
  at("2026-11-25T09:00:00");
  std::vector<Client> queued;
  for (int i = 0; i < 5; ++i) {
    queued.push_back(h_.patient("file" + std::to_string(i) + "@example.fr", "Jade"));
    const auto profile = h_.get(queued.back(), "/api/v1/me").body["profiles"][0]["id"];
    auto joined = h_.post(queued.back(), "/api/v1/queues/general_medicine/entries",
                          {{"profile_id", profile},
                           {"reason", "Fièvre"},
                           {"commune_code", "75056"},
                           {"emergency_answers",
                            {{"chest_pain", false},
                             {"breathing", false},
                             {"intense_pain", false},
                             {"fainting", false},
                             {"stroke", false}}},
                           {"card_token", "tok_visa"}});
    ASSERT_EQ(joined.status, 201) << joined.body;
  }
  // Taken after 1, 22, 43, 64 and 85 minutes (an immediate consultation lasts 20).
  for (int i = 0; i < 5; ++i) {
    at(utc("2026-11-25", 10, 1 + 21 * i));
    h_.login(doc_.client, "doc1@example.fr");
    auto taken = h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object());
    ASSERT_EQ(taken.status, 200) << i << " " << taken.body;
  }
  h_.login(op_, "operateur@cabinet.test");

  auto r = h_.get(op_, std::string(kStats) + "?from=2026-11-23&to=2026-11-25&by=day");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto& s = r.body["series"];
  ASSERT_EQ(s.size(), 3U);
  const auto& mon = s[0];
  EXPECT_EQ(mon["period"], "2026-11-23");
  EXPECT_EQ(mon["bookings"], 9);
  EXPECT_EQ(mon["held"], 5);
  EXPECT_TRUE(mon["no_shows"].is_null());  // 4: fewer than 5
  EXPECT_EQ(mon["cancelled"], 0);
  EXPECT_TRUE(mon["phone_fallbacks"].is_null());  // 1
  EXPECT_DOUBLE_EQ(mon["relayed_share"].get<double>(), 0.4);
  EXPECT_EQ(mon["calls_reported"], 5);
  EXPECT_EQ(mon["call_setup_p50_ms"], 500);  // 500 ×5, 1000…5000: the fifth of ten
  EXPECT_EQ(mon["call_setup_p90_ms"], 4000);
  EXPECT_EQ(mon["documents"]["report"], 5);
  const auto suppressed = mon["suppressed"];
  EXPECT_NE(std::find(suppressed.begin(), suppressed.end(), "no_shows"), suppressed.end());
  EXPECT_NE(std::find(suppressed.begin(), suppressed.end(), "phone_fallbacks"), suppressed.end());
  EXPECT_TRUE(mon["queue_wait_p50_s"].is_null());

  const auto& tue = s[1];
  EXPECT_EQ(tue["bookings"], 6);
  EXPECT_EQ(tue["cancelled"], 5);
  EXPECT_TRUE(tue["no_shows"].is_null());
  EXPECT_EQ(tue["held"], 0);
  EXPECT_TRUE(tue["relayed_share"].is_null());  // no call measured: null, not suppressed
  EXPECT_EQ(tue["suppressed"], nlohmann::json({"no_shows"}));

  const auto& wed = s[2];
  EXPECT_EQ(wed["bookings"], 5);  // the queue's appointments
  EXPECT_EQ(wed["queue_joined"], 5);
  EXPECT_EQ(wed["queue_taken"], 5);
  EXPECT_EQ(wed["queue_wait_p50_s"], 43 * 60);
  EXPECT_EQ(wed["queue_wait_p90_s"], 85 * 60);

  const auto& totals = r.body["totals"];
  EXPECT_EQ(totals["bookings"], 20);
  EXPECT_EQ(totals["no_shows"], 5);
  EXPECT_EQ(totals["cancelled"], 5);
  ASSERT_EQ(r.body["by_specialty"].size(), 1U);
  EXPECT_EQ(r.body["by_specialty"][0]["specialty"], "general_medicine");
  EXPECT_EQ(r.body["by_specialty"][0]["bookings"], 20);

  // The same by week: one ISO week, Monday 23 to Sunday 29, clipped to the range.
  auto week = h_.get(op_, std::string(kStats) + "?from=2026-11-23&to=2026-11-25&by=week");
  ASSERT_EQ(week.status, 200) << week.body;
  ASSERT_EQ(week.body["series"].size(), 1U);
  EXPECT_EQ(week.body["series"][0]["period"], "2026-W48");
  EXPECT_EQ(week.body["series"][0]["no_shows"], 5);
  EXPECT_EQ(week.body["series"][0]["end"], "2026-11-25");

  // The CSV for French Excel: BOM, semicolons, "<5" for the hidden cells.
  auto csv = h_.get(op_, std::string(kStats) + ".csv?from=2026-11-23&to=2026-11-25&by=day");
  ASSERT_EQ(csv.status, 200) << csv.raw;
  EXPECT_EQ(csv.headers.get("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_TRUE(
      csv.raw.starts_with("\xEF\xBB\xBF"
                          "Période;Début;Fin;Rendez-vous;"));
  EXPECT_NE(csv.raw.find("\r\n2026-11-23;2026-11-23;2026-11-23;9;5;<5;0;;;0,400;<5;"),
            std::string::npos)
      << csv.raw;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'operator.stats.read'"), 3);

  // A partner's statistics: Tuesday's bookings were made on its front.
  add_partner("urgence");
  add_partner("autre");
  for (const auto& id : tuesday_ids)
    exec(
        "UPDATE appointments SET partner_id = (SELECT id FROM partners WHERE public_id = "
        "'urgence') WHERE public_id = '" +
        id + "'");
  auto admin = partner_admin("urgence@cabinet.test", "urgence");
  const std::string range = "from=2026-11-23&to=2026-11-25&by=week";
  auto own = h_.get(admin, std::string(kStats) + "?" + range);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.body["partner"], "urgence");
  EXPECT_EQ(own.body["series"][0]["bookings"], 6);
  EXPECT_EQ(own.body["series"][0]["cancelled"], 5);
  EXPECT_EQ(h_.get(admin, std::string(kStats) + "?" + range + "&partner=urgence").status, 200);
  EXPECT_EQ(h_.get(admin, std::string(kStats) + "?" + range + "&partner=autre").status, 403);
  EXPECT_EQ(h_.get(admin, std::string(kStats) + ".csv?" + range + "&partner=autre").status, 403);
  EXPECT_EQ(h_.get(admin, std::string(kStats) + "?" + range + "&partner=inconnu").status, 403);
  auto filtered = h_.get(op_, std::string(kStats) + "?" + range + "&partner=urgence");
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  EXPECT_EQ(filtered.body["series"][0]["bookings"], 6);
  auto other = h_.get(op_, std::string(kStats) + "?" + range + "&partner=autre");
  EXPECT_EQ(other.body["series"][0]["bookings"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'operator.stats.read'"
                  " AND object = 'urgence' AND actor_role = 'partner_admin'"),
            2);
}

TEST_P(OperatorStats, PeriodsAreParisDaysWeeksAndMonths) {
  // Five bookings moved to 23:30 UTC on 30 November: 00:30 on 1 December in Paris.
  for (int i = 0; i < 5; ++i) {
    const auto id = booked_at(kMonday, 20 * i, "edge-" + std::to_string(i));
    exec("UPDATE appointments SET start_at = " + std::to_string(1796081400 + 60 * i) +
         ", end_at = " + std::to_string(1796081400 + 60 * i + 1200) + " WHERE public_id = '" + id +
         "'");
  }
  auto months = h_.get(op_, std::string(kStats) + "?from=2026-11-01&to=2026-12-31&by=month");
  ASSERT_EQ(months.status, 200) << months.body;
  ASSERT_EQ(months.body["series"].size(), 2U);
  EXPECT_EQ(months.body["series"][0]["period"], "2026-11");
  EXPECT_EQ(months.body["series"][0]["bookings"], 0);
  EXPECT_EQ(months.body["series"][1]["period"], "2026-12");
  EXPECT_EQ(months.body["series"][1]["bookings"], 5);
  auto days = h_.get(op_, std::string(kStats) + "?from=2026-11-30&to=2026-12-01&by=day");
  ASSERT_EQ(days.status, 200) << days.body;
  EXPECT_EQ(days.body["series"][0]["bookings"], 0);
  EXPECT_EQ(days.body["series"][1]["bookings"], 5);
  // The range ends with its last Paris day: 30 November alone sees none of them.
  auto november = h_.get(op_, std::string(kStats) + "?from=2026-11-01&to=2026-11-30&by=month");
  EXPECT_EQ(november.body["totals"]["bookings"], 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, OperatorStats, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
