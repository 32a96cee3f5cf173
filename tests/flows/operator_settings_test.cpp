// Platform settings without a restart through the handlers, on both engines (issue 19 item 2,
// docs/operator.md "Settings"): the operator's routes refused to everyone else, a partner's
// administrator included; a PATCH checked like cabinet.toml and applied whole or not at all;
// its history and audit entry; the new fee and file size in force at once on this node, and on
// a second node sharing the database after its refresh.
#include "app/app.hpp"
#include "consultation/service.hpp"
#include "health_fixture.hpp"
#include "queue/service.hpp"
#include "settings/service.hpp"

namespace cabinet::test {
namespace {

class OperatorSettings : public HealthFlows {
 protected:
  static constexpr const char* kSettings = "/api/v1/operator/settings";

  Reply patch(Client& c, const nlohmann::json& body) {
    return h_.call(c, http::Method::patch, kSettings, body);
  }

  nlohmann::json gp_queue() {
    auto r = h_.get(anyone_, "/api/v1/queues");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body["items"].empty() ? nlohmann::json() : r.body["items"][0];
  }

  // 2 KiB of plain text: accepted by the default rules (5 MiB), too big for 1 KiB.
  Reply upload_2k() { return upload(pat_, holder_, std::string(2048, 'a'), "notes.txt"); }
};

TEST_P(OperatorSettings, EveryRouteIsTheOperatorsOnlyNotAPartnersAdministrator) {
  storage::Params partner{std::string("pt_urgence"), h_.clock().unix_seconds()};
  ASSERT_TRUE(h_.app()
                  .block_on(h_.db().query(
                      "INSERT INTO partners (public_id, name, kind, created_at, updated_at)"
                      " VALUES ($1, 'Urgence Docteurs', 'brand', $2, $2)",
                      std::move(partner)))
                  .ok());
  auto admin = h_.operator_("partenaire@urgence-docteurs.fr");
  ASSERT_TRUE(h_.app()
                  .block_on(h_.db().query(
                      "UPDATE accounts SET partner_id = (SELECT id FROM partners WHERE public_id"
                      " = 'pt_urgence') WHERE email = 'partenaire@urgence-docteurs.fr'"))
                  .ok());

  const std::vector<std::pair<http::Method, std::string>> routes{
      {http::Method::get, kSettings},
      {http::Method::patch, kSettings},
      {http::Method::get, std::string(kSettings) + "/history"},
      {http::Method::get, std::string(kSettings) + "/tariffs"},
  };
  const nlohmann::json body{{"queue.fee_cents", 0}};
  for (const auto& [method, path] : routes) {
    Client stranger;
    EXPECT_EQ(h_.call(stranger, method, path, body).status, 401) << path;
    EXPECT_EQ(h_.call(pat_, method, path, body).status, 403) << path;
    EXPECT_EQ(h_.call(doc_.client, method, path, body).status, 403) << path;
    EXPECT_EQ(h_.call(admin, method, path, body).status, 403) << path;
    EXPECT_EQ(h_.call(op_, method, path, method == http::Method::patch ? body : nullptr).status,
              200)
        << path;
  }
  // Only the operator's own PATCH went through.
  EXPECT_EQ(h_.get(op_, kSettings).body["settings"]["queue.fee_cents"], "0");
  EXPECT_EQ(gp_queue()["fee_cents"], 0);
}

TEST_P(OperatorSettings, APatchIsCheckedLikeTheConfigurationAndAppliedWholeOrNotAtAll) {
  auto before = h_.get(op_, kSettings);
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.body["settings"]["queue.fee_cents"], "500");
  EXPECT_EQ(before.body["settings"]["health.file_max_size"], "5MiB");
  EXPECT_EQ(before.body["settings"]["queue.hours"], "07:00-24:00");
  EXPECT_EQ(before.body["settings"]["limits.login_per_ip"].get<std::string>().find('/') !=
                std::string::npos,
            true);
  EXPECT_FALSE(before.body["settings"].contains("database.url"));  // bootstrap only

