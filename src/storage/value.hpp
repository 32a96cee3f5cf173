#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace cabinet::storage {

// Binary data, kept apart from text so that each engine binds it as BLOB / bytea.
struct Blob {
  std::string bytes;
  friend bool operator==(const Blob&, const Blob&) = default;
};

// The types both engines share. Instants are Unix seconds (int64), money integer cents,
// booleans 0/1: the subset of SQL that SQLite and PostgreSQL agree on.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;
using Params = std::vector<Value>;

inline Value null() { return nullptr; }
inline Value blob(std::string bytes) { return Blob{std::move(bytes)}; }
template <class T>
Value optional(const std::optional<T>& v) {
  if (!v) return nullptr;
  return Value(*v);
}

}  // namespace cabinet::storage
