/**
 * The verdict line: the first model is the champion, every other one a challenger, judged on the
 * primary metric (accuracy; MAE for regression, lower is better) by one rule, spelled out with its
 * numbers: a challenger is better (worse) when the 95% bootstrap interval of its difference from
 * the champion excludes 0 in its favour (against it) and the pair's test has p < 0.05 — McNemar
 * (shadow classification), Wilcoxon (shadow regression), the two-proportion z-test (canary
 * classification); canary regression has no test, so the interval alone decides. Otherwise "no
 * significant difference". Pairs are champion − challenger, so the line flips the sign.
 */
import type { CompareResult, PairComparison } from './types';

export const VERDICT_ALPHA = 0.05;

const fixed = (v: number) => (v >= 0 ? '+' : '−') + Math.abs(v).toFixed(3);
// normSf/chi2Sf are accurate down to ~1e-300; a p of 0 underflowed below that.
const pText = (p: number) => (p === 0 ? '< 1e-300' : p < 0.001 ? p.toExponential(1) : p.toFixed(3));

function testOf(result: Pick<CompareResult, 'task' | 'mode'>, pair: PairComparison): { name: string; p: number | null } | null {
  if (result.mode === 'canary') return result.task === 'regression' ? null : { name: 'z-test', p: pair.accuracyZTest?.pValue ?? null };
  if (result.task === 'regression') return { name: 'Wilcoxon', p: pair.wilcoxon?.pValue ?? null };
  return { name: 'McNemar', p: pair.mcnemar?.pValue ?? null };
}

function clause(result: Pick<CompareResult, 'task' | 'mode'>, pair: PairComparison): string {
  const metric = result.task === 'regression' ? 'mae' : 'accuracy';
  const lowerIsBetter = metric === 'mae';
  const delta = pair.deltas[metric];
  const test = testOf(result, pair);
  const who = `${pair.b} vs ${pair.a}`;
  if (!delta || delta.value === null || delta.ci[0] === null || delta.ci[1] === null)
    return `${who}: no verdict — Δ ${metric} undefined${delta?.reason ? ` (${delta.reason})` : ''}`;
  // Challenger − champion.
  const value = -delta.value;
  const [lo, hi] = [-delta.ci[1], -delta.ci[0]];
  const testText = test ? (test.p === null ? `, ${test.name} p undefined` : `, ${test.name} p ${test.p === 0 ? '' : '= '}${pText(test.p)}`) : ', no test';
  const numbers = `Δ ${metric} ${fixed(value)} [${fixed(lo)}, ${fixed(hi)}]${testText}`;
  const significant = test === null || (test.p !== null && test.p < VERDICT_ALPHA);
  const favour = lowerIsBetter ? hi < 0 : lo > 0;
  const against = lowerIsBetter ? lo > 0 : hi < 0;
  if (significant && favour) return `${who}: challenger better: ${numbers}`;
  if (significant && against) return `${who}: challenger worse: ${numbers}`;
  return `${who}: no significant difference: ${numbers}`;
}

export function verdictOf(result: Pick<CompareResult, 'task' | 'mode' | 'models' | 'pairs'>): string {
  const champion = result.models[0]?.name;
  const metric = result.task === 'regression' ? 'MAE, lower is better' : 'accuracy';
  const test =
    result.mode === 'canary' ? (result.task === 'regression' ? 'no test' : 'two-proportion z-test') : result.task === 'regression' ? 'Wilcoxon' : 'McNemar';
  const rule =
    `rule: challenger − champion on ${metric}; better or worse when the 95% interval excludes 0 ${test === 'no test' ? '' : `and ${test} p < ${VERDICT_ALPHA}`}`.trim();
  const clauses = result.pairs.filter((p) => p.a === champion).map((p) => clause(result, p));
  return `${clauses.join('; ')} (champion ${champion}; ${rule})`;
}
