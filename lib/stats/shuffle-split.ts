/**
 * scikit-learn 1.2's random train/test splitters with an integer random_state, draw for draw:
 * they take numpy's legacy RandomState(seed) stream (MT19937, lib/stats/random.ts), so the same
 * seed gives the same row indices as sklearn.
 * - shuffleSplit: sklearn.model_selection.ShuffleSplit (ShuffleSplit._iter_indices);
 * - stratifiedShuffleSplit: StratifiedShuffleSplit (its _iter_indices with _approximate_mode),
 *   the splitter NannyML's calibration decision uses (nannyml/calibration.py, needs_calibration).
 */
import { AnalysisError } from '../errors';
import { mt19937, permutation, shuffle, type Rng } from './random';

export interface ShuffleSplitOptions {
  /** Number of splits (sklearn's n_splits, default 10). */
  splits?: number;
  /** Share of rows in each test set, in (0, 1) (sklearn's test_size, default 0.1). */
  testSize?: number;
  /** sklearn's random_state (an integer in [0, 2^32)). */
  seed: number;
}

export interface TrainTest {
  train: Int32Array;
  test: Int32Array;
}

/** sklearn's _validate_shuffle_split for a float test_size and no train_size. */
function sizes(n: number, testSize: number): { nTrain: number; nTest: number } {
  if (!(testSize > 0 && testSize < 1)) throw new AnalysisError('bad-test-size', `test size: ${testSize} — give a share between 0 and 1, e.g. 0.1`);
  const nTest = Math.ceil(testSize * n);
  const nTrain = n - nTest;
  if (nTrain <= 0) throw new AnalysisError('too-few-rows', `shuffle split: ${n} rows leave no training rows with test size ${testSize} — give more rows`);
  return { nTrain, nTest };
}

/** ShuffleSplit(n_splits, test_size, random_state).split(range(n)). */
export function shuffleSplit(n: number, { splits = 10, testSize = 0.1, seed }: ShuffleSplitOptions): TrainTest[] {
  const { nTrain, nTest } = sizes(n, testSize);
  const rng = mt19937(seed);
  return Array.from({ length: splits }, () => {
    const perm = Int32Array.from(permutation(n, rng));
    return { test: perm.slice(0, nTest), train: perm.slice(nTest, nTest + nTrain) };
  });
}

/** RandomState.choice(k, size, replace=False) draws permutation(k)[:size]. */
function chooseWithoutReplacement(k: number, size: number, rng: Rng): Uint32Array {
  return permutation(k, rng).subarray(0, size);
}

/**
 * sklearn's _approximate_mode: per-class draws for n draws in proportion to the class counts,
 * floored, then the rows left handed out by largest remainder, ties broken at random.
 */
function approximateMode(counts: number[], draws: number, rng: Rng): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.trunc(draws - floored.reduce((s, f) => s + f, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]!);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(inds.length, needToAdd);
      // sklearn draws even when it takes them all: the draw moves the stream.
      for (const k of chooseWithoutReplacement(inds.length, addNow, rng)) floored[inds[k]!]!++;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** StratifiedShuffleSplit(n_splits, test_size, random_state).split(X, y) for class labels y. */
export function stratifiedShuffleSplit(y: ArrayLike<number>, { splits = 10, testSize = 0.1, seed }: ShuffleSplitOptions): TrainTest[] {
  const n = y.length;
  const { nTrain, nTest } = sizes(n, testSize);
  const classes = [...new Set(Array.from(y))].sort((a, b) => a - b);
  // Rows of each class in ascending order (np.argsort(y_indices, kind='mergesort') split by class).
  const classRows = classes.map((c) => {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (y[i] === c) rows.push(i);
    return rows;
  });
  const counts = classRows.map((r) => r.length);
  if (Math.min(...counts) < 2) {
    throw new AnalysisError('class-too-small', 'stratified split: the least populated class has only 1 row — each class needs at least 2');
  }
  if (nTrain < classes.length || nTest < classes.length) {
    throw new AnalysisError('too-few-rows', `stratified split: ${n} rows give ${nTest} test rows for ${classes.length} classes — give more rows`);
  }
  const rng = mt19937(seed);
  return Array.from({ length: splits }, () => {
    const nI = approximateMode(counts, nTrain, rng);
    const tI = approximateMode(
      counts.map((c, i) => c - nI[i]!),
      nTest,
      rng,
    );
    const train: number[] = [];
    const test: number[] = [];
    classRows.forEach((rows, i) => {
      const perm = permutation(counts[i]!, rng);
      for (let k = 0; k < nI[i]!; k++) train.push(rows[perm[k]!]!);
      for (let k = nI[i]!; k < nI[i]! + tI[i]!; k++) test.push(rows[perm[k]!]!);
    });
    const trainRows = Int32Array.from(train);
    const testRows = Int32Array.from(test);
    shuffle(trainRows, rng);
    shuffle(testRows, rng);
    return { train: trainRows, test: testRows };
  });
}
