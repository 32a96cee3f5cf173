#pragma once

#include <nlohmann/json.hpp>

#include "accounts/service.hpp"

namespace cabinet::accounts {

struct RelativeForm {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
  std::optional<std::string> relationship;
};

// The profiles of an account (ACC5, ACC6, SEC2): relatives, administrative data, the profile
// the patient acts for, and who accessed their data. Every object is looked up within the
// caller's own account: someone else's profile is "not found", never "forbidden".
class Profiles {
 public:
  explicit Profiles(Deps deps) : d_(std::move(deps)) {}

  Task<Result<nlohmann::json>> add(const Principal& who, const RelativeForm& form,
                                   const Caller& caller);
  Task<Result<nlohmann::json>> update(const Principal& who, const std::string& id,
                                      const RelativeForm& form, const Caller& caller);
  Task<Result<void>> remove(const Principal& who, const std::string& id, const Caller& caller);
  Task<Result<void>> set_current(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> administrative(const Principal& who, const std::string& id,
                                              const Caller& caller);
  Task<Result<nlohmann::json>> set_administrative(const Principal& who, const std::string& id,
                                                  const nlohmann::json& input,
                                                  const Caller& caller);
  // Newest first, each entry with its sentence (access_log.hpp); at most `limit` entries.
  Task<Result<nlohmann::json>> access_log(const Principal& who, Locale locale,
                                          std::int64_t limit = 500);

 private:
  Task<Result<store::Profile>> own(const Principal& who, const std::string& id);
  // ACC6: a NIR is the profile's person's (nir.hpp), or the holder's own on a minor child.
  // check_nir sets doc's nir_owner; check_change refuses a change of birth date, sex or
  // relationship that the saved number contradicts.
  Task<Result<void>> check_nir(const Principal& who, const store::Profile& p, nlohmann::json& doc);
  Task<Result<void>> check_change(const store::Profile& p, const RelativeForm& f);
  Task<Result<std::optional<std::string>>> holder_nir(const Principal& who);
  // "Dr Claire Martin", for whom an assistant works; empty when no longer linked.
  Task<Result<std::string>> practitioner_of(std::int64_t assistant);
  Task<Result<void>> audited(const Principal& who, const store::Profile& p, std::string action,
                             const Caller& caller);
  Deps d_;
};

}  // namespace cabinet::accounts
