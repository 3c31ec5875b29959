import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../../lib/stats/holm';
import { expectClose, readJson } from '../../support';

// tests/fixtures/generate_abtest.py: statsmodels 0.13.5 multipletests(p, method="holm")[1].
const { holm } = readJson<{ holm: { p: number[]; adjusted: number[] }[] }>('tests/fixtures/abtest/stats.json');

describe('holmAdjust vs statsmodels multipletests(method="holm")', () => {
  it.each(holm.map((c) => [c.p.join(', '), c] as const))('[%s]', (_name, c) => {
    const adjusted = holmAdjust(c.p);
    expect(adjusted).toHaveLength(c.adjusted.length);
    adjusted.forEach((p, i) => expectClose(p, c.adjusted[i]!, 1e-15, `p[${i}]`));
  });

  it('returns nothing for no p-values', () => {
    expect(holmAdjust([])).toEqual([]);
  });
});
