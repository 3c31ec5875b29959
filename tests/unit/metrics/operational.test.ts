import { describe, expect, it } from 'vitest';
import { computeOperationalMetrics, type OperationalResult } from '../../../lib/metrics/operational';
import { windowGrid } from '../../../lib/metrics/time-windows';
import { DataError, AnalysisError } from '../../../lib/errors';
import { readJson } from '../../support';

type Expected = Omit<OperationalResult, 'slaMs' | 'warnings'>;
interface Case {
  name: string;
  latency: (number | null)[];
  slaMs: number;
  window: 'auto' | 'second' | 'minute' | 'hour' | 'day';
  timestamps: (number | null)[] | null;
  expected: Expected;
}

const fixture = readJson<{ numpy: string; pandas: string; cases: Case[] }>('tests/fixtures/operational/cases.json');
const decode = (values: (number | null)[]) => Float64Array.from(values, (v) => (v === null ? NaN : v));
const RTOL = 1e-9;
let maxRel = 0;

/** Null must match null; numbers must agree to RTOL relative (exact at 0). */
function expectValue(actual: number | null, expected: number | null, what: string): void {
  if (expected === null || actual === null) {
    expect(actual, what).toBe(expected);
    return;
  }
  const diff = Math.abs(actual - expected);
  const rel = expected === 0 ? diff : diff / Math.abs(expected);
  maxRel = Math.max(maxRel, rel);
  expect(rel <= RTOL, `${what}: ${actual} vs numpy ${expected} (relative ${rel.toExponential(2)})`).toBe(true);
}

const STATS = ['mean', 'std', 'min', 'max', 'p50', 'p90', 'p95', 'p99', 'shareOverSla'] as const;
const WINDOW_STATS = ['throughput', 'p50', 'p95', 'p99', 'shareOverSla'] as const;

describe(`computeOperationalMetrics vs numpy ${fixture.numpy} / pandas ${fixture.pandas}`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      const res = computeOperationalMetrics(decode(c.latency), {
        slaMs: c.slaMs,
        window: c.window,
        ...(c.timestamps && { timestamps: decode(c.timestamps) }),
      });
      const e = c.expected;
      expect(res.count, 'count').toBe(e.count);
      expect(res.missing, 'missing').toBe(e.missing);
      for (const k of STATS) expectValue(res[k], e[k], `${c.name} ${k}`);
      if (!e.throughput) {
        expect(res.throughput).toBeNull();
        return;
      }
      const t = res.throughput!;
      const { windows: expectedWindows, ...meta } = e.throughput;
      const { windows, ...gotMeta } = t;
      expect(gotMeta).toEqual(meta);
      expect(windows.length).toBe(expectedWindows.length);
      windows.forEach((w, i) => {
        const ew = expectedWindows[i]!;
        expect(w.start, `window ${i} start`).toBe(ew.start);
        expect(w.count, `window ${i} count`).toBe(ew.count);
        expect(w.missing, `window ${i} missing`).toBe(ew.missing);
        for (const k of WINDOW_STATS) expectValue(w[k], ew[k], `${c.name} window ${i} ${k}`);
      });
    });
  }

  it('covers empty windows, missing timestamps, every unit and auto', () => {
    const all = fixture.cases.flatMap((c) => c.expected.throughput?.windows ?? []);
    expect(all.some((w) => w.count === 0 && w.p50 === null)).toBe(true);
    expect(fixture.cases.some((c) => (c.expected.throughput?.missingTimestamps ?? 0) > 0)).toBe(true);
    const labels = new Set(fixture.cases.map((c) => c.expected.throughput?.label));
    for (const l of ['1 second', '1 minute', '1 hour', '1 day', '12 hours', '4 days']) expect(labels).toContain(l);
    console.log(`operational: ${fixture.cases.length} numpy cases, max relative error ${maxRel.toExponential(2)}`);
  });
});

describe('computeOperationalMetrics edge cases', () => {
  it('reports degenerate input as nulls and warnings', () => {
    const empty = computeOperationalMetrics(new Float64Array(0), { slaMs: 10 });
    expect(empty.count).toBe(0);
    expect(empty.p50).toBeNull();
    expect(empty.warnings[0]).toMatch(/no rows/);
    const missing = computeOperationalMetrics([NaN, NaN], { slaMs: 10, timestamps: [0, 500] });
    expect(missing.mean).toBeNull();
    expect(missing.warnings[0]).toMatch(/all 2 values are missing/);
    expect(missing.throughput!.windows[0]).toMatchObject({ count: 2, missing: 2, p50: null, shareOverSla: null });
    const noTime = computeOperationalMetrics([1, 2], { slaMs: 10, timestamps: [NaN, NaN] });
    expect(noTime.throughput).toBeNull();
    expect(noTime.warnings.join()).toMatch(/no timestamps/);
  });

  it('throws typed errors with a remedy on bad input', () => {
    expect(() => computeOperationalMetrics([1, -2], { slaMs: 10 })).toThrow(DataError);
    expect(() => computeOperationalMetrics([1, -2], { slaMs: 10 })).toThrow(/latency on row 2: -2 ms/);
    expect(() => computeOperationalMetrics([1, Infinity], { slaMs: 10 })).toThrow(/must be finite/);
    expect(() => computeOperationalMetrics([1], { slaMs: NaN })).toThrow(AnalysisError);
    expect(() => computeOperationalMetrics([1, 2], { slaMs: 1, timestamps: [0] })).toThrow(/1 values for 2 latencies/);
    expect(() => computeOperationalMetrics([1], { slaMs: 1, timestamps: [Infinity] })).toThrow(/timestamp on row 1/);
    expect(() => computeOperationalMetrics([1, 2], { slaMs: 1, timestamps: [0, 365 * 86_400_000], window: 'second' })).toThrow(/choose a longer window/);
  });

  it('auto windows land in 80–200 for spans over 80 s', () => {
    for (const span of [81_000, 3_600_000, 86_400_000, 7 * 86_400_000, 400 * 86_400_000, 5e12]) {
      const g = windowGrid(1_718_000_000_123, 1_718_000_000_123 + span, 'auto');
      expect(g.count, `${span} ms → ${g.label}`).toBeGreaterThanOrEqual(80);
      expect(g.count).toBeLessThanOrEqual(200);
      expect(g.start % g.ms).toBe(0);
    }
  });

  it('result is plain, serialisable data', () => {
    const res = computeOperationalMetrics([5, 7, NaN], { slaMs: 6, timestamps: [0, 60_000, 120_000] });
    expect(JSON.parse(JSON.stringify(res))).toEqual(res);
  });
});
