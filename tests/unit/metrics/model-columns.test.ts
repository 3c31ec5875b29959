import { Dictionary, Int32, Table, Utf8, tableFromArrays, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset, DatasetMeta } from '../../../lib/data/types';
import { labelColumn, modelQuality, numberColumn, resolveModelColumns, timestampColumn } from '../../../lib/metrics/model-columns';
import type { ClassificationMetricsResult } from '../../../lib/metrics/types';

const csv = (text: string, name = 'data.csv') => ingestCsv(new TextEncoder().encode(text), name);

/** A dataset around a hand-made table (schema types do not matter to these helpers). */
function dataset(table: Table, name = 'made.arrow'): Dataset {
  const schema = table.schema.fields.map((f) => ({ name: f.name, type: 'categorical' as const }));
  return { meta: { name, schema, roles: {} } as unknown as DatasetMeta, table };
}

const strings = (values: (string | null)[]) => vectorFromArray(values, new Dictionary(new Utf8(), new Int32()));

describe('labelColumn / numberColumn', () => {
  it('keeps numbers as numbers, categories and booleans as strings, missing as null', async () => {
    const data = await csv('n,c,b\n1,x,yes\n,y,no\n2.5,,\nNaN,x,true\n');
    expect(labelColumn(data, 'n')).toEqual([1, null, 2.5, null]);
    expect(labelColumn(data, 'c')).toEqual(['x', 'y', null, 'x']);
    expect(labelColumn(data, 'b')).toEqual(['true', 'false', null, 'true']);
    expect(Array.from(numberColumn(data, 'n'))).toEqual([1, NaN, 2.5, NaN]);
  });

  it('reads every chunk of a multi-batch table', () => {
    const one = tableFromArrays({ v: Float64Array.from([1, 2]) });
    const two = tableFromArrays({ v: Float64Array.from([3]) });
    const table = one.concat(two);
    expect(table.getChild('v')!.data.length).toBe(2);
    expect(Array.from(numberColumn(dataset(table), 'v'))).toEqual([1, 2, 3]);
    const labels = new Table({ s: strings(['a', null]) }).concat(new Table({ s: strings([null, 'b']) }));
    expect(labelColumn(dataset(labels), 's')).toEqual(['a', null, null, 'b']);
  });

  it('parses numbers held as text, and names the first value that is not one', () => {
    expect(Array.from(numberColumn(dataset(new Table({ s: strings(['1.5', null, '-inf', '2']) })), 's'))).toEqual([1.5, NaN, -Infinity, 2]);
    expect(() => numberColumn(dataset(new Table({ s: strings(['1', 'high']) })), 's')).toThrow(
      'column "s" of made.arrow: "high" (row 2) is not a number — choose a numeric column',
    );
  });

  it('names the dataset and its columns when a column is missing', async () => {
    const data = await csv('a,b\n1,2\n');
    expect(() => labelColumn(data, 'z')).toThrow('column "z": not in data.csv — its columns are a, b');
    expect(() => numberColumn(data, 'z')).toThrow(expect.objectContaining({ kind: 'AnalysisError', code: 'unknown-column' }));
  });
});

describe('timestampColumn', () => {
  it('parses ISO 8601 dates and times, without a zone as UTC', async () => {
    const data = await csv('d,t\n2015-01-02,2015-01-02T03:04:05Z\n,2015-01-02 03:04\n2016-02-29,2015-01-02T03:04:05+0100\n');
    const day = Date.UTC(2015, 0, 2);
    expect(Array.from(timestampColumn(data, 'd'))).toEqual([day, NaN, Date.UTC(2016, 1, 29)]);
    expect(Array.from(timestampColumn(data, 't'))).toEqual([day + 11_045_000, day + 11_040_000, day + 11_045_000 - 3_600_000]);
  });

  it('reads numbers as epoch seconds below 1e11, else milliseconds', async () => {
    const data = await csv('s,ms\n1420070400,1420070400000\n1420070401.5,\n');
    expect(Array.from(timestampColumn(data, 's'))).toEqual([1_420_070_400_000, 1_420_070_401_500]);
    expect(Array.from(timestampColumn(data, 'ms'))).toEqual([1_420_070_400_000, NaN]);
  });

  it('rejects text that is not an ISO date', () => {
    expect(() => timestampColumn(dataset(new Table({ d: strings(['2015-01-02', '02/01/2015']) })), 'd')).toThrow(
      /"02\/01\/2015" \(row 2\) is not an ISO 8601 date/,
    );
  });
});

