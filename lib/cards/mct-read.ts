/**
 * Reading an MCT v0.0.2 JSON, as strictly as the toolkit's loader (mct-fields.ts), and turning what
 * Driftbook wrote (performance_metrics slices, dataset facts, interval settings — see mct.ts) back
 * into the card's numbers. Anything else stays the person's text.
 */
import { AnalysisError } from '../errors';
import { mctFieldError } from './mct-fields';
import { parseSlice } from './mct-slice';
import { importSource, MCT_SCHEMA_VERSION, readCardSections, readDatasetFacts, readNumberFacts } from './mct-text';
import { emptyCard, type CardDataset, type CardDrift, type CardMetric, type CardValidation, type ModelCard } from './types';

type Json = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const NUMBER = /^(?:-?(?:\d+(?:\.\d+)?(?:e[-+]\d+)?|Infinity)|NaN)$/;
const num = (v: string): number | null => (NUMBER.test(v) ? Number(v) : null);

interface DriftParts {
  share?: number;
  drifted?: number;
  tested?: number;
  datasetDrift?: boolean;
  threshold?: number;
  columns: CardDrift['columns'];
}

/**
 * Read an MCT v0.0.2 JSON (text or parsed). Strict like the toolkit's loader: an unknown key at any
 * depth or a non-string leaf is an error naming its JSON path. Metrics, datasets, drift and validation
 * that Driftbook wrote come back as such; any other performance metric is kept as a line of the notes.
 */
