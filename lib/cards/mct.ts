/**
 * Model Card Toolkit v0.0.2 JSON: export and strict import.
 *
 * What the toolkit accepts (model_card_toolkit/model_card.py `ModelCard.from_json` →
 * base_model_card_field.py `_from_json`): the v0.0.2 JSON schema, and no key that is not a field of
 * its dataclasses at any depth; every leaf is a string. So Driftbook's numbers travel as strings:
 *
 * - performance_metrics[] = {type, value, slice, confidence_interval: {lower_bound, upper_bound}},
 *   values as the shortest round-trip decimal (String(number)); the side and the group in `slice`
 *   (see mct-slice.ts); estimated metrics as `estimated_<type>`; drift as dataset_drift_share,
 *   drifted_columns, tested_columns, dataset_drift, dataset_drift_threshold and one drift_score per
 *   column (slice `current: column=…; method=…; drifted=…`); validation as validation_* with `suite=…`.
 * - a dataset's side, rows and SHA-256 as a last line of its description ("Driftbook dataset facts — …").
 * - the quantitative notes, and how intervals were computed (level, method, resamples, seed), in
 *   quantitative_analysis.graphics.description — MCT has no other text there.
 *
 * Not representable in MCT, hence not read back: metric labels (`name`), every `source` (imported
 * numbers get source kind 'import', so a re-autofill replaces them), the Hugging Face-only sections
 * and the sign-off.
 */
import { AnalysisError } from '../errors';
import { mctFieldError, MCT_FIELDS } from './mct-fields';
import { formatSlice, parseSlice } from './mct-slice';
import {
  emptyCard,
  type CardDataset,
  type CardDrift,
  type CardInterval,
  type CardMetric,
  type CardSide,
  type CardSource,
  type CardValidation,
  type ModelCard,
} from './types';

type Json = Record<string, unknown>;

export const MCT_SCHEMA_VERSION = '0.0.2';

/** Numbers in MCT are strings: the shortest decimal that reads back to the same double. */
export const mctNumber = (value: number): string => String(value);

/** The source given to numbers read back from a file (which cannot say where they came from). */
export function importSource(format: string): CardSource {
  return { cellId: '', cellTitle: `Imported from ${format}`, kind: 'import', datasets: [], computedAt: '' };
}

/** Drop empty strings, empty lists and empty objects (as the toolkit's own to_dict does). */
function compact(value: Json): Json {
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === '' || v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[key] = v;
  }
  return out;
}

const FACTS_PART = '(?:side: (?:reference|current)|rows: \\d+|SHA-256: [0-9A-Fa-f]+|none)';
const FACTS = new RegExp(`(?:^|\\n\\n)Driftbook dataset facts — (${FACTS_PART}(?:; ${FACTS_PART})*)$`);

function datasetDescription(ds: CardDataset): string {
  const parts: string[] = [];
  if (ds.side) parts.push(`side: ${ds.side}`);
  if (ds.rows !== undefined) parts.push(`rows: ${ds.rows}`);
  if (ds.sha256) parts.push(`SHA-256: ${ds.sha256}`);
  // A description that itself ends like our line gets an explicit one, so it reads back unchanged.
  if (parts.length === 0 && !FACTS.test(ds.description)) return ds.description;
  const facts = `Driftbook dataset facts — ${parts.length ? parts.join('; ') : 'none'}`;
  return ds.description ? `${ds.description}\n\n${facts}` : facts;
}

function readDatasetDescription(text: string): Pick<CardDataset, 'description' | 'side' | 'rows' | 'sha256'> & { ours: boolean } {
  const m = FACTS.exec(text);
  if (!m) return { description: text, ours: false };
  const out: Pick<CardDataset, 'description' | 'side' | 'rows' | 'sha256'> & { ours: boolean } = { description: text.slice(0, m.index), ours: true };
  for (const part of (m[1] ?? '').split('; ')) {
    const [key, value = ''] = part.split(': ');
    if (key === 'side') out.side = value as CardSide;
    else if (key === 'rows') out.rows = Number(value);
    else if (key === 'SHA-256') out.sha256 = value;
  }
  return out;
}

