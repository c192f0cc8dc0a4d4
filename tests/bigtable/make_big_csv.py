#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the big-table test's CSV: ROWS rows x 20 health-like columns (default 10,000,000).

It runs the shared benchmark generator (../shared/bench/make_mixed_csv.py, the 1M-row bench
table's generator) with a larger row count, so the big table has the same columns, types and
distributions as the benchmarks. The file is written beside OUT and renamed at the end, and a
sidecar OUT.done records rows and seed; an existing complete file is reused.

Usage: make_big_csv.py OUT.csv [--rows N] [--seed S] [--shared DIR]
"""
import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shared", default=str(HERE.parents[2] / "shared"),
                        help="the shared folder beside the repository")
    args = parser.parse_args()

    out = pathlib.Path(args.out)
    done = out.with_name(out.name + ".done")
    stamp = f"rows={args.rows} seed={args.seed}\n"
    if out.exists() and done.exists() and done.read_text() == stamp:
        print(f"{out}: reusing the complete file ({stamp.strip()})")
        return 0

    generator = pathlib.Path(args.shared) / "bench" / "make_mixed_csv.py"
    if not generator.exists():
        sys.exit(f"make_big_csv.py: {generator} not found (set --shared)")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    done.unlink(missing_ok=True)
    subprocess.run([sys.executable, str(generator), str(args.rows), str(partial), str(args.seed)], check=True)
    with open(partial, "rb") as f:
        header = f.readline().decode().rstrip("\r\n").split(",")
    if len(header) != 20:
        sys.exit(f"make_big_csv.py: expected 20 columns, the generator wrote {len(header)}")
    os.replace(partial, out)
    done.write_text(stamp)
    print(f"{out}: {args.rows} rows x {len(header)} columns, {out.stat().st_size / 1e9:.2f} GB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
