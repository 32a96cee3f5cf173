// The rules that decide what may be issued by teleconsultation (SPEC DOC4): the arrêt de
// travail's 3-day cap and its exceptions (LFSS 2024 art. 65), and the certificates that need a
// physical examination (seed 000).
#include "documents/rules.hpp"

#include <gtest/gtest.h>

#include "documents/standins.hpp"

namespace cabinet::documents {
namespace {

SickLeaveFacts leave(const std::string& from, const std::string& to) {
  SickLeaveFacts f;
  f.from = from;
  f.to = to;
  f.consultation_date = "2026-12-07";
  return f;
}

TEST(SickLeaveRule, ThreeDaysAreIssuedByAnyPractitioner) {
  auto r = check_sick_leave(leave("2026-12-07", "2026-12-09"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 3);
}

TEST(SickLeaveRule, AFourthDayIsRefusedWithTheCapInTheMessage) {
  auto r = check_sick_leave(leave("2026-12-07", "2026-12-10"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::sick_leave_cap);
  EXPECT_EQ(r.error().field, "sick_leave.to");
  EXPECT_NE(r.error().message(Locale::fr).find("3 jours"), std::string::npos);
  EXPECT_NE(r.error().message(Locale::en).find("3 days"), std::string::npos);
  EXPECT_EQ(r.error().http_status(), 422);
}

TEST(SickLeaveRule, TheMedecinTraitantIsNotCapped) {
  auto f = leave("2026-12-07", "2026-12-21");
  f.medecin_traitant = true;
  auto r = check_sick_leave(f);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 15);
}

TEST(SickLeaveRule, AProlongationIsUncappedOnlyWhenInPersonCareWasImpossible) {
  auto f = leave("2026-12-07", "2026-12-13");
  f.prolongation = true;
  EXPECT_EQ(check_sick_leave(f).error().code, ErrorCode::sick_leave_cap);
  f.in_person_impossible = true;
  EXPECT_TRUE(check_sick_leave(f).ok());
  // Impossible in-person care alone, for a first notice, does not lift the cap.
  f.prolongation = false;
  EXPECT_EQ(check_sick_leave(f).error().code, ErrorCode::sick_leave_cap);
}

TEST(SickLeaveRule, CalendarDaysAcrossMonthsYearsAndTheDstChange) {
  EXPECT_EQ(*check_sick_leave(leave("2026-12-30", "2027-01-01")), 3);
  auto march = leave("2027-03-27", "2027-03-29");  // clocks go forward on the 28th in Paris
  march.consultation_date = "2027-03-27";
  EXPECT_EQ(*check_sick_leave(march), 3);
  EXPECT_EQ(days_inclusive("2028-02-28", "2028-03-01"), 3);  // a leap year
}

TEST(SickLeaveRule, BadDatesAndBackdatingAreRefusedNamingTheField) {
  EXPECT_EQ(check_sick_leave(leave("2026-12-7", "2026-12-08")).error().field, "sick_leave.from");
  EXPECT_EQ(check_sick_leave(leave("2026-12-07", "2026-02-30")).error().field, "sick_leave.to");
  EXPECT_EQ(check_sick_leave(leave("2026-12-08", "2026-12-07")).error().field, "sick_leave.to");
  auto backdated = check_sick_leave(leave("2026-12-06", "2026-12-07"));
  ASSERT_FALSE(backdated.ok());
  EXPECT_EQ(backdated.error().field, "sick_leave.from");
  EXPECT_EQ(backdated.error().code, ErrorCode::invalid_request);
  auto f = leave("2026-12-07", "2028-12-07");
  f.medecin_traitant = true;
  EXPECT_EQ(check_sick_leave(f).error().code, ErrorCode::invalid_request);
}

TEST(CertificateCatalogue, ThoseThatNeedAnExaminationAreRefusedWithTheirReason) {
  for (const char* type : {"sport_licence", "injuries", "death", "fitness_work", "driving"}) {
    auto r = check_certificate(type);
    ASSERT_FALSE(r.ok()) << type;
    EXPECT_EQ(r.error().code, ErrorCode::requires_examination) << type;
    EXPECT_EQ(r.error().http_status(), 422);
    EXPECT_NE(r.error().message(Locale::fr).find("examen"), std::string::npos) << type;
  }
  EXPECT_NE(check_certificate("sport_licence").error().message(Locale::fr).find("clinique"),
            std::string::npos);
}

TEST(CertificateCatalogue, OthersAreIssuedAndUnknownTypesAreBadRequests) {
  for (const char* type : {"sick_child", "school_absence", "pe_exemption", "attendance"})
    EXPECT_TRUE(check_certificate(type).ok()) << type;
  EXPECT_EQ(check_certificate("miracle").error().code, ErrorCode::invalid_request);
  // Every refused type says why, in both languages.
  for (const auto& c : certificate_catalogue()) {
    EXPECT_EQ(c.requires_examination, !c.reason_fr.empty()) << c.type;
    EXPECT_EQ(c.requires_examination, !c.reason_en.empty()) << c.type;
  }
}

TEST(CareSheetAct, TheVideoActFollowsTheSpecialty) {
  EXPECT_EQ(teleconsultation_act("general_medicine"), "TCG");
  EXPECT_EQ(teleconsultation_act("psychiatry"), "TCP");
  EXPECT_EQ(teleconsultation_act("dermatology"), "TC");
}

TEST(PrescriptionNumber, TheCheckDigitCatchesATypo) {
  const std::string base = "00000001234";
  const auto number = base + luhn_digit(base);
  EXPECT_TRUE(luhn_valid(number));
  auto typo = number;
  typo[5] = typo[5] == '9' ? '8' : static_cast<char>(typo[5] + 1);
  EXPECT_FALSE(luhn_valid(typo));
  EXPECT_FALSE(luhn_valid("12a4"));
  EXPECT_EQ(luhn_digit("7992739871"), '3');  // the textbook example
}

}  // namespace
}  // namespace cabinet::documents
