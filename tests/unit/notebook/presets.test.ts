import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../lib/data/ingest';
import { computeDrift } from '../../../lib/drift/compute-drift';
import { configWithThreshold, shouldAutoRun, thresholdTargets } from '../../../lib/notebook/actions';
import type { CellRecord } from '../../../lib/notebook/cell-record';
import { computePreset, DEFAULT_PRESET, presetCells } from '../../../lib/notebook/presets';
import { computeQuality } from '../../../lib/quality/compute-quality';
import { readFixture } from '../../support';

const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/e2e/${name}`), name);

describe('the default preset', () => {
  it('lists drift then data quality, as new cells for a pair (the app compare and the demo)', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    expect(DEFAULT_PRESET).toEqual(['drift', 'quality']);
    expect(presetCells(reference.meta, current.meta, { drift: { threshold: 0.01 } })).toEqual([
      { kind: 'drift', reference: reference.meta, current: current.meta, config: { threshold: 0.01 } },
      { kind: 'quality', reference: reference.meta, current: current.meta, config: undefined },
    ]);
  });

  it('computes with the kinds own compute (what `driftbook report` writes)', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    const cells = await computePreset(reference, current, { drift: { threshold: 0.01 } });
    expect(cells).toEqual([
      { kind: 'drift', title: 'reference.csv → current.csv', config: { threshold: 0.01 }, result: await computeDrift(reference, current, { threshold: 0.01 }) },
      { kind: 'quality', title: 'reference.csv → current.csv', config: {}, result: computeQuality(reference, current) },
    ]);
  });
});

describe('per-kind rules the notebook applies', () => {
  const base = { workspaceId: 'w', order: 0, title: 't', status: 'idle' as const, updatedAt: '' };
  const ref = { id: 'r', sha256: 'a' };
  const cells: CellRecord[] = [
    { ...base, id: 'c1', kind: 'classification', config: { prediction: 'p', threshold: 0.3 }, inputs: { reference: ref } },
    { ...base, id: 'c2', kind: 'classification', config: { target: 'y', prediction: 'p' }, inputs: { reference: ref } },
    { ...base, id: 'e', kind: 'estimated', config: { chunks: 8 }, inputs: { reference: ref } },
    { ...base, id: 'f1', kind: 'fairness', config: { score: 's', prediction: 'p' }, inputs: { reference: ref } },
    { ...base, id: 'f2', kind: 'fairness', config: {}, inputs: { reference: ref } },
    { ...base, id: 'd', kind: 'drift', config: {}, inputs: { reference: ref } },
    { ...base, id: 'n', kind: 'note', config: { markdown: '' }, inputs: {} },
    { ...base, id: 'ch', kind: 'chart', config: { mark: 'histogram' }, inputs: { reference: ref } },
  ];

  it('a shared threshold goes to the other model cells that can take it (fairness only with a score), replacing their prediction column', () => {
    expect(thresholdTargets(cells, { id: 'c1' }).map((c) => c.id)).toEqual(['c2', 'e', 'f1']);
    expect(configWithThreshold(cells[1]!, 0.7)).toEqual({ target: 'y', threshold: 0.7 });
    expect(configWithThreshold(cells[3]!, 0.7)).toEqual({ score: 's', threshold: 0.7 });
    expect(configWithThreshold(cells[4]!, 0.7)).toBeUndefined();
    expect(configWithThreshold(cells[5]!, 0.7)).toBeUndefined();
  });

  it('a new cell runs at once when it computes by itself and has its required datasets; a chart waits for its columns', () => {
    expect(cells.filter(shouldAutoRun).map((c) => c.id)).toEqual(['c1', 'c2', 'f1', 'f2']);
  });
});
