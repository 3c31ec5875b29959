import { describe, expect, it } from 'vitest';
import { ingestCsv } from '../../../../lib/data/ingest';
import { multivariateChart } from '../../../../lib/charts/multivariate-chart';
import { multivariateChunkRows, multivariateKind } from '../../../../lib/notebook/kinds/multivariate';
import { cellSpec } from '../../../../lib/notebook/registry';
import { multivariateSection } from '../../../../lib/report/sections/multivariate';
import { parseHTML } from 'linkedom';
import { expectClose, readFixture, readJson } from '../../../support';

// The cell's compute on tests/fixtures/multivariate (generate_multivariate.py: NannyML's DataReconstructionDriftCalculator
// re-implemented with sklearn 1.2 — nannyml/drift/multivariate/data_reconstruction/calculator.py).
interface Case {
  features: string[];
  components: number;
  threshold: { lower: number | null; upper: number };
  current: { chunks: { start: number; end: number; value: number; alert: boolean }[] };
}
const expected = readJson<Record<string, Case>>('tests/fixtures/multivariate/expected.json');
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/multivariate/${name}`), name);

describe('the multivariate cell kind', () => {
  it('computes NannyML’s reconstruction drift on the fixture (default features: every non-timestamp column)', async () => {
    const want = expected.mixed!;
    const spec = cellSpec('multivariate');
    expect(spec).toBe(multivariateKind);
    const config = { chunkSize: 100 };
    expect(spec.validate(config)).toEqual([]);
    const progress: number[] = [];
    const result = await spec.compute!({ reference: await load('mixed-reference.csv'), current: await load('mixed-current.csv') }, config, {
      onProgress: (done) => progress.push(done),
    });
    expect(result.kind).toBe('multivariate');
    expect(result.drift.features).toEqual(want.features);
    expect(result.drift.components).toBe(want.components);
    want.current.chunks.forEach((c, i) => expectClose(result.drift.current.chunks[i]!.value, c.value, 1e-9, `chunk ${i}`));
    expect(multivariateChunkRows(result.drift).map((r) => r.alert)).toEqual(want.current.chunks.map((c) => c.alert));
    expect(multivariateChunkRows(result.drift)[0]!.chunk).toBe('rows 0–99');
    expect(progress).toEqual([1, 2, 3]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const svg = multivariateChart(result.drift, { document });
    expect(svg.querySelectorAll('[aria-description="alerts"] circle')).toHaveLength(want.current.chunks.filter((c) => c.alert).length);
    const html = multivariateSection(result, { document }).__html;
    expect(html).toContain(`${want.current.chunks.filter((c) => c.alert).length}</strong> of ${want.current.chunks.length} current chunks alert`);
  });

  it('validates its settings in the form’s words', () => {
    expect(multivariateKind.validate({ variance: 1 })).toEqual(['Variance kept: a share between 0 and 1 (e.g. 0.65)']);
    expect(multivariateKind.validate({ chunks: 0, classifier: { folds: 1 } })).toEqual([
      'Chunks: a whole number from 1 to 1000',
      'Folds: a whole number from 2 to 20',
    ]);
    expect(multivariateKind.validate({ columns: ['a'] })).toEqual(['Columns: choose 2 or more (or none for every feature)']);
  });

  it('stops with a typed error when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      cellSpec('multivariate').compute!(
        { reference: await load('numeric-reference.csv'), current: await load('numeric-current.csv') },
        { method: 'classifier' },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'aborted' });
  });
});
