#pragma once

#include <string>

#include "http/input.hpp"

// Shared by the directory's request checks: a refused field, named, in French and English.
namespace cabinet::directory {

inline Error invalid(std::string field, std::string fr, std::string en) {
  return http::invalid_field(field, std::move(fr), std::move(en));
}

}  // namespace cabinet::directory
