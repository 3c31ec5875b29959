/**
 * Shared model-card samples for the card tests (formats, HTML, diff, store, e2e): a realistic card
 * with human text and autofilled numbers (per side, per group, with intervals and sources), and a
 * list of hostile strings every exporter must keep inert and readable.
 */
import { emptyCard, type CardInterval, type CardMetric, type CardSide, type CardSource, type ModelCard } from '../../../lib/cards/types';

/** Strings that break naive HTML / Markdown / YAML / JSON writers. Each must survive every format verbatim and inert. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  `it's "quoted" 'both' ways`,
  '&amp; is not & and &lt; is not <',
  'Markdown *bold* _em_ [link](javascript:alert(1)) # heading > quote | pipe `code`',
  '{{ template }} and {% tag %}',
  'key: value and a # comment',
  '- a leading list dash',
  '---',
  'line before\n---\nline after',
  'العربية עברית \u202Eevil\u202C mixed RTL',
  '中文 日本語 한국어',
  'emoji 😀👩‍🔬🏳️‍🌈',
  'two\nlines\n\nand a paragraph',
  'tab\tseparated\tvalues',
  'trailing backslash \\',
  '  leading and trailing spaces  ',
  '1. looks like an ordered list',
  '<!-- an html comment -->',
  '[More Information Needed]',
  '## Uses',
  'null',
  'yes',
  '0.10',
];

export const SAMPLE_TIME = '2026-12-06T03:50:00.000Z';

const REF = { side: 'reference' as const, name: 'credit_reference.csv', sha256: 'a'.repeat(64) };
const CUR = { side: 'current' as const, name: 'credit_current.csv', sha256: 'b'.repeat(64) };

export function sampleSource(kind = 'classification', cellId = 'cell-quality', cellTitle = 'Model quality'): CardSource {
  return { cellId, cellTitle, kind, datasets: [REF, CUR], computedAt: SAMPLE_TIME };
}

function interval(lower: number, upper: number, seed = 42): CardInterval {
  return { lower, upper, level: 0.95, method: 'percentile-bootstrap', resamples: 1000, seed };
}

function metric(
  type: string,
  name: string,
  side: CardSide,
  value: number,
  ci?: [number, number],
  group?: { column: string; value: string },
  source = sampleSource(),
): CardMetric {
  const out: CardMetric = { type, name, value, side, source };
  if (group) out.group = group;
  if (ci) out.interval = interval(ci[0], ci[1]);
  return out;
}

/** A complete card: every human section filled (with some Markdown), datasets, metrics per side and per group, drift, estimated, validation. */
export function sampleCard(): ModelCard {
  const card = emptyCard();
  const fairness = sampleSource('fairness', 'cell-fairness', 'Fairness by city');
  card.modelDetails = {
    name: 'Credit default classifier',
    overview: 'Predicts whether a loan applicant **defaults** within 12 months.\n\nTrained on 2024 applications.',
    documentation: 'See the [design doc](https://example.org/design) for details.',
    owners: [
      { name: 'Risk ML team', contact: 'risk-ml@example.org' },
      { name: 'Zoë Müller', contact: 'zoe@example.org' },
    ],
    version: { name: 'v1.2.0', date: '2026-11-30', diff: 'Retrained on Q3 data; added income band feature.' },
    licenses: [{ identifier: 'apache-2.0', customText: '' }],
    references: ['https://example.org/paper', 'https://example.org/repo'],
    citations: [{ style: 'BibTeX', citation: '@misc{credit2026,\n  title={Credit default classifier},\n  year={2026}\n}' }],
    path: 'models/credit/v1.2.0',
  };
  card.modelParameters = {
    architecture: 'Gradient-boosted trees (300 trees, depth 6).',
    data: [
      {
        name: REF.name,
        link: '',
        description: 'Applications from 2024 (training window).',
        side: 'reference',
        rows: 10000,
        sha256: REF.sha256,
        sensitive: ['city', 'age'],
        source: sampleSource('dataset', 'cell-data', 'Datasets'),
      },
      {
        name: CUR.name,
        link: 'https://example.org/data/current',
        description: 'Applications from November 2026.',
        side: 'current',
        rows: 2500,
        sha256: CUR.sha256,
        sensitive: ['city'],
        source: sampleSource('dataset', 'cell-data', 'Datasets'),
      },
    ],
    inputFormat: 'One row per applicant, 24 columns.',
    inputFormatMap: [
      { key: 'income', value: 'float, yearly EUR' },
      { key: 'city', value: 'string' },
    ],
    outputFormat: 'Probability of default in [0, 1].',
    outputFormatMap: [{ key: 'score', value: 'float' }],
  };
  card.quantitative = {
    metrics: [
      metric('accuracy', 'Accuracy', 'reference', 0.8734, [0.8668, 0.8799]),
      metric('accuracy', 'Accuracy', 'current', 0.8412000000000001, [0.827, 0.8548]),
      metric('f1', 'F1', 'reference', 0.7123456789012345, [0.70011, 0.72452]),
      metric('f1', 'F1', 'current', 2 / 3, [0.6402, 0.6911]),
      metric('roc_auc', 'ROC AUC', 'reference', 0.9301, [0.9244, 0.9357]),
      metric('roc_auc', 'ROC AUC', 'current', 0.9012, [0.8897, 0.9121]),
      metric('precision', 'Precision', 'current', 0.7, [0.67, 0.73]),
      metric('recall', 'Recall', 'current', 1 / 3),
      metric('accuracy', 'Accuracy', 'current', 0.86, [0.83, 0.89], { column: 'city', value: 'Zürich' }, fairness),
      metric('accuracy', 'Accuracy', 'current', 0.81, [0.77, 0.85], { column: 'city', value: 'São Paulo' }, fairness),
      metric('selection_rate', 'Selection rate', 'current', 0.25, [0.21, 0.29], { column: 'city', value: 'Zürich' }, fairness),
      metric('selection_rate', 'Selection rate', 'current', 0.3125, [0.27, 0.35], { column: 'city', value: 'São Paulo' }, fairness),
      metric('tpr', 'True positive rate', 'current', 0.7, undefined, { column: 'city', value: 'Zürich' }, fairness),
      metric('fpr', 'False positive rate', 'current', 1e-7, undefined, { column: 'city', value: 'Zürich' }, fairness),
      metric('demographic_parity_difference', 'Demographic parity difference', 'current', 0.0625, undefined, undefined, fairness),
      { type: 'accuracy', name: 'Accuracy (typed by a person)', value: 0.9, side: 'reference' },
    ],
    drift: {
      driftedColumns: 3,
      testedColumns: 24,
      share: 0.125,
      datasetDrift: false,
      threshold: 0.5,
      columns: [
        { column: 'income', method: 'ks', score: 0.0012, drifted: true },
        { column: 'city', method: 'chisquare', score: 0.03, drifted: true },
        { column: 'age', method: 'wasserstein', score: 0.12, drifted: true },
      ],
      source: sampleSource('drift', 'cell-drift', 'Data drift'),
    },
    estimated: [
      metric('roc_auc', 'Estimated ROC AUC', 'current', 0.8975, undefined, undefined, sampleSource('estimated', 'cell-cbpe', 'Estimated performance')),
    ],
    validation: [{ suite: 'credit_suite', evaluated: 12, successful: 11, success: false, source: sampleSource('validation', 'cell-validation', 'Validation') }],
    notes: 'Numbers from the monitoring notebook; intervals are 95% percentile bootstrap.',
  };
  card.considerations = {
    users: ['Credit analysts', 'Risk officers'],
    useCases: ['Pre-screening applications for manual review'],
    limitations: ['Not validated for business loans.', 'Performance drops for applicants under 21.'],
    tradeoffs: ['Higher recall costs more manual reviews.'],
    ethicalConsiderations: [{ name: 'Disparate impact by city', mitigationStrategy: 'Monthly fairness review; threshold per region is **not** allowed.' }],
  };
  card.huggingFace = {
    taskType: 'tabular-classification',
    developedBy: 'Risk ML team',
    modelType: 'Gradient-boosted trees',
    language: 'en',
    tags: ['tabular', 'credit'],
    gettingStarted: '```python\nimport joblib\nmodel = joblib.load("model.joblib")\n```',
    trainingData: 'Loan applications 2024, 10 000 rows.',
    trainingProcedure: '5-fold cross-validation; early stopping.',
    testingData: 'November 2026 applications.',
    factors: 'City and age band.',
    evaluationMetrics: 'Accuracy, F1, ROC AUC; selection rate and TPR/FPR per city.',
    results: 'Quality dropped slightly from reference to current.',
    environmentalImpact: { hardwareType: 'CPU', hoursUsed: '0.5', cloudProvider: '', computeRegion: 'eu-west-1', carbonEmitted: '0.01 kg' },
    contact: 'risk-ml@example.org',
  };
  card.signOff = { reviewer: 'Ada Reviewer', date: '2026-12-01', notes: 'Approved for pilot.' };
  return card;
}

