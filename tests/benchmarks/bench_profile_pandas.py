#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Profiling speed against pandas doing less (issue #4).

Runs `bench_profile --once FILE` (CsvReader load, then core::profileTable), then, in this
process, pandas on the same file: read_csv, then describe(include="all"), nunique(),
isna().sum() and corr() timed together. The two run one after the other, never at once.

    /usr/bin/python3 tests/benchmarks/bench_profile_pandas.py /tmp/mixed_1m.csv \
        --bench build-profile/tests/benchmarks/bench_profile [--runs 3]

The file comes from `/usr/bin/python3 ../shared/bench/make_mixed_csv.py 1000000 /tmp/mixed_1m.csv 7`.
Prints one JSON line per run and a summary with the best times.
"""
import argparse
import json
import os
import resource
import subprocess
import time

import pandas as pd


def pandas_profile(path):
    t0, c0 = time.perf_counter(), time.process_time()
    df = pd.read_csv(path)
    load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    t1, c1 = time.perf_counter(), time.process_time()
    df.describe(include="all")
    df.nunique()
    df.isna().sum()
    df.corr(numeric_only=True)
    profile, profile_cpu = time.perf_counter() - t1, time.process_time() - c1
    return load, profile, load_cpu, profile_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--bench", default=os.path.join("build-profile", "tests", "benchmarks", "bench_profile"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()

    ours, theirs = [], []
    for run in range(args.runs):
        out = subprocess.run([args.bench, "--once", args.file, "--threads", str(args.threads)],
                             check=True, capture_output=True, text=True).stdout
        ours.append(json.loads(out.strip().splitlines()[-1]))
        load, profile, load_cpu, profile_cpu = pandas_profile(args.file)
        theirs.append({"load_seconds": load, "profile_seconds": profile, "load_cpu_seconds": load_cpu,
                       "profile_cpu_seconds": profile_cpu})
        print(json.dumps({"run": run, "healthsynth": ours[-1], "pandas": theirs[-1]}))

    best_ours = min(r["profile_seconds"] for r in ours)
    best_load = min(r["load_seconds"] for r in ours)
    best_pandas = min(r["profile_seconds"] for r in theirs)
    # The machine may be shared: CPU seconds (all threads) say more than wall time then.
    best_ours_cpu = min(r["profile_cpu_seconds"] for r in ours)
    best_load_cpu = min(r["load_cpu_seconds"] for r in ours)
    best_pandas_cpu = min(r["profile_cpu_seconds"] for r in theirs)
    print(json.dumps({
        "healthsynth_profile_seconds": round(best_ours, 3),
        "healthsynth_load_seconds": round(best_load, 3),
        "pandas_describe_nunique_isna_corr_seconds": round(best_pandas, 3),
        "speedup_vs_pandas": round(best_pandas / best_ours, 2),
        "profile_not_slower_than_load": best_ours <= best_load,
        "healthsynth_profile_cpu_seconds": round(best_ours_cpu, 3),
        "healthsynth_load_cpu_seconds": round(best_load_cpu, 3),
        "pandas_profile_cpu_seconds": round(best_pandas_cpu, 3),
        "cpu_speedup_vs_pandas": round(best_pandas_cpu / best_ours_cpu, 2),
        "profile_cpu_not_above_load_cpu": best_ours_cpu <= best_load_cpu,
        "pandas_peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


if __name__ == "__main__":
    main()
