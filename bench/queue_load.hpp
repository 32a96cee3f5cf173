#pragma once

// The people of the queue bench (cabinet-queue-bench), set up through the API of a running
// `cabinet serve` in development mode, trusting X-Forwarded-For, with the demo accounts (the demo
// operator verifies the practitioners). Each step throws std::runtime_error naming what failed.
#include <cstdint>
#include <string>
#include <vector>

namespace cabinet::load {

struct Practitioner {
  std::string email;
  std::string address;  // X-Forwarded-For of every request from this practitioner
  std::string account;  // public id, for the operator
  std::string cookie;   // "name=value" of the session
};

// `n` general practitioners signed up, verified by the demo operator, practising in Paris
// (75011) with video, and on duty.
std::vector<Practitioner> practitioners_on_duty(std::uint16_t port, int n);

struct Account {
  std::string address;
  std::string cookie;
  std::string holder;  // the account holder's own profile
};

// `n` patient accounts signed up and in.
std::vector<Account> patient_accounts(std::uint16_t port, int n);

struct QueuedPatient {
  std::size_t account = 0;  // index in the accounts
  std::string profile;
  std::string entry;  // the queue entry's id
};

// Each account's holder and relatives up to `per_account` profiles (at most 21), then every
// profile joins the general medicine queue from Paris; account a's k-th profile is patient
// a * per_account + k. The accounts join in parallel, so that places interleave as they would.
std::vector<QueuedPatient> queued(std::uint16_t port, const std::vector<Account>& accounts,
                                  int per_account);

}  // namespace cabinet::load