  struct Case {
    nlohmann::json body;
    std::string field;
  };
  const std::vector<Case> refused{
      // A good fee with a file size past the 20 MiB ceiling: neither is applied.
      {{{"queue.fee_cents", 700}, {"health.file_max_size", "30MiB"}}, "health.file_max_size"},
      {{{"queue.fee_cents", 700}, {"queue.fee_cents.typo", 1}}, "queue.fee_cents.typo"},
      {{{"database.url", "sqlite:/tmp/x.db"}}, "database.url"},  // not a live setting
      {{{"queue.fee_cents", 9000}}, "queue.fee_cents"},          // 0 to 5000
      {{{"queue.fee_cents", "cinq euros"}}, "queue.fee_cents"},
      {{{"queue.hours", "20:00-08:00"}}, "queue.hours"},
      {{{"queue.specialties", "general_medicine,astrologie"}}, "queue.specialties"},
      {{{"security.password_min_length", 8}}, "security.password_min_length"},
      {{{"security.strong_factor_roles", "patient"}}, "security.strong_factor_roles"},
      {{{"limits.login_per_ip", "lots"}}, "limits.login_per_ip"},
      {{{"booking.reminder_link", "2h"}}, "booking.reminder_link"},
      {{{"health.file_types", ""}}, "health.file_types"},
      {{{"queue.fee_cents", nlohmann::json::array({1})}}, "queue.fee_cents"},
  };
  for (const auto& c : refused) {
    auto r = patch(op_, c.body);
    EXPECT_EQ(r.status, 400) << c.body << " " << r.body;
    EXPECT_EQ(r.code(), "invalid_request") << c.body;
    EXPECT_EQ(r.body["error"].value("field", ""), c.field) << c.body << " " << r.body;
    EXPECT_FALSE(r.message().empty());
  }
  EXPECT_EQ(patch(op_, nlohmann::json::object()).status, 400);
  EXPECT_EQ(patch(op_, nlohmann::json::array({1, 2})).status, 400);

