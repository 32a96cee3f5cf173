#pragma once

#include <string_view>

namespace cabinet {

// The JSON parser recurses; nesting deeper than this is refused before parsing so that a
// body of a million '[' cannot exhaust a thread's stack.
inline constexpr int kMaxJsonDepth = 64;

bool json_depth_within(std::string_view text, int max_depth = kMaxJsonDepth);

}  // namespace cabinet
