// SPDX-License-Identifier: MIT
#pragma once

#include "core/pipeline/inputloader.h"
#include "core/profile/profile.h"

namespace core {

/// Profiles a loaded input the way the Profile step and `healthsynth-cli profile` show it.
/// Loading cleans cells (trims whitespace, reads markers such as "?" as missing) so the
/// statistics describe the values; for a CSV file a scan of the cells as written then finds what
/// that cleaning hid — padded values ("ckd\t"), numbers the file stores as text, spelling variants,
/// markers read as missing — and adds those alerts and their suggested actions. The scan builds no
/// second table: its memory is the changed values only.
class ProfileJob final {
public:
    static Result<Profile> run(
        const InputSpec &spec, const LoadedInput &loaded, const QString &target, JobContext &job);

    /// The same for a table loaded elsewhere (the wizard): `source` says where it came from (its
    /// delimiter and encoding as the reader resolved them); `csv` is the options the CSV file was
    /// read with, or null when the table did not come from a CSV file.
    static Result<Profile> run(const Table &table, const Schema &schema, const ProfileSource &source,
        const CsvOptions *csv, const QString &target, JobContext &job);
};

} // namespace core
