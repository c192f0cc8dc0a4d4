// SPDX-License-Identifier: MIT
// libFuzzer target: the metadata JSON reader (HealthSynth's dialect, CTGAN's list, SDV's single-
// and multi-table forms), applied over a schema with one column of each kind. Whatever it
// accepts must save in HealthSynth's dialect and apply again.
#include "fuzzsupport.h"

#include "core/data/metadatafile.h"

namespace {

core::Schema inferredSchema()
{
    using core::SemanticType;
    const std::pair<const char *, SemanticType> columns[] = {
        { "age", SemanticType::Numerical },         { "bmi", SemanticType::Numerical },
        { "sex", SemanticType::Categorical },        { "smoker", SemanticType::Boolean },
        { "admit_date", SemanticType::DateTime },    { "patient_id", SemanticType::Id },
        { "email", SemanticType::Pii },              { "notes", SemanticType::Text },
        { "DEATH_EVENT", SemanticType::Categorical }, { "workclass", SemanticType::Categorical },
    };
    core::Schema schema;
    for (const auto &[name, type] : columns) {
        core::ColumnMeta meta;
        meta.name = QString::fromLatin1(name);
        meta.type = type;
        meta.confidence = 0.5;
        schema.columns.append(meta);
    }
    return schema;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    static const core::Schema inferred = inferredSchema();
    const QString path = fuzzsupport::writeInput(QStringLiteral("input.json"), data, size);
    core::Diagnostics diagnostics;
    const auto applied = core::MetadataFile::apply(path, inferred, diagnostics);
    if (!applied.ok()) {
        fuzzsupport::require(!applied.error().message.isEmpty(), "an error says what is wrong");
        return 0;
    }
    fuzzsupport::require(applied.value().columns.size() == inferred.columns.size(),
                         "metadata changes columns, never adds or drops them");
    const QString copy = fuzzsupport::scratchDir().filePath(QStringLiteral("copy.json"));
    const auto saved = core::MetadataFile::save(applied.value(), copy);
    fuzzsupport::require(saved.ok(), "applied metadata saves", saved.ok() ? QString() : saved.error().toString());
    core::Diagnostics again;
    const auto reapplied = core::MetadataFile::apply(copy, inferred, again);
    fuzzsupport::require(reapplied.ok(), "saved metadata applies",
                         reapplied.ok() ? QString() : reapplied.error().toString());
    return 0;
}
