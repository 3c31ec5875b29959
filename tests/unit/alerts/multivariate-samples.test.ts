import { describe, expect, it } from 'vitest';
import { samplesOf } from '../../../lib/alerts/samples';
import { ingestCsv } from '../../../lib/data/ingest';
import { multivariateCell } from '../../../lib/notebook/kinds/multivariate';
import { expectClose, readFixture, readJson } from '../../support';

// Expected values from tests/fixtures/generate_multivariate.py (sklearn 1.2; NannyML's data reconstruction re-implemented).
interface Case {
  features: string[];
  currentRowErrors: number[];
  classifier: { auc: number };
}
const expected = readJson<Record<string, Case>>('tests/fixtures/multivariate/expected.json');
const load = (name: string) => ingestCsv(readFixture(`tests/fixtures/multivariate/${name}`), name);

describe('multivariate catalogue samples', () => {
  it('pca: the mean reconstruction error of all current rows; classifier: the domain AUC', async () => {
    const want = expected.mixed!;
    const reference = await load('mixed-reference.csv');
    const current = await load('mixed-current.csv');
    const pca = samplesOf('multivariate', await multivariateCell(reference, current, { columns: want.features, chunkSize: 100 }));
    expect(pca.map((s) => [s.metric, s.labels])).toEqual([
      ['multivariate_reconstruction_error', { dataset: 'reference' }],
      ['multivariate_reconstruction_error', { dataset: 'current' }],
    ]);
    const mean = want.currentRowErrors.reduce((s, e) => s + e, 0) / want.currentRowErrors.length;
    expectClose(pca[1]!.value, mean, 1e-9, 'current mean error');
    const classifier = samplesOf('multivariate', await multivariateCell(reference, current, { method: 'classifier', columns: want.features, chunks: 2 }));
    expect(classifier).toHaveLength(1);
    expect(classifier[0]!.metric).toBe('domain_classifier_auc');
    expectClose(classifier[0]!.value, want.classifier.auc, 1e-12, 'auc');
  });
});
