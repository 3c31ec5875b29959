import { describe, expect, it } from 'vitest';
import { cohenKappa } from '../../../lib/stats/cohen-kappa';
import { expectCloseOrNull, readJson } from '../../support';

// sklearn 1.2 cohen_kappa_score (NaN → null) (tests/fixtures/generate_compare.py).
const cases = readJson<{ kappa: { name: string; a: number[]; b: number[]; kappa: number | null }[] }>('tests/fixtures/compare/stats.json').kappa;

function matrixOf(a: number[], b: number[]): number[][] {
  const k = Math.max(...a, ...b) + 1;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  a.forEach((x, i) => m[x]![b[i]!]!++);
  return m;
}

describe('cohenKappa (sklearn cohen_kappa_score)', () => {
  it.each(cases)('$name', ({ a, b, kappa }) => expectCloseOrNull(cohenKappa(matrixOf(a, b)), kappa, 1e-12, 'kappa'));
  it('is null without rows', () => expect(cohenKappa([[0]])).toBeNull());
});
