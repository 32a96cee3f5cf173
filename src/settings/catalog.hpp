#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// What the settings are about, given by the composition root (app/settings_catalog.cpp): this
// folder keeps, versions and spreads the operator's values as text, and knows nothing of the
// configuration's types.
namespace cabinet::settings {

// Key → value as cabinet.toml writes it ("700", "10m", "5MiB"): what the operator changed.
using Overrides = std::map<std::string, std::string>;

struct KeyState {
  std::string key;
  std::string group;          // the console's form it belongs to
  std::string value;          // in force
  std::string default_value;  // cabinet.toml's
  std::string help;
};

class Catalog {
 public:
  virtual ~Catalog() = default;
  [[nodiscard]] virtual bool knows(std::string_view key) const = 0;
  // Every live key in the console's order, with `overrides` over the defaults.
  [[nodiscard]] virtual std::vector<KeyState> describe(const Overrides& overrides) const = 0;
  // Checks `overrides` together as the configuration loader would; answers them as the loader
  // writes them back ("5 MiB" → "5MiB"), or the error with `field` naming the key.
  [[nodiscard]] virtual Result<Overrides> check(const Overrides& overrides) const = 0;
  // Puts checked overrides into the running services.
  virtual void apply(const Overrides& overrides) = 0;
};

}  // namespace cabinet::settings
