// SPDX-License-Identifier: MIT
// libFuzzer target: the project-file (*.hsproj) reader. Whatever it accepts must save and load
// again, so a project the application opened can always be kept.
#include "fuzzsupport.h"

#include "core/project/project.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QString path = fuzzsupport::writeInput(QStringLiteral("input.hsproj"), data, size);
    core::Diagnostics warnings;
    const auto loaded = core::ProjectFile::load(path, warnings);
    if (!loaded.ok()) {
        fuzzsupport::require(!loaded.error().message.isEmpty(), "an error says what is wrong");
        return 0;
    }
    const QString copy = fuzzsupport::scratchDir().filePath(QStringLiteral("copy.hsproj"));
    const auto saved = core::ProjectFile::save(loaded.value(), copy);
    fuzzsupport::require(saved.ok(), "a loaded project saves", saved.ok() ? QString() : saved.error().toString());
    core::Diagnostics again;
    const auto reloaded = core::ProjectFile::load(copy, again);
    fuzzsupport::require(reloaded.ok(), "a saved project loads", reloaded.ok() ? QString() : reloaded.error().toString());
    return 0;
}