const INTERVALS_HEAD = 'Driftbook intervals — ';

/** Where our intervals block starts in a description (its last occurrence at the start or after a blank line), or -1. */
function intervalsAt(text: string): number {
  const at = text.lastIndexOf(`\n\n${INTERVALS_HEAD}`);
  if (at >= 0) return at;
  return text.startsWith(INTERVALS_HEAD) ? 0 : -1;
}

function intervalKey(i: CardInterval): string {
  return `level ${mctNumber(i.level)}, ${i.method}, ${i.resamples} resamples, seed ${i.seed}`;
}

function metricEntry(type: string, value: number | string, slice: string, interval?: CardInterval): Json {
  const entry: Json = { type, value: typeof value === 'number' ? mctNumber(value) : value, slice };
  if (interval) entry.confidence_interval = { lower_bound: mctNumber(interval.lower), upper_bound: mctNumber(interval.upper) };
  return entry;
}

function groupPairs(m: CardMetric): [string, string][] {
  return m.group ? [[m.group.column, m.group.value]] : [];
}

function performanceMetrics(card: ModelCard): { entries: Json[]; intervals: Map<string, number[]> } {
  const entries: Json[] = [];
  const intervals = new Map<string, number[]>();
  const add = (entry: Json, interval?: CardInterval): void => {
    if (interval) intervals.set(intervalKey(interval), [...(intervals.get(intervalKey(interval)) ?? []), entries.length]);
    entries.push(entry);
  };
  const q = card.quantitative;
  for (const m of q.metrics) add(metricEntry(m.type, m.value, formatSlice(m.side, groupPairs(m)), m.interval), m.interval);
  for (const m of q.estimated) add(metricEntry(`estimated_${m.type}`, m.value, formatSlice(m.side, groupPairs(m)), m.interval), m.interval);
  if (q.drift) {
    const d = q.drift;
    add(metricEntry('dataset_drift_share', d.share, 'current'));
    add(metricEntry('drifted_columns', d.driftedColumns, 'current'));
    add(metricEntry('tested_columns', d.testedColumns, 'current'));
    add(metricEntry('dataset_drift', String(d.datasetDrift), 'current'));
    add(metricEntry('dataset_drift_threshold', d.threshold, 'current'));
    for (const c of d.columns) {
      const pairs: [string, string][] = [
        ['column', c.column],
        ['method', c.method],
        ['drifted', String(c.drifted)],
      ];
      add(metricEntry('drift_score', c.score, formatSlice('current', pairs)));
    }
  }
  for (const v of q.validation) {
    const slice = formatSlice('current', [['suite', v.suite]]);
    add(metricEntry('validation_expectations_evaluated', v.evaluated, slice));
    add(metricEntry('validation_expectations_successful', v.successful, slice));
    add(metricEntry('validation_success', String(v.success), slice));
  }
  return { entries, intervals };
}

function quantitativeDescription(notes: string, intervals: Map<string, number[]>): string {
  if (intervals.size === 0 && intervalsAt(notes) < 0) return notes;
  const lines = [...intervals].map(([key, at]) => (intervals.size === 1 ? key : `${key} (performance_metrics ${at.join(', ')})`));
  const block = `Driftbook intervals — ${lines.length ? lines.join('\n') : 'none'}`;
  return notes ? `${notes}\n\n${block}` : block;
}

