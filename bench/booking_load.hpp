#pragma once

// Many patients racing for the same slots of one practitioner, over real HTTP against a running
// `cabinet serve` (issue 5's race and crash tests, and `make bench`). The server must run in
// development mode (its mailbox gives the login codes), trust X-Forwarded-For (each patient signs
// up "from" their own address), and hold the demo accounts (`cabinet seed --demo-accounts`):
// the demo practitioner's in-person motifs of 10, 15 and 20 minutes are the mixed durations.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cabinet::load {

struct Patient {
  std::string email;
  std::string cookie;      // "name=value" of the session
  std::string profile_id;  // the account holder's own profile
  std::string address;     // X-Forwarded-For of every request from this patient
};

struct Setup {
  std::uint16_t port = 0;
  std::string practitioner_id;
  std::string practitioner_cookie;  // the demo practitioner's session
  std::vector<Patient> patients;
  // The demo practitioner's in-person motifs: id of the 10, 15 and 20-minute ones.
  std::string motif10, motif15, motif20;
};

// Signs `patients` new patients up and in (in parallel), and signs the demo practitioner in to
// learn their public id. Throws std::runtime_error with the step that failed.
Setup prepare(std::uint16_t port, int patients);

struct Attempt {
  std::string start;  // ISO 8601 with offset, as the slots API gives it
  std::string motif_id;
  int duration_min = 0;
};

// Three bookings that all overlap: (T, 15 min), (T, 20 min) and (T+10, 10 min) share
// [T+10, T+15). Exactly one of them can win; groups never overlap one another.
struct Group {
  std::int64_t start = 0;  // T, Unix seconds
  std::vector<Attempt> attempts;
};

// The first `count` groups among the practitioner's free in-person slots from today (a group
// booked in an earlier round is no longer free, so each round contests fresh slots). Throws
// when there are not enough free slots within the booking horizon.
std::vector<Group> contested_groups(const Setup& setup, int count);

struct Outcome {
  int client = 0;
  int group = 0;
  int attempt = 0;
  int patient = 0;  // index in Setup::patients
  std::string key;  // the Idempotency-Key sent
  Attempt tried;
  int status = 0;          // of POST /appointments; 0: no answer (connection refused, reset…)
  std::string id;          // with 201
  std::string error_code;  // with 4xx: error.code
  double book_ms = 0;
  int confirm_status = -1;  // -1: not tried (no 201); 0: no answer
  double confirm_ms = 0;
  std::string payment_method;
};

struct Round {
  std::vector<Outcome> outcomes;
  double seconds = 0;  // from the start signal to the last answer
};

// `clients` threads, each on its own keep-alive connection, opened and warmed before a common
// start signal; client i books attempt (i / groups) % 3 of group i % groups as patient
// i % patients with a fresh Idempotency-Key, and a winner confirms with the sandbox's Visa.
// `on_outcome` (optional) sees each outcome as it lands, from the client's thread.
Round race(const Setup& setup, const std::vector<Group>& groups, int clients,
           const std::function<void(const Outcome&)>& on_outcome = {});

// What a patient's browser does after an answer lost in a crash: the same POST with the same
// Idempotency-Key when the booking was not answered, then the confirmation if it was not.
// Updates `o` with the new answers.
void retry(const Setup& setup, Outcome& o);

// The same clients and connections, each sending `per_client` GET /healthz after the start
// signal: the baseline the booking rate is compared with. Returns requests per second.
double healthz_rate(std::uint16_t port, int clients, int per_client);

// What the patients see afterwards (their GET /appointments, all of them), checked against the
// race: each group ends with exactly one live appointment, every other attempt got 409
// slot_taken, every winner's confirmation got 200, and no two live appointments of the
// practitioner overlap. Returns the problems found; empty when all holds.
std::vector<std::string> check(const Setup& setup, const std::vector<Group>& groups,
                               const Round& round);

// A confirmed video appointment of the demo practitioner: its id is the consultation's.
struct VideoAppointment {
  std::string id;
  int patient = 0;  // index in Setup::patients
};

// `per_patient` video appointments for each patient (patient by patient), on the demo
// practitioner's first free video slots from today, each paid with the sandbox's Visa so that
// its room exists. The waiting room opens `booking.room_opens` before the start: a caller that
// joins at once needs a server started with it wide enough (the bench and the tests use weeks).
// Throws when there are not enough free video slots within the booking horizon. `only`: book for
// that patient alone (an index in Setup::patients), as the room tests do.
std::vector<VideoAppointment> book_video(const Setup& setup, int per_patient,
                                         std::optional<int> only = std::nullopt);

// p-th percentile (0..100) of the values, nearest rank; 0 without values.
double percentile(std::vector<double> values, double p);

}  // namespace cabinet::load
