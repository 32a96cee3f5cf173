#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "http/input.hpp"

// Shared by the directory's request checks: a refused field, named, in French and English.
namespace cabinet::directory {

inline Error invalid(std::string field, std::string fr, std::string en) {
  return http::invalid_field(field, std::move(fr), std::move(en));
}

// An integer field between `lo` and `hi`; `current` when the body leaves it out.
inline Result<int> whole(const nlohmann::json& body, const std::string& field, int current, int lo,
                         int hi) {
  if (!body.contains(field)) return current;
  const auto& v = body[field];
  if (!v.is_number_integer() || v.get<std::int64_t>() < lo || v.get<std::int64_t>() > hi) {
    return invalid(field, "Nombre entre " + std::to_string(lo) + " et " + std::to_string(hi) + ".",
                   "A number between " + std::to_string(lo) + " and " + std::to_string(hi) + ".");
  }
  return static_cast<int>(v.get<std::int64_t>());
}

}  // namespace cabinet::directory
