/**
 * What the A/B test cell and its report section both show: per variant rates and means, each
 * variant against the control, the sample-ratio check, planning, rates per window and the
 * peeking warning — as ViewTables and lines, from an A/B test result.
 */
import { peekingWarning } from '../../compare/ab-peeking';
import type { AbComparison, AbTestResult } from '../../compare/types';
import { formatCount, formatPValue, formatScore, formatShare } from '../../format';
import type { AbTestCellResult } from '../kinds/abtest';
import { cell, userCell, type ViewCell, type ViewTable } from './view-table';

const num = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatScore(v));
const signed = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${formatScore(Math.abs(v))}`);
const share = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : formatShare(v));
const signedPct = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Number((Math.abs(v) * 100).toPrecision(3))}%`;
const range = (ci: readonly [number | null, number | null] | null | undefined, f: (v: number | null) => string): string =>
  !ci || ci[0] === null || ci[1] === null ? '—' : `[${f(ci[0])}, ${f(ci[1])}]`;

/** The intervals' level, 1 − α (95% by default). */
const level = (result: AbTestResult): string => `${Number((100 * (1 - result.planning.alpha)).toPrecision(4))}%`;

/** A p-value flagged below α (with why in its title). */
function pCell(p: number | null | undefined, alpha: number, what: string, reason?: string): ViewCell {
  if (p === null || p === undefined) return cell('—', reason ? { title: reason } : {});
  return p < alpha ? cell(formatPValue(p), { flagged: true, title: `${what}: p < ${alpha}` }) : cell(formatPValue(p));
}

/** Variant | rows | conversions | rate | Wilson 95% | mean | SE (the control marked). */
export function variantsTable(result: AbTestResult): ViewTable {
  const binary = result.binary !== undefined;
  const numeric = result.numeric !== undefined;
  return {
    id: 'abtest-variants',
    caption: `${binary ? `Rate with a Wilson ${level(result)} interval (statsmodels proportion_confint)` : ''}${binary && numeric ? '; ' : ''}${numeric ? 'mean with its standard error (ddof 1)' : ''}`,
    columns: [
      { label: 'Variant' },
      { label: 'Rows', num: true },
      ...(binary
        ? [
            { label: 'Conversions', num: true },
            { label: 'Rate', num: true },
            { label: `Wilson ${level(result)}`, num: true },
          ]
        : []),
      ...(numeric
        ? [
            { label: 'Mean', num: true },
            { label: 'SE', num: true },
          ]
        : []),
    ],
    rows: result.variants.map((v) => ({
      key: v.name,
      cells: [
        { text: v.name === result.control ? `${v.name} (control)` : v.name, user: true },
        cell(formatCount(v.n)),
        ...(binary ? [cell(v.conversions === undefined ? '—' : formatCount(v.conversions)), cell(share(v.rate)), cell(range(v.ci, share))] : []),
        ...(numeric ? [cell(num(v.mean)), cell(num(v.se))] : []),
      ],
    })),
  };
}

/** Each variant against the control: difference, lift, z-test (Holm), Welch and Mann–Whitney. */
export function comparisonsTable(result: AbTestResult): ViewTable {
  const alpha = result.planning.alpha;
  const binary = result.binary !== undefined;
  const welch = result.comparisons.some((c) => c.welch);
  const mw = result.comparisons.some((c) => c.mannWhitney);
  const several = result.comparisons.length > 1;
  const row = (c: AbComparison) => ({
    key: c.variant,
    cells: [
      { text: `${c.variant} vs ${c.control}`, user: true, ...(c.reason ? { title: c.reason } : {}) },
      ...(binary
        ? [
            cell(c.difference === null ? '—' : `${signed(c.difference * 100)} pp`),
            cell(range(c.ci, (v) => `${signed(v === null ? null : v * 100)} pp`)),
            cell(signedPct(c.relativeLift)),
            cell(range(c.relativeLiftCi, signedPct)),
            cell(num(c.z)),
            pCell(c.pValue, alpha, 'two-proportion z-test'),
            ...(several ? [pCell(c.pValueHolm, alpha, 'z-test, Holm-adjusted')] : []),
          ]
        : []),
      ...(welch ? [cell(num(c.welch?.statistic)), cell(num(c.welch?.df)), pCell(c.welch?.pValue, alpha, "Welch's t-test", c.welch?.reason)] : []),
      ...(mw ? [cell(num(c.mannWhitney?.statistic)), pCell(c.mannWhitney?.pValue, alpha, 'Mann–Whitney U', c.mannWhitney?.reason)] : []),
    ],
  });
  return {
    id: 'abtest-comparisons',
    caption: `Variant − control. Difference: Newcombe's ${level(result)} interval; lift: variant rate ÷ control rate − 1 (statsmodels ratio interval); p flagged below α = ${alpha}${several ? '; Holm over the z-tests' : ''}`,
    columns: [
      { label: 'Comparison' },
      ...(binary
        ? [
            { label: 'Difference', num: true },
            { label: `${level(result)} interval`, num: true },
            { label: 'Lift', num: true },
            { label: `Lift ${level(result)}`, num: true },
            { label: 'z', num: true },
            { label: 'p', num: true },
            ...(several ? [{ label: 'p (Holm)', num: true }] : []),
          ]
        : []),
      ...(welch
        ? [
            { label: 'Welch t', num: true },
            { label: 'df', num: true },
            { label: 'Welch p', num: true },
          ]
        : []),
      ...(mw
        ? [
            { label: 'Mann–Whitney U', num: true },
            { label: 'MWU p', num: true },
          ]
        : []),
    ],
    rows: result.comparisons.map(row),
  };
}

