import { availableParallelism } from 'node:os';
import { DriftbookError, errorMessage } from '../errors';
import { computeDrift } from '../drift/compute-drift';
import { jsonText, PAIR_OPTION_SPECS, parseCommandArgs, requirePair, writeOutput } from './command-io';
import { DRIFT_OPTION_SPECS, toDriftConfig, UsageError } from './drift-options';
import { fairnessCommand, qualityCommand } from './model-commands';
import { estimateCommand } from './estimate-command';
import { driftOnPool, WorkerPool } from './pool';
import { load, readSettings } from './read-options';
import { regularFileSize } from '../data/read-file';
import { anySegment, segmentSettings } from './segment-options';
import type { DriftResult } from '../drift/types';
import { APP_VERSION } from '../version';

const USAGE = `Usage: driftbook drift --reference R.csv --current C.csv [options]
       driftbook quality --reference R.csv [--current C.csv] [--out FILE] [--column-type COL=TYPE] [--missing T1,…]
       driftbook quality --reference R.csv [--current C.csv] --target COL --prediction COL [--score COL | --score proba_a,proba_b,…]
                         [--task classification|binary|multiclass|regression] [--pos-label L] [--threshold-prob X]
       driftbook fairness --data F.csv --target COL --prediction COL --sensitive COL[,COL] [--pos-label L]
                          [--method between_groups|to_overall] [--agg worst_case|mean] [--weight COL] [--score COL]
                          [--reference-group G] [--out FILE]
       driftbook report --reference R.csv --current C.csv --out report.html [--title TEXT] [drift and reading options]
       driftbook estimate --reference R.csv --current C.csv --target COL --score COL [--prediction COL] [--threshold X]
                          [--chunk-size N | --chunks N] [--out FILE]

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
alerts. Chunks: --chunk-size N rows, or --chunks N (default 10), a last incomplete chunk kept, as
NannyML's chunkers; start/end are 0-based data rows, end inclusive. Predictions: --prediction COL,
else score ≥ --threshold (0.5).

fairness prints group fairness as Fairlearn computes it (per-group rates; demographic parity,
equal opportunity and equalized odds differences and ratios), Aequitas disparities and
mitigation suggestions, as JSON.

Compares two CSV/TSV files column by column with Evidently's drift methods and defaults and
prints the drift result as JSON, or writes the same self-contained HTML report as the app.

Options:
  --reference FILE              the reference (baseline) dataset
  --current FILE                the current dataset to compare with it
  --out FILE                    write to FILE instead of standard output
  --format FORMAT               json (default) or html
  --title TEXT                  report title (html; default "<reference> vs <current>")
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
  --threads N                   threads for files over 8 MB in all (default: one per core, the main
                                thread included; 1 = no worker threads)

Model quality (quality) and fairness:
  --target COL                  the true label or value (default: the column with the target role)
  --prediction COL              the predicted label or value (default: the prediction role's column)
  --score COL[,COL…]            binary: the positive class's score; multiclass: one probability
                                column per class, named proba_<label>, prob_<label> or p_<label>;
                                fairness: the score behind per-group threshold suggestions
  --task T                      classification (binary or multiclass from the labels), binary,
                                multiclass or regression
  --pos-label L                 the positive class (default 1 for 0/1 labels, true for booleans)
  --threshold-prob X            binary, without --prediction: predict positive when score ≥ X (0.5)
  --data FILE                   (fairness) the dataset to assess
  --sensitive COL[,COL]         (fairness) one sensitive feature, or two for their intersection
  --method M                    (fairness) between_groups (default) or to_overall
  --agg A                       (fairness) equalized odds over TPR and FPR: worst_case (default) or mean
  --weight COL                  (fairness) per-row sample weights
  --reference-group G           (fairness) Aequitas reference group (default: the largest)
  -h, --help                    show this help
  -v, --version                 print the version

Method ids: ks, chisquare, z, t_test, es, mannw, anderson, cramer_von_mises, fisher_exact,
g_test, TVD, empirical_mmd, psi, kl_div, jensenshannon, hellinger, wasserstein, ed.

Exit codes: 0 done, 2 bad input or usage (one line on stderr), 1 unexpected failure.`;

// Below this much input a worker's start-up (≈0.5 s) costs more than it saves.
const POOL_MIN_BYTES = 8 * 1024 * 1024;

