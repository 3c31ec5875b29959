import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CELL_KINDS, CELL_REGISTRY, cellSpec, findSpec, isKnownKind, unknownKindError, type CellKind } from '../../../lib/notebook/registry';
import { REPORT_SECTIONS } from '../../../lib/report/sections/registry';
import { ROOT } from '../../support';

/** Each computing kind's fixture-backed compute test. A new kind adds its line here (and the test). */
const COMPUTE_TESTS: Record<Exclude<CellKind, 'note'>, string> = {
  drift: 'tests/unit/notebook/kinds/data-kinds.test.ts',
  column: 'tests/unit/notebook/kinds/data-kinds.test.ts',
  quality: 'tests/unit/notebook/kinds/data-kinds.test.ts',
  chart: 'tests/unit/notebook/kinds/data-kinds.test.ts',
  classification: 'tests/unit/notebook/kinds/model-kinds.test.ts',
  regression: 'tests/unit/notebook/kinds/model-kinds.test.ts',
  operational: 'tests/unit/notebook/kinds/model-kinds.test.ts',
  estimated: 'tests/unit/notebook/kinds/model-kinds.test.ts',
  fairness: 'tests/unit/notebook/kinds/model-kinds.test.ts',
  timeline: 'tests/unit/notebook/kinds/timeline.test.ts',
  change: 'tests/unit/notebook/kinds/change.test.ts',
  metrics: 'tests/unit/notebook/kinds/metrics.test.ts',
  validation: 'tests/unit/notebook/kinds/validation.test.ts',
  comparison: 'tests/unit/notebook/kinds/compare-kinds.test.ts',
  abtest: 'tests/unit/notebook/kinds/compare-kinds.test.ts',
  value: 'tests/unit/notebook/kinds/value.test.ts',
  multivariate: 'tests/unit/notebook/kinds/multivariate.test.ts',
  explain: 'tests/unit/notebook/kinds/explain.test.ts',
};

const text = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('the cell-kind registry', () => {
  it.each(CELL_KINDS)('%s has its lib module, report section, component and compute test', (kind) => {
    const spec = cellSpec(kind);
    expect(spec.kind).toBe(kind);
    expect(existsSync(join(ROOT, `lib/notebook/kinds/${kind}.ts`)), `lib/notebook/kinds/${kind}.ts`).toBe(true);
    expect(typeof REPORT_SECTIONS[kind], `report section of ${kind}`).toBe('function');
    // The component registry is React (not loaded in this Node test): its source must map the kind.
    expect(text('components/cells/registry.ts'), `component of ${kind}`).toMatch(new RegExp(`^\\s*${kind}: \\w+Cell,$`, 'm'));
    expect(spec.label.length).toBeGreaterThan(0);
    if (spec.compute) {
      const test = COMPUTE_TESTS[kind as Exclude<CellKind, 'note'>];
      expect(test, `a compute test listed for ${kind}`).toBeDefined();
      const source = text(test);
      expect(source, `${test} imports the ${kind} kind`).toContain(`lib/notebook/kinds/${kind}'`);
      expect(source, `${test} reads fixtures`).toMatch(/tests\/fixtures\//);
    } else {
      expect(spec.inputs).toEqual({ required: [], optional: [] });
    }
  });

  it('derives the kinds from the registry, in the add menu order', () => {
    expect(CELL_KINDS).toEqual(Object.keys(CELL_REGISTRY));
    expect(CELL_KINDS).toEqual([
      'drift',
      'column',
      'quality',
      'note',
      'chart',
      'classification',
      'regression',
      'operational',
      'estimated',
      'fairness',
      'timeline',
      'change',
      'metrics',
      'validation',
      'value',
      'comparison',
      'abtest',
      'multivariate',
      'explain',
    ]);
  });

  it('treats a kind it does not know as data, not a crash', () => {
    for (const kind of ['sparkle', '', 'constructor', '__proto__', 'toString', 42, null]) {
      expect(isKnownKind(kind), String(kind)).toBe(false);
    }
    expect(findSpec('sparkle')).toBeUndefined();
    expect(findSpec('drift')?.label).toBe('Data drift');
    expect(unknownKindError('sparkle')).toEqual({
      kind: 'AnalysisError',
      code: 'unknown-cell-kind',
      message: expect.stringMatching(/^unknown cell kind: sparkle — this version of Driftbook cannot show or run it/),
    });
    expect(() => cellSpec('sparkle' as CellKind)).toThrow(expect.objectContaining({ code: 'unknown-cell-kind' }));
  });

  it('keeps per-kind rules in the specs: auto-run and the shared threshold', () => {
    const takesThreshold = CELL_KINDS.filter((kind) => findSpec(kind)?.capabilities.withThreshold);
    expect(takesThreshold).toEqual(['classification', 'estimated', 'fairness']);
    expect(CELL_KINDS.filter((kind) => !cellSpec(kind).capabilities.autoRun)).toEqual(['note', 'chart', 'explain']);
    expect(CELL_KINDS.filter((kind) => cellSpec(kind).capabilities.drift)).toEqual(['drift', 'column']);
  });
});
