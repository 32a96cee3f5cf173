// The medical profile's rules (docs/health-space.md "Medical profile"): limits, dates, weight as
// typed, pregnancy, and how a PUT keeps who added an item.
#include "health/medical_rules.hpp"

#include <gtest/gtest.h>

namespace cabinet::health {
namespace {

Stamp stamp_at(std::int64_t now) {
  static int n = 0;
  return Stamp{now, "2026-11-23", [] { return "m_" + std::to_string(++n); }};
}

const Author kPatient{"patient", "Léa Durand"};
const Author kDoctor{"practitioner", "Dr Claire Martin"};

nlohmann::json allergy() {
  return {
      {"category", "allergy"}, {"label", "Pénicilline"}, {"detail", "urticaire"}, {"date", "2019"}};
}

TEST(MedicalRules, AnItemKeepsWhoAddedItAcrossPuts) {
  nlohmann::json stored = empty_medical();
  auto added = add_medical_item(allergy(), stored, kDoctor, stamp_at(100));
  ASSERT_TRUE(added);
  EXPECT_EQ((*added)["added_by"]["name"], "Dr Claire Martin");

  // The patient sends the list back with the item's id and a new one without.
  nlohmann::json body{{"items",
                       {{{"id", (*added)["id"]},
                         {"category", "allergy"},
                         {"label", "Pénicilline"},
                         {"detail", "urticaire"},
                         {"date", "2019"}},
                        {{"category", "treatment"}, {"label", "Ventoline"}}}},
                      {"height_cm", 172},
                      {"weight_kg", "68,5"}};
  auto merged = merge_medical(body, stored, kPatient, stamp_at(200));
  ASSERT_TRUE(merged) << merged.error().field;
  ASSERT_EQ((*merged)["items"].size(), 2U);
  EXPECT_EQ((*merged)["items"][0]["added_by"]["role"], "practitioner");
  EXPECT_EQ((*merged)["items"][0]["created_at"], 100);
  EXPECT_EQ((*merged)["items"][0]["updated_at"], 100);  // unchanged
  EXPECT_EQ((*merged)["items"][1]["added_by"]["name"], "Léa Durand");
  EXPECT_EQ((*merged)["weight_kg"], "68,5");
  EXPECT_EQ((*merged)["pregnant"], false);

  // Left out: gone.
  auto emptied =
      merge_medical({{"items", nlohmann::json::array()}}, *merged, kPatient, stamp_at(300));
  ASSERT_TRUE(emptied);
  EXPECT_TRUE((*emptied)["items"].empty());
}

TEST(MedicalRules, BadInputNamesTheField) {
  const auto field_of = [](const nlohmann::json& body) {
    auto r = merge_medical(body, empty_medical(), kPatient, stamp_at(1));
    return r ? std::string("ok") : r.error().field;
  };
  auto item = [](nlohmann::json change) {
    auto a = allergy();
    a.update(change);
    return nlohmann::json{{"items", {allergy(), allergy(), allergy(), a}}};
  };
  EXPECT_EQ(field_of(item({{"label", ""}})), "items[3].label");
  EXPECT_EQ(field_of(item({{"label", std::string(121, 'a')}})), "items[3].label");
  EXPECT_EQ(field_of(item({{"label", std::string(60, 'a') + std::string(60, 'b')}})), "ok");
  EXPECT_EQ(field_of(item({{"category", "astrology"}})), "items[3].category");
  EXPECT_EQ(field_of(item({{"detail", std::string(1001, 'a')}})), "items[3].detail");
  EXPECT_EQ(field_of(item({{"date", "2027"}})), "items[3].date");  // the future
  EXPECT_EQ(field_of(item({{"date", "2026-11-24"}})), "items[3].date");
  EXPECT_EQ(field_of(item({{"date", "2026-11-23"}})), "ok");
  EXPECT_EQ(field_of(item({{"date", "2023-02-29"}})), "items[3].date");
  EXPECT_EQ(field_of(item({{"date", "2024-02-29"}})), "ok");
  EXPECT_EQ(field_of(item({{"date", "2019-13"}})), "items[3].date");
  EXPECT_EQ(field_of(item({{"date", nullptr}})), "ok");
  EXPECT_EQ(field_of({{"items", nlohmann::json::array({"texte"})}}), "items[0]");
  EXPECT_EQ(field_of({{"height_cm", 19}}), "height_cm");
  EXPECT_EQ(field_of({{"height_cm", 250}}), "ok");
  EXPECT_EQ(field_of({{"weight_kg", "0,4"}}), "weight_kg");
  EXPECT_EQ(field_of({{"weight_kg", "400,5"}}), "weight_kg");
  EXPECT_EQ(field_of({{"weight_kg", "3,25"}}), "ok");
  EXPECT_EQ(field_of({{"weight_kg", 68}}), "weight_kg");
  EXPECT_EQ(field_of({{"weight_kg", "68 kg"}}), "weight_kg");
  EXPECT_EQ(field_of({{"pregnancy_weeks", 12}}), "pregnancy_weeks");
  EXPECT_EQ(field_of({{"pregnant", true}, {"pregnancy_weeks", 46}}), "pregnancy_weeks");
  EXPECT_EQ(field_of({{"pregnant", true}, {"pregnancy_weeks", 12}}), "ok");
  EXPECT_EQ(field_of(nlohmann::json::array()), "medical");
  nlohmann::json many{{"items", nlohmann::json::array()}};
  for (int i = 0; i < 201; ++i) many["items"].push_back(allergy());
  EXPECT_EQ(field_of(many), "items");
}

TEST(MedicalRules, APractitionersItemNamesItsFieldsAsSent) {
  nlohmann::json stored = empty_medical();
  auto r = add_medical_item({{"category", "allergy"}}, stored, kDoctor, stamp_at(1));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().field, "label");
  EXPECT_TRUE(stored["items"].empty());
}

}  // namespace
}  // namespace cabinet::health
