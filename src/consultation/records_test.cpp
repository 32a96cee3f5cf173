// The pure part of the consultation record: the patient's age.
#include "consultation/records.hpp"

#include <gtest/gtest.h>

namespace cabinet::consultation {
namespace {

TEST(AgeOn, CountsWholeYearsAtToday) {
  EXPECT_EQ(age_on("2019-04-02", {2026, 11, 22}), 7);
  EXPECT_EQ(age_on("2019-11-22", {2026, 11, 22}), 7);  // the birthday itself
  EXPECT_EQ(age_on("2019-11-23", {2026, 11, 22}), 6);  // the day before
  EXPECT_EQ(age_on("2024-02-29", {2025, 2, 28}), 0);
  EXPECT_EQ(age_on("2024-02-29", {2025, 3, 1}), 1);
  EXPECT_EQ(age_on("2026-11-22", {2026, 11, 22}), 0);
  EXPECT_FALSE(age_on("2027-01-01", {2026, 11, 22}).has_value());
  EXPECT_FALSE(age_on("1990-13-01", {2026, 11, 22}).has_value());
}

}  // namespace
}  // namespace cabinet::consultation
