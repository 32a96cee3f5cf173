#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

// A strict reader for the CBOR (RFC 8949) that WebAuthn authenticators produce: attestation
// objects, COSE keys and extension maps. Written for hostile input: definite lengths only,
// every length checked against the bytes that remain before anything is allocated, bounded
// depth and item count, no tags, no floats, UTF-8 text, no duplicate map keys. Non-minimal
// length encodings are accepted (nothing here hashes re-encoded CBOR).
namespace cabinet::cbor {

enum class Type { integer, bytes, text, array, map, boolean, null };

struct Entry;

struct Value {
  Type type = Type::null;
  std::int64_t integer = 0;  // integer; both major types 0 and 1, within int64
  bool boolean = false;
  std::string bytes;  // bytes or text
  std::vector<Value> items;
  // A struct rather than std::pair: libstdc++'s pair of a type still being defined does not
  // compile under clang (the fuzz build).
  std::vector<Entry> entries;  // in the order read

  [[nodiscard]] bool is_integer() const { return type == Type::integer; }
  [[nodiscard]] bool is_bytes() const { return type == Type::bytes; }
  [[nodiscard]] bool is_text() const { return type == Type::text; }
  [[nodiscard]] bool is_map() const { return type == Type::map; }
  // The value under an integer (COSE) or text (attestation object) key; null when absent or
  // when this is not a map.
  [[nodiscard]] const Value* find(std::int64_t key) const;
  [[nodiscard]] const Value* find(std::string_view key) const;
};

struct Entry {
  Value key;
  Value value;
};

struct Limits {
  std::size_t max_depth = 8;    // nesting of arrays and maps
  std::size_t max_items = 256;  // array items plus map entries, over the whole document
};

// The whole input must be exactly one item: trailing bytes are refused.
Result<Value> parse(std::span<const std::uint8_t> input, Limits limits = {});

// One item at the start of `input`, and how many bytes it took (authenticator data puts a
// COSE key and then an extension map back to back).
Result<std::pair<Value, std::size_t>> parse_prefix(std::span<const std::uint8_t> input,
                                                   Limits limits = {});

std::span<const std::uint8_t> as_bytes(std::string_view s);

}  // namespace cabinet::cbor
