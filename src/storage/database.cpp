#include "storage/database.hpp"

#include <stdexcept>

namespace cabinet::storage {

const Value& Row::at(std::size_t i) const { return cells_->at(i); }

const Value& Row::at(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == column) return cells_->at(i);
  }
  throw std::logic_error("no column " + std::string(column));
}

bool Row::is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(at(i)); }

std::int64_t Row::integer(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* p = std::get_if<std::int64_t>(&v)) return *p;
  throw std::logic_error("column " + std::to_string(i) + " is not an integer");
}

double Row::real(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* p = std::get_if<double>(&v)) return *p;
  if (const auto* p = std::get_if<std::int64_t>(&v)) return static_cast<double>(*p);
  throw std::logic_error("column " + std::to_string(i) + " is not a number");
}

const std::string& Row::text(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* p = std::get_if<std::string>(&v)) return *p;
  throw std::logic_error("column " + std::to_string(i) + " is not text");
}

const std::string& Row::bytes(std::size_t i) const {
  const auto& v = at(i);
  if (const auto* p = std::get_if<Blob>(&v)) return p->bytes;
  throw std::logic_error("column " + std::to_string(i) + " is not a blob");
}

std::optional<std::int64_t> Row::opt_integer(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return integer(i);
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::string_view to_string(Engine engine) {
  return engine == Engine::sqlite ? "sqlite" : "postgres";
}

}  // namespace cabinet::storage
