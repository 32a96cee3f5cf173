#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "settings/catalog.hpp"

// The settings the operator changes without a restart (ADM1, docs/operator.md "Settings"): a
// subset of the configuration keys (config_keys.cpp), each read, checked and written back by the
// configuration loader's own functions, so that cabinet.toml and the console never disagree.
namespace cabinet::app {

class SettingsCatalog final : public settings::Catalog {
 public:
  // `bootstrap`: cabinet.toml, the environment and --set; `apply` puts a configuration with the
  // operator's values into the running services (App::apply_settings).
  SettingsCatalog(Config bootstrap, std::function<void(const Config&)> apply);

  [[nodiscard]] bool knows(std::string_view key) const override;
  [[nodiscard]] std::vector<settings::KeyState> describe(
      const settings::Overrides& overrides) const override;
  [[nodiscard]] Result<settings::Overrides> check(
      const settings::Overrides& overrides) const override;
  void apply(const settings::Overrides& overrides) override;

  // The bootstrap configuration with `overrides` over it (checked already).
  [[nodiscard]] Result<Config> with(const settings::Overrides& overrides) const;

 private:
  Config bootstrap_;
  std::function<void(const Config&)> apply_;
};

// The checks beyond each key's own (app::check, and the queue's specialties that must exist):
// the error names the key in `field` when it is a live one.
Result<void> check_live(const Config& config);

}  // namespace cabinet::app
