#!/usr/bin/env bash
# Builds HealthSynth and opens it with the bundled demo data (as root on Debian 12).
# Without a display it starts a virtual one (Xvfb), so the command also works over SSH.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release -DHEALTHSYNTH_BUILD_TESTS=OFF
cmake --build --preset release -j "$(nproc)" --target healthsynth healthsynth-cli

app=build/release/app/healthsynth
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "No display found: running under a virtual X server (xvfb-run)." >&2
    exec xvfb-run -a -s "-screen 0 1280x800x24" "$app" --demo "$@"
fi
exec "$app" --demo "$@"
