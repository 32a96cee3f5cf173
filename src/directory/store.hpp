#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement about the directory's profiles: public profiles, photos, motifs, and the
// change log that keeps each node's search index fresh. The agenda's (weekly hours, exceptions,
// booked time) are in agenda_store.hpp, the demo seed's rows in seed_store.hpp.
namespace cabinet::directory::store {

using storage::Executor;
using storage::Transaction;

struct Profile {
  std::int64_t account_id = 0;
  std::string public_id;
  // From sign-up (practitioners, accounts, holder profile): read-only here.
  std::string first_name;
  std::string last_name;
  std::string rpps;
  std::string specialty;
  std::string status;  // pending, verified, rejected
  // Editable.
  std::optional<std::string> address_line;
  std::optional<std::string> commune_code;
  std::optional<std::string> postcode;
  std::optional<double> lat;
  std::optional<double> lng;
  std::string timezone = "Europe/Paris";
  std::string department = "75";
  std::optional<std::string> phone;
  std::string languages = "fr";
  std::string sector = "1";
  bool carte_vitale = true;
  bool tiers_payant = false;
  std::string payment_modes = "card";
  bool video = true;
  bool in_person = false;
  std::optional<std::string> presentation;
  int min_notice_minutes = 60;
  int horizon_days = 60;
  bool closed_on_public_holidays = true;
  bool published = true;
  int delay_minutes = 0;
  std::optional<std::int64_t> delay_announced_at;
  int photo_version = 0;
  std::int64_t updated_at = 0;
};

struct Motif {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t practitioner_id = 0;
  std::string label;  // French, always there
  int duration_min = 15;
  std::string mode;  // video, in_person, both
  int price_cents = 0;
  int position = 0;
  std::optional<std::string> label_en;  // what the English web app shows, when given
};

// Creates the profile row with defaults (sign-up, or a practitioner from before issue 4).
Task<Result<void>> insert_profile(Executor& db, const Profile& p);
Task<Result<std::optional<Profile>>> profile(Executor& db, std::int64_t account);
Task<Result<std::optional<Profile>>> profile_by_public_id(Executor& db, const std::string& id);
// Verified and published profiles, for the search index; `account` narrows it to one.
Task<Result<std::vector<Profile>>> listed(Executor& db, std::optional<std::int64_t> account);
Task<Result<void>> update_profile(Executor& db, const Profile& p);
Task<Result<void>> set_delay(Executor& db, std::int64_t account, int minutes, std::int64_t now);

Task<Result<std::optional<std::string>>> photo(Executor& db, std::int64_t account);
Task<Result<void>> put_photo(Transaction& tx, std::int64_t account, const std::string& jpeg,
                             std::int64_t now);
Task<Result<void>> delete_photo(Transaction& tx, std::int64_t account, std::int64_t now);

// Current motifs (not archived) of one practitioner, or of all listed ones when nullopt.
Task<Result<std::vector<Motif>>> motifs(Executor& db, std::optional<std::int64_t> account);
Task<Result<std::int64_t>> insert_motif(Executor& db, const Motif& m, std::int64_t now);
Task<Result<bool>> update_motif(Executor& db, const Motif& m);
Task<Result<bool>> archive_motif(Executor& db, std::int64_t account, const std::string& id,
                                 std::int64_t now);

Task<Result<void>> record_change(Executor& db, std::int64_t account, std::int64_t now);
struct Change {
  std::int64_t id = 0;
  std::int64_t practitioner_id = 0;
};
Task<Result<std::vector<Change>>> changes_since(Executor& db, std::int64_t since);
Task<Result<void>> forget_changes_before(Executor& db, std::int64_t before);

}  // namespace cabinet::directory::store
