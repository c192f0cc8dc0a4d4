#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""DCR speed: HealthSynth's exact search (bench_dcr) against scikit-learn's NearestNeighbors on the
same 100,000 synthetic x 100,000 real rows of 20 columns (14 numerical, 6 categorical), in one run.

bench_dcr writes the rows and its distances (HEALTHSYNTH_BENCH_DUMP_DIR). scikit-learn cannot cap
per-column distances, so the benchmark keeps synthetic numbers inside the real ranges, where the
cap never applies and the DCR distance equals Manhattan distance on [(x - min) / range, one-hot / 2]
divided by the column count. The script checks the two sets of distances agree, then prints both
times. Needs Debian's python3-sklearn.
Usage: bench_dcr_vs_sklearn.py BUILD_DIR/tests/benchmarks/bench_dcr [ROWS=100000]"""
import os
import re
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd
from sklearn.neighbors import NearestNeighbors

binary = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100000

with tempfile.TemporaryDirectory() as dump:
    env = dict(os.environ, HEALTHSYNTH_BENCH_DUMP_DIR=dump)
    out = subprocess.run([binary, f"--benchmark_filter=BM_DcrMixed20/{rows}/2/"], env=env, check=True,
                         capture_output=True, text=True).stdout
    line = next(l for l in out.splitlines() if l.startswith("BM_DcrMixed20"))
    ours = float(re.split(r"\s+", line)[1]) / 1000.0
    real = pd.read_csv(f"{dump}/real.csv")
    synthetic = pd.read_csv(f"{dump}/synthetic.csv")
    dcr = pd.read_csv(f"{dump}/dcr.csv")["dcr"].to_numpy()

start = time.perf_counter()
parts_real, parts_syn = [], []
for c in real.columns:
    if real[c].dtype.kind in "fi":
        lo, hi = real[c].min(), real[c].max()
        parts_real.append(((real[c] - lo) / (hi - lo)).to_numpy()[:, None])
        parts_syn.append(((synthetic[c] - lo) / (hi - lo)).to_numpy()[:, None])
    else:
        cats = sorted(set(real[c]) | set(synthetic[c]))
        parts_real.append(0.5 * (real[c].to_numpy()[:, None] == np.array(cats)[None, :]))
        parts_syn.append(0.5 * (synthetic[c].to_numpy()[:, None] == np.array(cats)[None, :]))
xr = np.hstack(parts_real)
xs = np.hstack(parts_syn)
nn = NearestNeighbors(n_neighbors=1, metric="manhattan", n_jobs=2).fit(xr)
distance, _ = nn.kneighbors(xs)
theirs = time.perf_counter() - start
sk = distance[:, 0] / len(real.columns)

print(f"rows: {rows} synthetic x {rows} real, {len(real.columns)} columns ({xr.shape[1]} after one-hot for sklearn)")
print(f"HealthSynth DCR (encode + exact search, 2 threads): {ours:.2f} s")
print(f"scikit-learn NearestNeighbors(manhattan, n_jobs=2):  {theirs:.2f} s")
print(f"max |DCR difference|: {np.max(np.abs(sk - dcr)):.3g}  median DCR {np.median(dcr):.6f} vs {np.median(sk):.6f}")
print("HealthSynth is", "at least as fast" if ours <= theirs else "SLOWER", f"(ratio {theirs / ours:.2f}x)")
sys.exit(0 if np.max(np.abs(sk - dcr)) < 1e-5 else 1)
