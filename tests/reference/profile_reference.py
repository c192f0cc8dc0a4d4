#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Independent numbers for tests/core/tst_profilecases.cpp, computed with pandas.

Run with Debian's /usr/bin/python3 (pandas 1.5.3). Files are read raw, as the profile test
reads them: no whitespace trimming and only empty cells missing (keep_default_na=False,
na_values=[""]), so "\\t?" and "ckd\\t" stay what the file holds.

    /usr/bin/python3 tests/reference/profile_reference.py [SHARED_DIR]
"""
import os
import sys

import numpy as np
import pandas as pd

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared")
real = os.path.join(shared, "data", "real")


def raw(path, sep=","):
    return pd.read_csv(path, sep=sep, keep_default_na=False, na_values=[""], dtype=str)


def numeric(s):
    return pd.to_numeric(s, errors="coerce")


def report(title, df, numeric_columns, text_columns):
    print(f"== {title}: rows {len(df)}, duplicated().sum() {int(df.duplicated().sum())}")
    print("missing  ", {c: int(v) for c, v in df.isna().sum().items()})
    print("nunique  ", {c: int(v) for c, v in df.nunique().items()})
    for c in numeric_columns:
        s = numeric(df[c])
        q = s.quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]).tolist()
        print(f"{c}: count {int(s.count())} mean {s.mean()!r} std {s.std()!r} min {s.min()!r} max {s.max()!r} "
              f"skew {s.skew()!r} kurt {s.kurt()!r} zeros {int((s == 0).sum())} q {q!r}")
    for c in text_columns:
        s = df[c].dropna()
        padded = s[s != s.str.strip()]
        print(f"{c}: padded {len(padded)} {padded.value_counts().to_dict()!r}; "
              f"'?'-like {int(s.str.strip().eq('?').sum())}; "
              f"not numbers as written {int(numeric(s).isna().sum())}; "
              f"values {s.value_counts().to_dict() if s.nunique() < 8 else ''}")


for name, sep in (("kidney_disease_old.csv", ","), ("kidney_disease.csv", ";")):
    df = raw(os.path.join(real, "chronic_kidney_disease", name), sep)
    report(name, df, ["age", "bgr", "sod", "pot", "hemo"], ["pcv", "wc", "rc", "dm", "cad", "classification"])
    trimmed = df["classification"].str.strip().value_counts().to_dict()
    print("classification after strip", trimmed)
    print("pearson age~bgr", df[["age", "bgr"]].apply(numeric).corr().iloc[0, 1],
          "spearman", df[["age", "bgr"]].apply(numeric).corr(method="spearman").iloc[0, 1])

hf = pd.read_csv(os.path.join(real, "heart_failure", "heart_failure_clinical_records_dataset.csv"))
print("== heart_failure: rows", len(hf), "duplicated", int(hf.duplicated().sum()))
print("nunique", hf.nunique().to_dict())
for c in ("age", "creatinine_phosphokinase", "serum_sodium"):
    s = hf[c]
    print(f"{c}: mean {s.mean()!r} std {s.std()!r} skew {s.skew()!r} kurt {s.kurt()!r} "
          f"q {s.quantile([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]).tolist()!r}")
print("pearson age~serum_creatinine", hf["age"].corr(hf["serum_creatinine"]),
      "spearman", hf["age"].corr(hf["serum_creatinine"], method="spearman"))
print("DEATH_EVENT", hf["DEATH_EVENT"].value_counts().to_dict())

# As the profile step reads them: CsvReader's defaults trim spaces and tabs around values and read
# "", NA, N/A, NaN, null, NULL, None and ? as missing. The profile then names what that reading
# changed, counted here on the raw cells.
DEFAULT_MARKERS = {"", "NA", "N/A", "NaN", "null", "NULL", "None", "?"}
WRITTEN_NUMBER = r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"
for name, sep in (("kidney_disease_old.csv", ","), ("kidney_disease.csv", ";")):
    df = raw(os.path.join(real, "chronic_kidney_disease", name), sep)
    cleaned = df.apply(lambda s: s.str.strip(" \t")).where(lambda d: ~d.isin(DEFAULT_MARKERS))
    print(f"== {name} as read: missing {cleaned.isna().sum().to_dict()}")
    print("nunique", cleaned.nunique().to_dict())
    for c in df.columns:
        s = df[c].dropna()
        stripped = s.str.strip(" \t")
        padded = s[s != stripped]
        markers = s[stripped.isin(DEFAULT_MARKERS)]
        if len(padded) or len(markers):
            written = int(s.str.fullmatch(WRITTEN_NUMBER).sum())
            print(f"{c}: padded {len(padded)} {padded.value_counts().to_dict()!r}; read as missing "
                  f"{markers.value_counts().to_dict()!r}; numbers as written {written} of {len(s)}")
    s = numeric(cleaned["sod"]); p = numeric(cleaned["pot"])
    print("sod < 100:", int((s < 100).sum()), "pot > 10:", int((p > 10).sum()),
          "al zeros", int((numeric(cleaned["al"]) == 0).sum()), "su zeros", int((numeric(cleaned["su"]) == 0).sum()))
