import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { estimatedType, fromMct, toMct, toMctJson } from '../../../lib/cards/mct';
import { formatSlice, parseSlice } from '../../../lib/cards/mct-slice';
import { emptyCard, type ModelCard } from '../../../lib/cards/types';
import { AnalysisError } from '../../../lib/errors';
import { HOSTILE_STRINGS, hostileCard, sampleCard } from './card-samples';

// The toolkit's own schema, read where it is kept (never copied into the project).
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../../../shared/schemas/mct_v0.0.2_model_card.schema.json'), 'utf8')) as object;

function validator(checkFormats: boolean) {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: checkFormats });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', { validate: (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s) });
  return ajv.compile(SCHEMA);
}

/**
 * The toolkit's loader, mirrored from reading model_card_toolkit (tensorflow/model-card-toolkit):
 * base_model_card_field.py `BaseModelCardField._from_json` walks the JSON; a key starting with
 * "schema_version" is skipped, any other key must be an attribute of the dataclass (else ValueError
 * "has no such field"); a dict recurses into the field's dataclass; a list of dicts builds the list's
 * element class from the type annotation; anything else is set as is. The dataclasses are those of
 * model_card.py (Owner, Version, License, Reference, Citation, ModelDetails, Graphic,
 * GraphicsCollection, SensitiveData, Dataset, KeyVal, ModelParameters, ConfidenceInterval,
 * PerformanceMetric, QuantitativeAnalysis, User, UseCase, Limitation, Tradeoff, Risk,
 * Considerations, ModelCard). Leaves are `Optional[str]` and `ModelCard.from_json` validates the
 * schema first, which types every leaf "string": we require strings.
 */
type Field = { str: true } | { list: string | 'str' } | { cls: string };
const S: Field = { str: true };
const DATACLASSES: Record<string, Record<string, Field>> = {
  ModelCard: {
    model_details: { cls: 'ModelDetails' },
    model_parameters: { cls: 'ModelParameters' },
    quantitative_analysis: { cls: 'QuantitativeAnalysis' },
    considerations: { cls: 'Considerations' },
  },
  Owner: { name: S, contact: S },
  Version: { name: S, date: S, diff: S },
  License: { identifier: S, custom_text: S },
  Reference: { reference: S },
  Citation: { style: S, citation: S },
  ModelDetails: {
    name: S,
    overview: S,
    documentation: S,
    owners: { list: 'Owner' },
    version: { cls: 'Version' },
    licenses: { list: 'License' },
    references: { list: 'Reference' },
    citations: { list: 'Citation' },
    path: S,
  },
  Graphic: { name: S, image: S },
  GraphicsCollection: { description: S, collection: { list: 'Graphic' } },
  SensitiveData: { sensitive_data: { list: 'str' } },
  Dataset: { name: S, description: S, link: S, sensitive: { cls: 'SensitiveData' }, graphics: { cls: 'GraphicsCollection' } },
  KeyVal: { key: S, value: S },
  ModelParameters: {
    model_architecture: S,
    data: { list: 'Dataset' },
    input_format: S,
    input_format_map: { list: 'KeyVal' },
    output_format: S,
    output_format_map: { list: 'KeyVal' },
  },
  ConfidenceInterval: { lower_bound: S, upper_bound: S },
  PerformanceMetric: { type: S, value: S, slice: S, confidence_interval: { cls: 'ConfidenceInterval' } },
  QuantitativeAnalysis: { performance_metrics: { list: 'PerformanceMetric' }, graphics: { cls: 'GraphicsCollection' } },
  User: { description: S },
  UseCase: { description: S },
  Limitation: { description: S },
  Tradeoff: { description: S },
  Risk: { name: S, mitigation_strategy: S },
  Considerations: {
    users: { list: 'User' },
    use_cases: { list: 'UseCase' },
    limitations: { list: 'Limitation' },
    tradeoffs: { list: 'Tradeoff' },
    ethical_considerations: { list: 'Risk' },
  },
};

function toolkitFromJson(json: unknown, cls = 'ModelCard', path = '$'): void {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error(`${path}: ${cls} needs a dict`);
  const fields = DATACLASSES[cls] ?? {};
  for (const [key, value] of Object.entries(json)) {
    if (key.startsWith('schema_version')) continue;
    const field = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!field) throw new Error(`${path}: ${cls} has no such field named '${key}'`);
    if ('str' in field) {
      if (typeof value !== 'string') throw new Error(`${path}.${key}: not a string`);
    } else if ('cls' in field) toolkitFromJson(value, field.cls, `${path}.${key}`);
    else {
      if (!Array.isArray(value)) throw new Error(`${path}.${key}: not a list`);
      value.forEach((item: unknown, i) => {
        if (field.list === 'str') {
          if (typeof item !== 'string') throw new Error(`${path}.${key}[${i}]: not a string`);
        } else toolkitFromJson(item, field.list, `${path}.${key}[${i}]`);
      });
    }
  }
}

