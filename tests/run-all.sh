#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine (as root): installs what is missing,
# builds the release preset, and runs every test but the benchmarks. The PostgreSQL and
# S3-compatible servers the tests need are started by ctest fixtures (tests/support/).
# HEALTHSYNTH_SANITIZER_RUN=1 also runs the core tests under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release -DHEALTHSYNTH_BUILD_TESTS=ON
cmake --build --preset release -j "$(nproc)"
ctest --preset release -j 2 --timeout 900

if [[ "${HEALTHSYNTH_SANITIZER_RUN:-0}" == 1 ]]; then
    cmake --preset asan
    cmake --build --preset asan -j "$(nproc)"
    ctest --preset asan -j 2
fi
