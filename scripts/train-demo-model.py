"""Trains the demo's rain classifier and writes public/demo/rain-model.json, then rebuilds the demo
CSVs with scripts/make-demo-data.mjs (which applies the model) and checks that its predictions are
sklearn's, digit for digit.

Model: sklearn 1.2.1 StandardScaler + LogisticRegression(random_state=0, lbfgs), fitted on the
reference part only (2012–2013), to predict rain = 1 when weather is "rain". Features: temp_max,
temp_min, wind and the season as sin/cos of the day of year. precipitation is left out on purpose:
a rainy day is a day with precipitation, so it would leak the label.

Deterministic: lbfgs on a fixed table has no randomness; the scores are rounded to 6 decimals.
Usage: /usr/bin/python3 scripts/train-demo-model.py   (needs node_modules/vega-datasets)
"""
import json
import math
import os
import subprocess

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SOURCE = os.path.join(ROOT, "node_modules", "vega-datasets", "data", "seattle-weather.csv")
MODEL = os.path.join(ROOT, "public", "demo", "rain-model.json")
FILES = {"reference": "public/demo/seattle-weather-2012-2013.csv", "current": "public/demo/seattle-weather-2015.csv"}
YEARS = {"reference": (2012, 2013), "current": (2015,)}
FEATURES = ["temp_max", "temp_min", "wind", "season_sin", "season_cos"]


def features(table):
    # Day of year as an angle: 1 January is 0; a 365.25-day period so leap years barely shift it.
    day = pd.to_datetime(table["date"]).dt.dayofyear.to_numpy()
    angle = 2 * math.pi * (day - 1) / 365.25
    return np.column_stack([table["temp_max"], table["temp_min"], table["wind"], np.sin(angle), np.cos(angle)])


def score_text(p):
    return f"{p:.6f}"


def main():
    weather = pd.read_csv(SOURCE, dtype={"date": str})
    year = weather["date"].str.slice(0, 4).astype(int)
    parts = {name: weather[year.isin(years)].reset_index(drop=True) for name, years in YEARS.items()}
    for table in parts.values():
        table["rain"] = (table["weather"] == "rain").astype(int)

    reference = parts["reference"]
    model = make_pipeline(StandardScaler(), LogisticRegression(random_state=0))
    model.fit(features(reference), reference["rain"])
    scaler, classifier = model.steps[0][1], model.steps[1][1]

    expected, metrics = {}, {}
    for name, table in parts.items():
        texts = [score_text(p) for p in model.predict_proba(features(table))[:, 1]]
        score = np.array([float(t) for t in texts])
        predicted = (score >= 0.5).astype(int)
        expected[name] = (texts, predicted)
        # On the written (rounded) scores, exactly what the demo files hold.
        metrics[name] = {
            "rows": int(len(table)),
            "rain_share": float(table["rain"].mean()),
            "predicted_share": float(predicted.mean()),
            "accuracy": float(accuracy_score(table["rain"], predicted)),
            "roc_auc": float(roc_auc_score(table["rain"], score)),
            "log_loss": float(log_loss(table["rain"], score)),
            "brier_score": float(brier_score_loss(table["rain"], score)),
        }

    card = {
        "name": "demo rain classifier",
        "generator": "scripts/train-demo-model.py",
        "model": "StandardScaler + LogisticRegression(random_state=0, solver='lbfgs', C=1.0)",
        "target": "rain: 1 when weather is \"rain\", else 0",
        "features": FEATURES,
        "feature_definitions": {
            "season_sin": "sin(2π·(day_of_year − 1) / 365.25)",
            "season_cos": "cos(2π·(day_of_year − 1) / 365.25)",
        },
        "left_out": {"precipitation": "a rainy day is a day with precipitation: it would leak the label"},
        "trained_on": f"{FILES['reference']} ({len(reference)} rows, 2012–2013)",
        "scaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "coefficients": classifier.coef_[0].tolist(),
        "intercept": float(classifier.intercept_[0]),
        "score": "P(rain) = 1 / (1 + exp(−(intercept + Σ coefficients · (x − mean) / scale))), rounded to 6 decimals",
        "threshold": 0.5,
        "columns": {"rain": "actual (0/1)", "rain_predicted": "1 when rain_score ≥ 0.5", "rain_score": "P(rain)"},
        "metrics": metrics,
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__},
    }
    with open(MODEL, "w") as f:
        json.dump(card, f, indent=2, ensure_ascii=False)
        f.write("\n")

    # make-demo-data.mjs applies the model in JavaScript so `--check` needs no Python; prove it agrees.
    subprocess.run(["node", os.path.join(ROOT, "scripts", "make-demo-data.mjs")], check=True)
    for name, (texts, predicted) in expected.items():
        written = pd.read_csv(os.path.join(ROOT, FILES[name]), dtype={"rain_score": str})
        if list(written["rain_score"]) != texts:
            bad = [i for i, (a, b) in enumerate(zip(written["rain_score"], texts)) if a != b]
            raise SystemExit(f"{FILES[name]}: rain_score differs from sklearn's in rows {bad[:10]}")
        if list(written["rain_predicted"]) != predicted.tolist() or list(written["rain"]) != parts[name]["rain"].tolist():
            raise SystemExit(f"{FILES[name]}: rain or rain_predicted differs from sklearn's")
        m = metrics[name]
        print(f"{name}: {m['rows']} rows, accuracy {m['accuracy']:.4f}, ROC AUC {m['roc_auc']:.4f}")


if __name__ == "__main__":
    main()
