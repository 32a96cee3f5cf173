#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "queue/sealing.hpp"
#include "queue/service.hpp"

// Shared by the queue's translation units (service.cpp, take.cpp, sweep.cpp).
namespace cabinet::queue {

// A specialty's queue as it stands: who waits, in order, who is on duty, the service time.
struct Service::Numbers {
  std::vector<store::Entry> waiting;
  std::vector<store::Duty> duty;
  std::int64_t service_seconds = 0;
  [[nodiscard]] std::optional<std::array<int, 2>> estimate(int position) const;
  // 1-based; 0 when not waiting.
  [[nodiscard]] int position_of(std::int64_t entry) const;
};

// The queue's hours, opening and closing instants are in Paris time (AGD3).
const date::time_zone* paris();
nlohmann::json range_json(const std::optional<std::array<int, 2>>& r);
// waiting, called, in_consultation, done, left, removed.
std::string public_state(const store::Entry& e);

}  // namespace cabinet::queue
