#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace conduit::auth {

// Base64url without padding (RFC 4648 section 5), as JWT uses it.
std::string base64url_encode(std::string_view bytes);

// Returns nullopt for characters outside the alphabet, padding, or a
// length that no encoding produces.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace conduit::auth
