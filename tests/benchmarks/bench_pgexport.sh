#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs bench_pgexport against a throw-away PostgreSQL server (the same fixture the tests use).
#   tests/benchmarks/bench_pgexport.sh BUILD_DIR [benchmark options]
# Environment: HEALTHSYNTH_BENCH_ROWS (default 1000000), HEALTHSYNTH_BENCH_INSERT_ROWS (default 100000).
set -eu
build=${1:?usage: $0 BUILD_DIR [benchmark options]}
shift
here=$(cd "$(dirname "$0")" && pwd)
state="$build/test-services/postgres-bench"
sh "$here/../support/postgres-fixture.sh" start "$state"
trap 'sh "$here/../support/postgres-fixture.sh" stop "$state"' EXIT
HEALTHSYNTH_TEST_PG_URI=$(cat "$state/uri") HEALTHSYNTH_TEST_PG_PASSWORD=$(cat "$state/password") \
    "$build/tests/benchmarks/bench_pgexport" "$@"
