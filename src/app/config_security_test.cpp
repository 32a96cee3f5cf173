#include <gtest/gtest.h>

#include "app/config.hpp"

namespace cabinet::app {
namespace {

const char* no_env(const char*) { return nullptr; }

TEST(ConfigSecurity, StrongFactorRolesAreEmptyByDefault) {
  auto c = load("", {}, no_env);
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->security.strong_factor_roles.empty());
}

TEST(ConfigSecurity, StrongFactorRolesReadAListOfStaffRoles) {
  auto c =
      load("", {{"security.strong_factor_roles", " practitioner, operator ,assistant"}}, no_env);
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->security.strong_factor_roles,
            (std::vector<Role>{Role::practitioner, Role::operator_, Role::assistant}));
}

TEST(ConfigSecurity, StrongFactorRolesRefusePatientsAndUnknownRoles) {
  for (const char* bad : {"patient", "doctor", "practitioner,guest"}) {
    auto c = load("", {{"security.strong_factor_roles", bad}}, no_env);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_NE(c.error().detail.find("security.strong_factor_roles"), std::string::npos)
        << c.error().detail;
  }
}

}  // namespace
}  // namespace cabinet::app
