/**
 * What the Model comparison cell and its report section both show: the models' metrics, each
 * pair's agreement and tests, the metric differences with their paired-bootstrap intervals and
 * the Friedman test over blocks — as ViewTables, from a CompareResult.
 */
import type { CompareResult, PairComparison } from '../../compare/types';
import { formatCount, formatPValue, formatScore, formatShare } from '../../format';
import type { ComparisonCellResult } from '../kinds/comparison';
import { cell, userCell, type ViewCell, type ViewTable } from './view-table';

const LABELS: Record<string, string> = {
  accuracy: 'Accuracy',
  balanced_accuracy: 'Balanced accuracy',
  precision: 'Precision',
  recall: 'Recall',
  f1: 'F1',
  roc_auc: 'ROC AUC',
  average_precision: 'Average precision',
  log_loss: 'Log loss',
  brier_score: 'Brier score',
  mean_error: 'Mean error',
  mae: 'MAE',
  mse: 'MSE',
  rmse: 'RMSE',
  mape: 'MAPE',
  r2: 'R²',
  max_error: 'Max error',
};

/** A metric's display name (its id when we have none). */
export const metricLabel = (id: string): string => LABELS[id] ?? id;

/** Significance level the tables flag p-values at (the verdict's rule). */
export const COMPARISON_ALPHA = 0.05;

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatScore(v));
const signed = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatScore(Math.abs(v))}`);
const interval = ([lo, hi]: readonly [number | null, number | null]): string => (lo === null || hi === null ? '—' : `[${signed(lo)}, ${signed(hi)}]`);

/** A p-value cell, flagged below α. */
function pCell(p: number | null | undefined, what: string, reason?: string): ViewCell {
  if (p === null || p === undefined) return cell('—', reason ? { title: reason } : {});
  const flagged = p < COMPARISON_ALPHA;
  return cell(formatPValue(p), flagged ? { flagged, title: `${what}: p < ${COMPARISON_ALPHA}` } : {});
}

export const pairName = (p: Pick<PairComparison, 'a' | 'b'>): string => `${p.a} vs ${p.b}`;

/** One line: mode, models, rows, how the intervals were made. */
export function comparisonNote(result: CompareResult): string {
  const mode = result.mode === 'canary' ? 'canary (one prediction column, groups by serving model)' : 'shadow (every model on the same rows)';
  const b = result.bootstrap;
  return `${mode} · ${result.task} · ${result.models.length} models · ${formatCount(result.rows)} rows · paired bootstrap ${formatCount(b.resamples)} resamples, seed ${b.seed} (95% percentile intervals)`;
}

/** The metrics every model has, in the first model's order. */
export function metricIds(result: CompareResult): string[] {
  const first = result.models[0];
  return first ? Object.keys(first.metrics) : [];
}

/** Model | rows | each metric. */
export function modelsTable(result: CompareResult): ViewTable {
  const ids = metricIds(result);
  return {
    id: 'comparison-models',
    columns: [{ label: 'Model' }, { label: 'Rows', num: true }, ...ids.map((id) => ({ label: metricLabel(id), num: true }))],
    rows: result.models.map((m) => ({ key: m.name, cells: [userCell(m.name), cell(formatCount(m.n)), ...ids.map((id) => cell(num(m.metrics[id])))] })),
  };
}

/** Pair | agreement | Cohen's κ | McNemar | DeLong (classification) or Wilcoxon and paired t (regression). */
export function pairsTable(result: CompareResult): ViewTable {
  const regression = result.task === 'regression';
  const hasDelong = result.pairs.some((p) => p.delong);
  // Canary: the groups are independent, so their accuracies are compared with a two-proportion z-test.
  const hasZ = result.pairs.some((p) => p.accuracyZTest);
  const columns = [
    { label: 'Pair (a vs b)' },
    ...(regression
      ? [
          { label: 'Wilcoxon W', num: true },
          { label: 'Wilcoxon p', num: true },
          { label: 'Paired t', num: true },
          { label: 'Paired t p', num: true },
        ]
      : [
          { label: 'Agreement', num: true },
          { label: "Cohen's κ", num: true },
          { label: 'McNemar', num: true },
          { label: 'McNemar p', num: true },
          ...(hasDelong
            ? [
                { label: 'AUC a', num: true },
                { label: 'AUC b', num: true },
                { label: 'DeLong z', num: true },
                { label: 'DeLong p', num: true },
              ]
            : []),
          ...(hasZ
            ? [
                { label: 'Accuracy z', num: true },
                { label: 'z p', num: true },
              ]
            : []),
        ]),
  ];
  const rows = result.pairs.map((p) => {
    const name = userCell(pairName(p));
    if (regression) {
      return {
        key: pairName(p),
        cells: [
          name,
          cell(num(p.wilcoxon?.statistic), p.wilcoxon?.reason ? { title: p.wilcoxon.reason } : {}),
          pCell(p.wilcoxon?.pValue, 'Wilcoxon signed-rank test of |error a| − |error b|', p.wilcoxon?.reason),
          cell(num(p.pairedT?.statistic), p.pairedT?.reason ? { title: p.pairedT.reason } : {}),
          pCell(p.pairedT?.pValue, 'paired t-test of |error a| − |error b|', p.pairedT?.reason),
        ],
      };
    }
    const m = p.mcnemar;
    const d = p.delong;
    const z = p.accuracyZTest;
    return {
      key: pairName(p),
      cells: [
        name,
        cell(p.agreement === null ? '—' : formatShare(p.agreement), p.agreementReason ? { title: p.agreementReason } : {}),
        cell(num(p.cohenKappa), p.cohenKappaReason ? { title: p.cohenKappaReason } : {}),
        cell(m ? `${formatScore(m.statistic)} (${m.exact ? 'exact binomial' : 'χ², corrected'})` : '—'),
        pCell(m?.pValue, 'McNemar'),
        ...(hasDelong
          ? [cell(num(d?.aucA)), cell(num(d?.aucB)), cell(num(d?.z), d?.reason ? { title: d.reason } : {}), pCell(d?.pValue, 'DeLong', d?.reason)]
          : []),
        ...(hasZ
          ? [cell(num(z?.statistic), z?.reason ? { title: z.reason } : {}), pCell(z?.pValue, 'two-proportion z-test of the accuracies', z?.reason)]
          : []),
      ],
    };
  });
  return {
    id: 'comparison-pairs',
    caption: `Every pair (a, b) in the order given; differences and statistics are a − b; p flagged below ${COMPARISON_ALPHA}`,
    columns,
    rows,
  };
}

/** Pair | metric | Δ (a − b) | 95% interval, flagged when the interval excludes 0. */
export function deltasTable(result: CompareResult): ViewTable {
  const rows = result.pairs.flatMap((p) =>
    Object.entries(p.deltas).map(([id, d]) => {
      const [lo, hi] = d.ci;
      const excludesZero = lo !== null && hi !== null && (lo > 0 || hi < 0);
      return {
        key: `${pairName(p)}:${id}`,
        cells: [
          userCell(pairName(p)),
          cell(metricLabel(id)),
          cell(signed(d.value), d.reason ? { title: d.reason } : {}),
          cell(interval(d.ci), excludesZero ? { flagged: true, title: 'The 95% interval excludes 0' } : {}),
        ],
      };
    }),
  );
  return {
    id: 'comparison-deltas',
    caption: 'Δ = metric of a − metric of b, paired bootstrap 95% interval (flagged when it excludes 0)',
    columns: [{ label: 'Pair (a vs b)' }, { label: 'Metric' }, { label: 'Δ', num: true }, { label: '95% interval', num: true }],
    rows,
  };
}

/** Friedman's test in one line, or null without one. */
export function friedmanNote(result: CompareResult): string | null {
  const f = result.friedman;
  if (!f) return null;
  const test =
    f.statistic === null ? `statistic undefined${f.reason ? ` (${f.reason})` : ''}` : `χ²F = ${formatScore(f.statistic)}, p = ${formatPValue(f.pValue)}`;
  return `Friedman test (scipy friedmanchisquare) of ${metricLabel(f.metric)} over ${f.blocks.length} blocks: ${test}`;
}

/** Block | rows | each model's metric; the last row is each model's mean rank (1 = best). */
export function friedmanTable(result: CompareResult): ViewTable | null {
  const f = result.friedman;
  if (!f) return null;
  const names = result.models.map((m) => m.name);
  return {
    id: 'comparison-friedman',
    caption: `${metricLabel(f.metric)} per block; mean of each model's rank within the blocks (scipy rankdata of the metric, ties averaged: rank 1 is the lowest ${metricLabel(f.metric)})`,
    columns: [{ label: 'Block' }, { label: 'Rows', num: true }, ...names.map((n) => ({ label: n, num: true, user: true }))],
    rows: [
      ...f.blocks.map((b) => ({ key: b.label, cells: [userCell(b.label), cell(formatCount(b.rows)), ...names.map((n) => cell(num(b.metrics[n])))] })),
      { key: 'mean rank', cells: [cell('mean rank'), cell(''), ...names.map((n) => cell(num(f.meanRanks[n])))] },
    ],
  };
}

/** Segment | rows | the lead metric of each model | the segment's verdict (or why it has none). */
export function segmentsTable(result: ComparisonCellResult): ViewTable | null {
  const s = result.segments;
  if (!s) return null;
  const metric = result.task === 'regression' ? 'mae' : 'accuracy';
  const names = result.models.map((m) => m.name);
  return {
    id: 'comparison-segments',
    caption: `The comparison within each value of ${s.column} (${metricLabel(metric)} per model)${s.omitted ? `; ${s.omitted} smaller segments left out` : ''}`,
    columns: [{ label: 'Segment' }, { label: 'Rows', num: true }, ...names.map((n) => ({ label: n, num: true, user: true })), { label: 'Verdict' }],
    rows: s.groups.map((g) => ({
      key: g.value,
      cells: [
        userCell(g.value),
        cell(formatCount(g.rows)),
        ...names.map((n) => cell(num(g.result?.models.find((m) => m.name === n)?.metrics[metric]))),
        g.result ? userCell(g.result.verdict) : { text: g.error ?? '—', user: true, flagged: true },
      ],
    })),
  };
}
