#!/usr/bin/python3
"""The pandas/scipy side of Driftbook's benchmark (run by scripts/bench/run.mjs with /usr/bin/python3).

Modes (JSON on stdout; every key is always present, null when the mode did not measure it):
  --mode parse --file F.csv                 time pandas.read_csv(F) alone → parse_seconds, parse_mb_per_s
  --mode drift --reference R --current C    time read_csv(R) + read_csv(C) + every column's drift → drift_seconds
  --mode both  (default)                    both of the above, in one process

Drift per column reproduces Evidently 0.7's DEFAULT stat test (`_get_default_stattest`) on the column's
non-missing values, n_unique = distinct values of concat(reference, current):
  reference size <= 1000: numeric, n_unique <= 5 -> chisquare if n_unique > 2 else z; numeric -> ks;
                          categorical -> chisquare if n_unique > 2 else z
  reference size  > 1000: numeric, n_unique <= 5 -> jensenshannon; numeric -> wasserstein (normed);
                          categorical -> jensenshannon
plus scipy.stats.ks_2samp on every numeric column (ks_p). "Numeric" is pandas' dtype after read_csv,
except that integer columns with <= 10 distinct values are categorical (Evidently 0.7's typing, which
Driftbook follows); object columns are categorical.
Timings use time.perf_counter inside the process: interpreter start-up and `import pandas` are excluded
(run.mjs records the whole process's wall time separately).
"""

import argparse
import json
import os
import platform
import sys
import time

import numpy as np
import pandas as pd
import scipy
from scipy import stats
from scipy.spatial import distance

# Evidently's get_binned_data (stattests/utils.py): a numeric column with more than 20 distinct
# reference values gets Sturges histogram bins, anything else one bin per value (its n_bins is unused).
JS_N_BINS = 20


def binned_percents(ref, cur, numeric):
    if numeric and ref.nunique() > JS_N_BINS:
        bins = np.histogram_bin_edges(pd.concat([ref, cur]), bins="sturges")
        return np.histogram(ref, bins)[0] / len(ref), np.histogram(cur, bins)[0] / len(cur)
    keys = pd.Index(pd.concat([ref, cur]).unique())
    ref_counts = ref.value_counts().reindex(keys, fill_value=0).to_numpy()
    cur_counts = cur.value_counts().reindex(keys, fill_value=0).to_numpy()
    return ref_counts / len(ref), cur_counts / len(cur)


def jensenshannon(ref, cur, numeric):
    p, q = binned_percents(ref, cur, numeric)
    return float(distance.jensenshannon(p, q))


def wasserstein_norm(ref, cur):
    norm = max(float(np.std(ref)), 0.001)  # np.std: ddof=0, as Evidently
    return float(stats.wasserstein_distance(ref, cur) / norm)


def chisquare(ref, cur):
    keys = pd.Index(pd.concat([ref, cur]).unique())
    ref_counts = ref.value_counts().reindex(keys, fill_value=0).to_numpy()
    cur_counts = cur.value_counts().reindex(keys, fill_value=0).to_numpy()
    expected = ref_counts * (len(cur) / len(ref))
    return float(stats.chisquare(cur_counts, expected)[1])


def z_test(ref, cur):
    values = pd.concat([ref, cur]).unique()
    if len(values) == 1:
        return 1.0
    key = values[0]  # two-sided, so which of the two values counts as "success" does not matter
    n1, n2 = len(ref), len(cur)
    p1, p2 = float((ref == key).sum()) / n1, float((cur == key).sum()) / n2
    pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2))
    return float(2 * (1 - stats.norm.cdf(abs(z))))


def default_method(numeric, ref_size, n_unique):
    if ref_size <= 1000:
        if numeric and n_unique > 5:
            return "ks"
        return "chisquare" if n_unique > 2 else "z"
    if numeric and n_unique > 5:
        return "wasserstein"
    return "jensenshannon"


def column_drift(name, ref_col, cur_col):
    numeric = pd.api.types.is_numeric_dtype(ref_col.dtype) and pd.api.types.is_numeric_dtype(cur_col.dtype)
    # Evidently 0.7 (and Driftbook) type integer columns with <= 10 distinct values as categorical.
    if numeric and pd.api.types.is_integer_dtype(ref_col.dtype) and ref_col.nunique() <= 10:
        numeric = False
    ref = ref_col.dropna()
    cur = cur_col.dropna()
    if numeric:  # non-finite values are not values for a drift test
        ref = ref[np.isfinite(ref)]
        cur = cur[np.isfinite(cur)]
    if len(ref) == 0 or len(cur) == 0:
        return {"name": name, "kind": "numeric" if numeric else "categorical", "method": None, "score": None, "ks_p": None}
    n_unique = int(pd.concat([ref, cur]).nunique())
    method = default_method(numeric, len(ref), n_unique)
    if method == "ks":
        score = float(stats.ks_2samp(ref, cur)[1])
    elif method == "wasserstein":
        score = wasserstein_norm(ref, cur)
    elif method == "jensenshannon":
        score = jensenshannon(ref, cur, numeric)
    elif method == "chisquare":
        score = chisquare(ref, cur)
    else:
        score = z_test(ref, cur)
    ks_p = float(stats.ks_2samp(ref.to_numpy(), cur.to_numpy())[1]) if numeric else None
    return {
        "name": name,
        "kind": "numeric" if numeric else "categorical",
        "dtype": str(ref_col.dtype),
        "n_unique": n_unique,
        "method": method,
        "score": score,
        "ks_p": ks_p,
    }


def measure_parse(path):
    size = os.path.getsize(path)
    start = time.perf_counter()
    frame = pd.read_csv(path)
    seconds = time.perf_counter() - start
    return {"parse_seconds": seconds, "parse_mb_per_s": size / 1e6 / seconds, "parse_rows": int(len(frame)), "parse_bytes": size}


def measure_drift(reference, current):
    start = time.perf_counter()
    ref = pd.read_csv(reference)
    cur = pd.read_csv(current)
    read_done = time.perf_counter()
    columns = [column_drift(name, ref[name], cur[name]) for name in ref.columns if name in cur.columns]
    end = time.perf_counter()
    return {
        "drift_seconds": end - start,
        "drift_read_seconds": read_done - start,
        "drift_compute_seconds": end - read_done,
        "columns": columns,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["parse", "drift", "both"], default="both")
    parser.add_argument("--file", help="file for --mode parse (default: --reference)")
    parser.add_argument("--reference")
    parser.add_argument("--current")
    args = parser.parse_args()
    result = {
        "tool": "pandas+scipy",
        "versions": {
            "python": platform.python_version(),
            "pandas": pd.__version__,
            "numpy": np.__version__,
            "scipy": scipy.__version__,
        },
        "parse_seconds": None,
        "parse_mb_per_s": None,
        "drift_seconds": None,
        "columns": None,
    }
    if args.mode in ("parse", "both"):
        path = args.file or args.reference
        if not path:
            parser.error("--mode parse needs --file (or --reference)")
        result.update(measure_parse(path))
    if args.mode in ("drift", "both"):
        if not args.reference or not args.current:
            parser.error("--mode drift needs --reference and --current")
        result.update(measure_drift(args.reference, args.current))
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
