/**
 * autofillCard over computed cells: numbers equal the cells' own results, intervals equal the
 * numpy/sklearn bootstrap of tests/fixtures/generate_bootstrap.py (cli.json: the same two CSVs,
 * seed 42, 1000 resamples), cells that cannot give numbers become notes.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import type { Dataset } from '../../../lib/data/types';
import { applyAutofill, autofillCard } from '../../../lib/cards/autofill';
import { emptyCard, type CardMetric, type ModelCard } from '../../../lib/cards/types';
import type { CellRecord } from '../../../lib/notebook/cell-record';
import { cellSpec, type CellConfigs, type CellKind } from '../../../lib/notebook/registry';
import { currentResultKey } from '../../../lib/notebook/run-cell';
import { expectClose, readFixture, readJson } from '../../support';

interface Interval {
  lower: number;
  upper: number;
}
interface Side {
  rows: number;
  metrics: Record<string, number>;
  intervals: Record<string, Interval>;
  groups?: Record<string, { count: number; accuracy: number; selection_rate: number; tpr: number; fpr: number }>;
}
const expected = readJson<{ reference: Side; current: Side }>('tests/fixtures/bootstrap/cli.json');
const REL = 1e-9;

let reference: Dataset;
let current: Dataset;
const byId = new Map<string, Dataset>();
const load = async ({ id }: { id: string }) => {
  const d = byId.get(id);
  if (!d) throw new Error(`no dataset ${id}`);
  return d;
};

let order = 0;
async function cell<K extends CellKind>(
  kind: K,
  config: CellConfigs[K],
  options: { run?: boolean; slots?: ('reference' | 'current')[] } = {},
): Promise<CellRecord> {
  const slots = options.slots ?? ['reference', 'current'];
  const inputs = Object.fromEntries(
    slots.map((s) => [s, { id: (s === 'reference' ? reference : current).meta.id, sha256: (s === 'reference' ? reference : current).meta.sha256 }]),
  );
  const record = {
    id: `cell-${order}`,
    workspaceId: 'w',
    order: order++,
    title: `${kind} cell`,
    inputs,
    status: 'idle',
    updatedAt: '2026-12-06T04:00:00.000Z',
    kind,
    config,
  } as unknown as CellRecord;
  if (options.run === false) return record;
  const result = await cellSpec(kind).compute!({ reference, ...(slots.includes('current') ? { current } : {}) }, config);
  const done = { ...record, status: 'ok', result } as CellRecord;
  return { ...done, resultKey: await currentResultKey(done, [reference.meta, current.meta]) } as CellRecord;
}

beforeAll(async () => {
  reference = await ingestCsv(readFixture('tests/fixtures/bootstrap/cli-reference.csv'), 'cli-reference.csv');
  current = await ingestCsv(readFixture('tests/fixtures/bootstrap/cli-current.csv'), 'cli-current.csv');
  for (const d of [reference, current]) byId.set(d.meta.id, d);
});

const model = { target: 'y', prediction: 'y_pred', score: ['score'], posLabel: '1' };

describe('autofillCard', () => {
  it('fills datasets, model quality with intervals, fairness, drift and estimates from the cells', async () => {
    const cells = [
      await cell('classification', model),
      await cell('fairness', { target: 'y', prediction: 'y_pred', sensitive: ['group'], posLabel: '1' }),
      await cell('drift', {}),
      await cell('estimated', { target: 'y', score: 'score', prediction: 'y_pred', posLabel: '1', chunks: 4 }),
    ];
    const fill = await autofillCard(cells, [reference.meta, current.meta], load, { filledAt: '2026-12-06T04:30:00.000Z' });
    expect(fill.filledAt).toBe('2026-12-06T04:30:00.000Z');
    expect(fill.notes).toEqual([]);

    // Datasets: name, rows, SHA-256 of the file bytes, the sensitive column.
    const sha = (path: string) => createHash('sha256').update(readFixture(path)).digest('hex');
    expect(fill.data.map(({ name, rows, sha256, side, sensitive }) => ({ name, rows, sha256, side, sensitive }))).toEqual([
      { name: 'cli-reference.csv', rows: 240, sha256: sha('tests/fixtures/bootstrap/cli-reference.csv'), side: 'reference', sensitive: ['group'] },
      { name: 'cli-current.csv', rows: 180, sha256: sha('tests/fixtures/bootstrap/cli-current.csv'), side: 'current', sensitive: ['group'] },
    ]);

    // Model quality: the cell's values (= sklearn's) and the fixture's bootstrap intervals.
    const quality = fill.metrics.filter((m) => m.source?.kind === 'classification');
    const classification = cells[0] as Extract<CellRecord, { kind: 'classification' }>;
    for (const side of ['reference', 'current'] as const) {
      for (const type of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc']) {
        const m = quality.find((q) => q.side === side && q.type === type)!;
        const cellValue = (classification.result![side]!.metrics as unknown as Record<string, number>)[type];
        expect(m.value, `${side} ${type}`).toBe(cellValue);
        expectClose(m.value, expected[side].metrics[type]!, REL, `${side} ${type}`);
        expect(m.interval).toMatchObject({ level: 0.95, method: 'percentile-bootstrap', resamples: 1000, seed: 42 });
        expectClose(m.interval!.lower, expected[side].intervals[type]!.lower, REL, `${side} ${type} lower`);
        expectClose(m.interval!.upper, expected[side].intervals[type]!.upper, REL, `${side} ${type} upper`);
      }
    }
    expect(quality[0]!.source).toEqual({
      cellId: 'cell-0',
      cellTitle: 'classification cell',
      kind: 'classification',
      datasets: [
        { side: 'reference', name: 'cli-reference.csv', sha256: reference.meta.sha256 },
        { side: 'current', name: 'cli-current.csv', sha256: current.meta.sha256 },
      ],
      computedAt: '2026-12-06T04:00:00.000Z',
    });

    // Fairness: per group of the current data, as sklearn/numpy count them; parity from the cell.
    const fairness = fill.metrics.filter((m) => m.source?.kind === 'fairness');
    for (const [group, want] of Object.entries(expected.current.groups!)) {
      for (const type of ['accuracy', 'selection_rate', 'tpr', 'fpr'] as const) {
        const m = fairness.find((f) => f.side === 'current' && f.type === type && f.group?.value === group);
        expect(m?.group?.column).toBe('group');
        expectClose(m?.value, want[type], REL, `${group} ${type}`);
      }
    }
    const fairnessCell = cells[1] as Extract<CellRecord, { kind: 'fairness' }>;
    const dpd = fairness.find((f) => f.side === 'current' && f.type === 'demographic_parity_difference')!;
    expect(dpd.value).toBe(fairnessCell.result!.current!.demographic_parity_difference);
    expect(dpd.name).toBe('Demographic parity difference (group; between_groups)');
    expect(fairness.some((f) => f.type === 'equalized_odds_ratio' && f.side === 'reference')).toBe(true);

    // Drift status: the cell's dataset verdict.
    const drift = (cells[2] as Extract<CellRecord, { kind: 'drift' }>).result!;
    expect(fill.drift).toMatchObject({
      driftedColumns: drift.dataset.driftedColumns,
      testedColumns: drift.dataset.columns,
      share: drift.dataset.share,
      datasetDrift: drift.dataset.drifted,
      threshold: drift.dataset.threshold,
    });
    expect(fill.drift!.columns.length).toBe(drift.columns.filter((c) => c.tested).length);

    // Estimated performance: CBPE's whole-current estimate.
    const cbpe = (cells[3] as Extract<CellRecord, { kind: 'estimated' }>).result!.cbpe.current.estimated;
    expect(fill.estimated.map((m) => [m.type, m.value, m.side])).toEqual([
      ['estimated_accuracy', cbpe.accuracy, 'current'],
      ['estimated_precision', cbpe.precision, 'current'],
      ['estimated_recall', cbpe.recall, 'current'],
      ['estimated_f1', cbpe.f1, 'current'],
      ['estimated_roc_auc', cbpe.rocAuc, 'current'],
    ]);
  });

  it('turns cells not run, failed, out of date or without data into notes', async () => {
    const idle = await cell('classification', model, { run: false });
    const failed = {
      ...(await cell('fairness', { target: 'y', prediction: 'y_pred', sensitive: ['group'] }, { run: false })),
      status: 'error',
      error: { kind: 'AnalysisError', code: 'x', message: 'sensitive: boom' },
    } as CellRecord;
    const stale = { ...(await cell('classification', model)), resultKey: 'an older key' } as CellRecord;
    const gone = {
      ...(await cell('drift', {})),
      inputs: { reference: { id: 'deleted', sha256: 'x' }, current: { id: current.meta.id, sha256: current.meta.sha256 } },
    } as CellRecord;
    const note = { ...(await cell('classification', model, { run: false })), kind: 'note', config: { markdown: 'hi' } } as unknown as CellRecord;
    const fill = await autofillCard([idle, failed, stale, gone, note], [reference.meta, current.meta], load);
    expect(fill.metrics).toEqual([]);
    expect(fill.drift).toBeUndefined();
    expect(fill.notes).toEqual([
      'classification cell: not run yet — run it to fill its numbers',
      'fairness cell: failed (sensitive: boom) — fix it and run it again to fill its numbers',
      'classification cell: its result is out of date (settings, data or column roles changed since it ran) — run it again',
      'drift cell: its reference dataset is no longer stored — choose another and run it again',
      'No classification or regression cell with a current result: add and run one to fill model quality',
    ]);
  });

  it('keeps the numbers when a dataset cannot be opened, without intervals', async () => {
    const fill = await autofillCard([await cell('classification', model)], [reference.meta, current.meta], () =>
      Promise.reject(new Error('IndexedDB is gone')),
    );
    expect(fill.metrics.length).toBe(10);
    expect(fill.metrics.every((m) => m.interval === undefined)).toBe(true);
    expect(fill.notes).toContain('classification cell: the reference data could not be read (IndexedDB is gone)');
  });

  it('keeps the numbers without intervals when the rows no longer hold the columns', async () => {
    const other = await ingestCsv(new TextEncoder().encode('age\n1\n2\n'), 'other.csv');
    const fill = await autofillCard([await cell('classification', model)], [reference.meta, current.meta], async () => other);
    expect(fill.metrics.length).toBe(10);
    expect(fill.metrics.every((m) => m.interval === undefined)).toBe(true);
    expect(fill.notes[0]).toMatch(/^classification cell: no intervals for the reference data \(column "y": not in other\.csv/);
  });

  it('regression cells: MAE, RMSE and R² with intervals of the given resamples and seed', async () => {
    const regression = await cell('regression', { target: 'score', prediction: 'age' });
    const fill = await autofillCard([regression], [reference.meta, current.meta], load, { bootstrap: { resamples: 50, seed: 3 } });
    const result = (regression as Extract<CellRecord, { kind: 'regression' }>).result!;
    expect(fill.metrics.map((m) => [m.side, m.type, m.value, m.interval?.resamples, m.interval?.seed])).toEqual(
      (['reference', 'current'] as const).flatMap((side) =>
        (['mae', 'rmse', 'r2'] as const).map((type) => [side, type, (result[side]!.metrics as unknown as Record<string, number>)[type], 50, 3]),
      ),
    );
  });
});

describe('autofillCard on a multiclass cell', () => {
  it('recomputes the cell’s rows from its probability columns: intervals equal the numpy/sklearn bootstrap', async () => {
    interface Case {
      name: string;
      target: string[];
      prediction: string[];
      proba: number[][];
      resamples: number;
      seed: number;
      intervals: Record<string, Interval & { undefined: number }>;
    }
    const c = readJson<{ cases: Case[] }>('tests/fixtures/bootstrap/bootstrap.json').cases.find((x) => x.name === 'multiclass')!;
    const csv = ['y,y_pred,proba_a,proba_b,proba_c', ...c.target.map((y, i) => [y, c.prediction[i], ...c.proba[i]!.map(String)].join(','))].join('\n');
    const data = await ingestCsv(new TextEncoder().encode(csv), 'multi.csv');
    const config = { target: 'y', prediction: 'y_pred', score: ['proba_a', 'proba_b', 'proba_c'] };
    const result = await cellSpec('classification').compute!({ reference: data }, config);
    const record = {
      id: 'm',
      workspaceId: 'w',
      order: 0,
      title: 'Multiclass',
      inputs: { reference: { id: data.meta.id, sha256: data.meta.sha256 } },
      status: 'ok',
      updatedAt: '2026-12-06T04:00:00.000Z',
      kind: 'classification',
      config,
      result,
    } as CellRecord;
    const fill = await autofillCard([record], [data.meta], async () => data, { bootstrap: { resamples: c.resamples, seed: c.seed } });
    expect(fill.metrics.map((m) => m.name)).toEqual(['Accuracy', 'Precision (macro)', 'Recall (macro)', 'F1 (macro)', 'ROC AUC (one-vs-rest, macro)']);
    for (const m of fill.metrics) {
      expectClose(m.interval?.lower, c.intervals[m.type]!.lower, REL, `${m.type} lower`);
      expectClose(m.interval?.upper, c.intervals[m.type]!.upper, REL, `${m.type} upper`);
    }
  });
});

describe('applyAutofill', () => {
  const human: CardMetric = { type: 'accuracy', name: 'Accuracy (offline test set)', value: 0.91, side: 'reference' };
  it('replaces only autofilled entries and keeps what the person typed', async () => {
    const fill = await autofillCard([await cell('classification', model), await cell('drift', {})], [reference.meta, current.meta], load, {
      bootstrap: { resamples: 20 },
    });
    const card: ModelCard = emptyCard();
    card.modelDetails.name = 'Rain <model>';
    card.considerations.limitations = ['Only Seattle'];
    card.modelParameters.data = [{ name: 'train.csv', link: '', description: 'Typed by hand', sensitive: [] }];
    card.quantitative.metrics = [human];
    const once = applyAutofill(card, fill);
    expect(once.modelDetails.name).toBe('Rain <model>');
    expect(once.considerations.limitations).toEqual(['Only Seattle']);
    expect(once.modelParameters.data.map((d) => d.name)).toEqual(['train.csv', 'cli-reference.csv', 'cli-current.csv']);
    expect(once.quantitative.metrics[0]).toEqual(human);
    expect(once.quantitative.metrics.length).toBe(11);
    expect(once.quantitative.drift).toEqual(fill.drift);
    // Again with a fill without drift: the old autofilled entries go, the human ones stay.
    const empty = { data: [], metrics: [], estimated: [], validation: [], filledAt: 'x', notes: [] };
    const twice = applyAutofill(once, empty);
    expect(twice.quantitative.metrics).toEqual([human]);
    expect(twice.modelParameters.data.map((d) => d.name)).toEqual(['train.csv']);
    expect(twice.quantitative.drift).toBeUndefined();
    expect(card.quantitative.metrics).toEqual([human]);
  });
});