export function fromMct(input: string | unknown): { card: ModelCard; warnings: string[] } {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new AnalysisError(
        'card-format',
        `MCT JSON: not valid JSON (${error instanceof Error ? error.message : String(error)}) — export the card again or fix the file`,
      );
    }
  }
  const problem = mctFieldError(json);
  if (problem) throw new AnalysisError('card-format', `MCT JSON: ${problem}`);
  const root = obj(json);
  const version = root.schema_version;
  if (version !== undefined && version !== MCT_SCHEMA_VERSION) {
    throw new AnalysisError(
      'card-format',
      `$.schema_version: "${String(version)}" is not supported — Driftbook reads Model Card Toolkit schema ${MCT_SCHEMA_VERSION}`,
    );
  }
  const warnings: string[] = [];
  const card = emptyCard();
  const md = obj(root.model_details);
  const ver = obj(md.version);
  card.modelDetails = {
    name: str(md.name),
    overview: str(md.overview),
    documentation: str(md.documentation),
    owners: arr(md.owners).map((o) => ({ name: str(o.name), contact: str(o.contact) })),
    version: { name: str(ver.name), date: str(ver.date), diff: str(ver.diff) },
    licenses: arr(md.licenses).map((l) =>
      l.custom_text !== undefined && l.identifier === undefined
        ? { identifier: 'other', customText: str(l.custom_text) }
        : { identifier: str(l.identifier), customText: str(l.custom_text) },
    ),
    references: arr(md.references).map((r) => str(r.reference)),
    citations: arr(md.citations).map((c) => ({ style: str(c.style), citation: str(c.citation) })),
    path: str(md.path),
  };
  if (!readCardSections(card.modelDetails.documentation, card))
    warnings.push('model_details.documentation: its Driftbook sections block is not well formed — kept as text');
  const mp = obj(root.model_parameters);
  const source = importSource('MCT JSON');
  card.modelParameters = {
    architecture: str(mp.model_architecture),
    data: arr(mp.data).map((ds, i) => {
      const facts = readDatasetFacts(str(ds.description));
      const out: CardDataset = {
        name: str(ds.name),
        link: str(ds.link),
        description: facts.description,
        sensitive: (obj(ds.sensitive).sensitive_data as string[] | undefined) ?? [],
      };
      if (facts.side) out.side = facts.side;
      if (facts.rows !== undefined) out.rows = facts.rows;
      if (facts.sha256) out.sha256 = facts.sha256;
      if (facts.ours) out.source = source;
      if (arr(obj(ds.graphics).collection).length) warnings.push(`model_parameters.data[${i}].graphics: images are not kept`);
      return out;
    }),
    inputFormat: str(mp.input_format),
    inputFormatMap: arr(mp.input_format_map).map((kv) => ({ key: str(kv.key), value: str(kv.value) })),
    outputFormat: str(mp.output_format),
    outputFormatMap: arr(mp.output_format_map).map((kv) => ({ key: str(kv.key), value: str(kv.value) })),
  };
  const qa = obj(root.quantitative_analysis);
  const graphics = obj(qa.graphics);
  if (arr(graphics.collection).length) warnings.push('quantitative_analysis.graphics: images are not kept');
  const { notes, settings, all, labels } = readNumberFacts(str(graphics.description));
  const extraNotes: string[] = [];
  const drift: DriftParts = { columns: [] };
  const validation = new Map<string, Partial<CardValidation>>();
  arr(qa.performance_metrics).forEach((pm, i) => {
    const type = str(pm.type);
    const value = str(pm.value);
    const sliceText = str(pm.slice);
    const slice = parseSlice(sliceText);
    const n = num(value);
    const ci = pm.confidence_interval === undefined ? undefined : obj(pm.confidence_interval);
    const keep = (): void => {
      extraNotes.push(`${type}: ${value}${sliceText ? ` (slice: ${sliceText})` : ''}${ci ? ` [${str(ci.lower_bound)}, ${str(ci.upper_bound)}]` : ''}`);
      warnings.push(
        `quantitative_analysis.performance_metrics[${i}]: not in Driftbook's form (type "${type}", slice "${sliceText}") — kept as a line of the notes`,
      );
    };
    if (!slice) return keep();
    const pairs = new Map(slice.pairs);
    if (
      slice.side === 'current' &&
      slice.pairs.length === 0 &&
      ['dataset_drift_share', 'drifted_columns', 'tested_columns', 'dataset_drift_threshold', 'dataset_drift'].includes(type)
    ) {
      if (type === 'dataset_drift') {
        if (value !== 'true' && value !== 'false') return keep();
        drift.datasetDrift = value === 'true';
        return;
      }
      if (n === null) return keep();
      if (type === 'dataset_drift_share') drift.share = n;
      else if (type === 'drifted_columns') drift.drifted = n;
      else if (type === 'tested_columns') drift.tested = n;
      else drift.threshold = n;
      return;
    }
    if (
      type === 'drift_score' &&
      slice.pairs.length === 3 &&
      pairs.has('column') &&
      pairs.has('method') &&
      ['true', 'false'].includes(pairs.get('drifted') ?? '') &&
      n !== null
    ) {
      drift.columns.push({ column: pairs.get('column') ?? '', method: pairs.get('method') ?? '', score: n, drifted: pairs.get('drifted') === 'true' });
      return;
    }
    if (type.startsWith('validation_') && slice.pairs.length === 1 && pairs.has('suite')) {
      const suite = pairs.get('suite') ?? '';
      const v = validation.get(suite) ?? { suite };
      if (type === 'validation_success' && (value === 'true' || value === 'false')) v.success = value === 'true';
      else if (type === 'validation_expectations_evaluated' && n !== null) v.evaluated = n;
      else if (type === 'validation_expectations_successful' && n !== null) v.successful = n;
      else return keep();
      validation.set(suite, v);
      return;
    }
    if (n === null || slice.pairs.length > 1) return keep();
    const metric: CardMetric = { type, value: n, side: slice.side, source };
    const label = labels.get(i);
    if (label !== undefined) metric.name = label;
    const [group] = slice.pairs;
    if (group) metric.group = { column: group[0], value: group[1] };
    if (ci) {
      const lower = num(str(ci.lower_bound));
      const upper = num(str(ci.upper_bound));
      const setting = settings.get(i) ?? all;
      if (lower === null || upper === null) return keep();
      if (!setting)
        warnings.push(
          `quantitative_analysis.performance_metrics[${i}]: interval without Driftbook's settings — read as a 95% percentile bootstrap of unknown resamples and seed (0)`,
        );
      metric.interval = { lower, upper, ...(setting ?? { level: 0.95, method: 'percentile-bootstrap', resamples: 0, seed: 0 }) };
    }
    (type.startsWith('estimated_') ? card.quantitative.estimated : card.quantitative.metrics).push(metric);
  });
  card.quantitative.notes = extraNotes.length ? [notes, extraNotes.join('\n')].filter((t) => t !== '').join('\n\n') : notes;
  if (
    drift.share !== undefined &&
    drift.drifted !== undefined &&
    drift.tested !== undefined &&
    drift.datasetDrift !== undefined &&
    drift.threshold !== undefined
  ) {
    card.quantitative.drift = {
      share: drift.share,
      driftedColumns: drift.drifted,
      testedColumns: drift.tested,
      datasetDrift: drift.datasetDrift,
      threshold: drift.threshold,
      columns: drift.columns,
      source,
    };
  } else if (drift.share !== undefined || drift.columns.length) {
    warnings.push(
      'quantitative_analysis.performance_metrics: drift facts are incomplete (need dataset_drift_share, drifted_columns, tested_columns, dataset_drift, dataset_drift_threshold) — drift not read',
    );
  }
  for (const v of validation.values()) {
    if (v.evaluated === undefined || v.successful === undefined || v.success === undefined) {
      warnings.push(`quantitative_analysis.performance_metrics: validation of suite "${v.suite ?? ''}" is incomplete — not read`);
      continue;
    }
    card.quantitative.validation.push({ suite: v.suite ?? '', evaluated: v.evaluated, successful: v.successful, success: v.success, source });
  }
  const cons = obj(root.considerations);
  const described = (v: unknown): string[] => arr(v).map((x) => str(x.description));
  card.considerations = {
    users: described(cons.users),
    useCases: described(cons.use_cases),
    limitations: described(cons.limitations),
    tradeoffs: described(cons.tradeoffs),
    ethicalConsiderations: arr(cons.ethical_considerations).map((r) => ({ name: str(r.name), mitigationStrategy: str(r.mitigation_strategy) })),
  };
  return { card, warnings };
}
