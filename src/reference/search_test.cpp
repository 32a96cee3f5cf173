#include "reference/search.hpp"

#include <gtest/gtest.h>

namespace cabinet::reference {
namespace {

TEST(ReferenceSearch, WordsIgnoreAccentsCaseAndPunctuation) {
  EXPECT_EQ(search_words("Amoxicilline + ACIDE clavulanique"),
            (std::vector<std::string>{"amoxicilline", "acide", "clavulanique"}));
  EXPECT_EQ(search_words("Paracétamol|paracétamol"), (std::vector<std::string>{"paracetamol"}));
  EXPECT_EQ(search_words("Œstradiol"), (std::vector<std::string>{"oestradiol"}));
  EXPECT_EQ(search_key("Ésoméprazole 20 mg"), " esomeprazole 20 mg");
  EXPECT_TRUE(search_words(" - ").empty());
}

TEST(ReferenceSearch, QueriesNeedTwoCharactersAndUseTheLongestWordForTheIndex) {
  EXPECT_FALSE(prefix_query(""));
  EXPECT_FALSE(prefix_query("é"));
  EXPECT_FALSE(prefix_query(" . "));
  const auto q = prefix_query("PARACÉ");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->from, "parace");
  EXPECT_EQ(q->to, "parace\xF4\x8F\xBF\xBF");
  EXPECT_TRUE(q->from < "paracetamol" && std::string("paracetamol") < q->to);
  EXPECT_FALSE(std::string("paracf") < q->to);
  EXPECT_EQ(q->more[0], "");

  const auto multi = prefix_query("ac amoxi clav");
  ASSERT_TRUE(multi);
  EXPECT_EQ(multi->from, "amoxi");
  EXPECT_EQ(multi->more[0], "% clav%");
  EXPECT_EQ(multi->more[1], "% ac%");
  EXPECT_EQ(multi->more[2], "");
}

}  // namespace
}  // namespace cabinet::reference
