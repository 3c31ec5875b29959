/**
 * The Friedman test over blocks (scipy friedmanchisquare): each model's accuracy (classification)
 * or MAE (regression) per block, blocks being the rows of each value of a column (values in sorted
 * order, rows without one left out) or N chunks of the dataset's rows in file order (numpy
 * array_split: the first n mod N chunks one row longer). A block where some model has no rows is
 * shown but left out of the test. Mean ranks: each model's mean within-block rank of its metric
 * (scipy rankdata, ties averaged; higher accuracy or higher MAE → higher rank).
 */
import type { Label } from '../data/columns';
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { labelColumn } from '../metrics/model-columns';
import { encodeLabels, normaliseLabel, sortLabels } from '../metrics/labels';
import { friedmanChiSquare } from '../stats/friedman';
import { numpySum } from '../stats/numpy-sum';
import type { CompareConfig } from './compare-models';
import type { CompareInput, ModelSide } from './compare-input';
import type { CompareResult } from './types';

type Friedman = NonNullable<CompareResult['friedman']>;

/** numpy.array_split(range(n), chunks): [start, end) of each chunk. */
export function arraySplit(n: number, chunks: number): [number, number][] {
  const size = Math.floor(n / chunks);
  const extra = n % chunks;
  const out: [number, number][] = [];
  let start = 0;
  for (let c = 0; c < chunks; c++) {
    const end = start + size + (c < extra ? 1 : 0);
    out.push([start, end]);
    start = end;
  }
  return out;
}

/** Block index of each dataset row (−1: in no block) and the blocks' labels. */
function blocksOf(dataset: Dataset, blocks: NonNullable<CompareConfig['blocks']>): { of: Int32Array; labels: string[] } {
  const n = dataset.table.numRows;
  const of = new Int32Array(n).fill(-1);
  if ('chunks' in blocks) {
    if (!Number.isInteger(blocks.chunks) || blocks.chunks < 1) throw new AnalysisError('bad-option', `chunks: ${blocks.chunks} — give a whole number ≥ 1`);
    const ranges = arraySplit(n, blocks.chunks);
    ranges.forEach(([s, e], c) => of.fill(c, s, e));
    return { of, labels: ranges.map(([s, e]) => (e > s ? `rows ${s}–${e - 1}` : 'no rows')) };
  }
  const values = labelColumn(dataset, blocks.column).map(normaliseLabel);
  const labels = sortLabels(new Set(values.filter((v): v is string => v !== null)));
  const index = new Map(labels.map((l, i) => [l, i]));
  values.forEach((v, i) => (of[i] = v === null ? -1 : index.get(v)!));
  return { of, labels };
}

/** Each block's metric of one model: accuracy or MAE over its rows in the block (null: none). */
function blockMetric(input: CompareInput, side: ModelSide, of: Int32Array, count: number): (number | null)[] {
  const per: number[][] = Array.from({ length: count }, () => []);
  if (input.task === 'regression') {
    const t = side.target as Float64Array;
    const p = side.prediction as Float64Array;
    side.rows.forEach((row, k) => of[row]! >= 0 && per[of[row]!]!.push(Math.abs(p[k]! - t[k]!)));
  } else {
    const t = encodeLabels(side.target as Label[], input.labels, 'target');
    const p = encodeLabels(side.prediction as Label[], input.labels, 'prediction');
    side.rows.forEach((row, k) => of[row]! >= 0 && per[of[row]!]!.push(t[k] === p[k] ? 1 : 0));
  }
  return per.map((v) => (v.length === 0 ? null : numpySum(v) / v.length));
}

export function friedmanOverBlocks(dataset: Dataset, input: CompareInput, blocks: NonNullable<CompareConfig['blocks']>, warnings: string[]): Friedman {
  const { of, labels } = blocksOf(dataset, blocks);
  const metric = input.task === 'regression' ? 'mae' : 'accuracy';
  const values = input.sides.map((side) => blockMetric(input, side, of, labels.length));
  const rowCount = new Array<number>(labels.length).fill(0);
  const counted = input.mode === 'shadow' ? input.sides.slice(0, 1) : input.sides;
  for (const side of counted) for (const row of side.rows) if (of[row]! >= 0) rowCount[of[row]!]!++;
  const table = labels.map((label, j) => ({ label, rows: rowCount[j]!, metrics: Object.fromEntries(input.sides.map((s, k) => [s.name, values[k]![j]!])) }));
  const tested = labels.map((_, j) => j).filter((j) => values.every((v) => v[j] !== null));
  if (tested.length < labels.length)
    warnings.push(`Friedman: ${labels.length - tested.length} block(s) where some model has no rows were left out of the test`);
  const test = friedmanChiSquare(tested.map((j) => values.map((v) => v[j]!)));
  return {
    statistic: test.statistic,
    pValue: test.pValue,
    ...(test.reason ? { reason: test.reason } : {}),
    blocks: table,
    meanRanks: Object.fromEntries(test.meanRanks.map((r, k) => [input.sides[k]!.name, r])),
    metric,
  };
}
