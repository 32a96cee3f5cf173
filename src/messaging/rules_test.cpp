#include "messaging/rules.hpp"

#include <gtest/gtest.h>

namespace cabinet::messaging {
namespace {

TEST(MessagingRules, TextIsTrimmedAndBounded) {
  EXPECT_EQ(*checked_text("message", "  Bonjour\r\nDocteur \t"), "Bonjour\nDocteur");
  EXPECT_FALSE(checked_text("message", " \n ").ok());
  EXPECT_TRUE(checked_text("message", "", true).ok());
  EXPECT_TRUE(checked_text("message", std::string(5000, 'a')).ok());
  EXPECT_FALSE(checked_text("message", std::string(5001, 'a')).ok());
  // Characters, not bytes: 5,000 "é" are 10,000 bytes.
  std::string accents;
  for (int i = 0; i < 5000; ++i) accents += "é";
  EXPECT_TRUE(checked_text("message", accents).ok());
}

TEST(MessagingRules, ControlAndBidiCharactersAreRefusedButNotEmoji) {
  EXPECT_EQ(checked_text("message", "a\x01z").error().field, "message");
  EXPECT_FALSE(checked_text("message", "a\x7fz").ok());
  EXPECT_FALSE(checked_text("message", "ordonnance\u202Efdp.exe").ok());
  EXPECT_FALSE(checked_text("message", "a\u2067b").ok());
  EXPECT_FALSE(checked_text("message", "\xff\xfe").ok());
  EXPECT_TRUE(
      checked_text("message", "Merci \U0001F468\u200D\U0001F469\u200D\U0001F467 !\tOK").ok());
}

TEST(MessagingRules, Reasons) {
  for (const auto* r : {"renewal", "result", "treatment", "administrative", "other"})
    EXPECT_TRUE(known_reason(r)) << r;
  EXPECT_FALSE(known_reason("urgent"));
  EXPECT_FALSE(known_reason(""));
}

}  // namespace
}  // namespace cabinet::messaging
