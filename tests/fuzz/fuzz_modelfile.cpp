// SPDX-License-Identifier: MIT
// libFuzzer target: the model-file (*.hsmodel) reader for every built-in generator. A model it
// accepts must also sample, since a damaged file that loads and then crashes is no better.
#include "fuzzsupport.h"
#include "tablecheck.h"

#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/modelfile.h"

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const QString path = fuzzsupport::writeInput(QStringLiteral("input.hsmodel"), data, size);
    auto loaded = core::ModelFile::load(path, core::builtInGenerators());
    if (!loaded.ok()) {
        fuzzsupport::require(!loaded.error().message.isEmpty(), "an error says what is wrong");
        return 0;
    }
    core::SilentJob job;
    const auto sampled = loaded.value()->sample(5, 7, job);
    if (sampled.ok())
        fuzzsupport::require(sampled.value().rowCount() == 5 || sampled.value().columnCount() == 0,
                             "sampling gives the rows asked for");
    else
        fuzzsupport::require(!sampled.error().message.isEmpty(), "an error says what is wrong");
    return 0;
}
