/**
 * A/B test of user-interaction metrics (issue 17): per variant the rate of a binary outcome with
 * its Wilson interval and the mean ± standard error of a numeric one; each variant against the
 * control (lib/compare/ab-compare.ts) with Holm's correction over the z-tests' p-values; the
 * sample-ratio mismatch check (scipy chisquare of the variants' row counts against the planned
 * split, flagged at p < 0.001); planning (ab-planning.ts); the rate per time window (ab-windows.ts).
 * Intervals are at level 1 − alpha (95% by default).
 */
import type { Dataset } from '../data/types';
import { AnalysisError } from '../errors';
import { chiSquare } from '../stats/chisquare';
import { holmAdjust } from '../stats/holm';
import { meanVar } from '../stats/t-test';
import { wilsonInterval } from '../stats/wilson';
import type { Period } from '../stream/windows';
import { compareVariant, type AbGroup } from './ab-compare';
import { readAbData, type AbData } from './ab-data';
import { planAbTest } from './ab-planning';
import { abWindows } from './ab-windows';
import type { AbTestResult, AbVariant } from './types';

export interface AbTestConfig {
  /** Column naming each row's variant. */
  variant: string;
  /** The control variant; default the first variant in sorted order. */
  control?: string;
  /** Binary outcome column (0/1, true/false). */
  binary?: string;
  /** Numeric outcome column (revenue, dwell time). */
  numeric?: string;
  /** Timestamp column: rate per variant per window. */
  timestamp?: string;
  /** Calendar period of the windows (default day) when `timestamp` is given. */
  period?: Period;
  /** Time zone of the windows (IANA; default UTC). */
  timeZone?: string;
  /** Planned share per variant name (positive weights, normalised; default equal). */
  plannedSplit?: Record<string, number>;
  /** Two-sided significance level (default 0.05); intervals are at 1 − alpha. */
  alpha?: number;
  /** Power for planning (default 0.8). */
  power?: number;
  /** Effect to plan the sample size for: a rate difference (binary outcome) or a difference of means (numeric only). */
  effect?: number;
}

export interface AbTestOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** SRM is flagged below this p-value (the usual experimentation-platform threshold). */
export const SRM_THRESHOLD = 0.001;

function groupsOf(data: AbData): AbGroup[] {
  const groups: AbGroup[] = data.names.map((name) => ({ name, n: 0, binaryN: 0, conversions: 0 }));
  const counts = new Array<number>(groups.length).fill(0);
  data.variant.forEach((v, row) => {
    if (v < 0) return;
    const g = groups[v]!;
    g.n++;
    const b = data.binary ? data.binary[row]! : -1;
    if (b >= 0) {
      g.binaryN++;
      g.conversions += b;
    }
    if (data.numeric && !Number.isNaN(data.numeric[row]!)) counts[v]!++;
  });
  if (data.numeric) {
    groups.forEach((g, v) => (g.values = new Float64Array(counts[v]!)));
    const fill = new Array<number>(groups.length).fill(0);
    data.variant.forEach((v, row) => {
      const x = data.numeric![row]!;
      if (v >= 0 && !Number.isNaN(x)) groups[v]!.values![fill[v]!++] = x;
    });
  }
  return groups;
}

function variantOf(g: AbGroup, alpha: number, hasBinary: boolean): AbVariant {
  const out: AbVariant = { name: g.name, n: g.n };
  if (hasBinary) {
    out.conversions = g.conversions;
    out.rate = g.binaryN > 0 ? g.conversions / g.binaryN : null;
    out.ci = g.binaryN > 0 ? wilsonInterval(g.conversions, g.binaryN, alpha) : null;
  }
  if (g.values) {
    const [mean, variance] = g.values.length > 0 ? meanVar(g.values) : [null, NaN];
    out.mean = mean;
    out.se = g.values.length > 1 ? Math.sqrt(variance / g.values.length) : null;
  }
  return out;
}

