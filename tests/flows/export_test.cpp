// The RGPD export and the readable access log through the handlers (ACC7, SEC2; issue 12). The
// export of a whole consultation (chat over WebSocket, a file, a cancellation) is driven over
// real sockets in tests/integration/export_test.cpp.
#include <set>

#include "booking_fixture.hpp"
#include "privacy/coverage.hpp"
#include "privacy/store.hpp"

namespace cabinet::test {
namespace {

class ExportFlows : public BookingFlows {};

// A table with personal data that the export forgets is a breach of the right of access: every
// table of the migrated schema, read from the database itself, must be classified — exported,
// or not personal with a reason. A migration that adds a table fails here until it is.
TEST_P(ExportFlows, EveryTableIsCoveredByTheExportOrSaidNotPersonal) {
  auto tables = h_.app().block_on(privacy::store::tables(h_.db(), h_.engine()));
  ASSERT_TRUE(tables.ok());
  ASSERT_GE(tables->size(), 20U);
  std::set<std::string> classified;
  for (const auto& use : privacy::table_coverage()) {
    EXPECT_FALSE(use.reason.empty()) << use.table;
    EXPECT_TRUE(classified.insert(std::string(use.table)).second) << "twice: " << use.table;
  }
  std::set<std::string> in_schema(tables->begin(), tables->end());
  for (const auto& t : in_schema) {
    EXPECT_TRUE(classified.contains(t))
        << "table " << t
        << " is neither in the RGPD export nor listed as not personal: decide in "
           "src/privacy/coverage.cpp (and docs/accounts.md \"Export\")";
  }
  for (const auto& t : classified) {
    EXPECT_TRUE(in_schema.contains(t)) << "coverage.cpp names a table that does not exist: " << t;
  }
}

TEST_P(ExportFlows, TheExportHoldsTheAppointmentsPaymentsAndMessagesSent) {
  const auto id = booked(monday("14:00"), "export");
  auto exported = h_.get(pat_, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  const auto& doc = exported.body;
  EXPECT_EQ(doc["format"], "cabinet-export-1");
  ASSERT_EQ(doc["appointments"].size(), 1U);
  const auto& a = doc["appointments"][0];
  EXPECT_EQ(a["id"], id);
  EXPECT_EQ(a["profile"], child_);
  EXPECT_EQ(a["status"], "confirmed");
  EXPECT_EQ(a["practitioner"]["last_name"], "Martin");
  EXPECT_EQ(a["payment"]["card_brand"], "visa");
  EXPECT_GE(a["payment"]["holds"].size(), 1U);
  EXPECT_GE(a["reminders"].size(), 1U);
  EXPECT_EQ(a["consultation"]["messages"], nlohmann::json::array());
  EXPECT_EQ(a["consultation"]["practitioner_notes"]["exist"], false);
  // The confirmation email went to the patient.
  bool confirmation = false;
  for (const auto& n : doc["notifications"]) {
    confirmation =
        confirmation || (n["channel"] == "email" && n["recipient"] == "parent@example.fr");
  }
  EXPECT_TRUE(confirmation) << doc["notifications"];
  EXPECT_GE(doc["login_attempts"].size(), 1U);
  EXPECT_GE(doc["sessions"].size(), 1U);
  EXPECT_FALSE(doc["account"].contains("password_hash"));
  // Both profiles' logs show the export.
  auto log = h_.get(pat_, "/api/v1/me/access-log");
  std::set<std::string> exported_profiles;
  for (const auto& e : log.body) {
    if (e["action"] == "account.export") exported_profiles.insert(e["profile"]["id"]);
  }
  EXPECT_EQ(exported_profiles.size(), 2U);
}

TEST_P(ExportFlows, TheAccessLogSaysWhoDidWhatWhenAndFromWhere) {
  ASSERT_EQ(h_.put(pat_, "/api/v1/me/profiles/" + child_ + "/administrative",
                   {{"nir", "119047505612308"}})
                .status,
            200);
  const auto id = booked(monday("14:00"), "log");
  doc_.client.ip = "203.0.113.77";
  ASSERT_EQ(h_.get(doc_.client, "/api/v1/consultations/" + id + "/panel").status, 200);

  auto log = h_.get(pat_, "/api/v1/me/access-log");
  ASSERT_EQ(log.status, 200) << log.body;
  ASSERT_GE(log.body.size(), 4U);
  const auto& panel = log.body[0];  // newest first
  EXPECT_EQ(panel["action"], "consultation.panel.read");
  EXPECT_EQ(panel["actor"]["kind"], "practitioner");
  EXPECT_EQ(panel["actor"]["name"], "Dr Claire Martin");
  EXPECT_EQ(panel["sentence"],
            "Dr Claire Martin a consulté le dossier de Tom pendant la consultation de Tom du 23 "
            "novembre.");
  EXPECT_EQ(panel["day"], "2026-11-22");
  EXPECT_EQ(panel["consultation"]["id"], id);
  EXPECT_TRUE(panel["known_action"].get<bool>());
  bool own_write = false;
  for (const auto& e : log.body) {
    if (e["action"] != "profile.administrative.write") continue;
    own_write = true;
    EXPECT_EQ(e["actor"]["kind"], "self");
    EXPECT_EQ(e["sentence"], "Vous avez modifié les données administratives de Tom.");
    EXPECT_EQ(e["from"]["ip"], "192.0.2.10");  // the patient sees their own address
  }
  EXPECT_TRUE(own_write);

  pat_.language = "en";
  auto en = h_.get(pat_, "/api/v1/me/access-log");
  EXPECT_EQ(en.body[0]["sentence"],
            "Dr Claire Martin looked at Tom's record during Tom's consultation of 23 November.");
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
