#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Times HealthSynth's CSV reader against pandas.read_csv on the same file, in the same run.

Usage: compare_csv_pandas.py BENCH_CSV [FILE] [--repeat N]
  BENCH_CSV  the bench_csv binary (build-dir/tests/benchmarks/bench_csv)
  FILE       defaults to /tmp/mixed_1m.csv, made with ../shared/bench/make_mixed_csv.py 1000000 FILE 7
             when it does not exist

Runs the two readers alternately N times (default 3), each in a fresh process under
/usr/bin/time -v, and reports the median read time (time inside the process, excluding start-up),
the ratio, and our peak RSS against the loaded table's size. Exits 1 when the issue's goals
(>= 4x faster, peak RSS <= 2x the table) are missed.
"""
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAKE = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "bench", "make_mixed_csv.py"))
PANDAS = ("import time, pandas, sys\n"
          "c = time.process_time(); t = time.perf_counter(); df = pandas.read_csv(sys.argv[1])\n"
          "s = time.perf_counter() - t; c = time.process_time() - c\n"
          "print('{\"seconds\": %.4f, \"cpu_seconds\": %.4f, \"rows\": %d}' % (s, c, len(df)))\n")


def timed(command):
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[0])
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    result["rss_bytes"] = int(rss.group(1)) * 1024
    if "cpu_seconds" not in result:  # ours: the whole process (start-up is negligible)
        user = float(re.search(r"User time \(seconds\): ([0-9.]+)", done.stderr).group(1))
        system = float(re.search(r"System time \(seconds\): ([0-9.]+)", done.stderr).group(1))
        result["cpu_seconds"] = user + system
    return result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    if "--repeat" in sys.argv:
        args.remove(str(repeat))
    if not args:
        print(__doc__)
        return 2
    bench = args[0]
    path = args[1] if len(args) > 1 else "/tmp/mixed_1m.csv"
    if not os.path.exists(path):
        subprocess.run(["/usr/bin/python3", MAKE, "1000000", path, "7"], check=True)
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(timed([bench, "--once", path]))
        theirs.append(timed(["/usr/bin/python3", "-c", PANDAS, path]))
    if ours[0]["rows"] != theirs[0]["rows"]:
        print(f"row counts differ: ours {ours[0]['rows']}, pandas {theirs[0]['rows']}")
        return 1
    our_s = statistics.median(r["seconds"] for r in ours)
    pandas_s = statistics.median(r["seconds"] for r in theirs)
    rss = max(r["rss_bytes"] for r in ours)
    table = ours[0]["table_bytes"]
    speedup = pandas_s / our_s
    print(f"file: {path} ({os.path.getsize(path) / 1e6:.1f} MB, {ours[0]['rows']} rows)")
    print(f"healthsynth: {our_s:.3f} s (runs {', '.join('%.3f' % r['seconds'] for r in ours)})")
    print(f"pandas {subprocess.run(['/usr/bin/python3', '-c', 'import pandas; print(pandas.__version__)'], capture_output=True, text=True).stdout.strip()}: "
          f"{pandas_s:.3f} s (runs {', '.join('%.3f' % r['seconds'] for r in theirs)})")
    our_cpu = statistics.median(r["cpu_seconds"] for r in ours)
    pandas_cpu = statistics.median(r["cpu_seconds"] for r in theirs)
    print(f"speed-up: {speedup:.2f}x wall (goal >= 4)")
    print(f"CPU time: healthsynth {our_cpu:.3f} s, pandas {pandas_cpu:.3f} s ({pandas_cpu / our_cpu:.2f}x less); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"peak RSS: {rss / 1e6:.1f} MB; table: {table / 1e6:.1f} MB; ratio {rss / table:.2f} (goal <= 2); "
          f"pandas peak RSS {max(r['rss_bytes'] for r in theirs) / 1e6:.1f} MB")
    return 0 if speedup >= 4 and rss <= 2 * table else 1


if __name__ == "__main__":
    sys.exit(main())
