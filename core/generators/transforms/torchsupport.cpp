// SPDX-License-Identifier: MIT
#include "core/generators/transforms/torchsupport.h"

#include <torch/torch.h>

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

} // namespace core::transforms
