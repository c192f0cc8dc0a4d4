#!/usr/bin/env bash
# Installs the Debian 12 packages HealthSynth builds, runs and tests with (as root).
# Only what is missing is installed, so a second run costs a second.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-charts-dev libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6svg6 qt6-svg-dev qt6-translations-l10n libgl-dev
    libeigen3-dev libtorch-dev libqcustomplot-dev libboost-math-dev libcurl4-openssl-dev
    libxgboost-dev libpq-dev qtkeychain-qt6-dev libopenblas0-pthread
    libbenchmark-dev xvfb xauth postgresql poppler-utils fonts-dejavu-core
    clang libclang-rt-14-dev
    python3 python3-pandas python3-sklearn python3-xgboost python3-scipy
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The S3 test server comes from npm; some machines ship a Node.js that bundles npm and
# conflicts with Debian's npm package, so Debian's is only installed when npm is absent.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# LibTorch and Eigen call the system BLAS; the reference BLAS is ~10x slower than OpenBLAS.
blas=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/ {print $2}')
case "$blas" in
    *openblas*) ;;
    *) update-alternatives --set libblas.so.3-x86_64-linux-gnu \
           /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 || true ;;
esac