/** Planned shares by variant (normalised to sum 1) and the counts they are tested against. */
function plannedSplit(groups: AbGroup[], split: Record<string, number> | undefined): { planned: Record<string, number>; counts: number[] } {
  const weights = split ?? Object.fromEntries(groups.map((g) => [g.name, 1]));
  const names = Object.keys(weights);
  for (const [name, w] of Object.entries(weights)) {
    if (!(Number.isFinite(w) && w > 0)) throw new AnalysisError('bad-planned-split', `planned split: ${name}=${w} — give each variant a share above 0`);
  }
  const missing = groups.filter((g) => !(g.name in weights)).map((g) => g.name);
  if (missing.length) {
    throw new AnalysisError(
      'bad-planned-split',
      `planned split: no share for ${missing.join(', ')} — give every variant a share (e.g. ${groups.map((g) => `${g.name}=50`).join(',')})`,
    );
  }
  const total = names.reduce((s, name) => s + weights[name]!, 0);
  const byName = new Map(groups.map((g) => [g.name, g.n]));
  return { planned: Object.fromEntries(names.map((name) => [name, weights[name]! / total])), counts: names.map((name) => byName.get(name) ?? 0) };
}

function checkConfig(config: AbTestConfig, alpha: number, power: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new AnalysisError('bad-alpha', `alpha: ${alpha} — choose a level between 0 and 1 (e.g. 0.05)`);
  if (!(power > alpha && power < 1)) throw new AnalysisError('bad-power', `power: ${power} — choose a power between alpha and 1 (e.g. 0.8)`);
  if (config.effect !== undefined && !(Number.isFinite(config.effect) && config.effect !== 0)) {
    throw new AnalysisError('bad-effect', `effect: ${config.effect} — give the difference to detect, a number other than 0`);
  }
}

/** Runs the A/B test on `dataset` (one row per user or session). */
export async function abTest(dataset: Dataset, config: AbTestConfig, options: AbTestOptions = {}): Promise<AbTestResult> {
  const { alpha = 0.05, power = 0.8 } = config;
  checkConfig(config, alpha, power);
  const data = readAbData(dataset, config);
  const groups = groupsOf(data).filter((g) => g.n > 0);
  if (groups.length < 2) {
    throw new AnalysisError(
      'one-variant',
      `variant column "${config.variant}": ${groups.length} variant(s) with rows — an A/B test needs a control and at least one variant`,
    );
  }
  const control = groups.find((g) => g.name === (config.control ?? groups[0]!.name));
  if (!control)
    throw new AnalysisError('unknown-control', `control: "${config.control}" is not a variant — the variants are ${groups.map((g) => g.name).join(', ')}`);
  const hasBinary = data.binary !== undefined;
  const others = groups.filter((g) => g !== control);
  const comparisons = [];
  for (const [i, g] of others.entries()) {
    if (options.signal?.aborted) throw new AnalysisError('aborted', 'A/B test cancelled');
    comparisons.push(compareVariant(g, control, alpha, hasBinary));
    options.onProgress?.(i + 1, others.length);
  }
  const tested = comparisons.filter((c) => c.pValue !== null);
  holmAdjust(tested.map((c) => c.pValue!)).forEach((p, i) => (tested[i]!.pValueHolm = p));
  const { planned, counts } = plannedSplit(groups, config.plannedSplit);
  const total = counts.reduce((s, n) => s + n, 0);
  const srm = chiSquare(
    counts,
    Object.values(planned).map((share) => total * share),
  );
  const controlSd = control.values && control.values.length > 1 ? Math.sqrt(meanVar(control.values)[1]) : null;
  const plan = planAbTest({
    alpha,
    power,
    ...(config.effect !== undefined ? { effect: config.effect } : {}),
    control,
    others,
    scale: hasBinary ? { kind: 'rate' } : { kind: 'mean', sd: controlSd },
  });
  const warnings = [...data.warnings, ...plan.warnings];
  const result: AbTestResult = {
    schemaVersion: 1,
    control: control.name,
    ...(config.binary !== undefined ? { binary: config.binary } : {}),
    ...(config.numeric !== undefined ? { numeric: config.numeric } : {}),
    variants: groups.map((g) => variantOf(g, alpha, hasBinary)),
    comparisons,
    srm: { statistic: srm.statistic, pValue: srm.pValue, mismatch: srm.pValue < SRM_THRESHOLD, planned },
    planning: plan.planning,
    warnings,
  };
  if (srm.pValue < SRM_THRESHOLD)
    warnings.push(
      `sample-ratio mismatch: the variants' row counts ${counts.join(' / ')} are unlikely under the planned split (chi-square p = ${srm.pValue.toPrecision(3)}) — check the assignment before trusting the results`,
    );
  if (config.timestamp !== undefined) {
    const w = abWindows(dataset, data, {
      timestamp: config.timestamp,
      alpha,
      ...(config.period ? { period: config.period } : {}),
      ...(config.timeZone ? { timeZone: config.timeZone } : {}),
    });
    result.windows = w.windows;
    warnings.push(...w.warnings);
  }
  return result;
}
