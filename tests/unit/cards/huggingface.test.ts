import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toModelIndex } from '../../../lib/cards/hf-model-index';
import { yaml11Number } from '../../../lib/cards/hf-yaml';
import { fromHfReadme, licenseId, splitReadme, toHfReadme } from '../../../lib/cards/huggingface';
import { emptyCard, type ModelCard } from '../../../lib/cards/types';
import { AnalysisError } from '../../../lib/errors';
import { HOSTILE_STRINGS, hostileCard, sampleCard } from './card-samples';
import { hfComparable, hubLoadMetadata, hubRoundTrip } from './hf-hub';

const FIXTURES = join(__dirname, '../../fixtures/cards');

type J = Record<string, unknown>;

describe('toHfReadme front matter', () => {
  const readme = toHfReadme(sampleCard());
  const meta = hubLoadMetadata(readme);

  it('starts the file, without a BOM, and is a YAML mapping the Hub finds', () => {
    expect(readme.startsWith('---\n')).toBe(true);
    expect(readme.charCodeAt(0)).not.toBe(0xfeff);
    expect(typeof meta).toBe('object');
    expect(meta.license).toBe('apache-2.0');
    expect(meta.pipeline_tag).toBe('tabular-classification');
    expect(meta.metrics).toEqual(['accuracy', 'f1', 'roc_auc', 'precision', 'recall']);
  });

  it('has a model-index list whose element has name and results; every result task.type, dataset.type/name, numeric metrics', () => {
    const index = meta['model-index'] as J[];
    expect(index).toHaveLength(1);
    expect(index[0]?.name).toBe('Credit default classifier');
    const results = index[0]?.results as J[];
    expect(results.length).toBeGreaterThan(4);
    for (const r of results) {
      expect(typeof (r.task as J).type).toBe('string');
      expect(typeof (r.dataset as J).type).toBe('string');
      expect(typeof (r.dataset as J).name).toBe('string');
      expect(['reference', 'current']).toContain((r.dataset as J).split);
      for (const m of r.metrics as J[]) {
        expect(typeof m.type).toBe('string');
        expect(typeof m.value).toBe('number');
      }
    }
  });

  it('writes values at full precision, readable by YAML 1.1 (a float has a dot and a signed exponent)', () => {
    const results = (meta['model-index'] as J[])[0]?.results as J[];
    const all = results.flatMap((r) => r.metrics as J[]);
    expect(all.map((m) => m.value)).toContain(2 / 3);
    expect(all.map((m) => m.value)).toContain(0.8412000000000001);
    expect(all.map((m) => m.value)).toContain(1e-7);
    expect(readme).toContain('value: 1.0e-7');
    expect(yaml11Number(1e21)).toBe('1.0e+21');
    expect(yaml11Number(-2.5e-12)).toBe('-2.5e-12');
    expect(yaml11Number(3)).toBe('3');
  });

  it('puts side in split and group in config: each (task, dataset, config, split, revision) once', () => {
    const results = (meta['model-index'] as J[])[0]?.results as J[];
    const keys = results.map((r) => {
      const d = r.dataset as J;
      return JSON.stringify([(r.task as J).type, d.type, d.config, d.split, d.revision]);
    });
    expect(new Set(keys).size).toBe(keys.length);
    const configs = results.map((r) => (r.dataset as J).config);
    expect(configs).toEqual([undefined, undefined, 'city=Zürich', 'city=São Paulo', 'estimated', 'drift', 'validation; suite=credit_suite']);
  });

  it('survives huggingface_hub loading and saving it (eval_results_to_model_index ∘ model_index_to_eval_results) unchanged', () => {
    const index = meta['model-index'] as J[];
    expect(hubRoundTrip(index)).toEqual(index);
    // Groups whose names differ only in something the Hub does not key on would merge: not ours.
    const card = sampleCard();
    card.quantitative.metrics.push({ type: 'accuracy', value: 0.5, side: 'current', group: { column: 'city=São', value: 'Paulo' } });
    card.quantitative.metrics.push({ type: 'accuracy', value: 0.6, side: 'current', group: { column: 'city', value: 'São=Paulo' } });
    const tricky = toModelIndex(card);
    expect(hubRoundTrip(tricky)).toEqual(tricky);
  });

  it('the grouping trap is real: side only in dataset.name merges results', () => {
    const naive = [
      {
        name: 'm',
        results: [
          { task: { type: 'tabular-classification' }, dataset: { type: 'credit', name: 'credit (reference)' }, metrics: [{ type: 'accuracy', value: 0.9 }] },
          { task: { type: 'tabular-classification' }, dataset: { type: 'credit', name: 'credit (current)' }, metrics: [{ type: 'accuracy', value: 0.8 }] },
        ],
      },
    ];
    const after = hubRoundTrip(naive);
    expect((after[0]?.results as J[]).length).toBe(1);
    expect(((after[0]?.results as J[])[0]?.dataset as J).name).toBe('credit (reference)');
  });

  it("writes an estimated metric with the Hub's id in the estimated result and reads it back as estimated_<id>", () => {
    const card = sampleCard();
    card.quantitative.estimated = [{ type: 'estimated_accuracy', name: 'Estimated accuracy (CBPE)', value: 0.81, side: 'current' }];
    const results = (hubLoadMetadata(toHfReadme(card))['model-index'] as J[])[0]?.results as J[];
    const estimated = results.find((r) => (r.dataset as J).config === 'estimated');
    expect(estimated?.metrics).toEqual([{ type: 'accuracy', value: 0.81, name: 'Estimated accuracy (CBPE)' }]);
    expect(fromHfReadme(toHfReadme(card)).card.quantitative.estimated).toEqual([
      expect.objectContaining({ type: 'estimated_accuracy', value: 0.81, name: 'Estimated accuracy (CBPE)' }),
    ]);
  });

  it('writes regression metrics with the Hub ids (r_squared; RMSE as mse with squared: false) and reads them back', () => {
    const card = sampleCard();
    card.huggingFace.taskType = '';
    card.quantitative.metrics = [
      { type: 'r2', name: 'R²', value: 0.71, side: 'current' },
      {
        type: 'rmse',
        name: 'RMSE',
        value: 12.5,
        side: 'current',
        interval: { lower: 11, upper: 14, level: 0.95, method: 'percentile-bootstrap', resamples: 500, seed: 1 },
      },
      { type: 'mae', name: 'MAE', value: 9.25, side: 'current' },
    ];
    const meta = hubLoadMetadata(toHfReadme(card));
    expect(meta.pipeline_tag).toBe('tabular-regression');
    expect(meta.metrics).toEqual(['r_squared', 'mse', 'mae']);
    const metrics = ((meta['model-index'] as J[])[0]?.results as J[])[0]?.metrics as J[];
    expect(metrics.map((m) => [m.type, (m.args as J | undefined)?.squared])).toEqual([
      ['r_squared', undefined],
      ['mse', false],
      ['mae', undefined],
    ]);
    const back = fromHfReadme(toHfReadme(card)).card;
    expect(back.quantitative.metrics.map((m) => m.type)).toEqual(['r2', 'rmse', 'mae']);
    expect(back.quantitative.metrics[1]?.interval?.seed).toBe(1);
  });

  it('writes license other with license_name and license_link; ids lowercase', () => {
    const card = sampleCard();
    card.modelDetails.licenses = [{ identifier: 'other', customText: 'Acme: model licence #2' }];
    const m = hubLoadMetadata(toHfReadme(card));
    expect(m.license).toBe('other');
    expect(m.license_name).toBe('acme-model-licence-2');
    expect(licenseId('Ünïcode Licence 1.0 — Beta')).toBe('unicode-licence-1.0-beta');
    expect(fromHfReadme(toHfReadme(card)).card.modelDetails.licenses).toEqual(card.modelDetails.licenses);
    expect(m.license_link).toBe('LICENSE');
    card.modelDetails.licenses = [{ identifier: 'MIT', customText: '' }];
    expect(hubLoadMetadata(toHfReadme(card)).license).toBe('mit');
  });

  it('writes language codes to the front matter, other text only to the body', () => {
    const card = sampleCard();
    card.huggingFace.language = 'en, fr';
    expect(hubLoadMetadata(toHfReadme(card)).language).toEqual(['en', 'fr']);
    expect(fromHfReadme(toHfReadme(card)).card.huggingFace.language).toBe('en, fr');
    card.huggingFace.language = 'English';
    expect(hubLoadMetadata(toHfReadme(card)).language).toBeUndefined();
    expect(fromHfReadme(toHfReadme(card)).card.huggingFace.language).toBe('English');
  });

  it('quotes strings YAML 1.1 would read as something else', () => {
    const card = sampleCard();
    card.modelDetails.name = 'yes';
    card.huggingFace.language = 'no';
    card.huggingFace.tags = ['on', '2026-11-30', '0.10', 'null', '~'];
    const m = hubLoadMetadata(toHfReadme(card));
    expect((m['model-index'] as J[])[0]?.name).toBe('yes');
    expect(m.language).toBe('no');
    expect(m.tags).toEqual(['on', '2026-11-30', '0.10', 'null', '~']);
  });
});

