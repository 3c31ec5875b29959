import { describe, expect, it } from 'vitest';
import { diffCards } from '../../../lib/cards/diff';
import { emptyCard, type CardMetric, type CardSource, type ModelCard } from '../../../lib/cards/types';

const source: CardSource = { cellId: 'c1', cellTitle: 'Quality', kind: 'classification', datasets: [], computedAt: '2026-12-06T04:00:00.000Z' };
const interval = { lower: 0.7, upper: 0.9, level: 0.95, method: 'percentile-bootstrap' as const, resamples: 1000, seed: 42 };

function card(edit: (c: ModelCard) => void = () => undefined): ModelCard {
  const c = emptyCard();
  c.modelDetails.name = 'Rain model';
  c.considerations.limitations = ['Only Seattle', 'Daily data'];
  c.quantitative.metrics = [
    { type: 'accuracy', name: 'Accuracy', value: 0.8, side: 'current', interval, source },
    { type: 'accuracy', value: 0.75, side: 'current', group: { column: 'group', value: 'F' }, source },
  ];
  edit(c);
  return c;
}

describe('diffCards', () => {
  it('finds nothing between equal cards', () => {
    expect(diffCards(card(), card())).toEqual([]);
    expect(diffCards(emptyCard(), emptyCard())).toEqual([]);
  });

  it('reports text fields, list items by position and metrics by type, side and group', () => {
    const after = card((c) => {
      c.modelDetails.name = 'Rain model v2';
      c.modelDetails.overview = 'Predicts *rain*';
      c.considerations.limitations = ['Only Seattle', 'Daily data only', 'No snow'];
      c.quantitative.metrics[1]!.value = 0.7500000000000001;
      c.quantitative.metrics.push({ type: 'tpr', value: 0.5, side: 'current', group: { column: 'group', value: 'M' } });
      c.signOff.reviewer = 'Ada';
    });
    expect(diffCards(card(), after)).toEqual([
      { path: 'modelDetails.name', label: 'Model name', kind: 'changed', before: 'Rain model', after: 'Rain model v2' },
      { path: 'modelDetails.overview', label: 'Overview', kind: 'added', after: 'Predicts *rain*' },
      {
        path: 'quantitative.metrics[accuracy|current|group=F]',
        label: 'accuracy (current: group=F)',
        kind: 'changed',
        before: '0.75',
        after: '0.7500000000000001',
      },
      { path: 'quantitative.metrics[tpr|current|group=M]', label: 'tpr (current: group=M)', kind: 'added', after: '0.5' },
      { path: 'considerations.limitations[1]', label: 'Limitations #2', kind: 'changed', before: 'Daily data', after: 'Daily data only' },
      { path: 'considerations.limitations[2]', label: 'Limitations #3', kind: 'added', after: 'No snow' },
      { path: 'signOff.reviewer', label: 'Reviewer', kind: 'added', after: 'Ada' },
    ]);
  });

  it('shows intervals and removals; a recomputed metric with the same numbers is unchanged', () => {
    const after = card((c) => {
      c.quantitative.metrics[0] = { ...c.quantitative.metrics[0]!, interval: { ...interval, upper: 0.91 }, source: { ...source, computedAt: 'later' } };
      c.quantitative.metrics.pop();
      c.considerations.limitations = ['Only Seattle'];
    });
    expect(diffCards(card(), after)).toEqual([
      {
        path: 'quantitative.metrics[accuracy|current]',
        label: 'accuracy (current)',
        kind: 'changed',
        before: '0.8 [0.7, 0.9] (95% percentile-bootstrap, 1000 resamples, seed 42) — Accuracy',
        after: '0.8 [0.7, 0.91] (95% percentile-bootstrap, 1000 resamples, seed 42) — Accuracy',
      },
      { path: 'quantitative.metrics[accuracy|current|group=F]', label: 'accuracy (current: group=F)', kind: 'removed', before: '0.75' },
      { path: 'considerations.limitations[1]', label: 'Limitations #2', kind: 'removed', before: 'Daily data' },
    ]);
    const recomputed = card((c) => (c.quantitative.metrics[0]!.source = { ...source, computedAt: '2027-01-01T00:00:00.000Z' }));
    expect(diffCards(card(), recomputed)).toEqual([]);
  });

  it('covers datasets, drift, estimates, validation, owners, risks, tags and the environmental impact', () => {
    const est: CardMetric = { type: 'estimated_roc_auc', value: 0.8, side: 'current', source };
    const after = card((c) => {
      c.modelDetails.owners = [{ name: 'Team', contact: 'team@example.org' }];
      c.modelDetails.licenses = [{ identifier: 'mit', customText: '' }];
      c.modelParameters.data = [{ name: 'cur.csv', link: '', description: '', side: 'current', rows: 10, sha256: 'ab', sensitive: ['group'], source }];
      c.quantitative.estimated = [est];
      c.quantitative.drift = {
        driftedColumns: 1,
        testedColumns: 3,
        share: 1 / 3,
        datasetDrift: false,
        threshold: 0.5,
        columns: [{ column: 'age', method: 'ks', score: 0.01, drifted: true }],
        source,
      };
      c.quantitative.validation = [{ suite: 'checks', evaluated: 4, successful: 3, success: false, source }];
      c.considerations.ethicalConsiderations = [{ name: 'Bias', mitigationStrategy: 'Audit' }];
      c.huggingFace.tags = ['tabular'];
      c.huggingFace.environmentalImpact.hardwareType = 'CPU';
    });
    const labels = diffCards(card(), after).map((c) => `${c.kind} ${c.label}: ${c.after}`);
    expect(labels).toEqual([
      'added Owners #1: Team (team@example.org)',
      'added Licenses #1: mit',
      'added Dataset cur.csv (current): rows: 10; SHA-256: ab; sensitive columns: group',
      'added estimated_roc_auc (current): 0.8',
      'added Drift status: not drifted: 1 of 3 columns (share 0.3333333333333333, threshold 0.5)',
      'added Drift of column age: ks 0.01, drifted',
      'added Validation checks: failed: 3 of 4 expectations',
      'added Ethical considerations #1: Bias — mitigation: Audit',
      'added Hardware type: CPU',
      'added Tags #1: tabular',
    ]);
    // A dataset field that changes is one line naming the dataset and the field.
    const rehashed = structuredClone(after);
    rehashed.modelParameters.data[0]!.sha256 = 'cd';
    rehashed.modelParameters.data[0]!.rows = 11;
    expect(diffCards(after, rehashed)).toEqual([
      { path: 'modelParameters.data[cur.csv|current].rows', label: 'Dataset cur.csv (current): rows', kind: 'changed', before: '10', after: '11' },
      { path: 'modelParameters.data[cur.csv|current].sha256', label: 'Dataset cur.csv (current): SHA-256', kind: 'changed', before: 'ab', after: 'cd' },
    ]);
  });

  it('tells apart two metrics with the same key (two cells) by occurrence', () => {
    const twice = card((c) => c.quantitative.metrics.push({ type: 'accuracy', value: 0.81, side: 'current', source }));
    const changed = structuredClone(twice);
    changed.quantitative.metrics[2]!.value = 0.82;
    expect(diffCards(twice, changed)).toEqual([
      { path: 'quantitative.metrics[accuracy|current#2]', label: 'accuracy (current) #2', kind: 'changed', before: '0.81', after: '0.82' },
    ]);
  });
});
