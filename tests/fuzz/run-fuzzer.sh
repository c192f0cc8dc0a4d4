#!/usr/bin/env bash
# Runs one fuzzer built by the fuzz preset for SECONDS, or until it finds a bug (exit status 1).
#   bash tests/fuzz/run-fuzzer.sh build/fuzz/tests/fuzz/fuzz_csvreader 3600 [libFuzzer flags...]
# New interesting inputs go to corpus/NAME beside the fuzzer (kept between runs), the seeds are
# read from seeds/NAME, and a crashing or hanging input is written to findings/NAME/.
set -euo pipefail
fuzzer=$(realpath "$1")
seconds=$2
shift 2
here=$(dirname "$0")
dir=$(dirname "$fuzzer")
name=$(basename "$fuzzer")
short=${name#fuzz_}

# Inputs beyond these sizes exercise nothing new but slow every run down.
case "$short" in
    modelfile) max_len=131072 ;;
    csvreader) max_len=16384 ;;
    *) max_len=8192 ;;
esac

# A stored size too large for memory must end as an error, as on a real machine: allocations
# beyond 2 GB fail (Qt then throws bad_alloc) instead of being reported by AddressSanitizer.
export ASAN_OPTIONS="allocator_may_return_null=1:max_allocation_size_mb=2048${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$(realpath "$here/lsan.supp")${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

mkdir -p "$dir/corpus/$short" "$dir/findings/$short"
flags=(-max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=3072
       -print_final_stats=1 -artifact_prefix="$dir/findings/$short/")
if [[ -f "$here/$short.dict" ]]; then
    flags+=(-dict="$here/$short.dict")
fi
seeds=()
if [[ -d "$dir/seeds/$short" ]]; then
    seeds+=("$dir/seeds/$short")
fi
exec "$fuzzer" "${flags[@]}" "$@" "$dir/corpus/$short" "${seeds[@]}"