/** Provenance cannot travel in MCT (no field for it); estimated metrics come back in autofill's estimated_<id> typing. */
function mctPart(card: ModelCard): ModelCard {
  const c = structuredClone(card);
  c.quantitative.estimated.forEach((m) => (m.type = estimatedType(m.type)));
  return c;
}

function sourceless(card: ModelCard): unknown {
  return JSON.parse(JSON.stringify(card, (key, value: unknown) => (key === 'source' ? undefined : value)));
}

describe('toMct', () => {
  it('is valid against the toolkit v0.0.2 schema, formats included, and loads with the toolkit rule', () => {
    const json = toMct(sampleCard());
    const validate = validator(true);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(() => toolkitFromJson(json)).not.toThrow();
    expect(json.schema_version).toBe('0.0.2');
  });

  it('keeps a hostile card valid (formats are not checked by the toolkit: jsonschema.validate without a format checker)', () => {
    for (let offset = 0; offset < HOSTILE_STRINGS.length; offset += 5) {
      const json = toMct(hostileCard(offset));
      const validate = validator(false);
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      expect(() => toolkitFromJson(json)).not.toThrow();
    }
  });

  it('writes no threshold, rows or sha256 key anywhere, and every leaf is a string', () => {
    const text = toMctJson(sampleCard());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toMatch(/^\{\n {2}"schema_version"/);
    const keys: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.push(k);
          walk(x);
        }
      else expect(typeof v).toBe('string');
    };
    walk(JSON.parse(text));
    for (const banned of ['threshold', 'rows', 'sha256', 'interval', 'group', 'side', 'source', 'name_'] as const) expect(keys).not.toContain(banned);
  });

  it('writes metrics with full-precision values, side and group in slice, and the interval', () => {
    const json = toMct(sampleCard()) as { quantitative_analysis: { performance_metrics: Record<string, unknown>[] } };
    const pms = json.quantitative_analysis.performance_metrics;
    expect(pms[0]).toEqual({ type: 'accuracy', value: '0.8734', slice: 'reference', confidence_interval: { lower_bound: '0.8668', upper_bound: '0.8799' } });
    expect(pms).toContainEqual({
      type: 'accuracy',
      value: '0.8412000000000001',
      slice: 'current',
      confidence_interval: { lower_bound: '0.827', upper_bound: '0.8548' },
    });
    expect(pms).toContainEqual({ type: 'f1', value: String(2 / 3), slice: 'current', confidence_interval: { lower_bound: '0.6402', upper_bound: '0.6911' } });
    expect(pms).toContainEqual({
      type: 'accuracy',
      value: '0.86',
      slice: 'current: city=Zürich',
      confidence_interval: { lower_bound: '0.83', upper_bound: '0.89' },
    });
    expect(pms).toContainEqual({ type: 'fpr', value: '1e-7', slice: 'current: city=Zürich' });
    expect(pms).toContainEqual({ type: 'estimated_roc_auc', value: '0.8975', slice: 'current' });
    expect(pms).toContainEqual({ type: 'dataset_drift_share', value: '0.125', slice: 'current' });
    expect(pms).toContainEqual({ type: 'dataset_drift', value: 'false', slice: 'current' });
    expect(pms).toContainEqual({ type: 'drift_score', value: '0.0012', slice: 'current: column=income; method=ks; drifted=true' });
    expect(pms).toContainEqual({ type: 'validation_success', value: 'false', slice: 'current: suite=credit_suite' });
    for (const pm of pms) expect(Number(pm.value) === Number(pm.value) || pm.value === 'true' || pm.value === 'false').toBe(true);
  });

  it('puts rows and SHA-256 in the data description, after the person text', () => {
    const json = toMct(sampleCard()) as { model_parameters: { data: { description: string; sensitive?: unknown }[] } };
    expect(json.model_parameters.data[0]?.description).toBe(
      `Applications from 2024 (training window).\n\nDriftbook dataset facts — side: reference; rows: 10000; SHA-256: ${'a'.repeat(64)}`,
    );
    expect(json.model_parameters.data[0]?.sensitive).toEqual({ sensitive_data: ['city', 'age'] });
  });

  it('writes exactly one of identifier / custom_text per license (the schema oneOf)', () => {
    const card = sampleCard();
    card.modelDetails.licenses = [
      { identifier: 'mit', customText: '' },
      { identifier: 'other', customText: 'Acme licence 1.0' },
      { identifier: '', customText: '' },
    ];
    const json = toMct(card) as { model_details: { licenses: unknown[] } };
    expect(json.model_details.licenses).toEqual([{ identifier: 'mit' }, { custom_text: 'Acme licence 1.0' }, { identifier: '' }]);
    expect(validator(true)(json)).toBe(true);
    expect(fromMct(json).card.modelDetails.licenses).toEqual(card.modelDetails.licenses);
  });
});

