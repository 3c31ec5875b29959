import { CELL_KINDS, cellSpec } from '../notebook/registry';

/** Each kind with what it computes, from the registry (a new kind is listed without editing this file). */
const KINDS = CELL_KINDS.map((kind) => {
  const spec = cellSpec(kind);
  return `  ${kind.padEnd(15)} ${spec.label}${spec.compute ? '' : ' (computes nothing)'}: ${spec.description}`;
}).join('\n');

export const USAGE = `Usage: driftbook drift --reference R.csv --current C.csv [--column COL] [--format json|html|prometheus] [options]
       driftbook quality --reference R.csv [--current C.csv] [--out FILE] [--column-type COL=TYPE] [--missing T1,…]
       driftbook quality --reference R.csv [--current C.csv] --target COL --prediction COL [--score COL | --score proba_a,proba_b,…]
                         [--task classification|binary|multiclass|regression] [--pos-label L] [--threshold-prob X]
       driftbook fairness --data F.csv --target COL (--prediction COL | --score COL --threshold X) --sensitive COL[,COL]
                          [--pos-label L] [--method between_groups|to_overall] [--agg worst_case|mean] [--weight COL]
                          [--score COL] [--reference-group G] [--threshold-criterion tpr|selection_rate]
                          [--undefined-rates zero|null] [--out FILE]
       driftbook profile --data F.csv [--edges COL=E1,E2,… | --edges-from REF.dbprofile] [--max-categories 10000] --out P.dbprofile
       driftbook profile merge A.dbprofile B.dbprofile … --out M.dbprofile
       driftbook profile --duckdb "SELECT … FROM 'events/*.parquet'" [--edges … | --edges-from REF.dbprofile] --out P.dbprofile
       driftbook profile --emit-sql --dialect duckdb|spark|bigquery|postgres --table T --columns NAME:TYPE,…
       driftbook profile --from-sql-result ROWS.csv --out P.dbprofile   (the engine's answer to --emit-sql)
       driftbook quality --reference P.dbprofile [--current C.csv|C.dbprofile]   (the usual quality result from the profiles)
       driftbook drift --reference P.dbprofile --current C.csv|C.dbprofile [drift options] [--format json|html|prometheus]
                       (the usual drift result; each test: fromProfile exact|approximate|unavailable; no --bins/--segment/--column)
       driftbook report --reference R.csv --current C.csv --out report.html [--title TEXT] [drift and reading options]
       driftbook estimate --reference R.csv --current C.csv --target COL --score COL [--prediction COL] [--threshold X]
                          [--chunk-size N | --chunks N] [--out FILE]
       driftbook multivariate --reference R.csv --current C.csv [--method pca|classifier] [--columns A,B,…]
                              [--chunk-size N | --chunks N | --timestamp COL [--period day]] [--variance 0.65]
                              [--folds 5] [--seed 42] [--repeats 5] [--out FILE]
       driftbook detect --data F.csv (--column COL | --source error|abs_error [--target COL --prediction COL …]) --detector ID
                        [--param NAME=VALUE …] [--order-by COL] [--reference R.csv] [--out FILE]
       driftbook history add --workspace W.driftbook --current BATCH.csv [--date YYYY-MM-DD]
       driftbook history pin --workspace W.driftbook --reference R.csv
       driftbook history list --workspace W.driftbook
       driftbook card --card CARD.json [--reference R.csv] [--current C.csv] [--target COL] [--prediction COL]
                      [--score COL] [--sensitive COL] [--pos-label L] --format html|hf|mct [--out FILE]
       driftbook run --kind KIND [--config JSON] --reference R.csv [--current C.csv] [--format json|html|prometheus] [--out FILE]
       driftbook runs import --mlruns DIR | --mlflow-db FILE [--format json] [--out FILE]
       driftbook audit verify FILE.jsonl
       driftbook prom query --url http://HOST:9090 --query PROMQL --start T --end T --step S [--format json|csv]
                            [--timeout SECONDS] [--out FILE]
       driftbook alerts --rules RULES.json [--format prometheus] --out rules.yml [--test-out rules.test.yml]
                        [--group NAME] [--interval 1m]
       driftbook validate --suite S.json --data F.csv [--out result.json] [--strict] [--segment EXPR]
       driftbook suite --reference R.csv [--out suite.json] [--margin M] [--k K] [--name NAME] [--segment EXPR]
       driftbook abtest --data F.csv --variant COL [--control NAME] [--binary COL] [--numeric COL] [--timestamp COL [--period day]
                        [--time-zone ZONE]] [--planned-split A=50,B=50] [--alpha 0.05] [--power 0.8] [--effect X] [--out FILE]
       driftbook compare --data F.csv --target COL (--models PRED_A,PRED_B[,…] [--scores S_A,S_B] | --prediction COL --model-column COL)
                         [--pos-label L] [--task classification|regression] [--blocks COL | --chunks N] [--bootstrap 1000] [--seed 42] [--out FILE]
       driftbook value --data F.csv --target COL --prediction COL --value tp=V,fp=V,tn=V,fn=V [--cost-per-prediction C]
                       [--unit COL] [--pos-label L] [--reference R.csv --score COL] [--out FILE]
       driftbook explain --model M.onnx --data F.csv [--reference R.csv | --background B.csv] [--background-size 100]
                         [--rows 0,5,9 | --max-rows 1000] [--reference-rows N] [--method exact|kernel] [--samples 2048]
                         [--seed 42] [--output-space probability|log-odds] [--input-columns A,B,…]
                         [--target COL [--metric accuracy] [--repeats 5]] [--local-row N] [--out FILE]
       driftbook predict --model M.onnx --data F.csv [--out scored.csv] [--input-columns A,B,…] [--outputs O1,O2]

Every command is a notebook cell kind: its flags become the cell's settings, checked by the kind's
own validation, and the kind's compute runs — the same code as the app's cell, so the numbers are
the app's. drift is the data-drift cell (with --column COL, the column-detail cell), quality the
data-quality cell or, with model columns, the classification or regression cell, fairness the
fairness cell, estimate the estimated-performance cell, detect the change-detection cell, report the
default preset's cells.
--format html writes the app's notebook report of that one cell (as its Export…).

predict scores F with an ONNX model (onnxruntime-node) and writes F's rows with the model's outputs
added as columns (CSV, full precision): each model input takes the column of its name, or a single
[N,F] input (skl2onnx's float_input) takes --input-columns in that order (required unless F has
exactly F columns); a ZipMap classifier's probabilities come from the tensor feeding the ZipMap,
one column per class (output_<class>). --outputs picks outputs (default: every tensor output).

explain gives interventional SHAP values of F's rows (0-based) for an ONNX model (onnxruntime-node):
exact over every coalition up to 12 features, Kernel SHAP beyond or with --method kernel (--samples
coalitions, capped at 2^M − 2 where it is exact). The background is --background-size rows sampled
(seeded) from --reference, --background or F itself; with --reference, its rows are explained too and
the attribution drift (Kendall's τ of mean |SHAP|, a drift test per feature) is reported. --target adds
permutation importance (sklearn's definition), --local-row a LIME surrogate for that row.

run computes any kind: --config is a JSON object of the cell's settings (over the kind's defaults
for these files, as a new cell's), e.g. --kind column --config '{"column": "age"}' or --kind chart
--config '{"mark": "histogram", "x": "age"}'; it prints the kind's result as the app stores it.
Kinds:
${KINDS}

report writes the app's notebook report for the default preset (data drift + data quality): the
same self-contained HTML as "Export report" on those two cells.

quality profiles one file, or two side by side (counts, missing, non-finite, distinct, numeric
summaries, top categories, new and vanished categories, duplicated and constant columns) as JSON.
With a model's columns (--target, --prediction, --score, or a target column plus a prediction or
score column by role) it prints model quality instead: sklearn's classification metrics (accuracy,
balanced_accuracy, precision, recall, f1, roc_auc, average_precision, log_loss, brier_score,
confusion_matrix; multiclass macro/weighted averages and per_class) or regression metrics
(mean_error, mae, mse, rmse, mape, r2, max_error) for the reference and the current file, on one
label set and positive label. The task, if not given, is regression for a numeric target with more
than 10 distinct values, else classification (binary or multiclass from the labels seen).

estimate prints performance estimated without labels (CBPE, as NannyML 0.13) per chunk of the
current file: estimated accuracy, precision, recall, f1 and roc_auc, realized values where current has
the target, alert thresholds from the reference (mean ± 3 std of its chunks' realized metrics) and
alerts. Chunks: --chunk-size N rows, or --chunks N (1–50, default 10), a last incomplete chunk kept, as
NannyML's chunkers; start/end are 0-based data rows, end inclusive. Predictions: --prediction COL,
else score ≥ --threshold (0.5).

multivariate prints drift no single column shows. --method pca (default): NannyML's data
reconstruction error — features imputed (mean; most frequent category), categories frequency-encoded,
standardised and PCA-fitted on the reference keeping --variance of its variance (0.65); per chunk the
mean distance between rows and their reconstructions; thresholds mean ± 3 std of the reference
chunks, a chunk alerts outside them. --method classifier: a logistic regression tells reference rows
from current ones; its --folds-fold stratified cross-validated ROC AUC (0.5: no drift) overall and per
chunk, and each feature's permutation importance. Chunks: --chunks N (default 10), --chunk-size N rows
(start/end 0-based rows, end inclusive) or --timestamp COL with --period (hour … quarter, default day).
--columns: the features (default: every numeric, categorical and boolean column without another role).

value prints the business value of a binary classifier, as NannyML's business_value: total = TP·v_tp
+ FP·v_fp + TN·v_tn + FN·v_fn, perPrediction = total / n (NannyML's documentation), perPredictionNannyML
= (TN·v_tn + FN·v_fn)/(TN + FN) + (FP·v_fp + TP·v_tp)/(FP + TP) (what NannyML's code computes), roi =
(total − cost)/cost with cost = --cost-per-prediction × n (null without it), and the confusion counts.
--unit COL makes the values per unit of COL (e.g. the amount at stake). With --reference R (labelled)
and --score COL on a --data file without the target, the value is estimated from CBPE's expected
confusion matrix ("estimated": true).

card writes a model card: CARD.json holds the human fields in Model Card Toolkit v0.0.2 JSON (as
the app exports it; a key MCT does not know, or a value that is not a string, is refused naming its
JSON path). With --reference/--current it fills in the datasets (name, rows, SHA-256 of the file
bytes), accuracy, precision, recall, f1 and roc_auc per file with 95% bootstrap intervals (1000
resamples, seed 42, numpy's RandomState and linear percentiles) and, with --sensitive, accuracy,
selection rate, TPR and FPR per group of that column on the current file (plus the parity
differences and ratios); earlier filled numbers in CARD.json are replaced, the human text is kept
as is. --format html (print-ready, self-contained), hf (Hugging Face README.md) or mct (MCT JSON).

detect runs a sequential drift detector over one column, row by row (in time order with --order-by
COL, stable: equal times keep file order; a row without a timestamp is refused), as River 0.26 does:
page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w, or cusum. ddm, eddm, hddm_a and hddm_w read
0/1 errors (1 = error; a boolean column counts true as 1). --param NAME=VALUE sets one of River's
constructor arguments (repeatable; booleans true/false); the others keep River's defaults. Prints
{"detector", "params", "detections": [{"index", "timestamp"?}], "warnings": [...]}: every 0-based
index (position after ordering) whose update left a drift or a warning. A missing value is refused.
--source error reads the model's per-row error indicator instead of a column (1 where the prediction
differs from the target; predictions from --score ≥ --threshold when no prediction column), abs_error
|target − prediction|; a row missing either is refused. cusum without --param mu and sigma takes them
from --reference: the mean and sample standard deviation (ddof 1) of the same series in that file.

runs import reads an MLflow FileStore folder (mlruns) as MLflow does, without MLflow: experiments
(deleted ones under .trash included), runs with params, metric histories, tags, artifact paths and
dataset inputs, and the model registry with its aliases. Prints {"experiments", "runs",
"registeredModels"} as JSON (ids as strings; NaN and ±inf metric values as "NaN", "Infinity",
"-Infinity"); a file it cannot read is a warning on standard error, the rest is still read.
--mlflow-db reads MLflow's SQLite tracking store (mlflow.db) instead, read-only, into the same JSON
(histories in MLflow's timestamp, step, value order; ±inf are stored there as ±max double and
printed as that number; artifacts are not in the database, so every run's list is empty).

audit verify checks an audit trail exported from the app (Export audit trail, JSON Lines): each
entry's SHA-256 over its canonical JSON and its link to the previous entry. Prints {"ok": true,
"entries": N, "head": HASH} (exit 0), or the first broken entry {"ok": false, "index", "seq",
"problem", "reason"} — changed, reordered, deleted, inserted, relinked or malformed (exit 1); an
unreadable file or a line that is not a JSON object exits 2.

history keeps a workspace file's batch history (Batch history in the app) for scheduled jobs: add
appends a batch dated --date (default: today, UTC) and computes its drift share, per-column drift
scores and missing share against the reference pinned in the file; pin pins a reference (and
recomputes every batch); list prints the history as JSON. The file is rewritten atomically (a
temporary file, then a rename); a refused run (no pinned reference, a bad date, an unreadable
file) leaves it untouched and exits 2.

abtest is the A/B test cell on one file (one row per user or session): per variant n, conversions,
rate with its Wilson interval, mean and standard error; each variant against the control (--control,
else the first variant in sorted order): difference with Newcombe's interval, relative lift with
statsmodels' ratio interval minus 1, pooled two-proportion z-test, Holm-adjusted p, Welch's t and
Mann-Whitney U on --numeric; the sample-ratio mismatch check (chi-square against --planned-split,
default equal; mismatch when p < 0.001); planning (minimum detectable effect at the current n, and
with --effect the n per group for that effect, NormalIndPower at --alpha and --power); with
--timestamp the rate per variant per --period window. Intervals are at 1 − alpha.

fairness prints group fairness as Fairlearn computes it (per-group rates; demographic parity,
equal opportunity and equalized odds differences and ratios), Aequitas disparities and
mitigation suggestions, as JSON.

drift compares two CSV/TSV files column by column with Evidently's drift methods and defaults and
prints the drift result as JSON, or writes the cell's notebook report (--format html).

Options:
  --reference FILE              the reference (baseline) dataset
  --current FILE                the current dataset to compare with it
  --out FILE                    write to FILE instead of standard output
  --format FORMAT               json (default) or html (drift, run); card: html, hf or mct;
                                prometheus (drift, quality, fairness, estimate, run): the text exposition
  --card FILE                   (card) the card's human fields, MCT v0.0.2 JSON
  --title TEXT                  report title (html; default "<reference> vs <current>")
  --column COL                  (drift) the column-detail cell of one column: every applicable method
  --kind KIND                   (run) the cell kind to compute
  --config JSON                 (run) the cell's settings as a JSON object
  --method ID                   method for every column it applies to (others keep their default)
  --numeric-method ID           method for numeric columns
  --categorical-method ID       method for categorical columns
  --column-method COL=ID        method for one column (repeatable)
  --threshold X                 threshold for every column (default: the method's own)
  --column-threshold COL=X      threshold for one column (repeatable)
  --drift-share X               share of drifted columns for dataset drift (default 0.5)
  --share-of all|features       which share decides dataset drift: every tested column (default,
                                as Evidently) or features only (no target/prediction/score role)
  --role COL=ROLE               set a column's role (repeatable): feature, target, prediction, score,
                                timestamp, id, sensitive, ignored; roles guessed from names change nothing
  --bins SPEC                   sturges (default) | quantile:N | uniform:N | edges:E1,E2,…
  --correction C                none (default) | bonferroni | bh, over the p-value tests
  --methods IDS|all             also compute these methods into each column's "tests"
  --seed N                      seed of the permutation tests (TVD, empirical_mmd; default 42)
  --column-type COL=TYPE        read a column as numeric, categorical, boolean, datetime or text
                                (repeatable; default: inferred as Evidently does)
  --missing T1,T2,…             extra cell values to read as missing (beside NA, N/A, NaN, null, None…)
  --encoding E                  utf-8 (default) or windows-1252 (CSV/TSV)
  --skip-malformed              skip rows whose field count differs from the header's (counted in warnings)
  --decimal-comma               numbers use a decimal comma (1,5); with --thousands . for 1.234,5
  --thousands SEP               thousands separator in numbers: , . ' or space
  --date-format F               dates in this format are datetime too, e.g. DD/MM/YYYY or MM-DD-YYYY HH:mm
  --segment EXPR                keep only the rows where an arquero expression is true, in every file read,
                                e.g. "d => d.country === 'FR' && d.age >= 30" (see the README's Segments)
  --reference-segment EXPR      the reference file's segment (replaces --segment for it)
  --current-segment EXPR        the current file's segment (replaces --segment for it); with the same
                                file as --reference and --current, compares two segments of one file
  --threads N                   (drift) threads for files over 8 MB in all (default: one per core, the main
                                thread included; 1 = no worker threads)

Change detection (detect):
  --data FILE                   the dataset to monitor
  --column COL                  the monitored values (0/1 errors for ddm, eddm, hddm_a, hddm_w)
  --detector ID                 page_hinkley, adwin, kswin, ddm, eddm, hddm_a, hddm_w or cusum
  --param NAME=VALUE            a detector parameter by River's name (repeatable), e.g. --param delta=0.01
  --order-by COL                feed the rows in the order of this timestamp column
  --source S                    column (default), error (1 = prediction ≠ target) or abs_error (|target − prediction|)
  --target, --prediction COL    (error, abs_error) the model's columns (default: by role)
  --score COL[,COL…]            (error) predictions from the score instead: ≥ --threshold (0.5) → --pos-label
  --threshold P, --pos-label L  (error) the score's threshold and the positive label
  --reference FILE              (cusum) mu and sigma default to this file's mean and sample std of the series

Batch history (history):
  --workspace FILE              a workspace exported from the app (.driftbook), read and rewritten
  --date YYYY-MM-DD             (add) the day the batch stands for (default: today, UTC)

Model quality (quality) and fairness:
  --target COL                  the true label or value (default: the column with the target role)
  --prediction COL              the predicted label or value (default: the prediction role's column)
  --score COL[,COL…]            binary: the positive class's score; multiclass: one probability
                                column per class, named proba_<label>, prob_<label> or p_<label>;
                                fairness: the score behind per-group threshold suggestions
  --task T                      classification (binary or multiclass from the labels), binary,
                                multiclass or regression
  --pos-label L                 the positive class (default 1 for 0/1 labels, true for booleans; a boolean
                                target's positive label may be written yes, 1 or true)
  --threshold-prob X            binary, without --prediction: predict positive when score ≥ X (0.5)
  --data FILE                   (fairness) the dataset to assess
  --sensitive COL[,COL]         (fairness) one sensitive feature, or two for their intersection;
                                (card) one column, its groups measured on the current file
  --method M                    (fairness) between_groups (default) or to_overall
  --agg A                       (fairness) equalized odds over TPR and FPR: worst_case (default) or mean
  --weight COL                  (fairness) per-row sample weights
  --reference-group G           (fairness) Aequitas reference group (default: the largest)
  --threshold X                 (fairness) predictions from the score: positive when --score ≥ X
                                (estimate: the same, default 0.5); instead of --prediction
  --threshold-criterion C       (fairness, with --score) per-group thresholds equalise tpr (default) or selection_rate
  --undefined-rates R           (fairness) a rate with a zero denominator is 0 (default, as Fairlearn) or null
  -h, --help                    show this help
  -v, --version                 print the version

Method ids: ks, chisquare, z, t_test, es, mannw, anderson, cramer_von_mises, fisher_exact,
g_test, TVD, empirical_mmd, psi, kl_div, jensenshannon, hellinger, wasserstein, ed.

prom query runs a range query against a Prometheus server (/api/v1/query_range). --start and --end
are RFC 3339 with a zone (2026-12-05T10:00:00Z) or Unix seconds; --step is seconds or a duration
(30s, 1m). --format json (default) writes Prometheus' response as it came, which the app imports as
a dataset; csv writes Time plus one column per series (name{label="value", …}).

--format prometheus (drift, quality, fairness, estimate, run) writes the result's numbers in the
Prometheus text exposition format, families driftbook_* of the metric catalogue (README), for
node_exporter's textfile collector or a Pushgateway; a kind without catalogue numbers exits 2.

alerts writes a rules file (README "Alert rules") as one Prometheus alerting-rules group: one rule
per enabled rule, expr driftbook_<metric>{<labels>} <comparator> <threshold>, for, labels.severity,
annotations.summary (and driftbook_rule_id, driftbook_rule_name). Alert names are the rule names in
UpperCamelCase (letters and digits only; _2, _3… when two would be the same). {"consecutive": N}
becomes for: (N − 1) × --interval (the group's evaluation interval, default 1m). --test-out writes a
promtool test file beside it (promtool test rules FILE): each rule fires beyond its threshold after
its for, not at the threshold for > and <, never on the safe side or NaN.

validate runs a Great Expectations suite (GX Core 1.x JSON, or a 0.18 suite, converted) on one file,
as the Validation cell does, and prints GX 1.x's validation result (SUMMARY result format). It exits 0
when the run completes, whatever its success; with --strict it exits 3 when an expectation failed (for
CI). suite profiles a suite from a reference file, as the cell's "Suggest a suite": the columns, the
row count (half to twice the reference's), not-null (mostly = the non-missing share), ranges widened by
--margin (a share of the range, default 0), categories, unique ids, string lengths, mean and stdev
within --k standard errors (default 3) and a KL-divergence partition (README "Validation cell and CLI").

Exit codes: 0 done, 2 bad input or usage (one line on stderr), 1 unexpected failure (audit verify: a
broken chain; validate --strict: 3 when an expectation failed).`;
