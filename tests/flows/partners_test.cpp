// White-label partners through the handlers, on both engines (issue 19 item 4,
// docs/operator.md "Partners"): the operator's routes and who may call them, validation, the
// brand and terms by Host, the Origin check of partners' hosts, tagging, and the audit.
#include "partner_fixture.hpp"

namespace cabinet::test {
namespace {

using http::Method;

class Partners : public PartnerFlows {};

TEST_P(Partners, OperatorRoutesAreRefusedToOtherRolesAndToAnotherPartnersAdmin) {
  const auto brand = partner("Urgence Docteurs", "brand", {"partner.test"});
  const auto insurer = partner("Mutuelle Exemple", "insurer", {"mutuelle.test"});

  for (auto* who : {&pat_, &doc_.client}) {
    EXPECT_EQ(h_.get(*who, "/api/v1/operator/partners").status, 403);
    EXPECT_EQ(h_.get(*who, "/api/v1/operator/partners/" + brand).status, 403);
    EXPECT_EQ(h_.post(*who, "/api/v1/operator/partners", {{"name", "X"}, {"kind", "brand"}}).status,
              403);
    EXPECT_EQ(h_.post(*who, "/api/v1/operator/partners/" + insurer + "/codes").status, 403);
  }
  Client nobody;
  EXPECT_EQ(h_.get(nobody, "/api/v1/operator/partners").status, 401);

  auto admin = partner_admin(brand, "admin@urgence-docteurs.example");
  const auto me = h_.get(admin, "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  // Its own partner only.
  auto list = h_.get(admin, "/api/v1/operator/partners");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.body.size(), 1U);
  EXPECT_EQ(list.body[0]["name"], "Urgence Docteurs");
  EXPECT_EQ(h_.get(admin, "/api/v1/operator/partners/" + brand).status, 200);
  EXPECT_EQ(h_.get(admin, "/api/v1/operator/partners/" + insurer).status, 403);
  EXPECT_EQ(h_.post(admin, "/api/v1/operator/partners/" + insurer + "/codes").status, 403);
  EXPECT_EQ(h_.get(admin, "/api/v1/operator/partners/" + insurer + "/codes").status, 403);
  // Changing the partner, its hosts or its administrators is the operator's.
  EXPECT_EQ(h_.call(admin, Method::patch, "/api/v1/operator/partners/" + brand, {{"name", "Autre"}})
                .status,
            403);
  EXPECT_EQ(h_.post(admin, "/api/v1/operator/partners", {{"name", "X"}, {"kind", "brand"}}).status,
            403);
  EXPECT_EQ(h_.get(admin, "/api/v1/operator/partners/" + brand + "/admins").status, 403);
  // Nor is it an operator for anything else.
  EXPECT_EQ(h_.get(admin, "/api/v1/operator/practitioners").status, 403);

  // The operator sees both and the administrator it invited.
  EXPECT_EQ(h_.get(op_, "/api/v1/operator/partners").body.size(), 2U);
  auto admins = h_.get(op_, "/api/v1/operator/partners/" + brand + "/admins");
  ASSERT_EQ(admins.status, 200);
  ASSERT_EQ(admins.body.size(), 1U);
  EXPECT_EQ(admins.body[0]["email"], "admin@urgence-docteurs.example");

  // Every operator action is in the audit log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'partner.create'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'partner.admin.invite'"), 1);
  auto changed = h_.call(op_, Method::patch, "/api/v1/operator/partners/" + brand,
                         {{"color_accent", "#0F766E"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.body["color_accent"], "#0f766e");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'partner.update'"), 1);
}

TEST_P(Partners, BadInputIsRefusedWithTheFieldAndNothingWritten) {
  const auto first = partner("Urgence Docteurs", "brand", {"partner.test"});
  const auto bad = [this](nlohmann::json body) {
    if (!body.contains("name")) body["name"] = "Essai";
    if (!body.contains("kind")) body["kind"] = "brand";
    return h_.post(op_, "/api/v1/operator/partners", body);
  };
  auto r = bad({{"color_primary", "red"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body["error"]["field"], "color_primary");
  r = bad({{"kind", "pharmacy"}});
  EXPECT_EQ(r.body["error"]["field"], "kind");
  for (const char* host : {"127.0.0.1", "partner.test:8080", "localhost", "*.example.fr"}) {
    r = bad({{"hosts", {host}}});
    EXPECT_EQ(r.status, 400) << host;
    EXPECT_EQ(r.body["error"]["field"], "hosts") << host;
  }
  // A host is one partner's.
  r = bad({{"hosts", {"Partner.Test"}}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.body["error"]["field"], "hosts");
  r = bad({{"quota_per_year", -1}});
  EXPECT_EQ(r.body["error"]["field"], "quota_per_year");
  r = bad({{"name", nullptr}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partner_hosts"), 1);
  // A logo goes through the upload gate: not an image, refused.
  auto logo =
      h_.upload(op_, "/api/v1/operator/partners/" + first + "/logo", "not an image", "image/png");
  EXPECT_EQ(logo.status, 415) << logo.body;
}

TEST_P(Partners, APartnersHostShowsItsBrandAndTerms) {
  const auto id = partner("Urgence Docteurs", "brand", {"partner.test"},
                          {{"legal_notice", "Urgence Docteurs SAS, 1 rue de Paris."}});
  Client browser;
  auto own = h_.get(browser, "/api/v1/brand");
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(own.body["partner"].is_null());

  auto branded = on_host(browser, Method::get, "Partner.Test:8080", "/api/v1/brand");
  ASSERT_EQ(branded.status, 200) << branded.body;
  const auto& p = branded.body["partner"];
  EXPECT_EQ(p["name"], "Urgence Docteurs");
  EXPECT_EQ(p["color_primary"], "#b91c1c");
  EXPECT_EQ(p["contact_email"], "contact@partenaire.example");
  EXPECT_TRUE(p["own_pages"]["terms"].get<bool>());
  EXPECT_TRUE(p["own_pages"]["legal"].get<bool>());
  EXPECT_FALSE(p["own_pages"]["privacy"].get<bool>());

  auto terms = on_host(browser, Method::get, "partner.test", "/api/v1/brand/pages/terms");
  ASSERT_EQ(terms.status, 200);
  EXPECT_EQ(terms.body["text"], "CGU du partenaire.");
  auto privacy = on_host(browser, Method::get, "partner.test", "/api/v1/brand/pages/privacy");
  EXPECT_TRUE(privacy.body["text"].is_null());  // the platform's own page then
  EXPECT_EQ(on_host(browser, Method::get, "partner.test", "/api/v1/brand/pages/x").status, 404);

  // Disabled: its host is the platform's again, at once on this node.
  ASSERT_EQ(h_.call(op_, Method::patch, "/api/v1/operator/partners/" + id, {{"status", "disabled"}})
                .status,
            200);
  EXPECT_TRUE(
      on_host(browser, Method::get, "partner.test", "/api/v1/brand").body["partner"].is_null());
}

TEST_P(Partners, OriginsAcceptAnActivePartnersHostAndRefuseADisabledOrUnknownOne) {
  const auto id = partner("Urgence Docteurs", "brand", {"partner.test"});
  Client browser;
  const nlohmann::json form{{"email", "nina@example.fr"}, {"password", "x"}};
  // Any unsafe route: the login of an unknown address answers 200 when the Origin is accepted.
  auto ok = on_host(browser, Method::post, "partner.test", "/api/v1/auth/login", form);
  EXPECT_NE(ok.code(), "csrf_rejected") << ok.body;
  auto unknown = on_host(browser, Method::post, "evil.test", "/api/v1/auth/login", form);
  EXPECT_EQ(unknown.code(), "csrf_rejected");
  // The partner's host on another port than the site's is another origin.
  auto port = h_.call(browser, Method::post, "/api/v1/auth/login", form,
                      {{"Host", "partner.test:8443"}, {"Origin", "http://partner.test:8443"}});
  EXPECT_EQ(port.code(), "csrf_rejected");
  ASSERT_EQ(h_.call(op_, Method::patch, "/api/v1/operator/partners/" + id, {{"status", "disabled"}})
                .status,
            200);
  auto disabled = on_host(browser, Method::post, "partner.test", "/api/v1/auth/login", form);
  EXPECT_EQ(disabled.code(), "csrf_rejected");
}

TEST_P(Partners, SignUpsBookingsAndQueueEntriesOnAPartnersHostAreTagged) {
  const auto id = partner("Urgence Docteurs", "brand", {"partner.test"});
  const auto partner_row = scalar("SELECT id FROM partners WHERE public_id = $1", id);

  Client newcomer;
  auto signup = on_host(newcomer, Method::post, "partner.test", "/api/v1/auth/signup",
                        {{"email", "nouveau@example.fr"},
                         {"password", Harness::kPassword},
                         {"phone", "06 12 34 56 78"},
                         {"first_name", "Noé"},
                         {"last_name", "Petit"},
                         {"birth_date", "1991-02-03"}});
  ASSERT_EQ(signup.status, 201) << signup.body;
  EXPECT_EQ(scalar("SELECT partner_id FROM accounts WHERE email = $1", "nouveau@example.fr"),
            partner_row);
  // On the platform's own host, no tag.
  EXPECT_EQ(scalar("SELECT partner_id FROM accounts WHERE email = $1", "parent@example.fr"), -1);

  const auto slots = monday_video_slots();
  ASSERT_GE(slots.size(), 2U);
  auto there = on_host(pat_, Method::post, "partner.test", "/api/v1/appointments",
                       {{"practitioner_id", doc_.id},
                        {"motif_id", motif_},
                        {"start", slots[0]},
                        {"profile_id", child_},
                        {"mode", "video"}},
                       {{"Idempotency-Key", "p1"}});
  ASSERT_EQ(there.status, 201) << there.body;
  EXPECT_EQ(scalar("SELECT partner_id FROM appointments WHERE public_id = $1",
                   there.body["id"].get<std::string>()),
            partner_row);
  auto here = book(pat_, slots[1], "p2");
  ASSERT_EQ(here.status, 201) << here.body;
  EXPECT_EQ(scalar("SELECT partner_id FROM appointments WHERE public_id = $1",
                   here.body["id"].get<std::string>()),
            -1);

  // The immediate queue, joined on the partner's host.
  ASSERT_EQ(h_.put(doc_.client, "/api/v1/practitioner/duty", {{"on", true}}).status, 200);
  auto joined =
      on_host(pat_, Method::post, "partner.test", "/api/v1/queues/general_medicine/entries",
              {{"profile_id", holder_},
               {"reason", "Fièvre à 39 depuis hier soir"},
               {"commune_code", "75056"},
               {"emergency_answers",
                {{"chest_pain", false},
                 {"breathing", false},
                 {"intense_pain", false},
                 {"fainting", false},
                 {"stroke", false}}},
               {"card_token", "tok_visa"}},
              {{"Idempotency-Key", "q1"}});
  ASSERT_LT(joined.status, 300) << joined.body;
  EXPECT_EQ(scalar("SELECT partner_id FROM queue_entries WHERE public_id = $1",
                   joined.body["id"].get<std::string>()),
            partner_row);
}

INSTANTIATE_TEST_SUITE_P(Engines, Partners, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
