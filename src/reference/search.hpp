#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How reference rows are found: a prefix of any word, accents and case ignored. A row's words
// go to a side table (one index range per query); further query words are matched against the
// row's search key. Pure, unit-tested in search_test.cpp.
namespace cabinet::reference {

// The distinct words of `text` after geo::normalise() (lower case, no accents, punctuation as
// spaces): "Amoxicilline + acide clavulanique" -> amoxicilline, acide, clavulanique.
std::vector<std::string> search_words(std::string_view text);

// ' ' + the normalised text: "% word%" then matches a word's start anywhere.
std::string search_key(std::string_view text);

// A query, ready for the store: the longest word (the index range [from, to)) and up to three
// more as LIKE patterns ("% amox%"), empty when unused.
struct PrefixQuery {
  std::string from;
  std::string to;
  std::array<std::string, 3> more;
};

// Nullopt when the normalised query has fewer than 2 letters or digits in all.
std::optional<PrefixQuery> prefix_query(std::string_view q);

}  // namespace cabinet::reference
