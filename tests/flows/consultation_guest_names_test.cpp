// The guests' names sealed at rest (issue 17, F6; docs/consultation.md "Guests"): the name the
// inviter typed and the one the guest typed are not in the table's bytes, yet everyone who saw
// them still does (the list of invitations, the guest's view of the room, the compte-rendu's
// participants, the access log, the RGPD export); rows older than V017 are sealed at start-up.
#include "booking_fixture.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::test {
namespace {

class GuestNames : public BookingFlows {
 protected:
  // Every cell of consultation_invitations, text and bytes alike, end to end.
  std::string stored_bytes() {
    auto rows = h_.app().block_on(h_.db().query("SELECT * FROM consultation_invitations"));
    EXPECT_TRUE(rows.ok());
    std::string out;
    for (std::size_t i = 0; rows && i < rows->size(); ++i) {
      const auto r = rows->row(i);
      for (std::size_t c = 0; c < r.size(); ++c) {
        if (const auto* s = std::get_if<std::string>(&r.at(c))) out += *s;
        if (const auto* b = std::get_if<storage::Blob>(&r.at(c))) out += b->bytes;
        out += '\n';
      }
    }
    return out;
  }

  std::int64_t appointment_row(const std::string& id) {
    return count("SELECT id FROM appointments WHERE public_id = '" + id + "'");
  }

  nlohmann::json invitations(const std::string& id) {
    auto r = h_.get(pat_, "/api/v1/consultations/" + id + "/invitations");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body["invitations"];
  }

  // What the guest's browser sees of the room (its name is its participant's in the call).
  std::string guest_seen_name(Client& guest, const std::string& id) {
    auto r = h_.get(guest, "/api/v1/consultations/" + id);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body["guest"].value("name", "");
  }

  std::vector<std::string> participants(const std::string& id) {
    auto s = h_.app().block_on(h_.app().consultation().call_summary(appointment_row(id)));
    EXPECT_TRUE(s.ok());
    std::vector<std::string> out;
    for (const auto& g : s ? s->guests : std::vector<consultation::CallSummary::Guest>{})
      out.push_back(g.name + " (" + g.kind + ")");
    return out;
  }

  bool access_log_says(const std::string& words) {
    for (const auto& e : h_.get(pat_, "/api/v1/me/access-log").body)
      if (e.value("sentence", "").find(words) != std::string::npos) return true;
    return false;
  }

