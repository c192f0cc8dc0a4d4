#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Reference numbers for tests/core/tst_utility.cpp, computed with scikit-learn 1.2 and
xgboost 1.7 (Debian's python3-sklearn, python3-xgboost) the same way HealthSynth computes them.

Data: ../shared/data/real/heart_failure/heart_failure_clinical_records_dataset.csv, target
DEATH_EVENT. Split: row i (0-based, file order) is hold-out when i % 5 == 0, else training.
"Synthetic" rows: the training rows with numeric column j (in file order, target excluded)
rolled down by j + 1 rows (np.roll), so marginals are exact and joint structure is damaged.
Features, in HealthSynth's FeatureEncoder order: every column in file order; the 0/1 columns
anaemia, diabetes, high_blood_pressure, sex, smoking are categorical -> one-hot, categories in
order of first appearance in the real training rows; the others numeric.
Models: XGBClassifier(n_estimators=200, max_depth=6, learning_rate=0.3, tree_method="hist",
n_jobs=2, random_state=0); LogisticRegression(C=1, lbfgs, max_iter=10000, tol=1e-10) after
mean imputation and RobustScaler fitted on the training rows.
Second part, the same for Adult (../shared/data/real/adult_ctgan/adult.csv, leading blanks
stripped, target income, the 8 text columns categorical, the 6 numeric columns numeric).
Usage: utility_reference.py [SHARED_DIR]"""
import sys

import numpy as np
import pandas as pd
import xgboost
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.preprocessing import RobustScaler

shared = next((a for a in sys.argv[1:] if not a.startswith("--")), "/work/shared")


def run(name, df, target, categorical):
    features = [c for c in df.columns if c != target]
    idx = np.arange(len(df))
    train = df[idx % 5 != 0].reset_index(drop=True)
    test = df[idx % 5 == 0].reset_index(drop=True)
    synthetic = train.copy()
    for j, c in enumerate(features):
        synthetic[c] = np.roll(train[c].to_numpy(), j + 1)
    classes = sorted(pd.unique(train[target]))

    def encode(frame):
        cols = []
        for c in features:
            if c in categorical:
                for v in pd.unique(train[c]):  # first-appearance order in the real training rows
                    cols.append((frame[c] == v).astype(float).to_numpy())
            else:
                cols.append(frame[c].astype(float).to_numpy())
        return np.column_stack(cols)

    def labels(frame):
        return np.array([classes.index(v) for v in frame[target]])

    def scores(y, proba):
        pred = proba.argmax(axis=1)
        return (accuracy_score(y, pred), f1_score(y, pred, average="macro"), roc_auc_score(y, proba[:, 1]))

    xte, yte = encode(test), labels(test)
    for kind, frame in (("real", train), ("synthetic", synthetic)):
        x, y = encode(frame), labels(frame)
        model = xgboost.XGBClassifier(n_estimators=200, max_depth=6, learning_rate=0.3, tree_method="hist", n_jobs=2,
                                      random_state=0)
        model.fit(x, y)
        print(f"{name} xgboost {kind}: accuracy %.10f macro_f1 %.10f roc_auc %.10f"
              % scores(yte, model.predict_proba(xte)))
        scaler = RobustScaler().fit(x)
        lr = LogisticRegression(C=1.0, max_iter=10000, tol=1e-10).fit(scaler.transform(x), y)
        print(f"{name} logistic {kind}: accuracy %.10f macro_f1 %.10f roc_auc %.10f"
              % scores(yte, lr.predict_proba(scaler.transform(xte))))


heart = pd.read_csv(f"{shared}/data/real/heart_failure/heart_failure_clinical_records_dataset.csv")
run("heart_failure", heart, "DEATH_EVENT", ["anaemia", "diabetes", "high_blood_pressure", "sex", "smoking"])
if "--no-adult" not in sys.argv:
    adult = pd.read_csv(f"{shared}/data/real/adult_ctgan/adult.csv", skipinitialspace=True)
    run("adult", adult, "income", [c for c in adult.columns if adult[c].dtype == object and c != "income"])
