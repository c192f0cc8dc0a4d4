// SPDX-License-Identifier: MIT
#include "core/generators/transforms/torchsupport.h"

#include "core/generators/transforms/datatransformer.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <sstream>

#include <QByteArray>
#include <QFile>

#include <dlfcn.h>
#include <mutex>

namespace core::transforms {

int ensureTorchThreads()
{
    static std::once_flag once;
    static int threads = kDefaultTorchThreads;
    std::call_once(once, [] {
        bool ok = false;
        const int requested = qEnvironmentVariableIntValue("HEALTHSYNTH_TORCH_THREADS", &ok);
        if (ok && requested > 0)
            threads = requested;
        at::set_num_threads(threads);
        // LibTorch's BLAS (OpenBLAS through update-alternatives) keeps its own pthread pool, one thread per core,
        // that spins between the small matrix products of a batch: on adult it doubled the CPU time of TVAE.
        // Give it the same thread count; looked up at run time because another libblas may be selected.
        using SetThreads = void (*)(int);
        if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
            set(threads);
    });
    return threads;
}

bool torchCudaAvailable() { return torch::cuda::is_available(); }

bool openBlasLoaded()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    return maps.readAll().contains("openblas");
}

QByteArray moduleBytes(const std::shared_ptr<torch::nn::Module> &module)
{
    torch::serialize::OutputArchive archive;
    module->save(archive);
    std::ostringstream stream;
    archive.save_to(stream);
    const std::string bytes = stream.str();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

void loadModuleBytes(const std::shared_ptr<torch::nn::Module> &module, const QByteArray &bytes)
{
    std::istringstream stream(std::string(bytes.constData(), size_t(bytes.size())));
    torch::serialize::InputArchive archive;
    archive.load_from(stream, torch::Device(torch::kCPU));
    module->load(archive);
}

std::optional<QString> neverTogether(const DataTransformer &transformer, const QList<ColumnCondition> &conditions)
{
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        for (qsizetype j = i + 1; j < conditions.size(); ++j) {
            const auto a = transformer.conditionIndex(conditions[i].column, conditions[i].value);
            const auto b = transformer.conditionIndex(conditions[j].column, conditions[j].value);
            if (a && b && !transformer.mayCooccur(*a, *b))
                return QCoreApplication::translate("core::transforms",
                                                   "No rows satisfied %1 after 0 tries; this combination never "
                                                   "occurs in the real data.")
                    .arg(describeConditions(conditions));
        }
    }
    return std::nullopt;
}

} // namespace core::transforms