describe('toHfReadme body', () => {
  const readme = toHfReadme(sampleCard());

  it('follows the template: title and ## sections in order', () => {
    const body = splitReadme(readme).body;
    expect(body).toMatch(/^\n# Model Card for Credit default classifier\n/);
    const h2 = [...body.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
    expect(h2).toEqual([
      'Model Details',
      'Uses',
      'Bias, Risks, and Limitations',
      'How to Get Started with the Model',
      'Training Details',
      'Evaluation',
      'Environmental Impact',
      'Technical Specifications [optional]',
      'Citation [optional]',
      'Model Card Contact',
      'Sign-off',
    ]);
  });

  it('writes [More Information Needed] for unfilled fields', () => {
    const empty = toHfReadme(emptyCard());
    expect(empty).toContain('# Model Card for [More Information Needed]');
    expect(empty).toContain('- **Developed by:** [More Information Needed]');
    expect(empty).toMatch(/### Training Data\n\n\[More Information Needed\]/);
    expect(empty).not.toContain('model-index');
    expect(fromHfReadme(empty).card).toEqual({ ...emptyCard(), huggingFace: { ...emptyCard().huggingFace, taskType: 'tabular-classification' } });
  });
});

describe('fromHfReadme', () => {
  it('round-trips a Driftbook card: all human text and metrics', () => {
    const card = sampleCard();
    const { card: back, warnings } = fromHfReadme(toHfReadme(card));
    expect(warnings).toEqual([]);
    expect(hfComparable(back)).toEqual(hfComparable(card));
    expect(back.quantitative.metrics.every((m) => m.source?.kind === 'import')).toBe(true);
  });

  it('reads a card with an unnamed estimated metric without a false warning', () => {
    const card = sampleCard();
    card.quantitative.estimated = [{ type: 'roc_auc', value: 0.8, side: 'current' }];
    expect(fromHfReadme(toHfReadme(card)).warnings).toEqual([]);
  });

  it('warns about text added to its own export outside the fields (edited on the Hub)', () => {
    const readme = toHfReadme(sampleCard()).replace('### Out-of-Scope Use\n\n[More Information Needed]', '### Out-of-Scope Use\n\nNot for mortgages.');
    const { card, warnings } = fromHfReadme(readme);
    expect(warnings).toEqual([
      'README.md: 1 line(s) outside Driftbook\'s fields were not imported (first: "Not for mortgages.") — put the text in a field of the card',
    ]);
    expect(hfComparable(card)).toEqual(hfComparable(sampleCard()));
  });

  it('reads its own export back after CRLF line endings (git on Windows)', () => {
    const card = sampleCard();
    const crlf = toHfReadme(card).replace(/\n/g, '\r\n');
    expect(hfComparable(fromHfReadme(crlf).card)).toEqual(hfComparable(card));
  });

  it('refuses a BOM, a front matter that is not a mapping, and bad YAML (with its line)', () => {
    const readme = toHfReadme(sampleCard());
    expect(() => fromHfReadme(`\uFEFF${readme}`)).toThrow(/byte order mark/);
    expect(() => fromHfReadme('---\n- a\n- b\n---\n# x\n')).toThrow(/a list where the Hub needs a mapping/);
    expect(() => fromHfReadme('---\njust text\n---\n# x\n')).toThrow(/a string where the Hub needs a mapping/);
    expect(() => fromHfReadme('---\nlicense: mit\ntags: [a, b\nlanguage: en\n---\n# x\n')).toThrow(/YAML error at line [2-5]/);
    try {
      fromHfReadme('---\n: :\n  - x: [\n---\n');
    } catch (error) {
      expect(error).toBeInstanceOf(AnalysisError);
      expect((error as AnalysisError).code).toBe('card-format');
    }
  });

  it('warns about a model-index huggingface_hub would refuse and keeps what it can read', () => {
    const readme = toHfReadme(sampleCard()).replace(/^model-index:\n {2}- name: .*$/m, 'model-index:\n  - title: "no name"');
    const { card, warnings } = fromHfReadme(readme);
    expect(warnings[0]).toMatch(/model-index\[0\]: needs "name" and "results"/);
    expect(card.quantitative.metrics.length).toBe(sampleCard().quantitative.metrics.length);
    expect(fromHfReadme('---\nmodel-index: 3\n---\n').warnings).toEqual(['model-index: not a list — its results were not read']);
    const noTask = '---\nmodel-index:\n  - name: m\n    results:\n      - dataset: {type: d, name: d}\n        metrics: []\n---\n';
    expect(fromHfReadme(noTask).warnings).toEqual(['model-index[0].results[0]: needs task.type, dataset.type, dataset.name and metrics — not read']);
  });

  it('keeps NaN and infinities as YAML 1.1 writes them', () => {
    const card = sampleCard();
    card.quantitative.metrics = [
      { type: 'f1', value: Number.NaN, side: 'current' },
      { type: 'mae', value: Number.POSITIVE_INFINITY, side: 'reference' },
    ];
    const back = fromHfReadme(toHfReadme(card)).card.quantitative.metrics;
    expect(back.map((m) => m.value)).toEqual([Number.NaN, Number.POSITIVE_INFINITY]);
  });

  it('reads a README without front matter as a body only', () => {
    const { card } = fromHfReadme('# Model Card for Tiny\n\nA tiny model.\n\n## Model Card Contact\n\nme@example.org\n');
    expect(card.modelDetails.name).toBe('Tiny');
    expect(card.modelDetails.overview).toBe('A tiny model.');
    expect(card.huggingFace.contact).toBe('me@example.org');
  });

  it('reads a README written from the Hub template by hand, with warnings for what it drops', () => {
    const { card, warnings } = fromHfReadme(readFileSync(join(FIXTURES, 'hub-template-README.md'), 'utf8'));
    const d = card.modelDetails;
    expect(d.name).toBe('distilbert-credit-notes');
    expect(d.overview).toBe('Classifies loan officer notes as **high** or low risk.');
    expect(d.documentation).toBe('A DistilBERT model fine-tuned on 40k anonymised loan officer notes.');
    expect(d.licenses).toEqual([{ identifier: 'apache-2.0', customText: '' }]);
    expect(d.references).toEqual(['https://github.com/example/credit-notes']);
    expect(d.citations).toEqual([{ style: 'BibTeX', citation: '```bibtex\n@misc{notes2025,\n  title={Credit notes},\n  year={2025}\n}\n```' }]);
    const h = card.huggingFace;
    expect(h.developedBy).toBe('Example Bank ML');
    expect(h.modelType).toBe('Transformer encoder');
    expect(h.language).toBe('en');
    expect(h.tags).toEqual(['text-classification', 'finance']);
    expect(h.taskType).toBe('text-classification');
    expect(h.gettingStarted).toBe(
      '```python\nfrom transformers import pipeline\nclf = pipeline("text-classification", model="example/distilbert-credit-notes")\n```',
    );
    expect(h.trainingData).toBe('Loan officer notes 2019–2023.');
    expect(h.trainingProcedure).toBe('#### Training Hyperparameters\n\n- **Training regime:** fp16 mixed precision');
    expect(h.testingData).toBe('A held-out 10% of 2023 notes.');
    expect(h.evaluationMetrics).toBe('Accuracy and F1 (macro).');
    expect(h.environmentalImpact).toEqual({ hardwareType: 'A100', hoursUsed: '3', cloudProvider: '', computeRegion: '', carbonEmitted: '' });
    expect(h.contact).toBe('ml@example.org');
    expect(card.considerations.useCases).toEqual(['Triage of notes for a second review.']);
    expect(card.considerations.limitations).toEqual([
      'Do not use for automatic credit decisions.',
      'Notes written in English only; other languages degrade sharply.',
    ]);
    expect(card.considerations.ethicalConsiderations).toEqual([]);
    // Foreign model-index results (split "test") are not Driftbook's sides: kept as lines of the notes.
    expect(card.quantitative.metrics).toEqual([]);
    expect(card.quantitative.notes).toBe('Accuracy: 0.912 (Credit notes 2023, split test)\nF1 (macro): 0.8876 (Credit notes 2023, split test)');
    expect(warnings).toContain('README.md: "Out-of-Scope Use" was read as a limitation');
    expect(warnings).toContain('README.md: "Model Examination [optional]" has no place in a Driftbook card — not imported');
    expect(warnings).toContain('README.md: "Model Description: funded by" has no place in a Driftbook card — not imported');
    expect(warnings.filter((w) => w.includes("not one of Driftbook's results"))).toHaveLength(2);
  });
});

describe('PyYAML reads our front matter as we do (tests/fixtures/generate_cards.py)', () => {
  function fixtureCard(): ModelCard {
    const card = hostileCard(0);
    card.huggingFace.tags = [...HOSTILE_STRINGS, 'yes', 'No', 'on', '2026-11-30', '0.10', '1e-7', '~', 'null', '.inf'];
    card.huggingFace.language = 'yes';
    card.quantitative.metrics.push(
      { type: 'fpr', value: 1e21, side: 'current' },
      { type: 'fpr', value: -2.5e-12, side: 'reference' },
      { type: 'fpr', value: 0.1 + 0.2, side: 'reference' },
    );
    return card;
  }
  const path = join(FIXTURES, 'hostile-README.md');
  const readme = toHfReadme(fixtureCard());
  if (process.env.UPDATE_CARD_FIXTURES) writeFileSync(path, readme);

  it('the committed export is the current one (regenerate as generate_cards.py says)', () => {
    expect(readFileSync(path, 'utf8')).toBe(readme);
  });

  it('PyYAML 6 (YAML 1.1) finds the same mapping: strings stay strings, floats keep every digit', () => {
    const py = JSON.parse(readFileSync(join(FIXTURES, 'hostile-README.pyyaml.json'), 'utf8')) as { metadata: J; body_start: string };
    const ours = hubLoadMetadata(readme);
    expect(py.metadata).toEqual(JSON.parse(JSON.stringify(ours)));
    expect(py.metadata.tags).toEqual(fixtureCard().huggingFace.tags);
    expect(py.metadata.language).toBe('yes');
    const values = ((py.metadata['model-index'] as J[])[0]?.results as J[]).flatMap((r) => (r.metrics as J[]).map((m) => m.value));
    expect(values).toContain(1e21);
    expect(values).toContain(-2.5e-12);
    expect(values).toContain(0.30000000000000004);
    expect(values).toContain(1e-7);
    expect(py.body_start.startsWith('\n# Model Card for Model ')).toBe(true);
  });
});
