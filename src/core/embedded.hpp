#pragma once

#include <span>
#include <string_view>

// Files compiled into the binary at build time (cmake/embed.cmake).
namespace cabinet::embedded {

struct File {
  std::string_view name;
  std::string_view data;
};

std::span<const File> migrations();
std::span<const File> openapi();
std::span<const File> data();  // data/*.json: reference data (specialties…)

}  // namespace cabinet::embedded
