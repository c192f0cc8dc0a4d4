// SPDX-License-Identifier: MIT
#pragma once

#include "core/pipeline/inputloader.h"
#include "core/profile/profile.h"

namespace core {

/// Profiles a loaded input the way the Profile step and `healthsynth-cli profile` show it.
/// Loading cleans cells (trims whitespace, reads markers such as "?" as missing) so the
/// statistics describe the values; for a CSV file a second, raw reading then finds what that
/// cleaning hid — padded values, numbers mixed with text, spelling variants, undeclared
/// markers — and adds those alerts and their suggested actions.
class ProfileJob final {
public:
    static Result<Profile> run(const InputSpec &spec, const LoadedInput &loaded, const QString &target, JobContext &job);
};

} // namespace core
