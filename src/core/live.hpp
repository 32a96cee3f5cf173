#pragma once

#include <memory>
#include <mutex>
#include <utility>

namespace cabinet {

// A value that the operator may change while the server runs (docs/operator.md "Settings"):
// readers take the current snapshot at each use and keep it for the rest of their work, so a
// change never shows them half of a new value; set() swaps the whole snapshot.
template <class T>
class Live {
 public:
  explicit Live(T initial = T{}) : value_(std::make_shared<const T>(std::move(initial))) {}

  [[nodiscard]] std::shared_ptr<const T> get() const {
    const std::lock_guard lock(mutex_);
    return value_;
  }
  void set(T next) {
    auto fresh = std::make_shared<const T>(std::move(next));
    const std::lock_guard lock(mutex_);
    value_.swap(fresh);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const T> value_;
};

}  // namespace cabinet