  // Nothing moved: the values, the queue's fee, the history, the audit.
  auto after = h_.get(op_, kSettings);
  EXPECT_EQ(after.body["settings"], before.body["settings"]);
  EXPECT_EQ(after.body["version"], before.body["version"]);
  EXPECT_EQ(gp_queue()["fee_cents"], 500);
  EXPECT_EQ(h_.get(op_, std::string(kSettings) + "/history").body["items"].size(), 0U);
  EXPECT_EQ(audits("settings.change"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM settings"), 0);
}

TEST_P(OperatorSettings, AChangeAppliesAtOnceWithItsHistoryAndAuditAndResetsToTheDefault) {
  EXPECT_EQ(upload_2k().status, 201);

  auto r = patch(op_, {{"queue.fee_cents", 700}, {"health.file_max_size", "1 KiB"}});
  ASSERT_EQ(r.status, 400) << r.body;  // "1 KiB" is not how sizes are written
  EXPECT_EQ(r.body["error"]["field"], "health.file_max_size");
  r = patch(op_, {{"queue.fee_cents", 700}, {"health.file_max_size", "1KiB"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body["settings"]["queue.fee_cents"], "700");
  EXPECT_EQ(r.body["settings"]["health.file_max_size"], "1KiB");
  for (const auto& k : r.body["keys"]) {
    if (k["key"] != "queue.fee_cents") continue;
    EXPECT_EQ(k["default"], "500");
    EXPECT_EQ(k["changed"], true);
    EXPECT_EQ(k["group"], "queue");
  }

  // At once: the queue's public information and its quote, the upload limit.
  EXPECT_EQ(gp_queue()["fee_cents"], 700);
  auto big = upload_2k();
  EXPECT_EQ(big.status, 413) << big.body;
  EXPECT_EQ(big.code(), "payload_too_large");

  // Who, when, what before and after; and the operator's log.
  h_.clock().advance(std::chrono::minutes(3));
  r = patch(op_, {{"queue.fee_cents", 900}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto history = h_.get(op_, std::string(kSettings) + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  const auto& items = history.body["items"];
  ASSERT_EQ(items.size(), 3U) << history.body;
  EXPECT_EQ(items[0]["key"], "queue.fee_cents");  // newest first
  EXPECT_EQ(items[0]["old_value"], "700");
  EXPECT_EQ(items[0]["new_value"], "900");
  EXPECT_EQ(items[0]["by"], "operateur@cabinet.test");
  EXPECT_TRUE(items[0]["at"].get<std::string>().starts_with("2026-11-2")) << items[0];
  EXPECT_GT(items[0]["version"].get<int>(), items[1]["version"].get<int>());
  bool fee_from_default = false;
  for (const auto& i : items)
    if (i["key"] == "queue.fee_cents" && i["old_default"] == true && i["old_value"] == "500" &&
        i["new_value"] == "700")
      fee_from_default = true;
  EXPECT_TRUE(fee_from_default) << history.body;
  EXPECT_EQ(audits("settings.change"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'settings.change' AND object ="
                  " 'health.file_max_size,queue.fee_cents'"),
            1);

  // The same value again changes nothing; null puts the default of cabinet.toml back.
  r = patch(op_, {{"queue.fee_cents", "900"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(audits("settings.change"), 2);
  r = patch(op_, {{"health.file_max_size", nullptr}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body["settings"]["health.file_max_size"], "5MiB");
  EXPECT_EQ(upload_2k().status, 201);
  history = h_.get(op_, std::string(kSettings) + "/history");
  EXPECT_EQ(history.body["items"][0]["new_default"], true);
  EXPECT_EQ(history.body["items"][0]["new_value"], "5MiB");
}

TEST_P(OperatorSettings, TheSignInPolicyAndTheTariffsFollowTheConsole) {
  auto r = patch(op_, {{"security.password_min_length", 20}});
  ASSERT_EQ(r.status, 200) << r.body;
  Client newcomer;
  auto signup = h_.post(newcomer, "/api/v1/auth/signup",
                        {{"email", "nouveau@example.fr"},
                         {"password", Harness::kPassword},  // 18 characters
                         {"phone", "06 12 34 56 78"},
                         {"first_name", "Noé"},
                         {"last_name", "Petit"},
                         {"birth_date", "1990-04-02"}});
  EXPECT_EQ(signup.status, 400) << signup.body;
  EXPECT_EQ(signup.body["error"]["field"], "password");
  EXPECT_NE(signup.message().find("20"), std::string::npos) << signup.body;

  auto tariffs = h_.get(op_, std::string(kSettings) + "/tariffs");
  ASSERT_EQ(tariffs.status, 200) << tariffs.body;
  ASSERT_EQ(tariffs.body["files"].size(), 1U);
  EXPECT_EQ(tariffs.body["files"][0]["file"], "data/reimbursement.json");
  bool g_2024 = false;
  for (const auto& f : tariffs.body["files"][0]["figures"]) {
    EXPECT_FALSE(f.value("source", "").empty());
    if (f.value("cents", 0) == 3000 && f["valid_from"] == "2024-12-22") g_2024 = true;
  }
  EXPECT_TRUE(g_2024) << tariffs.body;
}

TEST_P(OperatorSettings, ASecondNodeOnTheSameDatabaseTakesTheChangeAtItsNextRefresh) {
  SeededRandom random(7);
  app::App second(h_.app().config(), h_.clock(), random);
  ASSERT_TRUE(second.open_database().ok());
  second.wire();
  auto fee_there = [&] {
    auto list = second.block_on(second.queue().queues(Locale::fr));
    EXPECT_TRUE(list.ok());
    return list.ok() ? (*list)["items"][0]["fee_cents"].get<int>() : -1;
  };
  EXPECT_EQ(fee_there(), 500);
  // Nothing changed: the refresh is one look at the version.
  EXPECT_FALSE(*second.block_on(second.settings().refresh()));

  ASSERT_EQ(patch(op_, {{"queue.fee_cents", 300}, {"booking.room_opens", "15m"}}).status, 200);
  EXPECT_EQ(gp_queue()["fee_cents"], 300);  // here, at once
  EXPECT_EQ(fee_there(), 500);              // there, until its refresh
  auto refreshed = second.block_on(second.settings().refresh());
  ASSERT_TRUE(refreshed.ok());
  EXPECT_TRUE(*refreshed);
  EXPECT_EQ(fee_there(), 300);
  EXPECT_EQ(second.consultation().options()->room_opens, std::chrono::minutes(15));
  EXPECT_EQ(second.settings().current().at("queue.fee_cents"), "300");
  EXPECT_EQ(second.settings().version(), h_.app().settings().version());

  // A node that starts later reads the operator's values before its first request.
  SeededRandom random3(8);
  app::App third(h_.app().config(), h_.clock(), random3);
  ASSERT_TRUE(third.open_database().ok());
  EXPECT_EQ(third.queue().options()->fee_cents, 300);
}

INSTANTIATE_TEST_SUITE_P(Engines, OperatorSettings, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
