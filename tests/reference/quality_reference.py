#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Independent reference for tests/core/tst_quality_realdata.cpp.

Implements the formulas of ../shared/specs/metrics.md sections 1-4 (SDMetrics v0.29 semantics)
with pandas / numpy / scipy, on data/real/heart_failure and a perturbed copy made with exact
integer rules that the C++ test repeats. Run:

    /usr/bin/python3 tests/reference/quality_reference.py ../shared/data/real/heart_failure/heart_failure_clinical_records_dataset.csv

and paste the printed numbers into the test. Needs python3-pandas and python3-scipy (Debian).
Also prints the spec's worked example 5 in both modes as a self-check.
"""
import sys

import numpy as np
import pandas as pd
from scipy.stats import ks_2samp, pearsonr
from scipy.stats.contingency import association

BINARY = ["anaemia", "diabetes", "high_blood_pressure", "sex", "smoking", "DEATH_EVENT"]


def perturb(real):
    """The deterministic synthetic copy (the C++ test applies the same rules)."""
    real = real.copy()
    n = len(real)
    # real side: platelet missing in every 23rd row
    real.loc[[i for i in range(n) if i % 23 == 0], "platelet"] = np.nan
    synth = pd.DataFrame(index=range(n))
    for c, name in enumerate(real.columns):
        if c < 6:
            rows = [(i * 7 + 3) % n for i in range(n)]
        else:
            rows = [(i * 11 + c * 5) % n for i in range(n)]
        values = real[name].to_numpy()[rows].astype(float)
        for i in range(n):
            if name in BINARY:
                if i % 9 == 0:
                    values[i] = 1.0 - values[i]
            else:
                if i % 5 == 0:
                    values[i] = values[i] * 1.1
                if name == "creatinine_phosphokinase" and i % 17 == 0:
                    values[i] = np.nan
                if name == "age" and i == 4:
                    values[i] = 120.0
        synth[name] = values
    # rows 3, 13, 23, ...: exact copies of the real row; rows 7, 17, ...: copies with every
    # number scaled by 1.005 (inside NewRowSynthesis' 1 % tolerance)
    for i in range(n):
        if i % 10 in (3, 7):
            for name in real.columns:
                v = float(real[name].iloc[i])
                if i % 10 == 7 and name not in BINARY:
                    v = v * 1.005
                synth.loc[i, name] = v
    return real, synth


def round_noise(values):
    # numpy round to 14 decimals (reference), then 13 significant digits (HealthSynth's float-noise rule)
    out = np.round(values.astype(float), 14)
    return np.array([float(f"{v:.12e}") for v in out])


def ks_complement(r, s, noise=True):
    r = r.dropna().to_numpy(dtype=float)
    s = s.dropna().to_numpy(dtype=float)
    if noise:
        r, s = round_noise(r), round_noise(s)
    return 1 - ks_2samp(r, s).statistic


def tv_complement(r, s):
    r = r.dropna()
    s = s.dropna()
    rc = r.value_counts().to_dict()
    sc = s.value_counts().to_dict()
    for k in sc:
        if k not in rc:
            rc[k] = 1e-6
    rt = sum(rc.values())
    st = sum(sc.values())
    return 1 - 0.5 * sum(abs(sc.get(k, 0) / st - rc[k] / rt) for k in rc)


def contingency(r, s):
    """r, s: DataFrames with two columns; NaN kept as a category."""
    cols = list(r.columns)
    cr = r.groupby(cols, dropna=False).size()
    cs = s.groupby(cols, dropna=False).size()
    table = cr.unstack(fill_value=0)
    v = np.nan
    if table.to_numpy().sum() > 0 and min(table.shape) >= 2:
        v = association(table.to_numpy().astype(np.int64), method="cramer")
    pr = cr / len(r)
    ps = cs / len(s)
    idx = pr.index.union(ps.index, sort=False)
    diff = (pr.reindex(idx, fill_value=0) - ps.reindex(idx, fill_value=0)).abs().fillna(0)
    return 1 - diff.sum() / 2, v


def digitize_own(x):
    edges = np.histogram_bin_edges(x.dropna())
    return pd.Series(np.digitize(x, bins=edges), index=x.index)


def correlation(r, s):
    cols = list(r.columns)
    if (r.nunique() == 1).any() or (s.nunique() == 1).any():
        return np.nan, np.nan
    r = r.dropna()
    s = s.dropna()
    cr = pearsonr(r[cols[0]], r[cols[1]])[0]
    cs = pearsonr(s[cols[0]], s[cols[1]])[0]
    return 1 - abs(cr - cs) / 2, cr


def quality(real, synth, sdtypes, noise=True):
    continuous = [c for c, t in sdtypes.items() if t in ("numerical", "datetime")]
    shapes = {}
    for c, t in sdtypes.items():
        shapes[c] = ks_complement(real[c], synth[c], noise and t != "datetime") if c in continuous else tv_complement(real[c], synth[c])
    rd = {c: digitize_own(real[c]) for c in continuous}
    sd = {c: digitize_own(synth[c]) for c in continuous}
    pairs = []
    names = list(sdtypes)
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            a, b = names[i], names[j]
            if a in continuous and b in continuous:
                score, rc = correlation(real[[a, b]], synth[[a, b]])
                pairs.append((a, b, "corr", score, abs(rc) if not np.isnan(rc) else np.nan))
            else:
                ra = rd[a] if a in continuous else real[a]
                rb = rd[b] if b in continuous else real[b]
                sa = sd[a] if a in continuous else synth[a]
                sb = sd[b] if b in continuous else synth[b]
                score, v = contingency(pd.DataFrame({a: ra, b: rb}), pd.DataFrame({a: sa, b: sb}))
                pairs.append((a, b, "cont", score, v))
    shape_score = np.nanmean(list(shapes.values()))
    out = {"shapes": shapes, "column_shapes": shape_score, "pairs": pairs}
    for mode, (tc, ta) in {"current": (0.5, 0.3), "all": (0.0, 0.0)}.items():
        kept = []
        for a, b, kind, score, trend in pairs:
            t = tc if kind == "corr" else ta
            if np.isnan(score):
                continue
            if t > 0 and (np.isnan(trend) or trend <= t):
                continue
            kept.append(score)
        trends = np.mean(kept) if kept else np.nan
        out[mode] = (np.nanmean([shape_score, trends]), trends, len(kept))
    return out


def diagnostic(real, synth, sdtypes, tol=0.01):
    validity = {}
    for c, t in sdtypes.items():
        r, s = real[c], synth[c]
        if t in ("numerical", "datetime"):
            if r.isna().any():
                r, s = r.dropna(), s.dropna()
            validity[c] = s.between(r.min(), r.max()).sum() / len(s)
        else:
            validity[c] = s.isin(r).sum() / len(s)
    new_rows = 0
    cols = list(sdtypes)
    for _, row in synth.iterrows():
        mask = np.ones(len(real), dtype=bool)
        for c in cols:
            v = row[c]
            if pd.isna(v):
                mask &= real[c].isna().to_numpy()
            elif sdtypes[c] in ("numerical", "datetime"):
                mask &= (np.abs(real[c] - v) <= abs(tol * v)).to_numpy()
            else:
                mask &= (real[c] == v).to_numpy()
        if not mask.any():
            new_rows += 1
    return validity, np.mean(list(validity.values())), new_rows / len(synth), new_rows


def worked_example_5():
    real = pd.DataFrame({
        "col1": [0, 1, 2, 3], "col2": ["a", "b", "c", "d"], "col3": [True, False, False, True],
        "col4": pd.to_datetime(["2020-10-01", "2021-01-02", "2021-09-12", "2022-10-01"]).astype("int64"),
        "col5": pd.to_datetime(["2020-09-13", "2020-12-01", "2021-01-12", "2022-08-13"]).astype("int64"),
    })
    synth = pd.DataFrame({
        "col1": [0, 2, 2, 3], "col2": ["a", "c", "c", "b"], "col3": [False, False, False, True],
        "col4": pd.to_datetime(["2020-11-04", "2021-02-01", "2021-08-01", "2022-12-01"]).astype("int64"),
        "col5": pd.to_datetime(["2020-10-13", "2020-02-04", "2021-03-11", "2022-07-23"]).astype("int64"),
    })
    sdtypes = {"col1": "numerical", "col2": "categorical", "col3": "boolean", "col4": "datetime", "col5": "datetime"}
    return quality(real, synth, sdtypes)


def main():
    ex = worked_example_5()
    print("worked example 5: shapes", ex["shapes"], "all pairs", repr(ex["all"]), "current", repr(ex["current"]))
    real = pd.read_csv(sys.argv[1])
    real, synth = perturb(real)
    sdtypes = {c: ("boolean" if c in BINARY else "numerical") for c in real.columns}
    q = quality(real, synth, sdtypes)
    print("column shapes (per column):")
    for c, v in q["shapes"].items():
        print(f"  {c}: {v!r}")
    print("column_shapes", repr(q["column_shapes"]))
    print("current (overall, trends, pairs counted)", repr(q["current"]))
    print("all pairs (overall, trends, pairs counted)", repr(q["all"]))
    qraw = quality(real, synth, sdtypes, noise=False)
    print("without float-noise rounding: column_shapes", repr(qraw["column_shapes"]))
    for a, b, kind, score, trend in q["pairs"]:
        if (a, b) in (("age", "anaemia"), ("age", "ejection_fraction"), ("serum_creatinine", "time"), ("sex", "smoking"), ("platelet", "DEATH_EVENT")):
            print(f"  pair {a}/{b} {kind}: score {score!r} trend {trend!r}")
    validity, validity_mean, nrs, new_rows = diagnostic(real, synth, sdtypes)
    print("validity", {c: repr(v) for c, v in validity.items()})
    print("data_validity", repr(validity_mean))
    print("new_row_synthesis", repr(nrs), new_rows)


if __name__ == "__main__":
    main()