/** A card whose every free-text field (and list entry, key and name) is a hostile string, cycling through HOSTILE_STRINGS. */
export function hostileCard(offset = 0): ModelCard {
  let i = offset;
  const next = (): string => HOSTILE_STRINGS[i++ % HOSTILE_STRINGS.length] ?? '';
  const card = sampleCard();
  const d = card.modelDetails;
  d.name = `Model ${next()}`;
  d.overview = next();
  d.documentation = next();
  d.owners = [{ name: next(), contact: next() }];
  d.version = { name: next(), date: next(), diff: next() };
  d.licenses = [{ identifier: 'other', customText: next() }];
  d.references = [next(), next()];
  d.citations = [{ style: next(), citation: next() }];
  d.path = next();
  const p = card.modelParameters;
  p.architecture = next();
  for (const ds of p.data) ds.description = next();
  p.inputFormat = next();
  p.inputFormatMap = [{ key: next(), value: next() }];
  p.outputFormat = next();
  p.outputFormatMap = [{ key: next(), value: next() }];
  card.quantitative.notes = next();
  const c = card.considerations;
  c.users = [next(), next()];
  c.useCases = [next()];
  c.limitations = [...HOSTILE_STRINGS];
  c.tradeoffs = [next()];
  c.ethicalConsiderations = [{ name: next(), mitigationStrategy: next() }];
  const h = card.huggingFace;
  h.developedBy = next();
  h.modelType = next();
  h.gettingStarted = next();
  h.trainingData = next();
  h.trainingProcedure = next();
  h.testingData = next();
  h.factors = next();
  h.evaluationMetrics = next();
  h.results = next();
  h.environmentalImpact = { hardwareType: next(), hoursUsed: next(), cloudProvider: next(), computeRegion: next(), carbonEmitted: next() };
  h.contact = next();
  card.signOff = { reviewer: next(), date: '', notes: next() };
  return card;
}