/** The card as an MCT v0.0.2 JSON object (strings only, only the toolkit's fields). */
export function toMct(card: ModelCard): Json {
  const d = card.modelDetails;
  const p = card.modelParameters;
  const c = card.considerations;
  const { entries, intervals } = performanceMetrics(card);
  const described = (list: string[]): Json[] => list.map((description) => compact({ description }));
  const license = (l: { identifier: string; customText: string }): Json =>
    l.customText && (l.identifier === 'other' || l.identifier === '') ? { custom_text: l.customText } : { identifier: l.identifier };
  return {
    schema_version: MCT_SCHEMA_VERSION,
    model_details: compact({
      name: d.name,
      overview: d.overview,
      documentation: d.documentation,
      owners: d.owners.map((o) => compact({ name: o.name, contact: o.contact })),
      version: compact({ name: d.version.name, date: d.version.date, diff: d.version.diff }),
      licenses: d.licenses.map(license),
      references: d.references.map((reference) => compact({ reference })),
      citations: d.citations.map((x) => compact({ style: x.style, citation: x.citation })),
      path: d.path,
    }),
    model_parameters: compact({
      model_architecture: p.architecture,
      data: p.data.map((ds) =>
        compact({ name: ds.name, description: datasetDescription(ds), link: ds.link, sensitive: compact({ sensitive_data: ds.sensitive }) }),
      ),
      input_format: p.inputFormat,
      input_format_map: p.inputFormatMap.map((kv) => compact({ key: kv.key, value: kv.value })),
      output_format: p.outputFormat,
      output_format_map: p.outputFormatMap.map((kv) => compact({ key: kv.key, value: kv.value })),
    }),
    quantitative_analysis: compact({
      performance_metrics: entries,
      graphics: compact({ description: quantitativeDescription(card.quantitative.notes, intervals) }),
    }),
    considerations: compact({
      users: described(c.users),
      use_cases: described(c.useCases),
      limitations: described(c.limitations),
      tradeoffs: described(c.tradeoffs),
      ethical_considerations: c.ethicalConsiderations.map((r) => compact({ name: r.name, mitigation_strategy: r.mitigationStrategy })),
    }),
  };
}

/** toMct as a file: 2-space JSON and a final newline. */
export function toMctJson(card: ModelCard): string {
  return `${JSON.stringify(toMct(card), null, 2)}\n`;
}

export { MCT_FIELDS };

// ---- import ----

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const NUMBER = /^(?:-?(?:\d+(?:\.\d+)?(?:e[-+]\d+)?|Infinity)|NaN)$/;
const num = (v: string): number | null => (NUMBER.test(v) ? Number(v) : null);

function parseIntervals(description: string): {
  notes: string;
  settings: Map<number, Omit<CardInterval, 'lower' | 'upper'>>;
  all?: Omit<CardInterval, 'lower' | 'upper'>;
} {
  const at = intervalsAt(description);
  const settings = new Map<number, Omit<CardInterval, 'lower' | 'upper'>>();
  if (at < 0) return { notes: description, settings };
  const block = description.slice(at).replace(/^\n\n/, '').slice(INTERVALS_HEAD.length);
  let all: Omit<CardInterval, 'lower' | 'upper'> | undefined;
  for (const line of block.split('\n')) {
    const s = /^level (\S+), (percentile-bootstrap), (\d+) resamples, seed (-?\d+)(?: \(performance_metrics ([\d, ]+)\))?$/.exec(line);
    if (!s) continue;
    const setting = { level: Number(s[1]), method: 'percentile-bootstrap' as const, resamples: Number(s[3]), seed: Number(s[4]) };
    if (s[5] === undefined) all = setting;
    else for (const at of s[5].split(', ')) settings.set(Number(at), setting);
  }
  return { notes: description.slice(0, at), settings, all };
}

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
  const mp = obj(root.model_parameters);
  const source = importSource('MCT JSON');
  card.modelParameters = {
    architecture: str(mp.model_architecture),
    data: arr(mp.data).map((ds, i) => {
      const facts = readDatasetDescription(str(ds.description));
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
  const { notes, settings, all } = parseIntervals(str(graphics.description));
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
    const metric: CardMetric = { type: type.replace(/^estimated_/, ''), value: n, side: slice.side, source };
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
