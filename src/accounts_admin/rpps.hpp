#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// The RPPS checks the operator sees before verifying a practitioner (ADM1, docs/operator.md
// "Accounts"): the number's Luhn key, and a match against the public "Annuaire Santé" extract
// (PS_LibreAcces_Personne_activite) the operator imports. Pure, unit-tested in rpps_test.cpp.
namespace cabinet::accounts_admin {

// One person of the extract. The file has a line per activity; a person's lines are merged.
struct ExtractPerson {
  std::string rpps;             // "Identifiant PP": 11 digits
  std::string last_name;        // "Nom d'exercice"
  std::string first_name;       // "Prénom d'exercice"
  std::string profession_code;  // "Code profession": 10 médecin, 40 chirurgien-dentiste…
  std::string profession;       // "Libellé profession"
  std::string specialties;      // every "Libellé savoir-faire", "; "-joined
};

struct ParsedExtract {
  std::vector<ExtractPerson> people;
  std::size_t lines = 0;    // data lines read
  std::size_t skipped = 0;  // not an RPPS line (ADELI numbers, a bad number, a short line)
};

// Reads the pipe-separated file: a header line naming at least the columns above (in any order;
// the real file has about 50, and a trailing '|'), then a line per activity. The text may be
// UTF-8 (with or without a byte-order mark) or Windows-1252. A missing header column, or a file
// without any RPPS line, is a 400 on the field "file".
Result<ParsedExtract> parse_extract(std::string_view bytes);

// The Luhn key of an 11-digit RPPS number.
bool rpps_key_ok(std::string_view rpps);

// The names match when, accents, case and punctuation aside, the last names are equal and the
// first name given at sign-up is one of the extract's first names ("Jean" in "JEAN PIERRE").
bool names_match(const ExtractPerson& p, std::string_view first_name, std::string_view last_name);

// Whether the extract's profession and specialties fit the specialty code the practitioner chose
// (data/specialties.json): the profession code for those who are not physicians (sage-femme,
// dentiste, kinésithérapeute, psychologue, diététicien), else a physician (code 10) with a
// savoir-faire whose words hold every significant word of the specialty's French name.
bool specialty_matches(const ExtractPerson& p, std::string_view specialty_code,
                       std::string_view specialty_name_fr);

}  // namespace cabinet::accounts_admin
