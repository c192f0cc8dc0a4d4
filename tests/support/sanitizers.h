// SPDX-License-Identifier: MIT
#pragma once

namespace testsupport {

/// True in a build with AddressSanitizer, whose shadow memory, red zones and quarantine make
/// resident-memory figures meaningless: memory bounds are checked in the other builds only.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

} // namespace testsupport
