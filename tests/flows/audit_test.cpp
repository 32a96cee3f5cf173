#include "audit/log.hpp"
#include "harness.hpp"

namespace cabinet::test {
namespace {

class AuditFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  // Sets up three audited accesses and returns the relative's id.
  std::string touch_health_data(Client& c) {
    auto child = h_.post(c, "/api/v1/me/profiles",
                         {{"first_name", "Léa"},
                          {"last_name", "Martin"},
                          {"birth_date", "2019-06-01"},
                          {"relationship", "child"}});
    const auto id = child.body["id"].get<std::string>();
    auto put = h_.call(c, http::Method::put, "/api/v1/me/profiles/" + id + "/administrative",
                       {{"nir", "2 19 06 2A 004 012 69"},
                        {"coverage", {{"css", true}}},
                        {"medecin_traitant", {{"name", "Dr Jean Dupont"}}}});
    EXPECT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(h_.get(c, "/api/v1/me/profiles/" + id + "/administrative").status, 200);
    return id;
  }
  audit::VerifyReport verify() {
    auto r = h_.app().block_on(audit::verify(h_.db()));
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : audit::VerifyReport{};
  }
  void tamper(const std::string& sql) {
    // An attacker with database access first disables the append-only guard.
    const std::string disable =
        h_.engine() == storage::Engine::sqlite
            ? "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"
            : "ALTER TABLE audit_log DISABLE TRIGGER USER;";
    auto r =
        h_.app().block_on(h_.db().transact([&](storage::Transaction& tx) -> Task<Result<void>> {
          if (auto d = co_await tx.execute_script(disable); !d) co_return d;
          co_return co_await tx.execute_script(sql);
        }));
    ASSERT_TRUE(r.ok()) << r.error().detail;
  }
  Harness h_{GetParam()};
};

TEST_P(AuditFlows, ReadsAndWritesOfHealthDataAreListedForThePatient) {
  auto c = h_.patient("zoe@example.fr");
  const auto id = touch_health_data(c);
  auto log = h_.get(c, "/api/v1/me/access-log");
  ASSERT_EQ(log.status, 200);
  ASSERT_GE(log.body.size(), 3U);
  EXPECT_EQ(log.body[0]["action"], "profile.administrative.read");  // newest first
  EXPECT_EQ(log.body[0]["actor"]["name"], "Vous");
  EXPECT_EQ(log.body[0]["profile"]["id"], id);
  EXPECT_EQ(log.body[0]["profile"]["name"], "Léa Martin");
  EXPECT_EQ(log.body[1]["action"], "profile.administrative.write");
}

TEST_P(AuditFlows, AdministrativeDataIsValidatedAndStoredSealed) {
  auto c = h_.patient("zoe@example.fr");
  const auto holder = h_.get(c, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  auto bad = h_.call(c, http::Method::put, "/api/v1/me/profiles/" + holder + "/administrative",
                     {{"nir", "185057800608490"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["error"]["field"], "nir");
  auto both = h_.call(c, http::Method::put, "/api/v1/me/profiles/" + holder + "/administrative",
                      {{"coverage", {{"css", true}, {"ame", true}}}});
  EXPECT_EQ(both.body["error"]["field"], "coverage.ame");
  auto good = h_.call(c, http::Method::put, "/api/v1/me/profiles/" + holder + "/administrative",
                      {{"nir", "1 90 04 78 006 084 24"}, {"complementary", {{"name", "MGEN"}}}});
  ASSERT_EQ(good.status, 200);
  EXPECT_EQ(good.body["nir"], "190047800608424");
  auto raw = h_.app().block_on(
      h_.db().query("SELECT administrative FROM profiles WHERE administrative IS NOT NULL"));
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->size(), 1U);
  EXPECT_EQ(raw->row(0).bytes(0).find("190047800608424"), std::string::npos);  // encrypted at rest
  EXPECT_EQ(raw->row(0).bytes(0).find("MGEN"), std::string::npos);
}

TEST_P(AuditFlows, TheChainVerifiesAndATamperedEntryIsFound) {
  auto c = h_.patient("zoe@example.fr");
  touch_health_data(c);
  const auto intact = verify();
  EXPECT_GE(intact.entries, 3);
  EXPECT_FALSE(intact.first_broken.has_value());

  // The database itself refuses changes to the log.
  EXPECT_FALSE(
      h_.app().block_on(h_.db().query("UPDATE audit_log SET action = 'x' WHERE id = 2")).ok());
  EXPECT_FALSE(h_.app().block_on(h_.db().query("DELETE FROM audit_log WHERE id = 2")).ok());

  tamper("UPDATE audit_log SET ip = '203.0.113.66' WHERE id = 2");
  const auto broken = verify();
  ASSERT_TRUE(broken.first_broken.has_value());
  EXPECT_EQ(*broken.first_broken, 2);
  EXPECT_EQ(broken.reason, "entry 2 was altered");
}

TEST_P(AuditFlows, ARemovedEntryIsFoundToo) {
  auto c = h_.patient("zoe@example.fr");
  touch_health_data(c);
  tamper("DELETE FROM audit_log WHERE id = 2");
  const auto broken = verify();
  ASSERT_TRUE(broken.first_broken.has_value());
  EXPECT_EQ(*broken.first_broken, 2);
  EXPECT_EQ(broken.reason, "entry 2 is missing");
}

TEST_P(AuditFlows, ExportHoldsEverythingAndDeletionErasesButKeepsTheLog) {
  auto c = h_.patient("zoe@example.fr");
  touch_health_data(c);
  auto exported = h_.get(c, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200);
  EXPECT_NE(std::string(*exported.headers.get("Content-Disposition")).find("attachment"),
            std::string::npos);
  EXPECT_EQ(exported.body["account"]["email"], "zoe@example.fr");
  ASSERT_EQ(exported.body["profiles"].size(), 2U);
  EXPECT_EQ(exported.body["profiles"][1]["administrative"]["nir"], "219062A00401269");
  EXPECT_GE(exported.body["access_log"].size(), 3U);

  EXPECT_EQ(h_.call(c, http::Method::del, "/api/v1/me", {{"password", "pas le bon"}}).status, 400);
  const auto entries_before = verify().entries;
  ASSERT_EQ(h_.call(c, http::Method::del, "/api/v1/me", {{"password", Harness::kPassword}}).status,
            204);
  EXPECT_EQ(h_.get(c, "/api/v1/me").status, 401);
  EXPECT_EQ(h_.last_mail_to("zoe@example.fr").subject, "Votre compte Cabinet a été supprimé");
  Client again;
  EXPECT_EQ(h_.post(again, "/api/v1/auth/login",
                    {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}})
                .code(),
            "invalid_credentials");
  auto rows = h_.app().block_on(
      h_.db().query("SELECT COUNT(*) FROM accounts WHERE email = 'zoe@example.fr'"));
  EXPECT_EQ(rows->row(0).integer(0), 0);
  auto names =
      h_.app().block_on(h_.db().query("SELECT COUNT(*) FROM profiles WHERE first_name <> ''"));
  EXPECT_EQ(names->row(0).integer(0), 0);
  const auto after = verify();
  EXPECT_FALSE(after.first_broken.has_value());
  EXPECT_GT(after.entries, entries_before);  // the deletion itself is in the log
  // The address is free again for a new account.
  h_.signup_patient(again, "zoe@example.fr");
}

INSTANTIATE_TEST_SUITE_P(Engines, AuditFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
