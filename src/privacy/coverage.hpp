#pragma once

#include <span>
#include <string_view>

// Every table of the schema, and what the RGPD export does with it (docs/accounts.md "Export").
// tests/flows/export_test.cpp reads the tables from the database itself and fails when one is
// missing here: a migration that adds a table must decide whether it holds personal data.
namespace cabinet::privacy {

struct TableUse {
  std::string_view table;
  bool exported;            // its rows about the account or its profiles are in the export
  std::string_view reason;  // where in the export, or why not
};

std::span<const TableUse> table_coverage();

}  // namespace cabinet::privacy
