#pragma once

#include <optional>
#include <string>
#include <string_view>

// RFC 4648 §5 base64url without padding: how WebAuthn writes challenges and credential ids.
namespace cabinet::crypto {

std::string base64url_encode(std::string_view bytes);
// nullopt for any character outside the alphabet, padding, or an impossible length.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace cabinet::crypto
