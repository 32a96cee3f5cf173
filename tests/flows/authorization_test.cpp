#include <set>

#include "harness.hpp"

namespace cabinet::test {
namespace {

using http::Method;

// `inviter`: the patient or the practitioner (a consultation's guests, ROOM8), not assistants.
enum class Who { anyone, signed_in, patient, staff, practitioner, operator_, inviter };

// Every route and who may call it. A route missing here fails the test: classifying it is part
// of adding it (SEC3).
const std::map<std::pair<Method, std::string>, Who>& expected() {
  static const std::map<std::pair<Method, std::string>, Who> table{
      {{Method::get, "/healthz"}, Who::anyone},
      {{Method::get, "/readyz"}, Who::anyone},
      {{Method::get, "/metrics"}, Who::anyone},
      {{Method::get, "/api/v1/openapi.json"}, Who::anyone},
      {{Method::get, "/api/v1/version"}, Who::anyone},
      {{Method::get, "/api/v1/ws"}, Who::anyone},
      {{Method::post, "/api/v1/reports/csp"}, Who::anyone},
      {{Method::get, "/api/v1/specialties"}, Who::anyone},
      {{Method::get, "/api/v1/places"}, Who::anyone},
      // Reference lists of the closing form (docs/reference-data.md).
      {{Method::get, "/api/v1/drugs"}, Who::practitioner},
      {{Method::get, "/api/v1/pharmacies"}, Who::signed_in},
      {{Method::get, "/api/v1/practitioners"}, Who::anyone},
      {{Method::get, "/api/v1/practitioners/{id}"}, Who::anyone},
      {{Method::get, "/api/v1/practitioners/{id}/slots"}, Who::anyone},
      {{Method::get, "/api/v1/practitioners/{id}/photo"}, Who::anyone},
      {{Method::get, "/api/v1/practitioner/profile"}, Who::practitioner},
      {{Method::put, "/api/v1/practitioner/profile"}, Who::practitioner},
      {{Method::put, "/api/v1/practitioner/photo"}, Who::practitioner},
      {{Method::del, "/api/v1/practitioner/photo"}, Who::practitioner},
      {{Method::get, "/api/v1/practitioner/motifs"}, Who::staff},
      {{Method::get, "/api/v1/ice-servers"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}"}, Who::signed_in},
      // The consultation record: any session reaches the service, which answers not_found to
      // non-participants and forbidden to participants who may not see clinical data.
      {{Method::post, "/api/v1/consultations/{id}/files"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/files"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/files/{file}"}, Who::signed_in},
      {{Method::post, "/api/v1/consultations/{id}/phone"}, Who::signed_in},
      {{Method::post, "/api/v1/consultations/{id}/call-report"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/panel"}, Who::signed_in},
      {{Method::put, "/api/v1/consultations/{id}/notes"}, Who::signed_in},
      // Documents (docs/documents.md): the service answers not_found to whoever is not the
      // consultation's practitioner (or, for the lists and PDFs, its patient).
      {{Method::get, "/api/v1/consultations/{id}/draft"}, Who::signed_in},
      {{Method::put, "/api/v1/consultations/{id}/draft"}, Who::signed_in},
      {{Method::post, "/api/v1/consultations/{id}/close"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/documents"}, Who::signed_in},
      {{Method::post, "/api/v1/consultations/{id}/documents"}, Who::signed_in},
      {{Method::get, "/api/v1/documents/{id}/pdf"}, Who::signed_in},
      {{Method::get, "/api/v1/certificates"}, Who::practitioner},
      {{Method::get, "/api/v1/me/documents"}, Who::patient},
      {{Method::post, "/api/v1/documents/{id}/pharmacy"}, Who::patient},
      // The health space (docs/health-space.md): another account's profile or document is not
      // found; the consultation's routes answer not_found to all but its practitioner.
      {{Method::post, "/api/v1/me/documents"}, Who::patient},
      {{Method::get, "/api/v1/me/documents/{id}/file"}, Who::patient},
      {{Method::patch, "/api/v1/me/documents/{id}"}, Who::patient},
      {{Method::del, "/api/v1/me/documents/{id}"}, Who::patient},
      {{Method::get, "/api/v1/me/appointments/{id}/documents"}, Who::patient},
      {{Method::put, "/api/v1/me/appointments/{id}/documents"}, Who::patient},
      {{Method::get, "/api/v1/profiles/{id}/medical"}, Who::patient},
      {{Method::put, "/api/v1/profiles/{id}/medical"}, Who::patient},
      {{Method::get, "/api/v1/consultations/{id}/patient-documents"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/patient-documents/{doc}"}, Who::signed_in},
      {{Method::get, "/api/v1/consultations/{id}/medical"}, Who::signed_in},
      {{Method::post, "/api/v1/consultations/{id}/medical/items"}, Who::signed_in},
      // The pharmacist from the QR: the key is the credential.
      {{Method::get, "/api/v1/prescriptions/{number}"}, Who::anyone},
      {{Method::post, "/api/v1/prescriptions/{number}/dispense"}, Who::anyone},
      {{Method::post, "/api/v1/prescriptions/{number}/status"}, Who::anyone},
      // Messaging (docs/messaging.md): routes naming a conversation take any session; the
      // service answers not_found to whoever is not its patient or its practitioner
      // (tests/flows/messaging_access_test.cpp: other patient, other practitioner, assistant).
      {{Method::get, "/api/v1/messaging/practitioners"}, Who::patient},
      {{Method::get, "/api/v1/me/messaging"}, Who::practitioner},
      {{Method::put, "/api/v1/me/messaging"}, Who::practitioner},
      {{Method::get, "/api/v1/conversations"}, Who::signed_in},
      {{Method::post, "/api/v1/conversations"}, Who::patient},
      {{Method::get, "/api/v1/conversations/{id}"}, Who::signed_in},
      {{Method::post, "/api/v1/conversations/{id}/messages"}, Who::signed_in},
      {{Method::post, "/api/v1/conversations/{id}/close"}, Who::signed_in},
      {{Method::post, "/api/v1/conversations/{id}/files"}, Who::signed_in},
      {{Method::get, "/api/v1/conversations/{id}/files/{file}"}, Who::signed_in},
      // White-label partners and insurers' codes (docs/operator.md "Partners"): a partner
      // administrator also reaches its own partner's reads and codes (partners_test.cpp).
      {{Method::get, "/api/v1/brand"}, Who::anyone},
      {{Method::get, "/api/v1/brand/pages/{page}"}, Who::anyone},
      {{Method::get, "/api/v1/partners/{id}/logo"}, Who::anyone},
      {{Method::get, "/api/v1/operator/partners"}, Who::operator_},
      {{Method::post, "/api/v1/operator/partners"}, Who::operator_},
      {{Method::get, "/api/v1/operator/partners/{id}"}, Who::operator_},
      {{Method::patch, "/api/v1/operator/partners/{id}"}, Who::operator_},
      {{Method::put, "/api/v1/operator/partners/{id}/logo"}, Who::operator_},
      {{Method::get, "/api/v1/operator/partners/{id}/admins"}, Who::operator_},
      {{Method::post, "/api/v1/operator/partners/{id}/admins"}, Who::operator_},
      {{Method::get, "/api/v1/operator/partners/{id}/codes"}, Who::operator_},
      {{Method::post, "/api/v1/operator/partners/{id}/codes"}, Who::operator_},
      {{Method::post, "/api/v1/me/insurer-codes"}, Who::patient},
      {{Method::get, "/api/v1/me/insurer-codes"}, Who::patient},
      // The immediate queue (docs/queue.md).
      {{Method::get, "/api/v1/queues"}, Who::anyone},
      {{Method::post, "/api/v1/queues/{specialty}/quote"}, Who::patient},
      {{Method::post, "/api/v1/queues/{specialty}/entries"}, Who::patient},
      {{Method::get, "/api/v1/queue-entries"}, Who::patient},
      {{Method::get, "/api/v1/queue-entries/{id}"}, Who::patient},
      {{Method::del, "/api/v1/queue-entries/{id}"}, Who::patient},
      {{Method::get, "/api/v1/practitioner/queue"}, Who::practitioner},
      {{Method::put, "/api/v1/practitioner/duty"}, Who::practitioner},
      {{Method::post, "/api/v1/practitioner/queue/take"}, Who::practitioner},
      {{Method::get, "/api/v1/practitioner/consultations"}, Who::staff},
      {{Method::post, "/api/v1/consultations/{id}/invitations"}, Who::inviter},
      {{Method::get, "/api/v1/consultations/{id}/invitations"}, Who::inviter},
      {{Method::del, "/api/v1/consultations/{id}/invitations/{invitation}"}, Who::inviter},
      {{Method::get, "/api/v1/invitations/{token}"}, Who::anyone},
      {{Method::post, "/api/v1/invitations/{token}/claim"}, Who::anyone},
      {{Method::post, "/api/v1/practitioner/motifs"}, Who::practitioner},
      {{Method::put, "/api/v1/practitioner/motifs/{id}"}, Who::practitioner},
      {{Method::del, "/api/v1/practitioner/motifs/{id}"}, Who::practitioner},
      {{Method::get, "/api/v1/practitioner/agenda"}, Who::staff},
      {{Method::get, "/api/v1/practitioner/agenda/hours"}, Who::staff},
      {{Method::put, "/api/v1/practitioner/agenda/hours"}, Who::staff},
      {{Method::get, "/api/v1/practitioner/agenda/exceptions"}, Who::staff},
      {{Method::post, "/api/v1/practitioner/agenda/exceptions"}, Who::staff},
      {{Method::del, "/api/v1/practitioner/agenda/exceptions/{id}"}, Who::staff},
      {{Method::post, "/api/v1/practitioner/agenda/delay"}, Who::staff},
      {{Method::get, "/api/v1/payments/config"}, Who::anyone},
      {{Method::post, "/api/v1/appointments"}, Who::patient},
      {{Method::get, "/api/v1/appointments"}, Who::patient},
      {{Method::get, "/api/v1/appointments/{id}"}, Who::patient},
      {{Method::post, "/api/v1/appointments/{id}/confirm"}, Who::patient},
      {{Method::post, "/api/v1/appointments/{id}/cancel"}, Who::patient},
      {{Method::get, "/api/v1/appointments/{id}/calendar.ics"}, Who::patient},
      {{Method::post, "/api/v1/reimbursement/estimate"}, Who::patient},
      {{Method::get, "/api/v1/cancel-links/{token}"}, Who::anyone},
      {{Method::post, "/api/v1/cancel-links/{token}"}, Who::anyone},
      {{Method::get, "/api/v1/cancel-links/{token}/calendar.ics"}, Who::anyone},
      {{Method::post, "/api/v1/practitioner/appointments"}, Who::staff},
      {{Method::post, "/api/v1/practitioner/appointments/{id}/cancel"}, Who::staff},
      {{Method::post, "/api/v1/practitioner/appointments/{id}/close"}, Who::staff},
      {{Method::get, "/api/v1/dev/mailbox"}, Who::anyone},
      {{Method::get, "/api/v1/dev/mailbox/{id}"}, Who::anyone},
      {{Method::post, "/api/v1/auth/signup"}, Who::anyone},
      {{Method::post, "/api/v1/auth/signup/practitioner"}, Who::anyone},
      {{Method::post, "/api/v1/auth/signup/assistant"}, Who::anyone},
      {{Method::post, "/api/v1/auth/email/confirm"}, Who::anyone},
      {{Method::post, "/api/v1/auth/email/resend"}, Who::anyone},
      {{Method::post, "/api/v1/auth/login"}, Who::anyone},
      {{Method::post, "/api/v1/auth/login/verify"}, Who::anyone},
      {{Method::post, "/api/v1/auth/login/resend"}, Who::anyone},
      {{Method::post, "/api/v1/auth/password/forgot"}, Who::anyone},
      {{Method::post, "/api/v1/auth/password/reset"}, Who::anyone},
      {{Method::post, "/api/v1/auth/logout"}, Who::signed_in},
      {{Method::get, "/api/v1/me"}, Who::signed_in},
      {{Method::patch, "/api/v1/me"}, Who::signed_in},
      {{Method::del, "/api/v1/me"}, Who::signed_in},
      {{Method::post, "/api/v1/me/password"}, Who::signed_in},
      {{Method::get, "/api/v1/me/sessions"}, Who::signed_in},
      {{Method::del, "/api/v1/me/sessions/{id}"}, Who::signed_in},
      {{Method::get, "/api/v1/me/export"}, Who::signed_in},
      {{Method::get, "/api/v1/me/export.zip"}, Who::signed_in},
      {{Method::post, "/api/v1/me/totp"}, Who::staff},
      {{Method::post, "/api/v1/me/totp/confirm"}, Who::staff},
      {{Method::del, "/api/v1/me/totp"}, Who::staff},
      // Passkeys (docs/accounts.md, "Passkeys"): every role; another account's id is a 404.
      {{Method::post, "/api/v1/me/passkeys/options"}, Who::signed_in},
      {{Method::post, "/api/v1/me/passkeys"}, Who::signed_in},
      {{Method::get, "/api/v1/me/passkeys"}, Who::signed_in},
      {{Method::patch, "/api/v1/me/passkeys/{id}"}, Who::signed_in},
      {{Method::del, "/api/v1/me/passkeys/{id}"}, Who::signed_in},
      {{Method::post, "/api/v1/auth/passkey/options"}, Who::anyone},
      {{Method::post, "/api/v1/auth/passkey"}, Who::anyone},
      {{Method::post, "/api/v1/me/current-profile"}, Who::patient},
      {{Method::post, "/api/v1/me/profiles"}, Who::patient},
      {{Method::patch, "/api/v1/me/profiles/{id}"}, Who::patient},
      {{Method::del, "/api/v1/me/profiles/{id}"}, Who::patient},
      {{Method::get, "/api/v1/me/profiles/{id}/administrative"}, Who::patient},
      {{Method::put, "/api/v1/me/profiles/{id}/administrative"}, Who::patient},
      {{Method::get, "/api/v1/me/access-log"}, Who::patient},
      {{Method::get, "/api/v1/practitioner/assistants"}, Who::practitioner},
      {{Method::post, "/api/v1/practitioner/assistants"}, Who::practitioner},
      {{Method::del, "/api/v1/practitioner/assistants/{id}"}, Who::practitioner},
      {{Method::get, "/api/v1/operator/practitioners"}, Who::operator_},
      {{Method::post, "/api/v1/operator/practitioners/{id}/verify"}, Who::operator_},
      {{Method::post, "/api/v1/operator/practitioners/{id}/reject"}, Who::operator_},
      // The operator's account tools and the teleconsultation share (docs/operator.md).
      {{Method::get, "/api/v1/operator/accounts"}, Who::operator_},
      {{Method::post, "/api/v1/operator/accounts/{id}/suspend"}, Who::operator_},
      {{Method::post, "/api/v1/operator/accounts/{id}/reactivate"}, Who::operator_},
      {{Method::get, "/api/v1/operator/rpps-extract"}, Who::operator_},
      {{Method::post, "/api/v1/operator/rpps-extract"}, Who::operator_},
      {{Method::get, "/api/v1/operator/log"}, Who::operator_},
      {{Method::get, "/api/v1/practitioner/teleconsultation-share"}, Who::practitioner},
      {{Method::put, "/api/v1/practitioner/teleconsultation-share/{year}"}, Who::practitioner},
      // Statistics (docs/operator.md "Statistics"): a partner administrator too, kept to its
      // partner by the service (tests/flows/operator_stats_test.cpp).
      {{Method::get, "/api/v1/operator/stats"}, Who::operator_},
      {{Method::get, "/api/v1/operator/stats.csv"}, Who::operator_},
      // Platform settings (docs/operator.md "Settings").
      {{Method::get, "/api/v1/operator/settings"}, Who::operator_},
      {{Method::patch, "/api/v1/operator/settings"}, Who::operator_},
      {{Method::get, "/api/v1/operator/settings/history"}, Who::operator_},
      {{Method::get, "/api/v1/operator/settings/tariffs"}, Who::operator_},
  };
  return table;
}

bool allows(Who who, Role role) {
  switch (who) {
    case Who::anyone:
    case Who::signed_in:
      return true;
    case Who::patient:
      return role == Role::patient;
    case Who::staff:
      return role == Role::practitioner || role == Role::assistant;
    case Who::practitioner:
      return role == Role::practitioner;
    case Who::operator_:
      return role == Role::operator_;
    case Who::inviter:
      return role == Role::patient || role == Role::practitioner;
  }
  return false;
}

std::string concrete(std::string pattern) {
  for (auto at = pattern.find("{id}"); at != std::string::npos; at = pattern.find("{id}")) {
    pattern.replace(at, 4, "zzzzzzzzzzzzzzzz");
  }
  return pattern;
}

class Authorization : public testing::TestWithParam<storage::Engine> {
 protected:
  Harness h_{GetParam()};
};

TEST_P(Authorization, EveryRouteIsClassifiedAndEnforcedForEveryRole) {
  std::map<Role, Client> actors;
  actors[Role::patient] = h_.patient("patient@example.fr");
  actors[Role::practitioner] = h_.practitioner("dr@example.fr", rpps_number(7), true);
  actors[Role::operator_] = h_.operator_("op@cabinet.test");
  auto invite = h_.post(actors[Role::practitioner], "/api/v1/practitioner/assistants",
                        {{"email", "aide@example.fr"}});
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
  actors[Role::assistant] = assistant;

  std::set<std::pair<Method, std::string>> seen;
  for (const auto* route : h_.app().router().routes()) {
    const auto key = std::make_pair(route->method, route->pattern);
    seen.insert(key);
    auto it = expected().find(key);
    ASSERT_NE(it, expected().end()) << to_string(route->method) << " " << route->pattern
                                    << " is not in the authorization matrix";
    if (route->pattern == "/api/v1/auth/logout") continue;  // checked below without ending sessions
    const auto path = concrete(route->pattern);
    Client anonymous;
    auto anon = h_.call(anonymous, route->method, path, nlohmann::json::object());
    if (it->second == Who::anyone) {
      EXPECT_NE(anon.status, 401) << path;
    } else {
      EXPECT_EQ(anon.status, 401) << to_string(route->method) << " " << path
                                  << " answered anonymously";
    }
    if (it->second == Who::anyone) continue;
    for (auto& [role, client] : actors) {
      auto r = h_.call(client, route->method, path, nlohmann::json::object());
      if (allows(it->second, role)) {
        EXPECT_NE(r.status, 401) << to_string(role) << " " << path;
        EXPECT_NE(r.status, 403) << to_string(role) << " " << to_string(route->method) << " "
                                 << path << r.body;
      } else {
        EXPECT_EQ(r.status, 403) << to_string(role) << " reached " << to_string(route->method)
                                 << " " << path;
      }
    }
  }
  EXPECT_EQ(seen.size(), expected().size()) << "the matrix lists a route the server no longer has";
  for (auto& [role, client] : actors) EXPECT_EQ(h_.post(client, "/api/v1/auth/logout").status, 204);
}

// A consultation guest's cookie is no session (ROOM8): only these routes ask about it, so every
// other one answers a guest 401 as to anyone signed out (tests/integration/
// consultation_guests_test.cpp checks it over real sockets).
TEST_P(Authorization, OnlyTheGuestViewAndTheIceServersLetGuestsIn) {
  std::set<std::pair<Method, std::string>> guests;
  for (const auto* route : h_.app().router().routes()) {
    if (route->options.guests) guests.emplace(route->method, route->pattern);
  }
  const std::set<std::pair<Method, std::string>> expected_guests{
      {Method::get, "/api/v1/consultations/{id}"}, {Method::get, "/api/v1/ice-servers"}};
  EXPECT_EQ(guests, expected_guests);
}

TEST_P(Authorization, SomeoneElsesObjectsAreNotFound) {
  auto alice = h_.patient("alice@example.fr", "Alice");
  auto bob = h_.patient("bob@example.fr", "Bob");
  auto child = h_.post(alice, "/api/v1/me/profiles",
                       {{"first_name", "Léa"},
                        {"last_name", "Martin"},
                        {"birth_date", "2019-06-01"},
                        {"relationship", "child"}});
  const auto id = child.body["id"].get<std::string>();
  const auto alice_holder =
      h_.get(alice, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  const auto alice_session = h_.get(alice, "/api/v1/me/sessions").body[0]["id"].get<std::string>();

  for (const auto& target : {id, alice_holder}) {
    EXPECT_EQ(h_.get(bob, "/api/v1/me/profiles/" + target + "/administrative").status, 404);
    EXPECT_EQ(h_.call(bob, Method::put, "/api/v1/me/profiles/" + target + "/administrative",
                      {{"nir", nullptr}})
                  .status,
              404);
    EXPECT_EQ(
        h_.call(bob, Method::patch, "/api/v1/me/profiles/" + target, {{"first_name", "Pirate"}})
            .status,
        404);
    EXPECT_EQ(h_.call(bob, Method::del, "/api/v1/me/profiles/" + target).status, 404);
    EXPECT_EQ(h_.post(bob, "/api/v1/me/current-profile", {{"profile_id", target}}).status, 404);
  }
  // The health space: Alice's profiles' medical data and documents.
  for (const auto& target : {id, alice_holder}) {
    EXPECT_EQ(h_.get(bob, "/api/v1/profiles/" + target + "/medical").status, 404);
    EXPECT_EQ(
        h_.put(bob, "/api/v1/profiles/" + target + "/medical", nlohmann::json::object()).status,
        404);
    EXPECT_EQ(h_.get(bob, "/api/v1/me/documents?profile=" + target).status, 404);
  }
  EXPECT_EQ(h_.call(bob, Method::del, "/api/v1/me/sessions/" + alice_session).status, 404);
  EXPECT_EQ(h_.get(alice, "/api/v1/me").status, 200);  // Alice's session survived
  EXPECT_EQ(h_.get(alice, "/api/v1/me").body["profiles"][1]["first_name"], "Léa");
  EXPECT_EQ(h_.get(bob, "/api/v1/me/access-log").body.size(), 0U);  // nothing of Alice's leaks

  auto drA = h_.practitioner("a@dr.fr", rpps_number(21), true);
  auto drB = h_.practitioner("b@dr.fr", rpps_number(22), true);
  auto invited = h_.post(drA, "/api/v1/practitioner/assistants", {{"email", "aide@example.fr"}});
  EXPECT_EQ(h_.call(drB, Method::del,
                    "/api/v1/practitioner/assistants/" + invited.body["id"].get<std::string>())
                .status,
            404);
  EXPECT_EQ(h_.get(drB, "/api/v1/practitioner/assistants").body.size(), 0U);

  // Directory objects: another practitioner's motif or agenda exception is not found either.
  auto motif =
      h_.post(drA, "/api/v1/practitioner/motifs",
              {{"label", "Suivi"}, {"duration_min", 15}, {"mode", "video"}, {"price_cents", 2500}});
  ASSERT_EQ(motif.status, 201) << motif.body;
  const auto motif_path = "/api/v1/practitioner/motifs/" + motif.body["id"].get<std::string>();
  EXPECT_EQ(
      h_.call(drB, Method::put, motif_path,
              {{"label", "Pirate"}, {"duration_min", 15}, {"mode", "video"}, {"price_cents", 0}})
          .status,
      404);
  EXPECT_EQ(h_.call(drB, Method::del, motif_path).status, 404);
  auto block =
      h_.post(drA, "/api/v1/practitioner/agenda/exceptions",
              {{"kind", "block"}, {"start", "2026-12-01T09:00"}, {"end", "2026-12-01T10:00"}});
  ASSERT_EQ(block.status, 201) << block.body;
  EXPECT_EQ(h_.call(drB, Method::del,
                    "/api/v1/practitioner/agenda/exceptions/" + block.body["id"].get<std::string>())
                .status,
            404);
  EXPECT_EQ(h_.get(drB, "/api/v1/practitioner/agenda/exceptions").body["items"].size(), 0U);
  EXPECT_EQ(h_.get(drA, "/api/v1/practitioner/motifs").body["items"].size(), 1U);
  EXPECT_EQ(h_.get(drA, "/api/v1/practitioner/assistants").body.size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Engines, Authorization, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
