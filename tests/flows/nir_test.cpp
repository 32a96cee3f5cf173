// ACC6, issue 12: a NIR saved on a profile is that person's — sex, year and month of birth agree
// with the profile — or, for a minor child, the account holder's own number (an ayant droit).
// The pure rules are unit-tested in src/accounts/nir_test.cpp; here, through the routes.
#include "harness.hpp"

namespace cabinet::test {
namespace {

class NirFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override {
    zoe_ = h_.patient("zoe@example.fr");  // born 1990-04-02 (the harness's sign-up)
    holder_ = h_.get(zoe_, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
    hugo_ = relative("Hugo", "2019-04-02", "male", "child");
  }
  std::string relative(const std::string& first, const std::string& born, const std::string& sex,
                       const std::string& relationship) {
    auto r = h_.post(zoe_, "/api/v1/me/profiles",
                     {{"first_name", first},
                      {"last_name", "Martin"},
                      {"birth_date", born},
                      {"sex", sex},
                      {"relationship", relationship}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.body.value("id", "");
  }
  Reply set_nir(const std::string& profile, const std::string& nir) {
    return h_.put(zoe_, "/api/v1/me/profiles/" + profile + "/administrative", {{"nir", nir}});
  }
  Reply patch(const std::string& profile, const nlohmann::json& change) {
    return h_.call(zoe_, http::Method::patch, "/api/v1/me/profiles/" + profile, change);
  }

  Harness h_{GetParam()};
  Client zoe_;
  std::string holder_;
  std::string hugo_;
};

TEST_P(NirFlows, AWomansNumberIsRefusedOnABoysProfileWithTheReason) {
  auto refused = set_nir(hugo_, "2 58 05 75 056 123 03");
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.code(), "invalid_request");
  EXPECT_EQ(refused.body["error"]["field"], "nir");
  EXPECT_EQ(refused.message(),
            "Ce numéro de sécurité sociale correspond à une femme née en 1958 ; le profil est "
            "celui d'un garçon né en 2019. Un enfant sans numéro propre peut porter le vôtre, tel "
            "qu'il figure sur votre profil.");
  zoe_.language = "en";
  EXPECT_EQ(
      set_nir(hugo_, "258057505612303")
          .message()
          .rfind("This social security number belongs to a woman born in 1958; the profile is "
                 "that of a boy born in 2019.",
                 0),
      0U);
  zoe_.language = "fr";
  EXPECT_TRUE(
      h_.get(zoe_, "/api/v1/me/profiles/" + hugo_ + "/administrative").body["nir"].is_null());

  // His own number is accepted and stored as his.
  auto own = set_nir(hugo_, "1 19 04 75 056 123 08");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.body["nir"], "119047505612308");
  EXPECT_EQ(own.body["nir_owner"], "self");
}

TEST_P(NirFlows, AMinorChildMayCarryTheHoldersOwnNumberAndNoOtherAdults) {
  ASSERT_EQ(patch(holder_, {{"sex", "female"}}).status, 200);
  ASSERT_EQ(set_nir(holder_, "2 90 04 78 006 084 71").status, 200);
  const auto lea = relative("Léa", "2021-09-10", "female", "child");
  auto covered = set_nir(lea, "290047800608471");
  ASSERT_EQ(covered.status, 200) << covered.body;
  EXPECT_EQ(covered.body["nir_owner"], "account_holder");
  // Someone else's adult number is not hers.
  EXPECT_EQ(set_nir(lea, "285057800608441").status, 400);
  // Nor is the holder's on a spouse's profile.
  const auto max = relative("Max", "1989-01-15", "male", "spouse");
  EXPECT_EQ(set_nir(max, "290047800608471").status, 400);
  // Léa stops being a child: her profile cannot keep the holder's number.
  auto sibling = patch(lea, {{"relationship", "sibling"}});
  EXPECT_EQ(sibling.status, 400) << sibling.body;
  EXPECT_EQ(sibling.body["error"]["field"], "relationship");
}

TEST_P(NirFlows, ChangingSexOrBirthDateUnderASavedNumberIsChecked) {
  ASSERT_EQ(set_nir(hugo_, "119047505612308").status, 200);
  auto sex = patch(hugo_, {{"sex", "female"}});
  EXPECT_EQ(sex.status, 400) << sex.body;
  EXPECT_EQ(sex.body["error"]["field"], "sex");
  EXPECT_EQ(sex.message(),
            "Le numéro de sécurité sociale enregistré sur ce profil correspond à un garçon né en "
            "2019 ; le profil deviendrait celui d'une fille née en 2019. Corrigez d'abord le "
            "numéro.");
  auto born = patch(hugo_, {{"birth_date", "2019-06-02"}});
  EXPECT_EQ(born.status, 400);
  EXPECT_EQ(born.body["error"]["field"], "birth_date");
  // A fix within the month, and other fields, pass.
  EXPECT_EQ(patch(hugo_, {{"birth_date", "2019-04-20"}, {"first_name", "Hugo-Léon"}}).status, 200);
  EXPECT_EQ(h_.get(zoe_, "/api/v1/me").body["profiles"][1]["sex"], "male");

  // The holder's own profile too.
  ASSERT_EQ(set_nir(holder_, "1 90 04 78 006 084 24").status, 200);
  EXPECT_EQ(patch(holder_, {{"birth_date", "1991-04-02"}}).status, 400);
  EXPECT_EQ(patch(holder_, {{"sex", "female"}}).status, 400);
}

TEST_P(NirFlows, AnUnknownMonthInTheCivilRegisterIsNotCompared) {
  const auto mother = relative("Anne", "1958-05-20", "female", "parent");
  auto r = set_nir(mother, "2 58 99 75 056 001 77");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(patch(mother, {{"birth_date", "1958-11-30"}}).status, 200);
  EXPECT_EQ(patch(mother, {{"birth_date", "1959-11-30"}}).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Engines, NirFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