  // The admission goes over the WebSocket (tests/integration/consultation_guests_test.cpp):
  // here it is written as the room writes it.
  void admit_all() {
    auto r = h_.app().block_on(
        h_.db().query("UPDATE consultation_invitations SET admitted_at = created_at"));
    ASSERT_TRUE(r.ok());
  }
};

TEST_P(GuestNames, NamesAreNotInTheTableYetEveryoneWhoSawThemStillDoes) {
  const auto id = booked(monday("14:00"), "names");
  auto invited = h_.post(pat_, "/api/v1/consultations/" + id + "/invitations",
                         {{"kind", "interpreter"}, {"name", "Marie Dupont"}});
  ASSERT_EQ(invited.status, 201) << invited.body;
  EXPECT_EQ(invited.body["invitation"]["name"], "Marie Dupont");
  Client guest;
  guest.ip = "198.51.100.7";
  const std::string token = invited.body["invitation"]["token"];
  auto claimed =
      h_.post(guest, "/api/v1/invitations/" + token + "/claim", {{"name", "Marie Dupont-Lefèvre"}});
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  admit_all();

  const auto stored = stored_bytes();
  EXPECT_EQ(stored.find("Marie"), std::string::npos);
  EXPECT_EQ(stored.find("Dupont"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_invitations WHERE hint IS NULL AND"
                  " guest_name IS NULL AND sealed_hint IS NOT NULL AND"
                  " sealed_guest_name IS NOT NULL"),
            1);

  const auto list = invitations(id);
  ASSERT_EQ(list.size(), 1U);
  EXPECT_EQ(list[0]["name"], "Marie Dupont");
  EXPECT_EQ(list[0]["guest_name"], "Marie Dupont-Lefèvre");
  EXPECT_EQ(guest_seen_name(guest, id), "Marie Dupont-Lefèvre");
  EXPECT_EQ(participants(id), std::vector<std::string>{"Marie Dupont-Lefèvre (interpreter)"});
  EXPECT_TRUE(access_log_says("L'invité Marie Dupont-Lefèvre (interprète)"));
  auto exported = h_.get(pat_, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200);
  const auto& guests = exported.body["appointments"][0]["consultation"]["guests"];
  ASSERT_EQ(guests.size(), 1U) << guests;
  EXPECT_EQ(guests[0]["hint"], "Marie Dupont");
  EXPECT_EQ(guests[0]["guest_name"], "Marie Dupont-Lefèvre");
  EXPECT_FALSE(guests[0].contains("token_hash"));
}

TEST_P(GuestNames, ClearNamesOfOlderRowsAreSealedAtStartUp) {
  const auto id = booked(monday("14:00"), "legacy");
  // A row as V011 wrote it: both names clear, claimed with the cookie "legacy-cookie".
  const std::string token_hash = crypto::sha256_hex("legacy-link");
  storage::Params params{std::string("Jean Ancien"),          token_hash,
                         h_.clock().unix_seconds(),           std::string("Jeanne Ancienne"),
                         crypto::sha256_hex("legacy-cookie"), id};
  auto inserted = h_.app().block_on(h_.db().query(
      "INSERT INTO consultation_invitations (appointment_id, kind, hint, token_hash, created_by,"
      " created_at, expires_at, claimed_at, admitted_at, guest_name, credential_hash)"
      " SELECT id, 'guest', $1, $2, patient_account_id, $3, end_at + 7200, $3, $3, $4, $5"
      " FROM appointments WHERE public_id = $6",
      std::move(params)));
  ASSERT_TRUE(inserted.ok()) << inserted.error().detail;
  Client guest;
  guest.cookies["cabinet_guest"] = "legacy-cookie";
  // Until the step runs, the clear names are still read.
  EXPECT_EQ(invitations(id)[0]["guest_name"], "Jeanne Ancienne");

  auto& service = h_.app().consultation();
  auto sealed = h_.app().block_on(service.seal_guest_names());
  ASSERT_TRUE(sealed.ok()) << sealed.error().detail;
  EXPECT_EQ(*sealed, 1U);
  auto again = h_.app().block_on(service.seal_guest_names());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0U);  // idempotent

  auto rows = h_.app().block_on(
      h_.db().query("SELECT hint, guest_name, sealed_hint, sealed_guest_name, token_hash"
                    " FROM consultation_invitations"));
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 1U);
  const auto r = rows->row(0);
  EXPECT_TRUE(r.is_null(0));
  EXPECT_TRUE(r.is_null(1));
  const auto& keys = h_.app().keys();
  auto hint = keys.open(r.bytes(2), consultation::invitation_context(token_hash, "hint"));
  auto name = keys.open(r.bytes(3), consultation::invitation_context(token_hash, "guest_name"));
  ASSERT_TRUE(hint.ok());
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*hint, "Jean Ancien");
  EXPECT_EQ(*name, "Jeanne Ancienne");
  // Bound to their row and column: the hint does not open as the guest's name.
  EXPECT_FALSE(keys.open(r.bytes(2), consultation::invitation_context(token_hash, "guest_name")));
  EXPECT_EQ(stored_bytes().find("Ancien"), std::string::npos);

  const auto list = invitations(id);
  EXPECT_EQ(list[0]["name"], "Jean Ancien");
  EXPECT_EQ(list[0]["guest_name"], "Jeanne Ancienne");
  EXPECT_EQ(guest_seen_name(guest, id), "Jeanne Ancienne");
  EXPECT_EQ(participants(id), std::vector<std::string>{"Jeanne Ancienne (guest)"});
}

INSTANTIATE_TEST_SUITE_P(Engines, GuestNames, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
