import { describe, expect, it } from 'vitest';
import { fitIsotonic, predictIsotonic } from '../../../lib/metrics/isotonic';
import { AnalysisError } from '../../../lib/errors';
import { readJson } from '../../support';

interface Case {
  name: string;
  x: number[];
  y: number[];
  weights: number[] | null;
  yMin: number | null;
  yMax: number | null;
  query: number[];
  thresholdsX: number[];
  thresholdsY: number[];
  predictions: number[];
}

const fixture = readJson<{ sklearn: string; cases: Case[] }>('tests/fixtures/cbpe/isotonic.json');
const RTOL = 1e-9;

function expectAll(actual: ArrayLike<number>, expected: number[], what: string): number {
  expect(actual.length, `${what} length`).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const diff = Math.abs(actual[i]! - e);
    const rel = e === 0 ? diff : diff / Math.abs(e);
    worst = Math.max(worst, rel);
    expect(rel <= RTOL, `${what}[${i}]: ${actual[i]} vs sklearn ${e}`).toBe(true);
  }
  return worst;
}

describe(`fitIsotonic / predictIsotonic vs sklearn ${fixture.sklearn} IsotonicRegression(out_of_bounds='clip')`, () => {
  let worst = 0;
  for (const c of fixture.cases) {
    it(c.name, () => {
      const model = fitIsotonic(c.x, c.y, {
        ...(c.weights && { weights: c.weights }),
        ...(c.yMin !== null && { yMin: c.yMin }),
        ...(c.yMax !== null && { yMax: c.yMax }),
      });
      worst = Math.max(worst, expectAll(model.x, c.thresholdsX, 'X_thresholds_'));
      worst = Math.max(worst, expectAll(model.y, c.thresholdsY, 'y_thresholds_'));
      worst = Math.max(worst, expectAll(predictIsotonic(model, c.query), c.predictions, 'predict'));
    });
  }
  it('is bit-exact on every case', () => {
    console.log(`isotonic: ${fixture.cases.length} sklearn cases, max relative error ${worst.toExponential(2)}`);
    expect(worst).toBe(0);
  });
});

describe('isotonic edge cases', () => {
  it('rejects mismatched, non-finite or all-zero-weight input', () => {
    expect(() => fitIsotonic([1, 2], [1])).toThrow(AnalysisError);
    expect(() => fitIsotonic([1, NaN], [1, 0])).toThrow(/index 1/);
    expect(() => fitIsotonic([1, 2], [1, 0], { weights: [0, 0] })).toThrow(/positive weight/);
  });

  it('keeps NaN queries NaN and returns a plain model', () => {
    const model = fitIsotonic([0, 1, 2], [0, 1, 1]);
    expect(Array.from(predictIsotonic(model, [NaN, 5]))).toEqual([NaN, 1]);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});
