// The TOML configuration on arbitrary text: toml++'s parser, then every key's own parser
// (sizes, durations, URLs, time windows, lists) and the cross-key checks. A bad file must give
// an error naming the key, never a crash or an exception.
#include <cstdint>
#include <string_view>

#include "app/config.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto config = cabinet::app::load_text(text, "fuzz.toml");
  if (!config && config.error().detail.empty()) __builtin_trap();
  return 0;
}
