#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::accounts {

// A first_name or last_name typed in a form (sign-up of every role, relatives): its canonical
// form, or a 400 on that field saying what is wrong — an invisible formatting character (a
// bidi control that displays another name, a zero-width one) gets its own sentence, since the
// person cannot see it.
Result<std::string> checked_name(std::string_view field, std::string_view input);

}  // namespace cabinet::accounts
