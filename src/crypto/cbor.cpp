#include "crypto/cbor.hpp"

#include <limits>

#include "core/utf8.hpp"

namespace cabinet::cbor {
namespace {

constexpr std::uint8_t kUnsigned = 0;
constexpr std::uint8_t kNegative = 1;
constexpr std::uint8_t kBytes = 2;
constexpr std::uint8_t kText = 3;
constexpr std::uint8_t kArray = 4;
constexpr std::uint8_t kMap = 5;
constexpr std::uint8_t kTag = 6;
constexpr std::uint8_t kSimple = 7;

Error malformed(std::string what) {
  return Error(ErrorCode::invalid_request, "CBOR: " + std::move(what));
}

bool same_key(const Value& a, const Value& b) {
  if (a.type != b.type) return false;
  if (a.type == Type::integer) return a.integer == b.integer;
  if (a.type == Type::bytes || a.type == Type::text) return a.bytes == b.bytes;
  return false;  // only integer and string keys are accepted
}

class Reader {
 public:
  Reader(std::span<const std::uint8_t> in, Limits limits) : in_(in), limits_(limits) {}

  Result<Value> item(std::size_t depth) {
    if (depth > limits_.max_depth) return malformed("nested too deeply");
    if (pos_ >= in_.size()) return malformed("truncated");
    const std::uint8_t initial = in_[pos_++];
    const std::uint8_t major = initial >> 5U;
    const std::uint8_t info = initial & 0x1FU;
    if (major == kSimple) return simple(info);
    if (major == kTag) return malformed("tags are not accepted");
    auto arg = argument(info);
    if (!arg) return std::move(arg).error();
    const std::uint64_t n = *arg;
    Value v;
    switch (major) {
      case kUnsigned:
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
          return malformed("integer out of range");
        v.type = Type::integer;
        v.integer = static_cast<std::int64_t>(n);
        return v;
      case kNegative:
        if (n > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
          return malformed("integer out of range");
        v.type = Type::integer;
        v.integer = -1 - static_cast<std::int64_t>(n);
        return v;
      case kBytes:
      case kText: {
        if (n > in_.size() - pos_) return malformed("string longer than the input");
        v.type = major == kBytes ? Type::bytes : Type::text;
        v.bytes.assign(reinterpret_cast<const char*>(in_.data() + pos_), n);
        pos_ += n;
        if (v.type == Type::text && !is_valid_utf8(v.bytes)) return malformed("text not UTF-8");
        return v;
      }
      case kArray:
        return array(n, depth);
      default:
        return map(n, depth);
    }
  }

  [[nodiscard]] std::size_t position() const { return pos_; }

 private:
  Result<std::uint64_t> argument(std::uint8_t info) {
    if (info < 24) return std::uint64_t{info};
    if (info == 31) return malformed("indefinite lengths are not accepted");
    if (info > 27) return malformed("reserved additional information");
    const std::size_t width = std::size_t{1} << (info - 24U);
    if (width > in_.size() - pos_) return malformed("truncated");
    std::uint64_t n = 0;
    for (std::size_t i = 0; i < width; ++i) n = (n << 8U) | in_[pos_++];
    return n;
  }

  Result<Value> simple(std::uint8_t info) {
    Value v;
    if (info == 20 || info == 21) {
      v.type = Type::boolean;
      v.boolean = info == 21;
      return v;
    }
    if (info == 22 || info == 23) return v;  // null, undefined
    return malformed("floats and other simple values are not accepted");
  }

  // Each element takes at least one byte: a count beyond what remains is refused before any
  // allocation, whatever the header claims.
  Result<void> count(std::uint64_t n, std::uint64_t bytes_each) {
    if (n > (in_.size() - pos_) / bytes_each) return malformed("more items than the input holds");
    items_ += n;
    if (items_ > limits_.max_items) return malformed("too many items");
    return ok();
  }

  Result<Value> array(std::uint64_t n, std::size_t depth) {
    if (auto r = count(n, 1); !r) return std::move(r).error();
    Value v;
    v.type = Type::array;
    v.items.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      auto e = item(depth + 1);
      if (!e) return e;
      v.items.push_back(std::move(*e));
    }
    return v;
  }

  Result<Value> map(std::uint64_t n, std::size_t depth) {
    if (auto r = count(n, 2); !r) return std::move(r).error();
    Value v;
    v.type = Type::map;
    v.entries.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) {
      auto key = item(depth + 1);
      if (!key) return key;
      if (!key->is_integer() && !key->is_text()) return malformed("map key not int or text");
      for (const auto& [k, _] : v.entries) {
        if (same_key(k, *key)) return malformed("duplicate map key");
      }
      auto value = item(depth + 1);
      if (!value) return value;
      v.entries.push_back(Entry{std::move(*key), std::move(*value)});
    }
    return v;
  }

  std::span<const std::uint8_t> in_;
  Limits limits_;
  std::size_t pos_ = 0;
  std::uint64_t items_ = 0;
};

}  // namespace

const Value* Value::find(std::int64_t key) const {
  for (const auto& [k, v] : entries) {
    if (k.is_integer() && k.integer == key) return &v;
  }
  return nullptr;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k.is_text() && k.bytes == key) return &v;
  }
  return nullptr;
}

Result<std::pair<Value, std::size_t>> parse_prefix(std::span<const std::uint8_t> input,
                                                   Limits limits) {
  Reader reader(input, limits);
  auto v = reader.item(0);
  if (!v) return std::move(v).error();
  return std::pair<Value, std::size_t>{std::move(*v), reader.position()};
}

Result<Value> parse(std::span<const std::uint8_t> input, Limits limits) {
  auto r = parse_prefix(input, limits);
  if (!r) return std::move(r).error();
  if (r->second != input.size()) return malformed("trailing bytes");
  return std::move(r->first);
}

std::span<const std::uint8_t> as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

}  // namespace cabinet::cbor
