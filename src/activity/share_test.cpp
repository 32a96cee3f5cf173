#include "activity/share.hpp"

#include <gtest/gtest.h>

namespace cabinet::activity {
namespace {

TEST(TeleconsultationShare, CountsAgainstTheCap) {
  auto s = compute({30, 10, 170, "general_medicine"});
  EXPECT_EQ(s.counted, 20);
  EXPECT_EQ(s.activity, 200);
  ASSERT_TRUE(s.share);
  EXPECT_DOUBLE_EQ(*s.share, 0.10);
  EXPECT_DOUBLE_EQ(s.cap, 0.20);
  EXPECT_EQ(s.level, "ok");
  EXPECT_EQ(compute({34, 0, 166, "general_medicine"}).level, "near");  // 17 %
  EXPECT_EQ(compute({50, 0, 150, "general_medicine"}).level, "over");  // 25 %
}

TEST(TeleconsultationShare, PsychiatristsHaveFortyPercent) {
  auto s = compute({50, 0, 150, "psychiatry"});
  EXPECT_DOUBLE_EQ(s.cap, 0.40);
  EXPECT_EQ(s.level, "ok");
  EXPECT_EQ(compute({90, 0, 110, "psychiatry"}).level, "over");
}

TEST(TeleconsultationShare, NothingDeclaredYet) {
  auto s = compute({0, 0, std::nullopt, "general_medicine"});
  EXPECT_FALSE(s.share);
  EXPECT_EQ(s.level, "ok");
  // Only teleconsultations known: every one counts, the share is 100 %.
  EXPECT_EQ(compute({3, 0, std::nullopt, "general_medicine"}).level, "over");
}

TEST(MedecinTraitant, ByRppsOrByName) {
  const nlohmann::json by_rpps{{"medecin_traitant", {{"name", "Dr X"}, {"rpps", "10000000017"}}}};
  EXPECT_TRUE(names_practitioner(by_rpps, "10000000017", "Camille", "Durand"));
  EXPECT_FALSE(names_practitioner(by_rpps, "10000000025", "Camille", "Durand"));
  const auto named = [](const char* name) {
    return nlohmann::json{{"medecin_traitant", {{"name", name}, {"rpps", nullptr}}}};
  };
  EXPECT_TRUE(names_practitioner(named("Dr Durand"), "1", "Camille", "Durand"));
  EXPECT_TRUE(names_practitioner(named("docteur CAMILLE DURAND"), "1", "Camille", "Durand"));
  EXPECT_TRUE(names_practitioner(named("Dr Hélène Le Goff"), "1", "Helene", "Le Goff"));
  EXPECT_FALSE(names_practitioner(named("Dr Paul Durand"), "1", "Camille", "Durand"));
  EXPECT_FALSE(names_practitioner(named("Dr Martin"), "1", "Camille", "Durand"));
  EXPECT_FALSE(names_practitioner(nlohmann::json::object(), "1", "Camille", "Durand"));
  EXPECT_FALSE(names_practitioner(nlohmann::json{{"medecin_traitant", nullptr}}, "1", "C", "D"));
}

}  // namespace
}  // namespace cabinet::activity
