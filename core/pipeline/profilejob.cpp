// SPDX-License-Identifier: MIT
#include "core/pipeline/profilejob.h"

#include "core/profile/readingchanges.h"

namespace core {

Result<Profile> ProfileJob::run(
    const InputSpec &spec, const LoadedInput &loaded, const QString &target, JobContext &job)
{
    ProfileSource source;
    source.path = spec.location;
    source.encoding = loaded.encoding;
    source.delimiter = loaded.delimiter;
    source.decimalMark = loaded.decimalMark;
    source.diagnostics = loaded.diagnostics;
    return run(loaded.table, loaded.schema, source, spec.isPostgres() ? nullptr : &spec.csv, target, job);
}

Result<Profile> ProfileJob::run(const Table &table, const Schema &schema, const ProfileSource &source,
    const CsvOptions *csv, const QString &target, JobContext &job)
{
    ProfileOptions options;
    options.target = target;
    options.source = source;
    if (!csv)
        return profileTable(table, schema, options, job);
    CsvReadingInfo reading;
    reading.path = source.path;
    reading.options = *csv;
    reading.delimiter = source.delimiter;
    reading.encoding = source.encoding;
    return profileReadTable(table, schema, options, &reading, job);
}

} // namespace core
