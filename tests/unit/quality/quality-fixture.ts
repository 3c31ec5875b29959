import { expect } from 'vitest';
import type { ColumnStats } from '../../../lib/quality/types';
import { expectClose } from '../../support';

export type ExpectedStats = Record<string, unknown>;

export interface ExpectedColumn {
  name: string;
  type: string;
  reference: ExpectedStats;
  current?: ExpectedStats;
}

/** pandas summaries: float arithmetic whose summation order differs from ours in the last bits. */
const FLOATS = new Set(['mean', 'std', 'min', 'p25', 'median', 'p75', 'max', 'meanLength']);
/** Ratios of exact counts: one division each. */
const SHARES = new Set(['missingShare', 'zerosShare', 'newCategoryShare', 'outOfRangeShare']);
const FLOAT_TOL = 1e-9;
const SHARE_TOL = 1e-12;

/** Every pandas-computed field matches, and the result has no field pandas did not compute. */
export function expectStats(got: ColumnStats | undefined, want: ExpectedStats, what: string): void {
  expect(got, what).toBeDefined();
  const record = got as unknown as Record<string, unknown>;
  const fields = Object.keys(record).filter((k) => k !== 'kind' && record[k] !== undefined);
  expect(fields.sort(), `${what} fields`).toEqual(Object.keys(want).sort());
  for (const [key, value] of Object.entries(want)) {
    const actual = record[key];
    const label = `${what}.${key}`;
    if (key === 'histogram') {
      const h = value as { edges: number[]; counts: number[] };
      const g = actual as { edges: number[]; counts: number[] };
      expect(g.counts, `${label} counts`).toEqual(h.counts);
      expect(g.edges.length, `${label} edges`).toBe(h.edges.length);
      h.edges.forEach((e, i) => expectClose(g.edges[i], e, SHARE_TOL, `${label} edge ${i}`));
    } else if (value !== null && (FLOATS.has(key) || SHARES.has(key))) {
      expectClose(actual as number, value as number, FLOATS.has(key) ? FLOAT_TOL : SHARE_TOL, label);
    } else {
      expect(actual, label).toEqual(value);
    }
  }
}
