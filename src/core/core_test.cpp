#include <gtest/gtest.h>

#include <set>

#include "core/error.hpp"
#include "core/json_limits.hpp"
#include "core/locale.hpp"
#include "core/random.hpp"
#include "core/result.hpp"

namespace cabinet {
namespace {

TEST(AcceptLanguage, FrenchUnlessEnglishIsPreferred) {
  EXPECT_EQ(parse_accept_language(""), Locale::fr);
  EXPECT_EQ(parse_accept_language("en"), Locale::en);
  EXPECT_EQ(parse_accept_language("en-GB,en;q=0.9"), Locale::en);
  EXPECT_EQ(parse_accept_language("fr-FR,fr;q=0.9,en;q=0.8"), Locale::fr);
  EXPECT_EQ(parse_accept_language("de-DE,en;q=0.5,fr;q=0.7"), Locale::fr);
  EXPECT_EQ(parse_accept_language("de-DE,fr;q=0.5,en;q=0.7"), Locale::en);
  EXPECT_EQ(parse_accept_language("de, es"), Locale::fr);
  EXPECT_EQ(parse_accept_language("en;q=0, fr"), Locale::fr);
  EXPECT_EQ(parse_accept_language("EN-us"), Locale::en);
  EXPECT_EQ(parse_accept_language("english"), Locale::fr);  // not a language tag "en"
  EXPECT_EQ(parse_accept_language(";;;,,,q=="), Locale::fr);
}

TEST(Errors, EveryCodeHasAStatusANameAndBothLanguages) {
  for (int i = 0; i <= static_cast<int>(ErrorCode::idempotency_mismatch); ++i) {
    const Error e(static_cast<ErrorCode>(i));
    EXPECT_GE(e.http_status(), 400);
    EXPECT_LT(e.http_status(), 600);
    EXPECT_FALSE(e.code_name().empty());
    EXPECT_FALSE(e.message(Locale::fr).empty());
    EXPECT_NE(e.message(Locale::fr), e.message(Locale::en));
  }
  EXPECT_EQ(http_status(ErrorCode::invalid_json), 400);
  EXPECT_EQ(http_status(ErrorCode::payload_too_large), 413);
  EXPECT_EQ(http_status(ErrorCode::unavailable), 503);
}

TEST(Errors, ACustomMessageReplacesTheDefaultAndNamesTheField) {
  auto e = Error::invalid("email", "Adresse invalide.", "Invalid address.");
  EXPECT_EQ(e.code, ErrorCode::invalid_request);
  EXPECT_EQ(e.field, "email");
  EXPECT_EQ(e.message(Locale::fr), "Adresse invalide.");
  EXPECT_EQ(e.message(Locale::en), "Invalid address.");
}

TEST(ResultType, CarriesAValueOrAnError) {
  Result<int> good = 4;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 4);
  Result<int> bad = ErrorCode::not_found;
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::not_found);
  Result<void> v;
  EXPECT_TRUE(v.ok());
  Result<void> w = Error(ErrorCode::conflict, "detail");
  EXPECT_EQ(w.error().detail, "detail");
}

TEST(RandomIds, SeededRandomIsReproducibleAndBase32IsUrlSafe) {
  SeededRandom a(42);
  SeededRandom b(42);
  const auto id = random_base32(a, 16);
  EXPECT_EQ(id, random_base32(b, 16));
  EXPECT_EQ(id.size(), 26U);  // 128 bits in 5-bit characters
  EXPECT_EQ(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567"), std::string::npos);
  EXPECT_EQ(random_hex(a, 12).size(), 24U);
}

TEST(RandomIds, SecureRandomDoesNotRepeat) {
  SecureRandom r;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(random_base32(r, 12));
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(JsonDepth, RefusesDeepNestingButNotBracketsInStrings) {
  EXPECT_TRUE(json_depth_within(R"({"a":[1,{"b":[2]}]})"));
  EXPECT_FALSE(json_depth_within(std::string(100'000, '[')));
  EXPECT_TRUE(json_depth_within("\"" + std::string(1000, '[') + "\""));
  EXPECT_TRUE(json_depth_within(R"({"s":"\"[[[[["})", 2));
  EXPECT_FALSE(json_depth_within("[[[", 2));
}

}  // namespace
}  // namespace cabinet
