#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/config.hpp"
#include "core/result.hpp"

// The settings the operator changes without a restart (ADM1, docs/operator.md "Settings"): a
// subset of the configuration keys (app/config_keys.cpp), each read, checked and written as the
// configuration loader does, so that cabinet.toml and the console never disagree on a value.
namespace cabinet::settings {

struct Key {
  std::string name;   // "queue.fee_cents": the configuration key
  std::string group;  // "queue": the console's form it belongs to
  const app::KeyInfo* info = nullptr;
  std::function<std::string(const app::Config&)> get;  // the value as cabinet.toml says it
};

// The live keys, in the console's order.
const std::vector<Key>& catalog();
const Key* find(std::string_view name);

// The checks beyond each key's own (app::check, and the queue's specialties that must exist):
// the error names the key in `field`.
Result<void> check(const app::Config& config);

}  // namespace cabinet::settings
