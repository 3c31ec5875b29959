import { describe, expect, it } from 'vitest';
import { DRIFT_METHODS } from '../../../../lib/drift/methods/registry';
import type { MethodOutcome } from '../../../../lib/drift/methods/method';
import { expectClose } from '../../../support';
import { methodCases, P_TOL, STAT_TOL, type MethodCase } from './registry-cases';

const cases = await methodCases();

function run(c: MethodCase): MethodOutcome {
  return DRIFT_METHODS.get(c.id)!.compute(c.reference, c.current, c.context);
}

describe('every registered drift method has fixture cases', () => {
  it('no fixture names a method the registry lacks', () => {
    expect([...cases.keys()].filter((id) => !DRIFT_METHODS.has(id))).toEqual([]);
  });

  for (const id of DRIFT_METHODS.keys()) {
    it(`${id} has fixture cases (tests/fixtures/drift or stats*)`, () => {
      expect(cases.get(id)?.length ?? 0, `no fixture case checks ${id}: add one to a generator under tests/fixtures/`).toBeGreaterThan(0);
    });
  }
});

for (const [id, method] of DRIFT_METHODS) {
  describe(`drift method ${id} (${method.scoreKind}) through its registered compute`, () => {
    for (const c of cases.get(id) ?? []) {
      it(c.name, () => {
        if (c.fails) {
          // scipy gave no value: the method throws (drift records the message) or flags the error.
          let outcome: MethodOutcome | undefined;
          expect(() => (outcome = run(c)), c.name).not.toThrow(/needs a (numeric|categorical) column/);
          if (outcome) expect(outcome.test.error, `${c.name}: scipy has no value here`).toBeDefined();
          return;
        }
        const { score, test } = run(c);
        // The registered score is the p-value of a test and the value of a distance.
        expect(score, 'score').toBe(method.scoreKind === 'p-value' ? test.pValue : test.statistic);
        if (c.statistic === null) expect(test.statistic, 'statistic (not finite in the reference)').toBeNull();
        else if (c.statistic !== undefined) expectClose(test.statistic, c.statistic, c.statisticTolerance ?? STAT_TOL, 'statistic');
        // null: a distance has no p-value; a test's null is scipy's NaN (one category on both sides).
        if (c.pValue === null && method.scoreKind === 'distance') expect(test.pValue, 'a distance has no p-value').toBeUndefined();
        else if (c.pValue === null) expect(test.pValue, 'p-value undefined in scipy').toBeNull();
        else if (c.pValue !== undefined) expectClose(test.pValue, c.pValue, c.pValueTolerance ?? P_TOL, 'p-value');
        // The decision the generator computed, or else the one the reference's own score gives; no score is no drift.
        const drifted = (value: number | null | undefined, threshold: number): boolean => typeof value === 'number' && method.isDrifted(value, threshold);
        const want = method.scoreKind === 'p-value' ? c.pValue : c.statistic;
        if (c.decision) expect(drifted(score, c.decision.threshold), `drifted at ${c.decision.threshold}`).toBe(c.decision.drifted);
        else if (want !== undefined && c.pValueTolerance === undefined) {
          expect(drifted(score, method.defaultThreshold), `drifted at ${method.defaultThreshold}`).toBe(drifted(want, method.defaultThreshold));
        }
      });
    }
  });
}
