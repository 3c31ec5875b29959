import { AnalysisError } from '../errors';
import { buildGroups } from './groups';
import type { ExcludedRows, FairnessInput, FairnessValue, GroupKey } from './types';
import { listPreview, sortValueKeys, valueKey } from './values';

/** The rows the analysis uses: binarised labels, group of each row, weights. */
export interface PreparedData {
  sensitive: string[];
  groups: GroupKey[];
  /** Group index per kept row. */
  groupOf: Int32Array;
  /** Index in the input of each kept row. */
  rows: Int32Array;
  /** 1 where the label / prediction equals posLabel. */
  yTrue: Uint8Array;
  yPred: Uint8Array;
  weight: Float64Array;
  weighted: boolean;
  posLabel: string;
  /** The other label, if any row carries it. */
  negLabel: string | null;
  /** Distinct labels of targets and predictions, sorted. */
  labels: string[];
  excluded: ExcludedRows;
  warnings: string[];
}

function checkLength(what: string, length: number, expected: number): void {
  if (length !== expected) {
    throw new AnalysisError('length-mismatch', `${what}: ${length} values, yTrue has ${expected} — pass columns taken from the same rows`);
  }
}

/** Fairlearn's default: 1 when the labels are a subset of {0, 1} or {-1, 1}; we also take true for {false, true}. */
function defaultPosLabel(labels: string[]): string | null {
  const within = (allowed: string[]): boolean => labels.every((l) => allowed.includes(l));
  if (within(['0', '1']) || within(['-1', '1'])) return '1';
  if (within(['false', 'true'])) return 'true';
  return null;
}

function resolvePosLabel(labels: string[], posLabel: string | number | boolean | undefined): string {
  if (posLabel === undefined) {
    const fallback = defaultPosLabel(labels);
    if (fallback === null) {
      throw new AnalysisError('missing-pos-label', `posLabel: not given and labels are ${listPreview(labels)} — choose which label is the positive outcome`);
    }
    return fallback;
  }
  const key = valueKey(posLabel);
  if (key === null || !labels.includes(key)) {
    throw new AnalysisError(
      'unknown-pos-label',
      `posLabel: ${JSON.stringify(posLabel)} is not a label of the data (${listPreview(labels)}) — pick one of them`,
    );
  }
  return key;
}

/** Validate the input, drop rows missing a target, prediction or sensitive value, and binarise. */
export function prepareRows(input: FairnessInput, posLabel?: string | number | boolean): PreparedData {
  const n = input.yTrue.length;
  if (input.sensitive.length === 0 || input.sensitive.length > 2) {
    throw new AnalysisError('bad-sensitive', `sensitive: ${input.sensitive.length} features — pass one sensitive feature, or two for their intersection`);
  }
  checkLength('yPred', input.yPred.length, n);
  for (const f of input.sensitive) checkLength(`sensitive feature "${f.name}"`, f.values.length, n);
  if (input.sensitive.length === 2 && input.sensitive[0]!.name === input.sensitive[1]!.name) {
    throw new AnalysisError('bad-sensitive', `sensitive: "${input.sensitive[0]!.name}" given twice — pick two different features`);
  }
  if (input.sampleWeight) checkLength('sampleWeight', input.sampleWeight.length, n);
  if (input.scores) checkLength('scores', input.scores.length, n);
  input.sampleWeight?.forEach((w, i) => {
    if (!Number.isFinite(w) || w < 0) {
      throw new AnalysisError('bad-weight', `sampleWeight: row ${i + 1} is ${w} — weights must be finite and ≥ 0`);
    }
  });

  const excluded: ExcludedRows = { total: 0, missing_target: 0, missing_prediction: 0, missing_sensitive: 0 };
  const kept: number[] = [];
  const rawLabels = new Map<string, FairnessValue>();
  for (let i = 0; i < n; i++) {
    const t = valueKey(input.yTrue[i]);
    const p = valueKey(input.yPred[i]);
    const sensitiveMissing = input.sensitive.some((f) => valueKey(f.values[i]) === null);
    if (t === null) excluded.missing_target++;
    if (p === null) excluded.missing_prediction++;
    if (sensitiveMissing) excluded.missing_sensitive++;
    if (t === null || p === null || sensitiveMissing) {
      excluded.total++;
      continue;
    }
    kept.push(i);
    if (!rawLabels.has(t)) rawLabels.set(t, input.yTrue[i]);
    if (!rawLabels.has(p)) rawLabels.set(p, input.yPred[i]);
  }
  if (kept.length === 0) {
    throw new AnalysisError('no-groups', `groups: none — all ${n} rows miss the target, the prediction or a sensitive value; check the chosen columns`);
  }
  const labels = sortValueKeys([...rawLabels.keys()], rawLabels);
  if (labels.length > 2) {
    throw new AnalysisError(
      'not-binary',
      `labels: ${labels.length} distinct values in targets and predictions (${listPreview(labels)}) — fairness metrics need binary labels; map them to two classes first`,
    );
  }
  const pos = resolvePosLabel(labels, posLabel);
  const rows = Int32Array.from(kept);
  const yTrue = Uint8Array.from(kept, (i) => (valueKey(input.yTrue[i]) === pos ? 1 : 0));
  const yPred = Uint8Array.from(kept, (i) => (valueKey(input.yPred[i]) === pos ? 1 : 0));
  const weight = input.sampleWeight ? Float64Array.from(kept, (i) => input.sampleWeight![i]!) : new Float64Array(kept.length).fill(1);
  const { groups, groupOf, emptyCombinations } = buildGroups(input.sensitive, rows);

  const warnings: string[] = [];
  if (excluded.total > 0) {
    warnings.push(
      `excluded rows: ${excluded.total} of ${n} miss a target (${excluded.missing_target}), prediction (${excluded.missing_prediction}) or sensitive value (${excluded.missing_sensitive})`,
    );
  }
  if (groups.length === 1)
    warnings.push(`groups: only one (${JSON.stringify(groups[0]!.group)}) — differences are 0 and ratios 1 (or undefined) by construction`);
  if (emptyCombinations > 0) {
    const features = input.sensitive.map((f) => `"${f.name}"`).join(' × ');
    warnings.push(`groups: ${emptyCombinations} of ${groups.length + emptyCombinations} value combinations of ${features} have no rows — not listed`);
  }
  return {
    sensitive: input.sensitive.map((f) => f.name),
    groups,
    groupOf,
    rows,
    yTrue,
    yPred,
    weight,
    weighted: input.sampleWeight !== undefined,
    posLabel: pos,
    negLabel: labels.find((l) => l !== pos) ?? null,
    labels,
    excluded,
    warnings,
  };
}
