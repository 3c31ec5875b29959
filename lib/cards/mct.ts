/**
 * Model Card Toolkit v0.0.2 JSON: export and strict import.
 *
 * What the toolkit accepts (model_card_toolkit/model_card.py `ModelCard.from_json` →
 * base_model_card_field.py `_from_json`): the v0.0.2 JSON schema, and no key that is not a field of
 * its dataclasses at any depth; every leaf is a string. So Driftbook's numbers travel as strings:
 *
 * - performance_metrics[] = {type, value, slice, confidence_interval: {lower_bound, upper_bound}},
 *   values as the shortest round-trip decimal (String(number)); the side and the group in `slice`
 *   (see mct-slice.ts); estimated metrics typed `estimated_<id>` (autofill's convention; a bare id gets
 *   the prefix, so they come back as estimated_<id>); drift as dataset_drift_share,
 *   drifted_columns, tested_columns, dataset_drift, dataset_drift_threshold and one drift_score per
 *   column (slice `current: column=…; method=…; drifted=…`); validation as validation_* with `suite=…`.
 * - a dataset's side, rows and SHA-256 as a last line of its description ("Driftbook dataset facts — …").
 * - the quantitative notes, then how intervals were computed (level, method, resamples, seed) and
 *   the metrics' labels, in quantitative_analysis.graphics.description — MCT has no other text there.
 * - the Hugging Face sections and the sign-off as indented `## Title` sections at the end of
 *   model_details.documentation (mct-text.ts).
 *
 * Not representable: provenance (`source`: cell, datasets, time) — imported numbers get source kind
 * 'import', so a re-autofill replaces them.
 */
import { formatSlice } from './mct-slice';
import { intervalKey, MCT_SCHEMA_VERSION, mctNumber, withCardSections, withDatasetFacts, withNumberFacts } from './mct-text';
import type { CardInterval, CardMetric, ModelCard } from './types';

export { fromMct } from './mct-read';
export { importSource, MCT_SCHEMA_VERSION, mctNumber } from './mct-text';

type Json = Record<string, unknown>;

/** Estimated metrics are typed estimated_<id> (as autofill writes them); a bare id gets the prefix. */
export const estimatedType = (type: string): string => (type.startsWith('estimated_') ? type : `estimated_${type}`);

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

function metricEntry(type: string, value: number | string, slice: string, interval?: CardInterval): Json {
  const entry: Json = { type, value: typeof value === 'number' ? mctNumber(value) : value, slice };
  if (interval) entry.confidence_interval = { lower_bound: mctNumber(interval.lower), upper_bound: mctNumber(interval.upper) };
  return entry;
}

function groupPairs(m: CardMetric): [string, string][] {
  return m.group ? [[m.group.column, m.group.value]] : [];
}

function performanceMetrics(card: ModelCard): { entries: Json[]; intervals: Map<string, number[]>; labels: Map<number, string> } {
  const entries: Json[] = [];
  const intervals = new Map<string, number[]>();
  const labels = new Map<number, string>();
  const add = (entry: Json, interval?: CardInterval, label?: string): void => {
    if (label !== undefined) labels.set(entries.length, label);
    if (interval) intervals.set(intervalKey(interval), [...(intervals.get(intervalKey(interval)) ?? []), entries.length]);
    entries.push(entry);
  };
  const q = card.quantitative;
  for (const m of q.metrics) add(metricEntry(m.type, m.value, formatSlice(m.side, groupPairs(m)), m.interval), m.interval, m.name);
  for (const m of q.estimated) add(metricEntry(estimatedType(m.type), m.value, formatSlice(m.side, groupPairs(m)), m.interval), m.interval, m.name);
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
  return { entries, intervals, labels };
}

/** The card as an MCT v0.0.2 JSON object (strings only, only the toolkit's fields). */
export function toMct(card: ModelCard): Json {
  const d = card.modelDetails;
  const p = card.modelParameters;
  const c = card.considerations;
  const { entries, intervals, labels } = performanceMetrics(card);
  const described = (list: string[]): Json[] => list.map((description) => compact({ description }));
  const license = (l: { identifier: string; customText: string }): Json =>
    l.customText && (l.identifier === 'other' || l.identifier === '') ? { custom_text: l.customText } : { identifier: l.identifier };
  return {
    schema_version: MCT_SCHEMA_VERSION,
    model_details: compact({
      name: d.name,
      overview: d.overview,
      documentation: withCardSections(card),
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
        compact({ name: ds.name, description: withDatasetFacts(ds), link: ds.link, sensitive: compact({ sensitive_data: ds.sensitive }) }),
      ),
      input_format: p.inputFormat,
      input_format_map: p.inputFormatMap.map((kv) => compact({ key: kv.key, value: kv.value })),
      output_format: p.outputFormat,
      output_format_map: p.outputFormatMap.map((kv) => compact({ key: kv.key, value: kv.value })),
    }),
    quantitative_analysis: compact({
      performance_metrics: entries,
      graphics: compact({ description: withNumberFacts(card.quantitative.notes, intervals, labels) }),
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
