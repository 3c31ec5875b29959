import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DRIFT_METHODS } from '../../../../lib/drift/methods/registry';
import { firstSortedCategory } from '../../../../lib/drift/methods/share-category';
import type { CategoricalProfile } from '../../../../lib/profile/column-profile';

interface ShareCase {
  name: string;
  category: string;
  categories: number;
  ref: Record<string, number>;
  cur: Record<string, number>;
  z: { statistic: number; pValue: number };
  fisher: { statistic: number; pValue: number };
}
// tests/fixtures/generate_stats_edges.py: Evidently's z test (evidently legacy calculations/stattests/z_stattest.py)
// takes keys = sorted(unique values of reference and current) and tests keys[0] against the rest, also with more than
// two categories; its fisher_exact_stattest.py refuses > 2 categories. Driftbook applies z's rule to both.
const fixture = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/stats-edges/share-category.json'), 'utf8')) as { cases: ShareCase[] };

function profile(counts: Record<string, number>): CategoricalProfile {
  const categories = Object.keys(counts);
  const values = Object.values(counts);
  return { kind: 'categorical', count: values.reduce((s, n) => s + n, 0), missing: 0, categories, counts: values };
}

const close = (got: number | null | undefined, want: number, tolerance: number) =>
  typeof got === 'number' && (got === want || Math.abs(got - want) <= tolerance * Math.abs(want));

describe('z and fisher_exact test the share of the first category in sorted order (one rule, named in the result)', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: share of "${c.category}" (${c.categories} categories) equals Evidently's z and scipy's fisher_exact`, () => {
      const [reference, current] = [profile(c.ref), profile(c.cur)];
      const context = { bins: { kind: 'sturges' as const }, seed: 42 };
      const z = DRIFT_METHODS.get('z')!.compute(reference, current, context);
      expect(z.test.category).toBe(c.category);
      expect(close(z.test.statistic, c.z.statistic, 1e-9), `z statistic ${z.test.statistic} vs ${c.z.statistic}`).toBe(true);
      expect(close(z.test.pValue, c.z.pValue, 1e-6), `z p ${z.test.pValue} vs ${c.z.pValue}`).toBe(true);
      const fisher = DRIFT_METHODS.get('fisher_exact')!.compute(reference, current, context);
      expect(fisher.test.category).toBe(c.category);
      expect(close(fisher.test.statistic, c.fisher.statistic, 1e-9), `fisher statistic ${fisher.test.statistic} vs ${c.fisher.statistic}`).toBe(true);
      expect(close(fisher.test.pValue, c.fisher.pValue, 1e-6), `fisher p ${fisher.test.pValue} vs ${c.fisher.pValue}`).toBe(true);
    });
  }

  it('sorts as Python does: numbers (from an integer column) as numbers, strings by code point', () => {
    expect(firstSortedCategory(['10', '2', '33'])).toBe('2');
    expect(firstSortedCategory(['-1', '0.5', '-10'])).toBe('-10');
    expect(firstSortedCategory(['10', '2', 'x'])).toBe('10');
    expect(firstSortedCategory(['a', 'B', 'é'])).toBe('B');
    // U+FF5E (one UTF-16 unit) sorts before U+1F600 (a surrogate pair starting 0xD83D) by code point, not by UTF-16 unit.
    expect(firstSortedCategory(['\u{1F600}', '\uFF5E'])).toBe('\uFF5E');
    expect(firstSortedCategory(['false', 'true'])).toBe('false');
  });

  it('picks the code-point minimum of random strings (astral, BMP above the surrogates, lone surrogates, prefixes)', () => {
    const pieces = ['a', 'ab', '\u{1F600}', '\u{10FFFF}', '\uFF5E', '\uE000', '\uD7FF', '\uD800', '\uDC00', 'é'];
    // Reference: compare arrays of code points, as Python's sorted() on str does.
    const byCodePoint = (x: string, y: string): number => {
      const a = [...x].map((c) => c.codePointAt(0)!);
      const b = [...y].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
      return a.length - b.length;
    };
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let t = 0; t < 2000; t++) {
      const values = Array.from({ length: 2 + Math.floor(next() * 6) }, () =>
        Array.from({ length: 1 + Math.floor(next() * 4) }, () => pieces[Math.floor(next() * pieces.length)]!).join(''),
      );
      expect(firstSortedCategory(values), JSON.stringify(values)).toBe([...values].sort(byCodePoint)[0]);
    }
  });
});
