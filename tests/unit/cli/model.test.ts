import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { expectClose, readJson, ROOT } from '../../support';

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Runs the CLI, expects success, returns the parsed JSON. */
async function json(args: string[]) {
  const { code, out, err } = await run(args);
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const fixture = (name: string) => join(ROOT, 'tests/fixtures/model', name);
type Expected = Record<string, unknown>;
const expected = readJson<Record<string, Record<string, Expected>>>('tests/fixtures/model/expected.json');
const REL = 1e-9;

/** Every field of `want` in `got`: numbers within REL (expected "NaN" is null), the rest equal. */
function expectMatches(got: unknown, want: unknown, path: string): void {
  if (want === 'NaN') expect(got, path).toBeNull();
  else if (typeof want === 'number' && !Number.isInteger(want)) expectClose(got as number, want, REL, path);
  else if (Array.isArray(want)) {
    expect(Array.isArray(got), path).toBe(true);
    expect((got as unknown[]).length, `${path} length`).toBe(want.length);
    want.forEach((w, i) => expectMatches((got as unknown[])[i], w, `${path}[${i}]`));
  } else if (want !== null && typeof want === 'object') {
    for (const [key, w] of Object.entries(want)) expectMatches((got as Record<string, unknown>)[key], w, `${path}.${key}`);
  } else expect(got, path).toBe(want);
}

/** A side of the quality JSON against the generator's {rows, …metrics}. */
function expectSide(side: { rows: number; metrics: unknown }, want: Expected, what: string): void {
  const { rows, ...metrics } = want;
  expect(side.rows, `${what} rows`).toBe(rows);
  expectMatches(side.metrics, metrics, what);
}

describe('driftbook quality: model quality', () => {
  it('binary with int labels and scores, columns found by their roles (y, y_pred, score)', async () => {
    const result = await json(['quality', '--reference', fixture('binary-ref.csv'), '--current', fixture('binary-cur.csv')]);
    expect(Object.keys(result)).toEqual(['kind', 'schemaVersion', 'task', 'columns', 'reference', 'current']);
    expect(result).toMatchObject({ kind: 'model-quality', schemaVersion: 1, task: 'binary', columns: { target: 'y', prediction: 'y_pred', score: ['score'] } });
    expect(result.reference).toMatchObject({ name: 'binary-ref.csv', rows: 120 });
    expect(Object.keys(result.reference.metrics)).toEqual(
      expect.arrayContaining([
        'accuracy',
        'balanced_accuracy',
        'precision',
        'recall',
        'f1',
        'roc_auc',
        'average_precision',
        'log_loss',
        'brier_score',
        'confusion_matrix',
      ]),
    );
    const want = expected.binary!;
    expectSide(result.reference, want.reference!, 'binary reference');
    expectSide(result.current, want.current!, 'binary current');
    // Two rows of the current file have no target and one no score.
    expect(result.current.metrics).toMatchObject({ excluded_rows: 2, excluded_score_rows: 3 });
  });

  it('binary with explicit columns: --task, --threshold-prob and --pos-label', async () => {
    const base = ['quality', '--reference', fixture('binary-ref.csv'), '--target', 'y'];
    const explicit = await json([...base, '--prediction', 'y_pred', '--score', 'score', '--task', 'classification']);
    expect(explicit.task).toBe('binary');
    expect(explicit.current).toBeUndefined();
    expectSide(explicit.reference, expected.binary!.reference!, 'explicit');

    // A threshold derives the predictions from the score; the prediction column by role is set aside.
    const derived = await json([...base, '--score', 'score', '--threshold-prob', '0.3']);
    expect(derived.columns.prediction).toBeNull();
    expectSide(derived.reference, expected.binary!['reference_threshold_0.3']!, 'threshold 0.3');

    // (The score column by role is P(1), so with --pos-label 0 only the label metrics are meaningful.)
    const pos0 = await json([...base, '--prediction', 'y_pred', '--pos-label', '0']);
    expect(pos0.reference.metrics.pos_label).toBe('0');
    expectSide(pos0.reference, expected.binary!.reference_pos_0!, 'pos label 0');
  });

  it('multiclass with string labels and proba_ columns; both files on one label set', async () => {
    const args = [
      'quality',
      '--reference',
      fixture('multiclass-ref.csv'),
      '--current',
      fixture('multiclass-cur.csv'),
      '--target',
      'animal',
      '--prediction',
      'animal_pred',
    ];
    for (const task of [[], ['--task', 'classification'], ['--task', 'multiclass']]) {
      const result = await json([...args, '--score', 'proba_dog,proba_bird', '--score', 'proba_cat', ...task]);
      expect(result.task).toBe('multiclass');
      expect(result.columns.score).toEqual(['proba_dog', 'proba_bird', 'proba_cat']);
      expectSide(result.reference, expected.multiclass!.reference!, 'multiclass reference');
      expectSide(result.current, expected.multiclass!.current!, 'multiclass current');
      expect(Object.keys(result.reference.metrics.per_class)).toEqual(['bird', 'cat', 'dog']);
    }
    const bad = await run([...args, '--score', 'proba_bird,weight_kg']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'driftbook: probability column name: "weight_kg" — name it proba_<label>, prob_<label> or p_<label>; labels seen: "bird", "cat", "dog"\n',
    );
    const binary = await run([...args, '--task', 'binary']);
    expect(binary).toMatchObject({ code: 2, err: 'driftbook: task binary: 3 labels (bird, cat, dog) — use task multiclass\n' });
  });

  it('regression: a numeric target with more than 10 values, unless --task says otherwise', async () => {
    const result = await json([
      'quality',
      '--reference',
      fixture('regression-ref.csv'),
      '--current',
      fixture('regression-cur.csv'),
      '--target',
      'price',
      '--prediction',
      'price_pred',
    ]);
    expect(result.task).toBe('regression');
    expect(Object.keys(result.reference.metrics)).toEqual(expect.arrayContaining(['mean_error', 'mae', 'mse', 'rmse', 'mape', 'r2', 'max_error']));
    expectSide(result.reference, expected.regression!.reference!, 'regression reference');
    expectSide(result.current, expected.regression!.current!, 'regression current');
    expect(result.current.metrics.excluded_rows).toBe(1);
    // An explicit --task wins; a score column found by role is left out of a regression.
    const forced = await json(['quality', '--reference', fixture('binary-ref.csv'), '--task', 'regression']);
    expect(forced).toMatchObject({ task: 'regression', columns: { target: 'y', prediction: 'y_pred', score: [] } });
  });

  it('keeps profiling the data without model columns', async () => {
    const result = await json(['quality', '--reference', fixture('regression-ref.csv')]);
    expect(result).toMatchObject({ kind: 'quality', schemaVersion: 1, reference: { name: 'regression-ref.csv', rows: 80 } });
  });

  it('bad model input: one line on stderr, exit 2', async () => {
    const ref = ['quality', '--reference', fixture('binary-ref.csv')];
    const cases: [string[], string][] = [
      [['--target', 'label'], 'column "label": not in binary-ref.csv — its columns are x, y, y_pred, score'],
      [['--pos-label', 'yes'], 'pos_label: "yes" is not a label — labels seen: 0, 1'],
      [['--task', 'ranking'], '--task: ranking is not one of classification, binary, multiclass, regression'],
      [['--threshold-prob', 'half'], '--threshold-prob: half is not a number'],
      // The classification kind's own check (the app's form shows the same words).
      [
        ['--prediction', 'y_pred', '--threshold-prob', '0.4'],
        'Classification quality settings: A threshold derives predictions from the score: clear the prediction column or the threshold',
      ],
      [['--task', 'regression', '--score', 'score'], 'score: regression takes no score columns (score) — leave them out'],
      [['--score', 'x,', '--target', 'y'], '--score: empty column name in x, — separate names with single commas'],
    ];
    for (const [args, message] of cases) expect(await run([...ref, ...args])).toMatchObject({ code: 2, out: '', err: `driftbook: ${message}\n` });
    expect(await run(['quality', '--reference', fixture('regression-ref.csv'), '--prediction', 'price_pred'])).toMatchObject({
      code: 2,
      err: 'driftbook: target: none chosen and no column of regression-ref.csv has the target role — choose the target column (its columns are area, price, price_pred)\n',
    });
    expect(await run(['quality', '--reference', fixture('binary-ref.csv'), '--current', fixture('regression-cur.csv'), '--score', 'score'])).toMatchObject({
      code: 2,
      err: 'driftbook: column "y": not in regression-cur.csv — its columns are area, price, price_pred\n',
    });
  });
});

describe('driftbook fairness', () => {
  const data = ['fairness', '--data', fixture('fairness.csv'), '--target', 'y', '--prediction', 'pred'];
  const want = expected.fairness!;

  it('prints Fairlearn-style group metrics with sample weights', async () => {
    const result = await json([...data, '--sensitive', 'sex', '--weight', 'w']);
    expect(result).toMatchObject({ kind: 'fairness', schemaVersion: 1, sensitive: ['sex'] });
    expect(Object.keys(result.groups[0])).toEqual(
      expect.arrayContaining(['group', 'count', 'selection_rate', 'tpr', 'fpr', 'fnr', 'tnr', 'precision', 'accuracy']),
    );
    expectMatches(result, want.sex_weighted, 'sex weighted');
    expect(result.excluded_rows).toEqual({ total: 1, missing_target: 0, missing_prediction: 0, missing_sensitive: 1 });
    expect(result.thresholds).toBeNull();
  });

  it('intersects two features, with --method, --agg, --score and --reference-group, and writes --out', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'driftbook-fairness-')), 'f.json');
    const args = [...data, '--sensitive', 'sex,race', '--method', 'to_overall', '--agg', 'mean', '--score', 'score', '--reference-group', 'F, a', '--out', out];
    expect(await run(args)).toEqual({ code: 0, out: '', err: '' });
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expectMatches(result, want.sex_race_to_overall_mean, 'sex × race');
    expect(result.groups.map((g: { group: string }) => g.group)).toContain('M, c');
    expect(result.disparities.reference_group).toBe('F, a');
    expect(result.thresholds.groups.length).toBe(result.groups.length);
  });

  it("reproduces Fairlearn's documented example from a CSV (target and prediction by role)", async () => {
    const result = await json(['fairness', '--data', fixture('fairlearn-example.csv'), '--sensitive', 'sf']);
    expect(result.groups.map((g: { group: string }) => g.group)).toEqual(['a', 'b', 'c']);
    expectClose(result.demographic_parity_difference, 0.25, REL, 'DP difference');
    expectClose(result.demographic_parity_ratio, 2 / 3, REL, 'DP ratio');
    expect(result.equalized_odds_difference).toBe(1);
    expect(result.equalized_odds_ratio).toBe(0);
    expectMatches(result, want.fairlearn_example, 'fairlearn example');
  });

  it('bad fairness input: one line on stderr, exit 2', async () => {
    const cases: [string[], string][] = [
      [
        ['fairness', '--data', fixture('fairness.csv'), '--target', 'y', '--prediction', 'pred'],
        'fairness needs --sensitive COLUMN[,COLUMN] (one sensitive feature, or two for their intersection)',
      ],
      [
        ['fairness', '--data', fixture('regression-ref.csv'), '--sensitive', 'area'],
        'fairness needs --target COLUMN and --prediction COLUMN (or columns with those roles)',
      ],
      [['fairness', '--target', 'y'], 'fairness needs --data FILE (with --target, --prediction and --sensitive columns)'],
      [[...data, '--sensitive', 'gender'], 'column "gender": not in fairness.csv — its columns are y, pred, sex, race, w, score'],
      [[...data, '--sensitive', 'sex', '--pos-label', '2'], 'posLabel: "2" is not a label of the data ("0", "1") — pick one of them'],
      [[...data, '--sensitive', 'sex', '--method', 'ratio'], 'method: "ratio" — use "between_groups" or "to_overall"'],
      [[...data, '--sensitive', 'sex', '--reference-group', 'X'], 'referenceGroup: "X" is not a group ("F", "M") — pick one of them'],
      [[...data, '--sensitive', 'sex', '--weight', 'sex'], 'column "sex" of fairness.csv: "M" (row 1) is not a number — choose a numeric column'],
    ];
    for (const [args, message] of cases) expect(await run(args)).toMatchObject({ code: 2, out: '', err: `driftbook: ${message}\n` });
  });
});
