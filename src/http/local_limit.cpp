#include "http/local_limit.hpp"

#include <algorithm>

namespace cabinet::http {

LocalLimiter::LocalLimiter(double per_second, double burst, std::size_t max_keys)
    : rate_(per_second), burst_(burst), max_keys_(max_keys) {}

double LocalLimiter::refilled(const Bucket& b, TimePoint now) const {
  return std::min(burst_, b.tokens + std::chrono::duration<double>(now - b.at).count() * rate_);
}

bool LocalLimiter::allow(const std::string& key, TimePoint now) {
  const std::lock_guard lock(mutex_);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_keys_) {
      std::erase_if(buckets_, [&](const auto& kv) { return refilled(kv.second, now) >= burst_; });
      if (buckets_.size() >= max_keys_) buckets_.clear();
    }
    it = buckets_.emplace(key, Bucket{burst_, now}).first;
  }
  auto& b = it->second;
  b.tokens = refilled(b, now);
  b.at = now;
  if (b.tokens < 1) return false;
  b.tokens -= 1;
  return true;
}

}  // namespace cabinet::http