function parseThreads(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads: ${text} is not an integer from 1 to 64`);
  return n;
}

async function worthAPool(referencePath: string, currentPath: string, threads: number): Promise<boolean> {
  if (threads < 2) return false;
  // Workers re-open files by path: a pipe or stdin (no regular size) is read once, on this thread.
  const sizes = await Promise.all([referencePath, currentPath].map(regularFileSize));
  return sizes[0] !== undefined && sizes[1] !== undefined && sizes[0] + sizes[1] >= POOL_MIN_BYTES;
}

async function withPool<T>(threads: number, run: (pool: WorkerPool) => Promise<T>): Promise<T> {
  const pool = new WorkerPool(threads);
  try {
    return await run(pool);
  } finally {
    await pool.close();
  }
}

// The report, Plot and linkedom load only for --format html: they cost about a second of start-up.
async function renderHtml(result: DriftResult, title: string): Promise<string> {
  const [{ parseHTML }, { toHtmlReport }] = await Promise.all([import('linkedom'), import('../report/html-report')]);
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  return toHtmlReport(result, { title, exportedAt: new Date().toISOString(), appVersion: APP_VERSION }, { document });
}

/** What drift and report share: the two files, a title, and how drift is computed. */
const COMPARE_OPTION_SPECS = { ...PAIR_OPTION_SPECS, title: { type: 'string' }, ...DRIFT_OPTION_SPECS } as const;

async function drift(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, { ...COMPARE_OPTION_SPECS, format: { type: 'string', default: 'json' }, threads: { type: 'string' } });
  const [referencePath, currentPath] = requirePair(values, 'drift needs --reference FILE and --current FILE');
  if (values.format !== 'json' && values.format !== 'html') {
    throw new UsageError(`unknown format: ${values.format} — use json or html`);
  }
  const config = toDriftConfig(values);
  const read = readSettings(values);
  const threads = values.threads === undefined ? availableParallelism() : parseThreads(values.threads);
  const segments = segmentSettings(values);
  // The pool reads files in its workers; segments filter after reading, so they take the one-thread path.
  const result =
    !anySegment(segments) && (await worthAPool(referencePath, currentPath, threads))
      ? await withPool(threads - 1, (pool) => driftOnPool(pool, referencePath, currentPath, config, read))
      : await computeDrift(...(await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)])), config);
  const text = values.format === 'html' ? await renderHtml(result, values.title ?? `${result.reference.name} vs ${result.current.name}`) : jsonText(result);
  await writeOutput(text, values.out, out);
}

async function report(args: string[], out: (text: string) => void): Promise<void> {
  const { values } = parseCommandArgs(args, COMPARE_OPTION_SPECS);
  const [referencePath, currentPath] = requirePair(values, 'report needs --reference FILE and --current FILE (and --out report.html)');
  const config = toDriftConfig(values);
  const read = readSettings(values);
  const segments = segmentSettings(values);
  const [reference, current] = await Promise.all([load(referencePath, read, segments.reference), load(currentPath, read, segments.current)]);
  const [{ parseHTML }, { toWorkspaceReport }, { presetReportInput }, { computePreset }] = await Promise.all([
    import('linkedom'),
    import('../report/workspace-report'),
    import('../report/preset'),
    import('../notebook/presets'),
  ]);
  const input = presetReportInput({
    title: values.title ?? `${reference.meta.name} vs ${current.meta.name}`,
    reference: reference.meta,
    current: current.meta,
    cells: await computePreset(reference, current, { drift: config }),
    exportedAt: new Date().toISOString(),
  });
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  await writeOutput(await toWorkspaceReport(input, { document }), values.out, out);
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void } = {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '-v' || command === '--version') {
      io.out(`driftbook ${APP_VERSION}\n`);
      return 0;
    }
    if (!command || command === '-h' || command === '--help' || rest.includes('--help') || rest.includes('-h')) {
      io.out(`${USAGE}\n`);
      return command ? 0 : 2;
    }
    if (command === 'drift') await drift(rest, io.out);
    else if (command === 'quality') await qualityCommand(rest, io.out);
    else if (command === 'report') await report(rest, io.out);
    else if (command === 'fairness') await fairnessCommand(rest, io.out);
    else if (command === 'estimate') await estimateCommand(rest, io.out);
    else throw new UsageError(`unknown command: ${command} — the commands are: drift, quality, report, fairness, estimate`);
    return 0;
  } catch (error) {
    // Usage mistakes and bad files get one line and exit 2; anything else is a bug: exit 1.
    const known = error instanceof UsageError || error instanceof DriftbookError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    io.err(`driftbook: ${errorMessage(error).split('\n')[0]}\n`);
    return known ? 2 : 1;
  }
}
