import { describe, expect, it } from 'vitest';
import { checkMapping, defaultMapping, mappedColumns } from '../../../lib/models/mapping';
import { buildFeeds } from '../../../lib/models/feeds';
import { scoreBatch } from '../../../lib/models/score';
import type { TensorInfo } from '../../../lib/models/types';
import { expectClose } from '../../support';
import { FLOAT32, MODELS, openFixture } from './model-fixtures';

const f = (name: string, type = 'float', width = 1): TensorInfo => ({ name, type, shape: [null, width] });

describe('defaultMapping', () => {
  it('maps each [N,1] input to the column of its name, else the one column equal ignoring case', () => {
    expect(defaultMapping([f('age'), f('Color', 'string')], ['color', 'age', 'x'])).toEqual({ kind: 'per-column', columns: { age: 'age', Color: 'color' } });
  });

  it('names every input without a column', () => {
    expect(() => defaultMapping([f('age'), f('income'), f('zip')], ['age'])).toThrow(
      'model inputs without a column of that name: income, zip — map them to columns of the dataset',
    );
  });

  it("gives skl2onnx's float_input [N,F] the explicit order, or the first F columns, and checks the count", () => {
    const input = [f('float_input', 'float', 3)];
    expect(defaultMapping(input, ['a', 'b', 'c', 'd'], ['d', 'a', 'c'])).toEqual({ kind: 'matrix', input: 'float_input', columns: ['d', 'a', 'c'] });
    expect(defaultMapping(input, ['a', 'b', 'c'])).toEqual({ kind: 'matrix', input: 'float_input', columns: ['a', 'b', 'c'] });
    expect(() => defaultMapping(input, ['a', 'b', 'c'], ['a', 'b'])).toThrow('input "float_input" takes 3 features, 2 columns given');
    expect(() => defaultMapping(input, ['a', 'b'])).toThrow(/takes 3 features, 2 columns given/);
  });

  it('checks mappings made by hand', () => {
    const inputs = [f('a'), f('b')];
    expect(() => checkMapping({ kind: 'per-column', columns: { a: 'x' } }, inputs, ['x'])).toThrow('model inputs without a column: b');
    expect(() => checkMapping({ kind: 'per-column', columns: { a: 'x', b: 'nope' } }, inputs, ['x'])).toThrow('no such column: "nope"');
    expect(() => checkMapping({ kind: 'per-column', columns: { a: 'x', b: 'x', c: 'x' } }, inputs, ['x'])).toThrow('the model has no input "c"');
    expect(mappedColumns({ kind: 'per-column', columns: { a: 'x', b: 'x' } })).toEqual(['x']);
  });
});

class FakeTensor {
  constructor(
    readonly type: string,
    readonly data: unknown,
    readonly dims: readonly number[],
  ) {}
}

describe('feeds by element type', () => {
  it('feeds float32, int64 codes and strings; a value an input cannot take makes its row invalid, named once', () => {
    const inputs = [f('x'), f('code', 'int64'), f('color', 'string')];
    const mapping = defaultMapping(inputs, ['x', 'code', 'color']);
    const batch = { rows: 4, columns: { x: Float64Array.of(0.1, NaN, 2, 3), code: Float64Array.of(1, 2, 2.5, 3), color: ['red', 'blue', null, 'red'] } };
    const { feeds, invalid, firstInvalid } = buildFeeds(FakeTensor, inputs, mapping, batch, 0, 4);
    expect(feeds.x).toMatchObject({ type: 'float32', dims: [4, 1] });
    expect(Array.from(feeds.x!.data as Float32Array)).toEqual([Math.fround(0.1), NaN, 2, 3]);
    expect(feeds.code).toMatchObject({ type: 'int64', data: BigInt64Array.of(1n, 2n, 0n, 3n) });
    expect(feeds.color).toMatchObject({ type: 'string', data: ['red', 'blue', '', 'red'] });
    // NaN is a float input's missing value (trees and imputers take it); a non-integer code and a missing label are not.
    expect([...invalid]).toEqual([2]);
    expect(firstInvalid).toEqual({ row: 2, column: 'code', input: 'code', reason: '2.5 is not an integer code' });
  });

  it('refuses text for a numeric input, naming column and input', () => {
    const inputs = [f('x')];
    expect(() => buildFeeds(FakeTensor, inputs, defaultMapping(inputs, ['x']), { rows: 1, columns: { x: ['a'] } }, 0, 1)).toThrow(
      'column "x" holds text, but input "x" takes float — map a numeric column or encode it',
    );
  });

  it('scores an invalid row as missing and the others as the model does (logistic, string input)', async () => {
    const model = await openFixture('logistic');
    const mapping = defaultMapping(model.graph.inputs, ['x1', 'x2', 'color']);
    const batch = { rows: 2, columns: { x1: Float64Array.of(1.475583, 1), x2: Float64Array.of(-0.736127, 1), color: ['red', null] } };
    const scored = await scoreBatch(model, mapping, batch);
    const values = scored.outputs[0]!.values as Float64Array;
    expectClose(values[0], (MODELS.models.logistic!.expected.probability as number[])[0]!, FLOAT32, 'row 0');
    expect(values[1]).toBeNaN();
    expect(scored.invalidRows).toBe(1);
    expect(scored.firstInvalid).toMatchObject({ row: 1, column: 'color', reason: 'missing value' });
  });
});
