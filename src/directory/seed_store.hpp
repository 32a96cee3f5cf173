#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace cabinet::directory::store {

using storage::Executor;

// Demo data (directory/seed.cpp), written directly: no sign-up flow, no verification.
struct DemoAccountRow {
  std::string public_id;
  std::string email;  // confirmed at creation
  std::string phone;
  std::optional<std::string> password_hash;  // none: the account cannot sign in
  std::string role;
};
struct DemoPersonRow {
  std::string public_id;
  std::int64_t account_id = 0;
  bool is_holder = false;
  std::string first_name;
  std::string last_name;
  std::string birth_date;
  std::optional<std::string> sex;
  std::string relationship;
};
// An active French-speaking account; its id.
Task<Result<std::int64_t>> insert_demo_account(Executor& tx, const DemoAccountRow& a,
                                               std::int64_t now);
Task<Result<void>> insert_demo_person(Executor& tx, const DemoPersonRow& p, std::int64_t now);
Task<Result<void>> insert_verified_practitioner(Executor& tx, std::int64_t account,
                                                const std::string& rpps,
                                                const std::string& specialty, std::int64_t now);
// The demo patient's past video consultation with the demo practitioner (issue 14): confirmed,
// started at `start`, no card (paid directly), on the practitioner's first video motif; the
// seed then closes it with documents. Returns false when there is no such motif.
Task<Result<bool>> insert_demo_past_consultation(Executor& tx, const std::string& public_id,
                                                 std::int64_t practitioner, std::int64_t patient,
                                                 std::int64_t start, std::int64_t now);
Task<Result<std::int64_t>> count_accounts_with_email(Executor& db, const std::string& email);

// A demo practitioner on duty in `specialty`'s immediate queue (issue 16), as
// queue::Service::set_duty leaves them: the queue's motif (archived from the start, never
// offered for booking, priced `price_cents`) and the duty row. Written here because the
// directory does not depend on the queue.
Task<Result<void>> insert_demo_duty(Executor& tx, std::int64_t practitioner,
                                    const std::string& specialty,
                                    const std::string& motif_public_id, int price_cents,
                                    std::int64_t now);

struct DemoAccountFound {
  std::int64_t id = 0;
  std::string public_id;
  std::string role;
  std::string status;
  std::optional<std::string> holder_profile;  // the holder profile's public id
};
Task<Result<std::optional<DemoAccountFound>>> find_account_by_email(Executor& db,
                                                                    const std::string& email);

}  // namespace cabinet::directory::store
