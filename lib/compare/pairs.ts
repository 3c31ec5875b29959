/**
 * The statistics of one pair of models (a, b), every difference a − b. Shadow (same rows):
 * agreement, Cohen's kappa, the disagreement matrix, McNemar on the paired correctness table,
 * DeLong (binary, with scores); regression: Wilcoxon and paired t on the absolute errors.
 * Canary (different rows): the two groups' accuracies by a pooled two-proportion z-test.
 */
import type { Label } from '../data/columns';
import { encodeLabels } from '../metrics/labels';
import { cohenKappa } from '../stats/cohen-kappa';
import { delongTest } from '../stats/delong';
import { mcnemar } from '../stats/mcnemar';
import { tTestRel } from '../stats/ttest-rel';
import { wilcoxonSignedRank } from '../stats/wilcoxon';
import { twoProportionZTest } from '../stats/z-test';
import type { CompareInput, ModelSide } from './compare-input';
import type { PairComparison } from './types';

type PairStatistics = Omit<PairComparison, 'a' | 'b' | 'deltas'>;

function classificationPair(input: CompareInput, a: ModelSide, b: ModelSide, warnings: string[]): PairStatistics {
  const truth = encodeLabels(a.target as Label[], input.labels, 'target');
  const pa = encodeLabels(a.prediction as Label[], input.labels, 'prediction');
  const pb = encodeLabels(b.prediction as Label[], input.labels, 'prediction');
  const k = input.labels.length;
  const counts = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  // Paired correctness: [[both right, only a right], [only b right, both wrong]].
  const table: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  let same = 0;
  for (let i = 0; i < truth.length; i++) {
    counts[pa[i]!]![pb[i]!]!++;
    if (pa[i] === pb[i]) same++;
    table[pa[i] === truth[i] ? 0 : 1][pb[i] === truth[i] ? 0 : 1]++;
  }
  const kappa = cohenKappa(counts);
  const test = mcnemar(table[0][1], table[1][0]);
  return {
    agreement: same / truth.length,
    cohenKappa: kappa,
    ...(kappa === null ? { cohenKappaReason: 'undefined: both models give one and the same label to every row' } : {}),
    disagreement: { labels: [...input.labels], counts },
    mcnemar: { ...test, table },
    delong: delongOf(input, a, b, truth, warnings),
  };
}

function delongOf(input: CompareInput, a: ModelSide, b: ModelSide, truth: Int32Array, warnings: string[]): PairComparison['delong'] {
  if (!a.score || !b.score || input.posLabel === null) return null;
  const pos = input.labels.indexOf(input.posLabel);
  const positive = Uint8Array.from(truth, (t) => (t === pos ? 1 : 0));
  const positives = positive.reduce((s, v) => s + v, 0);
  if (positives === 0 || positives === positive.length) {
    warnings.push(`DeLong ${a.name} vs ${b.name}: undefined — the target has one class only on the compared rows`);
    return null;
  }
  const { aucA, aucB, z, pValue, reason } = delongTest(positive, a.score, b.score);
  return { aucA, aucB, z, pValue, ...(reason ? { reason } : {}) };
}

function regressionPair(a: ModelSide, b: ModelSide): PairStatistics {
  const t = a.target as Float64Array;
  const ea = Float64Array.from(t, (y, i) => Math.abs((a.prediction as Float64Array)[i]! - y));
  const eb = Float64Array.from(t, (y, i) => Math.abs((b.prediction as Float64Array)[i]! - y));
  let same = 0;
  for (let i = 0; i < t.length; i++) if ((a.prediction as Float64Array)[i] === (b.prediction as Float64Array)[i]) same++;
  const w = wilcoxonSignedRank(ea, eb);
  const p = tTestRel(ea, eb);
  return {
    agreement: same / t.length,
    cohenKappa: null,
    cohenKappaReason: 'regression: no labels to agree on',
    delong: null,
    wilcoxon: { statistic: w.statistic, pValue: w.pValue, ...(w.reason ? { reason: w.reason } : {}) },
    pairedT: { statistic: p.statistic, pValue: p.pValue, ...(p.reason ? { reason: p.reason } : {}) },
  };
}

function correct(input: CompareInput, side: ModelSide): number {
  const t = encodeLabels(side.target as Label[], input.labels, 'target');
  const p = encodeLabels(side.prediction as Label[], input.labels, 'prediction');
  let hits = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) hits++;
  return hits;
}

function canaryPair(input: CompareInput, a: ModelSide, b: ModelSide): PairStatistics {
  const base = {
    agreement: null,
    agreementReason: 'canary: the models served different rows',
    cohenKappa: null,
    cohenKappaReason: 'canary: the models served different rows',
    delong: null,
  };
  if (input.task === 'regression') return base;
  const [ca, cb] = [correct(input, a), correct(input, b)];
  const [na, nb] = [a.rows.length, b.rows.length];
  if ((ca === 0 && cb === 0) || (ca === na && cb === nb))
    return { ...base, accuracyZTest: { statistic: null, pValue: null, reason: 'both accuracies are 0 or both are 1 (zero pooled variance)' } };
  const z = twoProportionZTest(ca, na, cb, nb);
  return { ...base, accuracyZTest: { statistic: z.statistic, pValue: z.pValue } };
}

export function pairStatistics(input: CompareInput, a: ModelSide, b: ModelSide, warnings: string[]): PairStatistics {
  if (input.mode === 'canary') return canaryPair(input, a, b);
  return input.task === 'regression' ? regressionPair(a, b) : classificationPair(input, a, b, warnings);
}
