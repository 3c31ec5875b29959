/**
 * Edge cases no live scrape produces, checked by Prometheus' own engine: `promtool test rules` (Debian
 * 2.42) evaluates each PromQL expression over synthetic series and must get exactly the value our
 * port computes (histogram_quantile: promql/quantile.go bucketQuantile; rate/increase/delta:
 * promql/functions.go extrapolatedRate). A wrong expected value makes promtool fail (checked below).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { histogramQuantile, type Bucket } from '../../../lib/prom/histogram-quantile';
import { rateAt, type RateFunction } from '../../../lib/prom/rate';
import type { PromPoint } from '../../../lib/prom/types';
import { promtool } from '../../support/promtool';

const INTERVAL_MS = 15_000;
const dir = mkdtempSync(join(tmpdir(), 'driftbook-promtool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  expr: string;
  evalMs: number;
  value: number;
}

/** Runs promtool test rules with one instant series per entry (values at 0, 15 s, 30 s, …) and the cases' expected values. */
function promtoolAgrees(series: Record<string, number[]>, cases: Case[]): { code: number | null; output: string } {
  const input = Object.entries(series).map(([name, values]) => `      - series: '${name}'\n        values: '${values.join(' ')}'`);
  const tests = cases.map(
    (c) => `      - expr: '${c.expr}'\n        eval_time: ${c.evalMs}ms\n        exp_samples:\n          - labels: '{}'\n            value: ${c.value}`,
  );
  const yaml = ['rule_files: []', 'tests:', '  - interval: 15s', '    input_series:', ...input, '    promql_expr_test:', ...tests, ''].join('\n');
  const file = join(dir, `t${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, yaml);
  const run = promtool(['test', 'rules', file]);
  return { code: run.code, output: run.stdout + run.stderr };
}

const points = (values: number[]): PromPoint[] => values.map((v, i) => ({ t: i * INTERVAL_MS, v }));

describe('histogram_quantile edge cases = promtool', () => {
  const histograms: Record<string, [string, number][]> = {
    // le="0.5" counts fewer than le="0.1": the envelope lifts it to 4, which moves q = 0.6 (0.6333… instead of 0.725).
    nonMonotonic: [
      ['0.1', 4],
      ['0.5', 3],
      ['1', 7],
      ['+Inf', 8],
    ],
    coalesced: [
      ['1', 2],
      ['1.0', 1],
      ['2', 5],
      ['+Inf', 6],
    ],
    negative: [
      ['-1', 2],
      ['0.5', 6],
      ['+Inf', 10],
    ],
  };
  const series: Record<string, number[]> = {};
  const cases: Case[] = [];
  for (const [name, buckets] of Object.entries(histograms)) {
    for (const [le, count] of buckets) series[`${name}_bucket{le="${le}"}`] = [count];
    const ours: Bucket[] = buckets.map(([le, count]) => ({ upperBound: le === '+Inf' ? Infinity : Number(le), count }));
    for (const q of [0.05, 0.1, 0.4, 0.5, 0.6, 0.75, 0.99])
      cases.push({ expr: `histogram_quantile(${q}, ${name}_bucket)`, evalMs: 0, value: histogramQuantile(q, ours, { precisionTolerance: 0 }) });
  }

  it('non-monotonic buckets, le="1" and le="1.0" coalesced, a negative lowest bound, the +Inf bucket', () => {
    const run = promtoolAgrees(series, cases);
    expect(run.output).toContain('SUCCESS');
    expect(run.code).toBe(0);
  });

  it('promtool does fail on a wrong expected value (the check is not vacuous)', () => {
    const wrong = { ...cases[2]!, value: cases[2]!.value + 1e-9 };
    expect(promtoolAgrees(series, [wrong]).code).toBe(1);
  });
});

describe('rate, increase, delta edge cases = promtool', () => {
  const counter = [3, 10, 20, 5, 15, 2, 9, 9, 30];
  const gauge = [5, -2, 7.5, 1, -4, 0, 3];
  const cases: Case[] = [];
  const add = (fn: RateFunction, name: string, values: number[], range: number, evalMs: number) => {
    const v = rateAt(fn, points(values), evalMs, { rangeMs: range * 1000 });
    if (v !== undefined) cases.push({ expr: `${fn}(${name}[${range}s])`, evalMs, value: v });
  };
  for (const evalMs of [30_000, 45_000, 60_000, 75_000, 90_000, 120_000, 130_000]) {
    for (const range of [20, 31, 60, 100]) {
      add('rate', 'c_total', counter, range, evalMs);
      add('increase', 'c_total', counter, range, evalMs);
      add('delta', 'g', gauge, range, evalMs);
    }
  }

  it('counter resets, zero-point clamp, boundary extrapolation, gauges going negative', () => {
    expect(cases.length).toBeGreaterThan(60);
    const run = promtoolAgrees({ c_total: counter, g: gauge }, cases);
    expect(run.output).toContain('SUCCESS');
    expect(run.code).toBe(0);
  });
});