describe('fromMct', () => {
  it('round-trips a Driftbook card: everything but provenance is equal; numbers come back with an import source', () => {
    const card = sampleCard();
    const { card: back, warnings } = fromMct(toMctJson(card));
    expect(warnings).toEqual([]);
    expect(sourceless(back)).toEqual(sourceless(mctPart(card)));
    expect(back.quantitative.metrics.every((m) => m.source?.kind === 'import')).toBe(true);
    expect(back.quantitative.drift?.source.kind).toBe('import');
    expect(back.quantitative.metrics.find((m) => m.type === 'f1' && m.side === 'current')?.value).toBe(2 / 3);
    expect(back.quantitative.metrics[0]?.interval).toEqual({
      lower: 0.8668,
      upper: 0.8799,
      level: 0.95,
      method: 'percentile-bootstrap',
      resamples: 1000,
      seed: 42,
    });
  });

  it('round-trips every hostile string byte for byte', () => {
    for (let offset = 0; offset < HOSTILE_STRINGS.length; offset++) {
      const card = hostileCard(offset);
      card.quantitative.metrics[8]!.group = { column: HOSTILE_STRINGS[offset] ?? '', value: HOSTILE_STRINGS[(offset + 1) % HOSTILE_STRINGS.length] ?? '' };
      card.modelParameters.data[0]!.description = `${HOSTILE_STRINGS[offset] ?? ''}\n\nDriftbook dataset facts — rows: 5`;
      card.quantitative.notes = `x\n\nDriftbook numbers —\ninterval: level 0.5, percentile-bootstrap, 1 resamples, seed 1`;
      card.modelDetails.documentation = `${HOSTILE_STRINGS[offset] ?? ''}\n\nDriftbook card sections (Hugging Face template, sign-off):\n## Task\n    x`;
      card.huggingFace.tags = [...HOSTILE_STRINGS];
      const h = (k: number): string => HOSTILE_STRINGS[(offset + k) % HOSTILE_STRINGS.length] ?? '';
      card.quantitative.estimated.push({ type: 'estimated_accuracy', value: 0.5, side: 'current', group: { column: h(4), value: h(6) } });
      card.quantitative.validation[0]!.suite = h(8);
      card.quantitative.drift!.columns[0] = { column: h(9), method: h(10), score: 1e-300, drifted: false };
      const back = fromMct(toMctJson(card)).card;
      expect(sourceless(back)).toEqual(sourceless(mctPart(card)));
    }
  });

  it("keeps autofill's estimated_<id> types exactly", () => {
    const card = sampleCard();
    card.quantitative.estimated = [{ type: 'estimated_accuracy', name: 'Estimated accuracy (CBPE)', value: 0.81, side: 'current' }];
    const json = toMct(card) as { quantitative_analysis: { performance_metrics: { type: string }[] } };
    expect(json.quantitative_analysis.performance_metrics.filter((m) => m.type.startsWith('estimated_')).map((m) => m.type)).toEqual(['estimated_accuracy']);
    expect(fromMct(json).card.quantitative.estimated).toEqual([expect.objectContaining({ type: 'estimated_accuracy', value: 0.81, side: 'current' })]);
  });

  it('keeps interval settings per metric when they differ', () => {
    const card = sampleCard();
    card.quantitative.metrics[1]!.interval = { ...card.quantitative.metrics[1]!.interval!, seed: 7, resamples: 200 };
    const back = fromMct(toMct(card)).card;
    expect(back.quantitative.metrics[1]?.interval?.seed).toBe(7);
    expect(back.quantitative.metrics[0]?.interval?.seed).toBe(42);
    expect(sourceless(back)).toEqual(sourceless(mctPart(card)));
  });

  it('refuses an unknown key at any depth with its JSON path', () => {
    const json = toMct(sampleCard()) as { quantitative_analysis: { performance_metrics: Record<string, unknown>[] } };
    json.quantitative_analysis.performance_metrics[0]!.threshold = '0.5';
    expect(() => fromMct(json)).toThrow(AnalysisError);
    expect(() => fromMct(json)).toThrow(/\$\.quantitative_analysis\.performance_metrics\[0\]: "threshold" is not a field/);
    expect(() => toolkitFromJson(json)).toThrow(/no such field named 'threshold'/);
    expect(() => fromMct({ model_details: { name: 'x', rows: '3' } })).toThrow(/\$\.model_details: "rows" is not a field/);
    expect(() => fromMct({ extra: {} })).toThrow(/\$: "extra"/);
    expect(() => fromMct('{"model_details": {"constructor": {}}}')).toThrow(/"constructor" is not a field/);
    expect(() => fromMct('{"__proto__": {"name": "x"}}')).toThrow(/"__proto__" is not a field/);
  });

  it('refuses a non-string leaf, and bad JSON, and another schema version', () => {
    expect(() => fromMct({ quantitative_analysis: { performance_metrics: [{ type: 'accuracy', value: 0.9 }] } })).toThrow(
      /\$\.quantitative_analysis\.performance_metrics\[0\]\.value: a number where the toolkit needs a string/,
    );
    expect(() => fromMct({ model_details: { owners: { name: 'x' } } })).toThrow(/owners: an object where the toolkit needs a list/);
    expect(() => fromMct('{"model_details": ')).toThrow(/not valid JSON/);
    expect(() => fromMct({ schema_version: '0.0.1' })).toThrow(/schema_version: "0.0.1" is not supported/);
    try {
      fromMct({ model_details: { name: null } });
    } catch (error) {
      expect((error as AnalysisError).code).toBe('card-format');
    }
  });

  it('carries the Hugging Face sections and the sign-off at the end of the documentation, readably', () => {
    const json = toMct(sampleCard()) as { model_details: { documentation: string } };
    expect(json.model_details.documentation).toContain(
      'See the [design doc](https://example.org/design) for details.\n\nDriftbook card sections (Hugging Face template, sign-off):\n## Task\n    tabular-classification\n## Developed by\n    Risk ML team',
    );
    expect(json.model_details.documentation).toContain('## How to Get Started with the Model\n    ```python\n    import joblib\n');
    expect(json.model_details.documentation).toContain('## Sign-off reviewer\n    Ada Reviewer');
  });

  it('keeps a documentation whose sections block is not well formed as text, with a warning', () => {
    const text = 'Docs.\n\nDriftbook card sections (Hugging Face template, sign-off):\n## Task\nnot indented';
    const { card, warnings } = fromMct({ model_details: { documentation: text } });
    expect(card.modelDetails.documentation).toBe(text);
    expect(warnings).toEqual(['model_details.documentation: its Driftbook sections block is not well formed — kept as text']);
  });

  it('keeps a foreign file: its metrics become lines of the notes, with warnings', () => {
    const foreign = {
      schema_version: '0.0.2',
      model_details: { name: 'Cats vs dogs', version: { schema_version_note: 'skipped like the toolkit does' } },
      quantitative_analysis: {
        performance_metrics: [
          { type: 'accuracy', value: '0.9', slice: 'cat' },
          { type: 'accuracy', value: '0.91 ± 0.01' },
          { type: 'fpr', value: '0.1', slice: 'current', confidence_interval: { lower_bound: '0.05', upper_bound: '0.15' } },
        ],
        graphics: { description: 'Per-class metrics.' },
      },
    };
    const { card, warnings } = fromMct(foreign);
    expect(card.modelDetails.name).toBe('Cats vs dogs');
    expect(card.quantitative.notes).toBe('Per-class metrics.\n\naccuracy: 0.9 (slice: cat)\naccuracy: 0.91 ± 0.01');
    expect(card.quantitative.metrics).toEqual([
      expect.objectContaining({ type: 'fpr', value: 0.1, side: 'current', interval: expect.objectContaining({ lower: 0.05, upper: 0.15 }) }),
    ]);
    expect(warnings).toHaveLength(3);
    expect(warnings[2]).toMatch(/interval without Driftbook's settings/);
  });

  it('reads an empty object as an empty card', () => {
    expect(fromMct({}).card).toEqual(emptyCard());
    expect(fromMct(toMct(emptyCard())).card).toEqual(emptyCard());
  });
});

describe('slices', () => {
  it('quote what could be misread and read back exactly', () => {
    expect(formatSlice('current', [['city', 'Zürich']])).toBe('current: city=Zürich');
    expect(formatSlice('current', [['a=b', 'x; y']])).toBe('current: "a=b"="x; y"');
    for (const k of HOSTILE_STRINGS)
      for (const v of ['', 'v=w', ...HOSTILE_STRINGS.slice(0, 6)])
        expect(parseSlice(formatSlice('reference', [[k, v]]))).toEqual({ side: 'reference', pairs: [[k, v]] });
    expect(parseSlice('cat')).toBeNull();
    expect(parseSlice('current: x')).toBeNull();
    expect(parseSlice('current:')).toBeNull();
  });
});
