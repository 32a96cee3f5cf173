// What deleting an account or a relative's profile removes of the health space (V019,
// docs/health-space.md): the patient's own files, what was attached to appointments and the
// medical profile go with the person. Practitioners' documents stay for the legal retention
// period, with the patient's choice to hide them.
#include <array>

#include "accounts/store.hpp"
#include "storage/query.hpp"

namespace cabinet::accounts::store {
namespace {

constexpr std::string_view kEraseShares =
    "DELETE FROM appointment_shares WHERE appointment_id IN"
    " (SELECT id FROM appointments WHERE patient_account_id = $1)"
    " OR file_id IN (SELECT id FROM health_files WHERE account_id = $1)";
constexpr std::string_view kEraseHealthFiles = "DELETE FROM health_files WHERE account_id = $1";
constexpr std::string_view kEraseMedical =
    "DELETE FROM medical_profiles WHERE profile_id IN"
    " (SELECT id FROM profiles WHERE account_id = $1)";
constexpr std::string_view kEraseProfileShares =
    "DELETE FROM appointment_shares WHERE appointment_id IN"
    " (SELECT id FROM appointments WHERE profile_id = $1)"
    " OR file_id IN (SELECT id FROM health_files WHERE profile_id = $1)";
constexpr std::string_view kEraseProfileFiles = "DELETE FROM health_files WHERE profile_id = $1";
constexpr std::string_view kEraseProfileMedical =
    "DELETE FROM medical_profiles WHERE profile_id = $1";
constexpr std::array kEraseHealth{kEraseShares, kEraseHealthFiles, kEraseMedical};
constexpr std::array kEraseProfileHealth{kEraseProfileShares, kEraseProfileFiles,
                                         kEraseProfileMedical};

}  // namespace

Task<Result<void>> erase_health(Transaction& tx, std::int64_t account) {
  for (auto sql : kEraseHealth) {
    storage::Params params{account};
    if (auto r = co_await storage::run(tx, sql, std::move(params)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<void>> erase_profile_health(Transaction& tx, std::int64_t profile) {
  for (auto sql : kEraseProfileHealth) {
    storage::Params params{profile};
    if (auto r = co_await storage::run(tx, sql, std::move(params)); !r) co_return r;
  }
  co_return ok();
}

}  // namespace cabinet::accounts::store
