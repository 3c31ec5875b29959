import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../lib/cli/main';
import { csvRecords } from '../../../lib/prom/csv-records';
import { expectClose, ROOT } from '../../support';
import { FLOAT32, MODELS } from '../models/model-fixtures';

const file = (name: string) => join(ROOT, 'tests/fixtures/models', name);

async function predict(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(['predict', ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function scored(model: string, extra: string[] = []) {
  const { code, out, err } = await predict(['--model', file(`${model}.onnx`), '--data', file('data.csv'), ...extra]);
  expect(err).toBe('');
  expect(code).toBe(0);
  const [header, ...rows] = csvRecords(out.replace(/\r\n$/, ''), ',');
  return { header: header!, rows, column: (name: string) => rows.map((r) => r[header!.indexOf(name)]!) };
}

// driftbook predict runs onnxruntime-node through lib/models; expected values: numpy (tests/fixtures/generate_models.py).
describe('driftbook predict', () => {
  it('adds the probability tensor feeding ZipMap as one column per class, in --input-columns order, at full precision', async () => {
    const { header, rows, column } = await scored('zipmap', ['--input-columns', 'x1,x2,x3']);
    expect(header).toEqual(['x1', 'x2', 'x3', 'color', 'region', 'output_label', 'probabilities_0', 'probabilities_1']);
    expect(rows).toHaveLength(MODELS.rows);
    const expected = MODELS.models.zipmap!.expected;
    column('probabilities_1').forEach((text, i) => {
      const value = Number(text);
      expectClose(value, (expected.probabilities as number[][])[i]![1]!, FLOAT32, `row ${i}`);
      // Shortest round-trip digits of the float32 result widened to a double: nothing rounded away.
      expect(Math.fround(value)).toBe(value);
      expect(String(value)).toBe(text);
    });
    expect(column('output_label').map(Number)).toEqual(expected.output_label);
    // The source rows are written back as read.
    expect(rows[0]!.slice(0, 5)).toEqual(['1.475583', '-0.736127', '-0.716312', 'red', '2']);
  });

  it('maps per-column inputs by name: string categories (logistic) and int64 codes (linear); tree ensembles', async () => {
    for (const [model, output, extra] of [
      ['logistic', 'probability', []],
      ['linear', 'variable', []],
      ['tree_regressor', 'variable', []],
      ['float_input', 'variable', ['--input-columns', 'x1,x2,x3']],
    ] as const) {
      const { column } = await scored(model, [...extra]);
      const values = column(output).map(Number);
      (MODELS.models[model]!.expected[output] as number[]).forEach((v, i) => expectClose(values[i], v, FLOAT32, `${model} row ${i}`));
    }
    const tree = await scored('tree_classifier', ['--input-columns', 'x1,x2,x3', '--outputs', 'probabilities']);
    expect(tree.header.slice(5)).toEqual(['probabilities_0', 'probabilities_1']);
  });

  it('refuses, exit 2 with one line: a missing flag, a [N,F] input without --input-columns, a wrong column count, an unknown column or output', async () => {
    const cases: [string[], RegExp][] = [
      [['--data', file('data.csv')], /predict needs --model M.onnx and --data FILE/],
      [['--model', file('zipmap.onnx'), '--data', file('data.csv')], /takes 3 features and the data has 5 columns — give their order with --input-columns/],
      [['--model', file('zipmap.onnx'), '--data', file('data.csv'), '--input-columns', 'x1,x2'], /takes 3 features, 2 columns given/],
      [['--model', file('logistic.onnx'), '--data', file('data.csv'), '--input-columns', 'x1,x2,colour'], /no such column: "colour"/],
      [
        ['--model', file('zipmap.onnx'), '--data', file('data.csv'), '--input-columns', 'x1,x2,x3', '--outputs', 'output_probability'],
        /score its probability tensor "probabilities"/,
      ],
      [['--model', file('data.csv'), '--data', file('data.csv')], /not an ONNX model/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await predict(args);
      expect(out).toBe('');
      expect(err, args.join(' ')).toMatch(message);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(code, args.join(' ')).toBe(2);
    }
  });
});
