#include "partners/rules.hpp"

#include <gtest/gtest.h>

#include <set>

namespace cabinet::partners {
namespace {

TEST(PartnerRules, ColoursAreSixHexDigitsStoredInLowerCase) {
  EXPECT_EQ(color("#1D4ED8"), "#1d4ed8");
  EXPECT_FALSE(color("1d4ed8"));
  EXPECT_FALSE(color("#1d4ed"));
  EXPECT_FALSE(color("#1d4ed8;"));
  EXPECT_FALSE(color("red"));
  EXPECT_FALSE(color("#gggggg"));
}

TEST(PartnerRules, HostNamesAreDnsNamesWithoutPortNorAddress) {
  EXPECT_EQ(host_name("Partner.LocalHost"), "partner.localhost");
  EXPECT_EQ(host_name("soins.mutuelle-exemple.fr"), "soins.mutuelle-exemple.fr");
  EXPECT_FALSE(host_name("localhost"));
  EXPECT_FALSE(host_name("partner.localhost:8080"));
  EXPECT_FALSE(host_name("127.0.0.1"));
  EXPECT_FALSE(host_name("*.example.fr"));
  EXPECT_FALSE(host_name("https://example.fr"));
  EXPECT_FALSE(host_name("-bad.example.fr"));
  EXPECT_FALSE(host_name("bad..example.fr"));
  EXPECT_FALSE(host_name(""));
}

TEST(PartnerRules, TheHostHeaderLosesItsPort) {
  EXPECT_EQ(host_of_header("Partner.Localhost:5173"), "partner.localhost");
  EXPECT_EQ(host_of_header("example.fr."), "example.fr");
  EXPECT_EQ(host_of_header("[::1]:80"), "");
}

TEST(PartnerRules, CodesAreReadableGroupedAndNormalisedBack) {
  SeededRandom random(7);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto code = new_code(random);
    ASSERT_EQ(code.size(), 14U);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    EXPECT_EQ(code.find_first_of("01OI"), std::string::npos) << code;
    EXPECT_TRUE(seen.insert(code).second);
    std::string typed = code;
    for (auto& c : typed) c = static_cast<char>(std::tolower(c));
    EXPECT_EQ(normalize_code(typed), normalize_code(code));
    EXPECT_EQ(normalize_code(code).size(), 12U);
  }
  EXPECT_EQ(normalize_code("ABCD EFGH JKLM"), "ABCDEFGHJKLM");
  EXPECT_EQ(normalize_code("ABCD-EFGH-JKL0"), "");  // 0 is never in a code
  EXPECT_EQ(normalize_code("ABCD-EFGH"), "");
}

TEST(PartnerRules, QuotasCountByCalendarYearInParis) {
  EXPECT_EQ(year_of(1'795'338'000), 2026);
  // 31 December 2026 at 23:30 UTC is 00:30 on 1 January 2027 in Paris.
  EXPECT_EQ(year_of(1'798'759'800), 2027);
  EXPECT_EQ(year_of(1'798'757'999), 2026);  // 23:59:59 in Paris
  const auto [from, to] = year_bounds(2026);
  EXPECT_EQ(from, 1'767'222'000);  // 2026-01-01 00:00 in Paris (UTC+1)
  EXPECT_EQ(to, 1'798'758'000);
}

}  // namespace
}  // namespace cabinet::partners
