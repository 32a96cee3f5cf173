#include "reference/text.hpp"

#include <gtest/gtest.h>

namespace cabinet::reference {
namespace {

TEST(ReferenceText, Utf8IsKeptAndLatin1IsConverted) {
  EXPECT_EQ(to_utf8("parac\xC3\xA9tamol"), "paracétamol");
  EXPECT_EQ(to_utf8("\xEF\xBB\xBFparac\xC3\xA9tamol"), "paracétamol");  // BOM dropped
  EXPECT_EQ(to_utf8("PARAC\xC9TAMOL"), "PARACÉTAMOL");                  // ISO-8859-1
  // Windows-1252's own characters: œ, ’ and € in 0x80–0x9F.
  EXPECT_EQ(to_utf8("\x9C"
                    "stradiol l\x92"
                    "eau \x80"),
            "œstradiol l’eau €");
  EXPECT_EQ(to_utf8("a\x81z"), "a\xEF\xBF\xBDz");  // undefined in the code page
}

TEST(ReferenceText, LinesDropTheirCarriageReturns) {
  const auto lines = lines_of("a\r\nb\n\nc");
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[1], "b");
  EXPECT_EQ(lines[2], "");
  EXPECT_EQ(lines[3], "c");
  EXPECT_TRUE(lines_of("").empty());
}

TEST(ReferenceText, TabsSeparateEveryField) {
  const auto f = split_tabs("a\t\tb;c\t");
  ASSERT_EQ(f.size(), 4U);
  EXPECT_EQ(f[1], "");
  EXPECT_EQ(f[2], "b;c");
  EXPECT_EQ(f[3], "");
}

TEST(ReferenceText, SemicolonFieldsMayBeQuoted) {
  auto f = split_semicolons(R"(a;"b;c";"say ""hi""";;d"e)");
  ASSERT_EQ(f.size(), 5U);
  EXPECT_EQ(f[0], "a");
  EXPECT_EQ(f[1], "b;c");
  EXPECT_EQ(f[2], R"(say "hi")");
  EXPECT_EQ(f[3], "");
  EXPECT_EQ(f[4], R"(d"e)");  // a quote inside a field is a character
  f = split_semicolons(R"(x;"never closed;y)");
  ASSERT_EQ(f.size(), 2U);
  EXPECT_EQ(f[1], "never closed;y");
}

TEST(ReferenceText, FrenchLowerCase) {
  EXPECT_EQ(lower_fr("PARACÉTAMOL"), "paracétamol");
  EXPECT_EQ(lower_fr("ŒSTRADIOL ÀÇÈÎÔÙŸ ×"), "œstradiol àçèîôùÿ ×");
  EXPECT_EQ(trim("\xC2\xA0 a b \t"), "a b");
}

}  // namespace
}  // namespace cabinet::reference
