import { describe, expect, it } from 'vitest';
import { defaultMethod } from '../../../lib/drift/default-method';

describe("Evidently's default method selection", () => {
  it.each([
    ['numeric', 1000, 6, 'ks'],
    ['numeric', 1000, 5, 'chisquare'],
    ['numeric', 500, 3, 'chisquare'],
    ['numeric', 500, 2, 'z'],
    ['numeric', 10, 1, 'z'],
    ['categorical', 1000, 3, 'chisquare'],
    ['categorical', 1000, 2, 'z'],
    ['numeric', 1001, 6, 'wasserstein'],
    ['numeric', 1001, 5, 'jensenshannon'],
    ['categorical', 1001, 2, 'jensenshannon'],
    ['categorical', 50000, 40, 'jensenshannon'],
  ] as const)('%s, reference %i values, %i distinct → %s', (kind, n, unique, id) => {
    const { id: got, rule } = defaultMethod(kind, n, unique);
    expect(got).toBe(id);
    expect(rule).toContain(String(n));
    expect(rule.endsWith(id)).toBe(true);
  });
});
