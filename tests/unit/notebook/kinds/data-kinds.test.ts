import { describe, expect, it } from 'vitest';
import { computeChartData } from '../../../../lib/explore/chart-data';
import { ingestCsv } from '../../../../lib/data/ingest';
import { computeDrift } from '../../../../lib/drift/compute-drift';
import { chartKind } from '../../../../lib/notebook/kinds/chart';
import { columnKind } from '../../../../lib/notebook/kinds/column';
import { driftKind } from '../../../../lib/notebook/kinds/drift';
import { qualityKind } from '../../../../lib/notebook/kinds/quality';
import { computeQuality } from '../../../../lib/quality/compute-quality';
import { readFixture } from '../../../support';

// The e2e fixtures: the domain functions these kinds call are checked against scipy/Evidently/pandas fixtures in their own tests.
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/e2e/${name}`), name);

describe('data kinds compute what their domain functions compute (tests/fixtures/e2e)', () => {
  it('drift: the same result as computeDrift, with progress per column and a drift capability that is the identity', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    const config = { methods: ['psi', 'ks'], correction: 'bh' as const };
    const seen: number[] = [];
    const result = await driftKind.compute!({ reference, current }, config, { onProgress: (done) => seen.push(done) });
    expect(result).toEqual(await computeDrift(reference, current, config));
    // One report per planned column, in order.
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    expect(driftKind.capabilities.drift!.config(config)).toBe(config);
    await expect(driftKind.compute!({ reference }, {})).rejects.toMatchObject({ code: 'missing-input' });
  });

  it('column: a drift run of that one column; default column is the first numeric one', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    const config = columnKind.defaultConfig({ reference: reference.meta, current: current.meta });
    expect(config).toEqual({ methods: 'all', column: 'age' });
    const result = await columnKind.compute!({ reference, current }, config);
    expect(result).toEqual(await computeDrift(reference, current, { methods: 'all', columns: ['age'] }));
    expect(columnKind.validate({ methods: 'all' }, {})).toEqual(['choose the column to detail']);
    expect(columnKind.validate({ column: 'nope' }, { reference: reference.meta })).toEqual(['column: nope is not in reference.csv']);
    expect(() => columnKind.capabilities.drift!.config({})).toThrow(/no column chosen/);
  });

  it('quality: computeQuality of one side or two', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    expect(await qualityKind.compute!({ reference, current }, {})).toEqual(computeQuality(reference, current));
    expect(await qualityKind.compute!({ reference }, {})).toEqual(computeQuality(reference));
  });

  it('chart: computeChartData, and a check of its columns against the datasets', async () => {
    const [reference, current] = await Promise.all([load('reference.csv'), load('current.csv')]);
    const config = { mark: 'histogram' as const, x: 'age', sides: 'both' as const };
    expect(await chartKind.compute!({ reference, current }, config)).toEqual(computeChartData(reference, current, config));
    expect(chartKind.validate(config, { reference: reference.meta })).toEqual([]);
    expect(chartKind.validate({ ...config, x: 'nope' }, { reference: reference.meta })).toEqual(['column: nope is not in the data']);
    expect(chartKind.capabilities.autoRun).toBe(false);
  });
});