describe('resolveModelColumns', () => {
  it('takes named columns, fills the others from the roles, and checks every name', async () => {
    const data = await csv('y,y_pred,proba_a,proba_b,f\na,b,0.4,0.6,1\n');
    expect(data.meta.roles).toEqual({ y: 'target', y_pred: 'prediction', proba_a: 'score', proba_b: 'score' });
    expect(resolveModelColumns(data, {})).toEqual({ target: 'y', prediction: 'y_pred', score: ['proba_a', 'proba_b'] });
    expect(resolveModelColumns(data, { target: 'f', score: [] })).toEqual({ target: 'f', prediction: 'y_pred', score: [] });
    expect(resolveModelColumns(data, {}, { f: 'target' })).toEqual({ target: 'f', score: [] });
    expect(() => resolveModelColumns(data, { score: ['proba_a', 'proba_c'] })).toThrow(
      'column "proba_c": not in data.csv — its columns are y, y_pred, proba_a, proba_b, f',
    );
  });
});

describe('modelQuality', () => {
  const metrics = (side: { metrics: unknown } | undefined) => side!.metrics as ClassificationMetricsResult;

  it('gives both sides one label set, one positive label and the reference baseline', async () => {
    const reference = await csv('y,p,s\n0,0,0.1\n1,1,0.9\n1,0,0.4\n0,0,0.2\n', 'ref.csv');
    const current = await csv('y,p,s\n0,0,0.3\n0,0,0.2\n0,0,0.45\n', 'cur.csv');
    const result = modelQuality(reference, current, { target: 'y', prediction: 'p', score: ['s'] });
    expect(result).toMatchObject({ kind: 'model-quality', schemaVersion: 1, task: 'binary', columns: { target: 'y', prediction: 'p', score: ['s'] } });
    expect(result.reference).toMatchObject({ name: 'ref.csv', rows: 4 });
    expect(metrics(result.current).confusion_matrix).toEqual({
      labels: ['0', '1'],
      matrix: [
        [3, 0],
        [0, 0],
      ],
    });
    expect(metrics(result.current).pos_label).toBe('1');
    expect(metrics(result.current).baseline).toMatchObject({ label: '0', source: 'reference' });
    expect(metrics(result.reference).accuracy).toBe(0.75);
  });

  it('decides the task as Evidently does: regression for a numeric target with > 10 values', async () => {
    const rows = (k: number) => Array.from({ length: 12 }, (_, i) => `${i % k},${(i + 1) % k}`).join('\n');
    expect(modelQuality(await csv(`y,p\n${rows(11)}\n`), undefined, { target: 'y', prediction: 'p' }).task).toBe('regression');
    expect(modelQuality(await csv(`y,p\n${rows(10)}\n`), undefined, { target: 'y', prediction: 'p' }).task).toBe('multiclass');
    expect(modelQuality(await csv(`y,p\n${rows(11)}\n`), undefined, { target: 'y', prediction: 'p', task: 'classification' }).task).toBe('multiclass');
    expect(modelQuality(await csv('y,p\n1,1\n2,3\n'), undefined, { target: 'y', prediction: 'p', task: 'regression' }).reference.metrics).toMatchObject({
      mae: 0.5,
      max_error: 1,
    });
  });

  it('matches multiclass probability columns by suffix, naming the labels seen when one does not match', async () => {
    const data = await csv('y,p,proba_a,proba_b,proba_c\na,a,0.7,0.2,0.1\nb,c,0.2,0.3,0.5\nc,c,0.1,0.1,0.8\n');
    const result = modelQuality(data, undefined, { target: 'y', prediction: 'p', score: ['proba_c', 'proba_a', 'proba_b'] });
    expect(metrics(result.reference).roc_auc).toBe(1);
    const bad = await csv('y,p,proba_a,proba_x\na,a,0.7,0.3\nb,b,0.2,0.8\nc,c,0.5,0.5\n');
    expect(() => modelQuality(bad, undefined, { target: 'y', prediction: 'p', score: ['proba_a', 'proba_x'] })).toThrow(
      'probability column "proba_x": suffix "x" matches no label; labels seen: "a", "b", "c"',
    );
  });

  it("refuses a binary score that is another label's probability, and a threshold beside a prediction column", async () => {
    const data = await csv('y,p,proba_0,proba_1\n0,0,0.8,0.2\n1,1,0.3,0.7\n');
    expect(() => modelQuality(data, undefined, { target: 'y', score: ['proba_0'] })).toThrow(
      /score column "proba_0": the probability of "0", not of the positive label "1"/,
    );
    expect(metrics(modelQuality(data, undefined, { target: 'y', score: ['proba_0', 'proba_1'], threshold: 0.5 }).reference).accuracy).toBe(1);
    expect(() => modelQuality(data, undefined, { target: 'y', prediction: 'p', score: ['proba_1'], threshold: 0.6 })).toThrow(
      /threshold: 0.6 applies only when predictions are derived/,
    );
    expect(() => modelQuality(data, undefined, { target: 'y', prediction: 'p', posLabel: 2 })).toThrow('pos_label: "2" is not a label — labels seen: 0, 1');
  });
});