/** The sample-ratio check in one line; `mismatch` says whether to flag it. */
export function srmLine(result: AbTestResult): { text: string; mismatch: boolean } {
  const { srm } = result;
  const total = Object.values(srm.planned).reduce((a, b) => a + b, 0);
  const planned = Object.entries(srm.planned)
    .map(([name, s]) => `${name} ${formatShare(total > 0 ? s / total : 0)}`)
    .join(' / ');
  const verdict = srm.mismatch
    ? 'SAMPLE-RATIO MISMATCH (p < 0.001): the split is not the planned one — check assignment and logging before reading any result'
    : 'no sample-ratio mismatch (p ≥ 0.001)';
  return {
    text: `Sample ratio vs planned ${planned}: χ² = ${formatScore(srm.statistic)}, p = ${formatPValue(srm.pValue)} — ${verdict}`,
    mismatch: srm.mismatch,
  };
}

/**
 * Planning (statsmodels NormalIndPower, lib/compare/ab-planning.ts): the smallest detectable effect
 * at the current n — a rate difference above the control's rate (binary) or a difference of means —
 * and the n per variant for the effect asked.
 */
export function planningLine(result: AbTestResult): string {
  const p = result.planning;
  const rate = (p.unit ?? (result.binary !== undefined ? 'rate' : 'mean')) === 'rate';
  const effect = (v: number) => (rate ? `${signed(v * 100)} pp` : signed(v));
  const mde =
    p.mdeAtCurrentN === null
      ? 'undefined at the current n (see warnings)'
      : `${effect(p.mdeAtCurrentN)} ${rate ? 'over the control rate' : 'difference of means'} at the current n`;
  const n =
    p.effect === undefined
      ? ''
      : ` · n per variant for ${effect(p.effect)}: ${p.nForEffect === null || p.nForEffect === undefined ? '—' : formatCount(Math.ceil(p.nForEffect))}`;
  return `Planning (two-sided α = ${p.alpha}, power ${p.power}): minimum detectable effect ${mde}${n}`;
}

/** Window | each variant's rate [interval] (rows). */
export function windowsTable(result: AbTestResult): ViewTable | null {
  if (!result.windows?.length) return null;
  const names = result.variants.map((v) => v.name);
  return {
    id: 'abtest-windows',
    caption: `Rate per variant per window, Wilson ${level(result)} interval`,
    columns: [{ label: 'Window' }, ...names.map((n) => ({ label: n, num: true, user: true }))],
    rows: result.windows.map((w) => ({
      key: w.label,
      cells: [
        userCell(w.label),
        ...names.map((n) => {
          const v = w.variants.find((x) => x.name === n);
          return cell(v ? `${share(v.rate)} ${range(v.ci, share)} (${formatCount(v.n)})` : '—');
        }),
      ],
    })),
  };
}

/** The peeking warning of the cell's result (lib/compare/ab-peeking.ts words it; the cell counts the looks). */
export function peekingNote(result: Pick<AbTestCellResult, 'looks' | 'finished' | 'planning'>): string | null {
  return peekingWarning(result.looks, result.planning.alpha, result.finished);
}
