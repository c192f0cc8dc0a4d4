#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The big-table run: profile, fit (Gaussian copula) and sample 10,000,000 rows with
healthsynth-cli, each step a process of its own whose peak resident memory (getrusage of the
child, ru_maxrss) is set against the loaded table's in-memory size and must stay within
--bound times it.

The table's in-memory size is computed here from the profile's row count and column storages,
as the columnar Table holds them: 8-byte doubles (numbers, datetimes) or 4-byte codes
(categories, booleans) plus a 1-byte missing mask per cell; text cells as a QString (24 bytes
plus a heap block of 16 + 2 * (length + 1) bytes).

Usage: run_bigtable.py --cli PATH --work DIR [--rows N] [--bound X] [--csv FILE] [--shared DIR] [--keep]
Exit status 1 when a step fails or a peak exceeds the bound.
"""
import argparse
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent

BYTES_PER_CELL = {"number": 9, "datetime": 9, "category": 5, "boolean": 5}


def run_measured(name, command, log):
    """Runs command, returns (seconds, cpu seconds, peak RSS bytes)."""
    print(f"[{name}] {' '.join(command)}", flush=True)
    start = time.monotonic()
    with open(log, "wb") as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    if child.returncode != 0:
        sys.stdout.write(pathlib.Path(log).read_text(errors="replace")[-4000:])
        sys.exit(f"[{name}] failed with exit status {child.returncode}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024


def cancel_latency(name, command, stage):
    """Starts command, sends SIGINT (Ctrl+C) once its progress shows `stage`, and returns the
    seconds from the signal to the job's "Cancelled" message and to the process's exit (status 1)."""
    print(f"[cancel {name}] at \"{stage}\"", flush=True)
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen = []
    for line in child.stderr:
        seen.append(line)
        if stage in line:
            break
    else:
        child.wait()
        sys.exit(f"[cancel {name}] never reached \"{stage}\":\n{''.join(seen[-20:])}")
    start = time.monotonic()
    child.send_signal(signal.SIGINT)
    rest, reported = [], None
    for line in child.stderr:
        rest.append(line)
        if reported is None and "Cancelled" in line:
            reported = time.monotonic() - start
    status = child.wait()
    exited = time.monotonic() - start
    if status != 1 or reported is None:
        sys.exit(f"[cancel {name}] exit status {status}, expected 1 and \"Cancelled\":\n{''.join(rest)[-2000:]}")
    return reported, exited


def table_bytes(profile):
    rows = profile["rows"]
    total = 0
    for column in profile["columns"]:
        storage = column["storage"]
        if storage in BYTES_PER_CELL:
            total += rows * BYTES_PER_CELL[storage]
        else:  # text: the QString object, the mask byte, and the UTF-16 payload of present cells
            mean_length = (column.get("length") or {}).get("mean") or 0
            total += rows * 25 + column["count"] * (16 + 2 * (mean_length + 1))
    return total


def count_lines(path):
    lines = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 24):
            lines += chunk.count(b"\n")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="healthsynth-cli")
    parser.add_argument("--work", required=True, help="folder for the CSVs, the model and the logs")
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--bound", type=float, default=2.5,
                        help="allowed peak RSS as a multiple of the loaded table's size")
    parser.add_argument("--csv", help="input CSV (default WORK/big_ROWS.csv, made by make_big_csv.py)")
    parser.add_argument("--shared", help="the shared folder with bench/make_mixed_csv.py (default ../shared)")
    parser.add_argument("--keep", action="store_true", help="keep the synthetic CSV and the model")
    parser.add_argument("--no-cancel", action="store_true", help="skip the Ctrl+C latency measurements")
    args = parser.parse_args()

    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    csv = pathlib.Path(args.csv) if args.csv else work / f"big_{args.rows}.csv"
    if not args.csv:
        make = [sys.executable, str(HERE / "make_big_csv.py"), str(csv), "--rows", str(args.rows)]
        subprocess.run(make + (["--shared", args.shared] if args.shared else []), check=True)
    profile_json, model, synthetic = work / "profile.json", work / "model.hsmodel", work / "synthetic.csv"

    steps = []
    steps.append(("load + profile", *run_measured(
        "profile", [args.cli, "profile", str(csv), "--json", str(profile_json)], work / "profile.log")))
    profile = json.loads(profile_json.read_text())
    if profile["rows"] != args.rows or profile["column_count"] != 20:
        sys.exit(f"the profile saw {profile['rows']} rows x {profile['column_count']} columns")
    size = table_bytes(profile)

    steps.append(("load + fit (gaussian_copula) + save", *run_measured(
        "fit", [args.cli, "fit", str(csv), "--model", "gaussian_copula", "--out", str(model), "--seed", "1"],
        work / "fit.log")))
    steps.append((f"sample {args.rows:,} rows + write CSV", *run_measured(
        "sample", [args.cli, "sample", str(model), "--rows", str(args.rows), "--out", str(synthetic), "--seed", "2"],
        work / "sample.log")))

    cancels = []
    if not args.no_cancel:
        cancels.append(("profile, while profiling columns", cancel_latency(
            "profile", [args.cli, "profile", str(csv)], "Profiling columns")))
        cancels.append(("fit, while estimating correlations", cancel_latency(
            "fit", [args.cli, "fit", str(csv), "--out", str(work / "cancelled.hsmodel")], "Estimating correlations")))
        cancels.append(("sample, while sampling rows", cancel_latency(
            "sample", [args.cli, "sample", str(model), "--rows", str(args.rows), "--out", str(work / "cancelled.csv")],
            "Sampling rows")))
        for leftover in ("cancelled.hsmodel", "cancelled.csv"):
            if (work / leftover).exists():
                sys.exit(f"a cancelled run left {work / leftover} behind")

    written = count_lines(synthetic) - 1
    with open(synthetic, encoding="utf-8") as f:
        columns = len(f.readline().split(","))
    if written != args.rows or columns != 20:
        sys.exit(f"the synthetic CSV has {written} rows x {columns} columns, expected {args.rows} x 20")

    print(f"\ninput: {csv} ({csv.stat().st_size / 1e9:.2f} GB), {args.rows:,} rows x 20 columns")
    print(f"loaded table in memory: {size / 1e9:.2f} GB (computed from the column storages)")
    print(f"synthetic CSV: {synthetic.stat().st_size / 1e9:.2f} GB, {written:,} rows\n")
    print("| step | wall | CPU | peak RSS | × table |")
    print("|---|---|---|---|---|")
    failed = []
    results = []
    for name, seconds, cpu, peak in steps:
        ratio = peak / size
        print(f"| {name} | {seconds:.0f} s | {cpu:.0f} s | {peak / 1e9:.2f} GB | {ratio:.2f} |")
        results.append({"step": name, "seconds": seconds, "cpu_seconds": cpu, "peak_rss": peak, "ratio": ratio})
        if ratio > args.bound:
            failed.append(f"{name}: peak RSS {peak / 1e9:.2f} GB is {ratio:.2f}x the table, over the bound {args.bound}x")
    if cancels:
        print("\n| Ctrl+C during | \"Cancelled.\" after | process gone after |")
        print("|---|---|---|")
        for name, (reported, exited) in cancels:
            print(f"| {name} | {reported:.2f} s | {exited:.2f} s |")
    (work / "results.json").write_text(json.dumps(
        {"rows": args.rows, "table_bytes": size, "bound": args.bound, "steps": results,
         "cancel_seconds": dict(cancels)}, indent=2))
    if not args.keep:
        synthetic.unlink()
        model.unlink()
    if failed:
        sys.exit("\n".join(failed))
    print(f"\nevery step within {args.bound}x the loaded table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
