#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace cabinet::http {

// A token bucket per key (a client address) in this node's memory, for traffic that must not
// cost a database write each time: reports browsers send on their own. Bounded: when it holds
// max_keys buckets, the full ones (clients quiet long enough) are forgotten first, then all.
class LocalLimiter {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  LocalLimiter(double per_second, double burst, std::size_t max_keys = 10000);

  bool allow(const std::string& key, TimePoint now = std::chrono::steady_clock::now());

 private:
  struct Bucket {
    double tokens;
    TimePoint at;
  };
  [[nodiscard]] double refilled(const Bucket& b, TimePoint now) const;

  double rate_;
  double burst_;
  std::size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace cabinet::http
